"""What a person chooses with, drawn with marks as well as colour.

Tick boxes and radio buttons ([✓], (●)), the 1-5 rating scale, the region.
"""

"""Working with the contact person and supporters.

Session notes (sessions) and what the person asks of one supporter (supporters).
"""

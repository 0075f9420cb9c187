"""Sharing and printing what the person chooses: parts, supporter sheet, Markdown and HTML.

The parts are built once as plain blocks of the person's text (blocks.py);
markdown.py and html.py each turn blocks into a file, escaping every piece
of text in their one escape function. Nothing here imports Textual.
"""

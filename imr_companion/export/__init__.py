"""Turning the person's data into files they choose to keep or share, and back.

transfer.py: the JSON export, import and restore (through the store's gate);
schema.py and schema.json: the export's published format; markdown.py: for
reading and printing; escape.py: the person's text made safe for Markdown.
Nothing here ever happens without the person asking.
"""

from imr_companion.export.markdown import MARKDOWN_PARTS, MARKDOWN_SECTIONS, plan_markdown, to_markdown
from imr_companion.export.schema import FORMAT
from imr_companion.export.transfer import ImportRefused, document_from_json, to_json

__all__ = [
    "FORMAT",
    "MARKDOWN_PARTS",
    "MARKDOWN_SECTIONS",
    "ImportRefused",
    "document_from_json",
    "plan_markdown",
    "to_json",
    "to_markdown",
]

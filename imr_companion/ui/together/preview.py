"""A shared page shown on screen as it will print: headings, lists and drawings, never Markdown marks.

For a page to print, the preview draws the page's blocks with styles (bold
headings, bullets, numbers); for a plain text file it shows the file's text
as it is. Every piece of the person's text is appended as plain text, never
read as markup.
"""

from __future__ import annotations

from rich.text import Text

from imr_companion.i18n import ngettext
from imr_companion.sharing.blocks import Heading, Item, Items, Page, Paragraph, Picture
from imr_companion.sharing.formats import render

PREVIEW_LINES = 400
"""The preview shows the start of a long file; the file itself holds everything chosen."""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _item(prefix: str, item: Item) -> Text:
    line = Text(prefix)
    if item.mark:
        line.append(item.mark + " ")
    if item.label:
        line.append(_one_line(item.label), style="bold")
        if item.text.strip():
            line.append(": ")
    line.append(_one_line(item.text))
    return line


def printed_lines(page: Page) -> list[Text]:
    """The page as the printed page reads, one Text a line."""
    lines = [Text(page.title, style="bold"), Text(page.intro, style="italic"), Text()]
    for block in page.blocks:
        if isinstance(block, Heading):
            style = "bold underline" if block.level <= 2 else "bold"
            if lines and lines[-1].plain:
                lines.append(Text())
            lines.append(Text(block.text, style=style))
        elif isinstance(block, Paragraph):
            style = "italic" if block.quiet else ""
            lines += [Text(line, style=style) for line in block.text.splitlines() if line.strip()]
        elif isinstance(block, Items):
            for number, item in enumerate(block.items, start=1):
                lines.append(_item(f"  {number}. " if block.numbered else "  • ", item))
        elif isinstance(block, Picture):
            lines += [Text(block.caption, style="italic"), *(Text(line) for line in block.lines)]
    return lines


def preview(page: Page, kind: str) -> Text:
    """What the file will show: the printed page for "html", the file's own text for "markdown"."""
    if kind == "html":
        lines = printed_lines(page)
    else:
        lines = [Text(line) for line in render(page, kind).splitlines()]
    if len(lines) > PREVIEW_LINES:
        hidden = len(lines) - PREVIEW_LINES
        words = ngettext(
            "… and {count} more line in the file.", "… and {count} more lines in the file.", hidden
        )
        more = Text(words.format(count=hidden), style="italic")
        lines = [*lines[:PREVIEW_LINES], Text(), more]
    return Text("\n").join(lines)

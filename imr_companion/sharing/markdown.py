"""A page as Markdown: plain text that reads well as it is and prints well."""

from __future__ import annotations

import re

from imr_companion.sharing.blocks import Block, Heading, Item, Items, Page, Paragraph, Picture

# Characters Markdown reads as formatting wherever they stand.
_ANYWHERE = set("\\`*_[]<>|~&")
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])://|\bwww\.")
# At the start of a line these begin a heading, a list, a quote or a rule.
_LINE_START = re.compile(r"^(\s*)(\d+(?=[.)](?:\s|$))|)([#+\-=>.)])")


def escape(text: str) -> str:
    """`text` as typed: no character of it can become Markdown formatting, a link or HTML.

    The one Markdown escape for everything the person wrote. Line breaks are
    kept (as hard breaks) so a poem or a list typed in a text box stays one.
    """
    lines = []
    for line in text.splitlines() or [""]:
        escaped = "".join(f"\\{char}" if char in _ANYWHERE else char for char in line.rstrip())
        # A viewer would turn a bare web address into a link: an escaped ':' or '.' stops that.
        escaped = _AUTOLINK.sub(lambda m: "\\://" if m.group(0) == "://" else m.group(0)[:3] + "\\.", escaped)
        match = _LINE_START.match(escaped)
        # "1." or "-" starts a list, "#" a heading: the backslash goes before the punctuation.
        if match and (match.group(2) or match.group(3) not in ".)"):
            escaped = f"{match.group(1)}{match.group(2)}\\{escaped[match.end(2) :]}"
        lines.append(escaped)
    return "  \n".join(line for line in lines if line.strip()) if len(lines) > 1 else lines[0]


def _item(item: Item) -> str:
    text = escape(" ".join(item.text.split()))
    if item.label:
        label = f"**{escape(' '.join(item.label.split()))}**"
        text = f"{label}: {text}" if text else label
    return f"{item.mark} {text}" if item.mark else text


def to_markdown(page: Page) -> str:
    return f"# {escape(page.title)}\n\n{escape(page.intro)}\n\n" + blocks_markdown(page.blocks)


def blocks_markdown(blocks: list[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines += [f"{'#' * block.level} {escape(block.text)}", ""]
        elif isinstance(block, Paragraph):
            text = escape(block.text)
            lines += [f"*{text}*" if block.quiet else text, ""]
        elif isinstance(block, Items):
            for number, item in enumerate(block.items, start=1):
                lines.append(f"{number}. {_item(item)}" if block.numbered else f"- {_item(item)}")
            lines.append("")
        elif isinstance(block, Picture):
            # A fenced block shows a drawing as it is: nothing inside is formatting.
            # The fence is longer than any run of tildes inside, so no line can close it early.
            longest = max((len(run) for line in block.lines for run in re.findall("~+", line)), default=0)
            fence = "~" * max(3, longest + 1)
            lines += [escape(block.caption), "", fence, *block.lines, fence, ""]
    return "\n".join(lines).rstrip() + "\n"

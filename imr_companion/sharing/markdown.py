"""A page as Markdown: plain text that reads well as it is and prints well."""

from __future__ import annotations

import re

from imr_companion.export.escape import markdown_text as escape
from imr_companion.sharing.blocks import Block, Heading, Item, Items, Page, Paragraph, Picture


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

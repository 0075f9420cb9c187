"""A shared page as plain blocks of text, before it becomes Markdown or HTML.

Every string in a block is text as the person typed it (or our own words):
never markup. The renderers escape all of it, so no text can become a link,
a heading or a script in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    level: int
    """2 for a part, 3 and 4 inside it (1 is the page's title)."""
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    quiet: bool = False
    """A small note about the text (dates, who wrote it with the person)."""


@dataclass(frozen=True)
class Item:
    text: str
    label: str = ""
    """Shown in bold before the text, e.g. a name before a phone number."""
    mark: str = ""
    """'[x]', '[ ]' or '[~]' for something ticked, open or let go."""


@dataclass(frozen=True)
class Items:
    items: tuple[Item, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Picture:
    """A drawing in text (the network map, the goal ladder), shown in a fixed-width font."""

    lines: tuple[str, ...]
    caption: str


Block = Heading | Paragraph | Items | Picture


@dataclass
class Page:
    title: str
    intro: str
    blocks: list[Block] = field(default_factory=list)

    def text(self) -> str:
        """Every word on the page, for tests and searches (no markup)."""
        words = [self.title, self.intro]
        for block in self.blocks:
            if isinstance(block, Items):
                words += [f"{i.label} {i.text}" for i in block.items]
            elif isinstance(block, Picture):
                words += [*block.lines, block.caption]
            else:
                words.append(block.text)
        return "\n".join(words)


def items(texts: list[str], numbered: bool = False) -> Items:
    return Items(tuple(Item(text) for text in texts), numbered)

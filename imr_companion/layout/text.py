"""Fitting the person's words into screen cells: wide characters and emoji count as two, joiners as none."""

from __future__ import annotations

from rich.cells import split_graphemes


def shorten(text: str, width: int) -> str:
    """`text` cut to at most `width` cells, with an ellipsis when cut (never halfway through a character)."""
    if width <= 0:
        return ""
    spans, total = split_graphemes(text)
    if total <= width:
        return text
    used = 0
    end = 0
    for _start, stop, cells in spans:
        if used + cells > width - 1:
            break
        used += cells
        end = stop
    return text[:end].rstrip(" ,.:;-/(") + "…"


def cells(text: str) -> int:
    """How many screen cells `text` takes (a family emoji joined by zero-width joiners is one picture)."""
    return split_graphemes(text)[1]


def pad(text: str, width: int) -> str:
    """`text` with spaces after it to fill `width` cells, counting wide characters as two."""
    return text + " " * max(0, width - cells(text))

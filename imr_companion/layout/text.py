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

"""The two formats a shared page can be written in, and their usual file endings."""

from __future__ import annotations

from collections.abc import Callable

from imr_companion.sharing.blocks import Page
from imr_companion.sharing.html import to_html
from imr_companion.sharing.markdown import to_markdown

FORMATS: dict[str, tuple[Callable[[Page], str], str]] = {
    "markdown": (to_markdown, ".md"),
    "html": (to_html, ".html"),
}


def render(page: Page, kind: str) -> str:
    return FORMATS[kind][0](page)


def suffix(kind: str) -> str:
    return FORMATS[kind][1]

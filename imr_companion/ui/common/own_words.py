"""A person's own words on the screen: shown exactly as typed, never read as markup.

Textual reads a plain `str` given to most widgets (Static, Label, Button,
options, titles, tooltips, notices) as content markup: "Dr Lee [GP]" would
show as "Dr Lee ", "[Jo]" as nothing, and "Anne [/Bob]" would stop the app.
So anything a person wrote (or anything built around their words) reaches a
widget as `Content` made by `plain()`, which Textual never parses. Notices
need nothing: `CompanionApp.notify` shows every notice as plain text.
`tests/ui/test_own_words.py` walks every screen and dialog with such words.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content


def plain(text: str) -> Content:
    """`text` as it is: never markup, whatever brackets it holds."""
    return Content(text)


def plain_all(texts: Iterable[str]) -> list[Content]:
    """Each text as it is, for option lists and selects."""
    return [Content(text) for text in texts]

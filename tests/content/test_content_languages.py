"""Handouts per language: content/<language>/, the file's language's fixed headings, English as fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from imr_companion import content
from imr_companion.content import parse_handout
from imr_companion.content_format import ContentError

DANISH = """+++
id = "recovery-strategies"
number = 1
title = "Strategier for recovery"
summary = "Hvad recovery kan betyde for dig."
minutes = 5
practice = [
    "one-strategy: Vælg én ting, der hjælper dig, og gør den tre gange.",
    "tell-someone: Fortæl en, du stoler på, om et mål.",
]

[[words]]
word = "recovery"
meaning = "At få et godt liv, også med symptomer."
+++

## Velkommen
<!-- section: welcome -->

Her kan du læse om recovery.

## Prøv i denne uge
<!-- section: try-this-week -->

Vælg én ting at prøve.
"""


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """content/ in a temporary folder: English as shipped, and a Danish folder with only module 1."""
    english = content.folder("en")
    danish = tmp_path / "da"
    danish.mkdir()
    (danish / "01-recovery-strategies.md").write_text(DANISH, encoding="utf-8")
    places = {"en": english, "da": danish}
    monkeypatch.setattr(content, "folder", lambda language="en": places.get(language, tmp_path / "none"))
    for cached in (content._files, content._read, content.library):
        cached.cache_clear()
    yield danish
    for cached in (content._files, content._read, content.library):
        cached.cache_clear()


def test_a_danish_module_is_read_with_its_practice_tasks_and_danish_headings(folders):
    handout = content.handout("recovery-strategies", "da")
    assert handout is not None and handout.language == "da"
    assert handout.title == "Strategier for recovery"
    practice = handout.sections[-1]
    assert practice.is_practice and practice.title == "Prøv i denne uge"
    assert [(t.id, t.text) for t in handout.practice] == [
        ("one-strategy", "Vælg én ting, der hjælper dig, og gør den tre gange."),
        ("tell-someone", "Fortæl en, du stoler på, om et mål."),
    ]
    # The Words page speaks the module's language, whatever the app speaks.
    assert handout.words_markdown().startswith("## Ord\n\nOrd fra modul 1, Strategier for recovery, og hvad")
    english = content.handout("recovery-strategies", "en")
    assert english is not None and english.words_markdown().startswith("## Words\n\nWords from module 1")


def test_a_module_missing_in_danish_is_read_in_english_and_says_so(folders):
    modules = content.library("da")
    assert [h.number for h in modules] == list(range(1, 12))
    assert modules[0].language == "da"
    assert {h.language for h in modules[1:]} == {"en"}
    assert modules[1].sections[-1].title == "Try this week"
    assert content.handout("social-support", "da") == content.library("en")[3]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # Each language's file has its own heading for the practice section, and only that one has it.
        ("da", DANISH.replace("## Prøv i denne uge", "## Try this week"), "headed '## Prøv i denne uge'"),
        ("en", DANISH, "headed '## Try this week'"),
        ("da", DANISH.replace("## Velkommen", "## Prøv i denne uge"), "'welcome' is headed"),
        ("de", DANISH, "no fixed words"),
    ],
)
def test_the_practice_heading_is_the_files_language(language, text, expected):
    with pytest.raises(ContentError) as error:
        parse_handout(text, "01-recovery-strategies.md", language)
    assert expected in str(error.value)

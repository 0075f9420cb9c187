"""Exports and printouts are written in the person's language: Danish frame words around their own words.

Danish Sam's own words (and the handouts' text, which comes in Danish with
the next issue) stay as written; every word around them is ours and must be
Danish. The JSON export, the data itself, is the same in both languages.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator

import pytest

from imr_companion import clock, content, i18n
from imr_companion import demo as demo_data
from imr_companion.export import plan_markdown, to_json, to_markdown
from imr_companion.models import Person
from imr_companion.sharing.formats import render
from imr_companion.sharing.parts import Choice, shared_page
from imr_companion.sharing.supporter import signs_for, supporter_page
from imr_companion.store import Database, Repository
from tests.conftest import FIXED_NOW
from tests.helpers import english_left


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Database:
    """Danish Sam, made on the tests' fixed day."""
    folder = tmp_path_factory.mktemp("danish-exports") / "data"
    clock.fix(FIXED_NOW)
    try:
        demo_data.create(folder, years=1, language="da").close()
    finally:
        clock.fix(None)
    return Database.read_only(folder)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield from (" ".join(line.split()) for line in value.splitlines())
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def frame_words(text: str, database: Database) -> list[str]:
    """The English words in `text` once the person's own words and the handouts' text are taken out."""
    theirs = set(_strings(json.loads(to_json(database))["tables"]))
    for handout in content.library("da"):
        theirs |= set(_strings(handout))  # a named tuple: its fields, all the way down
    pattern = "|".join(re.escape(s) for s in sorted(theirs, key=len, reverse=True) if len(s) > 1)
    # The page's style is not words a person reads; the files' escaping is undone, so
    # the person's words are found as they typed them.
    text = re.sub(r"(?s)<style>.*?</style>", "", text)
    # A name too long for its place in a drawing is cut short ("Lou at the gar…").
    text = re.sub(r"(?:[\w'().-]+ ){0,4}[\w'().-]*…", " ", text)
    plain = " ".join(re.sub(r"\\(.)", r"\1", html.unescape(text)).split())
    # "have" is Danish too ("jeg vil gerne have mere kontakt").
    return english_left(re.sub(rf"(?<!\w)(?:{pattern})(?!\w)", " ", plain), allowed=frozenset({"have"}))


def test_a_danish_export_and_printout_speak_danish_around_the_persons_words(demo: Database, danish):
    markdown = to_markdown(demo)
    printout = render(shared_page(demo, Choice()), "html")
    assert "Skrevet ud den 18. marts 2026. Privat: deles kun, hvis jeg vælger det." in markdown
    for heading in ("Materialer", "Gode øjeblikke", "Mål", "Mit netværkskort", "Min plan", "Mødenoter"):
        assert f"\n## {heading}\n" in markdown, heading
    assert '<html lang="da">' in printout
    for heading in ("Min plan for at trives", "Min målstige", "Svar fra materialerne"):
        assert f"<h2>{heading}</h2>" in printout, heading
    assert "Cirklerne fra mig og udad" in printout and "hvor jeg startede" in printout
    supporter = next(p for p in Repository.of(demo, Person).all() if signs_for(demo, p))
    sheet = render(supporter_page(demo, supporter), "markdown")
    assert "Tegn, du måske lægger mærke til" in sheet
    plan = plan_markdown(demo)
    for name, text in {"export": markdown, "printout": printout, "sheet": sheet, "plan": plan}.items():
        assert frame_words(text, demo) == [], name


def test_english_stays_english_and_the_json_export_is_the_same_in_both(demo: Database):
    english = to_json(demo)
    assert '<html lang="en">' in render(shared_page(demo, Choice(("plan",))), "html")
    assert "Written out on 18 March 2026." in to_markdown(demo)
    i18n.use("da")
    assert to_json(demo) == english, "the data written out never depends on the language"

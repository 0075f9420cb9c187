"""The Danish handouts: the same modules as the English, easy to read by LIX, and as safe.

Parity is what keeps a person's answers whole across a change of language:
every answer and reading mark points at an id (section, sheet, exercise,
option, practice task), so a Danish module must have exactly the ids its
English module has. Readability is measured by LIX (readability.lix), and
the safety lines of tests/content/safety_lines.py must be found in both.
"""

from __future__ import annotations

import re
from pathlib import Path
from statistics import median

import pytest

from imr_companion.content import Handout, parse_handout
from tests.content.readability import MAX_LIX, MAX_MEDIAN_LIX, lix, plain_text
from tests.content.safety_lines import SAFETY

CONTENT = Path(__file__).resolve().parents[2] / "content"
ENGLISH = sorted((CONTENT / "en").glob("*.md"))
MIN_WORDS, MAX_WORDS = 1000, 2800

# A Danish section that speaks of danger points to Help now, as the English does.
DANGER = re.compile(
    r"\b112\b|1813|akutmodtagelse|skadestue|lægevagt|livslinien|alarmcentral"
    r"|tanker om at (?:skade|gøre en ende|tage dit liv)|selvmord",
    re.IGNORECASE,
)


def read(path: Path, language: str) -> Handout:
    return parse_handout(path.read_text(encoding="utf-8"), path.name, language)


def danish(english: Path) -> Path:
    # Kept for a language added one module at a time: a module not written yet is skipped here,
    # and test_every_module_is_written_in_danish says which.
    path = CONTENT / "da" / english.name
    if not path.exists():
        pytest.skip(f"{english.name} is not written in Danish yet")
    return path


def shape(handout: Handout) -> dict:
    """Everything a stored answer or reading mark can point at, without words."""
    return {
        "id": handout.id,
        "number": handout.number,
        "sections": [(s.id, s.sheet, s.exercises) for s in handout.sections],
        "sheets": [s.id for s in handout.sheets],
        "exercises": [
            (e.id, e.kind, e.tool, [o.id for o in e.options], e.allow_other) for e in handout.exercises
        ],
        "practice": [t.id for t in handout.practice],
    }


def everything(handout: Handout) -> str:
    """A module's whole text as a reader meets it: sections, worksheets, practice tasks, words."""
    parts = [handout.title, handout.summary]
    parts += [s.markdown for s in handout.sections]
    for e in handout.exercises:
        parts += [e.prompt, e.hint, e.low or "", e.high or ""] + [o.text for o in e.options]
    parts += [t.text for t in handout.practice]
    parts += [f"{w.word}: {w.meaning}" for w in handout.words]
    return "\n".join(parts)


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.stem)
def test_the_danish_module_has_the_same_ids_as_the_english(path: Path):
    english, dansk = read(path, "en"), read(danish(path), "da")
    assert shape(dansk) == shape(english)
    assert dansk.sections[-1].title == "Prøv i denne uge"


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.stem)
def test_the_danish_module_is_easy_to_read(path: Path, record_property):
    handout = read(danish(path), "da")
    scores = [(s.title, lix(s.source)) for s in handout.sections]
    words = sum(len(plain_text(s.source).split()) for s in handout.sections)
    values = [score for _, score in scores]
    low, middle, high = min(values), median(values), max(values)
    line = f"{path.stem:<28} {words:>5} words  LIX {low:4.1f} / {middle:4.1f} / {high:4.1f}"
    record_property("lix", line)
    print(line)
    for title, score in scores:
        print(f"    LIX {score:4.1f}  {title}")
    too_hard = [f"{title} ({score:.1f})" for title, score in scores if score > MAX_LIX]
    assert not too_hard, f"sections above LIX {MAX_LIX}: {too_hard}"
    assert median(values) <= MAX_MEDIAN_LIX, f"the median section has LIX {median(values):.1f}"
    assert MIN_WORDS <= words <= MAX_WORDS


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.stem)
def test_the_danish_module_explains_its_words_and_invites_the_contact_person(path: Path):
    handout = read(danish(path), "da")
    text = "\n".join(s.markdown for s in handout.sections)
    assert len(handout.words) >= 3
    missing = [w.word for w in handout.words if not re.search(rf"\b{re.escape(w.word)}", text, re.IGNORECASE)]
    assert not missing, f"words on the Words page that the module does not use: {missing}"
    assert handout.words_markdown().startswith("## Ord\n")
    hints = "\n".join(e.hint for e in handout.exercises)
    assert "kontaktperson" in text.lower()
    assert "sammen med din kontaktperson" in (text + hints).lower(), "no exercise says 'gør det sammen'"


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.stem)
def test_every_danish_section_about_danger_points_to_help_now(path: Path):
    english, dansk = read(path, "en"), read(danish(path), "da")
    missing = [
        s.title for s in dansk.sections if DANGER.search(s.markdown) and "Hjælp nu (F1)" not in s.markdown
    ]
    assert not missing, f"sections that speak of danger without Hjælp nu (F1): {missing}"
    pointed = {s.id for s in english.sections if "Help now (F1)" in s.markdown}
    lost = [s.title for s in dansk.sections if s.id in pointed and "Hjælp nu (F1)" not in s.markdown]
    assert not lost, f"sections whose English points to Help now (F1) but whose Danish does not: {lost}"


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.stem)
def test_the_safety_lines_are_in_both_languages(path: Path):
    english = read(path, "en")
    pairs = SAFETY[english.number]
    lost_in_english = [en for en, _ in pairs if not re.search(en, everything(english), re.IGNORECASE)]
    assert not lost_in_english, f"safety lines missing in English: {lost_in_english}"
    dansk = read(danish(path), "da")
    lost_in_danish = [da for _, da in pairs if not re.search(da, everything(dansk), re.IGNORECASE)]
    assert not lost_in_danish, f"safety lines missing in Danish: {lost_in_danish}"


def test_every_module_is_written_in_danish():
    danish = sorted(p.name for p in (CONTENT / "da").glob("*.md"))
    assert danish == [p.name for p in ENGLISH]

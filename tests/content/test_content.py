"""The handouts: every file follows the format, reads at grade 8 or below, and is the right length."""

from __future__ import annotations

from pathlib import Path

import pytest

from imr_companion import content
from imr_companion.content import ContentError, parse_handout
from tests.conftest import READING_GRADES
from tests.content.readability import MAX_GRADE, body_of, grade, plain_text

CONTENT = Path(__file__).resolve().parents[2] / "content" / "en"
FILES = sorted(CONTENT.glob("*.md"))
MIN_WORDS, MAX_WORDS = 1200, 2500


def test_there_are_eleven_modules_numbered_in_order():
    handouts = content.library()
    assert [h.number for h in handouts] == list(range(1, 12))
    assert len({h.id for h in handouts}) == 11
    assert len(FILES) == 11


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_file_parses_and_places_each_exercise_once(path: Path):
    handout = parse_handout(path.read_text(encoding="utf-8"), path.name)
    declared = [e.id for e in handout.exercises]
    placed = [ident for section in handout.sections for ident in section.exercises]
    assert sorted(placed) == sorted(declared)
    assert len(set(declared)) == len(declared)
    assert len({s.id for s in handout.sections}) == len(handout.sections)
    assert handout.sections[-1].title == "Try this week"
    assert 1 <= len(handout.practice) <= 2
    for section in handout.sections:
        assert "<!--" not in section.markdown
        assert section.markdown.startswith(f"## {section.title}\n")


def test_module_two_has_a_sheet_per_diagnosis_and_shared_sections():
    handout = content.handout("practical-facts")
    assert handout is not None
    assert [s.id for s in handout.sheets] == ["schizophrenia", "bipolar", "depression"]
    shared = [s for s in handout.sections if s.sheet is None]
    for sheet in handout.sheets:
        own = [s for s in handout.sections if s.sheet == sheet.id]
        assert own, sheet.id
        assert handout.sections_for(sheet.id) == [s for s in handout.sections if s in shared or s in own]
    assert handout.sections_for(None) == list(handout.sections)
    assert handout.sections_for(content.ALL_SHEETS) == list(handout.sections)


def test_tool_exercises_name_the_areas_of_the_goal_network_and_plan():
    tools = {(h.number, e.tool) for h in content.library() for e in h.exercises if e.kind == "tool"}
    assert {(1, "goals"), (4, "network"), (7, "plan")} <= tools


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_reading_level_and_length(path: Path):
    body = body_of(path)
    words = len(plain_text(body).split())
    grades = [(heading, grade(text)) for heading, text in content_sections(path)]
    worst = max(g for _, g in grades)
    mean = sum(g for _, g in grades) / len(grades)
    line = f"{path.stem:<28} {words:>5} words  grade {mean:4.1f} on average, {worst:4.1f} at most"
    READING_GRADES[path.stem] = line
    print(line)
    too_hard = [f"{heading} ({g:.1f})" for heading, g in grades if g > MAX_GRADE]
    assert not too_hard, f"sections above grade {MAX_GRADE}: {too_hard}"
    assert MIN_WORDS <= words <= MAX_WORDS


def content_sections(path: Path) -> list[tuple[str, str]]:
    handout = parse_handout(path.read_text(encoding="utf-8"), path.name)
    return [(s.title, s.source) for s in handout.sections]


def test_the_practice_tasks_fit_this_weeks_practice():
    from imr_companion.models import PracticeTask

    for handout in content.library():
        for text in handout.practice:
            PracticeTask(text=text, source=f"handout:{handout.id}")


# --- The format is checked, with errors that say what and where -----------

GOOD = """+++
id = "sample"
number = 1
title = "Sample"
summary = "A sample."
minutes = 5
practice = ["Try one thing."]

[[exercises]]
id = "feel"
kind = "rating"
prompt = "How do you feel?"
low = "Low"
high = "High"
+++

## First

Some words.

<!-- exercise: feel -->

## Try this week

Try one thing.
"""


def test_a_good_sample_parses():
    handout = parse_handout(GOOD, "sample.md")
    assert [s.id for s in handout.sections] == ["first", "try-this-week"]
    assert handout.sections[0].exercises == ("feel",)
    assert handout.sections[0].markdown == "## First\n\nSome words.\n"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda t: t.replace("<!-- exercise: feel -->", "<!-- exercise: fell -->"),
            "'fell', which is not declared",
        ),
        (lambda t: t.replace("<!-- exercise: feel -->", ""), "placed 0 times"),
        (lambda t: t.replace("Some words.", "Some words.\n\n<!-- exercise: feel -->"), "placed 2 times"),
        (lambda t: t.replace("<!-- exercise: feel -->", "<!-- note: hi -->"), "line 21: unknown comment"),
        (lambda t: t.replace('low = "Low"\n', ""), "rating needs both"),
        (lambda t: t.replace('kind = "rating"', 'kind = "slider"'), "exercises.0.kind"),
        (lambda t: t.replace("## Try this week", "## Later"), "'## Try this week'"),
        (lambda t: t.replace("## First", "## Try this week"), "'## Try this week'"),
        (lambda t: t.replace("minutes = 5", 'minutes = "five"'), "minutes"),
        (lambda t: t.replace("+++\n\n## First", "+++\nstray\n## First"), "before the first '## '"),
        (lambda t: t.replace('id = "sample"', 'id = "sample"\ncolour = "red"'), "colour"),
        (
            lambda t: t.replace("## First\n", "## First\nwords\n<!-- sheet: x -->\n"),
            "right after the heading",
        ),
        (
            lambda t: t.replace("## First\n", "## First\n<!-- sheet: x -->\n"),
            "sheet 'x', which is not declared",
        ),
        (lambda t: t[4:], "must start with a '+++' line"),
        (lambda t: t.replace('title = "Sample"', "title = "), "not valid TOML"),
    ],
)
def test_format_mistakes_are_named(change, expected: str):
    with pytest.raises(ContentError) as error:
        parse_handout(change(GOOD), "sample.md")
    assert "sample.md" in str(error.value)
    assert expected in str(error.value)


def test_a_checklist_needs_options_and_a_tool_needs_its_area():
    bad_checklist = GOOD.replace('kind = "rating"', 'kind = "checklist"').replace(
        'low = "Low"\nhigh = "High"\n', ""
    )
    with pytest.raises(ContentError, match="at least two options"):
        parse_handout(bad_checklist, "sample.md")
    bad_tool = GOOD.replace('kind = "rating"', 'kind = "tool"').replace('low = "Low"\nhigh = "High"\n', "")
    with pytest.raises(ContentError, match="needs 'tool'"):
        parse_handout(bad_tool, "sample.md")


def test_the_handouts_are_found_in_a_source_checkout_and_in_an_installed_package(monkeypatch):
    folder = content.folder()
    assert any(entry.name == "01-recovery-strategies.md" for entry in folder.iterdir())
    # In the wheel they sit inside the package; importlib.resources finds them there first.
    assert "content" in str(folder) and str(folder).endswith("en")

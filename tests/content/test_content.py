"""The handouts: every file follows the format, reads easily by two measures, and is the right length."""

from __future__ import annotations

import re
from pathlib import Path
from statistics import median

import pytest

from imr_companion import content
from imr_companion.content import ContentError, parse_handout
from tests.content.readability import (
    MAX_DALE_CHALL,
    MAX_GRADE,
    MAX_MEDIAN_DALE_CHALL,
    dale_chall,
    grade,
    plain_text,
)

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


def test_module_nine_has_a_sheet_per_symptom_that_stays_and_shares_the_rest():
    handout = content.handout("coping-with-problems")
    assert handout is not None
    assert len(handout.sheets) == 7
    voices = [s.id for s in handout.sections_for("voices")]
    assert "coping-with-voices" in voices and "coping-with-low-mood" not in voices
    # Problem solving, the common-problems checklist and trying and rating strategies are everyone's.
    assert {"common-problems", "when-symptoms-stay", "try-it-and-rate-it", "try-this-week"} <= set(voices)
    assert len(voices) == len([s for s in handout.sections if s.sheet is None]) + 1


def test_tool_exercises_name_the_areas_of_the_goal_network_and_plan():
    tools = {(h.number, e.tool) for h in content.library() for e in h.exercises if e.kind == "tool"}
    assert {(1, "goals"), (4, "network"), (7, "plan")} <= tools


def words_read(path: Path) -> int:
    """The words one person reads: the shared sections and, in a module with sheets, the longest sheet
    (a person reads the sheet that fits them; modules 2 and 9 have one per diagnosis or symptom)."""
    handout = parse_handout(path.read_text(encoding="utf-8"), path.name)
    counts: dict[str | None, int] = {}
    for section in handout.sections:
        counts[section.sheet] = counts.get(section.sheet, 0) + len(plain_text(section.markdown).split())
    shared = counts.pop(None, 0)
    return shared + max(counts.values(), default=0)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_reading_level_and_length(path: Path, record_property):
    words = words_read(path)
    scores = [(heading, grade(text), dale_chall(text)) for heading, text in content_sections(path)]
    grades = [g for _, g, _ in scores]
    dcs = [dc for _, _, dc in scores]
    line = (
        f"{path.stem:<28} {words:>5} words read  grade {sum(grades) / len(grades):4.1f} on average, "
        f"{max(grades):4.1f} at most; Dale-Chall {min(dcs):4.2f} / {median(dcs):4.2f} / {max(dcs):4.2f}"
    )
    record_property("reading_level", line)
    print(line)
    for heading, g, dc in scores:
        print(f"    FK {g:4.1f}  DC {dc:4.2f}  {heading}")
    too_hard = [f"{heading} ({g:.1f})" for heading, g, _ in scores if g > MAX_GRADE]
    assert not too_hard, f"sections above grade {MAX_GRADE}: {too_hard}"
    too_many_hard_words = [f"{heading} ({dc:.2f})" for heading, _, dc in scores if dc > MAX_DALE_CHALL]
    assert not too_many_hard_words, f"sections above Dale-Chall {MAX_DALE_CHALL}: {too_many_hard_words}"
    assert median(dcs) < MAX_MEDIAN_DALE_CHALL, f"the median section scores {median(dcs):.2f} on Dale-Chall"
    assert MIN_WORDS <= words <= MAX_WORDS


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_module_explains_its_words_and_each_word_is_in_its_text(path: Path):
    handout = parse_handout(path.read_text(encoding="utf-8"), path.name)
    assert len(handout.words) >= 3
    text = "\n".join(section.markdown for section in handout.sections)
    missing = [
        w.word for w in handout.words if not re.search(rf"\b{re.escape(w.word)}\b", text, re.IGNORECASE)
    ]
    assert not missing, f"words on the Words page that the module does not use: {missing}"
    page = handout.words_markdown()
    assert page.startswith("## Words\n") and all(f"**{w.word}**" in page for w in handout.words)


# Phrases that trip literal readers and translators, or assume a group: the
# text says "contact person" and plain words instead (CONTENT.md, Tone).
AVOID = (
    "snap out of",
    "out of the blue",
    "to heart",
    "meet you where you are",
    "two heads",
    "hit you harder",
    "brush off",
    "next session",
    "a helper",
    "stabilizer",
)
DANGER = re.compile(
    r"emergency number|emergency department|crisis line|crisis service"
    r"|get (?:medical )?help (?:at once|right away)|thoughts of (?:hurting|harming|ending)",
    re.IGNORECASE,
)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_the_contact_person_is_invited_and_no_idioms_are_left(path: Path):
    handout = parse_handout(path.read_text(encoding="utf-8"), path.name)
    text = "\n".join(section.markdown for section in handout.sections).lower()
    hints = "\n".join(e.hint for e in handout.exercises).lower()
    assert "contact person" in text
    assert "together with your contact person" in text + hints, "no exercise says 'do this together'"
    found = [phrase for phrase in AVOID if phrase in text + hints]
    assert not found, f"phrases to rewrite: {found}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_section_about_danger_points_to_help_now(path: Path):
    handout = parse_handout(path.read_text(encoding="utf-8"), path.name)
    missing = [
        s.title for s in handout.sections if DANGER.search(s.markdown) and "Help now (F1)" not in s.markdown
    ]
    assert not missing, f"sections that speak of danger without Help now (F1): {missing}"


def content_sections(path: Path) -> list[tuple[str, str]]:
    handout = parse_handout(path.read_text(encoding="utf-8"), path.name)
    return [(s.title, s.source) for s in handout.sections]


def test_the_practice_tasks_fit_this_weeks_practice():
    from imr_companion.models import PracticeTask

    for handout in content.library():
        for task in handout.practice:
            PracticeTask(text=task.text, source=f"handout:{handout.id}:{task.id}")


# --- The format is checked, with errors that say what and where -----------

GOOD = """+++
id = "sample"
number = 1
title = "Sample"
summary = "A sample."
minutes = 5
practice = ["one-thing: Try one thing."]

[[exercises]]
id = "feel"
kind = "rating"
prompt = "How do you feel?"
low = "Low"
high = "High"
+++

## First
<!-- section: first -->

Some words.

<!-- exercise: feel -->

## Try this week
<!-- section: try-this-week -->

Try one thing.
"""


def test_a_good_sample_parses():
    handout = parse_handout(GOOD, "sample.md")
    assert [s.id for s in handout.sections] == ["first", "try-this-week"]
    assert [(t.id, t.text) for t in handout.practice] == [("one-thing", "Try one thing.")]
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
        (lambda t: t.replace("<!-- exercise: feel -->", "<!-- note: hi -->"), "line 22: unknown comment"),
        (lambda t: t.replace('low = "Low"\n', ""), "rating needs both"),
        (lambda t: t.replace('kind = "rating"', 'kind = "slider"'), "exercises.0.kind"),
        (lambda t: t.replace("section: try-this-week", "section: later"), "should be 'try-this-week'"),
        (lambda t: t.replace("section: first", "section: try-this-week"), "should be 'try-this-week'"),
        (lambda t: t.replace("minutes = 5", 'minutes = "five"'), "minutes"),
        (lambda t: t.replace("+++\n\n## First", "+++\nstray\n## First"), "before the first '## '"),
        (lambda t: t.replace('id = "sample"', 'id = "sample"\ncolour = "red"'), "colour"),
        (
            lambda t: t.replace("first -->\n", "first -->\nwords\n<!-- sheet: x -->\n"),
            "right after the section marker",
        ),
        (
            lambda t: t.replace("first -->\n", "first -->\n<!-- sheet: x -->\n"),
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


WITH_WORDS = GOOD.replace(
    "+++\n\n## First",
    '[[words]]\nword = "Sample"\nmeaning = "A small part that shows what the whole is like."\n\n'
    '[[words]]\nword = "feel"\nmeaning = "To have a mood or a sense in the body."\n+++\n\n## First',
)


def test_the_words_page_is_read_from_the_front_matter_and_written_as_markdown():
    handout = parse_handout(WITH_WORDS, "sample.md")
    assert [(w.word, w.meaning) for w in handout.words] == [
        ("Sample", "A small part that shows what the whole is like."),
        ("feel", "To have a mood or a sense in the body."),
    ]
    assert handout.words_markdown() == (
        "## Words\n\n"
        "Words from module 1, Sample, and what they mean.\n\n"
        "- **Sample**: A small part that shows what the whole is like.\n"
        "- **feel**: To have a mood or a sense in the body.\n"
    )
    assert parse_handout(GOOD, "sample.md").words == ()
    assert "no words to explain" in parse_handout(GOOD, "sample.md").words_markdown()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda t: t.replace('word = "feel"', 'word = "sample"'), "the word 'sample' is used twice"),
        (lambda t: t.replace('word = "feel"\n', ""), "words.1.word"),
        (lambda t: t.replace('word = "feel"', 'word = "feel"\ncolour = "red"'), "words.1.colour"),
        (lambda t: t.replace('meaning = "To have', 'meaning = "" # "'), "words.1.meaning"),
    ],
)
def test_word_mistakes_are_named(change, expected: str):
    with pytest.raises(ContentError) as error:
        parse_handout(change(WITH_WORDS), "sample.md")
    assert "sample.md" in str(error.value) and expected in str(error.value)


def test_the_handouts_are_found_in_a_source_checkout_and_in_an_installed_package(monkeypatch):
    folder = content.folder()
    assert any(entry.name == "01-recovery-strategies.md" for entry in folder.iterdir())
    # In the wheel they sit inside the package; importlib.resources finds them there first.
    assert "content" in str(folder) and str(folder).endswith("en")


def test_sams_written_answers_belong_to_exercises_that_exist():
    """Sam's answers are keyed by exercise id: a renamed or removed exercise must not leave one behind."""
    from imr_companion.demo import handouts as demo_handouts
    from imr_companion.demo.words import sam

    # The demo keys answers by exercise id alone; an id may be used in more than one module.
    exercises = [e for h in content.library() for e in h.exercises]
    for language in ("en", "da"):
        answers = sam(language).words["answers"]
        for ids, kind in (
            (answers["texts"], "text"),
            (answers["lists"], "list"),
            (answers["other"], "checklist"),
            (demo_handouts.TICKED, "checklist"),
            (demo_handouts.CHOICES, "choice"),
        ):
            for ident in ids:
                assert any(e.id == ident and e.kind == kind for e in exercises), ident
    # Ticks and choices are named by the options' ids, as answers store them.
    for ident, ticked in demo_handouts.TICKED.items():
        assert any(e.id == ident and set(ticked) <= {o.id for o in e.options} for e in exercises), ident
    for ident, choice in demo_handouts.CHOICES.items():
        assert any(e.id == ident and choice in {o.id for o in e.options} for e in exercises), ident


# --- Ids: written in the file, checked, never taken from the words ----------

CHECKLIST = GOOD.replace(
    'kind = "rating"\nprompt = "How do you feel?"\nlow = "Low"\nhigh = "High"',
    'kind = "checklist"\nprompt = "What helps?"\noptions = ["walk: Going for a walk", "tea: A cup of tea"]',
)


def test_options_and_tasks_are_read_with_their_ids():
    exercise = parse_handout(CHECKLIST, "sample.md").exercise("feel")
    assert exercise is not None
    assert [(o.id, o.text) for o in exercise.options] == [
        ("walk", "Going for a walk"),
        ("tea", "A cup of tea"),
    ]
    assert exercise.picked_words(["tea", "gone"]) == ["A cup of tea", "gone"]
    assert content.picked_words(exercise, ["walk"], ["Old words"]) == ["Going for a walk", "Old words"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda t: t.replace('"walk: Going', '"Going'), 'options: write each one as "id: the words"'),
        (lambda t: t.replace('"walk: Going', '"Walk: Going'), "'Walk' is not an id"),
        (lambda t: t.replace('"tea: A cup', '"walk: A cup'), "options: the id 'walk' is used twice"),
        (lambda t: t.replace('"walk:', '"a-very-long-id-that-goes-on-and-on:'), "longer than 30 characters"),
        (lambda t: t.replace('["one-thing: Try one thing."]', '["Try one thing."]'), "practice: write each"),
        (
            lambda t: t.replace('["one-thing: Try one thing."]', '["one: Try one thing.", "one: Rest."]'),
            "practice: the id 'one' is used twice",
        ),
        (
            lambda t: t.replace("<!-- section: first -->\n", ""),
            "the section 'First' needs its id on the line",
        ),
        (lambda t: t.replace("<!-- section: first -->\n", "\n<!-- section: first -->\n"), "needs its id"),
        (lambda t: t.replace("section: first", "section: First"), "'First' is not an id"),
        (lambda t: t.replace("section: first", "section: try-this-week"), "id 'try-this-week' is used twice"),
        (lambda t: t.replace("## First\n", "## Intro\n## First\n"), "'Intro' above needs"),
        (lambda t: t.replace("<!-- section: try-this-week -->\n", ""), "'Try this week' needs its id"),
    ],
)
def test_id_mistakes_are_named(change, expected: str):
    with pytest.raises(ContentError) as error:
        parse_handout(change(CHECKLIST), "sample.md")
    assert "sample.md" in str(error.value)
    assert expected in str(error.value)


def test_the_practice_section_is_known_by_its_id_whatever_its_heading_says():
    danish = parse_handout(GOOD.replace("## Try this week", "## Prøv i denne uge"), "sample.md", "da")
    assert danish.sections[-1].is_practice and danish.sections[-1].id == "try-this-week"
    assert danish.language == "da"


def test_every_id_is_unique_in_its_place_and_written_in_the_file():
    for handout in content.library():
        assert len({s.id for s in handout.sections}) == len(handout.sections)
        assert len({t.id for t in handout.practice}) == len(handout.practice)
        for exercise in handout.exercises:
            assert len({o.id for o in exercise.options}) == len(exercise.options)
        text = (content.folder() / f"{handout.number:02d}-{handout.id}.md").read_text(encoding="utf-8")
        for section in handout.sections:
            assert f"<!-- section: {section.id} -->" in text
        for item in [*handout.practice, *(o for e in handout.exercises for o in e.options)]:
            assert f'"{item.id}: ' in text


def test_a_language_without_a_module_falls_back_to_english(tmp_path, monkeypatch):
    english = content.folder("en")
    danish = tmp_path / "da"
    danish.mkdir()
    first = (english / "01-recovery-strategies.md").read_text(encoding="utf-8")
    (danish / "01-recovery-strategies.md").write_text(
        first.replace('title = "Recovery strategies"', 'title = "Recovery på dansk"').replace(
            "## Try this week", "## Prøv i denne uge"
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(
        content, "folder", lambda language="en": {"en": english, "da": danish}.get(language, tmp_path / "fr")
    )
    for cached in (content._files, content._read, content.library):
        cached.cache_clear()
    try:
        modules = content.library("da")
        assert [h.number for h in modules] == list(range(1, 12))
        assert modules[0].title == "Recovery på dansk" and modules[0].language == "da"
        assert all(h.language == "en" for h in modules[1:])
        assert content.handout("social-support", "da") == content.library("en")[3]
        assert content.library("fr") == content.library("en")
    finally:
        for cached in (content._files, content._read, content.library):
            cached.cache_clear()

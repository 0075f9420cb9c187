"""A person's data from before options had ids, opened by this version: every tick, choice,
section read and practice task is still shown, on screen and in the Markdown export."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from textual.widgets import OptionList

from imr_companion import content
from imr_companion.export.markdown import to_markdown
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database
from imr_companion.ui.common.choices.marked_toggle import MarkedRadioButton, MarkedSelectionList
from imr_companion.ui.common.lists.row_list import RowList
from imr_companion.ui.handouts.reader import ReaderScreen
from tests.helpers import running
from tests.ui.handouts.test_handouts_reader import open_library

BEFORE = Path(__file__).parents[2] / "store" / "data" / "demo_before_ids.json"


def old_document(data_dir: Path) -> dict:
    """The demo's data as the version before the ids wrote it, put in `data_dir`."""
    text = BEFORE.read_text(encoding="utf-8")
    data_dir.mkdir(parents=True, mode=0o700)
    (data_dir / DATA_FILE).write_text(text, encoding="utf-8")
    return json.loads(text)


def section_of(handout: content.Handout, exercise: str) -> str:
    return next(s.id for s in handout.sections if exercise in s.exercises)


async def shown_picks(app, pilot, answer: dict) -> list[str]:
    """The words ticked or chosen on screen for `answer`'s exercise, opened in the reader."""
    handout = content.handout(answer["handout"])
    assert handout is not None
    app.read_handout(handout.id, section_of(handout, answer["exercise"]))
    for _ in range(100):
        await pilot.pause()
        if isinstance(app.screen, ReaderScreen) and app.screen.query(f"#exercise-{answer['exercise']}"):
            break
    form = app.screen.query_one(f"#exercise-{answer['exercise']}")
    if answer["kind"] == "checklist":
        checklist = form.query_one(MarkedSelectionList)
        options = [checklist.get_option_at_index(i) for i in range(checklist.option_count)]
        shown = [str(o.prompt) for o in options if o.value in checklist.selected]
    else:
        shown = [str(b.label) for b in form.query(MarkedRadioButton) if b.value]
    await pilot.press("escape")
    await pilot.pause()
    return shown


async def test_every_tick_choice_section_and_task_is_still_shown(data_dir: Path):
    old = old_document(data_dir)
    # Every checklist of module 2's sheets is answered: the person reads every sheet.
    for reading in old["reading"].values():
        if reading["sheet"]:
            reading["sheet"] = "all"
    (data_dir / DATA_FILE).write_text(json.dumps(old), encoding="utf-8")
    picks = [a for a in old["answers"].values() if a["kind"] in ("checklist", "choice")]
    async with running(data_dir, size=(100, 60)) as (app, pilot):
        # Sections read: each module's row counts them as before.
        await open_library(pilot)
        rows = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        for reading in old["reading"].values():
            handout = content.handout(reading["handout"])
            assert handout is not None
            ids = [s.id for s in handout.sections_for(reading["sheet"])]
            read = sum(1 for s in ids if s in reading["read"])
            assert read > 0 and f"{read:>2}/{len(ids):<2}" in rows[handout.number - 1]
        # Ticks and choices: the reader shows the same words ticked or chosen.
        for answer in picks:
            expected = answer["ticked"] if answer["kind"] == "checklist" else [answer["choice"]]
            assert await shown_picks(app, pilot, answer) == expected, answer["exercise"]
        # Practice tasks: every one in the list, in its own words.
        await pilot.press("escape", "2", "p")
        for _ in range(100):
            await pilot.pause()
            if app.screen.query(RowList):
                break
        listed = " ".join(r.text for r in app.screen.query_one(RowList).rows)
        for task in old["practice"].values():
            assert task["text"] in listed
    markdown = to_markdown(Database.read_only(data_dir))
    for answer in picks:
        for words in answer["ticked"] if answer["kind"] == "checklist" else [answer["choice"]]:
            assert f"- [x] {words}" in markdown or f"\n{words}\n" in markdown, words
    for task in old["practice"].values():
        assert task["text"] in markdown


async def test_words_kept_from_an_older_handout_are_shown_ticked_and_can_be_let_go(data_dir: Path):
    old = old_document(data_dir)
    life = next(a for a in old["answers"].values() if a["exercise"] == "life-areas")
    life["ticked"] = [*life["ticked"], "A life area an older handout had"]
    (data_dir / DATA_FILE).write_text(json.dumps(old), encoding="utf-8")
    async with running(data_dir, size=(100, 60)) as (app, pilot):
        app.read_handout("recovery-strategies", "looking-at-your-life")
        for _ in range(100):
            await pilot.pause()
            if app.screen.query("#exercise-life-areas"):
                break
        checklist = app.screen.query_one("#exercise-life-areas", expect_type=None).query_one(
            MarkedSelectionList
        )
        last = checklist.option_count - 1
        assert str(checklist.get_option_at_index(last).prompt) == "A life area an older handout had"
        assert checklist.get_option_at_index(last).value in checklist.selected
        checklist.focus()
        checklist.highlighted = last
        await pilot.press("space")
        await pilot.pause()
    from imr_companion.models import Answer
    from imr_companion.store import Repository

    [stored] = [
        a for a in Repository.of(Database.read_only(data_dir), Answer).all() if a.exercise == "life-areas"
    ]
    assert stored.unmatched == [] and stored.ticked


@pytest.fixture
def reworded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The handouts with the words of every option and task changed, as a translation changes them."""
    folder = tmp_path / "content" / "en"
    folder.mkdir(parents=True)
    for entry in content.folder().iterdir():
        text = entry.read_text(encoding="utf-8")
        (folder / entry.name).write_text(re.sub(r'^(  "[a-z0-9-]+: )', r"\1Ny: ", text, flags=re.M), "utf-8")
    caches = (content._files, content._read, content.library)
    for cached in caches:
        cached.cache_clear()
    monkeypatch.setattr(content, "folder", lambda language="en": folder)
    yield
    monkeypatch.undo()
    for cached in caches:
        cached.cache_clear()


async def test_a_reworded_handout_shows_every_tick_and_choice_in_its_new_words(data_dir: Path, reworded):
    old = old_document(data_dir)
    picks = [
        a
        for a in old["answers"].values()
        if a["kind"] in ("checklist", "choice")
        and a["handout"] in ("recovery-strategies", "social-support", "healthy-lifestyles")
    ]
    assert {a["kind"] for a in picks} == {"checklist", "choice"}
    async with running(data_dir, size=(100, 60)) as (app, pilot):
        for answer in picks:
            expected = answer["ticked"] if answer["kind"] == "checklist" else [answer["choice"]]
            assert await shown_picks(app, pilot, answer) == [f"Ny: {w}" for w in expected]

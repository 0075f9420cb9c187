"""Nothing lost by switching language (issue 20, item 4): ten years of Sam, opened in English, then in
Danish, then in English again, shows every tick, choice, section read and practice task each time, and
the data file is the same, byte for byte, once the setting is back."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from textual.widgets import OptionList

from imr_companion import content, i18n, progress
from imr_companion.models import Answer, PracticeTask
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database, Repository
from imr_companion.store.database import SETTINGS
from imr_companion.ui.common.lists.row_list import RowList
from tests.helpers import demo_folder, running
from tests.ui.handouts.test_handouts_reader import open_library
from tests.ui.handouts.test_ids_round_trip import shown_picks


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sam's ten years, made once for this module (a test copies the folder before it opens it)."""
    return demo_folder(tmp_path_factory.mktemp("sam"), years=10)


def set_language(folder: Path, language: str) -> None:
    """As the person changes the setting: the settings record, saved; the app reads it when opened."""
    database = Database.open(folder)
    try:
        database.save_settings(database.settings().model_copy(update={"language": language}))
    finally:
        database.close()


def picks_shown(answer: Answer) -> list[str]:
    """A checklist's or choice's words as the reader and the exports show them, in the language now."""
    handout = content.handout(answer.handout, i18n.language())
    exercise = handout.exercise(answer.exercise) if handout else None
    ids = answer.ticked if answer.kind == "checklist" else [answer.choice] if answer.choice else []
    return content.picked_words(exercise, ids, answer.unmatched)


async def what_is_shown(folder: Path, on_reader: bool = False) -> dict:
    """Open the app on `folder` and read back what it shows: the library's rows, ticks and choices
    (`on_reader`: two of them on the reader's own screen too), the practice list, and where Today's
    Continue goes."""
    async with running(folder, size=(100, 60)) as (app, pilot):
        database = app.database
        answers = sorted(Repository.of(database, Answer).all(), key=lambda a: a.id)
        picks = [a for a in answers if a.kind in ("checklist", "choice")]
        shown: dict = {
            "language": i18n.language(),
            "picks": {a.id: picks_shown(a) for a in picks},
            "picked": {a.id: (a.ticked, a.choice, a.unmatched) for a in picks},
            "texts": {a.id: (a.text, a.lines, a.rating, a.other) for a in answers},
        }
        readings = progress.readings(database)
        places = {h.id: progress.place_in(h, readings.get(h.id)) for h in content.library(i18n.language())}
        shown["read"] = {h: (p.read, p.total, p.section.id) for h, p in places.items() if h in readings}
        found = progress.where_to_continue(readings)
        assert found is not None
        shown["continue"] = (found[0].handout.id, found[0].section.id, found[1])
        # The library: each module's row counts the sections read.
        await open_library(pilot)
        rows = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        for handout_id, (read, total, _section) in shown["read"].items():
            handout = content.handout(handout_id)
            assert handout is not None
            assert f"{read:>2}/{total:<2}" in rows[handout.number - 1], (shown["language"], handout_id)
        # On the reader itself: the first checklist and the first choice, as ticked and chosen.
        for kind in ("checklist", "choice") if on_reader else ():
            answer = next(a for a in picks if a.kind == kind)
            on_screen = await shown_picks(app, pilot, answer.model_dump(mode="json"))
            assert on_screen == shown["picks"][answer.id], (shown["language"], answer.exercise)
        # The practice list: every task in its own words, each once.
        await pilot.press("escape", "2", "p")
        for _ in range(100):
            await pilot.pause()
            if app.screen.query(RowList):
                break
        listed = [r.text for r in app.screen.query_one(RowList).rows]
        tasks = Repository.of(database, PracticeTask).all()
        shown["tasks"] = sorted((t.text, t.week_of, t.status) for t in tasks)
        for task in tasks:
            assert any(task.text in row for row in listed), (shown["language"], task.text)
    return shown


async def test_switching_to_danish_and_back_shows_everything_and_changes_no_stored_byte(
    ten_years: Path, tmp_path: Path
):
    folder = shutil.copytree(ten_years, tmp_path / "data")
    before = (folder / DATA_FILE).read_bytes()

    english = await what_is_shown(folder)
    assert (folder / DATA_FILE).read_bytes() == before  # looking changes nothing
    set_language(folder, "da")
    danish = await what_is_shown(folder)
    assert without_stamp(document(folder)) == without_stamp(
        {**json.loads(before), SETTINGS: danish_settings(before)}
    )
    set_language(folder, "en")
    again = await what_is_shown(folder)

    assert (english["language"], danish["language"], again["language"]) == ("en", "da", "en")
    # The same ticks and choices, in each language's words: a module written in Danish shows its
    # options' Danish words for the same ids, one not yet written shows the English.
    for key in ("picked", "texts", "read", "continue", "tasks"):
        assert danish[key] == english[key], key
    assert {a: len(words) for a, words in danish["picks"].items()} == {
        a: len(words) for a, words in english["picks"].items()
    }
    assert again == english
    assert english["picks"] and all(english["picks"].values())
    assert len(english["tasks"]) > 300 and english["read"]
    # Stored data: the same bytes, once the setting is back where it was.
    assert (folder / DATA_FILE).read_bytes() == before
    # And the reader itself, in Danish, shows the same ticks and choice (opening it moves the place
    # where reading goes on, so it comes last).
    set_language(folder, "da")
    assert await what_is_shown(folder, on_reader=True) == danish


def document(folder: Path) -> dict:
    return json.loads((folder / DATA_FILE).read_bytes())


def without_stamp(stored: dict) -> dict:
    """The document without the stamp of the check in _meta: a digest of every other byte."""
    stored["_meta"]["1"].pop("checked", None)
    return stored


def danish_settings(data: bytes) -> dict:
    settings = json.loads(data)[SETTINGS]
    return {key: {**record, "language": "da"} for key, record in settings.items()}

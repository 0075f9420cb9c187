"""Closing the window (SIGHUP) or a shutdown (SIGTERM) keeps what is being written.

The first tests run the app as `imr-companion` does, in a real
pseudo-terminal: a good moment is typed on Today and words are added to a
handout answer, the window is closed (the terminal's other end goes away,
so the kernel sends SIGHUP) or SIGTERM is sent, and after the program has
ended the stored data is read. The last test starts the app again and
finds the words where they were left, with a calm word.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from benchmarks.terminal import Terminal
from imr_companion import content
from imr_companion.models import Answer, Goal, Moment, Reading, Settings
from imr_companion.store import Database, Repository
from imr_companion.ui import closing
from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.today.screen import KEPT_AT_CLOSE
from tests.helpers import demo_folder, running, type_text, wait_until

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and pseudo-terminals")

MOMENT = "Sunny walk by the river"
ANSWER = "My neighbour waved"
# Generous: the machine running the tests may be busy.
WAIT = 90.0


@pytest.fixture(scope="module")
def demo_source(tmp_path_factory) -> tuple[Path, str, str]:
    """Sam's data, and where Today's reading card points: a section with a written exercise
    (module, section title)."""
    folder = demo_folder(tmp_path_factory.mktemp("closing"))
    database = Database.open(folder)
    try:
        handout_id, title = at_a_written_exercise(database)
    finally:
        database.close()
    return folder, handout_id, title


def at_a_written_exercise(database: Database) -> tuple[str, str]:
    """Sam's place in the module being read, moved on to the first section there with a written
    exercise: the demo's place follows the modules' lengths, which the writers change."""
    readings = Repository.of(database, Reading)
    reading = next(r for r in readings.all() if not r.done)
    handout = content.handout(reading.handout)
    assert handout is not None
    sections = handout.sections_for(reading.sheet)
    start = [s.id for s in sections].index(reading.current)

    def written(section: content.Section) -> bool:
        kinds = [e.kind for ident in section.exercises if (e := handout.exercise(ident))]
        return "text" in kinds or "list" in kinds

    section = next(s for s in sections[start:] + sections[:start] if written(s))
    readings.save(reading.model_copy(update={"current": section.id}))
    return handout.id, section.title


@pytest.fixture
def place(demo_source: tuple[Path, str, str]) -> tuple[str, str]:
    return demo_source[1], demo_source[2]


@pytest.fixture
def folder(demo_source: tuple[Path, str, str], data_dir: Path) -> Path:
    shutil.copytree(demo_source[0], data_dir)
    return data_dir


def start(folder: Path) -> Terminal:
    return Terminal([sys.executable, "-m", "imr_companion", "--data-dir", str(folder)])


def type_slowly(app: Terminal, text: str) -> None:
    """Key by key, each once the screen has taken the last one in, as a person types."""
    for character in text:
        app.press(character)
        app.settle(quiet=0.05, timeout=2.0)


def choose_in_palette(app: Terminal, words: str, then_seen: str) -> None:
    """ctrl+p, the words of an action, Enter: the same whatever key the action has."""
    app.press("\x10")
    app.settle(quiet=0.2, timeout=10.0)
    type_slowly(app, words)
    app.settle(quiet=0.3, timeout=10.0)  # the list of actions has caught up with the words
    mark = app.mark()
    app.press("\r")
    app.wait_for(then_seen, after=mark, timeout=WAIT)
    app.settle(quiet=0.2, timeout=10.0)


def write_moment_and_answer(app: Terminal, section_title: str) -> None:
    app.wait_for("A good moment today", timeout=WAIT)
    app.settle(quiet=0.5, timeout=10.0)  # the cards are in too
    type_slowly(app, MOMENT)
    app.wait_for(MOMENT, timeout=WAIT)
    # The moment is not saved (no Enter): the person goes on to read.
    choose_in_palette(app, "Open Handouts", "Continue")
    choose_in_palette(app, "Continue", section_title)
    mark = app.mark()
    app.press("\t")  # into the exercise's field
    app.settle(quiet=0.2, timeout=10.0)
    type_slowly(app, ANSWER)
    app.wait_for(ANSWER, after=mark, timeout=WAIT)


def wait_for_exit(app: Terminal, *, read: bool) -> int:
    """The program's exit status once it has ended; reads what it writes meanwhile when `read`."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if read:
            app._read(0.05)
        else:
            select.select([], [], [], 0.05)
        pid, status = os.waitpid(app.pid, os.WNOHANG)
        if pid:
            app.peak_kib = 0  # ended: nothing left for Terminal.stop to end
            return status
    raise AssertionError("the app did not end after the signal")


def stored(folder: Path) -> tuple[Settings, list[str]]:
    db = Database.read_only(folder)
    answers = [answer.text or "" for answer in Repository.of(db, Answer).all()]
    return db.settings(), answers


def test_closing_the_window_keeps_the_moment_and_the_answer(folder: Path, place: tuple[str, str]):
    app = start(folder)
    try:
        write_moment_and_answer(app, place[1])
        # The window's close button: the terminal goes away and the kernel sends SIGHUP.
        os.close(app.fd)
        status = wait_for_exit(app, read=False)
    finally:
        app.stop()
    assert os.WIFEXITED(status), "ended on its own, not killed by the signal"
    settings, answers = stored(folder)
    assert settings.moment_draft == MOMENT
    assert any(ANSWER in text for text in answers)
    assert settings.kept_on_close == ["handouts"]
    assert not (folder / "reports").exists(), "an ordinary ending, not a crash"


def test_a_shutdown_keeps_the_words_and_gives_the_terminal_back(folder: Path, place: tuple[str, str]):
    app = start(folder)
    try:
        write_moment_and_answer(app, place[1])
        os.kill(app.pid, signal.SIGTERM)
        status = wait_for_exit(app, read=True)
        output = bytes(app._raw)
        os.close(app.fd)
    finally:
        app.stop()
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    # The terminal is as it was: the app's own screen closed, the cursor shown again.
    assert b"\x1b[?1049l" in output
    assert not (folder / "reports").exists(), "an ordinary ending, not a crash"
    settings, answers = stored(folder)
    assert settings.moment_draft == MOMENT
    assert any(ANSWER in text for text in answers)


async def test_the_next_start_finds_the_words_where_they_were_left(folder: Path, place: tuple[str, str]):
    async with running(folder, notifications=True) as (app, pilot):
        await type_text(pilot, MOMENT)
        app.read_handout(place[0])  # where Sam stopped: a section with a written exercise
        await wait_until(pilot, lambda: app.screen.query(TextArea), "the reader never showed the answer")
        app.screen.query(TextArea).first().focus()
        await pilot.pause()
        await type_text(pilot, ANSWER)
        # What the signal handler runs when the window closes.
        closing.close_keeping_writing(app)
        await pilot.pause()

    async with running(folder, notifications=True) as (app, pilot):
        assert app.screen.query_one("#moment-input", Input).value == MOMENT
        assert app.screen.query_one("#moment-message").render().plain == KEPT_AT_CLOSE
        said = [notice.message for notice in app._notifications]
        assert said == ["You were writing in Handouts when the window closed. Your words are kept there."]
        # Back in the field, the draft is no longer kept apart: ctrl+q asks about it as ever.
        assert not app.database.stored_setting("moment_draft", "")
        assert not app.database.stored_setting("kept_on_close", [])
        await pilot.click("#moment-input")
        await pilot.press("enter")
        await pilot.pause()
    db = Database.read_only(folder)
    assert MOMENT in [moment.text for moment in Repository.of(db, Moment).all()]
    assert any(ANSWER in (answer.text or "") for answer in Repository.of(db, Answer).all())


async def test_words_in_an_editor_or_a_new_task_come_back_to_be_copied(folder: Path):
    from imr_companion.ui.goals.editor import GoalEditor
    from imr_companion.ui.handouts.practice import PracticeScreen

    async with running(folder) as (app, pilot):
        await app.push_screen(PracticeScreen())
        await pilot.pause()
        await pilot.click("#new-task")
        await type_text(pilot, "Call Jo on Friday")
        await app.push_screen(GoalEditor())
        await pilot.pause()
        await type_text(pilot, "Learn to swim")
        closing.close_keeping_writing(app)
        await pilot.pause()
    # Not saved as a goal: the person had not chosen to save it.
    goals = Repository.of(Database.read_only(folder), Goal).all()
    assert "Learn to swim" not in [goal.text for goal in goals]

    async with running(folder) as (app, pilot):
        await wait_until(pilot, lambda: isinstance(app.screen, Confirm), "nothing was asked")
        shown = app.screen.query_one("#question").render().plain
        assert shown.startswith(closing.WORDS_KEPT)
        assert "Learn to swim" in shown and "Call Jo on Friday" in shown
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        assert not app.database.stored_setting("words_kept", [])

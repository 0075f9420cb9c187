"""How the handouts look at 80x24: the library, and a section with its form. Review before accepting."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from imr_companion.models import Answer, PracticeTask, Reading
from imr_companion.models.handouts import answer_id
from imr_companion.store import Database, Repository
from tests.helpers import welcomed

AT = datetime(2026, 3, 10, 10)


@pytest.fixture
def reading_folder(data_dir: Path) -> Path:
    welcomed(data_dir, "Alex")
    db = Database.open(data_dir)
    readings = Repository.of(db, Reading)
    done = Reading.of("recovery-strategies").touched(
        read=["welcome", "what-recovery-can-mean", "people-do-recover", "recovery-is-a-path"],
        current="try-this-week",
        done=True,
        done_on=date(2026, 3, 2),
    )
    readings.add(done.model_copy(update={"updated": datetime(2026, 3, 2, 10)}))  # type: ignore[arg-type]
    readings.add(
        Reading.of("practical-facts")
        .touched(read=["about-this-module", "what-a-diagnosis-is", "how-it-shows-in-you"], sheet="bipolar")
        .model_copy(update={"current": "what-bipolar-disorder-is", "updated": AT})  # type: ignore[arg-type]
    )
    Repository.of(db, Answer).add(
        Answer(
            id=answer_id("recovery-strategies", "strategies-to-try"),
            handout="recovery-strategies",
            exercise="strategies-to-try",
            kind="checklist",
            ticked=["keep-daily-routine", "get-regular-sleep", "move-body"],
            changed=date(2026, 3, 2),
        )
    )
    Repository.of(db, PracticeTask).add(PracticeTask(text="Write down one good moment each day."))
    db.close()
    return data_dir


@pytest.fixture
def app_on(reading_folder: Path, open_app):
    return lambda: open_app(reading_folder)


async def steady(pilot) -> None:
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()


def test_library(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(80, 24), press=["escape", "2"], run_before=steady)


def test_section_with_a_checklist(snap_compare, app_on):
    async def open_section(pilot) -> None:
        from imr_companion.ui.handouts.screen import open_reader

        open_reader(pilot.app, "recovery-strategies", "strategies-that-many-people-use")
        await pilot.pause()
        await pilot.press("tab", "down")
        await steady(pilot)

    assert snap_compare(app_on(), terminal_size=(80, 24), run_before=open_section)


def test_section_with_a_rating(snap_compare, app_on):
    async def open_section(pilot) -> None:
        from imr_companion.ui.handouts.screen import open_reader

        open_reader(pilot.app, "recovery-strategies", "people-do-recover")
        await pilot.pause()
        await pilot.press("end")
        await steady(pilot)

    assert snap_compare(app_on(), terminal_size=(80, 24), run_before=open_section)


def test_today_with_the_handouts(snap_compare, app_on):
    assert snap_compare(app_on(), terminal_size=(80, 24), press=["escape"], run_before=steady)

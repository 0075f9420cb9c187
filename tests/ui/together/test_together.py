"""Together, since we last met, and leaving: driven as a person would, then read back from the store."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from imr_companion.models import Moment, Person, SupporterNote
from imr_companion.models.network import LifeArea
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database, Repository
from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.together.since_we_met import SinceWeMetScreen
from imr_companion.ui.together.supporter import SupporterScreen
from tests.helpers import running, type_text, welcomed
from tests.together_seed import seed_everything


def add_people(folder: Path, *people: Person) -> None:
    db = Database.open(folder)
    for person in people:
        Repository.of(db, Person).add(person)
    db.close()


async def test_pick_someone_from_the_network_card_and_end_with_one_key(data_dir: Path):
    welcomed(data_dir)
    add_people(data_dir, Person(name="Mum", area=LifeArea.FAMILY), Person(name="Jo", area=LifeArea.SERVICES))
    async with running(data_dir) as (app, pilot):
        await pilot.press("ctrl+g")
        await pilot.pause()
        people = app.screen.query_one("#people", OptionList)
        # The contact person is usually in health and support services: listed first.
        assert str(people.get_option_at_index(0).prompt) == "Jo"
        await pilot.press("enter")
        await pilot.pause()
        assert app.together_with == "Jo"
        assert "Together with Jo" in app.screen.query_one("#together").render().plain
        await type_text(pilot, "Planned the week")
        await pilot.press("enter")
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert app.together_with is None and not app.screen.query_one("#together").display
    marks = {m.text: m.together_with for m in Repository.of(Database.read_only(data_dir), Moment).all()}
    assert marks == {"Planned the week": "Jo"}


async def test_a_name_can_be_typed_too(data_dir: Path):
    welcomed(data_dir)
    add_people(data_dir, Person(name="Jo", area=LifeArea.SERVICES))
    async with running(data_dir) as (app, pilot):
        await pilot.press("ctrl+g")
        await pilot.pause()
        app.screen.query_one("#name", Input).focus()
        await type_text(pilot, "Kim")
        await pilot.press("enter")
        await pilot.pause()
        assert app.together_with == "Kim"


async def test_since_we_last_met_counts_and_takes_another_day(data_dir: Path):
    seed_everything(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("f2", "s")
        await pilot.pause()
        assert isinstance(app.screen, SinceWeMetScreen)
        heading = app.screen.query_one("#since-heading").render().plain
        # The seeded session with Jo on 4 March is the last time together.
        assert "Wednesday 4 March 2026 (the last time together)" in heading
        lines = app.screen.query_one("#since-lines").render().plain
        assert "✓ 1 good moment" in lines and "MARKER-MOMENT" in lines
        assert "✓ Practice: 1 done" in lines and "✓ Checked in on 1 day" in lines
        field = app.screen.query_one("#since-input", Input)
        field.value = ""
        field.focus()
        await type_text(pilot, "2026-03-11")
        await pilot.press("enter")
        await pilot.pause()
        lines = app.screen.query_one("#since-lines").render().plain
        assert "good moment" not in lines and "✓ Practice: 1 done" in lines
        field.value = "next week"
        await pilot.press("enter")
        await pilot.pause()
        assert "year-month-day" in app.screen.query_one("#since-message").render().plain


async def test_supporter_sheet_keeps_what_was_typed_for_each_person(data_dir: Path, tmp_path: Path):
    seed_everything(data_dir)
    target = tmp_path / "for-maria.html"
    async with running(data_dir, size=(100, 34)) as (app, pilot):
        await pilot.press("f2", "h")
        await pilot.pause()
        assert isinstance(app.screen, SupporterScreen)
        assert app.screen.shown.id == "maria"
        app.screen.query_one("#supporter-asks").focus()
        await pilot.press("ctrl+a")
        await type_text(pilot, "Ring me and come round")
        await pilot.pause()
        assert "Ring me and come round" in app.screen.query_one("#supporter-preview").render().plain
        await pilot.press("ctrl+s")
        await pilot.pause()
        field = app.screen.query_one("#path", Input)
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
    note = Repository.of(Database.read_only(data_dir), SupporterNote).get("maria")
    assert note is not None and "Ring me and come round" in note.asks
    sheet = target.read_text()
    assert "Ring me and come round" in sheet and "SIGN-FOR-MARIA" in sheet and "MARKER" not in sheet
    assert target.stat().st_mode & 0o777 == 0o600


async def test_delete_everything_asks_twice_then_closes(data_dir: Path):
    seed_everything(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("f2", "d")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert (data_dir / DATA_FILE).exists()
        await pilot.press("f2", "d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, Confirm), "no letter answers yes"
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert (data_dir / DATA_FILE).exists(), "one yes is not enough"
        # The second question has a different answer: the same key again deletes nothing.
        assert "Are you sure?" in app.screen.query_one("#question").render().plain
        await pilot.press("ctrl+d", "y", "enter")
        await pilot.pause()
        assert (data_dir / DATA_FILE).exists(), "the same answer twice is not enough"
        await pilot.press("f2", "d")
        await pilot.pause()
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
    assert not data_dir.exists()


async def test_quitting_while_writing_for_a_supporter_keeps_the_words(data_dir: Path):
    seed_everything(data_dir)
    async with running(data_dir, size=(100, 34)) as (_app, pilot):
        await pilot.press("f2", "h")
        await pilot.pause()
        await pilot.click("#supporter-asks")
        await type_text(pilot, "Bring soup")
        await pilot.press("ctrl+q")
        await pilot.pause()
    note = Repository.of(Database.read_only(data_dir), SupporterNote).get("maria")
    assert note is not None and "Bring soup" in note.asks


async def test_nothing_is_written_again_after_deleting_everything(data_dir: Path):
    seed_everything(data_dir)
    # Files that are not the app's stay, and so do their folders.
    (data_dir / "my-own-notes.txt").write_text("mine")
    (data_dir / "backups" / "mine-too.txt").write_text("mine")
    async with running(data_dir) as (_app, pilot):
        await pilot.press("f2", "w")
        await pilot.pause()
        await type_text(pilot, "A draft the session would keep on closing")
        await pilot.press("f2", "d")
        await pilot.pause()
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
    assert sorted(str(p.relative_to(data_dir)) for p in data_dir.rglob("*")) == [
        "backups",
        "backups/mine-too.txt",
        "my-own-notes.txt",
    ]

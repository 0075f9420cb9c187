"""Putting a backup back from inside the app: the offer that comes back, and the palette."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from imr_companion import clock
from imr_companion.models import Moment
from imr_companion.store import Database, Repository
from imr_companion.store.files import backups
from imr_companion.ui.restore import RestoreOffer, RestoreScreen
from tests.helpers import running, welcomed


def stored_texts(folder: Path) -> list[str]:
    return sorted(m.text for m in Repository.of(Database.read_only(folder), Moment).all())


def damaged_with_a_backup(folder: Path, now) -> None:
    clock.fix(now - timedelta(days=1))
    welcomed(folder, "Robin")
    db = Database.open(folder)
    Repository.of(db, Moment).add(Moment(text="Kept in the backup"))
    db.close()
    clock.fix(now)
    db = Database.open(folder)
    Repository.of(db, Moment).add(Moment(text="Today's first save makes the backup"))
    db.close()
    (folder / "companion.json").write_bytes(b"{broken")


async def test_not_now_brings_the_offer_back_at_the_next_start_until_not_needed(data_dir: Path, fixed_clock):
    damaged_with_a_backup(data_dir, fixed_clock)
    async with running(data_dir) as (app, pilot):
        assert isinstance(app.screen, RestoreOffer)
        await pilot.press("n")
        await pilot.pause()
    assert not (data_dir / "companion.json").exists()  # nothing saved yet in the fresh notebook
    async with running(data_dir) as (app, pilot):
        assert isinstance(app.screen, RestoreOffer), "the offer comes back"
        await pilot.press("y", "d")  # no letter answers it
        await pilot.pause()
        assert isinstance(app.screen, RestoreOffer)
        await pilot.press("left", "enter")  # "I do not need it"
        await pilot.pause()
    async with running(data_dir) as (app, pilot):
        assert not any(isinstance(screen, RestoreOffer) for screen in app.screen_stack)


async def test_restore_a_backup_from_the_command_palette(data_dir: Path, fixed_clock):
    clock.fix(fixed_clock - timedelta(days=1))
    welcomed(data_dir, "Robin")
    db = Database.open(data_dir)
    Repository.of(db, Moment).add(Moment(text="From yesterday"))
    db.close()
    clock.fix(fixed_clock)
    db = Database.open(data_dir)
    Repository.of(db, Moment).add(Moment(text="Written today"))
    db.close()
    async with running(data_dir) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        for key in "Restore a backup":
            await pilot.press("space" if key == " " else key)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RestoreScreen)
        await pilot.press("enter")  # the newest backup: yesterday's
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
    assert stored_texts(data_dir) == ["From yesterday"]
    undo = [b for b in backups.every(data_dir) if b.kind == "before-restore"]
    assert len(undo) == 1 and "Written today" in undo[0].path.read_text()

"""A passphrase in the app: set it, lock when idle, unlock calmly with Help now before; in Danish."""

from __future__ import annotations

from pathlib import Path

from imr_companion.models import Moment, Settings
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database, Repository
from imr_companion.store.files import codec
from imr_companion.ui.unlock import idle
from imr_companion.ui.unlock.app import LockedHelp, UnlockApp
from imr_companion.ui.unlock.dialogs import PassphraseDialog
from tests.helpers import english_left, running, settled, shown_after, type_text, wait_until
from tests.ui.markup_walk import screen_text

WORDS = "Walked by the sea with Mette"


def _folder(data_dir: Path) -> Path:
    db = Database.open(data_dir)
    db.save_settings(Settings(first_name="Alex", welcomed=True, language="da", region="DK-84"))
    Repository.of(db, Moment).add(Moment(text=WORDS))
    db.close()
    return data_dir


async def _wait(pilot, done) -> None:
    await wait_until(pilot, done, "waited in vain")


async def test_set_in_the_app_then_lock_when_idle_then_unlock_in_danish(data_dir: Path, danish):
    folder = _folder(data_dir)
    async with running(folder) as (app, pilot):
        app.push_screen(PassphraseDialog("set"))
        await settled(pilot)
        shown = screen_text(app)
        assert "gendannelsesnøgle" in shown and english_left(shown) == []
        await type_text(pilot, "sol og hav")
        await pilot.press("tab")
        await type_text(pilot, "sol og hav")
        await pilot.press("ctrl+s")
        await _wait(
            pilot, lambda: codec.is_encrypted(folder) and not isinstance(app.screen, PassphraseDialog)
        )
        await settled(pilot)
        recovery = screen_text(app)
        assert english_left(recovery) == []
        assert not any(WORDS.encode() in p.read_bytes() for p in folder.rglob("*") if p.is_file())
        # The idle lock: chosen minutes pass without a key, and the app closes to lock.
        assert app.save_settings(lock_after_minutes=5)
        assert not idle.lock_if_idle(app, now=app.last_activity + 60)
        assert idle.lock_if_idle(app, now=app.last_activity + 5 * 60)
        await _wait(pilot, lambda: app._exit)
    assert app.locked
    codec.forget()

    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    unlock = UnlockApp(folder)
    async with unlock.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        first = screen_text(unlock)
        assert english_left(first) == [] and WORDS not in first and "Alex" not in first
        # Help now before unlocking: the region's numbers, and where the person's own are.
        help_now = await shown_after(pilot, "f1", front=LockedHelp)
        assert "112" in help_now and "1813" in help_now and english_left(help_now) == []
        await pilot.press("escape")
        await type_text(pilot, "forkert")
        await pilot.press("enter")
        await _wait(pilot, lambda: "åbner den ikke" in screen_text(unlock))
        assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before
        await type_text(pilot, "sol og hav")
        await pilot.press("enter")
        await _wait(pilot, lambda: unlock._exit)
    assert unlock.return_value is True
    assert [m.text for m in Repository.of(Database.read_only(folder), Moment).all()] == [WORDS]
    assert codec.is_sealed((folder / DATA_FILE).read_bytes())


def test_the_unlock_window_with_help_now_in_danish(data_dir: Path, snap_compare):
    from imr_companion.passphrase.folder import set_passphrase

    set_passphrase(_folder(data_dir), "sol og hav", None)
    codec.forget()
    assert snap_compare(UnlockApp(data_dir), press=["f1"])

"""Asking before deleting: no letter answers yes; the safe answer has the focus; the dialog says how."""

from __future__ import annotations

from pathlib import Path

import pytest

from imr_companion.models import Moment
from imr_companion.store import Database, Repository
from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.common.lists.row_list import RowList
from tests.helpers import running, type_text, welcomed


def seed(folder: Path) -> None:
    welcomed(folder)
    db = Database.open(folder)
    for text in ("Sunny bench", "Soup with Jo", "A long walk", "Tea in the garden"):
        Repository.of(db, Moment).add(Moment(text=text))
    db.close()


def stored(folder: Path) -> set[str]:
    db = Database.read_only(folder)
    try:
        return {m.text for m in Repository.of(db, Moment).all()}
    finally:
        db.close()


async def ask_to_delete(pilot) -> Confirm:
    app = pilot.app
    if app.current_mode != "moments":
        await app.switch_mode("moments")
        await pilot.pause()
    rows = app.screen.query_one(RowList)
    rows.focus()
    rows.move_to(next(i for i, row in enumerate(rows.rows) if row.key))
    await pilot.pause()
    await pilot.press("d")
    await pilot.pause()
    assert isinstance(app.screen, Confirm)
    return app.screen


async def test_letters_space_enter_n_and_escape_never_delete(data_dir: Path):
    seed(data_dir)
    async with running(data_dir) as (app, pilot):
        dialog = await ask_to_delete(pilot)
        words = dialog.query_one("#how").render().plain
        assert "ctrl+d" in words and "Tab" in words and "Enter" in words
        assert str(dialog.query_one("#no").label) == "Keep it (esc)"
        assert str(dialog.query_one("#yes").label) == "Delete (ctrl+d)"
        # Every letter of the alphabet but n (which keeps): the question stays, nothing goes.
        await type_text(pilot, "yes please delete it ok")  # spaces too
        await pilot.press("y", "Y", "j", "d", "o")
        await pilot.pause()
        assert app.screen is dialog and len(stored(data_dir)) == 4
        for keep in ("enter", "n", "escape"):
            await pilot.pause()
            if not isinstance(app.screen, Confirm):
                await ask_to_delete(pilot)
            await pilot.press(keep)
            await pilot.pause()
            assert not isinstance(app.screen, Confirm), keep
            assert len(stored(data_dir)) == 4, keep


@pytest.mark.parametrize("choice", [("ctrl+d",), ("tab", "enter"), ("right", "enter"), ("left", "enter")])
async def test_a_deliberate_choice_deletes_and_ctrl_z_brings_it_back(data_dir: Path, choice: tuple[str, ...]):
    seed(data_dir)
    async with running(data_dir) as (app, pilot):
        await ask_to_delete(pilot)
        await pilot.press(*choice)
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        assert len(stored(data_dir)) == 3
        assert "Deleted. ctrl+z brings it back." in [str(n.message) for n in app._notifications]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(stored(data_dir)) == 4


async def test_the_mouse_chooses_too(data_dir: Path):
    seed(data_dir)
    async with running(data_dir) as (_app, pilot):
        await ask_to_delete(pilot)
        await pilot.click("#yes")
        await pilot.pause()
        assert len(stored(data_dir)) == 3

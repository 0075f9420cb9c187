"""A data folder that cannot be written to now still opens, for reading (issue 19, item 4).

A disk mounted read-only (after an error, or a live system) or a folder
without write permission once stopped the app before its first frame, so
Help now was out of reach. Now the data opens for reading, a notice says
plainly that changes cannot be saved and why, and every save is refused
calmly with the words still on the screen.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from pathlib import Path

import pytest

from imr_companion.models import Moment
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database, Repository, SaveError
from imr_companion.store.errors import CannotSaveNow
from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.plan.help_now import HelpNowScreen
from tests.helpers import running, welcomed


def seed(folder: Path) -> bytes:
    welcomed(folder)
    database = Database.open(folder)
    Repository.of(database, Moment).add(Moment(text="Tea with Jo"))
    database.close()
    return (folder / DATA_FILE).read_bytes()


@pytest.fixture
def no_permission(monkeypatch: pytest.MonkeyPatch):
    """The data folder refuses writing, as for a person without write permission (the tests may run as
    root, whom permissions do not stop)."""
    refused: list[Path] = []
    real_access, real_open, real_mkdir = os.access, os.open, os.mkdir

    def inside(path) -> bool:
        return any(Path(os.fspath(path)).absolute().is_relative_to(folder) for folder in refused)

    def access(path, mode, *args, **kwargs):
        if mode & os.W_OK and inside(path):
            return False
        return real_access(path, mode, *args, **kwargs)

    def opening(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and inside(path):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    def mkdir(path, *args, **kwargs):
        if inside(path):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "open", opening)
    monkeypatch.setattr(os, "mkdir", mkdir)
    return refused


def test_a_folder_without_write_permission_opens_for_reading(data_dir: Path, no_permission):
    before = seed(data_dir)
    no_permission.append(data_dir)
    database = Database.open(data_dir, defer_check=True, defer_read=True)
    try:
        database.finish_reading()
        database.check_records()
        assert database.cannot_save == "this computer does not give you permission to change the data folder"
        assert "can be read but not changed" in database.notices[0].text
        assert "Help now works as always" in database.notices[0].text
        assert [m.text for m in Repository.of(database, Moment).all()] == ["Tea with Jo"]
        with pytest.raises(CannotSaveNow) as refused:
            Repository.of(database, Moment).add(Moment(text="not kept"))
        assert "cannot be saved just now" in str(refused.value)
        assert "try again in a moment" not in str(refused.value)
        assert [m.text for m in Repository.of(database, Moment).all()] == ["Tea with Jo"]
    finally:
        database.close()
    assert (data_dir / DATA_FILE).read_bytes() == before
    no_permission.clear()
    database = Database.open(data_dir)
    try:
        Repository.of(database, Moment).add(Moment(text="saved once it can be"))
        assert database.cannot_save is None
    finally:
        database.close()


def test_a_folder_that_cannot_be_made_opens_with_nothing_in_it(tmp_path: Path, no_permission):
    no_permission.append(tmp_path / "locked")
    database = Database.open(tmp_path / "locked" / "data")
    try:
        assert database.cannot_save is not None and database.record_count() == 0
        with pytest.raises(SaveError):
            Repository.of(database, Moment).add(Moment(text="not kept"))
    finally:
        database.close()


async def test_the_app_opens_says_why_and_help_now_works(data_dir: Path, no_permission):
    seed(data_dir)
    no_permission.append(data_dir)
    async with running(data_dir) as (app, pilot):
        for _ in range(100):
            if isinstance(app.screen, Confirm):
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, Confirm)
        said = " ".join(str(label.render()) for label in app.screen.query("Label, Static"))
        assert "cannot be written" in said or "not changed just now" in said
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpNowScreen)
        await pilot.press("escape")
        await pilot.pause()
        # Writing a good moment (the field has the focus): refused calmly, the words stay in the field.
        for letter in "sun":
            await pilot.press(letter)
        await pilot.press("enter")
        await pilot.pause()
        assert "sun" in app.screen.query_one("#moment-input").value
        said = " ".join(str(n.message) for n in app._notifications)
        said += app.screen.query_one("#moment-message").render().plain
        assert "cannot be saved just now" in said
        assert app.return_code is None


def _mount_read_only(folder: Path) -> bool:
    """A small disk at `folder`, then made read-only, as a disk is after an error; False where not allowed."""
    folder.mkdir(parents=True)
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(folder)],
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return False
    return True


def test_a_disk_mounted_read_only_opens_for_reading(tmp_path: Path):
    disk = tmp_path / "disk"
    if not _mount_read_only(disk):
        pytest.skip("mounting a disk is not allowed here (the permission test above covers the rest)")
    try:
        folder = disk / "data"
        seed(folder)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True, capture_output=True)
        database = Database.open(folder, defer_check=True, defer_read=True)
        try:
            database.finish_reading()
            assert database.cannot_save == "the disk your data is on is set to read-only"
            assert [m.text for m in Repository.of(database, Moment).all()] == ["Tea with Jo"]
            with pytest.raises(CannotSaveNow):
                Repository.of(database, Moment).add(Moment(text="not kept"))
        finally:
            database.close()
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            subprocess.run(["umount", str(disk)], check=True, capture_output=True)

"""Two windows never both write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from imr_companion.paths import LOCK_FILE
from imr_companion.store import AlreadyOpen, Database

HOLDER = r"""
import sys, time
from pathlib import Path
from imr_companion.store import Database
db = Database.open(Path(sys.argv[1]))
print("open", flush=True)
time.sleep(60)
"""


def test_a_second_open_is_refused_with_the_folder_named(data_dir: Path):
    first = Database.open(data_dir)
    try:
        with pytest.raises(AlreadyOpen) as refused:
            Database.open(data_dir)
        assert str(data_dir) in str(refused.value)
        assert "already open" in str(refused.value)
    finally:
        first.close()
    Database.open(data_dir).close()


def _hold(folder: Path) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder)], stdout=subprocess.PIPE)
    assert child.stdout.readline().strip() == b"open"
    return child


def test_second_app_start_says_so_plainly_and_exits_non_zero(data_dir: Path):
    holder = _hold(data_dir)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "imr_companion", "--data-dir", str(data_dir)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode != 0
    assert "already open" in result.stderr
    assert str(data_dir) in result.stderr
    assert "Traceback" not in result.stderr


def test_a_lock_left_by_a_killed_process_does_not_block(data_dir: Path):
    holder = _hold(data_dir)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    Database.open(data_dir).close()


@pytest.fixture(params=["flock", "filelock"])
def each_lock(request, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways of locking: flock where the system has it, filelock elsewhere (Windows)."""
    if request.param == "filelock":
        from imr_companion.store.files import lock

        monkeypatch.setattr(lock, "fcntl", None)
    return request.param


def test_each_way_of_locking_refuses_a_second_writer_and_lets_go_on_close(data_dir: Path, each_lock: str):
    first = Database.open(data_dir)
    try:
        with pytest.raises(AlreadyOpen):
            Database.open(data_dir)
    finally:
        first.close()
    Database.open(data_dir).close()
    assert (os.stat(data_dir / ".companion.lock").st_mode & 0o777) == 0o600


@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_deleting_or_replacing_the_lock_file_does_not_let_a_second_window_in(data_dir: Path, how: str):
    first = Database.open(data_dir)
    try:
        lock_file = data_dir / LOCK_FILE
        lock_file.unlink()
        if how == "replaced":
            lock_file.write_text("")
        with pytest.raises(AlreadyOpen):
            Database.open(data_dir)
    finally:
        first.close()
    Database.open(data_dir).close()


def test_a_second_app_start_is_refused_after_the_lock_file_was_deleted(data_dir: Path):
    holder = _hold(data_dir)
    try:
        (data_dir / LOCK_FILE).unlink()
        result = subprocess.run(
            [sys.executable, "-m", "imr_companion", "--data-dir", str(data_dir)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode != 0 and "already open" in result.stderr

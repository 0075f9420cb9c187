"""The command line for sharing and leaving: export --format html, --only PARTS, --supporter NAME, forget."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from imr_companion.paths import DATA_FILE, LOCK_FILE
from imr_companion.store import Database
from tests.test_cli import run
from tests.together_seed import PART_MARKERS, seed_everything


@pytest.fixture
def seeded(data_dir: Path) -> Path:
    seed_everything(data_dir)
    return data_dir


def test_only_takes_any_combination(capsys, seeded: Path):
    code, out, err = run(capsys, "export", "--data-dir", str(seeded), "--only", "sessions,network")
    assert code == 0, err
    for part, markers in PART_MARKERS.items():
        for marker in markers:
            assert (marker in out) == (part in ("sessions", "network")), marker
    assert out.index("## My network card") < out.index("## Session notes")


def test_html_export_to_a_private_file(capsys, seeded: Path, tmp_path: Path):
    target = tmp_path / "all.html"
    args = ["--format", "html", "--output", str(target)]
    code, _, err = run(capsys, "export", "--data-dir", str(seeded), *args)
    assert code == 0, err
    assert "not protected" in err
    text = target.read_text()
    assert text.startswith("<!DOCTYPE html>") and "<script" not in text
    assert all(m in text for markers in PART_MARKERS.values() for m in markers)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_supporter_sheet_from_the_command_line(capsys, seeded: Path):
    code, out, err = run(capsys, "export", "--data-dir", str(seeded), "--supporter", "Maria")
    assert code == 0, err
    assert "SIGN-FOR-MARIA" in out and "ASK-FOR-MARIA" in out and "MARKER" not in out
    code, _, err = run(capsys, "export", "--data-dir", str(seeded), "--supporter", "Nobody")
    assert code == 1 and err.count("\n") == 1 and "nobody with that name" in err


def test_refuses_unsafe_places(capsys, seeded: Path):
    inside = seeded / "copy.md"
    code, _, err = run(capsys, "export", "--data-dir", str(seeded), "--only", "plan", "--output", str(inside))
    assert code == 1 and "data folder" in err and not inside.exists()
    code, _, err = run(capsys, "export", "--data-dir", str(seeded), "--only", "plan", "--output", os.devnull)
    assert code == 1 and "not an ordinary file" in err


def test_only_and_json_do_not_mix(capsys, seeded: Path):
    code, _, err = run(capsys, "export", "--data-dir", str(seeded), "--only", "goals", "--format", "json")
    assert code == 1 and "always complete" in err
    code, _, err = run(capsys, "export", "--data-dir", str(seeded), "--only", "goals,secrets")
    assert code == 1 and "sessions" in err


def test_forget_asks_twice_and_deletes_everything(capsys, seeded: Path, monkeypatch):
    Database.open(seeded).close()  # the lock file exists, as after any run
    (seeded / "backups" / "companion-2026-03-17.json").write_text("{}")
    answers = iter(["yes", "no"])
    monkeypatch.setattr("builtins.input", lambda _: next(answers))
    code, out, _ = run(capsys, "forget", "--data-dir", str(seeded))
    assert code == 1 and "Nothing was deleted" in out and (seeded / DATA_FILE).exists()

    answers = iter(["yes", "delete"])
    monkeypatch.setattr("builtins.input", lambda _: next(answers))
    code, out, _ = run(capsys, "forget", "--data-dir", str(seeded))
    assert code == 0
    assert "may still be recoverable" in out
    assert not seeded.exists(), list(seeded.rglob("*"))


def test_forget_leaves_other_files_alone(capsys, seeded: Path, monkeypatch):
    mine = seeded / "my-own-notes.txt"
    mine.write_text("kept")
    answers = iter(["yes", "delete"])
    monkeypatch.setattr("builtins.input", lambda _: next(answers))
    code, _, _ = run(capsys, "forget", "--data-dir", str(seeded))
    assert code == 0 and mine.read_text() == "kept"
    assert not (seeded / DATA_FILE).exists() and not (seeded / LOCK_FILE).exists()
    assert not (seeded / "backups").exists()


def test_forget_waits_while_the_app_is_open(capsys, seeded: Path, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda _: "yes" if "yes" in _ else "delete")
    db = Database.open(seeded)
    try:
        code, _, err = run(capsys, "forget", "--data-dir", str(seeded))
    finally:
        db.close()
    assert code == 1 and "close it first" in err and (seeded / DATA_FILE).exists()

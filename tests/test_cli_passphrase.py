"""A passphrase from the command line: set, use, change with the recovery key, remove; a changed byte."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from imr_companion.cli import main
from imr_companion.models import Moment
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database, Repository
from imr_companion.store.files import backups, codec

WORDS = "Tea in the garden with Jo"


def run(capsys, monkeypatch, lines: str, *args: str) -> tuple[int, str, str]:
    """The command with `lines` on standard input (not a terminal: one answer a line)."""
    codec.forget()  # each command is a process of its own
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def every_file(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_set_use_change_with_the_recovery_key_and_remove(capsys, monkeypatch, data_dir: Path, tmp_path: Path):
    db = Database.open(data_dir)
    Repository.of(db, Moment).add(Moment(text=WORDS))
    db.close()
    backups.make(data_dir, "manual", (data_dir / DATA_FILE).read_bytes())
    (data_dir / f".{DATA_FILE}.left.tmp").write_bytes(b'{"moments": "' + WORDS.encode() + b'"}')
    d = ["--data-dir", str(data_dir)]

    code, out, _err = run(capsys, monkeypatch, "first words\nyes\n", "passphrase", "set", *d)
    assert code == 0
    assert "nobody can open the data again" in out
    recovery = next(line.strip() for line in out.splitlines() if line.startswith("    "))
    # No file in the folder holds the person's words in plain text; the temporary copy is gone.
    files = every_file(data_dir)
    assert not any(WORDS.encode() in content for content in files.values())
    assert not list(data_dir.glob(".*.tmp"))
    assert codec.is_encrypted(data_dir)
    # hello, at a terminal's start, says nothing while the data is locked.
    assert run(capsys, monkeypatch, "", "hello", *d)[:2] == (0, "")

    # A wrong passphrase: one calm line, nothing on disk changes.
    code, out, err = run(capsys, monkeypatch, "not it\n", "export", "--format", "markdown", *d)
    assert code == 1 and "does not open" in err and WORDS not in out
    assert every_file(data_dir) == files

    code, out, _err = run(capsys, monkeypatch, "first words\n", "export", "--format", "markdown", *d)
    assert code == 0 and WORDS in out

    # backup writes a sealed copy.
    copy = tmp_path / "copy.json"
    assert run(capsys, monkeypatch, "first words\n", "backup", "--output", str(copy), *d)[0] == 0
    assert codec.is_sealed(copy.read_bytes())

    # The recovery key resets the passphrase; the old one opens nothing after.
    code, _out, err = run(capsys, monkeypatch, f"{recovery.lower()}\nnew words\n", "passphrase", "change", *d)
    assert code == 0, err
    assert run(capsys, monkeypatch, "first words\n", "doctor", *d)[0] == 1
    assert run(capsys, monkeypatch, "new words\n", "doctor", *d)[0] == 0

    code, _out, err = run(capsys, monkeypatch, "new words\n", "passphrase", "remove", *d)
    assert code == 0, err
    assert not codec.is_encrypted(data_dir)
    for path in codec.data_files(data_dir):
        assert WORDS in path.read_text(encoding="utf-8")
    assert json.loads((data_dir / DATA_FILE).read_text())


@pytest.mark.parametrize("where", ["header", "body"])
def test_a_changed_byte_is_damage_set_aside_with_a_backup_offered(data_dir: Path, where: str):
    from imr_companion.passphrase.folder import set_passphrase

    db = Database.open(data_dir)
    Repository.of(db, Moment).add(Moment(text=WORDS))
    set_passphrase(data_dir, "words", None)
    Repository.of(db, Moment).add(Moment(text="a second save, after the day's backup"))
    db.close()
    raw = bytearray((data_dir / DATA_FILE).read_bytes())
    at = raw.index(b'"before_unlocking"') + 3 if where == "header" else len(raw) - 5
    raw[at] ^= 0x01
    (data_dir / DATA_FILE).write_bytes(bytes(raw))

    db = Database.open(data_dir)
    try:
        assert [m.text for m in Repository.of(db, Moment).all()] == []  # never silently read
        assert db.notices[0].backup is not None  # the day's backup is offered
        assert "changed or damaged" in db.notices[0].text or "header" in db.notices[0].text
        assert list(data_dir.glob("companion.damaged-*.json"))
    finally:
        db.close()


def test_every_write_takes_a_fresh_nonce(data_dir: Path):
    from imr_companion.passphrase.folder import set_passphrase

    set_passphrase(data_dir, "words", None)
    assert codec.sealed(b"{}") != codec.sealed(b"{}")
    assert codec.opened(codec.sealed(b'{"a":1}')) == b'{"a":1}'


def test_a_sealed_file_opens_for_the_first_frame_from_its_head(data_dir: Path):
    from imr_companion.passphrase.folder import set_passphrase

    db = Database.open(data_dir)
    db.save_settings(db.settings().model_copy(update={"first_name": "Alex"}))
    Repository.of(db, Moment).add(Moment(text=WORDS))
    set_passphrase(data_dir, "words", None)
    db.close()
    db = Database.open(data_dir, defer_read=True)
    try:
        assert db._storage is None and db.stored_setting("first_name", "") == "Alex"  # the rest waits
        assert [m.text for m in Repository.of(db, Moment).all()] == [WORDS]
    finally:
        db.close()

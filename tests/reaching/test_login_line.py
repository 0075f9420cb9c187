"""`hello --at-login` / `--not-at-login`: the shell's start file between markers, and left byte for byte."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from imr_companion.reaching import login_line
from imr_companion.reaching.login_line import StartFiles, shell_line
from tests.test_cli import run

BEFORE = {
    "ends with a line break": b"alias ll='ls -l'\nexport EDITOR=nano\n",
    "no line break at the end": b"alias ll='ls -l'\r\nexport EDITOR=nano",
    "empty": b"",
}


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_at_login_then_not_at_login_leaves_every_file_as_it_was(capsys, tmp_path, monkeypatch, shell):
    monkeypatch.setenv("SHELL", f"/usr/bin/{shell}")
    for name in ("ZDOTDIR", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    home = Path(os.environ["HOME"])
    start_file = StartFiles(home=home).path(shell)
    folder = tmp_path / "data"
    for label, before in [*BEFORE.items(), ("no file", None)]:
        if before is None:
            start_file.unlink(missing_ok=True)
        else:
            start_file.parent.mkdir(parents=True, exist_ok=True)
            start_file.write_bytes(before)
            start_file.chmod(0o640)
        code, out, err = run(capsys, "hello", "--at-login", "--data-dir", str(folder))
        assert code == 0 and str(start_file) in out, err
        added = start_file.read_bytes()
        assert added.startswith(before or b""), label
        assert added.count(login_line.BEGIN) == 1 and str(folder).encode() in added
        # Twice is still once.
        run(capsys, "hello", "--at-login", "--data-dir", str(folder))
        assert start_file.read_bytes() == added, label
        code, out, _err = run(capsys, "hello", "--not-at-login")
        assert code == 0 and str(start_file) in out
        if before is None:
            assert not start_file.exists(), label
        else:
            assert start_file.read_bytes() == before, label
            assert start_file.stat().st_mode & 0o777 == 0o640
    assert "Nothing was changed" in run(capsys, "hello", "--not-at-login")[1]


def test_lines_written_after_ours_stay(tmp_path: Path):
    start_file = tmp_path / ".bashrc"
    start_file.write_bytes(b"export A=1")
    login_line.add(start_file, "echo hi")
    with start_file.open("ab") as file:
        file.write(b"export B=2\n")
    assert login_line.remove(start_file)
    # The line break added before the block stays: the line written after it keeps a line of its own.
    assert start_file.read_bytes() == b"export A=1\nexport B=2\n"


def test_each_shell_quotes_the_command_its_own_way():
    command = ["/home/jo/my apps/imr-companion", "hello", "--data-dir", "/home/jo/Jo's data"]
    assert shell_line("bash", command) == (
        "[ -x '/home/jo/my apps/imr-companion' ] && '/home/jo/my apps/imr-companion' hello "
        "--data-dir '/home/jo/Jo'\"'\"'s data' 2>/dev/null"
    )
    assert shell_line("fish", command).endswith("'--data-dir' '/home/jo/Jo\\'s data' 2>/dev/null")
    assert shell_line("powershell", command) == (
        "if (Test-Path '/home/jo/my apps/imr-companion') { & '/home/jo/my apps/imr-companion' "
        "'hello' '--data-dir' '/home/jo/Jo''s data' 2>$null }"
    )

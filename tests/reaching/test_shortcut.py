"""`imr-companion shortcut`: the start-menu entry, desktop icon, made and taken away in a temporary HOME."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from imr_companion.reaching import shortcut
from imr_companion.reaching.shortcut import Places, exec_value
from tests.test_cli import run


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    (home / "Skrivebord").mkdir(parents=True)
    (home / ".config").mkdir()
    # A Danish desktop's folder, named as xdg-user-dirs names it.
    (home / ".config" / "user-dirs.dirs").write_text('XDG_DESKTOP_DIR="$HOME/Skrivebord"\n')
    for name in ("XDG_DESKTOP_DIR", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    return home


def _unquoted(value: str) -> list[str]:
    """An Exec value read back as the spec says: the string escapes first, then the quoting."""
    value = value.replace("\\\\", "\\")
    arguments, word, quoted, at = [], "", False, 0
    while at < len(value):
        character = value[at]
        if quoted and character == "\\" and value[at + 1] in '"`$\\':
            word, at = word + value[at + 1], at + 2
            continue
        if character == '"':
            quoted = not quoted
        elif character == " " and not quoted:
            arguments.append(word)
            word = ""
        else:
            word += character
        at += 1
    return [argument.replace("%%", "%") for argument in [*arguments, word]]


def test_exec_value_quotes_as_the_desktop_entry_spec_says():
    odd = ["/opt/my apps/imr-companion", "--data-dir", '/home/jo/"notes" $HOME `x` 100%\\n']
    value = exec_value(odd)
    assert value.startswith('"/opt/my apps/imr-companion" --data-dir "')
    assert "%%" in value and "\\\\" in value
    assert _unquoted(value) == odd
    assert exec_value(["/usr/bin/imr-companion", "--data-dir", "/plain"]) == (
        "/usr/bin/imr-companion --data-dir /plain"
    )


def test_shortcut_then_remove_on_linux(capsys, home: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setattr("sys.platform", "linux")
    folder = tmp_path / "my data"
    code, out, err = run(capsys, "shortcut", "--data-dir", str(folder))
    assert code == 0, err
    entry = home / "data" / "applications" / "imr-companion.desktop"
    on_desktop = home / "Skrivebord" / "imr-companion.desktop"
    icon = home / "data" / "icons" / "hicolor" / "scalable" / "apps" / "imr-companion.svg"
    assert str(entry) in out and str(on_desktop) in out and "--remove" in out
    text = entry.read_text()
    assert on_desktop.read_text() == text and on_desktop.stat().st_mode & 0o100  # trusted: executable
    fields = dict(line.split("=", 1) for line in text.splitlines()[1:])
    assert fields["Terminal"] == "true" and fields["Type"] == "Application"
    assert fields["Icon"] == str(icon) and icon.read_bytes() == shortcut.ICON.read_bytes()
    command = _unquoted(fields["Exec"])
    assert command[-2:] == ["--data-dir", str(folder)] and Path(command[0]).is_absolute()
    assert fields["Comment[da]"] != fields["Comment"] and fields["Name[da]"] == "IMR Companion"
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    # Someone else's file of the same name is never taken away.
    other = home / "data" / "applications" / "other.desktop"
    other.write_text("[Desktop Entry]\n")
    code, out, _err = run(capsys, "shortcut", "--remove")
    assert code == 0 and not entry.exists() and not on_desktop.exists() and not icon.exists()
    assert other.exists() and (home / "Skrivebord").is_dir()
    assert "Nothing was changed" in run(capsys, "shortcut", "--remove")[1]


def test_windows_and_mac_shortcuts(tmp_path: Path, monkeypatch):
    folder = tmp_path / "Jo's data"
    made: list[list[str]] = []
    monkeypatch.setattr(shortcut.subprocess, "run", lambda command, **_: made.append(command))
    places = Places(home=tmp_path, environ={"APPDATA": str(tmp_path / "AppData")}, system="win32")
    link = tmp_path / "AppData" / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "IMR Companion.lnk"
    assert shortcut.add(folder, places) == [link]
    script = made[0][-1]
    assert made[0][0] == "powershell" and "WScript.Shell" in script and ".Save()" in script
    # A quote in a path is doubled, as PowerShell reads it inside single quotes.
    assert "Jo''s data" in script and f"CreateShortcut('{link}')" in script

    mac = Places(home=tmp_path, environ={}, system="darwin")
    (written,) = shortcut.add(folder, mac)
    assert written == tmp_path / "Applications" / "IMR Companion.command"
    lines = written.read_text().splitlines()
    assert lines[0] == "#!/bin/sh" and shlex.split(lines[-1])[-2:] == ["--data-dir", str(folder)]
    assert written.stat().st_mode & 0o100
    assert shortcut.remove(mac) == [written] and not written.exists()

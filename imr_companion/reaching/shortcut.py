"""An icon that starts the app, the person's choice: `imr-companion shortcut [--remove]`.

Linux: a freedesktop entry in $XDG_DATA_HOME/applications (the start menu)
that opens the app in a terminal on the data folder in use, its icon copied
beside the icon theme's, and a copy on the desktop where there is one (made
executable: that is how desktops mark a launcher as trusted). Windows: a
Start-menu shortcut made by PowerShell's WScript.Shell (no new dependency),
which opens a console. macOS: a `.command` file in ~/Applications, which
Terminal opens. Only what this module wrote is ever removed: each file
carries a mark, and a file of the same name without it is left alone.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from imr_companion.i18n import _
from imr_companion.reaching.words import in_each_language

APP_ID = "imr-companion"
NAME = "IMR Companion"
MARK = "X-IMR-Companion-Shortcut=true"
"""The line that says a desktop entry is ours (the spec lets X- keys be added)."""
COMMAND_MARK = "# IMR Companion: made by 'imr-companion shortcut'"
ICON = Path(__file__).with_name("icon.svg")

# Desktop Entry spec, "The Exec key": an argument holding one of these is quoted.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


@dataclass
class Places:
    """Where shortcuts go on this computer; tests give a temporary home and environment."""

    home: Path = field(default_factory=Path.home)
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    system: str = sys.platform

    def data_home(self) -> Path:
        return Path(self.environ.get("XDG_DATA_HOME") or self.home / ".local" / "share")

    def applications(self) -> Path:
        return self.data_home() / "applications" / f"{APP_ID}.desktop"

    def icon(self) -> Path:
        return self.data_home() / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"

    def desktop(self) -> Path | None:
        """The desktop folder, where the desktop has one: XDG_DESKTOP_DIR, user-dirs.dirs, ~/Desktop."""
        named = self.environ.get("XDG_DESKTOP_DIR") or self._user_dirs_desktop()
        folder = Path(named) if named else self.home / "Desktop"
        # xdg-user-dirs names the home folder itself where there is no desktop.
        return folder if folder.is_dir() and folder != self.home else None

    def _user_dirs_desktop(self) -> str:
        # xdg-user-dirs writes the desktop's name in the person's language ("$HOME/Skrivebord").
        config = Path(self.environ.get("XDG_CONFIG_HOME") or self.home / ".config")
        try:
            text = (config / "user-dirs.dirs").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""
        found = re.search(r'^XDG_DESKTOP_DIR="([^"]*)"', text, re.MULTILINE)
        if not found:
            return ""
        return found[1].replace("$HOME", str(self.home))

    def start_menu(self) -> Path:
        appdata = self.environ.get("APPDATA") or str(self.home / "AppData" / "Roaming")
        return Path(appdata) / "Microsoft" / "Windows" / "Start Menu" / "Programs" / f"{NAME}.lnk"

    def mac_command(self) -> Path:
        return self.home / "Applications" / f"{NAME}.command"


def start_command(folder: Path, *command: str) -> list[str]:
    """The app's `command` (none: the app itself) on `folder`: the installed script, else this Python -m."""
    windows = sys.platform == "win32"
    script = Path(sys.executable).with_name(APP_ID + (".exe" if windows else ""))
    if not script.is_file():
        started = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
        script = started.absolute() if started and started.name.startswith(APP_ID) else Path()
    if script.name and script.is_file():
        return [str(script), *command, "--data-dir", str(folder)]
    return [sys.executable, "-m", "imr_companion", *command, "--data-dir", str(folder)]


def exec_value(command: list[str]) -> str:
    """`command` as a desktop entry's Exec value: quoted per the spec, then escaped as a string."""
    quoted = []
    for argument in command:
        argument = argument.replace("%", "%%")
        if not argument or any(character in _RESERVED for character in argument):
            argument = '"' + re.sub(r'(["`$\\])', r"\\\1", argument) + '"'
        quoted.append(argument)
    # The string escape comes on top of the quoting: a backslash is written twice.
    return " ".join(quoted).replace("\\", "\\\\")


def _entry_text(value: str) -> str:
    return " ".join(value.split()).replace("\\", "\\\\")


def desktop_entry(command: list[str], icon: Path) -> str:
    comment = in_each_language(lambda: _("A private place for your recovery work, on this computer"))
    generic = in_each_language(lambda: _("Recovery companion"))
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        f"Name={NAME}",
        f"Name[da]={NAME}",
        f"GenericName={_entry_text(generic['en'])}",
        f"GenericName[da]={_entry_text(generic['da'])}",
        f"Comment={_entry_text(comment['en'])}",
        f"Comment[da]={_entry_text(comment['da'])}",
        f"Exec={exec_value(command)}",
        f"Icon={_entry_text(str(icon))}",
        "Terminal=true",
        "Categories=Utility;",
        "StartupNotify=false",
        MARK,
    ]
    return "\n".join(lines) + "\n"


def _write(path: Path, text: str, mode: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.chmod(mode)
    os.replace(temporary, path)


def _ours(path: Path, mark: str) -> bool:
    try:
        return path.is_file() and not path.is_symlink() and mark in path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def add(folder: Path, places: Places | None = None) -> list[Path]:
    """Make the shortcut for the data folder `folder`; the files written (an older one is replaced)."""
    places = places or Places()
    command = start_command(folder)
    if places.system == "win32":
        return _add_windows(places.start_menu(), command)
    if places.system == "darwin":
        target = places.mac_command()
        script = f"#!/bin/sh\n{COMMAND_MARK}\nexec {shlex.join(command)}\n"
        _write(target, script, 0o700)
        return [target]
    icon = places.icon()
    _write(icon, ICON.read_text(encoding="utf-8"), 0o644)
    entry = desktop_entry(command, icon)
    written = [places.applications()]
    _write(written[0], entry, 0o600)
    desktop = places.desktop()
    if desktop is not None:
        # Executable: what desktops (GNOME, KDE, Xfce) ask of a launcher on the desktop to trust it.
        _write(desktop / f"{APP_ID}.desktop", entry, 0o700)
        written.append(desktop / f"{APP_ID}.desktop")
    return written


def remove(places: Places | None = None) -> list[Path]:
    """Take away what add() made; the files removed (none when there was nothing)."""
    places = places or Places()
    if places.system == "win32":
        link = places.start_menu()
        candidates = [link] if link.is_file() else []
    elif places.system == "darwin":
        candidates = [places.mac_command()] if _ours(places.mac_command(), COMMAND_MARK) else []
    else:
        desktop = places.desktop()
        entries = [places.applications(), *([desktop / f"{APP_ID}.desktop"] if desktop else [])]
        candidates = [entry for entry in entries if _ours(entry, MARK)]
        icon = places.icon()
        if icon.is_file() and not icon.is_symlink() and icon.read_bytes() == ICON.read_bytes():
            candidates.append(icon)
    for path in candidates:
        path.unlink()
    return candidates


def powershell_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def windows_script(link: Path, command: list[str], description: str) -> str:
    """The PowerShell that makes a Start-menu shortcut: the script is a console program, so it opens one."""
    return "; ".join(
        [
            f"$link = (New-Object -ComObject WScript.Shell).CreateShortcut({powershell_quoted(str(link))})",
            f"$link.TargetPath = {powershell_quoted(command[0])}",
            f"$link.Arguments = {powershell_quoted(subprocess.list2cmdline(command[1:]))}",
            f"$link.Description = {powershell_quoted(description)}",
            "$link.Save()",
        ]
    )


def _add_windows(link: Path, command: list[str]) -> list[Path]:
    link.parent.mkdir(parents=True, exist_ok=True)
    script = windows_script(link, command, _("A private place for your recovery work, on this computer"))
    subprocess.run(
        ["powershell", "-NoProfile", "-NonInteractive", "-Command", script],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return [link]


def exists(places: Places | None = None) -> bool:
    """Whether a shortcut of ours is there (the palette offers to remove it then)."""
    places = places or Places()
    if places.system == "win32":
        return places.start_menu().is_file()
    if places.system == "darwin":
        return _ours(places.mac_command(), COMMAND_MARK)
    return _ours(places.applications(), MARK)

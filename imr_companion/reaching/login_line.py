"""The hello line at login, the person's choice: `imr-companion hello --at-login / --not-at-login`.

The command goes into the shell's start file (bash ~/.bashrc, zsh ~/.zshrc,
fish config.fish, PowerShell's profile on Windows) between two marker lines.
Taking it out leaves the file byte for byte as it was: the first marker says
whether a line break was added before it (the file did not end with one) or
the file was made for it (then it is removed again when nothing else is in it).
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

BEGIN = b"# >>> imr-companion hello: a calm line when a terminal opens"
END = b"# <<< imr-companion hello <<<"
ADDED_BREAK = b" (a line break was added before this) >>>"
MADE_FILE = b" (this file was made for it) >>>"
PLAIN = b" >>>"
SHELLS = ("bash", "zsh", "fish", "powershell")


@dataclass
class StartFiles:
    """Where each shell's start file is; tests give a temporary home and environment."""

    home: Path = field(default_factory=Path.home)
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    system: str = sys.platform

    def path(self, shell: str) -> Path:
        if shell == "zsh":
            return Path(self.environ.get("ZDOTDIR") or self.home) / ".zshrc"
        if shell == "fish":
            return Path(self.environ.get("XDG_CONFIG_HOME") or self.home / ".config") / "fish" / "config.fish"
        if shell == "powershell":
            return self._powershell_profile()
        return self.home / ".bashrc"

    def shell(self) -> str:
        """The person's shell: PowerShell on Windows, else $SHELL's name (bash when it is not known)."""
        if self.system == "win32":
            return "powershell"
        name = Path(self.environ.get("SHELL", "")).name
        return name if name in SHELLS else "bash"

    def _powershell_profile(self) -> Path:
        return _powershell_profile(self.home)


@lru_cache(maxsize=4)
def _powershell_profile(home: Path) -> Path:
    """PowerShell's own answer (Documents may be elsewhere, OneDrive's), asked once: it takes a moment."""
    asked = ["powershell", "-NoProfile", "-NonInteractive", "-Command", "$PROFILE.CurrentUserCurrentHost"]
    try:
        found = subprocess.run(asked, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        found = ""
    documents = home / "Documents" / "WindowsPowerShell"
    return Path(found) if found else documents / "Microsoft.PowerShell_profile.ps1"


def shell_line(shell: str, command: list[str]) -> str:
    """The line that says hello in `shell`; quiet when the app is gone or says nothing."""
    program, *arguments = command
    if shell == "powershell":

        def quoted(text: str) -> str:
            return "'" + text.replace("'", "''") + "'"

        said = " ".join(quoted(part) for part in arguments)
        return f"if (Test-Path {quoted(program)}) {{ & {quoted(program)} {said} 2>$null }}"
    if shell == "fish":

        def fish(text: str) -> str:
            return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"

        said = " ".join(fish(part) for part in arguments)
        return f"test -x {fish(program)}; and {fish(program)} {said} 2>/dev/null"
    return f"[ -x {shlex.quote(program)} ] && {shlex.join(command)} 2>/dev/null"


def _newline(content: bytes) -> bytes:
    return b"\r\n" if b"\r\n" in content else b"\n"


def _find(content: bytes) -> tuple[int, int] | None:
    """Where our block starts and ends (end past its last line break); None when it is not there."""
    at = 0
    while True:
        start = content.find(BEGIN, at)
        if start < 0:
            return None
        if start == 0 or content[start - 1 : start] == b"\n":
            break
        at = start + 1
    end = content.find(END, start)
    if end < 0:
        return None
    end += len(END)
    if content.startswith(b"\r\n", end):
        end += 2
    elif content.startswith(b"\n", end):
        end += 1
    return start, end


def is_added(path: Path) -> bool:
    try:
        return _find(path.read_bytes()) is not None
    except OSError:
        return False


def add(path: Path, line: str) -> None:
    """Put the hello line at the end of `path` between the markers (replacing an older one of ours)."""
    existed = path.exists()
    content = _without(path.read_bytes()) if existed else b""
    if content is None:  # our block was the whole of a file we made
        content, existed = b"", False
    newline = _newline(content)
    if not existed:
        begin_tail = MADE_FILE
    elif content and not content.endswith(b"\n"):
        begin_tail = ADDED_BREAK
    else:
        begin_tail = PLAIN
    block = newline.join([BEGIN + begin_tail, line.encode("utf-8"), END]) + newline
    before = newline if begin_tail == ADDED_BREAK else b""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.imr-companion.tmp")
    temporary.write_bytes(content + before + block)
    if existed:
        # The start file keeps its own permissions.
        temporary.chmod(path.stat().st_mode & 0o7777)
    os.replace(temporary, path)


def remove(path: Path) -> bool:
    """Take our lines out of `path`, leaving it as it was before add(); False when they were not there."""
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        return False
    if _find(content) is None:
        return False
    left = _without(content)
    if left is None:
        path.unlink()
        return True
    temporary = path.with_name(f".{path.name}.imr-companion.tmp")
    temporary.write_bytes(left)
    temporary.chmod(path.stat().st_mode & 0o7777)
    os.replace(temporary, path)
    return True


def _without(content: bytes) -> bytes | None:
    """`content` without our block, as it was before it was added; None when the file was made for it
    and holds nothing else."""
    found = _find(content)
    if found is None:
        return content
    start, end = found
    begin_line = content[start : content.find(b"\n", start) if b"\n" in content[start:] else len(content)]
    before = content[:start]
    # Our line break goes too, unless lines were written after the block: they keep a line of their own.
    if begin_line.rstrip(b"\r").endswith(ADDED_BREAK) and not content[end:]:
        before = before.removesuffix(b"\r\n") if before.endswith(b"\r\n") else before.removesuffix(b"\n")
    left = before + content[end:]
    if begin_line.rstrip(b"\r").endswith(MADE_FILE) and not left:
        return None
    return left


def turn_on(folder: Path, start_files: StartFiles | None = None) -> Path:
    """Say hello for the data folder `folder` whenever the person's shell starts; the file changed."""
    from imr_companion.reaching.shortcut import start_command

    start_files = start_files or StartFiles()
    shell = start_files.shell()
    path = start_files.path(shell)
    add(path, shell_line(shell, start_command(folder, "hello")))
    return path


def turn_off(start_files: StartFiles | None = None) -> list[Path]:
    """Take the hello line out of every start file it is in; the files changed."""
    start_files = start_files or StartFiles()
    shells = ("powershell",) if start_files.system == "win32" else ("bash", "zsh", "fish")
    return [path for path in map(start_files.path, shells) if remove(path)]


def is_on(start_files: StartFiles | None = None) -> bool:
    start_files = start_files or StartFiles()
    return is_added(start_files.path(start_files.shell()))

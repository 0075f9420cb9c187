"""The stylesheets of the app's first frame, parsed at one start and kept for the next.

Before its first frame Textual parses every stylesheet that frame needs (the
app's, Today's or the welcome's, and each of its widgets' own): the same text
at every start, 7-8 ms of the ~200 ms to that frame. Parsed once, the rules
are kept in a file in the person's cache folder (never in the data folder:
nothing of the person's is in it, and it is no part of their backups) and
handed to the app's stylesheet at the next start (`use`), in about 1 ms.

What Textual takes from it, it takes under its own key for each stylesheet:
the stylesheet's whole text, where it was read from, its tie breaker and
scope. A changed stylesheet is parsed again, as ever. What the key does not
say is in the file's stamp, read first: the colours the rules were parsed
with (the theme), Python's and Textual's versions; a file with another
stamp is not read further. Nothing in it can do anything but build rules of
Textual's CSS (`_Rules` refuses every other class). A file missing, damaged
or refused costs nothing but the parse it would have saved; it is written
again after the first frame, from what was parsed then.
"""

from __future__ import annotations

import io
import os
import pickle
import stat
import sys
import tempfile
import zlib
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from imr_companion.ui.common.textual_internals import (
    parsed_stylesheets,
    stylesheet_colours,
    take_parsed_stylesheets,
    take_variable_tokens,
    variable_tokens,
)

if TYPE_CHECKING:
    from imr_companion.ui.app import CompanionApp

FORMAT = 2
WRITE_AFTER = 1.5
"""Seconds after the first frame when new rules are written (a millisecond or two, and only when
that frame parsed something not kept): once the cards are shown and most of the start-up's work is done."""


def folder() -> Path:
    """The person's cache folder for the app (~/.cache/imr-companion on Linux)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("imr-companion", appauthor=False))


def kept_file(first_screen: str) -> Path:
    """The file for a first frame of this kind (Today, or the welcome) with this Python and this
    Textual: two installs of the app never take turns in one, nor the welcome and Today."""
    return folder() / f"first-frame-styles-{first_screen}-{_install():08x}.pickle"


def forget() -> None:
    """No stylesheets kept for this install (after a crash: the next start parses them afresh)."""
    for path in folder().glob(f"first-frame-styles-*-{_install():08x}.pickle"):
        with suppress(OSError):
            path.unlink()


def _install() -> int:
    import textual

    return zlib.crc32(f"{sys.version_info[:2]} {textual.__file__}".encode())


Kept: TypeAlias = tuple[list[tuple[tuple, list]], dict[str, list]]
"""Each stylesheet parsed, as (Textual's key, its rules); and the colours' (the stylesheet's
variables') own tokens, as Textual reads them before it parses a stylesheet or a style written as
text ("bold $text"): ~1 ms the first time, at every start. (A plain pair: a named tuple's class
took 0.2 ms to define before the first frame.)"""

NOTHING: Kept = ([], {})


def use(app: CompanionApp) -> None:
    """Give `app` the rules kept at the last start, and keep its first frame's for the next.

    Called once the app is made, before it runs (its colours are set by then).
    """
    path = kept_file(app.DEFAULT_MODE)
    stamp = _stamp(app)
    parsed, colours = read(path, stamp)
    take_parsed_stylesheets(app, parsed)
    if colours:
        take_variable_tokens(app, colours)
    app.after_first_frame(partial(_keep_new, app, path, stamp, {key for key, _ in parsed}))


def read(path: Path, stamp: tuple) -> Kept:
    """What is kept in `path` for this stamp; nothing if there is none, or if anything is amiss."""
    try:
        file = io.BytesIO(_plain_bytes(path))
        if _Rules(file).load() != stamp:
            return NOTHING
        parsed, colours = _Rules(file).load()
    except Exception:  # missing, cut off, another format, a class refused: parse as ever
        return NOTHING
    if isinstance(parsed, list) and all(_an_entry(entry) for entry in parsed) and isinstance(colours, dict):
        return parsed, colours
    return NOTHING


MOST_BYTES = 4 * 1024 * 1024
"""Far more than the rules of two first frames take (~80 KB): anything larger is not such a file."""


def _plain_bytes(path: Path) -> bytes:
    """The bytes of `path` if it is a plain file of a likely size. Never waits: a pipe or a device
    put in its place would hold the start (a blank screen) or give bytes without end."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as file:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode) or status.st_size > MOST_BYTES:
            raise OSError(f"not a plain file of rules: {path}")
        return file.read(MOST_BYTES)


def _an_entry(entry: object) -> bool:
    """(Textual's key, the rules parsed), as parsed_stylesheets gives them."""
    from textual.css.model import RuleSet

    if not isinstance(entry, tuple) or len(entry) != 2:
        return False
    key, rules = entry
    if not isinstance(key, tuple) or not isinstance(rules, list):
        return False
    return all(isinstance(rule, RuleSet) for rule in rules)


def write(path: Path, stamp: tuple, kept: Kept) -> None:
    """Keep `kept` in `path` (whole or not at all; only the person can read it)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".styles-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            pickle.dump(stamp, file, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(kept, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _keep_new(app: CompanionApp, path: Path, stamp: tuple, kept: set[tuple]) -> None:
    """At the first frame: what it parsed that was not kept is written a while later."""
    parsed = parsed_stylesheets(app)
    if {key for key, _ in parsed} <= kept:
        return

    def keep() -> None:
        if _stamp(app) != stamp:
            return  # another theme chosen meanwhile: the next start keeps its own
        with suppress(Exception):  # a cache that cannot be written: the next start parses, as ever
            write(path, stamp, (parsed, variable_tokens(app)))

    app.set_timer(WRITE_AFTER, keep)


def _stamp(app: CompanionApp) -> tuple:
    """What the rules depend on beyond Textual's key: the colours, Python, Textual's version."""
    import textual.css.model

    textual_file = Path(textual.css.model.__file__)
    try:
        installed = textual_file.stat().st_mtime_ns
    except OSError:
        installed = 0
    return (
        FORMAT,
        sys.version_info[:2],
        str(textual_file),
        installed,
        tuple(sorted(stylesheet_colours(app).items())),
    )


_MODULES = (
    "textual.css.", "textual.color", "textual.geometry", "textual.layouts.", "rich.style", "rich.color"
)  # fmt: skip
"""Where the classes of parsed rules come from: nothing else is built from the file."""


def _rules_lookup(rules: Any, name: str) -> Any:
    # Textual's Styles keep their rules' dict's `get` and `__contains__` (Styles.get_rule,
    # has_rule), pickled as getattr(rules, name): only those are let through.
    if type(rules) is not dict or name not in ("get", "__contains__"):
        raise pickle.UnpicklingError(name)
    return getattr(rules, name)


class _Rules(pickle.Unpickler):
    """Unpickles parsed rules and nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("builtins", "getattr"):
            return _rules_lookup
        if (module, name) == ("functools", "partial"):
            return partial
        # By a plain name only (a dotted one reaches any attribute), and only what these modules
        # define themselves: they import other things (os, pathlib) that a file must never call.
        if module.startswith(_MODULES) and "." not in name:
            found = super().find_class(module, name)
            if getattr(found, "__module__", None) == module:
                return found
        raise pickle.UnpicklingError(f"{module}.{name}")

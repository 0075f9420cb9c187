"""A screen's stylesheet, read from the .tcss file beside it as the screen's DEFAULT_CSS."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.dom import DOMNode


def beside(module_file: str, name: str) -> str:
    """The text of the stylesheet `name` in the folder of `module_file`.

    Why not CSS_PATH: Textual re-parses every stylesheet of the app and restyles
    every widget of every open screen when a screen with CSS_PATH (or CSS) first
    opens, 20-30 ms at each area's first open. DEFAULT_CSS is parsed on its own,
    once, as the screen mounts. Every rule in these files starts with the screen's
    class name, so it applies inside that screen only; as default rules, they
    give way to app.tcss where both set the same thing.
    """
    return (Path(module_file).parent / name).read_text(encoding="utf-8")


def read_ahead(*kinds: type[DOMNode]) -> None:
    """Parse ahead the stylesheets of a screen and the kinds of widget it shows first.

    Called by an area's `read_ahead()` in the thread that imports the areas' code ahead
    (ui/starting.py): the screen's first open then finds them parsed (Textual parses a kind's
    DEFAULT_CSS as its first widget mounts: 1-2 ms a screen, 4-5 ms for Button's). Anywhere
    else (no app's worker running it) it does nothing.
    """
    from textual.app import App
    from textual.worker import NoActiveWorker, get_current_worker

    from imr_companion.ui.common.textual_internals import parse_styles_ahead

    try:
        app = get_current_worker().node
    except NoActiveWorker:
        return
    # Not once the app is closing: a call into a closed event loop is refused after Textual has made
    # the call's coroutine, which Python then reports, unawaited, on the terminal.
    if isinstance(app, App) and app.is_running:
        with suppress(RuntimeError):  # the app closed meanwhile
            app.call_from_thread(parse_styles_ahead(app, kinds))

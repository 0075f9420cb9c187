"""A screen's stylesheet, read from the .tcss file beside it as the screen's DEFAULT_CSS."""

from __future__ import annotations

from pathlib import Path


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

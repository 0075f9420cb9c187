"""The first frame's stylesheets, kept from one start for the next (ui/kept_styles.py)."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
from textual.color import Color
from textual.css import stylesheet as stylesheets

from imr_companion import areas
from imr_companion.store import Database
from imr_companion.ui import kept_styles
from imr_companion.ui.app import CompanionApp
from imr_companion.ui.common.textual_internals import parsed_stylesheets
from tests.helpers import eager_tasks_as_in_app_run, wait_until, welcomed


def described(rule) -> str:
    """A rule as Textual applies it: its selectors, declarations, and place in the cascade."""
    declarations = sorted((name, repr(value)) for name, value in rule.styles.get_rules().items())
    return repr((rule.selector_set, declarations, rule.is_default_rules, rule.tie_breaker))


async def start(folder: Path, parsed: list[str], kept: Path) -> tuple[set[str], set[str], set[str]]:
    """The app started as `imr-companion` starts it: the stylesheets its first frame had, those
    Textual parsed by then, and every rule once the kept file is there."""
    database = Database.open(folder, defer_check=True, defer_read=True)
    app = CompanionApp(database)
    kept_styles.use(app)
    at_first_frame: list[tuple[set[str], set[str]]] = []
    app.after_first_frame(
        lambda: at_first_frame.append(({key[0] for key, _ in parsed_stylesheets(app)}, set(parsed)))
    )
    try:
        with eager_tasks_as_in_app_run():
            async with app.run_test() as pilot:
                await wait_until(pilot, lambda: at_first_frame, "no first frame")
                await wait_until(pilot, kept.exists, "the first frame's stylesheets were never kept")
                await wait_until(pilot, lambda: not app.workers, "the start-up's work never ended")
                rules = {described(rule) for rule in app.stylesheet.rules}
    finally:
        database.close()
    return (*at_first_frame[0], rules)


async def test_the_next_start_parses_none_of_its_first_frames_stylesheets(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    welcomed(data_dir)
    monkeypatch.setattr(kept_styles, "folder", lambda: tmp_path / "cache")
    kept = kept_styles.kept_file(areas.HOME)
    monkeypatch.setattr(kept_styles, "WRITE_AFTER", 0.01)
    parsed: list[str] = []
    parse, tokenize_values = stylesheets.parse, stylesheets.tokenize_values

    def counted(scope, css, *args, **kwargs):
        parsed.append(css)
        return parse(scope, css, *args, **kwargs)

    def counted_colours(values):
        parsed.append("the colours")
        return tokenize_values(values)

    monkeypatch.setattr(stylesheets, "parse", counted)
    monkeypatch.setattr(stylesheets, "tokenize_values", counted_colours)
    first_frame, parsed_by_then, rules = await start(data_dir, parsed, kept)
    assert first_frame <= parsed_by_then
    assert kept.stat().st_mode & 0o777 == 0o600
    assert kept.parent.stat().st_mode & 0o777 == 0o700
    parsed.clear()
    first_frame, parsed_by_then, rules_then = await start(data_dir, parsed, kept)
    # Taken from the file, as they were parsed: nothing of that frame parsed again, nor the colours.
    assert first_frame and not first_frame & parsed_by_then
    assert "the colours" not in parsed_by_then
    assert rules_then <= rules
    kept_styles.forget()  # as after a crash
    assert not kept.exists()


def test_a_file_for_other_colours_damaged_or_with_anything_but_rules_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "kept.pickle"
    kept = ([(("Kept { width: 3; }", ("", "Kept"), True, 0, ""), [])], {"primary": []})
    kept_styles.write(path, ("stamp",), kept)
    assert kept_styles.read(path, ("stamp",)) == kept
    assert kept_styles.read(path, ("other colours",)) == kept_styles.NOTHING
    path.write_bytes(path.read_bytes()[:-9])
    assert kept_styles.read(path, ("stamp",)) == kept_styles.NOTHING
    with path.open("wb") as file:
        pickle.dump(("stamp",), file)
        pickle.dump(([(("css",), [Path("/")])], {}), file)  # a class no rule is built of
    assert kept_styles.read(path, ("stamp",)) == kept_styles.NOTHING
    with path.open("wb") as file:
        pickle.dump(("stamp",), file)
        pickle.dump(([(("css",), [Color(1, 2, 3)])], {}), file)  # Textual's, but not a rule
    assert kept_styles.read(path, ("stamp",)) == kept_styles.NOTHING
    assert kept_styles.read(tmp_path / "none", ("stamp",)) == kept_styles.NOTHING
    # A pipe in its place is not waited on (the start would hang on a blank screen).
    pipe = tmp_path / "a pipe"
    os.mkfifo(pipe)  # (Linux and macOS, where CI runs)
    assert kept_styles.read(pipe, ("stamp",)) == kept_styles.NOTHING
    # What those modules import, not define, is refused too: os, imported by textual.css.stylesheet.
    made = str(tmp_path / "made by the file").encode()
    called = b"\x80\x04\x8c\x16textual.css.stylesheet\x8c\x08os.mkdir\x93\x8c" + bytes([len(made)])
    path.write_bytes(pickle.dumps(("stamp",)) + called + made + b"\x85R.")
    assert kept_styles.read(path, ("stamp",)) == kept_styles.NOTHING
    assert not (tmp_path / "made by the file").exists()

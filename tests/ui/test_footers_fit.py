"""At 80x24 the reader's footer and the together line are whole: no key cut ("^q Qui"), no sentence cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Size
from textual.widgets import OptionList

from imr_companion import content
from imr_companion.ui.common.frame.together_line import TogetherLine
from imr_companion.ui.common.textual_internals import FooterKey
from tests.helpers import running, welcomed


def whole_keys(app) -> list[str]:
    """Every footer key's words, after checking none is cut or hidden under the docked "^p More"."""
    keys = list(app.screen.query(FooterKey))
    assert keys
    more = [key for key in keys if key.has_class("-command-palette")]
    right_edge = more[0].region.x if more else app.size.width
    shown = []
    for key in keys:
        needed = key.get_content_width(Size(200, 1), Size(200, 1))
        assert key.content_region.width >= needed, key.render()
        if key not in more:
            assert key.region.right <= right_edge, f"{key.render()} runs under {more[0].render()}"
        shown.append(str(key.render()))
    return shown


def module_with_sheets() -> int:
    return next(h.number for h in content.library() if h.sheets)


async def open_module(pilot, number: int) -> None:
    await pilot.press("escape", "2")
    await pilot.pause()
    modules = pilot.app.screen.query_one(OptionList)
    modules.focus()
    await pilot.press("home", *["down"] * (number - 1), "enter")
    await pilot.pause()


@pytest.mark.parametrize("which", ["first module", "a module with sheets"])
async def test_the_readers_footer_is_whole_on_every_section(data_dir: Path, which: str):
    welcomed(data_dir)
    number = 1 if which == "first module" else module_with_sheets()
    async with running(data_dir, size=(80, 24)) as (app, pilot):
        await open_module(pilot, number)
        for _ in range(30):
            await in_the_reader(pilot)
            shown = " ".join(whole_keys(app))
            assert "Quit" in shown and ("Next" in shown or "Library" in shown)
            last = app.screen.query_one("#position").render().plain
            await pilot.press("n")
            await pilot.pause()
            await in_the_reader(pilot)
            if app.screen.query_one("#position").render().plain == last:
                break


async def in_the_reader(pilot) -> None:
    """Past the question which sheet to read, when the module asks it: not now."""
    for _ in range(5):
        if type(pilot.app.screen).__name__ == "ReaderScreen":
            return
        await pilot.press("escape")
        await pilot.pause()


NAMES = ["Jo", "Jo (contact person)", "Margrethe Kristiansen-Østergaard (kontaktperson)"]


@pytest.mark.parametrize("name", NAMES)
async def test_the_together_line_and_footer_are_whole(data_dir: Path, name: str):
    welcomed(data_dir)
    async with running(data_dir, size=(80, 24)) as (app, pilot):
        app.together_with = name
        for keys in [["escape", "2"], ["escape", "6"], ["escape", "5"]]:
            await pilot.press(*keys)
            await pilot.pause()
            line = app.screen.query_one(TogetherLine)
            assert line.display
            said = line.render().plain
            assert said.endswith("Press ctrl+g to end it.") or said.endswith("for a session or sharing.")
            assert len(said) <= line.content_region.width, said
            assert said.startswith("Together with " + name[:10])
            whole_keys(app)


def test_the_together_line_keeps_the_name_whole_where_it_can():
    assert TogetherLine.words("Jo", 78).endswith("F2 for a session or sharing.")
    said = TogetherLine.words("Jo (contact person)", 78)
    assert said == "Together with Jo (contact person). Press ctrl+g to end it."
    cut = TogetherLine.words("M" * 60, 78)
    assert len(cut) <= 78 and "…" in cut and cut.endswith("Press ctrl+g to end it.")


@pytest.mark.parametrize("page", ["s", "w", "n", "p", "h"])
async def test_the_together_pages_footers_are_whole_with_the_together_line(data_dir: Path, page: str):
    from tests.together_seed import seed_everything

    seed_everything(data_dir)
    async with running(data_dir, size=(80, 24)) as (app, pilot):
        app.together_with = "Jo (contact person)"
        await pilot.press("escape", "f2", page)
        for _ in range(50):
            await pilot.pause()
            if app.screen.query(TogetherLine):
                break
        line = app.screen.query_one(TogetherLine)
        assert line.display and len(line.render().plain) <= line.content_region.width
        whole_keys(app)

"""The command palette lists only what a person looks for, in plain words; footers fit at 80 columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Size

from imr_companion.ui.common.textual_internals import FooterKey
from tests.helpers import demo_folder, running
from tests.plan_seed import seed_plan

AREA_KEYS = {
    "today": [],
    "handouts": ["2"],
    "moments": ["3"],
    "goals": ["4"],
    "network": ["5"],
    "plan": ["6"],
}
TEXTUAL_WORDS = [
    "Focus Next",
    "Focus Previous",
    "Maximize",
    "Minimize",
    "Screenshot",
    "Keys",
    "Copy selected text",
]


@pytest.mark.parametrize("area", list(AREA_KEYS))
async def test_the_palette_offers_plain_actions_only(data_dir: Path, area: str):
    seed_plan(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("escape", *AREA_KEYS[area])
        await pilot.pause()
        commands = list(app.get_system_commands(app.screen))
    titles = [command.title for command in commands]
    for words in TEXTUAL_WORDS:
        assert words not in titles
    assert "Help now" in titles and "Colours and contrast" in titles and "Emergency number" in titles
    for command in commands:
        said = f"{command.title} {command.help}".casefold()
        assert "widget" not in said and "palette" not in said and "key " not in said


async def footer_fits(app) -> None:
    for key in app.screen.query(FooterKey):
        needed = key.get_content_width(Size(200, 1), Size(200, 1))
        assert key.region.right <= app.size.width, key.render()
        assert key.content_region.width >= needed, key.render()
        assert "palette" not in str(key.render())


@pytest.mark.parametrize(
    "keys", [[], ["6"], ["6", "r"], ["6", "h"], ["6", "v"], ["4"], ["2"], ["2", "p"], ["5"], ["3"]]
)
async def test_footers_are_whole_at_80_columns(data_dir: Path, keys: list[str]):
    seed_plan(data_dir)
    async with running(data_dir, size=(80, 24)) as (app, pilot):
        await pilot.press("escape")
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()
        assert list(app.screen.query(FooterKey))
        await footer_fits(app)


async def test_todays_footer_is_whole_at_80_columns_with_every_card(data_dir: Path):
    demo_folder(data_dir.parent)
    async with running(data_dir, size=(80, 24)) as (app, pilot):
        await pilot.pause(0.2)
        assert app.screen.query("#practice-card") and app.screen.query_one("#practice-card").display
        await footer_fits(app)
        # While writing, the footer says how to reach the cards and the areas (the digits type).
        shown = " ".join(str(key.render()) for key in app.screen.query(FooterKey))
        assert "tab Cards" in shown and "then 1-6" in shown
        # On each card, its own keys and the way back to writing.
        await pilot.press("tab")
        for _card in range(5):
            await pilot.pause()
            await footer_fits(app)
            assert "Back to writing" in " ".join(str(key.render()) for key in app.screen.query(FooterKey))
            await pilot.press("down")
        await pilot.press("escape", "escape")
        await pilot.pause()
        await footer_fits(app)
        assert "1-6 Areas" in " ".join(str(key.render()) for key in app.screen.query(FooterKey))


async def test_looking_over_an_empty_section_does_not_ask_if_it_is_still_true(data_dir: Path):
    from tests.plan_seed import sample_plan

    seed_plan(data_dir, sample_plan(well=[]))
    async with running(data_dir) as (app, pilot):
        await pilot.press("escape", "6", "r")
        await pilot.pause()
        question = app.screen.query_one("#review-question").render().plain
        assert "still true" not in question
        assert "Press a" in question
        assert "still true" not in str(app.screen.query_one("#next").label)
        await pilot.press("y")  # on to a section with entries
        await pilot.pause()
        assert "Is this still true?" in app.screen.query_one("#review-question").render().plain


async def test_each_action_is_offered_once(data_dir: Path):
    seed_plan(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("escape", "6")
        await pilot.pause()
        helps = [command.help for command in app.get_system_commands(app.screen)]
    for key in ["h", "v", "r", "x"]:
        assert sum(help.endswith((f"({key})", f"Press {key}")) for help in helps) == 1, key

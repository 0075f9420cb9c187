"""My plan and Help now in Danish: the help routes of each region of Denmark, and no English left."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select

from imr_companion.export import plan_markdown
from imr_companion.models import Person, Settings
from imr_companion.store import Database
from imr_companion.ui.plan.help_now import HelpNowScreen
from tests.helpers import english_left, running, type_text
from tests.plan_seed import sample_plan, seed_plan
from tests.ui.markup_walk import screen_text

REGION_NUMBERS = {
    "DK-84": "1813",
    "DK-85": "1818",
    "DK-83": "70 11 07 07",
    "DK-82": "70 11 31 31",
    "DK-81": "70 15 03 00",
}
# The person's own words in the seeded plan, and names: never translated.
SEEDED_WORDS = (
    "I sleep eight hours and cook for myself Money worries at the end of the month Sleeping less Not "
    "answering the phone Tell Maria how feel Go to bed at eleven sister Walking in park Being told cheer "
    "up Clinic out hours Jo"
)
SEEDED = frozenset(SEEDED_WORDS.split())


def in_danish(folder: Path, region: str | None) -> None:
    """The sample plan, the person's language Danish and `region` chosen."""
    seed_plan(folder, sample_plan(), people=[Person(name="Maria", notices_signs=True)])
    db = Database.open(folder)
    db.save_settings(Settings(**{**db.settings().model_dump(), "language": "da", "region": region}))
    db.close()


def ours(text: str) -> str:
    """The screen without the words other parts of the app draw on it (the area bar, the app's keys,
    the dialogs' common buttons): those are checked where they are made."""
    lines = text.splitlines()
    if lines and "F1" in lines[0]:
        lines = lines[1:]
    text = "\n".join(lines)
    for theirs in ("Cancel (esc)", "Save (ctrl+s)", "^q Quit", "^p More"):
        text = text.replace(theirs, "")
    return text


async def help_now_text(pilot) -> str:
    await pilot.press("f1")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpNowScreen)
    return pilot.app.screen.query_one("#help-text").render().plain


@pytest.mark.parametrize("region", sorted(REGION_NUMBERS))
async def test_each_region_of_denmark_shows_112_then_its_own_number_on_screen_and_paper(
    data_dir: Path, region: str
):
    in_danish(data_dir, region)
    async with running(data_dir) as (_app, pilot):
        shown = await help_now_text(pilot)
    printed = plan_markdown(Database.read_only(data_dir))
    for text in (shown, printed):
        assert "Ved fare for liv" in text and "112" in text
        assert REGION_NUMBERS[region] in text
        assert text.index("112") < text.index(REGION_NUMBERS[region])
        others = [number for code, number in REGION_NUMBERS.items() if code != region]
        assert not [number for number in others if number in text]
        assert "Livslinien" in text and "70 201 201" in text  # someone to talk to, never alone
    assert ("uden henvisning" in shown) == (region == "DK-84")


@pytest.mark.parametrize("region", ["dk", "DK-99"])
async def test_denmark_without_a_known_region_falls_back_to_112_and_the_own_doctor(data_dir, region: str):
    in_danish(data_dir, region)
    async with running(data_dir) as (_app, pilot):
        shown = await help_now_text(pilot)
    printed = plan_markdown(Database.read_only(data_dir))
    for text in (shown, printed):
        assert "112" in text and "din egen læge eller lægevagten" in text
        assert not [number for number in REGION_NUMBERS.values() if number in text]


async def test_the_welcome_asks_the_region_within_denmark(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    async with running(data_dir) as (app, pilot):
        within = app.screen.query_one("#region-dk", Select)
        assert within.display  # Denmark is preselected from the locale
        within.focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "down", "down", "down", "enter")  # past the prompt: Midtjylland
        await pilot.pause()
        assert within.value == "DK-82"
        app.screen.query_one("#region", Select).value = "gb"
        await pilot.pause()
        assert not within.display  # only for Denmark
        app.screen.query_one("#region", Select).value = "dk"
        await pilot.pause()
        await pilot.click("#start")
        await pilot.pause()
        assert "70 11 31 31" in await help_now_text(pilot)
        # Chosen again in Help now's emergency number: the region is shown as stored.
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#region-dk", Select).value == "DK-82"
    assert Database.read_only(data_dir).settings().region == "DK-82"


async def test_a_walk_through_my_plan_in_danish_leaves_no_english(data_dir: Path):
    in_danish(data_dir, "DK-84")
    async with running(data_dir) as (app, pilot):
        seen: dict[str, str] = {}
        await pilot.press("escape", "6")
        await pilot.pause()
        seen["My plan"] = screen_text(app)
        await pilot.click("#sections", offset=(3, 3))  # Early warning signs
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        seen["a section"] = screen_text(app)
        await pilot.press("e")
        await pilot.pause()
        seen["the editor"] = screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Uro")
        await pilot.press("ctrl+s")
        await pilot.pause()
        seen["saved"] = screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        seen["looking over"] = screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        seen["check-ins"] = screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        seen["versions"] = screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        seen["reminders"] = screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape", "1")  # Today, its check-in card
        await pilot.pause()
        from imr_companion.ui.plan.checkin import CheckInScreen

        app.push_screen(CheckInScreen())
        await pilot.pause()
        seen["check-in"] = screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await help_now_text(pilot)
        seen["Help now"] = screen_text(app)
    assert "Afsnit" in seen["My plan"] and "Maria kan se det" in seen["a section"]
    assert "Hjælp nu" in seen["Help now"] and "1813" in seen["Help now"]
    left = {where: english_left(ours(text), SEEDED) for where, text in seen.items()}
    assert left == {where: [] for where in seen}

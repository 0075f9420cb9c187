"""Help now (F1): never empty, one list of people to call, numbers added where they are needed."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Input, Select

from imr_companion.models import Person, Settings
from imr_companion.models.plan import Helper
from imr_companion.store import Database, Repository
from imr_companion.ui.plan.add_number import AddNumber
from imr_companion.ui.plan.help_now import HelpNowScreen
from tests.helpers import running, type_text, welcomed
from tests.plan_seed import sample_plan, seed_plan, stored_plan


def help_lines(app) -> list[str]:
    return app.screen.query_one("#help-text").render().plain.splitlines()


def help_text(app) -> str:
    return "\n".join(help_lines(app))


async def open_help(pilot) -> None:
    await pilot.press("f1")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpNowScreen)


@pytest.mark.parametrize(
    ("locale", "shown"),
    [
        ("da_DK.UTF-8", "112"),
        ("de_AT.UTF-8", "112"),
        ("en_US.UTF-8", "911"),
        ("en_GB.UTF-8", "999"),
        ("C", "your local emergency number"),
    ],
)
async def test_a_fresh_folder_shows_an_emergency_number_even_on_the_welcome(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, locale: str, shown: str
):
    monkeypatch.setenv("LANG", locale)
    monkeypatch.setenv("LANGUAGE", "en")  # the words in English; the region from LANG
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    async with running(data_dir) as (app, pilot):
        assert type(app.screen).__name__ == "WelcomeScreen"
        await open_help(pilot)
        text = help_text(app)
        assert shown in text
        assert "My plan" in text and "press a" in text  # what to do next
        if shown[0].isdigit():
            assert "local emergency number" not in text


async def test_the_region_chosen_in_the_welcome_is_kept(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    async with running(data_dir) as (app, pilot):
        region = app.screen.query_one("#region", Select)
        assert region.value == "dk"  # preselected from the locale
        region.focus()
        await pilot.press("enter")
        await pilot.pause()
        # Denmark, Europe, United Kingdom, United States
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        await pilot.click("#start")
        await pilot.pause()
        await open_help(pilot)
        assert "911" in help_text(app)
    assert Database.read_only(data_dir).settings().region == "us"


async def test_an_own_emergency_number_comes_first(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_help(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#number", Input).focus()
        await type_text(pilot, "70 20 10 10")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HelpNowScreen)
        first = help_lines(app)[0]
        assert "My emergency number" in first and "70 20 10 10" in first
    assert Database.read_only(data_dir).settings().emergency_number == "70 20 10 10"


async def test_everyone_to_call_is_listed_once_with_their_number(data_dir: Path, monkeypatch):
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    monkeypatch.setenv("LANGUAGE", "en")  # the words in English; the region from LANG
    maria = Person(id="maria", name="Maria", reach="06 555 0123", call_for_help=True)
    jo = Person(id="jo", name="Jo", reach="06 555 0456", call_for_help=True)
    kim = Person(id="kim", name="Kim", reach="06 555 0789")  # not marked: not listed
    plan = sample_plan(helpers=[Helper(id="h1", person_id="maria", name="Maria", reach="")])
    seed_plan(data_dir, plan, people=[maria, jo, kim])
    async with running(data_dir) as (app, pilot):
        await open_help(pilot)
        text = help_text(app)
    assert text.count("Maria") == 1 + text.count("Tell Maria")  # once as a person, once in a step
    assert "06 555 0456" in text and "Jo" in text
    assert "Kim" not in text
    headings = ["112", "Clinic, out of hours", "What I will do", "People I can call"]
    order = [text.index(words) for words in headings]
    assert order == sorted(order)


async def test_numbers_line_up_on_screen_cells_and_joined_emoji_stay_whole(data_dir: Path):
    family = "Family 👨\u200d👩\u200d👧"
    plan = sample_plan(
        helpers=[
            Helper(id="h1", name="日本の友達", reach="111"),
            Helper(id="h2", name=family, reach="222"),
            Helper(id="h3", name="Bo", reach="333"),
        ]
    )
    seed_plan(data_dir, plan)
    async with running(data_dir) as (app, pilot):
        await open_help(pilot)
        lines = help_lines(app)
    numbers = ["111", "222", "333"]
    rows = [line for line in lines if line.rstrip().endswith(tuple(numbers))]
    columns = {cell_len(row[: row.index(number)]) for row, number in zip(rows, numbers, strict=True)}
    assert len(columns) == 1
    assert any(family in row for row in rows)


async def test_a_number_can_be_added_straight_from_help_now(data_dir: Path):
    tom = Person(id="tom", name="Tom", call_for_help=True)  # marked, but no number yet
    seed_plan(data_dir, sample_plan(helpers=[]), people=[tom])
    async with running(data_dir) as (app, pilot):
        await open_help(pilot)
        assert "no number yet" in help_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddNumber)
        await type_text(pilot, "06 111 2222")  # Tom is chosen already: the field has the cursor
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HelpNowScreen)
        assert "06 111 2222" in help_text(app)
    stored = Repository.of(Database.read_only(data_dir), Person).get("tom")
    assert stored is not None and stored.reach == "06 111 2222"


async def test_someone_new_can_be_added_from_help_now_in_a_fresh_folder(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_help(pilot)
        await pilot.click("#add-number")
        await pilot.pause()
        await type_text(pilot, "Sam")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#reach-message").render().plain == "Please write the number here."
        assert app.screen.query_one("#name", Input).value == "Sam"
        app.screen.query_one("#reach", Input).focus()
        await type_text(pilot, "555 0100")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Sam" in help_text(app) and "555 0100" in help_text(app)
    assert [(h.name, h.reach) for h in stored_plan(data_dir).helpers] == [("Sam", "555 0100")]


async def test_a_number_typed_for_a_helper_from_the_network_card_is_the_cards_number(data_dir: Path):
    from tests.ui.plan.test_plan_screen import go_to_section, open_plan

    maria = Person(id="maria", name="Maria", call_for_help=True)  # no number yet
    seed_plan(data_dir, sample_plan(helpers=[]), people=[maria])
    async with running(data_dir) as (app, pilot):
        await open_plan(pilot)
        await go_to_section(pilot, 4)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter", "down", "enter")  # choose Maria
        await pilot.pause()
        reach = app.screen.query_one("#reach", Input)
        assert not reach.disabled
        reach.focus()
        await type_text(pilot, "06 555 0123")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await open_help(pilot)
        assert "06 555 0123" in help_text(app)
    db = Database.read_only(data_dir)
    person = Repository.of(db, Person).get("maria")
    assert person is not None and person.reach == "06 555 0123"


async def test_help_now_settings_survive_a_restart(data_dir: Path):
    welcomed(data_dir)
    db = Database.open(data_dir)
    db.save_settings(Settings(welcomed=True, region="nz"))
    db.close()
    async with running(data_dir) as (app, pilot):
        await open_help(pilot)
        assert "111" in help_lines(app)[0]

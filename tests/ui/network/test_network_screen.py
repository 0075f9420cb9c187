"""The network card, driven by keys and clicks as a person would, then read back from the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from imr_companion.models.network import HelpKind, LifeArea, Person, Ring
from imr_companion.store import Database, Repository, SaveError
from imr_companion.ui.common.choices.tick_box import TickBox
from imr_companion.ui.common.lists.row_list import RowList
from imr_companion.ui.network.map import NetworkMap
from imr_companion.ui.network.person_editor import PersonEditor
from imr_companion.ui.network.screen import NetworkScreen
from tests.helpers import running, type_text, welcomed


def seed(folder: Path, *people: Person) -> None:
    welcomed(folder)
    db = Database.open(folder)
    repo = Repository.of(db, Person)
    for person in people:
        repo.add(person)
    db.close()


def stored(folder: Path) -> list[Person]:
    db = Database.read_only(folder)
    return Repository.of(db, Person).all()


def one(folder: Path, name: str) -> Person:
    (person,) = [p for p in stored(folder) if p.name == name]
    return person


async def open_network(pilot) -> NetworkScreen:
    await pilot.press("escape", "5")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, NetworkScreen)
    return screen


def list_texts(app) -> list[str]:
    return [row.text.rstrip() for row in app.screen.query_one(RowList).rows]


def map_text(app) -> str:
    return "\n".join(app.screen.query_one(NetworkMap).drawing.plain)


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def test_add_a_person_with_keys_and_find_them_after_a_restart(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_network(pilot)
        assert "empty for now" in text_of(app, "#summary")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PersonEditor)
        await type_text(pilot, "Mum")
        # Past the phone and the two marks; life area: Family is the first choice; ring: Very close.
        await pilot.press("tab", "tab", "tab")
        await pilot.press("tab", "enter", "home", "enter", "tab", "enter", "home", "enter")
        await pilot.press("tab", "space", "tab", "space")  # listening, practical help
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen)
        assert "Mum" in list_texts(app)
        assert "[Mum]" in map_text(app)
    mum = one(data_dir, "Mum")
    assert (mum.area, mum.ring, mum.helps_with) == (
        LifeArea.FAMILY,
        Ring.VERY_CLOSE,
        [HelpKind.LISTENING, HelpKind.PRACTICAL],
    )
    async with running(data_dir) as (app, pilot):
        await open_network(pilot)
        assert "Mum" in list_texts(app)
        assert "Mum" in text_of(app, "#chosen")


async def test_an_empty_name_gets_a_calm_message_and_nothing_typed_is_lost(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_network(pilot)
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        editor.query_one("#reach", Input).value = "+31 6 1234 5678"
        editor.query_one("#note", Input).value = "Met at the garden"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor
        assert "name or a nickname" in text_of(app, "#name-message")
        assert editor.query_one("#reach", Input).value == "+31 6 1234 5678"
        assert editor.query_one("#note", Input).value == "Met at the garden"
        assert editor.query_one("#name", Input).has_focus
        await type_text(pilot, "Lou")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen)
    lou = one(data_dir, "Lou")
    assert (lou.reach, lou.note) == ("+31 6 1234 5678", "Met at the garden")


async def test_a_too_long_phone_field_is_explained_next_to_it(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_network(pilot)
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        editor.query_one("#name", Input).value = "Kim"
        editor.query_one("#reach", Input).value = "1" * 120
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor
        assert "up to 80 characters" in text_of(app, "#reach-message")
        assert editor.query_one("#name", Input).value == "Kim"
    assert stored(data_dir) == []


async def test_change_a_person(data_dir: Path):
    seed(data_dir, Person(name="Ali", area=LifeArea.FRIENDS, ring=Ring.CLOSE))
    async with running(data_dir) as (app, pilot):
        await open_network(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("end")
        await type_text(pilot, " B")
        await pilot.press("enter")
        await pilot.pause()
        assert "Ali B" in list_texts(app)
    assert one(data_dir, "Ali B").ring == Ring.CLOSE


async def test_escape_with_changes_asks_before_closing(data_dir: Path):
    seed(data_dir, Person(name="Ali"))
    async with running(data_dir) as (app, pilot):
        await open_network(pilot)
        await pilot.press("e")
        await pilot.pause()
        editor = app.screen
        await type_text(pilot, "x")
        await pilot.press("escape")
        await pilot.pause()
        assert "Close without saving" in text_of(app, "#question")
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is editor and editor.query_one("#name", Input).value == "Alix"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen)
    assert one(data_dir, "Ali")


async def test_a_failed_save_keeps_the_editor_open_with_what_was_typed(data_dir: Path, monkeypatch):
    welcomed(data_dir)

    def refuse(self, record):
        raise SaveError("Your notes could not be saved just now. Nothing you typed is lost.")

    async with running(data_dir) as (app, pilot):
        await open_network(pilot)
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Mrs Haddad")
        monkeypatch.setattr(Repository, "save", refuse)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonEditor)
        assert app.screen.query_one("#name", Input).value == "Mrs Haddad"
        assert "could not be saved" in text_of(app, "#other-message")


async def test_move_closer_further_and_round_the_life_areas(data_dir: Path):
    seed(data_dir, Person(name="Priya", area=LifeArea.FRIENDS, ring=Ring.CLOSE))
    async with running(data_dir) as (app, pilot):
        await open_network(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert one(data_dir, "Priya").ring == Ring.VERY_CLOSE
        await pilot.press("i")
        await pilot.pause()
        assert one(data_dir, "Priya").ring == Ring.VERY_CLOSE
        await pilot.press("o", "o")
        await pilot.pause()
        assert one(data_dir, "Priya").ring == Ring.FURTHER
        assert "Further away · 1 person" in list_texts(app)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert one(data_dir, "Priya").area == LifeArea.COMMUNITY
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert one(data_dir, "Priya").area == LifeArea.FAMILY
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert one(data_dir, "Priya").area == LifeArea.SERVICES
        assert "[Priya]" in map_text(app)


async def test_the_marks_are_kept_and_counted_in_the_summary(data_dir: Path):
    seed(
        data_dir,
        Person(name="Mum", helps_with=[HelpKind.LISTENING]),
        Person(name="Jo", ring=Ring.VERY_CLOSE, area=LifeArea.SERVICES, helps_with=[HelpKind.ADVICE]),
    )
    async with running(data_dir) as (app, pilot):
        await open_network(pilot)
        summary = text_of(app, "#summary")
        assert (
            "If someone comes to mind for practical help, company or help in a crisis, "
            "you can add them any time." in summary
        )
        assert "listening and advice" in summary
        assert list_texts(app)[1] == "Jo"
        await pilot.press("w", "c")  # letters typed by mistake mark nobody
        await pilot.pause()
        assert not one(data_dir, "Jo").notices_signs
        await pilot.press("ctrl+w", "ctrl+k")
        await pilot.pause()
        jo = one(data_dir, "Jo")
        assert jo.notices_signs and jo.call_for_help
        summary = text_of(app, "#summary")
        assert "1 person notices your early warning signs; 1 person to call when you need help." in summary
        await pilot.press("ctrl+w")
        await pilot.pause()
        assert not one(data_dir, "Jo").notices_signs
        assert "notices your early warning signs" not in text_of(app, "#summary")


async def test_the_marks_can_be_ticked_in_the_editor(data_dir: Path):
    seed(data_dir, Person(name="Ali"))
    async with running(data_dir) as (app, pilot):
        await open_network(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#signs")
        await pilot.click("#call")
        assert app.screen.query_one("#signs", TickBox).render().plain.startswith("[✓]")
        await pilot.click("#save")
        await pilot.pause()
    ali = one(data_dir, "Ali")
    assert ali.notices_signs and ali.call_for_help


async def test_remove_asks_first(data_dir: Path):
    seed(data_dir, Person(name="Ben", ring=Ring.FURTHER), Person(name="Dev", ring=Ring.FURTHER))
    async with running(data_dir) as (app, pilot):
        await open_network(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert "Take Ben off your network card?" in text_of(app, "#question")
        await pilot.press("n")
        await pilot.pause()
        assert {p.name for p in stored(data_dir)} == {"Ben", "Dev"}
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert "Ben" not in list_texts(app)
        assert "[Dev]" in map_text(app)
    assert [p.name for p in stored(data_dir)] == ["Dev"]


async def test_two_people_with_the_same_name_are_kept_apart(data_dir: Path):
    seed(
        data_dir,
        Person(name="Ali", area=LifeArea.FRIENDS, ring=Ring.CLOSE),
        Person(name="Ali", area=LifeArea.ACTIVITIES, ring=Ring.CLOSE),
    )
    async with running(data_dir) as (app, pilot):
        await open_network(pilot)
        assert list_texts(app).count("Ali") == 2
        await pilot.press("down", "o")
        await pilot.pause()
    places = {(p.area, p.ring) for p in stored(data_dir)}
    assert places == {(LifeArea.FRIENDS, Ring.CLOSE), (LifeArea.ACTIVITIES, Ring.FURTHER)}


async def test_clicking_a_name_on_the_map_chooses_that_person(data_dir: Path):
    seed(
        data_dir,
        Person(name="Mum", area=LifeArea.FAMILY, ring=Ring.VERY_CLOSE),
        Person(name="Dr Okafor", area=LifeArea.SERVICES, ring=Ring.FURTHER),
    )
    async with running(data_dir) as (app, pilot):
        await open_network(pilot)
        chart = app.screen.query_one(NetworkMap)
        okafor = one(data_dir, "Dr Okafor")
        spot = next(spot for spot in chart.drawing.click_areas if spot.ids == (okafor.id,))
        await pilot.click(NetworkMap, offset=(spot.x0 + 2, spot.y))
        await pilot.pause()
        assert app.screen.selected == okafor.id
        assert app.screen.query_one(RowList).current.key == okafor.id
        assert "[Dr " in map_text(app)
        await pilot.press("o")
        await pilot.pause()
    assert one(data_dir, "Dr Okafor").ring == Ring.FURTHER
    assert one(data_dir, "Mum").ring == Ring.VERY_CLOSE


async def test_up_and_down_on_the_map_move_the_choice_through_the_list(data_dir: Path):
    seed(data_dir, Person(name="Mum", ring=Ring.VERY_CLOSE), Person(name="Tom", ring=Ring.FURTHER))
    async with running(data_dir) as (app, pilot):
        await open_network(pilot)
        assert app.screen.query_one(NetworkMap).has_focus
        assert "[Mum]" in map_text(app)
        await pilot.press("down")
        await pilot.pause()
        assert "[Tom]" in map_text(app) and "Tom" in text_of(app, "#chosen")


async def test_list_and_map_switch_at_80x24_and_sit_side_by_side_when_wide(data_dir: Path):
    seed(data_dir, Person(name="Mum"))
    async with running(data_dir) as (app, pilot):
        await open_network(pilot)
        assert app.screen.query_one("#map-pane").display
        assert not app.screen.query_one("#list-pane").display
        await pilot.press("v")
        await pilot.pause()
        assert app.screen.query_one("#list-pane").display
        assert not app.screen.query_one("#map-pane").display
        assert app.screen.query_one(RowList).has_focus
        await pilot.press("v")
        await pilot.pause()
        assert app.screen.query_one("#map-pane").display
    async with running(data_dir, size=(120, 40)) as (app, pilot):
        await open_network(pilot)
        assert app.screen.query_one("#map-pane").display and app.screen.query_one("#list-pane").display
        await pilot.press("v")
        await pilot.pause()
        assert app.screen.query_one("#map-pane").display and app.screen.query_one("#list-pane").display


async def test_whats_written_together_is_marked(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        app.together_with = "Jo"
        await open_network(pilot)
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Sue")
        await pilot.press("enter")
        await pilot.pause()
        assert "together with Jo" in text_of(app, "#detail")
    assert one(data_dir, "Sue").together_with == "Jo"


async def test_names_with_markup_and_right_to_left_text_are_shown_as_typed(data_dir: Path):
    seed(data_dir, Person(name="[b]Kim[/b]"), Person(name="דנה"))
    async with running(data_dir, size=(120, 40)) as (app, pilot):
        await open_network(pilot)
        assert "[b]Kim[/b]" in text_of(app, "#detail")
        assert "דנה" in map_text(app)


async def test_the_actions_are_in_the_command_palette(data_dir: Path):
    seed(data_dir, Person(name="Mum"))
    async with running(data_dir) as (app, pilot):
        screen = await open_network(pilot)
        titles = [command.title for command in app.get_system_commands(screen)]
        for title in ("Add a person", "Move closer", "Mark: notices my early warning signs"):
            assert title in titles


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_empty_card_invites_a_first_person(data_dir: Path, size):
    welcomed(data_dir)
    async with running(data_dir, size=size) as (app, pilot):
        screen = await open_network(pilot)
        shown = "#empty" if size[0] >= 110 else "#summary"
        assert "Press a to add someone" in text_of(app, shown)
        assert screen.query_one(shown).display
        await pilot.press("e")
        await pilot.pause()
        # With nobody to change yet, "change" starts adding someone.
        assert isinstance(app.screen, PersonEditor)


async def test_the_call_mark_is_a_few_tabs_from_the_name(data_dir: Path):
    from imr_companion.ui.common.choices.tick_box import TickBox

    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_network(pilot)
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Jo")
        await pilot.press("tab")
        await type_text(pilot, "555 0101")
        await pilot.press("tab", "tab")
        assert app.focused is app.screen.query_one("#call", TickBox), "name, phone, signs, then the call mark"
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen)
    jo = one(data_dir, "Jo")
    assert (jo.reach, jo.call_for_help, jo.notices_signs) == ("555 0101", True, False)

"""A person's own keys (keys.toml in the data folder): the footer, ctrl+p's list, the key list and
the sentences all follow it; a file that is not right never locks anyone out."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from imr_companion.store import Database
from imr_companion.ui.keys import keymap
from imr_companion.ui.keys.declared import EVERYWHERE, SCREENS
from imr_companion.ui.keys.key_list import KeyListScreen
from tests.helpers import english_left, running, shown_after, welcomed


@pytest.fixture(autouse=True)
def usual_keys():
    yield
    keymap.use({})  # the next test's sentences name the usual keys


def footer(app) -> str:
    return " ".join(str(key.render()) for key in app.screen.query(FooterKey))


def test_the_gate_takes_what_it_can_and_says_the_rest():
    keys, said = keymap.check(
        {
            "moments.search": "s",  # taken
            "plan.review": "?",  # taken, as Textual names it
            "moments.nothing": "x",  # no such action
            "app.help_now": "h",  # Help now stays on F1
            "app.quit": "q",  # so does quitting
            "moments.clear_search": "c",  # and going back
            "goals.delete": "escape",  # Esc is kept for going back
            "network.add": "f1",  # F1 for Help now
            "moments.edit": "d",  # d deletes on that screen
            "app.theme": "e",  # the app's keys work on every screen: e changes on several
            "goals.change": "ctrl+nothing",  # no keyboard sends it
            "goals.practice": 7,  # not a key at all
            "area.goals": "g",  # the areas are named by their numbers
            "app.together": "m",  # m on the meeting card of Today
            "goal_card.done": "n",  # n is the check-in card's: fine, a card's keys work on it alone
            "today.to_cards": "r",  # r reads on, on the handouts card
            "checkin.none_today": "ctrl+s",  # the check-in is an editor: ctrl+s saves there
            "coping_add.choose": "ctrl+s",  # so does adding something that helps
            "session.next": "ctrl+f",
            "together_menu.share": "x",
            "welcome.start": "s",  # Esc on the welcome is going back, whatever it does there
        }
    )
    assert keys == {
        "moments.search": "s",
        "plan.review": "question_mark",
        "goal_card.done": "n",
        "session.next": "ctrl+f",
        "together_menu.share": "x",
    }
    assert len(said) == 16
    assert any("moments.nothing" in words for words in said)


def test_every_declared_id_is_unique_and_fixed_keys_stay_fixed():
    groups = list(keymap.every_group())
    assert {*EVERYWHERE, *SCREENS} < set(groups)
    ids = [action.id for group in groups for action in group]
    assert len(ids) == len(set(ids))
    for group in groups:
        for action in group:
            # The app's own plain words (the footer's tooltips take them as they are).
            assert "[" not in action.footer + action.palette + action.help, action.id
            if {"escape", "f1", "ctrl+q"} & set(action.key.split(",")):
                assert action.fixed, action.id


def test_only_moving_keys_inside_a_widget_are_written_by_hand():
    """Every other key is declared in ui/keys/ (with an id the keys file can name)."""
    import imr_companion

    root = Path(imr_companion.__file__).parent
    by_hand = {
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "Binding(" in path.read_text(encoding="utf-8") and path.parent.name != "keys"
    }
    # Lists' arrows and pages, the scale's digits, the answers' arrows, the cards' arrows, the map's.
    assert by_hand <= {
        "ui/common/lists/cursor_list.py",
        "ui/common/choices/rating_scale.py",
        "ui/common/dialogs/confirm.py",
        "ui/restore.py",
        "ui/common/today_card.py",
        "ui/network/map.py",
        "ui/common/key_names.py",  # reads bindings written as tuples
    }, by_hand


def test_the_key_list_says_when_a_key_works():
    from imr_companion.ui.keys.key_list import described
    from imr_companion.ui.keys.together import SESSION

    back, following = (action for action in SESSION if action.id in ("session.back", "session.next"))
    assert described(back) == "Back: The step before (after the first step)"
    assert described(following) == "Next or skip (before the summary)"


async def test_a_key_of_ones_own_is_the_key_everywhere_it_is_named(data_dir: Path):
    welcomed(data_dir)
    (data_dir / "keys.toml").write_text('[moments]\nsearch = "s"\n\n[app]\nquit = "q"\n', encoding="utf-8")
    async with running(data_dir, notifications=True) as (app, pilot):
        # Quitting keeps ctrl+q, and the person is told why (the notice ends on changing area).
        assert any("app.quit" in notice.message for notice in app._notifications)
        await pilot.press("escape", "3")
        await pilot.pause()
        screen = app.screen
        # The footer, the sentence in the search field, ctrl+p's list and the key list.
        shown = footer(app)
        assert "s Search" in shown and "/ Search" not in shown
        # In its place among the screen's keys, not moved to the end.
        assert shown.index("Delete") < shown.index("s Search") < shown.index("Month back"), shown
        assert "(press s )" in screen.query_one("#search", Input).placeholder
        helps = {command.title: command.help for command in app.get_system_commands(screen)}
        assert helps["Search"] == "Press s"
        assert helps["Quit"].endswith("(ctrl+q)")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"what the keys do", "enter")
        for _ in range(100):
            if isinstance(app.screen, KeyListScreen):
                break
            await pilot.pause(0.05)
        key_list = app.screen
        assert isinstance(key_list, KeyListScreen)
        assert ("s", "Search") in key_list.here and ("F1", "Help now") not in key_list.here
        # Each key led by its name where the longer words do not say it.
        assert ("F1", "Help now: Your own steps, people and numbers, from anywhere") in key_list.everywhere
        await pilot.press("escape")
        await pilot.pause()
        # The key does it, by a key press; F1 still opens Help now.
        assert app.screen is screen
        await pilot.press("s")
        await pilot.pause()
        assert app.focused is screen.query_one("#search", Input)
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpNowScreen"


async def test_a_broken_keys_file_is_left_aside_with_a_notice(data_dir: Path):
    welcomed(data_dir)
    (data_dir / "keys.toml").write_text("[moments\nsearch = s\n", encoding="utf-8")
    async with running(data_dir, notifications=True) as (app, pilot):
        assert any("could not be read" in notice.message for notice in app._notifications)
        await pilot.press("escape", "3")
        await pilot.pause()
        assert "/ Search" in footer(app)
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpNowScreen"


async def test_the_key_list_in_danish(data_dir: Path):
    from imr_companion.models import Settings

    db = Database.open(data_dir)
    db.save_settings(Settings(first_name="Alex", welcomed=True, language="da"))
    db.close()
    async with running(data_dir) as (app, pilot):
        await pilot.press("escape", "6")
        await pilot.pause()
        app.push_screen(KeyListScreen(app.screen))
        text = await shown_after(pilot, front=KeyListScreen)
        text += app.screen.text.plain  # the part scrolled out of sight too
    assert "Hvad tasterne gør" in text and "Overalt" in text and "Gennemgå min plan" in text
    assert english_left(text) == []

"""Today, driven by keys as a person would, then read back from the store."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from imr_companion import clock
from imr_companion.models import Moment, Settings
from imr_companion.store import Database, Repository
from imr_companion.store.files import storage as storage_module
from tests.helpers import demo_folder, running, to_card, type_text, welcomed


def stored_texts(folder: Path) -> list[str]:
    db = Database.read_only(folder)
    return sorted(m.text for m in Repository.of(db, Moment).all())


async def test_welcome_is_shown_once_and_remembers_the_name(data_dir: Path):
    async with running(data_dir) as (app, pilot):
        assert "Welcome to IMR Companion" in app.screen.query_one("#title").render().plain
        assert str(data_dir) in app.screen.query_one("#folder").render().plain
        await type_text(pilot, "Robin")
        await pilot.press("enter")
        await pilot.pause()
        assert "Good evening, Robin." in app.screen.query_one("#greeting").render().plain
    async with running(data_dir) as (app, pilot):
        assert app.screen.id != "welcome" and app.screen.query("#moment-input")
        assert "Robin" in app.screen.query_one("#greeting").render().plain


async def test_an_area_key_on_the_welcome_keeps_the_welcome(data_dir: Path):
    async with running(data_dir) as (app, pilot):
        await pilot.press("tab", "tab")  # past the name, onto the region list
        await pilot.press("2")
        await pilot.pause()
        assert type(app.screen).__name__ == "WelcomeScreen"
        await pilot.press("escape")  # Esc starts, as the footer says
        await pilot.pause()
        assert app.screen.query_one("#moment-input").has_focus
        # On Today a digit is text in the field; Esc first, as the footer says, then the area's digit.
        await pilot.press("escape", "2")
        await pilot.pause()
        assert type(app.screen).__name__ == "HandoutsScreen"


async def test_type_a_moment_press_enter_restart_and_find_it(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        field = app.screen.query_one("#moment-input", Input)
        # The field has the focus on arrival: starting to write puts the words in it.
        assert field.has_focus
        await type_text(pilot, "Walked to the park")
        await pilot.press("enter")
        await type_text(pilot, "Soup with Kim")
        await pilot.press("enter")
        await pilot.pause()
        assert field.value == ""
        shown = app.screen.query_one("#today-moments").render().plain
        assert "Walked to the park" in shown and "Soup with Kim" in shown
    assert stored_texts(data_dir) == ["Soup with Kim", "Walked to the park"]
    async with running(data_dir) as (app, pilot):
        assert "Soup with Kim" in app.screen.query_one("#today-moments").render().plain


async def test_the_list_redrawn_after_each_save_grows_and_wraps_with_every_line_shown(data_dir: Path):
    """A save redraws the moments' lines alone while they take as many lines as before, and lays the
    card out again when they take more: nothing is cut off, nothing drawn over."""
    from tests.ui.markup_walk import screen_text

    long = "A long walk by the harbour with Kim, tea from the flask and the ferries coming in one by one"
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        for words in ("Tea", "Soup", "A nap", "Rain", long, "Sun"):
            app.screen.post_message(events.Paste(words))
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            shown = " ".join(screen_text(app).split())  # the wrapped lines joined
            assert words in shown and " in March. To see them all" in shown and "Saved. Another one" in shown
        assert "6 today; the newest 3:" in shown and long in shown and "A nap" not in shown
    assert len(stored_texts(data_dir)) == 6


async def test_markup_in_a_moment_is_shown_as_typed(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await type_text(pilot, "[bold]yay[/bold]")
        await pilot.press("enter")
        await pilot.pause()
        assert "[bold]yay[/bold]" in app.screen.query_one("#today-moments").render().plain


async def test_empty_enter_gets_a_calm_message_and_saves_nothing(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("space", "enter")
        await pilot.pause()
        assert "Write a few words first" in app.screen.query_one("#moment-message").render().plain
    assert stored_texts(data_dir) == []


async def test_too_long_moment_keeps_the_text_and_says_the_limit(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        field = app.screen.query_one("#moment-input", Input)
        field.value = "a" * 10_000
        await pilot.press("enter")
        await pilot.pause()
        assert "up to 2,000 characters" in app.screen.query_one("#moment-message").render().plain
        assert field.value == "a" * 10_000
    assert stored_texts(data_dir) == []


async def test_a_failed_save_keeps_what_was_typed(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    welcomed(data_dir)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    async with running(data_dir) as (app, pilot):
        monkeypatch.setattr(storage_module, "_fsync_file", full_disk)
        await type_text(pilot, "Baked bread")
        await pilot.press("enter")
        await pilot.pause()
        field = app.screen.query_one("#moment-input", Input)
        assert field.value == "Baked bread"
        assert "still here" in app.screen.query_one("#moment-message").render().plain
        monkeypatch.undo()
        await pilot.press("enter")
        await pilot.pause()
        assert field.value == ""
    assert stored_texts(data_dir) == ["Baked bread"]


async def test_theme_choice_is_remembered(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("ctrl+t")
        await pilot.pause()
        await type_text(pilot, "high contrast")
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "high-contrast"
    async with running(data_dir) as (app, pilot):
        assert app.theme == "high-contrast"


async def test_the_theme_list_is_short_and_plain(data_dir: Path):
    from textual.command import CommandPalette

    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.pause(0.2)
        shown = " ".join(str(option.prompt) for option in app.screen.query_one("CommandList").options)
    for plain in ["Dark", "Light", "High contrast"]:
        assert plain in shown
    for developer_name in ["catppuccin", "dracula", "gruvbox", "textual-"]:
        assert developer_name not in shown


@pytest.mark.parametrize(
    ("saved", "now"),
    [
        ("textual-dark", "dark"),
        ("textual-light", "light"),
        ("catppuccin-latte", "soft-light"),
        ("dracula", "dark"),
    ],
)
async def test_a_theme_saved_under_an_old_name_still_works(data_dir: Path, saved: str, now: str):
    db = Database.open(data_dir)
    db.save_settings(Settings(welcomed=True, theme=saved))
    db.close()
    async with running(data_dir) as (app, _pilot):
        assert app.theme == now


async def test_filling_in_together_marks_what_is_written(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("ctrl+g")
        await pilot.pause()
        await type_text(pilot, "Jo")
        await pilot.press("enter")
        await pilot.pause()
        assert "Together with Jo" in app.screen.query_one("#together").render().plain
        await type_text(pilot, "Planned the week")
        await pilot.press("enter")
        await pilot.pause()
        # Ending it is one key.
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert app.together_with is None
        assert not app.screen.query_one("#together").display
        await type_text(pilot, "On my own")
        await pilot.press("enter")
        await pilot.pause()
    db = Database.read_only(data_dir)
    marks = {m.text: m.together_with for m in Repository.of(db, Moment).all()}
    assert marks == {"Planned the week": "Jo", "On my own": None}


async def test_a_damaged_file_is_explained_and_the_backup_can_be_restored(data_dir: Path, fixed_clock):
    clock.fix(fixed_clock - timedelta(days=1))
    welcomed(data_dir, "Robin")
    db = Database.open(data_dir)
    Repository.of(db, Moment).add(Moment(text="Kept in the backup"))
    db.close()
    clock.fix(fixed_clock)
    db = Database.open(data_dir)
    Repository.of(db, Moment).add(Moment(text="Today's first save makes the backup"))
    db.close()
    (data_dir / "companion.json").write_bytes(b'{"moments": {"1": {"id": "x", "te')
    async with running(data_dir) as (app, pilot):
        question = app.screen.query_one("#question").render().plain
        assert "could not be opened" in question and "nothing was deleted" in question
        assert "restore that backup" in question
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "Robin" in app.screen.query_one("#greeting").render().plain
    assert stored_texts(data_dir) == ["Kept in the backup"]
    assert len(list(data_dir.glob("companion.damaged-*.json"))) == 1


async def test_a_pasted_note_keeps_every_line(data_dir: Path):
    from textual import events

    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        field = app.screen.query_one("#moment-input", Input)
        # A paste with no field chosen goes into the good-moment field.
        app.screen.post_message(events.Paste("Met Sam at the park.\nWe fed the ducks."))
        await pilot.pause()
        assert field.value == "Met Sam at the park. We fed the ducks."
        await pilot.press("enter")
        await pilot.pause()
    assert stored_texts(data_dir) == ["Met Sam at the park. We fed the ducks."]


async def test_the_field_has_the_focus_on_every_visit_and_esc_then_a_digit_opens_an_area(data_dir: Path):
    from tests.plan_seed import seed_plan

    welcomed(data_dir)
    seed_plan(data_dir)
    async with running(data_dir) as (app, pilot):
        field = app.screen.query_one("#moment-input", Input)
        for _visit in range(2):
            assert field.has_focus
            await pilot.press("escape", "4")
            await pilot.pause()
            assert app.current_mode == "goals"
            await pilot.press("1")
            await pilot.pause()
            assert app.current_mode == "today" and field.has_focus
        # Back from a card's window, the field has the focus again.
        await to_card(pilot, "checkin-card")
        await pilot.press("c")  # the check-in card's key, on the card
        await pilot.pause()
        assert type(app.screen).__name__ == "CheckInScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert field.has_focus
        # Every key types in the field, digits and card keys too.
        await type_text(pilot, "c4 r")
        await pilot.pause()
        assert app.current_mode == "today" and field.value == "c4 r"


async def test_a_moment_typed_quickly_from_no_field_keeps_every_key(data_dir: Path):
    """Keys arrive faster than a focus change: after the first letter, spaces and card letters are text."""
    from textual import events

    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        # As a terminal sends them: all at once, with no pause for the app in between.
        for character in "Had a warm bath":
            key = events.Key("space" if character == " " else character, character)
            key.set_sender(app)
            app._driver.send_message(key)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    db = Database.read_only(data_dir)
    assert [m.text for m in Repository.of(db, Moment).all()] == ["Had a warm bath"]


async def test_the_arrows_move_from_card_to_card_when_the_cards_do_not_all_fit(tmp_path: Path):
    # With Sam's data the cards can be taller than the window leaves them: the
    # column scrolls, and its own arrow keys must not keep the person on one card.
    folder = demo_folder(tmp_path, years=0.2)
    async with running(folder, size=(80, 16)) as (app, pilot):
        cards = [card.id for card in app.screen._cards()]
        await to_card(pilot, cards[-1])
        assert app.screen.query_one(f"#{cards[-1]}").region.bottom <= app.size.height


async def test_a_card_with_nothing_to_say_at_the_start_comes_when_it_has(data_dir: Path):
    """A card is mounted only once it has something to say: a goal made elsewhere (here straight
    in the store, as Goals saves it) brings the goal card when Today reads the data again."""
    from imr_companion.models import Goal
    from tests.helpers import wait_until

    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        assert not app.screen.query("#goal-card")
        Repository.of(app.database, Goal).add(Goal(text="Walk to the lake"))
        app.screen.refresh_data()  # as when Today comes back from an area
        await wait_until(pilot, lambda: app.screen.query("#goal-card"), "the goal card never came")
        await pilot.pause()
        card = app.screen.query_one("#goal-card")
        assert card.display and "Walk to the lake" in str(card.border_title)
        # In its place in the column, before the cards that were there already.
        order = [c.id for c in app.screen.query_one("#today-cards").children]
        assert order.index("goal-card") < order.index("reading-card")
        await to_card(pilot, "goal-card")
        assert app.screen.focused is card

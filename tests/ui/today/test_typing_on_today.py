"""Typing always writes on Today: every printable key goes into the good-moment field, whole,
key by key or in a burst, and the goals, practice, reading and check-ins stay as they were.
The cards' keys work only on a card the person moved to on purpose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from imr_companion.models import Moment
from imr_companion.store import Database, Repository
from imr_companion.ui.common.textual_internals import FooterKey
from tests.helpers import demo_folder, running, to_card, type_text, welcomed

# Common first words hit the cards' letters: s(tep done), r(ead), c(heck in), p(lan), t (practice done),
# l(et go), w(eek), u(ndo), n(one today), and the area digits.
WORDS = [
    "slept well",
    "really nice tea",
    "3 cups",
    "sun",
    "walked",
    "lunch",
    "called mum",
    "day dry dye yes daily walk",
]
CARDS = ["plan-note", "checkin-card", "goal-card", "reading-card", "practice-card"]


def with_every_card(folder: Path) -> None:
    """Sam's invented year: every card of Today has something to say."""
    assert demo_folder(folder.parent) == folder


def stored_apart_from_moments(folder: Path) -> dict:
    document = json.loads((folder / "companion.json").read_text(encoding="utf-8"))
    document.pop("moments")
    document["_meta"]["1"].pop("checked", None)  # the stamp of the check: a digest of every byte
    return document


def stored_moments(folder: Path) -> list[str]:
    return [
        m.text
        for m in sorted(Repository.of(Database.read_only(folder), Moment).all(), key=lambda m: m.created)
    ]


def send_quickly(app, text: str) -> None:
    """As a terminal sends a fast typist's keys or a paste typed out: all at once, no pause for the app."""
    for character in text:
        key = events.Key("space" if character == " " else character, character)
        key.set_sender(app)
        app._driver.send_message(key)


async def every_card_shows(app, pilot) -> None:
    for card in CARDS:
        assert app.screen.query_one(f"#{card}").display, card
    assert app.screen.query_one("#moment-input", Input).has_focus


async def test_words_typed_key_by_key_are_kept_whole_and_change_nothing_else(data_dir: Path):
    with_every_card(data_dir)
    before = stored_apart_from_moments(data_dir)
    moments_before = stored_moments(data_dir)
    async with running(data_dir) as (app, pilot):
        await every_card_shows(app, pilot)
        field = app.screen.query_one("#moment-input", Input)
        for words in WORDS:
            await type_text(pilot, words)
            await pilot.pause()
            assert field.value == words
            assert app.current_mode == "today" and type(app.screen).__name__ == "TodayScreen"
            await pilot.press("enter")
            await pilot.pause()
            assert field.value == ""
    assert sorted(stored_moments(data_dir)) == sorted(moments_before + WORDS)
    assert stored_apart_from_moments(data_dir) == before


async def test_words_typed_in_a_burst_are_kept_whole_and_change_nothing_else(data_dir: Path):
    with_every_card(data_dir)
    before = stored_apart_from_moments(data_dir)
    moments_before = stored_moments(data_dir)
    async with running(data_dir) as (app, pilot):
        await every_card_shows(app, pilot)
        for words in WORDS:
            send_quickly(app, words)
            await pilot.pause()
            assert app.screen.query_one("#moment-input", Input).value == words
            await pilot.press("enter")
            await pilot.pause()
    assert sorted(stored_moments(data_dir)) == sorted(moments_before + WORDS)
    assert stored_apart_from_moments(data_dir) == before


async def test_a_burst_as_today_comes_back_is_kept_whole(data_dir: Path):
    """Back from another area, the field has the focus again before the first key: none is dropped."""
    with_every_card(data_dir)
    before = stored_apart_from_moments(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("escape", "4")
        await pilot.pause()
        assert app.current_mode == "goals"
        await pilot.press("1")
        send_quickly(app, "slept well")
        await pilot.pause()
        field = app.screen.query_one("#moment-input", Input)
        assert app.current_mode == "today" and field.value == "slept well"
    assert stored_apart_from_moments(data_dir) == before


async def test_a_paste_anywhere_on_today_goes_into_the_field(data_dir: Path):
    with_every_card(data_dir)
    before = stored_apart_from_moments(data_dir)
    async with running(data_dir) as (app, pilot):
        await to_card(pilot, "goal-card")
        app.screen.post_message(events.Paste("slept well, then sun"))
        await pilot.pause()
        field = app.screen.query_one("#moment-input", Input)
        assert field.has_focus and field.value == "slept well, then sun"
    assert stored_apart_from_moments(data_dir) == before


@pytest.mark.parametrize("leave_first", [False, True], ids=["in-the-field", "after-esc"])
async def test_a_hidden_cards_letter_is_typed_not_swallowed(data_dir: Path, leave_first: bool):
    """No plan, goal or practice: those cards are hidden, and their letters are text."""
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        for card in ["plan-note", "checkin-card", "goal-card", "practice-card"]:
            # Hidden, or not even mounted while it has nothing to say (TodayCard.shows).
            assert not any(shown.display for shown in app.screen.query(f"#{card}")), card
        if leave_first:
            await pilot.press("escape")
            await pilot.pause()
            assert app.focused is None
        await type_text(pilot, "called mum, sun, lunch, read, planted tulips, walked")
        await pilot.pause()
        value = app.screen.query_one("#moment-input", Input).value
        assert value == "called mum, sun, lunch, read, planted tulips, walked"


async def test_card_keys_work_on_the_card_the_person_moved_to(data_dir: Path):
    from imr_companion.models import Goal, PracticeTask
    from imr_companion.models.practice import PracticeStatus

    with_every_card(data_dir)
    db = Database.read_only(data_dir)
    goal_before = {g.id: g.done_count for g in Repository.of(db, Goal).all()}
    open_before = {t.id for t in Repository.of(db, PracticeTask).all() if t.status == PracticeStatus.OPEN}
    async with running(data_dir) as (app, pilot):
        field = app.screen.query_one("#moment-input", Input)
        # The keys are named only where they work.
        assert app.screen.query_one("#goal-next").render().plain.endswith(" Done ")
        await to_card(pilot, "goal-card")
        assert app.screen.query_one("#goal-next").render().plain.endswith(" Done (s) ")
        await pilot.press("s")
        await pilot.pause()
        assert "✓ Done" in app.screen.query_one("#goal-done-line").render().plain
        # Up and Esc go back to the field, where the same letter is text again.
        await pilot.press("escape")
        await pilot.pause()
        assert field.has_focus
        await pilot.press("s")
        assert field.value == "s"
        await to_card(pilot, "practice-card")
        shown = app.screen.query_one("#practice-task").render().plain
        await pilot.press("t")
        await pilot.pause()
        # Another letter on a card goes into the field, as writing.
        await pilot.press("x")
        await pilot.pause()
        assert field.has_focus and field.value == "sx"
        await to_card(pilot, "reading-card")
        await pilot.press("up")
        await pilot.pause()
        assert app.screen.focused.id == "goal-card"
        await pilot.press("down", "r")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReaderScreen"
    db = Database.read_only(data_dir)
    goal_after = {g.id: g.done_count for g in Repository.of(db, Goal).all()}
    assert sum(goal_after.values()) == sum(goal_before.values()) + 1
    # The open task the card showed (an older task may have the same words).
    ticked = [
        t for t in Repository.of(db, PracticeTask).all() if f"○ {t.text}" == shown and t.id in open_before
    ]
    assert PracticeStatus.DONE in [t.status for t in ticked]


async def test_up_from_the_first_card_and_shift_tab_go_back_to_the_field(data_dir: Path):
    with_every_card(data_dir)
    async with running(data_dir) as (app, pilot):
        field = app.screen.query_one("#moment-input", Input)
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused.id == "plan-note"
        await pilot.press("up")
        await pilot.pause()
        assert field.has_focus
        await pilot.press("down", "down", "shift+tab", "shift+tab")
        await pilot.pause()
        assert field.has_focus


async def test_after_a_save_the_count_says_how_to_see_every_moment_and_that_is_true(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await type_text(pilot, "Tea in the sun")
        await pilot.press("enter")
        await pilot.pause()
        count = app.screen.query_one("#month-count").render().plain
        assert "To see them all: Esc, then 3." in count
        await pilot.press("escape", "3")
        await pilot.pause()
        assert app.current_mode == "moments"
        await pilot.press("escape", "1")
        await pilot.pause()
        await pilot.click("#month-count", offset=(len(count) - 5, 0))
        await pilot.pause()
        assert app.current_mode == "moments"
    assert stored_moments(data_dir) == ["Tea in the sun"]


async def test_todays_footer_fits_80_columns_and_says_how_to_reach_the_areas(data_dir: Path):
    with_every_card(data_dir)
    async with running(data_dir, size=(80, 24)) as (app, pilot):

        def footer() -> str:
            keys = list(app.screen.query(FooterKey))
            for key in keys:
                assert key.region.right <= 80, key.render()
            return " ".join(str(key.render()) for key in keys)

        await pilot.pause()
        assert "esc then 1-6: areas" in footer()
        await pilot.press("escape")
        await pilot.pause()
        assert "1-6 Areas" in footer()


@pytest.mark.parametrize(
    ("hour", "words"),
    [
        (0, "Hello, Alex."),
        (4, "Hello, Alex."),
        (5, "Good morning, Alex."),
        (13, "Good afternoon, Alex."),
        (23, "Good evening, Alex."),
    ],
)
def test_the_greeting_fits_the_hour(hour: int, words: str):
    from imr_companion.ui.today.screen import greeting

    assert greeting("Alex", hour) == words


async def test_five_past_midnight_is_not_good_morning(data_dir: Path):
    from imr_companion import clock
    from tests.conftest import FIXED_NOW

    clock.fix(FIXED_NOW.replace(hour=0, minute=5))
    welcomed(data_dir)
    async with running(data_dir) as (app, _pilot):
        assert app.screen.query_one("#greeting").render().plain.startswith("Hello, Alex.")

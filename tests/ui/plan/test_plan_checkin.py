"""The daily check-in on Today, the two-of-three-days note, the review note and the history."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from imr_companion.layout.checkin_grid import CHECKED, NOTICED
from imr_companion.models import CheckIn, PlanVersion
from imr_companion.store import Database, Repository
from imr_companion.ui.plan.checkin import CheckInScreen
from tests.helpers import running, to_card, welcomed
from tests.plan_seed import PHONE, SLEEP, TODAY, sample_plan, seed_plan


def card_text(app, selector: str) -> str:
    return app.screen.query_one(selector).render().plain


async def click_words(app, pilot, selector: str, words: str) -> None:
    """Click on `words` where they show in a line of text (the cards' links)."""
    column = card_text(app, selector).index(words)
    await pilot.click(selector, offset=(column + 1, 0))
    await pilot.pause()


def stored_checkins(folder: Path) -> dict:
    db = Database.read_only(folder)
    return {c.day: [s.text for s in c.noticed] for c in Repository.of(db, CheckIn).all()}


async def test_no_plan_signs_no_check_in_card(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, _pilot):
        assert not any(c.display for c in app.screen.query("#checkin-card"))  # hidden, or not mounted yet
        assert not any(c.display for c in app.screen.query("#plan-note"))  # hidden, or not mounted yet


async def test_none_today_is_one_click_and_can_be_changed_with_the_checklist(data_dir: Path):
    seed_plan(data_dir)
    async with running(data_dir) as (app, pilot):
        question = card_text(app, "#checkin-question")
        assert question == "Have you noticed any of your early warning signs today?"
        await click_words(app, pilot, "#checkin-actions", "None today")
        await pilot.pause()
        assert "none of your signs" in card_text(app, "#checkin-question")
        assert stored_checkins(data_dir) == {TODAY: []}
        await to_card(pilot, "checkin-card")
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        await pilot.press("down", "space", "ctrl+s")
        await pilot.pause()
        # A sign noticed brings the person's own plan (ui/coping/signs.py); Esc closes it.
        await pilot.press("escape")
        await pilot.pause()
        assert "Noticed: Not answering the phone" in card_text(app, "#checkin-question")
    assert stored_checkins(data_dir) == {TODAY: ["Not answering the phone"]}


async def test_nothing_ticked_counts_as_none_today(data_dir: Path):
    seed_plan(data_dir)
    async with running(data_dir) as (app, pilot):
        await click_words(app, pilot, "#checkin-actions", "Yes, some")
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        assert not app.screen.query_one("#checkin-card").shows_part("checkin-actions"), "answered: one line"
        await pilot.click("#checkin-question")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
    assert stored_checkins(data_dir) == {TODAY: []}


async def test_signs_on_two_of_three_days_bring_a_calm_note_from_the_plan(data_dir: Path):
    seed_plan(data_dir, checkins={1: [SLEEP], 2: []})
    async with running(data_dir) as (app, pilot):
        assert not any(c.display for c in app.screen.query("#plan-note"))  # hidden, or not mounted yet
        await to_card(pilot, "checkin-card")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("space", "ctrl+n")  # ticked, then "none today" after all: still one day of three
        await pilot.pause()
        assert not any(c.display for c in app.screen.query("#plan-note"))  # hidden, or not mounted yet
        await to_card(pilot, "checkin-card")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        await pilot.press("escape")  # the person's own plan, brought by the sign
        await pilot.pause()
        note = app.screen.query_one("#plan-note")
        assert note.display
        assert "on 2 of the last 3 days" in card_text(app, "#plan-note-text")
        assert card_text(app, "#plan-note-step") == "Your plan's first step: Tell Maria how I feel"
        last = card_text(app, "#plan-note-last")
        assert last.startswith("Maria (sister): 06 555 0123 ") and last.endswith(" Open my plan ")
        for line in ("#plan-note-text", "#plan-note-step", "#plan-note-last"):
            assert not any(word in card_text(app, line).lower() for word in ("warning!", "danger", "alert"))
        # The card names its key once the person has moved to it, where the key works.
        await to_card(pilot, "plan-note")
        assert card_text(app, "#plan-note-last").endswith(" Open my plan (p) ")
        await pilot.press("p")
        await pilot.pause()
        assert app.current_mode == "plan"


async def test_the_note_follows_the_numbers_in_the_plan(data_dir: Path):
    seed_plan(data_dir, sample_plan(note_days=1, note_window=1), checkins={0: [PHONE]})
    async with running(data_dir) as (app, _pilot):
        assert card_text(app, "#plan-note-text") == "You noticed some of your signs today."


async def test_a_gentle_review_note_when_the_plan_was_not_looked_over_for_a_while(data_dir: Path):
    plan = sample_plan(created=datetime.combine(TODAY - timedelta(days=100), datetime.min.time()))
    seed_plan(data_dir, plan)
    async with running(data_dir) as (app, pilot):
        text = card_text(app, "#plan-note-text")
        assert "A good time to look your plan over again" in text
        assert "overdue" not in text.lower()
        await click_words(app, pilot, "#plan-note-last", "Open my plan")
        assert app.current_mode == "plan"
    db = Database.open(data_dir)
    Repository.of(db, PlanVersion).add(PlanVersion(reviewed_on=TODAY, content=plan.snapshot()))
    db.close()
    async with running(data_dir) as (app, _pilot):
        assert not any(c.display for c in app.screen.query("#plan-note"))  # hidden, or not mounted yet


async def test_the_history_has_a_row_per_sign_and_a_mark_per_day(data_dir: Path):
    # Wednesday 18 March 2026: Monday was two days ago.
    seed_plan(data_dir, checkins={0: [], 1: [SLEEP], 2: [SLEEP, PHONE]})
    async with running(data_dir) as (app, pilot):
        await pilot.press("escape", "6", "h")
        await pilot.pause()
        lines = card_text(app, "#history-grid").splitlines()
        assert "16 Mar" in lines[0] and "MTWTFSS" in lines[1]
        sleep = next(line for line in lines if line.startswith("Sleeping less"))
        phone = next(line for line in lines if line.startswith("Not answering the phone"))
        this_week = sleep.rstrip()[-3:], phone.rstrip()[-3:]
        assert this_week == (NOTICED + NOTICED + CHECKED, NOTICED + CHECKED + CHECKED)
        assert "checked in on 3 days, signs noticed on 2 days" in card_text(app, "#history-summary")
        assert "blank: no check-in" in card_text(app, "#history-legend")
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert "checked in on 0 days" in card_text(app, "#history-summary")
        await pilot.click("#later")
        await pilot.pause()
        assert "checked in on 3 days" in card_text(app, "#history-summary")


async def test_a_sign_taken_out_of_the_plan_still_shows_in_the_history(data_dir: Path):
    seed_plan(data_dir, sample_plan(signs=[PHONE]), checkins={1: [SLEEP]})
    async with running(data_dir) as (app, pilot):
        await pilot.press("escape", "6", "h")
        await pilot.pause()
        rows = card_text(app, "#history-grid").splitlines()[2:]
        assert [row[:26].rstrip() for row in rows] == ["Not answering the phone", "Sleeping less (taken out)"]


async def test_a_check_in_with_a_contact_person_is_marked_together(data_dir: Path):
    seed_plan(data_dir)
    async with running(data_dir) as (app, pilot):
        app.together_with = "Jo"
        await click_words(app, pilot, "#checkin-actions", "None today")
        await pilot.pause()
    db = Database.read_only(data_dir)
    assert [c.together_with for c in Repository.of(db, CheckIn).all()] == ["Jo"]

"""What is written while filling in together is marked in every area, and the exports say so."""

from __future__ import annotations

from pathlib import Path

from imr_companion.models import Answer, Goal, Moment, Person
from imr_companion.sharing.formats import render
from imr_companion.sharing.parts import PARTS, Choice, shared_page
from imr_companion.store import Database, Repository
from imr_companion.store.queries.plan import load_plan
from tests.helpers import running, type_text, welcomed
from tests.ui.handouts.test_handouts_reader import open_module, read_on
from tests.ui.plan.test_plan_screen import go_to_section, open_plan


async def test_together_marks_in_every_area(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("ctrl+g")
        await type_text(pilot, "Jo")
        await pilot.press("enter")
        await pilot.pause()
        assert app.together_with == "Jo"
        # Today: a good moment.
        await type_text(pilot, "Tea on the step")
        await pilot.press("enter")
        await pilot.pause()
        # Handouts: an answer.
        await open_module(pilot, 1)
        await read_on(pilot)
        await pilot.press("tab")
        await type_text(pilot, "Feeling like me")
        await pilot.press("escape")
        await pilot.pause()
        # Goals: a goal.
        await pilot.press("escape", "4")
        await pilot.pause()
        await pilot.press("n")
        await type_text(pilot, "Cook more")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        # Network card: a person.
        await pilot.press("escape", "5")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Sue")
        await pilot.press("enter")
        await pilot.pause()
        # My plan: the whole plan is marked when written together.
        await open_plan(pilot)
        await go_to_section(pilot, 0)
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "I cook")
        await pilot.press("enter")
        await pilot.pause()
    db = Database.read_only(data_dir)
    assert [m.together_with for m in Repository.of(db, Moment).all()] == ["Jo"]
    assert [a.together_with for a in Repository.of(db, Answer).all()] == ["Jo"]
    assert [g.together_with for g in Repository.of(db, Goal).all()] == ["Jo"]
    assert [p.together_with for p in Repository.of(db, Person).all()] == ["Jo"]
    assert load_plan(db).together_with == "Jo"
    shared = render(shared_page(db, Choice(PARTS)), "html")
    assert shared.count("together with Jo") >= 4

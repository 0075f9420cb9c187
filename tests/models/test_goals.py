"""The goal ladder's rules, without a screen: climbing, moving, undoing, reaching."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from imr_companion import clock, demo
from imr_companion.export import to_markdown
from imr_companion.models import Goal
from imr_companion.models.base import field_messages
from imr_companion.models.goals import (
    GoalStatus,
    Step,
    current_goal,
    reached_newest_first,
    working_on,
)
from imr_companion.store import Database, Repository
from tests.goals_seed import others, swimming


def texts(goal: Goal) -> list[str]:
    return [step.text for step in goal.steps]


def test_marking_a_step_done_puts_it_with_the_climbed_rungs():
    goal = swimming()
    assert goal.next_step.text == "Get into the water once"
    # Done out of order: the step joins the climbed rungs, the rest keep their order.
    climbed = goal.step_done("s5", date(2026, 3, 18))
    assert texts(climbed)[:4] == [*texts(goal)[:3], "Swim ten lengths"]
    assert texts(climbed)[4:] == ["Get into the water once", "Swim four lengths"]
    assert climbed.next_step.text == "Get into the water once"
    assert climbed.done_count == 4 and climbed.updated >= goal.updated


def test_a_step_back_on_the_ladder_becomes_the_next_step():
    goal = swimming().step_not_done("s1")
    assert goal.next_step.id == "s1"
    assert [s.done for s in goal.steps] == [True, True, False, False, False, False]


def test_steps_move_only_among_steps_like_them():
    goal = swimming()
    moved = goal.step_moved("s5", 4)
    assert moved is not None and texts(moved)[4:] == ["Swim ten lengths", "Swim four lengths"]
    # A step not yet done cannot go below a climbed rung, and nothing moves off the ends.
    assert goal.step_moved("s3", 2) is None
    assert goal.step_moved("s5", 6) is None
    assert goal.step_moved("s0", -1) is None
    assert texts(goal.step_moved("s0", 2)) == [texts(goal)[i] for i in (1, 2, 0, 3, 4, 5)]


def test_reaching_and_reopening():
    goal = swimming().marked_reached(date(2026, 3, 18))
    assert goal.status is GoalStatus.REACHED and goal.reached_on == date(2026, 3, 18)
    again = goal.reopened()
    assert again.status is GoalStatus.ACTIVE and again.reached_on is None
    with pytest.raises(ValidationError):
        Goal(text="x", status=GoalStatus.REACHED)


def test_the_current_goal_is_the_one_chosen_last_else_the_oldest():
    swim, job, sister = swimming(), *others()
    assert current_goal([job, sister, swim]) is swim
    assert current_goal([job, sister]) is job
    chosen = job.made_current_now()
    assert current_goal([swim, chosen]) is chosen
    assert current_goal([sister]) is None
    assert [g.id for g in working_on([job, sister, swim])] == ["swimming", "job"]
    assert [g.id for g in reached_newest_first([job, sister, swim])] == ["sister"]


def test_empty_and_too_long_words_get_calm_messages():
    with pytest.raises(ValidationError) as empty:
        Goal(text="   ")
    assert field_messages(empty.value) == {"text": "Please write a few words here first."}
    with pytest.raises(ValidationError) as long:
        Step(text="a" * 10_000)
    assert "up to 200 characters" in field_messages(long.value)["text"]
    with pytest.raises(ValidationError) as why:
        Goal(text="Swim", why="w" * 10_000)
    assert "up to 2,000 characters" in field_messages(why.value)["why"]


def test_step_ids_are_unique_within_a_goal():
    with pytest.raises(ValidationError):
        Goal(text="x", steps=[Step(id="a", text="one"), Step(id="a", text="two")])


any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=300)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=any_text, why=any_text, step=any_text)
def test_a_goal_round_trips_or_is_refused(text: str, why: str, step: str):
    try:
        goal = Goal(text=text, why=why, steps=[Step(text=step)])
    except ValidationError:
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "d"
        db = Database.open(folder)
        Repository.of(db, Goal).add(goal)
        db.close()
        db = Database.read_only(folder)
        assert Repository.of(db, Goal).all() == [goal]


def test_emoji_and_right_to_left_words_are_kept_exactly():
    words = "سباحة 🏊‍♀️ again"
    goal = Goal(text=words, steps=[Step(text=words)])
    assert goal.text == words and goal.steps[0].text == words


def test_markdown_export_prints_the_ladder_first_step_first(database):
    repo = Repository.of(database, Goal)
    for goal in [swimming(), *others()]:
        repo.add(goal)
    text = to_markdown(database)
    assert "### Current goal: Get back to swimming" in text
    assert "Health. 3 of 6 steps done. Hoping for 1 June 2026." in text
    assert "1. [x] Find out when the pool is quiet (done 20 February 2026)" in text
    assert "4. [ ] Get into the water once (next step; a day to try it: 21 March 2026)" in text
    assert "### Find a part-time job" in text
    # Drawn as the shared page draws it (sharing/parts.py): its heading for the goals reached, and
    # the ladder itself (layout/ladder.py) above the steps in words.
    assert "### Goals reached (1)" in text and "#### See my sister once a month" in text
    assert "  ├─▶─┤ Get into the water once  next step" in text
    assert "where I started" in text
    assert "Reached on 30 November 2025." in text


def test_demo_gives_sam_ten_years_of_goals_most_reached_one_half_climbed():
    document = demo.build(10)
    goals = [Goal.model_validate(record) for record in document["goals"].values()]
    reached = [g for g in goals if g.reached]
    assert len(goals) >= 10 and len(reached) >= len(goals) - 2
    current = current_goal(goals)
    assert current is not None and 0 < current.done_count < len(current.steps)
    assert all(g.reached_on <= clock.today() for g in reached)
    assert all(s.done_on for g in reached for s in g.steps)
    short = demo.build(1)
    assert current_goal([Goal.model_validate(r) for r in short["goals"].values()]) is not None


def test_made_current_is_a_time_so_choosing_is_one_write():
    goal = swimming()
    assert isinstance(goal.made_current, datetime)

"""Since we last met: counts against seeded data, and the last day together."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from imr_companion import content
from imr_companion.models import CheckIn, Goal, Moment, PlanVersion, PracticeTask, Reading, SessionNote
from imr_companion.models.goals import Step
from imr_companion.models.plan import NoticedSign, PlanContent
from imr_companion.models.practice import PracticeStatus
from imr_companion.store import Database, Repository
from imr_companion.store.queries.since import default_start, last_together, since, since_lines
from tests.helpers import welcomed

START = date(2026, 3, 4)
FIRST_SECTION = content.handout("recovery-strategies").sections[0].id


def seed(folder: Path) -> None:
    welcomed(folder)
    db = Database.open(folder)
    add = lambda model, record: Repository.of(db, model).add(record)  # noqa: E731
    for day in (date(2026, 3, 1), date(2026, 3, 4), date(2026, 3, 9), date(2026, 3, 17)):
        add(Moment, Moment(text=f"Moment of {day:%d}", day=day))
    add(Moment, Moment(text="With Jo", day=date(2026, 2, 25), together_with="Jo"))
    add(PracticeTask, PracticeTask(text="Walk", status=PracticeStatus.DONE, finished_on=date(2026, 3, 6)))
    let_go = PracticeTask(text="Call Ben", status=PracticeStatus.LET_GO, finished_on=date(2026, 3, 8))
    add(PracticeTask, let_go)
    add(PracticeTask, PracticeTask(text="Older", status=PracticeStatus.DONE, finished_on=date(2026, 2, 1)))
    add(PracticeTask, PracticeTask(text="Still open"))
    add(
        Goal,
        Goal(
            text="Swim again",
            steps=[
                Step(text="Find the pool", done_on=date(2026, 2, 20)),
                Step(text="Buy a towel", done_on=date(2026, 3, 5)),
                Step(text="Go once"),
            ],
        ),
    )
    add(Reading, Reading(handout="recovery-strategies", id="recovery-strategies", read=[FIRST_SECTION]))
    add(CheckIn, CheckIn(day=date(2026, 3, 5)))
    add(CheckIn, CheckIn(day=date(2026, 3, 7), noticed=[NoticedSign(id="s", text="Sleeping less")]))
    add(CheckIn, CheckIn(day=date(2026, 3, 1)))
    add(PlanVersion, PlanVersion(reviewed_on=date(2026, 3, 10), content=PlanContent()))
    add(SessionNote, SessionNote(day=date(2026, 3, 4), together_with="Jo", created=datetime(2026, 3, 4, 10)))
    db.close()


def test_counts_what_happened_since_the_day(data_dir: Path):
    seed(data_dir)
    found = since(Database.read_only(data_dir), START)
    assert [m.text for m in found.moments] == ["Moment of 17", "Moment of 09", "Moment of 04"]
    assert [t.text for t in found.practice_done] == ["Walk"]
    assert [t.text for t in found.practice_let_go] == ["Call Ben"]
    assert found.steps == [("Swim again", "Buy a towel")]
    assert found.checkin_days == 2 and found.sign_days == 1
    assert found.plan_reviews == [date(2026, 3, 10)]
    assert found.sections_read and found.sections_read[0][1] == 1
    lines = since_lines(found)
    assert lines[0] == "✓ 3 good moments"
    assert "✓ Practice: 1 done, 1 let go" in lines
    assert "✓ 1 goal step climbed" in lines
    assert "✓ Checked in on 2 days, signs noticed on 1 day" in lines
    # Counts of what is there; no word of what is not.
    assert not [line for line in lines if "only" in line or "missed" in line]


def test_the_last_time_together_is_the_default_start(data_dir: Path):
    seed(data_dir)
    db = Database.read_only(data_dir)
    assert last_together(db) == date(2026, 3, 4)
    assert last_together(db, before=date(2026, 3, 4)) == date(2026, 2, 25)
    assert default_start(db) == date(2026, 3, 4)


def test_a_quiet_time_is_said_kindly(data_dir: Path):
    welcomed(data_dir)
    db = Database.read_only(data_dir)
    assert default_start(db) == date(2026, 2, 18)
    assert since_lines(since(db, START)) == [
        "A quiet time in the app. Whatever happened outside it counts just as much."
    ]


def test_a_goal_step_climbed_together_is_a_day_together(data_dir: Path):
    # Only the step carries the mark: the goal's own words were written alone.
    seed(data_dir)
    db = Database.open(data_dir)
    climbed = Step(text="Go once", done_on=date(2026, 3, 9), together_with="Jo")
    Repository.of(db, Goal).add(Goal(text="Cook more", steps=[climbed, Step(text="Cook twice")]))
    db.close()
    db = Database.read_only(data_dir)
    assert last_together(db) == date(2026, 3, 9)
    assert ("Cook more", "Go once") in since(db, last_together(db)).steps


def test_in_danish_the_modules_are_named_in_danish(data_dir: Path, danish):
    seed(data_dir)
    title = content.handout("recovery-strategies", "da").title
    lines = since_lines(since(Database.read_only(data_dir), START))
    assert any(line.startswith(f"✓ Modul 1, {title}: 1 af ") for line in lines), lines

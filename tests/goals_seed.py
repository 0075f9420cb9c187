"""A small, fixed set of goals for the goal ladder tests and snapshots."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from imr_companion.models import Goal
from imr_companion.models.goals import GoalStatus, RecoveryArea, Step
from imr_companion.store import Database, Repository
from tests.helpers import welcomed

SWIMMING_STEPS = [
    ("Find out when the pool is quiet", date(2026, 2, 20)),
    ("Buy a swimming costume", date(2026, 3, 2)),
    ("Go to the pool with Jo and just look", date(2026, 3, 12)),
    ("Get into the water once", None),
    ("Swim four lengths", None),
    ("Swim ten lengths", None),
]


def swimming() -> Goal:
    steps = [
        Step(id=f"s{n}", text=text, done_on=done, planned_on=date(2026, 3, 21) if n == 3 else None)
        for n, (text, done) in enumerate(SWIMMING_STEPS)
    ]
    when = datetime(2026, 2, 14, 10, 0)
    return Goal(
        id="swimming",
        text="Get back to swimming",
        why="I used to love the water. I want to feel strong again.",
        area=RecoveryArea.HEALTH,
        hoped_for=date(2026, 6, 1),
        steps=steps,
        made_current=when,
        created=when,
        updated=when,
    )


def others() -> list[Goal]:
    job = Goal(
        id="job",
        text="Find a part-time job",
        area=RecoveryArea.WORK_STUDY,
        steps=[Step(id="j0", text="Talk to the employment adviser")],
        created=datetime(2026, 1, 5, 9, 0),
    )
    sister = Goal(
        id="sister",
        text="See my sister once a month",
        area=RecoveryArea.FRIENDS_FAMILY,
        status=GoalStatus.REACHED,
        reached_on=date(2025, 11, 30),
        steps=[
            Step(id="t0", text="Send her a message", done_on=date(2025, 9, 1)),
            Step(id="t1", text="Meet her at the café", done_on=date(2025, 10, 4)),
        ],
        created=datetime(2025, 8, 20, 9, 0),
    )
    return [job, sister]


def seed_goals(folder: Path, goals: list[Goal] | None = None) -> None:
    welcomed(folder)
    db = Database.open(folder)
    repo = Repository.of(db, Goal)
    for goal in goals if goals is not None else [swimming(), *others()]:
        repo.add(goal)
    db.close()


def stored_goals(folder: Path) -> dict[str, Goal]:
    db = Database.read_only(folder)
    return {goal.id: goal for goal in Repository.of(db, Goal).all()}


def in_danish(folder: Path) -> None:
    """The person has chosen Danish: the app opened on `folder` speaks it."""
    db = Database.open(folder)
    db.save_settings(db.settings().model_copy(update={"language": "da"}))
    db.close()


def own_words(goals: list[Goal] | None = None) -> frozenset[str]:
    """Every word the person wrote in the seeded goals: never translated, so allowed on a Danish screen."""
    import re

    texts: list[str] = []
    for goal in goals if goals is not None else [swimming(), *others()]:
        texts += [goal.text, goal.why, *(step.text for step in goal.steps)]
    return frozenset(re.findall(r"[A-Za-z']+", " ".join(texts)))

"""One of everything, each field holding a marker string, to prove what a shared file holds and leaves out."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from imr_companion.models import (
    Answer,
    CheckIn,
    Goal,
    Moment,
    Person,
    Plan,
    PracticeTask,
    SessionNote,
    SupporterNote,
)
from imr_companion.models.goals import Step
from imr_companion.models.network import LifeArea, Ring
from imr_companion.models.plan import ActionStep, CrisisContact, Helper, Item, Trigger, WarningSign
from imr_companion.models.practice import PracticeStatus
from imr_companion.store import Database, Repository
from tests.helpers import welcomed

TODAY = date(2026, 3, 18)
MARIA = Person(
    id="maria",
    name="Maria (sister)",
    area=LifeArea.FAMILY,
    ring=Ring.VERY_CLOSE,
    notices_signs=True,
    reach="MARKER-MARIA-REACH",
    note="MARKER-MARIA-NOTE",
)
JO = Person(id="jo", name="Jo", area=LifeArea.SERVICES, ring=Ring.CLOSE, reach="MARKER-JO-REACH")
BEN = Person(id="ben", name="Ben", note="MARKER-BEN-NOTE", notices_signs=True)

# Words of each part, found in that part's file and in no other.
PART_MARKERS = {
    "plan": [
        "MARKER-WELL",
        "MARKER-TRIGGER",
        "MARKER-STEP",
        "MARKER-HELPED",
        "MARKER-UNHELPFUL",
        "MARKER-CRISIS",
    ],
    "network": ["MARKER-MARIA-NOTE", "MARKER-BEN-NOTE"],
    "goals": ["MARKER-GOAL-WHY", "MARKER-GOAL-STEP"],
    "moments": ["MARKER-MOMENT"],
    "answers": ["MARKER-ANSWER"],
    "sessions": ["MARKER-SESSION-LINE", "MARKER-SESSION-NOTE"],
}
NEVER_SHARED = ["MARKER-PRACTICE", "MARKER-ASK-BEN"]


def seed_everything(folder: Path) -> None:
    welcomed(folder, "Alex")
    db = Database.open(folder)
    try:
        for person in (MARIA, JO, BEN):
            Repository.of(db, Person).add(person)
        plan = Plan(
            well=[Item(text="MARKER-WELL")],
            triggers=[Trigger(text="MARKER-TRIGGER")],
            signs=[
                WarningSign(text="SIGN-FOR-MARIA", person_id="maria"),
                WarningSign(text="ALSO-FOR-MARIA", noticed_by="maria"),
                WarningSign(text="MARKER-SIGN-BEN", person_id="ben"),
            ],
            steps=[ActionStep(text="MARKER-STEP")],
            helpers=[
                Helper(name="Maria (sister)", person_id="maria"),
                Helper(name="Jo", person_id="jo"),
                Helper(name="Uncle Tom", reach="HELPER-TOM-REACH"),
            ],
            helped=[Item(text="MARKER-HELPED")],
            unhelpful=[Item(text="MARKER-UNHELPFUL")],
            crisis=[CrisisContact(name="MARKER-CRISIS", reach="MARKER-CRISIS-REACH")],
        )
        Repository.of(db, Plan).add(plan)
        Repository.of(db, Goal).add(
            Goal(text="Walk to the park", why="MARKER-GOAL-WHY", steps=[Step(text="MARKER-GOAL-STEP")])
        )
        Repository.of(db, Moment).add(Moment(text="MARKER-MOMENT", day=date(2026, 3, 10)))
        Repository.of(db, Answer).add(
            Answer(
                handout="recovery-strategies", exercise="recovery-means", kind="text", text="MARKER-ANSWER"
            )
        )
        Repository.of(db, PracticeTask).add(
            PracticeTask(text="MARKER-PRACTICE", status=PracticeStatus.DONE, finished_on=date(2026, 3, 12))
        )
        Repository.of(db, SessionNote).add(
            SessionNote(
                day=date(2026, 3, 4),
                done=["MARKER-SESSION-LINE"],
                note="MARKER-SESSION-NOTE",
                together_with="Jo",
            )
        )
        Repository.of(db, CheckIn).add(CheckIn(day=date(2026, 3, 11), created=datetime(2026, 3, 11, 20)))
        Repository.of(db, SupporterNote).add(SupporterNote(id="maria", asks="ASK-FOR-MARIA"))
        Repository.of(db, SupporterNote).add(
            SupporterNote(id="ben", asks="MARKER-ASK-BEN", share_helpers=True)
        )
    finally:
        db.close()

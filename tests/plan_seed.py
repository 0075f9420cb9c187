"""A small, realistic plan to start tests from."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from imr_companion.models import CheckIn, Person, Plan, PlanVersion
from imr_companion.models.plan import (
    ActionStep,
    CrisisContact,
    Helper,
    Item,
    Trigger,
    WarningSign,
)
from imr_companion.store import Database, Repository
from tests.helpers import welcomed

TODAY = date(2026, 3, 18)
SLEEP = WarningSign(id="sleep", text="Sleeping less", noticed_by="Maria")
PHONE = WarningSign(id="phone", text="Not answering the phone", noticed_by="Jo")


def sample_plan(**changes) -> Plan:
    plan = Plan(
        created=datetime(2026, 1, 10, 11, 0),
        updated=datetime(2026, 1, 10, 11, 0),
        well=[Item(id="well1", text="I sleep eight hours and cook for myself")],
        triggers=[Trigger(id="trig1", text="Money worries at the end of the month")],
        signs=[SLEEP, PHONE],
        steps=[
            ActionStep(id="step1", text="Tell Maria how I feel"),
            ActionStep(id="step2", text="Go to bed at eleven"),
        ],
        helpers=[Helper(id="help1", name="Maria (sister)", reach="06 555 0123")],
        helped=[Item(id="helped1", text="Walking in the park")],
        unhelpful=[Item(id="unhelp1", text="Being told to cheer up")],
        crisis=[CrisisContact(id="crisis1", name="Clinic, out of hours", reach="020 555 0100")],
    )
    return plan.model_copy(update=changes)


def seed_plan(
    folder: Path,
    plan: Plan | None = None,
    *,
    checkins: dict[int, list[WarningSign]] | None = None,
    versions: list[PlanVersion] = (),
    people: list[Person] = (),
) -> Plan:
    """A welcomed folder with `plan`; `checkins` maps days ago to the signs noticed that day."""
    welcomed(folder)
    plan = plan or sample_plan()
    db = Database.open(folder)
    try:
        Repository.of(db, Plan).save(plan)
        for days_ago, noticed in (checkins or {}).items():
            Repository.of(db, CheckIn).save(CheckIn.for_day(TODAY - timedelta(days=days_ago), noticed))
        for version in versions:
            Repository.of(db, PlanVersion).add(version)
        for person in people:
            Repository.of(db, Person).add(person)
    finally:
        db.close()
    return plan


def stored_plan(folder: Path) -> Plan:
    return Repository.of(Database.read_only(folder), Plan).all()[0]

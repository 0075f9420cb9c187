"""Reading and writing the plan, its reviews and check-ins, for the screens that show them.

Today uses only the cheap calls here (one plan record, a few days of
check-ins, reviews in a date range): never every record of ten years.
"""

from __future__ import annotations

from datetime import date

from imr_companion.models import CheckIn, Person, Plan, PlanVersion
from imr_companion.models.plan import PLAN_ID, latest_per_day
from imr_companion.store import Database, Repository

# The newest review since a day: as stored once checked, through the models before (Today reads it too).
from imr_companion.store.queries.today_reads import newest_review_since as newest_review_since


def load_plan(database: Database) -> Plan:
    """The person's plan; a new, empty one (not yet stored) when there is none."""
    # where() skips a damaged record (check_records sets it aside) instead of failing.
    found = Repository.of(database, Plan).where("id", PLAN_ID, PLAN_ID)
    return found[0] if found else Plan()


def save_plan(database: Database, plan: Plan) -> Plan:
    """Store the plan and return it as stored (marked when written together); raises SaveError
    (with a calm sentence) when it could not be saved."""
    return Repository.of(database, Plan).save(plan)


def people_by_id(database: Database) -> dict[str, Person]:
    return {person.id: person for person in Repository.of(database, Person).all()}


def versions_newest_first(database: Database) -> list[PlanVersion]:
    return sorted(
        Repository.of(database, PlanVersion).all(), key=lambda v: (v.reviewed_on, v.created), reverse=True
    )


def newest_version(database: Database) -> PlanVersion | None:
    """The newest version of the plan (as versions_newest_first()[0]), validating only the newest day's."""
    days = [v.get("reviewed_on") for v in database.held_document().get("plan_versions", {}).values()]
    newest = max((day for day in days if isinstance(day, str)), default=None)
    if any(
        newest is None or year.year >= newest[:4] for year in database.storage.older_years("plan_versions")
    ):
        # An older year still unparsed (store/files/years.py) may hold the newest: read them all.
        days = [v.get("reviewed_on") for v in database.storage.records("plan_versions")]
        newest = max((day for day in days if isinstance(day, str)), default=None)
    if newest is None or len(days) != sum(isinstance(day, str) for day in days):
        # A version without its day as text: only reading them all says where it belongs.
        versions = versions_newest_first(database)
        return versions[0] if versions else None
    found = Repository.of(database, PlanVersion).where("reviewed_on", newest, newest)
    if not found:  # the newest day's versions were all damaged: the next day's is the newest
        versions = versions_newest_first(database)
        return versions[0] if versions else None
    return max(found, key=lambda v: (v.reviewed_on, v.created))


def checkins_between(database: Database, start: date, end: date) -> dict[date, CheckIn]:
    return latest_per_day(Repository.of(database, CheckIn).where("day", start.isoformat(), end.isoformat()))

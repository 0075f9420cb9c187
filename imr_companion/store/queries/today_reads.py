"""What Today's cards show, read from the stored records as plain dicts: no pydantic, no models.

A data file with this app's stamp was checked before it was written
(store/files/stamp.py), and so was every record of a file checked since it
was opened (`Database.records_checked`): its stored records are read as they
are, and Today's cards are drawn without importing pydantic or the models,
which come later, off the path of typing (ARCHITECTURE "Before the first
frame"). Anything not yet checked passes the models first (`stored` below:
a damaged record is skipped, as Repository skips it) and is read in the form
they write: the cards' pure functions below see the same dicts on both paths,
so the two cannot disagree.

A record that passed the gate may lack a field added since it was written:
each read takes the model's default then (`.get`). Dates stay ISO text until
they are compared or drawn. Nothing here changes a stored dict.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

import orjson

from imr_companion.store.database import Database
from imr_companion.store.files.years import LAZY_TABLES

Stored = dict[str, Any]


# --- Stored records, as stored or through the models -----------------------------------------


def stored(
    database: Database, table: str, field: str | None = None, low: str = "", high: str | None = None
) -> list[Stored]:
    """The records of `table` (those whose text `field` lies in [low, high], as Repository.where)."""
    if not database.records_checked:
        return _through_models(database, table, field, low, high)
    if field is None:
        return database.storage.records(table)
    # Of a table that keeps older years unparsed, only the years the range can fall in are read.
    records = (
        database.storage.records(table, low or None, high)
        if field == LAZY_TABLES.get(table)
        else database.storage.records(table)
    )
    return [
        r
        for r in records
        if isinstance(r.get(field), str) and r[field] >= low and (high is None or r[field] <= high)
    ]


def _through_models(
    database: Database, table: str, field: str | None, low: str, high: str | None
) -> list[Stored]:
    from imr_companion.models import RECORD_TABLES
    from imr_companion.store.repository import Repository

    repository = Repository(database, table, RECORD_TABLES[table])
    records = repository.all() if field is None else repository.where(field, low, high)
    return [record.model_dump(mode="json") for record in records]


def newest_stored(
    database: Database, table: str, keep: Callable[[Stored], bool] | None = None
) -> Stored | None:
    """The record of a lazy table (years.LAZY_TABLES) with the latest date, of those `keep` accepts.
    An older year is parsed only when it could hold a later one (as Repository.newest)."""
    field = LAZY_TABLES[table]
    if not database.records_checked:
        from imr_companion.models import RECORD_TABLES
        from imr_companion.store.repository import Repository

        record = Repository(database, table, RECORD_TABLES[table]).newest(
            None if keep is None else lambda record: keep(record.model_dump(mode="json"))
        )
        return None if record is None else record.model_dump(mode="json")

    def latest(records: list[Stored], found: Stored | None) -> Stored | None:
        kept = [r for r in records if keep is None or keep(r)]
        return max((*kept, *([found] if found else [])), key=lambda r: r[field], default=None)

    found = latest(list(database.held_document().get(table, {}).values()), None)
    for year in reversed(database.storage.older_years(table)):
        if found is None or year.year >= found[field][:4]:
            found = latest(list(year.records().values()), found)
    return found


def settings(database: Database) -> Stored:
    """The person's settings as the models write them."""
    if database.records_checked:
        return database.stored_settings()
    return database.settings().model_dump(mode="json")


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text)


# --- The goal card ---------------------------------------------------------------------------


class GoalShown(NamedTuple):
    id: str
    text: str
    steps: int
    done: int
    next_step: str | None
    """The lowest step not done yet: its words."""


def current_goal(goals: list[Stored]) -> Stored | None:
    """As models.goals.current_goal: the active goal chosen most recently, else the oldest active one."""
    active = [goal for goal in goals if goal.get("status", "active") != "reached"]
    if not active:
        return None
    chosen = [goal for goal in active if goal.get("made_current")]
    if chosen:
        return max(chosen, key=lambda goal: (_time(goal["made_current"]), _time(goal["created"])))
    return min(active, key=lambda goal: _time(goal["created"]))


def goal_card(database: Database) -> GoalShown | None:
    # Only active goals are read: a few records, however many years are stored.
    goal = current_goal(stored(database, "goals", "status", "active", "active"))
    if goal is None:
        return None
    steps = goal.get("steps", [])
    waiting = next((step for step in steps if not step.get("done_on")), None)
    done = sum(1 for step in steps if step.get("done_on"))
    return GoalShown(goal["id"], goal["text"], len(steps), done, waiting["text"] if waiting else None)


# --- My plan's two cards ---------------------------------------------------------------------

PLAN_ID = "plan"
_SECTIONS = ("well", "triggers", "signs", "steps", "helpers", "helped", "unhelpful", "crisis")


def plan(database: Database) -> Stored:
    """The plan as stored; an empty one's defaults when there is none (models.plan.Plan)."""
    found = stored(database, "plan", "id", PLAN_ID, PLAN_ID)
    return found[0] if found else {}


def checkins_between(database: Database, start: date, end: date) -> dict[date, Stored]:
    """One check-in per day, the newest (as models.plan.latest_per_day)."""
    by_day: dict[date, Stored] = {}
    records = stored(database, "checkins", "day", start.isoformat(), end.isoformat())
    for checkin in sorted(records, key=lambda c: _time(c["updated"])):
        by_day[date.fromisoformat(checkin["day"])] = checkin
    return by_day


class CheckInShown(NamedTuple):
    answered: bool
    noticed: list[str]
    """The words of the signs noticed today."""


def checkin_card(database: Database, today: date) -> CheckInShown | None:
    """None when the plan has no signs to ask about."""
    if not plan(database).get("signs"):
        return None
    checkin = checkins_between(database, today, today).get(today)
    if checkin is None:
        return CheckInShown(False, [])
    return CheckInShown(True, [sign["text"] for sign in checkin.get("noticed", [])])


class PlanNote(NamedTuple):
    signs_days: int
    """On how many of the last `window` days signs were noticed, when that calls for the note; else 0."""
    window: int
    first_step: str
    helper: str
    """The first helper's name, and how to reach them after a colon when known."""
    has_steps_or_helpers: bool
    review_every: int
    """Days between reviews, when one is due (and no note about signs); else 0."""


def plan_note(database: Database, today: date) -> PlanNote:
    found = plan(database)
    window, needed = found.get("note_window", 3), found.get("note_days", 2)
    days = 0
    if found.get("signs"):
        start = today - timedelta(days=window - 1)
        recent = checkins_between(database, start, today)
        count = len(
            {day for day, checkin in recent.items() if checkin.get("noticed") and start <= day <= today}
        )
        days = count if count >= needed else 0
    steps, helpers = found.get("steps", []), found.get("helpers", [])
    if days:
        return PlanNote(
            days,
            window,
            steps[0]["text"] if steps else "",
            _helper(database, helpers),
            bool(steps or helpers),
            0,
        )
    review_days = found.get("review_days", 90)
    empty = not any(found.get(section) for section in _SECTIONS)
    if empty:
        return PlanNote(0, window, "", "", False, 0)
    newest = newest_review_since(database, today - timedelta(days=review_days))
    since = newest or _time(found["created"]).date()
    due = today >= since + timedelta(days=review_days)
    return PlanNote(0, window, "", "", False, review_days if due else 0)


def newest_review_since(database: Database, day: date) -> date | None:
    """The newest review of the plan on or after `day`, reading only those."""
    if not database.records_checked:
        from imr_companion.models import PlanVersion
        from imr_companion.store.repository import Repository

        recent = Repository.of(database, PlanVersion).where("reviewed_on", day.isoformat())
        return max((version.reviewed_on for version in recent), default=None)
    # Every record has passed the gate: a review's stored day is its day. No version of the
    # whole plan is validated to learn it (the slowest validator to build).
    since = day.isoformat()
    days = (v.get("reviewed_on") for v in database.storage.records("plan_versions", since))
    newest = max((d for d in days if isinstance(d, str) and d >= since), default=None)
    return date.fromisoformat(newest) if newest is not None else None


def _helper(database: Database, helpers: list[Stored]) -> str:
    """The first helper as models.plan's helper_name and helper_reach say it; '' without one."""
    if not helpers:
        return ""
    helper = helpers[0]
    person_id = helper.get("person_id")
    person = (
        next((p for p in stored(database, "people") if p.get("id") == person_id), None) if person_id else None
    )
    name = person["name"] if person else helper["name"]
    reach = (person.get("reach", "") if person else "") or helper.get("reach", "")
    return f"{name}: {reach}" if reach else name


# --- The meeting card ------------------------------------------------------------------------

READY, AFTER = "ready", "after"
AFTER_DAYS = 3
"""As models.group.AFTER_DAYS: for how many days after a meeting its note is offered."""


def meeting_phase(meeting: Stored, now: datetime) -> tuple[str, date] | None:
    """As models.group.phase: whether Today shows the meeting card ("ready" or "after"), and for which day."""
    today = now.date()
    weekday = meeting["weekday"]
    at = meeting.get("at", "")
    if at:
        hours, minutes = at.replace(".", ":").split(":")
        starts = time(int(hours), int(minutes))
    else:
        starts = time(12, 0)
    begun = now.time() >= starts
    coming = today + timedelta(days=(weekday - today.weekday()) % 7)
    if coming == today and not begun:
        return READY, today
    been = today - timedelta(days=(today.weekday() - weekday) % 7)
    has_been = been != today or begun
    settled = _day(meeting.get("settled"))
    if (today - been).days <= AFTER_DAYS and has_been and (settled is None or settled < been):
        return AFTER, been
    if coming == today + timedelta(days=1):
        return READY, coming
    return None


def told_on(database: Database, day: date) -> str | None:
    """The words of the good moment chosen to tell at the meeting on `day`."""
    text = day.isoformat()
    if not database.records_checked:
        told = stored(database, "moments", "told_on", text, text)
    else:
        # Any moment may be the one told (its own day says nothing of it): of the older years
        # still unparsed, only those whose bytes hold this very field are read, not thirty years.
        field = b'"told_on":' + orjson.dumps(text)
        older = (y for y in database.storage.older_years("moments") if y.may_hold_text(field))
        records = [*(r for y in older for r in y.records().values())]
        records += database.held_document().get("moments", {}).values()
        told = [r for r in records if r.get("told_on") == text]
    return told[0]["text"] if told else None


def week_practice(database: Database, today: date) -> list[Stored]:
    """This week's practice tasks (Monday to Sunday), as stored."""
    monday = today - timedelta(days=today.weekday())
    return stored(
        database, "practice", "week_of", monday.isoformat(), (monday + timedelta(days=6)).isoformat()
    )


# --- The self-check and check-up cards -------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """As models.selfcheck.add_months: the same day `months` later (the month's last where shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    # The month's last day: the day before the next month's first (not calendar: ~0.5 ms to import).
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def selfcheck_due(last: date | None, months: int, today: date) -> bool:
    """As models.selfcheck.due with the newest self-check's day and no "not now"."""
    if months <= 0:
        return False
    return last is None or add_months(last, months) <= today


def newest_selfcheck(database: Database) -> date | None:
    """The day of the person's own newest self-check (not one the contact person filled in)."""
    found = newest_stored(database, "self_checks", lambda check: check.get("who", "person") == "person")
    return _day(found["day"]) if found else None


def newest_session(database: Database) -> date | None:
    found = newest_stored(database, "sessions")
    return _day(found["day"]) if found else None


def handouts_finished(
    database: Database, modules: Callable[[], list[str]], has_module: Callable[[str], bool]
) -> date | None:
    """The day the last module was marked done, when every one of `modules()` (their ids) is; else
    None (as progress.where_to_continue finding nothing left). The modules are asked only when
    the handout read last is done or gone: reading them all takes longer than the card."""
    readings = {r.get("handout"): r for r in stored(database, "reading")}
    finished = [
        date.fromisoformat(r["done_on"]) for r in readings.values() if r.get("done") and r.get("done_on")
    ]
    if not finished:
        return None
    last = max(readings.values(), key=lambda r: _time(r["updated"]))
    if not last.get("done") and has_module(last["handout"]):
        return None  # the person is still in it
    if not all(readings.get(h, {}).get("done") for h in modules()):
        return None
    return max(finished)


# --- Today's own good moments ----------------------------------------------------------------


def month_moments(database: Database, today: date) -> list[Stored]:
    """This month's good moments up to today (Today's count and its newest lines)."""
    return stored(database, "moments", "day", today.replace(day=1).isoformat(), today.isoformat())


def todays_moments(moments: list[Stored], today: date) -> list[str]:
    """The words of today's good moments, oldest first."""
    day = today.isoformat()
    return [
        m["text"] for m in sorted((m for m in moments if m["day"] == day), key=lambda m: _time(m["created"]))
    ]

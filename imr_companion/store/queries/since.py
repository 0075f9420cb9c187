"""What happened since a day the person picks: for the start of a meeting with their contact person.

Counts and short lists of what is there, never of what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from imr_companion import clock, content, i18n
from imr_companion.areas import SINCE_LINES, load
from imr_companion.i18n import _, date_words, ngettext
from imr_companion.models import (
    RECORD_TABLES,
    Answer,
    CheckIn,
    Goal,
    Moment,
    Plan,
    PlanVersion,
    PracticeTask,
    Reading,
)
from imr_companion.models.moments import newest_first
from imr_companion.models.plan import days_with_signs
from imr_companion.models.practice import PracticeStatus
from imr_companion.store import Database, Repository
from imr_companion.store.files.years import LAZY_TABLES

SHOWN = 3
"""Entries listed under a count; the rest are counted."""


@dataclass
class Since:
    day: date
    moments: list[Moment] = field(default_factory=list)
    practice_done: list[PracticeTask] = field(default_factory=list)
    practice_let_go: list[PracticeTask] = field(default_factory=list)
    steps: list[tuple[str, str]] = field(default_factory=list)
    """(goal, step) for each step climbed, oldest first."""
    goals_reached: list[str] = field(default_factory=list)
    sections_read: list[tuple[str, int, int]] = field(default_factory=list)
    """(module title, sections read, sections in it) for each module opened since."""
    answers: dict[str, int] = field(default_factory=dict)
    """Module title -> answers written or changed since."""
    checkin_days: int = 0
    sign_days: int = 0
    plan_changed: date | None = None
    plan_reviews: list[date] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(
            (
                self.moments,
                self.practice_done,
                self.practice_let_go,
                self.steps,
                self.goals_reached,
                self.sections_read,
                self.answers,
                self.checkin_days,
                self.plan_changed,
                self.plan_reviews,
            )
        )


def since(database: Database, day: date) -> Since:
    start = day.isoformat()
    found = Since(day)
    found.moments = newest_first(Repository.of(database, Moment).where("day", start))
    for task in Repository.of(database, PracticeTask).where("finished_on", start):
        if task.status is PracticeStatus.DONE:
            found.practice_done.append(task)
        elif task.status is PracticeStatus.LET_GO:
            found.practice_let_go.append(task)
    for goal in Repository.of(database, Goal).all():
        for step in goal.steps:
            if step.done_on and step.done_on >= day:
                found.steps.append((goal.text, step.text))
        if goal.reached_on and goal.reached_on >= day:
            found.goals_reached.append(goal.text)
    # The modules' titles in the person's language, as the reader shows them.
    titles = {handout.id: handout for handout in content.library(i18n.language())}
    for reading in Repository.of(database, Reading).all():
        handout = titles.get(reading.handout)
        if handout is None or reading.updated.date() < day:
            continue
        ids = [s.id for s in handout.sections_for(reading.sheet)]
        found.sections_read.append((_module(handout.number, handout.title), reading.has_read(ids), len(ids)))
    found.sections_read.sort()
    for answer in Repository.of(database, Answer).where("changed", start):
        if answer.is_empty:
            continue
        handout = titles.get(answer.handout)
        title = _module(handout.number, handout.title) if handout else answer.handout
        found.answers[title] = found.answers.get(title, 0) + 1
    checkins = Repository.of(database, CheckIn).where("day", start)
    found.checkin_days = len({c.day for c in checkins})
    found.sign_days = len(days_with_signs(checkins))
    plans = Repository.of(database, Plan).all()
    if plans and plans[0].updated.date() >= day and not plans[0].is_empty:
        found.plan_changed = plans[0].updated.date()
    found.plan_reviews = sorted(
        v.reviewed_on for v in Repository.of(database, PlanVersion).where("reviewed_on", start)
    )
    return found


def last_together(database: Database, before: date | None = None) -> date | None:
    """The last day before `before` (today) on which something was written together."""
    limit = before or clock.today()
    newest: date | None = None
    document = database.held_document()
    for table in RECORD_TABLES:
        for record in document.get(table, {}).values():
            newest = _newer(newest, record, limit)
            for inner in record.get("steps", []) if table == "goals" else []:
                # A goal's steps carry their own mark and their own day.
                if isinstance(inner, dict) and inner.get("together_with") and inner.get("done_on"):
                    newest = _later(newest, inner["done_on"], limit)
        # Older years still unparsed, newest first, and only those holding something written
        # together; a year of records stamped by their day (store/files/years.py) cannot hold
        # a later day than a newer year's.
        for year in reversed(database.storage.older_years(table)):
            if newest is not None and f"{newest.year:04}" > year.year and LAZY_TABLES[table] == "day":
                break
            if year.may_hold_text(b'"together_with":"'):
                for record in year.records().values():
                    newest = _newer(newest, record, limit)
    return newest


def _newer(newest: date | None, record: dict, limit: date) -> date | None:
    if not record.get("together_with"):
        return newest
    stamp = record.get("day") or record.get("updated") or ""
    return _later(newest, stamp, limit)


def _later(newest: date | None, stamp: object, limit: date) -> date | None:
    if not isinstance(stamp, str):
        return newest
    try:
        day = date.fromisoformat(stamp[:10])
    except ValueError:
        return newest
    if day >= limit:
        return newest
    return day if newest is None or day > newest else newest


def default_start(database: Database) -> date:
    """The last meeting, else four weeks ago: a calm span to look back on."""
    return last_together(database) or clock.today() - timedelta(days=28)


# --- Words ------------------------------------------------------------------


def _module(number: int, title: str) -> str:
    return _("Module {number}, {title}").format(number=number, title=title)


def _some(texts: list[str]) -> list[str]:
    """The first few, one short line each, and how many more."""
    shown = [f"    · {' '.join(text.split())}" for text in texts[:SHOWN]]
    if len(texts) > SHOWN:
        shown.append("    · " + _("and {count} more").format(count=len(texts) - SHOWN))
    return shown


def since_lines(found: Since) -> list[str]:
    """Counts and short lists of what is there: '3 good moments', never 'only 3'.

    The lines come in the manifest's order (areas.SINCE_LINES), each kind from its function here.
    """
    lines: list[str] = []
    for kind in SINCE_LINES:
        lines += load(kind.lines)(found)
    if not lines:
        lines.append(_("A quiet time in the app. Whatever happened outside it counts just as much."))
    return lines


def moments_lines(found: Since) -> list[str]:
    if not found.moments:
        return []
    count = len(found.moments)
    words = ngettext("{count} good moment", "{count} good moments", count).format(count=count)
    return [f"✓ {words}", *_some([m.text for m in found.moments])]


def practice_lines(found: Since) -> list[str]:
    if not (found.practice_done or found.practice_let_go):
        return []
    parts = []
    if found.practice_done:
        parts.append(_("{count} done").format(count=len(found.practice_done)))
    if found.practice_let_go:
        parts.append(_("{count} let go").format(count=len(found.practice_let_go)))
    tasks = [t.text for t in [*found.practice_done, *found.practice_let_go]]
    return ["✓ " + _("Practice: {counts}").format(counts=", ".join(parts)), *_some(tasks)]


def goals_lines(found: Since) -> list[str]:
    lines: list[str] = []
    if found.steps:
        count = len(found.steps)
        words = ngettext("{count} goal step climbed", "{count} goal steps climbed", count).format(count=count)
        lines += [f"✓ {words}", *_some([s for _goal, s in found.steps])]
    if found.goals_reached:
        count = len(found.goals_reached)
        words = ngettext("{count} goal reached", "{count} goals reached", count).format(count=count)
        lines += [f"★ {words}", *_some(found.goals_reached)]
    return lines


def reading_lines(found: Since) -> list[str]:
    lines: list[str] = []
    for title, read, total in found.sections_read:
        words = ngettext(
            "{title}: {read} of {total} section read", "{title}: {read} of {total} sections read", total
        )
        lines.append("✓ " + words.format(title=title, read=read, total=total))
    if found.answers:
        count = sum(found.answers.values())
        words = ngettext("{count} answer written", "{count} answers written", count).format(count=count)
        lines += [f"✓ {words}", *_some(list(found.answers))]
    return lines


def checkin_lines(found: Since) -> list[str]:
    if not found.checkin_days:
        return []
    days = found.checkin_days
    if found.sign_days:
        # Translators: {signs} is "signs noticed on 2 days".
        signs = ngettext("signs noticed on {count} day", "signs noticed on {count} days", found.sign_days)
        words = ngettext(
            "Checked in on {count} day, {signs}", "Checked in on {count} days, {signs}", days
        ).format(count=days, signs=signs.format(count=found.sign_days))
    else:
        words = ngettext("Checked in on {count} day", "Checked in on {count} days", days).format(count=days)
    return [f"✓ {words}"]


def plan_lines(found: Since) -> list[str]:
    if found.plan_reviews:
        days_words = ", ".join(date_words(d, "date") for d in found.plan_reviews)
        return ["✓ " + _("Plan looked over on {days}").format(days=days_words)]
    if found.plan_changed:
        return ["✓ " + _("Plan changed, last on {day}").format(day=date_words(found.plan_changed, "date"))]
    return []

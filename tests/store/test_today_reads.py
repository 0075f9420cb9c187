"""Today's cards drawn from stored records (store/queries/today_reads.py) say what the models say.

A trusted file is read as stored, any other through the models: both are
compared with the models' own rules (current_goal, phase, due, ...) on Sam's
demo data over many days and hours, and on records made for the edge cases.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from imr_companion import clock, content, i18n, progress
from imr_companion.models import CheckIn, Goal, Moment, Plan, SelfCheck, SessionNote, Settings
from imr_companion.models.goals import Step, current_goal, steps_phrase
from imr_companion.models.group import Meeting, MeetingKind, phase
from imr_companion.models.handouts import Reading
from imr_companion.models.network import Person
from imr_companion.models.plan import (
    ActionStep,
    Helper,
    WarningSign,
    helper_name,
    helper_reach,
    review_due,
    signs_note_due,
    window_start,
)
from imr_companion.models.selfcheck import due
from imr_companion.store import Database, Repository
from imr_companion.store.queries import plan as plan_queries
from imr_companion.store.queries import today_reads
from imr_companion.ui.goals.today_cards import steps_words
from tests.helpers import demo_folder, models_imported_by


def finished(database: Database) -> tuple[date | None, date | None]:
    """The day every handout was done, as the self-check card reads it and as progress says it."""
    language = i18n.language()
    plain = today_reads.handouts_finished(
        database,
        lambda: [h.id for h in content.library(language)],
        lambda handout: content.handout(handout, language) is not None,
    )
    readings = progress.readings(database)
    done = [r.done_on for r in readings.values() if r.done and r.done_on]
    by_models = max(done) if done and progress.where_to_continue(readings) is None else None
    return plain, by_models


def told_day(settings: Settings, now: datetime) -> date:
    """The meeting's day the card would read the told moment of (the last one when none is near)."""
    shown = phase(settings.meeting, now) if settings.meeting else None
    return shown[1] if shown else now.date() - timedelta(days=(now.weekday() - 3) % 7)


def through_models(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every read from now on takes the path of a file not yet checked."""
    monkeypatch.setattr(Database, "records_checked", property(lambda self: False))


def expected(database: Database, now: datetime) -> tuple:
    """What each card shows, by the models' own rules."""
    today = now.date()
    goal = current_goal(Repository.of(database, Goal).where("status", "active", "active"))
    plan = plan_queries.load_plan(database)
    checkin = plan_queries.checkins_between(database, today, today).get(today)
    recent = plan_queries.checkins_between(database, window_start(plan, today), today)
    people = plan_queries.people_by_id(database)
    review = plan_queries.newest_review_since(database, today - timedelta(days=plan.review_days))
    settings = database.settings()
    checks = Repository.of(database, SelfCheck).newest(lambda c: c.who == "person")
    session = Repository.of(database, SessionNote).newest()
    month = Repository.of(database, Moment).where("day", today.replace(day=1).isoformat(), today.isoformat())
    days = signs_note_due(plan, list(recent.values()), today) if plan.signs else 0
    return (
        None
        if goal is None
        else (goal.id, goal.text, steps_phrase(goal), goal.next_step and goal.next_step.text),
        (checkin is not None, [s.text for s in checkin.noticed] if checkin else []) if plan.signs else None,
        days,
        (helper_name(plan.helpers[0], people), helper_reach(plan.helpers[0], people))
        if days and plan.helpers
        else None,
        not days and review_due(plan, review, today),
        phase(settings.meeting, now) if settings.meeting else None,
        due([checks.day] if checks else [], settings.selfcheck_months, today),
        session.day if session else None,
        sorted(m.text for m in month if m.day == today),
        [m.text for m in Repository.of(database, Moment).all() if m.told_on == told_day(settings, now)][:1],
    )


def plain(database: Database, now: datetime) -> tuple:
    """The same, as Today's cards read it."""
    today = now.date()
    goal = today_reads.goal_card(database)
    note = today_reads.plan_note(database, today)
    checkin = today_reads.checkin_card(database, today)
    meeting = today_reads.settings(database).get("meeting")
    helper = None
    if note.helper:
        name, _, reach = note.helper.partition(": ")
        helper = (name, reach)
    months = today_reads.settings(database).get("selfcheck_months", 0)
    return (
        None if goal is None else (goal.id, goal.text, steps_words(goal), goal.next_step),
        None if checkin is None else (checkin.answered, checkin.noticed),
        note.signs_days,
        helper,
        bool(note.review_every),
        today_reads.meeting_phase(meeting, now) if meeting else None,
        today_reads.selfcheck_due(today_reads.newest_selfcheck(database), months, today),
        today_reads.newest_session(database),
        sorted(today_reads.todays_moments(today_reads.month_moments(database, today), today)),
        [told] if (told := today_reads.told_on(database, told_day(database.settings(), now))) else [],
    )


def test_the_demo_reads_the_same_as_stored_and_through_the_models(tmp_path: Path, monkeypatch):
    folder = demo_folder(tmp_path, years=2)
    database = Database.open(folder)
    try:
        assert database.records_checked  # the demo's stamp: its records are read as stored
        start = clock.now()
        # Every hour of the day around the meeting, and days across a fortnight and a review.
        moments = [start + timedelta(hours=h) for h in range(-30, 30, 5)]
        moments += [start + timedelta(days=d) for d in (-40, -8, -3, 1, 4, 9, 95)]
        as_stored = []
        for now in moments:
            clock.fix(now)
            as_stored.append(plain(database, now))
            assert as_stored[-1] == expected(database, now), now
        assert any(shown[0] for shown in as_stored) and any(shown[5] for shown in as_stored)
        assert finished(database)[0] == finished(database)[1]
        # The moment told at each meeting, back into last year's line of the file (read unparsed).
        last = told_day(database.settings(), start)
        days = [last - timedelta(weeks=week) for week in range(20)]
        told = {m.told_on: m.text for m in Repository.of(database, Moment).all() if m.told_on}
        assert [today_reads.told_on(database, day) for day in days] == [told.get(day) for day in days]
        through_models(monkeypatch)
        for now, shown in zip(moments, as_stored, strict=True):
            clock.fix(now)
            assert plain(database, now) == shown, now
    finally:
        database.close()


def edge_cases(database: Database, today: date) -> None:
    """Records the demo does not make: a goal chosen as current, a helper from the network card,
    a newer self-check filled in by the contact person, a settled meeting, an empty plan's review."""
    earlier = datetime.combine(today, datetime.min.time()) - timedelta(days=200)
    goals = Repository.of(database, Goal)
    goals.add(Goal(text="Oldest", created=earlier))
    goals.add(Goal(text="Chosen", made_current=earlier + timedelta(days=5, microseconds=500)))
    goals.add(Goal(text="Chosen before", made_current=earlier + timedelta(days=5)))
    goals.add(Goal(text="All done", steps=[Step(text="One", done_on=today)], status="active"))
    person = Repository.of(database, Person).add(Person(name="Kim", ring="close", reach="5555 1234"))
    sign = WarningSign(text="Sleeping badly")
    Repository.of(database, Plan).save(
        Plan(
            signs=[sign],
            steps=[ActionStep(text="Call Kim")],
            helpers=[Helper(name="Kim then", person_id=person.id)],
            note_days=1,
            note_window=1,
            created=earlier,
        )
    )
    moments = Repository.of(database, Moment)
    moments.add(Moment(text="Told long ago", day=date(2019, 5, 1), told_on=date(2019, 5, 3)))
    moments.add(Moment(text="Not told", day=date(2020, 5, 1)))
    checkins = Repository.of(database, CheckIn)
    checkins.save(CheckIn.for_day(today, [sign]))
    selfchecks = Repository.of(database, SelfCheck)
    selfchecks.add(SelfCheck(day=today - timedelta(days=400)))
    selfchecks.add(SelfCheck(day=today - timedelta(days=3), who="contact"))
    database.save_settings(
        Settings(
            selfcheck_months=12,
            meeting=Meeting(
                kind=MeetingKind.CONTACT,
                weekday=today.weekday(),
                at="09.30",
                settled=today - timedelta(days=7),
            ),
        )
    )


def test_edge_cases_read_the_same(data_dir: Path, monkeypatch):
    database = Database.open(data_dir)
    try:
        today = clock.today()
        empty = [plain(database, clock.now()), expected(database, clock.now())]
        assert empty[0] == empty[1]
        edge_cases(database, today)
        database.check_records(stamp=True)
        database.close()
        database = Database.open(data_dir)  # trusted: the older years' lines are read unparsed
        assert database.records_checked and database.storage.older_years("moments")
        assert today_reads.told_on(database, date(2019, 5, 3)) == "Told long ago"
        assert today_reads.told_on(database, date(2020, 5, 3)) is None
        for hours in (-20, 0, 14, 40):
            now = clock.now() + timedelta(hours=hours)
            clock.fix(now)
            assert plain(database, now) == expected(database, now), now
        assert plain(database, clock.now())[0][1] == "Chosen"
        readings = Repository.of(database, Reading)
        for number, handout in enumerate(content.library(), start=1):
            readings.save(Reading.of(handout.id).model_copy(update={"done": True, "done_on": today}))
            if number == 2:
                assert finished(database) == (None, None)
        assert finished(database) == (today, today)
        through_models(monkeypatch)
        assert plain(database, clock.now()) == expected(database, clock.now())
    finally:
        database.close()


def test_the_cards_path_imports_no_pydantic():
    """Today and every card, with all that is imported for them before they are drawn
    (starting.CARDS_NEED), come without pydantic or the models: they read a trusted file as stored."""
    code = (
        "import importlib\n"
        "from imr_companion.ui import starting\n"
        "for module in (*starting.CARDS_NEED, 'imr_companion.ui.today.screen'):\n"
        "    importlib.import_module(module)\n"
    )
    assert models_imported_by(code) == []

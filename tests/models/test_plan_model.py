"""My plan's models: what a review compares, when Today's notes show, what is refused."""

from __future__ import annotations

import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from imr_companion.models import CheckIn, Person, Plan, PlanVersion
from imr_companion.models.base import field_messages
from imr_companion.models.plan import (
    ActionStep,
    CrisisContact,
    Helper,
    Trigger,
    WarningSign,
    changes,
    entry_words,
    helper_reach,
    review_due,
    signs_note_due,
)
from imr_companion.store import Database, Repository

TODAY = date(2026, 3, 18)
SLEEP = WarningSign(id="sleep", text="Sleeping less", noticed_by="Maria")
PHONE = WarningSign(id="phone", text="Not answering the phone")


def checkins(*days_ago_with_signs: int, quiet: tuple[int, ...] = ()) -> list[CheckIn]:
    found = [CheckIn.for_day(TODAY - timedelta(days=n), [SLEEP]) for n in days_ago_with_signs]
    return found + [CheckIn.for_day(TODAY - timedelta(days=n), []) for n in quiet]


@pytest.mark.parametrize(
    ("noticed", "quiet", "expected"),
    [
        ((0, 1), (), 2),
        ((0, 2), (1,), 2),
        ((1, 2), (0,), 2),
        ((0,), (1, 2), 0),
        ((0, 3), (), 0),  # three days ago is outside "the last three days"
        ((0, 1, 2), (), 3),
        ((), (0, 1, 2), 0),
    ],
)
def test_signs_note_counts_days_with_signs_in_the_last_three(noticed, quiet, expected):
    plan = Plan(signs=[SLEEP])
    assert signs_note_due(plan, checkins(*noticed, quiet=quiet), TODAY) == expected


def test_the_person_can_change_the_note_numbers():
    one_of_one = Plan(signs=[SLEEP], note_days=1, note_window=1)
    assert signs_note_due(one_of_one, checkins(0), TODAY) == 1
    assert signs_note_due(one_of_one, checkins(1), TODAY) == 0
    with pytest.raises(ValidationError):
        Plan(note_days=4, note_window=3)
    with pytest.raises(ValidationError):
        Plan(review_days=0)


def test_one_check_in_per_day_by_its_id():
    first = CheckIn.for_day(TODAY, [SLEEP])
    again = CheckIn.for_day(TODAY, [])
    assert first.id == again.id == "checkin-2026-03-18"
    assert first.noticed[0].text == "Sleeping less" and again.noticed == []


def test_review_is_due_after_the_interval_from_the_last_review_or_the_start():
    begun = datetime(2025, 12, 1, 10, 0)
    plan = Plan(steps=[ActionStep(text="Call Maria")], created=begun)
    assert not review_due(plan, None, date(2026, 2, 27))
    assert review_due(plan, None, date(2026, 3, 1))
    assert not review_due(plan, date(2026, 3, 1), date(2026, 5, 29))
    assert review_due(plan, date(2026, 3, 1), date(2026, 5, 30))
    assert not review_due(Plan(created=begun), None, TODAY), "an empty plan has nothing to look over"


def test_changes_name_what_was_added_changed_taken_out_and_reordered():
    old = Plan(
        signs=[SLEEP, PHONE],
        triggers=[Trigger(id="t1", text="Arguments"), Trigger(id="t2", text="Money worries")],
    ).snapshot()
    new = Plan(
        signs=[SLEEP.model_copy(update={"text": "Sleeping less than six hours"})],
        triggers=[Trigger(id="t2", text="Money worries"), Trigger(id="t1", text="Arguments")],
        crisis=[CrisisContact(id="c1", name="Clinic", reach="020 555 0100")],
    ).snapshot()
    found = [(c.section.field, c.kind, c.words, c.before) for c in changes(old, new)]
    assert found == [
        ("triggers", "new order", "Money worries, Arguments", ""),
        (
            "signs",
            "changed",
            "Sleeping less than six hours (Maria may notice)",
            "Sleeping less (Maria may notice)",
        ),
        ("signs", "taken out", "Not answering the phone", ""),
        ("crisis", "added", "Clinic: 020 555 0100", ""),
    ]
    assert changes(new, new) == []
    assert [c.kind for c in changes(None, new)] == ["added"] * 4


def test_entries_linked_to_the_network_card_stay_current():
    maria = Person(id="maria", name="Maria", reach="06 555 0123", call_for_help=True, notices_signs=True)
    helper = Helper(person_id="maria", name="Maria", reach="")
    sign = WarningSign(text="Skipping meals", person_id="maria", noticed_by="Maria")
    people = {"maria": maria.model_copy(update={"name": "Maria B.", "reach": "06 555 0999"})}
    assert entry_words(helper, people) == ("Maria B.", "06 555 0999")
    assert entry_words(sign, people) == ("Skipping meals", "Maria B. may notice")
    # Removed from the network card: the copy kept in the plan still reads well.
    assert entry_words(helper, {}) == ("Maria", "")
    assert entry_words(sign, {}) == ("Skipping meals", "Maria may notice")
    assert helper_reach(Helper(name="Ali", reach="06 555 0187"), {}) == "06 555 0187"


def test_bad_entries_are_refused_with_calm_messages():
    with pytest.raises(ValidationError) as empty:
        ActionStep(text="   ")
    assert field_messages(empty.value)["text"] == "Please write a few words here first."
    with pytest.raises(ValidationError) as no_number:
        CrisisContact(name="Clinic", reach="")
    assert "reach" in field_messages(no_number.value)
    with pytest.raises(ValidationError):
        WarningSign(text="two\nlines")
    with pytest.raises(ValidationError):
        Plan(signs=[SLEEP, SLEEP])  # the same entry twice would confuse reviews and check-ins
    with pytest.raises(ValidationError):
        Plan(steps=[ActionStep(text=f"step {n}") for n in range(21)])


words = st.text(st.characters(codec=None, exclude_categories=()), max_size=120)


@settings(max_examples=60, deadline=None)
@given(text=words, name=words, reach=words)
def test_whatever_is_typed_is_stored_exactly_or_refused(text: str, name: str, reach: str):
    try:
        plan = Plan(
            signs=[WarningSign(text=text, noticed_by=name)],
            helpers=[Helper(name=name, reach=reach)],
        )
    except ValidationError:
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "d"
        db = Database.open(folder)
        Repository.of(db, Plan).save(plan)
        version = PlanVersion(content=plan.snapshot())
        Repository.of(db, PlanVersion).add(version)
        db.close()
        db = Database.open(folder)
        try:
            assert Repository.of(db, Plan).all() == [plan]
            assert Repository.of(db, PlanVersion).all() == [version]
        finally:
            db.close()

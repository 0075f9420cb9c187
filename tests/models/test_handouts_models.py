"""What the person keeps from the handouts: answers of each kind and how far they have read."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pydantic import ValidationError

from imr_companion.models import Answer, Reading
from imr_companion.models.base import field_messages
from imr_companion.models.handouts import answer_id, last_read
from imr_companion.progress import resume_at


def answer(kind: str, **values) -> Answer:
    return Answer(
        id=answer_id("sample", "question"), handout="sample", exercise="question", kind=kind, **values
    )


def test_each_kind_keeps_its_own_value_and_the_day_it_changed():
    assert answer("text", text=" My words ").text == "My words"
    assert answer("list", lines=["one", "two"]).lines == ["one", "two"]
    assert answer("checklist", ticked=["home"], other="My cat").other == "My cat"
    assert answer("choice", choice="a-few-friends").choice == "a-few-friends"
    kept = answer("checklist", ticked=["home"], unmatched=["Words from an older handout"])
    assert kept.unmatched == ["Words from an older handout"] and not kept.is_empty
    assert answer("choice", unmatched=["An older choice"]).choice is None


def test_ticks_and_choices_are_option_ids_never_words():
    # Words are looked up in the handout in the person's language; an answer keeps only ids.
    with pytest.raises(ValidationError):
        answer("checklist", ticked=["Home"])
    with pytest.raises(ValidationError):
        answer("choice", choice="A few friends")
    with pytest.raises(ValidationError):
        answer("text", text="x", unmatched=["y"])
    assert answer("rating", rating=4).rating == 4
    assert answer("rating", rating=4).changed == date(2026, 3, 18)


@pytest.mark.parametrize(
    ("kind", "values"),
    [
        ("text", {"rating": 3}),
        ("rating", {"text": "words"}),
        ("list", {"ticked": ["home"]}),
        ("choice", {"lines": ["a"]}),
    ],
)
def test_a_value_of_another_kind_is_refused(kind: str, values: dict):
    with pytest.raises(ValidationError):
        answer(kind, **values)


def test_limits_give_calm_messages_that_never_quote_the_answer():
    with pytest.raises(ValidationError) as error:
        answer("text", text="secret " * 400)
    message = field_messages(error.value)["text"]
    assert "up to 2,000 characters" in message and "secret" not in message
    with pytest.raises(ValidationError) as error:
        answer("list", lines=["fine", "  "])
    assert "a few words" in field_messages(error.value)["lines"]
    for rating in (0, 6):
        with pytest.raises(ValidationError):
            answer("rating", rating=rating)


def test_empty_and_same_value():
    assert answer("checklist").is_empty
    assert not answer("checklist", other="x").is_empty
    assert answer("list", lines=["a"]).same_value(answer("list", lines=["a"]))
    assert not answer("list", lines=["a"]).same_value(answer("list", lines=["a", "b"]))


def test_a_reading_is_kept_under_its_handouts_id():
    assert Reading.of("medication").id == "medication"
    with pytest.raises(ValidationError):
        Reading(id="other", handout="medication")
    with pytest.raises(ValidationError):
        Reading.of("medication").touched(read=["a", "a"])


SECTIONS = ["one", "two", "three", "four"]


@pytest.mark.parametrize(
    ("read", "current", "expected"),
    [
        ([], None, 0),
        (["one"], "two", 1),
        (["one"], "one", 1),
        (["one", "two"], "one", 2),
        (["three", "four"], "four", 0),
        (["one", "two", "four"], "four", 2),
        (SECTIONS, "three", 0),
        ([], "gone", 0),
    ],
)
def test_resume_opens_where_the_person_stopped_else_the_next_unread(read, current, expected):
    reading = Reading.of("sample").touched(read=read, current=current)
    assert isinstance(reading, Reading)
    assert resume_at(reading.read, reading.current, SECTIONS) == expected


def test_has_read_counts_only_the_sections_this_person_reads():
    reading = Reading.of("sample").touched(read=["one", "elsewhere"])
    assert isinstance(reading, Reading)
    assert reading.has_read(SECTIONS) == 1


def test_last_read_is_the_most_recently_changed():
    older = Reading(id="first", handout="first", updated=datetime(2026, 3, 1, 9))
    newer = Reading(id="second", handout="second", updated=datetime(2026, 3, 2, 9))
    assert last_read([newer, older]) is newer
    assert last_read([older, newer]) is newer
    assert last_read([]) is None

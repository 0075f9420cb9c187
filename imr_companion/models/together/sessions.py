"""Session notes: a dated note the person keeps after a session in IMR order.

A session follows the order of an IMR group meeting: a good moment, last
week's practice, the goal's next step, the next handout section, and this
week's practice. The note says what was done and with whom (the record's
`together_with`), in the person's own words where they add some.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from pydantic import Field

from imr_companion import clock
from imr_companion.i18n import N_, _
from imr_companion.models.base import Day, LongText, Record, RequiredShortText
from imr_companion.reaching.rhythm import next_checkup_day

NOTE_LIMIT = 2000
STEP_LINES = 12


class SessionNote(Record):
    day: Day = Field(default_factory=clock.today)
    done: list[RequiredShortText] = Field(default_factory=list, max_length=STEP_LINES)
    """One line for each step of the session, as it went ("A good moment: ..."): stored in English
    (`DONE_LINES`), whatever the language, and drawn in the person's language by `done_words`."""
    note: LongText = Field(default="", max_length=NOTE_LIMIT)
    """Anything the person would like to remember, in their own words."""


def newest_first(notes: list[SessionNote]) -> list[SessionNote]:
    return sorted(notes, key=lambda n: (n.day, n.created), reverse=True)


def with_whom(note: SessionNote) -> str:
    """'with Jo' or 'a check-up with myself': who was there, never who was missing."""
    if note.together_with:
        return _("with {name}").format(name=note.together_with)
    return _("a check-up with myself")


def next_checkup(notes: list[SessionNote], weeks: int, today: date) -> date | None:
    """Around when the next session is, at the rhythm the person chose; None without a rhythm.

    Never in the past: a later check-up than planned is simply "today is fine".
    """
    return next_checkup_day(max((note.day for note in notes), default=None), weeks, today)


# --- What a session did ---------------------------------------------------
# Each line of `SessionNote.done` is one of these, filled in with the person's own
# words, and kept in English like an id: the same note reads in Danish after a switch.

GOOD_MOMENT = N_("A good moment: {text}")
PRACTICE_NOTED = N_("Last week's practice: {what}. How it went: {note}")
PRACTICE = N_("Last week's practice: {what}.")
STEP_CLIMBED = N_("Goal step climbed: {step}")
NEW_STEP = N_("New step on the ladder: {step}")
READ = N_("Read: Module {number}, {section}")
THIS_WEEK = N_("This week's practice: {tasks}")
# The check-up after the program (ui/reaching/checkup.py): the plan and the network card looked over.
PLAN_FITS = N_("My plan: looked over, it still fits.")
PLAN_TO_CHANGE = N_("My plan: looked over, something to change.")
NETWORK_FITS = N_("Network card: looked over, it still fits.")
NETWORK_TO_CHANGE = N_("Network card: looked over, someone to add or change.")
SELF_CHECK_DONE = N_("Self-check: done.")
DONE_LINES = (
    GOOD_MOMENT,
    PRACTICE_NOTED,
    PRACTICE,
    STEP_CLIMBED,
    NEW_STEP,
    READ,
    THIS_WEEK,
    PLAN_FITS,
    PLAN_TO_CHANGE,
    NETWORK_FITS,
    NETWORK_TO_CHANGE,
    SELF_CHECK_DONE,
)
"""The longer of two that start alike comes first."""

TASKS_DONE = N_("{count} done")
TASKS_LET_GO = N_("{count} let go")
TALKED_OVER = N_("talked it over")


def practice_line(done: int, let_go: int, note: str) -> str:
    """Last week's practice, as stored (in English): "Last week's practice: 2 done, 1 let go."."""
    counts = [
        TASKS_DONE.format(count=done) if done else "",
        TASKS_LET_GO.format(count=let_go) if let_go else "",
    ]
    what = ", ".join(count for count in counts if count) or TALKED_OVER
    return PRACTICE_NOTED.format(what=what, note=note) if note else PRACTICE.format(what=what)


@lru_cache(maxsize=len(DONE_LINES))
def _pattern(line: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.*?)", re.escape(line)), re.DOTALL)


def _practice_words(what: str) -> str:
    if what == TALKED_OVER:
        return _(TALKED_OVER)
    words = []
    for part in what.split(", "):
        found = re.fullmatch(r"(\d+) (done|let go)", part)
        if found is None:
            return what
        shape = TASKS_DONE if found[2] == "done" else TASKS_LET_GO
        words.append(_(shape).format(count=int(found[1])))
    return ", ".join(words)


def done_words(line: str) -> str:
    """A stored line of what a session did, in the person's language (a line of another shape as it is)."""
    for shape in DONE_LINES:
        found = _pattern(shape).fullmatch(line)
        if found:
            values = found.groupdict()
            if "what" in values:
                values["what"] = _practice_words(values["what"])
            return _(shape).format(**values)
    return line

"""Sam's session notes: a session with Jo every few weeks, and now and then a check-up alone.

Invented, like all of Sam. Also what Sam would like Maria to do when she
notices the signs, for the supporter sheet.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from imr_companion.models import SessionNote, SupporterNote

CONTACT = "Jo"
MARIA_ID = "demo-person-maria"

_MOMENTS = [
    "A good moment: coffee with my sister on Sunday",
    "A good moment: finished the book I started",
    "A good moment: the garden group liked my tomatoes",
    "A good moment: slept well three nights in a row",
    "A good moment: a long walk by the river",
    "A good moment: cooked a proper dinner for Tom",
]
_PRACTICE = [
    "Last week's practice: 1 done. How it went: easier than I thought",
    "Last week's practice: 1 done, 1 let go. How it went: a busy week, that is fine",
    "Last week's practice: 2 done. How it went: the breathing helps at night",
    "Last week's practice: talked it over.",
]
_GOALS = [
    "Goal step climbed: Find out the opening times of the pool",
    "Goal step climbed: Walk to the corner shop and back",
    "New step on the ladder: Ask Maria to come along once",
    "Goal step climbed: Phone the allotment office",
]
_READ = [
    "Read: Module {n}, a new section",
    "Read: Module {n}, the worksheet part",
]
_NEXT = [
    "This week's practice: Slow breathing before bed",
    "This week's practice: Write down one good moment each day",
    "This week's practice: Call Ali once",
    "This week's practice: Go to the garden group on Thursday",
]
_NOTES = [
    "Jo thinks the plan is ready to show Maria.",
    "Felt tired but glad I came.",
    "Next time: look at the warning signs together again.",
    "",
    "Talked about going back to work part-time, later.",
    "",
]
_ALONE = [
    "A check-up on my own. The plan still fits.",
    "Quiet month. Kept going with the walks.",
    "",
]


def sessions_tables(rng: random.Random, start: date, end: date) -> dict[str, list[dict]]:
    notes: list[dict] = []
    day = start + timedelta(days=rng.randrange(7, 21))
    span = max(1, (end - start).days)
    while day <= end:
        # Sam read modules 1 to 10 with the group over the years, then module 11.
        module = min(11, 1 + (10 * (day - start).days) // span)
        alone = rng.random() < 0.2
        done = [rng.choice(_MOMENTS)]
        if rng.random() < 0.8:
            done.append(rng.choice(_PRACTICE))
        if rng.random() < 0.6:
            done.append(rng.choice(_GOALS))
        if not alone and rng.random() < 0.7:
            done.append(rng.choice(_READ).format(n=module))
        if rng.random() < 0.8:
            done.append(rng.choice(_NEXT))
        written = datetime.combine(day, time(10 + rng.randrange(6), rng.randrange(60)))
        note = SessionNote(
            day=day,
            done=done,
            note=rng.choice(_ALONE if alone else _NOTES),
            together_with=None if alone else CONTACT,
            created=written,
            updated=written,
        )
        notes.append(note.model_dump(mode="json"))
        day += timedelta(days=rng.choice((14, 21, 21, 28, 35)))
    return {"sessions": notes}


def supporters_tables(rng: random.Random, start: date, end: date) -> dict[str, list[dict]]:
    note = SupporterNote(
        id=MARIA_ID,
        asks="Ask me how I slept, gently. If it has been a few nights, remind me of my plan "
        "and offer to call Jo with me.",
        share_helpers=True,
        together_with=CONTACT,
    )
    return {"supporters": [note.model_dump(mode="json")]}

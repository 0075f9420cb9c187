"""Sam's session notes: a session with Jo every few weeks, and now and then a check-up alone.

Invented, like all of Sam. Also what Sam would like Maria to do when she
notices the signs, for the supporter sheet.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from imr_companion.demo.words import Sam
from imr_companion.models import SessionNote, SupporterNote

MARIA_ID = "demo-person-maria"
"""Maria's id on Sam's network card (sam.json), for the note on her supporter sheet."""


def sessions_tables(rng: random.Random, start: date, end: date, sam: Sam) -> dict[str, list[dict]]:
    # Each line as the session's screens write it, in Sam's language, with Sam's words in it.
    lines = sam.words["sessions"]
    notes: list[dict] = []
    day = start + timedelta(days=rng.randrange(7, 21))
    span = max(1, (end - start).days)
    while day <= end:
        # Sam read modules 1 to 10 with the group over the years, then module 11.
        module = min(11, 1 + (10 * (day - start).days) // span)
        alone = rng.random() < 0.2
        done = [rng.choice(lines["moments"])]
        if rng.random() < 0.8:
            done.append(rng.choice(lines["practice"]))
        if rng.random() < 0.6:
            done.append(rng.choice(lines["goals"]))
        if not alone and rng.random() < 0.7:
            done.append(rng.choice(lines["read"]).format(n=module))
        if rng.random() < 0.8:
            done.append(rng.choice(lines["next"]))
        written = datetime.combine(day, time(10 + rng.randrange(6), rng.randrange(60)))
        note = SessionNote(
            day=day,
            done=done,
            note=rng.choice(lines["alone"] if alone else lines["notes"]),
            together_with=None if alone else sam.contact,
            created=written,
            updated=written,
        )
        notes.append(note.model_dump(mode="json"))
        day += timedelta(days=rng.choice((14, 21, 21, 28, 35)))
    return {"sessions": notes}


def supporters_tables(rng: random.Random, start: date, end: date, sam: Sam) -> dict[str, list[dict]]:
    note = SupporterNote(
        id=MARIA_ID,
        asks=sam.words["sessions"]["supporter_asks"],
        share_helpers=True,
        together_with=sam.contact,
    )
    return {"supporters": [note.model_dump(mode="json")]}

"""My plan on paper, and what Help now shows first: the emergency number and the people to call.

One builder for every printed plan (the share page, My plan's file, the
Markdown export), so they all say the same. The people to call are the ones
Help now lists (models/people_to_call.py): the plan's helpers and the people
on the network card marked "I call them when I need help", each once. The
person marked them for exactly this, so they are on the printed plan too.
"""

from __future__ import annotations

import os

from imr_companion.emergency import route_for
from imr_companion.i18n import N_, _
from imr_companion.models.network import Person
from imr_companion.models.people_to_call import PersonToCall, people_to_call
from imr_companion.models.plan import SECTIONS, CrisisContact, Entry, entry_words
from imr_companion.sharing.blocks import Block, Heading, Item, Items, Paragraph
from imr_companion.store import Database
from imr_companion.store.queries.plan import load_plan, people_by_id

EMERGENCY_TITLE = N_("In an emergency")
NOTHING_IN_THE_PLAN = N_("Nothing written in the plan yet.")
NOTHING_HERE = N_("Nothing written here yet.")


def emergency_blocks(database: Database, level: int) -> list[Block]:
    """The number Help now shows first: the person's own, else their region's, else words to call it."""
    settings = database.settings()
    route = route_for(settings.emergency_number, settings.region, os.environ)
    # In Denmark more lines follow the first (urgent help by region, someone to talk to): as on screen.
    lines: list[Block] = [
        Items((Item(line.number, label=line.label),)) if line.number else Paragraph(line.label)
        for line in route.lines
    ]
    return [Heading(level, _(EMERGENCY_TITLE)), *lines]


def caller_items(callers: list[PersonToCall]) -> Items:
    return Items(tuple(Item(caller.number, label=caller.name) for caller in callers))


def plan_blocks(database: Database, level: int = 3, empty_sections: bool = False) -> list[Block]:
    """The emergency number, then the plan's sections; `empty_sections` says which are still open."""
    plan = load_plan(database)
    people = people_by_id(database)
    callers = people_to_call(plan, people)
    blocks = emergency_blocks(database, level)
    if plan.is_empty and not callers:
        return [*blocks, Paragraph(_(NOTHING_IN_THE_PLAN))]
    for section in SECTIONS:
        if section.field == "helpers":
            shown = caller_items(callers).items
        else:
            shown = tuple(_item(entry, people) for entry in getattr(plan, section.field))
        if shown:
            blocks += [Heading(level, _(section.title)), Items(shown, numbered=section.field == "steps")]
        elif empty_sections:
            blocks += [Heading(level, _(section.title)), Paragraph(_(NOTHING_HERE))]
    return blocks


def _item(entry: Entry, people: dict[str, Person]) -> Item:
    text, detail = entry_words(entry, people)
    if isinstance(entry, CrisisContact):
        return Item(detail, label=text)
    return Item(f"{text} ({detail})" if detail else text)

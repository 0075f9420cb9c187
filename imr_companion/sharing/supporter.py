"""A supporter sheet: one page for one person from the network card, with only their part.

It holds the warning signs they were marked to notice, what the person would
like them to do then, the emergency number, and (only when the person ticked
it) how to reach the other people the person calls for help, and (when
ticked too) the things that help them most, to support. Nothing else from
the plan, the goals or the answers.
"""

from __future__ import annotations

import re

from imr_companion import clock
from imr_companion.i18n import _, date_words
from imr_companion.models import Person, SupporterNote
from imr_companion.sharing.blocks import Block, Heading, Page, Paragraph, items
from imr_companion.sharing.plan import caller_items, emergency_blocks
from imr_companion.store import Database, Repository
from imr_companion.store.queries.people_to_call import load_people_to_call
from imr_companion.store.queries.plan import load_plan

SUPPORTED = 5
"""Things that help the person, the most first, on a supporter sheet."""


class NoSuchPerson(LookupError):
    """No one (or more than one) on the network card has that name; str() says which, calmly."""


def find_person(database: Database, name: str) -> Person:
    """The person called `name` on the network card (case does not matter; a unique start is enough)."""
    wanted = " ".join(name.split()).casefold()
    people = Repository.of(database, Person).all()
    exact = [p for p in people if p.name.casefold() == wanted]
    found = exact or [p for p in people if wanted and p.name.casefold().startswith(wanted)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise NoSuchPerson(_("There is nobody with that name on the network card."))
    raise NoSuchPerson(
        _("More than one person on the network card has a name like that; please write it whole.")
    )


def note_for(database: Database, person: Person) -> SupporterNote:
    """What the person wrote for this supporter; a new, empty note when nothing yet."""
    return Repository.of(database, SupporterNote).get(person.id) or SupporterNote(id=person.id)


def same_person(name: str, other: str) -> bool:
    """'Maria' typed in the plan and 'Maria (sister)' on the card are the same person."""
    return _bare(name) == _bare(other) != ""


def _bare(name: str) -> str:
    return " ".join(re.sub(r"\([^)]*\)", " ", name).split()).casefold()


def signs_for(database: Database, person: Person) -> list[str]:
    """The early warning signs this supporter was marked to notice, in the plan's order."""
    plan = load_plan(database)
    return [
        sign.text
        for sign in plan.signs
        if sign.person_id == person.id or (not sign.person_id and same_person(sign.noticed_by, person.name))
    ]


def supporter_page(database: Database, person: Person, note: SupporterNote | None = None) -> Page:
    """The sheet for `person`, with `note` (what the person wrote for them; the stored one by default).

    Written in the person's own voice throughout ("I would like you to know"),
    with the emergency number Help now shows first, and (when ticked) the
    other people Help now lists to call.
    """
    first_name = database.settings().first_name
    note = note or note_for(database, person)
    title = (
        _("For {name}, from {first_name}").format(name=person.name, first_name=first_name)
        if first_name
        else _("For {name}").format(name=person.name)
    )
    today = date_words(clock.today(), "date")
    page = Page(
        title,
        _("I would like you to know this. Written out on {date}. Please keep it private.").format(date=today),
    )
    blocks: list[Block] = []
    signs = signs_for(database, person)
    if signs:
        blocks += [
            Heading(2, _("Signs you may notice")),
            Paragraph(
                _("These small changes came before a difficult time. You may notice them before I do.")
            ),
            items(signs),
            Heading(2, _("What I would like you to do then")),
        ]
    else:
        blocks.append(Heading(2, _("What I would like you to do if you are worried about me")))
    blocks.append(Paragraph(note.asks or _("Please talk with me about it, calmly.")))
    blocks += emergency_blocks(database, 2)
    if note.share_helpers:
        others = [
            caller
            for caller in load_people_to_call(database)
            if caller.person_id != person.id and not same_person(caller.name, person.name)
        ]
        if others:
            blocks += [Heading(2, _("Other people I can call")), caller_items(others)]
    if note.share_coping:
        blocks += coping_blocks(database)
    page.blocks = blocks
    return page


def coping_blocks(database: Database) -> list[Block]:
    """The things that helped the person most, for a supporter to encourage (none: nothing said)."""
    from imr_companion.models.coping import helped_well
    from imr_companion.store.queries.coping import strategies, words

    helped = helped_well(strategies(database), SUPPORTED)
    if not helped:
        return []
    return [
        Heading(2, _("What helps me, that you can support")),
        Paragraph(_("These have helped me before. You can remind me of them, or do them with me.")),
        items([words(strategy) for strategy in helped]),
    ]

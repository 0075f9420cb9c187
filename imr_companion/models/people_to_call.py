"""The one list of people to call when help is needed: the plan's helpers and the network card's marks.

A helper picked from the network card and a person marked "I call them when
I need help" are the same person, with one number: the card's. A helper
written only in the plan keeps their number in the plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from imr_companion.models.network import Person
from imr_companion.models.plan import Plan


@dataclass(frozen=True)
class PersonToCall:
    name: str
    number: str
    person_id: str | None = None
    """On the network card: the number lives there."""
    helper_id: str | None = None
    """In the plan's "People who can help"."""


def _same_name(name: str) -> str:
    return " ".join(name.casefold().split())


def _same_number(number: str) -> str:
    """The digits of a phone number ('06 555-0123' and '065550123' are one number); '' for none."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return digits if len(digits) >= 3 else ""


def people_to_call(plan: Plan, people: dict[str, Person]) -> list[PersonToCall]:
    """Everyone to call, each once: the plan's helpers in their order, then the card's marked people by name.

    A plan helper written by hand with the same name or number as a marked
    person on the card is taken to be that person. Crisis contacts are listed
    by Help now on their own, so a helper with a crisis contact's name or
    number is not repeated.
    """
    found: list[PersonToCall] = []
    seen_people: set[str] = set()
    seen_names = {_same_name(contact.name) for contact in plan.crisis}
    seen_numbers = {_same_number(contact.reach) for contact in plan.crisis} - {""}
    marked = sorted((p for p in people.values() if p.call_for_help), key=lambda p: p.name.casefold())
    by_name = {_same_name(p.name): p for p in reversed(marked)}
    for helper in plan.helpers:
        person = people.get(helper.person_id) if helper.person_id else None
        if person is None:
            person = by_name.get(_same_name(helper.name))
        if person is not None and person.id in seen_people:
            continue
        name = person.name if person else helper.name
        number = (person.reach if person else "") or helper.reach
        if person is None and (_same_name(name) in seen_names or _same_number(number) in seen_numbers):
            continue
        found.append(PersonToCall(name, number, person.id if person else None, helper.id))
        seen_names.add(_same_name(name))
        seen_numbers.add(_same_number(number))
        seen_numbers.discard("")
        if person is not None:
            seen_people.add(person.id)
    for person in marked:
        if (
            person.id in seen_people
            or _same_name(person.name) in seen_names
            or _same_number(person.reach) in seen_numbers
        ):
            continue
        found.append(PersonToCall(person.name, person.reach, person.id, None))
        seen_people.add(person.id)
        seen_names.add(_same_name(person.name))
        seen_numbers.add(_same_number(person.reach))
        seen_numbers.discard("")
    return found

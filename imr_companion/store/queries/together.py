"""Who can be picked as "together with": the people on the network card, helpers first."""

from __future__ import annotations

from imr_companion.models import Person
from imr_companion.models.network import RINGS, LifeArea
from imr_companion.store import Database, Repository


def people_to_pick(database: Database) -> list[str]:
    """Names from the network card: health and support services first (contact persons are there)."""
    people = Repository.of(database, Person).all()

    def order(person: Person) -> tuple:
        return (person.area is not LifeArea.SERVICES, RINGS.index(person.ring), person.name.casefold())

    names: list[str] = []
    for person in sorted(people, key=order):
        if person.name not in names:
            names.append(person.name)
    return names

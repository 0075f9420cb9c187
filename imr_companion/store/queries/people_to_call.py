"""Reading the people to call and giving one of them a number, for Help now and the plan."""

from __future__ import annotations

from imr_companion.models import Person
from imr_companion.models.people_to_call import PersonToCall, people_to_call
from imr_companion.models.plan import Helper
from imr_companion.store import Database, Repository
from imr_companion.store.queries.plan import load_plan, people_by_id, save_plan


def load_people_to_call(database: Database) -> list[PersonToCall]:
    return people_to_call(load_plan(database), people_by_id(database))


def set_number(database: Database, who: PersonToCall, number: str) -> None:
    """Give `who` this number wherever they are written: on the network card and in the plan.

    Raises pydantic's ValidationError (field "reach") for a number that cannot
    be stored, before anything is written, and SaveError when it could not be
    written.
    """
    number = Helper.model_validate({"name": who.name or "-", "reach": number}).reach
    if who.person_id:
        people = Repository.of(database, Person)
        person = people.get(who.person_id)
        if person is not None and person.reach != number:
            people.save(person.touched(reach=number))
    if who.helper_id:
        plan = load_plan(database)
        helpers = [
            {**helper.model_dump(), "reach": number} if helper.id == who.helper_id else helper.model_dump()
            for helper in plan.helpers
        ]
        save_plan(database, plan.touched(helpers=helpers))

"""The together mark, given by the store alone: to what is written or changed beside a contact person,
kept once given."""

from __future__ import annotations

from datetime import date

from imr_companion.models import Answer, Goal, Moment, Person, Plan, Reading
from imr_companion.models.goals import Step
from imr_companion.models.plan import Item
from imr_companion.store import Database, Repository


def stored(database: Database, model, record_id: str):
    return Repository.of(database, model).get(record_id)


def test_what_is_written_beside_a_contact_person_is_marked_with_their_name(database: Database):
    moments = Repository.of(database, Moment)
    alone = moments.add(Moment(text="Tea alone"))
    database.together_with = "Anne"
    together = moments.add(Moment(text="Tea with Anne there"))
    assert together.together_with == "Anne"
    assert stored(database, Moment, together.id).together_with == "Anne"
    assert stored(database, Moment, alone.id).together_with is None
    database.together_with = None
    assert moments.add(Moment(text="Alone again")).together_with is None


def test_a_mark_is_kept_when_the_record_is_changed_later_alone_or_with_someone_else(database: Database):
    people = Repository.of(database, Person)
    database.together_with = "Anne"
    jo = people.add(Person(name="Jo"))
    database.together_with = None
    people.save(jo.touched(note="Changed alone"))
    assert stored(database, Person, jo.id).together_with == "Anne"
    database.together_with = "Bob"
    people.save(stored(database, Person, jo.id).touched(note="Changed with Bob"))
    assert stored(database, Person, jo.id).together_with == "Anne"


def test_a_save_that_forgot_the_mark_gets_it_back(database: Database):
    answers = Repository.of(database, Answer)
    database.together_with = "Anne"
    answer = Answer(handout="recovery-strategies", exercise="recovery-means", kind="text", text="Me")
    first = answers.add(answer)
    database.together_with = None
    # A form that builds its record anew, without the mark.
    rebuilt = Answer.model_validate({**first.model_dump(), "text": "Me, more", "together_with": None})
    assert answers.save(rebuilt).together_with == "Anne"
    assert stored(database, Answer, first.id).together_with == "Anne"


def test_a_record_written_alone_is_marked_when_changed_together(database: Database):
    moments = Repository.of(database, Moment)
    moment = moments.add(Moment(text="A walk"))
    database.together_with = "Anne"
    moments.save(moment.touched(text="A walk in the sun"))
    assert stored(database, Moment, moment.id).together_with == "Anne"


def test_saving_what_did_not_change_or_only_moved_is_not_writing(database: Database):
    goals = Repository.of(database, Goal)
    steps = [Step(text="Find the pool"), Step(text="Buy a towel")]
    goal = goals.add(Goal(text="Swim again", steps=steps))
    plan = Repository.of(database, Plan).add(Plan(well=[Item(text="Cooking"), Item(text="Walks")]))
    database.together_with = "Anne"
    goals.save(goal.made_current_now())  # chosen as the current goal
    goals.save(goal.touched(steps=list(reversed(goal.steps))))  # steps moved
    Repository.of(database, Plan).save(plan.touched(well=list(reversed(plan.well))))  # entries moved
    goal_now = stored(database, Goal, goal.id)
    assert goal_now.together_with is None
    assert [s.together_with for s in goal_now.steps] == [None, None]
    assert stored(database, Plan, plan.id).together_with is None


def test_reading_is_never_marked_as_written_together(database: Database):
    database.together_with = "Anne"
    reading = Repository.of(database, Reading).save(Reading.of("recovery-strategies"))
    assert reading.together_with is None
    assert stored(database, Reading, "recovery-strategies").together_with is None


def test_a_step_climbed_or_written_together_is_marked_itself_and_keeps_its_mark(database: Database):
    goals = Repository.of(database, Goal)
    goal = goals.add(Goal(text="Swim again", steps=[Step(text="Find the pool"), Step(text="Buy a towel")]))
    first = goal.steps[0]
    database.together_with = "Anne"
    goals.save(goal.step_done(first.id, date(2026, 3, 9)))
    new = Step(text="Go once")
    goals.save(stored(database, Goal, goal.id).with_step(new))
    database.together_with = "Bob"
    goals.save(stored(database, Goal, goal.id).step_done(new.id))
    database.together_with = None
    # Changed alone from a copy that lost every step's mark.
    bare = stored(database, Goal, goal.id)
    goals.save(bare.touched(steps=[s.model_copy(update={"together_with": None}) for s in bare.steps]))
    marks = {s.text: s.together_with for s in stored(database, Goal, goal.id).steps}
    assert marks == {"Find the pool": "Anne", "Buy a towel": None, "Go once": "Anne"}
    assert stored(database, Goal, goal.id).together_with is None  # the goal's own words were not changed


def test_a_plan_changed_together_is_marked(database: Database):
    plans = Repository.of(database, Plan)
    plan = plans.add(Plan(well=[Item(text="Cooking")]))
    database.together_with = "Anne"
    plans.save(plan.touched(well=[Item(id=plan.well[0].id, text="Cooking for friends")]))
    assert stored(database, Plan, plan.id).together_with == "Anne"

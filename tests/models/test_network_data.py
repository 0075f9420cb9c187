"""The network card's data: stored exactly, exported completely, printed cleanly, and in the demo."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from imr_companion import demo
from imr_companion.cli import main
from imr_companion.export import to_markdown
from imr_companion.models.network import (
    ContactFrequency,
    HelpKind,
    LifeArea,
    Person,
    Ring,
    Wish,
    card_order,
    facts,
    moved_area,
    moved_ring,
    summary,
)
from imr_companion.store import Database, Repository

any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=120)


def card(folder: Path) -> None:
    db = Database.open(folder)
    repo = Repository.of(db, Person)
    repo.add(
        Person(
            name="Mum",
            area=LifeArea.FAMILY,
            ring=Ring.VERY_CLOSE,
            helps_with=[HelpKind.LISTENING, HelpKind.PRACTICAL],
            contact=ContactFrequency.DAILY,
            wish=Wish.SAME,
            reach="07700 900123",
            note="Sunday dinners",
            notices_signs=True,
            call_for_help=True,
            together_with="Jo",
        )
    )
    repo.add(Person(name="Ali", area=LifeArea.FRIENDS, ring=Ring.CLOSE, helps_with=[HelpKind.COMPANY]))
    repo.add(Person(name="Ali", area=LifeArea.ACTIVITIES, ring=Ring.CLOSE))
    repo.add(Person(name="*Dr* _Lind_", area=LifeArea.SERVICES, ring=Ring.FURTHER))
    db.close()


def run(*args: str) -> int:
    try:
        return main(list(args))
    except SystemExit as exit_:
        return int(exit_.code or 0)


def test_json_export_then_import_then_export_gives_the_same_people(data_dir: Path, tmp_path: Path):
    card(data_dir)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert run("export", "--data-dir", str(data_dir), "--output", str(first)) == 0
    fresh = tmp_path / "fresh"
    assert run("import", str(first), "--data-dir", str(fresh)) == 0
    assert run("export", "--data-dir", str(fresh), "--output", str(second)) == 0
    one, two = json.loads(first.read_text()), json.loads(second.read_text())
    assert len(one["tables"]["people"]) == 4
    assert one["tables"]["people"] == two["tables"]["people"]


def test_markdown_draws_the_card_by_ring_and_life_area(database):
    db_folder = database.folder
    database.close()
    card(db_folder)
    db = Database.read_only(db_folder)
    text = to_markdown(db)
    section = text[text.index("## My network card") :]
    # Drawn as the shared page draws it (sharing/parts.py): the map with its count of each ring, then a
    # heading for each ring and life area.
    assert "Rings from Me: very close 1, close 2, further away 1." in section
    order = ["### Very close: family", "- **Mum**", "### Close: friends", "### Close: work, school"]
    positions = [section.index(part) for part in order]
    assert positions == sorted(positions)
    mum = next(line for line in section.splitlines() if line.startswith("- **Mum**"))
    assert "Helps with listening and practical help." in mum
    assert "In touch every day; this much contact feels right." in mum
    assert "Notices my early warning signs; I call them when I need help." in mum
    assert "Reach: 07700 900123." in mum and "Note: Sunday dinners." in mum and "together with Jo" in mum
    assert section.count("- **Ali**") == 2
    # Typed asterisks and underscores print as typed, not as formatting.
    assert r"- **\*Dr\* \_Lind\_**" in section
    # On paper, in the person's voice, and no hint to the app.
    assert "I have people for listening, practical help and company." in section
    assert "you can add them" not in section


def test_an_empty_card_leaves_the_markdown_alone(database):
    assert "network card" not in to_markdown(database)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=any_text, reach=any_text, note=any_text)
def test_a_person_round_trips_or_is_refused(name: str, reach: str, note: str):
    try:
        person = Person(name=name, reach=reach, note=note)
    except ValidationError:
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "d"
        db = Database.open(folder)
        Repository.of(db, Person).add(person)
        db.close()
        db = Database.open(folder)
        assert Repository.of(db, Person).all() == [person]
        db.close()


def test_an_empty_name_is_refused():
    for name in ("", "   ", "\t"):
        try:
            Person(name=name)
        except ValidationError:
            continue
        raise AssertionError(f"accepted {name!r}")


def test_closer_further_and_round_the_areas():
    assert moved_ring(Ring.CLOSE, -1) == Ring.VERY_CLOSE
    assert moved_ring(Ring.VERY_CLOSE, -1) is None
    assert moved_ring(Ring.FURTHER, 1) is None
    assert moved_area(LifeArea.SERVICES, 1) == LifeArea.FAMILY
    assert moved_area(LifeArea.FAMILY, -1) == LifeArea.SERVICES


def test_summary_is_kind_and_specific():
    assert summary([]) == []
    nobody_helps = summary([Person(name="Kim")])
    assert nobody_helps == ["When you are ready, you can note how each person helps you."]
    everyone = summary([Person(name="Kim", helps_with=list(HelpKind))])
    assert everyone[0].startswith("You have people for every kind of help")
    some = summary(
        [Person(name="Kim", helps_with=[HelpKind.LISTENING]), Person(name="Lou", notices_signs=True)]
    )
    assert some == [
        "You have people for listening. "
        "If someone comes to mind for practical help, advice, company or help in a crisis, "
        "you can add them any time.",
        "1 person notices your early warning signs.",
    ]


def test_facts_read_as_plain_sentences():
    person = Person(
        name="Ali", helps_with=[HelpKind.COMPANY, HelpKind.LISTENING], wish=Wish.MORE, call_for_help=True
    )
    assert facts(person) == [
        "Close, friends.",
        "Helps with listening and company.",
        "I would like more contact.",
        "I call them when I need help.",
    ]


def test_card_order_is_by_ring_then_area_then_name_and_keeps_twins_apart():
    a1 = Person(name="Ali", area=LifeArea.FRIENDS)
    a2 = Person(name="ali", area=LifeArea.FRIENDS)
    mum = Person(name="Mum", area=LifeArea.FAMILY, ring=Ring.VERY_CLOSE)
    gp = Person(name="Dr B", area=LifeArea.SERVICES)
    ordered = card_order([gp, a2, mum, a1])
    assert ordered[0] is mum and ordered[-1] is gp
    assert {ordered[1].id, ordered[2].id} == {a1.id, a2.id}


def test_the_demo_person_has_a_realistic_network_card():
    document = demo.build(10)
    people = [Person.model_validate(record) for record in document["people"].values()]
    assert 15 <= len(people) <= 25
    assert {person.ring for person in people} == set(Ring)
    assert {person.area for person in people} == set(LifeArea)
    assert any(person.notices_signs for person in people)
    assert any(person.call_for_help for person in people)
    assert len({person.id for person in people}) == len(people)
    assert all(person.created <= person.updated for person in people)

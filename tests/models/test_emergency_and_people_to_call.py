"""The emergency number for a region, and the one list of people to call."""

from __future__ import annotations

import pytest

from imr_companion.emergency import (
    REGIONS,
    emergency_route,
    region_for_locale,
    region_from_environment,
)
from imr_companion.models import Person
from imr_companion.models.people_to_call import people_to_call
from imr_companion.models.plan import CrisisContact, Helper, Plan


@pytest.mark.parametrize(
    ("tag", "region"),
    [
        ("da_DK.UTF-8", "dk"),
        ("de_DE.UTF-8", "eu"),
        ("nb_NO.UTF-8", "eu"),
        ("fr_CH", "eu"),
        ("en-GB", "gb"),
        ("en_US.UTF-8", "us"),
        ("fr_CA.UTF-8", "ca"),
        ("en_AU.UTF-8", "au"),
        ("en_NZ.UTF-8", "nz"),
        ("pt_BR.UTF-8", None),
        ("en", None),
        ("", None),
        ("C.UTF-8", None),
    ],
)
def test_the_region_comes_from_the_locale(tag: str, region: str | None):
    assert region_for_locale(tag) == region


def test_lc_all_wins_and_c_means_unknown():
    assert region_from_environment({"LC_ALL": "en_GB.UTF-8", "LANG": "da_DK.UTF-8"}) == "gb"
    assert region_from_environment({"LANG": "C"}) is None
    assert region_from_environment({}) is None


def test_only_well_known_numbers_and_never_an_invented_one():
    numbers = {region.code: region.number for region in REGIONS}
    assert numbers == {
        "dk": "112",
        "eu": "112",
        "gb": "999",
        "us": "911",
        "ca": "911",
        "au": "000",
        "nz": "111",
        "other": "",
    }
    assert emergency_route("", None).number == ""
    assert "local emergency number" in emergency_route("", "other").label
    assert emergency_route(" 70 10 ", "dk").number == "70 10"
    assert emergency_route("", "dk").number == "112"


def test_people_to_call_are_each_listed_once_with_the_cards_number():
    maria = Person(id="maria", name="Maria", reach="06 1", call_for_help=True)
    jo = Person(id="jo", name="Jo", reach="", call_for_help=True)
    kim = Person(id="kim", name="Kim", reach="06 3")
    plan = Plan(
        helpers=[
            Helper(id="h1", person_id="maria", name="Maria", reach="old"),
            Helper(id="h2", name="jo", reach="06 2"),  # typed by hand: the same Jo
            Helper(id="h3", name="Clinic", reach="020"),
        ],
        crisis=[CrisisContact(id="c1", name="Clinic", reach="020")],
    )
    found = people_to_call(plan, {p.id: p for p in (maria, jo, kim)})
    assert [(p.name, p.number, p.person_id, p.helper_id) for p in found] == [
        ("Maria", "06 1", "maria", "h1"),
        ("Jo", "06 2", "jo", "h2"),
    ]


def test_the_same_number_under_another_name_is_one_person():
    maria = Person(id="maria", name="Maria (sister)", reach="06 555 0123", call_for_help=True)
    tom = Person(id="tom", name="Tom", call_for_help=True)
    lea = Person(id="lea", name="Lea", call_for_help=True)  # no numbers: never "the same number"
    plan = Plan(helpers=[Helper(id="h1", name="Maria (my sister)", reach="065550123")])
    found = people_to_call(plan, {p.id: p for p in (maria, tom, lea)})
    assert [p.name for p in found] == ["Maria (my sister)", "Lea", "Tom"]

"""The printed plan and the supporter sheet say what matters, as Help now does, in the person's own voice."""

from __future__ import annotations

from pathlib import Path

import pytest

from imr_companion.export import plan_markdown, to_markdown
from imr_companion.models import Person, Settings, SupporterNote
from imr_companion.models.network import HelpKind
from imr_companion.sharing.formats import render
from imr_companion.sharing.parts import PARTS, Choice, shared_page
from imr_companion.sharing.supporter import find_person, supporter_page
from imr_companion.store import Database, Repository
from tests.together_seed import seed_everything

# On the card, marked "I call them when I need help", but not among the plan's helpers.
NEIGHBOUR = Person(id="kim", name="Kim next door", reach="KIM-REACH", call_for_help=True)
APP_HINTS = ["When you are ready", "you can add", "press ", "Press ", "key ", "No signs are marked"]


def seeded(folder: Path, *, region: str | None = "dk", own_number: str = "") -> Database:
    seed_everything(folder)
    db = Database.open(folder)
    settings = db.settings()
    db.save_settings(Settings(**{**settings.model_dump(), "region": region, "emergency_number": own_number}))
    Repository.of(db, Person).add(NEIGHBOUR)
    db.close()
    return Database.read_only(folder)


def printed_plans(db: Database) -> dict[str, str]:
    page = shared_page(db, Choice(("plan",)))
    return {
        "page to print": render(page, "html"),
        "plain text file": render(page, "markdown"),
        "My plan's file": plan_markdown(db),
        "the whole export": to_markdown(db),
    }


@pytest.mark.parametrize("which", ["page to print", "plain text file", "My plan's file", "the whole export"])
def test_the_printed_plan_shows_the_emergency_number_and_the_people_to_call(data_dir: Path, which: str):
    text = printed_plans(seeded(data_dir))[which]
    assert "In an emergency" in text and "If life is in danger" in text and "112" in text
    # As Help now lists them: the plan's helpers, then the card's people marked to call, each once.
    assert "Uncle Tom" in text and "HELPER-TOM-REACH" in text
    assert "Kim next door" in text and "KIM-REACH" in text
    assert text.count("Kim next door") == (2 if which == "the whole export" else 1)  # there also on the card
    assert text.index("In an emergency") < text.index("When I am well")


def test_the_persons_own_number_comes_first_and_no_region_says_what_to_call(data_dir: Path, tmp_path: Path):
    own = printed_plans(seeded(data_dir, own_number="55 55 55 55"))["plain text file"]
    assert "**My emergency number**: 55 55 55 55" in own and "112" not in own
    nowhere = printed_plans(seeded(tmp_path / "other", region="other"))["plain text file"]
    assert "In an emergency, call your local emergency number." in nowhere


def test_an_empty_plan_still_prints_the_number_and_the_people_to_call(tmp_path: Path):
    folder = tmp_path / "data"
    from tests.helpers import welcomed

    welcomed(folder, "Alex")
    db = Database.open(folder)
    Repository.of(db, Person).add(NEIGHBOUR)
    db.close()
    text = plan_markdown(Database.read_only(folder))
    assert "In an emergency" in text and "Kim next door" in text and "KIM-REACH" in text


def test_no_app_hints_on_paper(data_dir: Path):
    db = seeded(data_dir)
    # Nobody's help is written down yet: the screen would suggest noting it; paper does not.
    page = render(shared_page(db, Choice(PARTS)), "markdown")
    whole = to_markdown(db)
    sheets = [render(supporter_page(db, p), "markdown") for p in Repository.of(db, Person).all()]
    for text in [page, whole, *sheets]:
        assert not [hint for hint in APP_HINTS if hint in text], text


def test_the_network_part_speaks_in_the_persons_voice(data_dir: Path):
    db = seeded(data_dir)
    text = render(shared_page(db, Choice(("network",))), "markdown")
    assert "2 people notice my early warning signs." in text
    assert "I call 1 person when I need help." in text


def test_the_network_part_names_the_help_there_is(data_dir: Path):
    seed_everything(data_dir)
    db = Database.open(data_dir)
    people = Repository.of(db, Person)
    people.save(people.get("jo").touched(helps_with=[HelpKind.LISTENING, HelpKind.ADVICE]))
    db.close()
    text = render(shared_page(Database.read_only(data_dir), Choice(("network",))), "markdown")
    assert "I have people for listening and advice." in text
    assert "you can add" not in text


def test_the_supporter_sheet_speaks_in_one_voice_and_gives_the_emergency_number(data_dir: Path):
    db = seeded(data_dir)
    text = render(supporter_page(db, find_person(db, "maria")), "markdown")
    assert "I would like you to know this." in text
    assert "Alex would like" not in text
    assert "You may notice them before I do." in text
    assert "**If life is in danger**: 112" in text
    # Not ticked: nobody else's number.
    assert "KIM-REACH" not in text and "HELPER-TOM-REACH" not in text


def test_the_supporter_sheet_lists_the_people_to_call_as_help_now_does_when_ticked(data_dir: Path):
    seeded(data_dir)
    db = Database.open(data_dir)
    Repository.of(db, SupporterNote).save(SupporterNote(id="maria", share_helpers=True))
    db.close()
    db = Database.read_only(data_dir)
    text = render(supporter_page(db, find_person(db, "maria")), "markdown")
    assert "## Other people I can call" in text
    assert "**Kim next door**: KIM-REACH" in text and "**Uncle Tom**: HELPER-TOM-REACH" in text
    assert "MARKER-MARIA-REACH" not in text, "she is not among her own other people"


def test_a_supporter_with_no_signs_gets_no_word_about_marks(data_dir: Path):
    db = seeded(data_dir)
    text = render(supporter_page(db, find_person(db, "jo")), "markdown")
    assert "Signs you may notice" not in text and "marked" not in text
    assert "## What I would like you to do if you are worried about me" in text

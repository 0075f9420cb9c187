"""The supporter sheet holds that person's part and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from imr_companion.models import SupporterNote
from imr_companion.sharing.formats import render
from imr_companion.sharing.supporter import NoSuchPerson, find_person, supporter_page
from imr_companion.store import Database, Repository
from tests.together_seed import NEVER_SHARED, PART_MARKERS, seed_everything


@pytest.fixture
def seeded(data_dir: Path) -> Database:
    seed_everything(data_dir)
    return Database.read_only(data_dir)


@pytest.mark.parametrize("kind", ["markdown", "html"])
def test_holds_only_their_signs_and_what_to_do(seeded: Database, kind: str):
    text = render(supporter_page(seeded, find_person(seeded, "maria")), kind)
    assert "SIGN-FOR-MARIA" in text and "ALSO-FOR-MARIA" in text and "ASK-FOR-MARIA" in text
    assert "MARKER" not in text, "something from outside Maria's part is on her sheet"
    # Not ticked: the other helpers are not on it.
    assert "HELPER-TOM-REACH" not in text and "Uncle Tom" not in text


def test_other_helpers_only_when_ticked(seeded: Database, data_dir: Path):
    db = Database.open(data_dir)
    Repository.of(db, SupporterNote).save(SupporterNote(id="maria", asks="ASK-FOR-MARIA", share_helpers=True))
    db.close()
    db = Database.read_only(data_dir)
    text = render(supporter_page(db, find_person(db, "Maria (sister)")), "markdown")
    assert "**Uncle Tom**: HELPER-TOM-REACH" in text
    assert "**Jo**" in text
    # Maria herself is not listed as one of her "other" helpers, and nothing else came along.
    assert "MARKER" not in text.replace("MARKER-JO-REACH", "")


def test_every_other_field_stays_out(seeded: Database):
    text = render(supporter_page(seeded, find_person(seeded, "Ben")), "markdown")
    assert "MARKER-SIGN-BEN" in text and "MARKER-ASK-BEN" in text
    everything_else = [m for markers in PART_MARKERS.values() for m in markers] + NEVER_SHARED[:1]
    assert not [m for m in everything_else if m in text]
    assert "SIGN-FOR-MARIA" not in text and "ASK-FOR-MARIA" not in text


def test_names_are_found_calmly(seeded: Database):
    assert find_person(seeded, "  JO ").id == "jo"
    with pytest.raises(NoSuchPerson, match="nobody"):
        find_person(seeded, "Zed")


def test_the_supporter_is_not_among_their_own_other_helpers(data_dir: Path):
    seed_everything(data_dir)
    db = Database.open(data_dir)
    from imr_companion.models import Plan
    from imr_companion.models.plan import Helper
    from imr_companion.store.queries.plan import load_plan

    plan = load_plan(db)
    typed = Helper(name="Maria (my sister)", reach="TYPED-MARIA-REACH")
    Repository.of(db, Plan).save(plan.model_copy(update={"helpers": [*plan.helpers, typed]}))
    Repository.of(db, SupporterNote).save(SupporterNote(id="maria", share_helpers=True))
    db.close()
    db = Database.read_only(data_dir)
    text = render(supporter_page(db, find_person(db, "maria")), "markdown")
    assert "Uncle Tom" in text and "TYPED-MARIA-REACH" not in text

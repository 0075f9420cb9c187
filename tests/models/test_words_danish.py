"""The models' and the store's words in the person's language, looked up when they are said."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from imr_companion import i18n
from imr_companion.models import Moment
from imr_companion.models.base import field_messages
from imr_companion.models.plan import SECTION_BY_FIELD
from imr_companion.tables import holdings
from tests.helpers import english_left


def refused(**fields: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as error:
        Moment(**fields)  # type: ignore[arg-type]
    return field_messages(error.value)


def test_field_messages_are_danish_and_calm(danish):
    assert refused(text=" ") == {"text": "Skriv et par ord her først."}
    assert refused(text="x" * 5000)["text"] == "Det er længere, end der er plads til: højst 2.000 tegn."
    assert refused(text="a\x07b")["text"] == "Her er et usynligt styretegn; tag det ud, og prøv igen."


def test_plan_sections_follow_the_language_of_the_moment():
    signs = SECTION_BY_FIELD["signs"]
    assert signs.title == "Early warning signs"
    i18n.use("da")
    try:
        assert (signs.title, signs.label) == ("Tidlige advarselstegn", "Et tidligt advarselstegn")
        assert english_left(signs.hint) == []
    finally:
        i18n.use("en")
    assert signs.title == "Early warning signs"


def test_what_a_copy_holds_is_counted_in_danish(danish):
    document = {
        "moments": {str(n): {} for n in range(1204)},
        "goals": {"1": {}},
        "people": {"1": {}, "2": {}},
        "plan": {"1": {}},
    }
    assert holdings(document) == "1.204 gode øjeblikke, 1 mål, 2 personer på netværkskortet og mere"
    assert holdings({}) == "intet skrevet endnu"

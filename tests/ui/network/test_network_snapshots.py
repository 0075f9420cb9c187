"""How the network card looks at 80x24 and 120x40, with a dozen people and with 150.

Review the report before accepting a change (pytest --snapshot-update).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from imr_companion.models.network import HelpKind, Person
from imr_companion.store import Database
from tests.conftest import no_blink
from tests.helpers import welcomed
from tests.layout.test_network_map import TWELVE, crowd

HELPS = {
    "Mum": [HelpKind.LISTENING, HelpKind.PRACTICAL],
    "Ali": [HelpKind.COMPANY],
    "Jo": [HelpKind.ADVICE, HelpKind.CRISIS],
}


def twelve_people() -> list[Person]:
    return [
        Person(
            name=name,
            ring=ring,
            area=area,
            helps_with=HELPS.get(name, []),
            notices_signs=name in ("Mum", "Ali"),
            call_for_help=name in ("Mum", "Jo"),
            reach="07700 900123" if name == "Mum" else "",
        )
        for name, ring, area in TWELVE
    ]


def card_of(folder: Path, people: list[Person]) -> Path:
    welcomed(folder, "Alex")
    db = Database.open(folder)
    document = db.document()
    document["people"] = {str(i): p.model_dump(mode="json") for i, p in enumerate(people, 1)}
    db.save_document(document)
    db.close()
    return folder


@pytest.fixture
def app_with(data_dir: Path, open_app):
    return lambda people: open_app(card_of(data_dir, people))


def test_network_map_80x24(snap_compare, app_with):
    app = app_with(twelve_people())
    assert snap_compare(app, terminal_size=(80, 24), press=["escape", "5"], run_before=no_blink)


def test_network_list_80x24(snap_compare, app_with):
    app = app_with(twelve_people())
    assert snap_compare(app, terminal_size=(80, 24), press=["escape", "5", "v", "down"], run_before=no_blink)


def test_network_120x40(snap_compare, app_with):
    app = app_with(twelve_people())
    assert snap_compare(app, terminal_size=(120, 40), press=["escape", "5"], run_before=no_blink)


def test_network_150_people_80x24(snap_compare, app_with):
    app = app_with(crowd(150))
    assert snap_compare(app, terminal_size=(80, 24), press=["escape", "5"], run_before=no_blink)


def test_network_150_people_120x40(snap_compare, app_with):
    app = app_with(crowd(150))
    assert snap_compare(app, terminal_size=(120, 40), press=["escape", "5"], run_before=no_blink)


def test_network_editor_80x24(snap_compare, app_with):
    app = app_with(twelve_people())
    assert snap_compare(app, terminal_size=(80, 24), press=["escape", "5", "e"], run_before=no_blink)


def in_danish(folder: Path) -> Path:
    db = Database.open(folder)
    db.save_settings(db.settings().model_copy(update={"language": "da"}))
    db.close()
    return folder


def test_network_map_80x24_in_danish(snap_compare, data_dir: Path, open_app):
    """The rings, the life areas in the corners, the legend and the footer, in Danish words that fit."""
    app = open_app(in_danish(card_of(data_dir, twelve_people())))
    assert snap_compare(app, terminal_size=(80, 24), press=["escape", "5"], run_before=no_blink)

"""Self-checks go out and come back whole through the JSON export, and are a part of the Markdown export."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from imr_companion.export import document_from_json, to_json
from imr_companion.export.markdown import to_markdown
from imr_companion.models import SelfCheck
from imr_companion.sharing.html import to_html
from imr_companion.sharing.parts import Choice, parse_parts, shared_page
from imr_companion.store import Database, Repository


def test_self_checks_round_trip_and_are_a_part_like_the_others(data_dir: Path, tmp_path: Path):
    db = Database.open(data_dir)
    first = SelfCheck(day=date(2026, 1, 5), ratings={"coping": 2, "goals": 3})
    mine = Repository.of(db, SelfCheck).add(first)
    theirs = SelfCheck(day=date(2026, 3, 10), who="contact", ratings={"coping": 3}, together_with="Jo")
    Repository.of(db, SelfCheck).add(theirs)
    Repository.of(db, SelfCheck).add(SelfCheck(day=date(2026, 3, 10), ratings={"coping": 4}))
    exported = to_json(db)
    assert json.loads(exported)["tables"]["self_checks"][0]["ratings"] == {"coping": 2, "goals": 3}

    document = document_from_json(exported)
    other = Database.open(tmp_path / "other")
    other.replace(document, "before-import")
    back = {c.id: c for c in Repository.of(other, SelfCheck).all()}
    assert back[mine.id] == mine and len(back) == 3
    assert {c.who: c.together_with for c in back.values() if c.who == "contact"} == {"contact": "Jo"}

    markdown = to_markdown(other)
    assert "## Self-check" in markdown
    assert "Coping day to day: 2 in January 2026, 4 now" in markdown and "▂ ▆ 2 4" in markdown
    assert "Seen by Jo, beside me:" in markdown
    assert parse_parts("self-check") == ("self-check",)
    html = to_html(shared_page(other, Choice(("self-check",))))
    assert "Coping day to day: 2 in January 2026, 4 now" in html
    other.close()
    db.close()

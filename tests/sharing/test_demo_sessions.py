"""Sam meets Jo every few weeks over the years; the notes are in every export."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from imr_companion import demo
from imr_companion.models import SessionNote
from imr_companion.sharing.formats import render
from imr_companion.sharing.parts import Choice, shared_page
from imr_companion.sharing.supporter import find_person, supporter_page
from imr_companion.store import Repository
from tests.test_cli import run


def test_session_notes_every_few_weeks_mostly_with_jo(tmp_path: Path):
    database = demo.create(tmp_path / "sam", 3)
    try:
        notes = sorted(Repository.of(database, SessionNote).all(), key=lambda n: n.day)
        gaps = [(b.day - a.day).days for a, b in pairwise(notes)]
        assert len(notes) > 30 and max(gaps) <= 35 and min(gaps) >= 14
        with_jo = [n for n in notes if n.together_with == "Jo"]
        assert len(notes) > len(with_jo) > len(notes) // 2, "mostly with Jo, sometimes a check-up alone"
        html = render(shared_page(database, Choice(("sessions",))), "html")
        assert html.count("<h3>") == len(notes) and "a check-up with myself" in html
        sheet = render(supporter_page(database, find_person(database, "Maria")), "markdown")
        assert "Ask me how I slept" in sheet and "Sleeping less than six hours" in sheet
    finally:
        database.close()


def test_full_exports_cover_the_session_notes(capsys, tmp_path: Path):
    folder = tmp_path / "sam"
    demo.create(folder, 1).close()
    code, markdown, _ = run(capsys, "export", "--data-dir", str(folder), "--format", "markdown")
    assert code == 0 and "## Session notes" in markdown and ", with Jo" in markdown
    code, html, _ = run(capsys, "export", "--data-dir", str(folder), "--format", "html")
    assert code == 0 and "<h2>Session notes</h2>" in html
    code, json_text, _ = run(capsys, "export", "--data-dir", str(folder))
    assert code == 0 and '"sessions": [' in json_text

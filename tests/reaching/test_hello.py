"""`imr-companion hello`: one calm line in the person's language, or nothing; never private words."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from imr_companion import clock
from imr_companion.models import Moment, SessionNote
from imr_companion.paths import DATA_FILE
from imr_companion.reaching.hello import line_for
from imr_companion.store import Database, Repository
from tests.test_cli import run

TODAY = date(2026, 12, 9)  # a Wednesday


def document(*, name="Jo", weeks=0, moments=(), sessions=(), welcomed=True) -> dict:
    return {
        "_meta": {"1": {"schema_version": 2}},
        "settings": {"1": {"welcomed": welcomed, "first_name": name, "checkup_weeks": weeks}},
        "moments": {
            str(i): {"text": "My sister's warning sign", "day": d.isoformat()} for i, d in enumerate(moments)
        },
        "sessions": {str(i): {"day": d.isoformat()} for i, d in enumerate(sessions)},
    }


def test_the_line_in_both_languages(danish):
    monday, sunday_before = date(2026, 12, 7), date(2026, 12, 6)
    three = document(moments=[monday, TODAY, TODAY, sunday_before])
    assert line_for(three, TODAY) == "Jo, 3 gode øjeblikke i denne uge."
    checkup = document(weeks=2, sessions=[TODAY - timedelta(days=12)], moments=[TODAY])
    assert line_for(checkup, TODAY) == "Jo, et tjek med dig selv passer godt i denne uge."
    assert line_for(document(name=""), TODAY) == "Dagens gode øjeblik venter på dig."
    assert line_for(document(welcomed=False), TODAY) == ""


def test_the_line_in_english_says_nothing_private():
    line = line_for(document(moments=[TODAY]), TODAY)
    assert line == "Jo, 1 good moment this week."
    assert "warning" not in line
    later = document(weeks=2, sessions=[TODAY - timedelta(days=3)])
    assert line_for(later, TODAY) == "Jo, today's good moment is waiting for you."
    # A name from the file never reaches the terminal as an escape sequence.
    assert "\x1b" not in line_for(document(name="Jo\x1b]0;x\x07"), TODAY)


def test_hello_on_the_command_line_is_quiet_unless_it_can_read_plainly(capsys, data_dir: Path, danish):
    assert run(capsys, "hello", "--data-dir", str(data_dir)) == (0, "", "")  # no data yet
    db = Database.open(data_dir)
    db.save_settings(
        db.settings().model_copy(update={"welcomed": True, "first_name": "Sam", "language": "da"})
    )
    Repository.of(db, Moment).add(Moment(text="Tea"))
    Repository.of(db, SessionNote).add(SessionNote(day=clock.today() - timedelta(days=30)))
    db.close()
    assert run(capsys, "hello", "--data-dir", str(data_dir)) == (0, "Sam, 1 godt øjeblik i denne uge.\n", "")
    data_file = data_dir / DATA_FILE
    for unreadable in (b"IMRC\x01\x00encrypted bytes\xff", b'{"_meta": {"1": {"schema_version": 2}}, "sett'):
        data_file.write_bytes(unreadable)
        assert run(capsys, "hello", "--data-dir", str(data_dir)) == (0, "", "")

"""A crash says what happened in calm words and never shows what the person wrote."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CRASHING = r"""
import sys
from pathlib import Path
from imr_companion.ui.app import CompanionApp
from imr_companion.store import Database

class Crashing(CompanionApp):
    def on_mount(self):
        diary = "my private diary words"
        raise ValueError(diary)

db = Database.open(Path(sys.argv[1]))
app = Crashing(db)
app.run(headless=True, size=(80, 24))
db.close()
sys.exit(app.return_code or 0)
"""


def test_crash_output_has_no_local_variables_or_personal_text(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-c", CRASHING, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    output = " ".join((result.stdout + result.stderr).split())
    assert result.returncode != 0
    assert "Everything you saved is safe" in output
    assert "ValueError" in output
    assert "my private diary words" not in output
    assert "diary =" not in output and "locals" not in output.lower()
    reports = list((tmp_path / "data" / "reports").glob("crash-*.txt"))
    assert len(reports) == 1 and reports[0].name in output.replace(" ", "")
    report = reports[0].read_text()
    assert "ValueError" in report and "on_mount" in report
    assert "my private diary words" not in report

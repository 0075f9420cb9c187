"""The command line in the person's language: Danish from the settings, else from the computer."""

from __future__ import annotations

import argparse
import gettext
import json
from pathlib import Path

import pytest

from imr_companion.paths import DATA_FILE
from tests.helpers import demo_folder, english_left
from tests.test_cli import run

# Option names and --only's values are typed as they are, in every language.
OPTION_WORDS = frozenset({"help", "only", "years", "goals", "moments"})




def speaking(folder: Path, language: str | None) -> Path:
    """`folder` with the setting "language" (kept where the app keeps it: at the head of the file)."""
    path = folder / DATA_FILE
    document = json.loads(path.read_bytes())
    for record in document["settings"].values():
        record["language"] = language
    path.write_text(json.dumps(document))
    return folder


@pytest.fixture(scope="module")
def sams(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_folder(tmp_path_factory.mktemp("sam"))


@pytest.mark.parametrize("command", ["", "export", "import", "backup", "restore", "doctor", "forget", "demo"])
def test_help_speaks_the_computers_language(capsys, monkeypatch: pytest.MonkeyPatch, command: str):
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    code, out, _ = run(capsys, *([command] if command else []), "--help")
    assert code == 0 and out.startswith("brug: imr-companion")
    assert english_left(out, OPTION_WORDS) == [], out
    # argparse's own words are its own again once the arguments are read.
    assert vars(argparse)["_"] is gettext.gettext


def test_a_mistake_in_the_arguments_is_said_in_danish(capsys, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    code, _, err = run(capsys, "export", "--format", "pdf")
    assert code == 2 and "fejl: argument --format: ugyldigt valg: 'pdf'" in err, err


def test_doctor_speaks_the_language_of_the_settings(capsys, sams: Path, tmp_path: Path):
    folder = speaking(sams, "da")
    code, _, _ = run(capsys, "backup", "--data-dir", str(folder))
    code, out, _ = run(capsys, "doctor", "--data-dir", str(folder))
    assert code == 0, out
    said = out.replace(str(folder), "")
    assert "Tjekker" in said and "gode øjeblikke" in said and "sikkerhedskopi" in said, said
    assert english_left(said) == [], said


def test_an_error_line_is_danish_and_english_as_set(capsys, sams: Path, tmp_path: Path, monkeypatch):
    missing = str(tmp_path / "nowhere.json")
    code, _, err = run(capsys, "import", "--data-dir", str(speaking(sams, "da")), missing)
    assert code == 1 and err.startswith(
        "imr-companion: Det kunne ikke lade sig gøre: filen eller mappen findes ikke"
    )
    assert english_left(err.replace(missing, "")) == [], err
    # English when the person chose it, whatever the computer's language.
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    code, _, err = run(capsys, "import", "--data-dir", str(speaking(sams, "en")), missing)
    assert code == 1 and err.startswith(
        "imr-companion: That could not be done: the file or folder is not there"
    )
    # No language chosen yet: the computer's.
    code, _, err = run(capsys, "import", "--data-dir", str(speaking(sams, None)), missing)
    assert "Det kunne ikke lade sig gøre" in err


def test_doctor_says_what_it_found_in_danish(capsys, tmp_path: Path):
    from imr_companion.store.upgrades.migrations import SCHEMA_VERSION

    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    document = {
        "_meta": {"1": {"schema_version": SCHEMA_VERSION}},
        "settings": {"1": {"language": "da", "welcomed": True}},
        "moments": {"1": "odd", "2": {"text": "Te i haven", "day": "2026-03-01"}},
        "_quarantine": {
            "1": {"table": "moments", "record": 1, "reason": "not an entry", "set_aside": "2026-03-01"}
        },
    }
    (folder / DATA_FILE).write_text(json.dumps(document))
    (folder / DATA_FILE).chmod(0o600)
    code, out, _ = run(capsys, "doctor", "--data-dir", str(folder))
    assert code == 1, out
    said = out.replace(str(folder), "")
    assert "1 post i 'moments': ikke en post. Appen lægger den til side i sin helhed." in said, said
    assert "(hvad der var galt: ikke en post)" in said, said
    assert english_left(said) == [], said


def test_a_danish_demo_is_announced_in_danish(capsys, tmp_path: Path):
    folder = tmp_path / "sam"
    code, out, _ = run(capsys, "demo", "--data-dir", str(folder), "--years", "0.1", "--language", "da")
    assert code == 0 and out.startswith("Skrev en opdigtet persons data (Sam)"), out
    assert english_left(out.replace(str(folder), "")) == [], out

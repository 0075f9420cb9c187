"""Sam in Danish and in English: the same years in the person's own words in each language, chosen with
`imr-companion demo --language`, else from the computer's language."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from imr_companion import cli, demo, i18n
from imr_companion.demo.words import sam
from imr_companion.models.together.sessions import DONE_LINES, done_words
from imr_companion.store import Database
from tests.helpers import english_left


def shape(value):
    """A JSON value with its words left out: keys, list lengths, and the values that are codes."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(item) for item in value]
    return type(value).__name__


def test_the_danish_words_have_the_english_ones_shape():
    english, danish = copy.deepcopy(sam("en").words), copy.deepcopy(sam("da").words)
    # The rewordings are keyed by the words they reword, so only their number is the same.
    assert len(danish.pop("plan_rewordings")) == len(english.pop("plan_rewordings"))
    assert shape(danish) == shape(english)
    codes = ("area", "ring", "helps", "in_touch", "wish", "marks", "id")
    for da_person, en_person in zip(danish["people"], english["people"], strict=True):
        assert {k: da_person.get(k) for k in codes} == {k: en_person.get(k) for k in codes}
        assert bool(da_person["reach"]) == bool(en_person["reach"])
    for da_goal, en_goal in zip(danish["goals"], english["goals"], strict=True):
        assert da_goal["area"] == en_goal["area"]


def test_every_danish_rewording_rewords_an_entry_of_the_plan():
    words = sam("da").words
    entries = {e if isinstance(e, str) else e[0] for pool in words["plan"].values() for e in pool}
    assert set(words["plan_rewordings"]) <= entries


def own_words_in(line: str) -> list[str]:
    """The person's words in a session's line (its frame is kept in English, like an id)."""
    for frame in DONE_LINES:
        pattern = re.sub(r"\\{(\w+)\\}", r"(?P<\1>.*)", re.escape(frame))
        if found := re.fullmatch(pattern, line):
            return [v for k, v in found.groupdict().items() if k not in ("what", "number")]
    raise AssertionError(f"a session line in no frame: {line}")


def person_words(document: dict) -> list[str]:
    """Every text Sam wrote in the document (not the handouts' own words: suggested tasks)."""
    found: list[str] = []
    skip = {"id", "handout", "exercise", "kind", "source", "area", "ring", "contact", "wish", "status"}

    def walk(value, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and key not in skip and not re.fullmatch(r"[\d:T.\- ]*", value):
            found.append(value)

    for table, records in document.items():
        if table in ("_meta", "settings", "reading"):
            continue
        for record in records.values():
            if table == "practice" and record["source"]:
                continue  # a 'Try this week' task in the handout's words: English until Danish handouts
            if table == "sessions":
                found.extend(words for line in record["done"] for words in own_words_in(line))
            walk({k: v for k, v in record.items() if k not in ("helps_with", "ticked", "choice", "done")})
    return found


def test_danish_sam_writes_danish_and_lives_the_same_years():
    english, danish = demo.build(3, language="en"), demo.build(3, language="da")
    assert danish["settings"]["1"]["language"] == "da" and english["settings"]["1"]["language"] == "en"
    assert (danish["settings"]["1"]["region"], english["settings"]["1"]["region"]) == ("DK-84", None)
    for table, records in english.items():
        if table != "_meta":
            assert len(danish[table]) == len(records), table
    # The same days, the same ticks, the same steps climbed: only the words differ.
    days = [(m["day"], m["together_with"] is None) for m in english["moments"].values()]
    assert [(m["day"], m["together_with"] is None) for m in danish["moments"].values()] == days
    assert [a["ticked"] for a in danish["answers"].values()] == [
        a["ticked"] for a in english["answers"].values()
    ]
    words = person_words(danish)
    assert len(words) > 1000
    # "have" is Danish too ("at have", to have).
    names = {"Sam", "Mette", "Maria", "Ali", "IMR", "Thomas", "Lithium", "Quetiapin", "mg", "have"}
    assert english_left(" ".join(words), frozenset(names)) == []
    assert {m["together_with"] for m in danish["moments"].values()} == {None, "Mette"}
    # A session's lines are stored in English frames, like ids, and drawn in Danish around Sam's words.
    i18n.use("da")
    drawn = [done_words(line) for note in danish["sessions"].values() for line in note["done"]]
    assert english_left(" ".join(drawn), frozenset(names)) == []
    i18n.use("en")
    # Danish numbers: the emergency number, and invented ones no Danish number begins with (0).
    crisis = json.loads(json.dumps(danish["plan"]["1"]["crisis"]))
    assert {c["reach"] for c in crisis} == {"112", "05 55 01 00"}
    reaches = [p["reach"] for p in danish["people"].values() if p["reach"]]
    assert reaches and all(re.fullmatch(r"0\d \d\d \d\d \d\d", r) for r in reaches)


def run(capsys, *argv: str) -> tuple[int, str]:
    code = cli.main(list(argv))
    return code, capsys.readouterr().out


@pytest.mark.parametrize(
    ("option", "lang", "expected"),
    [
        (["--language", "da"], "C.UTF-8", "da"),
        ([], "da_DK.UTF-8", "da"),
        (["--language", "en"], "da_DK.UTF-8", "en"),
    ],
)
def test_demo_language_option_and_default(capsys, tmp_path: Path, monkeypatch, option, lang, expected):
    monkeypatch.setenv("LANG", lang)
    folder = tmp_path / "demo"
    code, _out = run(capsys, "demo", "--data-dir", str(folder), "--years", "0.2", *option)
    assert code == 0
    database = Database.read_only(folder)
    assert database.settings().language == expected
    goal = next(iter(database.document()["goals"].values()))
    assert goal["text"] in [
        g["goal"] for g in [*sam(expected).words["goals"], sam(expected).words["current_goal"]]
    ]

"""Migration 1 -> 2: ticks, choices and handout practice tasks move from English words to ids.

The document in data/demo_before_ids.json was written by the demo as it was before
options had ids (schema version 1), with every checklist and choice of every module
answered: the tables reading, answers and practice, and the settings.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from imr_companion import content
from imr_companion.export.transfer import document_from_json
from imr_companion.models import Answer, PracticeTask, Reading
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database, Repository
from imr_companion.store.upgrades.migrations import SCHEMA_VERSION, upgrade
from imr_companion.store.upgrades.stable_ids import to_stable_ids
from imr_companion.store.upgrades.stable_ids_words import OPTIONS

BEFORE = Path(__file__).with_name("data") / "demo_before_ids.json"


def before() -> dict:
    return json.loads(BEFORE.read_text(encoding="utf-8"))


def exercise(handout: str, ident: str) -> content.Exercise:
    found = content.handout(handout)
    assert found is not None
    picked = found.exercise(ident)
    assert picked is not None
    return picked


def test_every_tick_and_choice_of_the_old_demo_becomes_the_id_of_the_same_option():
    old = before()
    new = copy.deepcopy(old)
    assert upgrade(new, 1) == SCHEMA_VERSION == 2
    picks = 0
    for key, record in old["answers"].items():
        moved = new["answers"][key]
        if record["kind"] == "checklist":
            words = exercise(record["handout"], record["exercise"]).picked_words(moved["ticked"])
            assert words == record["ticked"] and "unmatched" not in moved
            picks += len(words)
        elif record["kind"] == "choice":
            words = exercise(record["handout"], record["exercise"]).picked_words([moved["choice"]])
            assert words == [record["choice"]] and "unmatched" not in moved
            picks += 1
        else:
            assert moved == record
        Answer.model_validate(moved)
    assert picks > 80
    # Every checklist and choice the handouts had at version 2 is in the document
    # (worksheets added since then never held English words to move).
    kinds = {(a["handout"], a["exercise"]) for a in new["answers"].values()}
    for handout in content.library():
        for ex in handout.exercises:
            if ex.kind in ("checklist", "choice") and f"{handout.id}/{ex.id}" in OPTIONS:
                assert (handout.id, ex.id) in kinds
    assert {tuple(key.split("/")) for key in OPTIONS} <= kinds
    # Reading marks need nothing: the section ids written in the files are the slugs stored.
    assert new["reading"] == old["reading"]
    for record in new["reading"].values():
        reading = Reading.model_validate(record)
        handout = content.handout(reading.handout)
        assert handout is not None
        assert set(reading.read) <= {s.id for s in handout.sections}


def test_practice_tasks_from_a_handout_name_the_task_and_keep_their_words():
    old = before()
    new = copy.deepcopy(old)
    to_stable_ids(new)
    from_handouts = 0
    for key, record in old["practice"].items():
        moved = new["practice"][key]
        assert moved["text"] == record["text"]
        PracticeTask.model_validate(moved)
        if record["source"] is None:
            assert moved["source"] is None
            continue
        handout_id, task_id = moved["source"].removeprefix("handout:").split(":")
        handout = content.handout(handout_id)
        assert handout is not None
        suggestion = handout.suggestion(task_id)
        assert suggestion is not None and suggestion.text == record["text"]
        from_handouts += 1
    assert from_handouts > 10


def test_words_that_match_no_option_are_kept_never_dropped():
    document = {
        "answers": {
            "1": {
                "kind": "checklist",
                "handout": "recovery-strategies",
                "exercise": "life-areas",
                "ticked": ["Home", "  friends ", "A wording from an older handout"],
                "other": "Music lessons",
            },
            "2": {
                "kind": "choice",
                "handout": "social-support",
                "exercise": "circle-size",
                "choice": "An older choice",
            },
            "3": {
                "kind": "checklist",
                "handout": "a-handout-long-gone",
                "exercise": "gone",
                "ticked": ["Something I ticked"],
            },
            "4": {
                "kind": "checklist",
                "handout": "recovery-strategies",
                "exercise": "life-areas",
                "ticked": 3,
            },
            "5": "not a record",
        },
        "practice": {
            "1": {"text": "My own words", "source": "handout:recovery-strategies"},
            "2": {"text": "Practise slow breathing for five minutes each day.", "source": "handout:gone"},
            "3": {"text": "Walk", "source": "goal:1:2"},
        },
    }
    to_stable_ids(document)
    answers = document["answers"]
    assert answers["1"]["ticked"] == ["home", "friends"]
    assert answers["1"]["unmatched"] == ["A wording from an older handout"]
    assert answers["1"]["other"] == "Music lessons"
    assert answers["2"]["choice"] is None and answers["2"]["unmatched"] == ["An older choice"]
    assert answers["3"]["ticked"] == [] and answers["3"]["unmatched"] == ["Something I ticked"]
    assert answers["4"]["ticked"] == 3 and answers["5"] == "not a record"  # the gate judges these
    assert document["practice"] == {
        "1": {"text": "My own words", "source": "handout:recovery-strategies"},
        "2": {"text": "Practise slow breathing for five minutes each day.", "source": "handout:gone"},
        "3": {"text": "Walk", "source": "goal:1:2"},
    }
    for key in ("1", "2", "3"):
        kept = Answer.model_validate({**answers[key], "id": f"x_{key}"})
        found = content.handout(kept.handout)
        shown = content.picked_words(
            found.exercise(kept.exercise) if found else None,
            kept.ticked or ([kept.choice] if kept.choice else []),
            kept.unmatched,
        )
        assert shown[-1] in ("A wording from an older handout", "An older choice", "Something I ticked")


def test_a_data_folder_of_version_1_opens_with_ids_and_nothing_set_aside(data_dir: Path):
    data_dir.mkdir(parents=True, mode=0o700)
    (data_dir / DATA_FILE).write_text(BEFORE.read_text(encoding="utf-8"), encoding="utf-8")
    database = Database.open(data_dir)
    try:
        answers = Repository.of(database, Answer).all()
        assert len(answers) == len(before()["answers"])
        assert database.check_records() == 0 and not database.document().get("_quarantine")
        life = next(a for a in answers if a.exercise == "life-areas")
        assert life.ticked and all(
            exercise("recovery-strategies", "life-areas").option(t) for t in life.ticked
        )
    finally:
        database.close()
    stored = json.loads((data_dir / DATA_FILE).read_text())
    assert stored["_meta"]["1"]["schema_version"] == SCHEMA_VERSION


def test_an_export_from_before_the_ids_is_migrated_on_import():
    old = before()
    export = {
        "format": "imr-companion",
        "version": 1,
        "settings": old["settings"]["1"],
        "tables": {name: list(old[name].values()) for name in ("reading", "answers", "practice")},
    }
    document = document_from_json(json.dumps(export))
    choice = next(a for a in document["answers"].values() if a["kind"] == "choice")
    assert exercise(choice["handout"], choice["exercise"]).option(choice["choice"]) is not None
    sources = [t["source"] for t in document["practice"].values() if t["source"]]
    assert sources and all(s.count(":") == 2 for s in sources)


def test_stored_answers_depend_on_no_wording_in_any_language():
    """Reword every option and task of every handout: the stored answers still find theirs."""
    document = before()
    to_stable_ids(document)
    reworded = {}
    for handout in content.library():
        exercises = tuple(
            e._replace(options=tuple(o._replace(text=f"Ny: {o.text}") for o in e.options))
            for e in handout.exercises
        )
        practice = tuple(t._replace(text=f"Ny: {t.text}") for t in handout.practice)
        reworded[handout.id] = handout._replace(exercises=exercises, practice=practice)
    for record in document["answers"].values():
        answer = Answer.model_validate(record)
        if answer.kind not in ("checklist", "choice"):
            continue
        picked = answer.ticked if answer.kind == "checklist" else [answer.choice or ""]
        words = content.picked_words(
            reworded[answer.handout].exercise(answer.exercise), picked, answer.unmatched
        )
        assert words and all(w.startswith("Ny: ") for w in words)
    for record in document["practice"].values():
        task = PracticeTask.model_validate(record)
        if task.source:
            handout_id, task_id = task.source.removeprefix("handout:").split(":")
            suggestion = reworded[handout_id].suggestion(task_id)
            assert suggestion is not None and suggestion.text.startswith("Ny: ")

"""Reading progress, answers and practice in the exports, and in Sam's demo data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from imr_companion import demo
from imr_companion.cli import main
from imr_companion.models import Answer, PracticeTask, Reading
from imr_companion.models.handouts import answer_id
from imr_companion.models.practice import PracticeStatus, week_start
from imr_companion.store import Database, Repository
from imr_companion.store.gate import problems as invalid_records

TABLES = ("reading", "answers", "practice")


def answer(handout: str, exercise: str, kind: str, **values) -> Answer:
    return Answer(id=answer_id(handout, exercise), handout=handout, exercise=exercise, kind=kind, **values)


@pytest.fixture
def filled(data_dir: Path) -> Path:
    db = Database.open(data_dir)
    Repository.of(db, Reading).add(
        Reading.of("recovery-strategies").touched(read=["welcome"], done=True, done_on=date(2026, 3, 1))
    )
    Repository.of(db, Reading).add(
        Reading.of("practical-facts").touched(read=["about-this-module"], sheet="bipolar")
    )
    answers = Repository.of(db, Answer)
    answers.add(answer("recovery-strategies", "recovery-means", "text", text="Feeling like me\nmost days"))
    answers.add(answer("recovery-strategies", "hope-now", "rating", rating=4, together_with="Jo"))
    answers.add(answer("recovery-strategies", "what-helps", "list", lines=["Tea", "Walks"]))
    # Ticks are option ids; words from before options had ids are kept as unmatched.
    answers.add(
        answer(
            "recovery-strategies",
            "life-areas",
            "checklist",
            ticked=["home"],
            other="My cat",
            unmatched=["Words from an older handout"],
        )
    )
    answers.add(answer("practical-facts", "telling-others", "choice", choice="im-not-sure"))
    tasks = Repository.of(db, PracticeTask)
    tasks.add(PracticeTask(text="Slow breathing", status=PracticeStatus.DONE, finished_on=date(2026, 3, 18)))
    tasks.add(PracticeTask(text="Call my sister", status=PracticeStatus.LET_GO, week_of=date(2026, 3, 9)))
    tasks.add(PracticeTask(text="Walk to the park"))
    db.close()
    return data_dir


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_json_export_then_import_in_a_fresh_folder_gives_the_same_tables(
    capsys, filled: Path, tmp_path: Path
):
    first = tmp_path / "first.json"
    assert run(capsys, "export", "--data-dir", str(filled), "--output", str(first))[0] == 0
    fresh = tmp_path / "fresh"
    assert run(capsys, "import", str(first), "--data-dir", str(fresh))[0] == 0
    second = tmp_path / "second.json"
    assert run(capsys, "export", "--data-dir", str(fresh), "--output", str(second))[0] == 0
    before, after = json.loads(first.read_text()), json.loads(second.read_text())
    for table in TABLES:
        assert before["tables"][table], table
        assert before["tables"][table] == after["tables"][table], table


def test_markdown_export_has_progress_answers_and_practice(capsys, filled: Path):
    code, text = run(capsys, "export", "--data-dir", str(filled), "--format", "markdown")
    assert code == 0
    assert "## Handouts" in text
    assert "- Module 1, Recovery strategies: done on 1 March 2026, 1 of 11 sections read" in text
    assert (
        "- Module 2, Practical facts about mental illness: 1 of 9 sections read, sheet: Bipolar disorder"
        in text
    )
    assert "**What does recovery mean to you?**\n\nFeeling like me  \nmost days" in text
    # Each answer under the section of the handout it belongs to.
    recovery = text.index("**What does recovery mean to you?**")
    assert text.rfind("#### ", 0, recovery) > text.rfind("### Module 1", 0, recovery)
    assert "4 of 5 (Not hopeful = 1, Very hopeful = 5)" in text
    assert "*Last changed 18 March 2026, together with Jo.*" in text
    assert "- Tea\n- Walks" in text
    assert "- [x] Home\n- [x] Words from an older handout\n- [x] My cat (in my own words)" in text
    assert "**How do you feel about telling others about your mental health?**\n\nI'm not sure" in text
    assert "## This week's practice" in text
    assert "### Week of 16 March 2026\n\n- [x] Slow breathing (done 18 Mar)\n- [ ] Walk to the park" in text
    assert "- [~] Call my sister (let go)" in text
    assert text.index("## Handouts") < text.index("## This week's practice")


def test_nothing_read_nothing_written_means_no_handouts_section(capsys, data_dir: Path):
    Database.open(data_dir).close()
    _code, text = run(capsys, "export", "--data-dir", str(data_dir), "--format", "markdown")
    assert "## Handouts" not in text and "practice" not in text


def test_sams_ten_years_are_valid_and_realistic():
    document = demo.build(10)
    assert not invalid_records(document)
    readings = [Reading.model_validate(r) for r in document["reading"].values()]
    assert len(readings) == 11
    assert sum(r.done for r in readings) == 10
    newest = next(r for r in readings if not r.done)
    assert newest.handout == "healthy-lifestyles" and newest.current is not None
    tasks = [PracticeTask.model_validate(t) for t in document["practice"].values()]
    assert 200 <= len(tasks) <= 600
    this_week = [t for t in tasks if t.week_of == week_start(date(2026, 3, 18))]
    assert any(t.status == PracticeStatus.OPEN for t in this_week)
    assert {t.status for t in tasks} == set(PracticeStatus)
    answers = [Answer.model_validate(a) for a in document["answers"].values()]
    assert len(answers) >= 40
    assert len({a.id for a in answers}) == len(answers)
    assert {a.kind for a in answers} == {"text", "list", "checklist", "choice", "rating"}


@pytest.mark.parametrize("years", [0.05, 0.5, 2])
def test_sam_is_part_way_through_in_a_shorter_time(years: float):
    document = demo.build(years)
    assert not invalid_records(document)
    readings = [Reading.model_validate(r) for r in document["reading"].values()]
    assert readings and not all(r.done for r in readings)

"""My plan written out: on its own for printing, inside the full exports, and in the demo."""

from __future__ import annotations

import contextlib
import json
import stat
from pathlib import Path

from textual.widgets import Input
from textual.worker import WorkerFailed

from imr_companion import demo
from imr_companion.cli import main
from imr_companion.models import CheckIn, Plan, PlanVersion
from imr_companion.models.plan import Item
from imr_companion.store import Database, Repository
from imr_companion.store.files.chosen_file import UnsafePlace
from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.common.dialogs.save_file import SaveFilePrompt
from tests.helpers import running
from tests.plan_seed import SLEEP, TODAY, sample_plan, seed_plan


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def seeded(folder: Path) -> Path:
    plan = sample_plan()
    earlier = PlanVersion(reviewed_on=TODAY.replace(month=2, day=2), content=plan.snapshot())
    seed_plan(folder, plan, checkins={0: [], 1: [SLEEP], 40: []}, versions=[earlier])
    return folder


def test_the_plan_alone_as_markdown_for_printing(capsys, data_dir: Path):
    seeded(data_dir)
    code, out, err = run(capsys, "export", "--data-dir", str(data_dir), "--only", "plan")
    assert code == 0, err
    assert out.startswith("# Alex's plan for staying well\n")
    assert "Last looked over on 2 February 2026." in out
    assert "## Early warning signs\n\n- Sleeping less (Maria may notice)\n" in out
    assert "## What I will do\n\n1. Tell Maria how I feel\n2. Go to bed at eleven\n" in out
    assert "- **Maria (sister)**: 06 555 0123" in out
    assert "- **Clinic, out of hours**: 020 555 0100" in out
    assert "Check-ins" not in out and "Good moments" not in out


def test_only_is_for_markdown_and_names_its_parts(capsys, data_dir: Path):
    seeded(data_dir)
    code, _, err = run(capsys, "export", "--data-dir", str(data_dir), "--only", "plan", "--format", "json")
    assert code == 1 and "always complete" in err
    code, _, err = run(capsys, "export", "--data-dir", str(data_dir), "--only", "everything")
    assert code == 1 and "plan" in err and err.count("\n") == 1
    code, out, _ = run(capsys, "export", "--data-dir", str(data_dir), "--format=markdown", "--only=plan")
    assert code == 0 and out.startswith("# Alex's plan")
    code, out, _ = run(capsys, "export", "--data-dir", str(data_dir))
    assert code == 0 and json.loads(out)["format"] == "imr-companion"


def test_an_empty_plan_says_so(capsys, data_dir: Path):
    seed_plan(data_dir, Plan())
    code, out, _ = run(capsys, "export", "--data-dir", str(data_dir), "--only", "plan")
    assert code == 0 and "Nothing written in the plan yet." in out


def test_the_full_markdown_export_holds_the_plan_reviews_and_check_ins(capsys, data_dir: Path):
    seeded(data_dir)
    code, out, _ = run(capsys, "export", "--data-dir", str(data_dir), "--format", "markdown")
    assert code == 0
    assert "## My plan\n\n### In an emergency\n\n" in out and "\n### When I am well\n" in out
    assert "### Looked over\n\n2 Feb 2026" in out
    assert "- March 2026: checked in on 2 days; signs on 1 day: Sleeping less (1)" in out
    assert "- February 2026: checked in on 1 day" in out


def test_json_export_import_export_keeps_the_plan_tables(capsys, data_dir: Path, tmp_path: Path):
    seeded(data_dir)
    first = tmp_path / "first.json"
    assert run(capsys, "export", "--data-dir", str(data_dir), "--output", str(first))[0] == 0
    fresh = tmp_path / "fresh"
    assert run(capsys, "import", str(first), "--data-dir", str(fresh))[0] == 0
    again = tmp_path / "again.json"
    assert run(capsys, "export", "--data-dir", str(fresh), "--output", str(again))[0] == 0
    before, after = json.loads(first.read_text()), json.loads(again.read_text())
    assert before["tables"] == after["tables"]
    for table, count in {"plan": 1, "plan_versions": 1, "checkins": 3}.items():
        assert len(after["tables"][table]) == count


async def test_the_plan_screen_saves_the_plan_to_a_chosen_file(data_dir: Path, tmp_path: Path):
    seeded(data_dir)
    target = tmp_path / "for-my-doctor.md"
    async with running(data_dir) as (app, pilot):
        await pilot.press("escape", "6", "x")
        await pilot.pause()
        assert isinstance(app.screen, SaveFilePrompt)
        path_field = app.screen.query_one(Input)
        path_field.value = str(tmp_path / "no such folder" / "plan.md")
        await pilot.press("enter")
        await pilot.pause()
        assert "no folder" in app.screen.query_one("#path-message").render().plain
        path_field.value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert target.read_text().startswith("# Alex's plan for staying well")
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        # A second time, the file is there: replacing it is asked first.
        target.write_text("older")
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text() == "older"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("tab", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert target.read_text().startswith("# Alex's plan")


async def test_the_plan_file_can_never_replace_the_data_file_or_a_backup(data_dir: Path):
    """One "Replace it?" once let My plan's file replace the live data or a backup (issue 19, item 3)."""
    seeded(data_dir)
    live = data_dir / "companion.json"
    before = live.read_bytes()
    backup = data_dir / "backups" / "companion-2026-03-01.json"
    backup.write_bytes(before)
    async with running(data_dir) as (app, pilot):
        for target in (live, backup):
            await pilot.press("escape", "6", "x")
            await pilot.pause()
            assert isinstance(app.screen, SaveFilePrompt)
            app.screen.query_one(Input).value = str(target)
            await pilot.press("enter")
            await pilot.pause()
            # Refused in the prompt itself, before any "Replace it?".
            assert isinstance(app.screen, SaveFilePrompt)
            assert "data folder" in app.screen.query_one("#path-message").render().plain
            await pilot.press("escape")
            await pilot.pause()
        # Even when the place is checked only as the file is written (the worker itself).
        from imr_companion.export import plan_markdown

        worker = app.screen._write_plan(live, plan_markdown(app.database))
        with contextlib.suppress(WorkerFailed):
            await worker.wait()
        await pilot.pause()
        assert isinstance(worker.error, UnsafePlace)
    assert live.read_bytes() == before
    assert backup.read_bytes() == before


async def test_the_plan_file_is_utf8_with_danish_letters(data_dir: Path, tmp_path: Path):
    plan = sample_plan().model_copy(update={"well": [Item(text="Gå en tur ved søen med Åse og Ærø")]})
    seed_plan(data_dir, plan)
    target = tmp_path / "min-plan.md"
    async with running(data_dir) as (app, pilot):
        await pilot.press("escape", "6", "x")
        await pilot.pause()
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    raw = target.read_bytes()
    assert "Gå en tur ved søen med Åse og Ærø".encode() in raw
    assert raw.decode("utf-8").startswith("# Alex's plan")


def test_ten_years_of_demo_data_hold_a_lived_in_plan(tmp_path: Path):
    database = demo.create(tmp_path / "demo", years=10)
    try:
        plan = Repository.of(database, Plan).all()[0]
        versions = Repository.of(database, PlanVersion).all()
        checkins = Repository.of(database, CheckIn).all()
    finally:
        database.close()
    assert plan.signs and plan.steps and plan.helpers and plan.crisis
    assert 20 <= len(versions) <= 50, "a review every few months"
    assert len({v.reviewed_on for v in versions}) == len(versions)
    assert 2000 <= len(checkins) <= 3650
    with_signs = [c for c in checkins if c.noticed]
    assert 0 < len(with_signs) < len(checkins) * 0.1, "most days none; short clusters now and then"
    markdown = demo_markdown(tmp_path / "demo")
    assert len(markdown.splitlines()) < 110, "fits on one or two printed pages"


def demo_markdown(folder: Path) -> str:
    from imr_companion.export import plan_markdown

    return plan_markdown(Database.read_only(folder))


def test_an_empty_section_is_printed_as_not_written_yet(capsys, data_dir: Path):
    seed_plan(data_dir, sample_plan(triggers=[]))
    code, out, _ = run(capsys, "export", "--data-dir", str(data_dir), "--only", "plan")
    assert code == 0
    assert "## My triggers\n\nNothing written here yet.\n" in out
    assert "## Early warning signs\n\n- Sleeping less" in out

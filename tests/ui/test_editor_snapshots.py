"""Every editor at 80x24 in the dark, light and high-contrast themes, filled in from the demo data.

Fields must look like fields in each: a band or a box around every input,
text area and choice, never words that could pass for a label. Review the
SVGs (converted to PNG) when one changes.

Each editor is opened on top of Today directly (the keys that open it are
tested with its area), and the picture is taken once it has settled.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widgets import Input, TextArea

from imr_companion.models import Goal, Moment, Person, PracticeTask
from imr_companion.models.plan import SECTION_BY_FIELD
from imr_companion.store import Database, Repository
from imr_companion.store.queries.plan import load_plan
from tests.helpers import demo_folder, wait_until


def goal_editor(db: Database) -> Screen:
    from imr_companion.ui.goals.editor import GoalEditor

    return GoalEditor(first(db, Goal, lambda goal: bool(goal.why)))


def step_editor(db: Database) -> Screen:
    from imr_companion.ui.goals.editor import StepEditor

    goal = first(db, Goal, lambda goal: bool(goal.steps))
    return StepEditor(goal, goal.steps[0])


def person_editor(db: Database) -> Screen:
    from imr_companion.ui.network.person_editor import PersonEditor

    return PersonEditor(first(db, Person, lambda person: bool(person.reach)))


def plan_entry_editor(db: Database) -> Screen:
    from imr_companion.ui.plan.editor import EntryEditor

    plan = load_plan(db)
    people = Repository.of(db, Person).all()
    return EntryEditor(SECTION_BY_FIELD["helpers"], plan.helpers[0], people, lambda entry: None)


def moment_editor(db: Database) -> Screen:
    from imr_companion.ui.moments.editor import MomentEditor

    return MomentEditor(max(Repository.of(db, Moment).all(), key=lambda moment: moment.created))


def practice_editor(db: Database) -> Screen:
    from imr_companion.ui.handouts.practice_editor import PracticeEditor

    return PracticeEditor(first(db, PracticeTask, lambda task: True))


EDITORS: dict[str, Callable[[Database], Screen]] = {
    "goal": goal_editor,
    "step": step_editor,
    "person": person_editor,
    "plan_entry": plan_entry_editor,
    "moment": moment_editor,
    "practice": practice_editor,
}


def first(db: Database, model, keep):
    return next(record for record in Repository.of(db, model).all() if keep(record))


@pytest.fixture(scope="module")
def demo_copy(tmp_path_factory) -> Path:
    return demo_folder(tmp_path_factory.mktemp("editors"))


def opening(app, editor: str):
    """Today first, drawn and checked, as a person sees it before opening anything; then the editor."""

    async def open_editor(pilot) -> None:
        await wait_until(
            pilot, lambda: app.first_frame_shown and app.screen.query("#moment-input"), "Today never opened"
        )
        dialog = EDITORS[editor](app.database)
        await app.push_screen(dialog)
        await wait_until(pilot, lambda: app.screen is dialog and dialog.query(".buttons"), "no editor")
        for field in dialog.query("*"):
            if isinstance(field, (Input, TextArea)):
                field.cursor_blink = False
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    return open_editor


@pytest.mark.parametrize("theme", ["dark", "light", "high-contrast"])
@pytest.mark.parametrize("editor", list(EDITORS))
def test_editor(snap_compare, demo_copy: Path, data_dir: Path, open_app, editor: str, theme: str):
    shutil.copytree(demo_copy, data_dir)
    app = open_app(data_dir, theme=theme)
    assert snap_compare(app, terminal_size=(80, 24), run_before=opening(app, editor))


@pytest.fixture(scope="module")
def danish_demo(tmp_path_factory) -> Path:
    return demo_folder(tmp_path_factory.mktemp("editors-da"), language="da")


@pytest.mark.parametrize("editor", ["person", "plan_entry", "goal"])
def test_editor_in_danish(snap_compare, danish_demo: Path, data_dir: Path, open_app, editor: str):
    """The editors with the longest labels, in Danish: Sam's Danish data, whose setting says Danish."""
    shutil.copytree(danish_demo, data_dir)
    app = open_app(data_dir)
    assert snap_compare(app, terminal_size=(80, 24), run_before=opening(app, editor))

"""Typing words, as a person types them, on every screen changes no stored data.

"day dry dye yes daily walk" holds the letters that once deleted a good moment
or a goal step (d, then y), removed a plan entry or a person, marked a handout
module done (d), added a practice task (a) and let go of this week's practice
(l). Typed key by key on each screen of each area, with a row chosen where the
screen is a list, the data file afterwards must hold the same records: at most
it grew by the typed words, where a field had the focus and keeps a draft.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from imr_companion import content
from imr_companion.store import Database
from imr_companion.tables import META, SETTINGS
from tests.helpers import demo_folder, running

TYPED = "day dry dye yes daily walk"


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Made once for the module; each test types on its own copy."""
    return demo_folder(tmp_path_factory.mktemp("demo"))


async def mode(pilot, name: str) -> None:
    await pilot.app.switch_mode(name)
    await pilot.pause()


async def focus(pilot, selector: str) -> None:
    pilot.app.screen.query_one(selector).focus()
    await pilot.pause()


async def today(pilot) -> None:
    await pilot.pause()


async def library(pilot) -> None:
    await mode(pilot, "handouts")


def reader(handout_id: str, where: str) -> Callable[[object], Awaitable[None]]:
    async def arrive(pilot) -> None:
        from imr_companion.ui.handouts.reader import ReaderScreen

        handout = content.handout(handout_id)
        sections = {
            "first": handout.sections[0],
            "exercise": next(s for s in handout.sections if s.exercises),
            "last": handout.sections[-1],
        }
        await mode(pilot, "handouts")
        pilot.app.read_handout(handout_id, sections[where].id)
        for _ in range(100):
            await pilot.pause()
            screen = pilot.app.screen
            shown = isinstance(screen, ReaderScreen) and screen.sections
            if shown and screen.sections[screen.index].id == sections[where].id:
                break
        await pilot.pause()

    return arrive


async def practice(pilot) -> None:
    from imr_companion.ui.common.lists.row_list import RowList
    from imr_companion.ui.handouts.practice import open_practice

    await mode(pilot, "handouts")
    open_practice(pilot.app)
    await pilot.pause()
    await focus(pilot, "RowList")
    rows = pilot.app.screen.query_one(RowList)
    rows.move_to(next(i for i, row in enumerate(rows.rows) if row.key))
    await pilot.pause()
    assert pilot.app.screen._selected() is not None


async def moments(pilot) -> None:
    from imr_companion.ui.common.lists.row_list import RowList

    await mode(pilot, "moments")
    await focus(pilot, "RowList")
    rows = pilot.app.screen.query_one(RowList)
    rows.move_to(next(i for i, row in enumerate(rows.rows) if row.key))
    await pilot.pause()
    assert pilot.app.screen._selected() is not None


async def goal_ladder(pilot) -> None:
    await mode(pilot, "goals")
    await focus(pilot, "GoalLadder")
    assert pilot.app.screen.step is not None


async def goal_list(pilot) -> None:
    await mode(pilot, "goals")
    await focus(pilot, "#goal-list")
    assert pilot.app.screen.goal is not None


async def network(pilot) -> None:
    await mode(pilot, "network")
    assert pilot.app.screen._person() is not None


async def network_list(pilot) -> None:
    await mode(pilot, "network")
    await focus(pilot, "#people")
    assert pilot.app.screen._person() is not None


async def plan(pilot) -> None:
    await mode(pilot, "plan")
    await focus(pilot, "#entries")
    assert pilot.app.screen.pane._current() is not None


async def session_notes(pilot) -> None:
    from imr_companion.ui.together.session_notes import SessionNotesScreen

    await pilot.app.push_screen(SessionNotesScreen())
    await pilot.pause()


async def session_practice(pilot) -> None:
    from imr_companion.ui.together.session import SessionScreen

    await pilot.app.push_screen(SessionScreen())
    await pilot.pause()
    await pilot.press("ctrl+n")  # on to last week's practice: its "How it went" field has the focus
    await pilot.pause()
    await pilot.press("tab")  # the list, where its keys work
    await pilot.pause()
    assert pilot.app.screen.query_one("#review-list").has_focus


SCREENS = {
    "today": today,
    "handouts": library,
    "reader-first-section": reader("recovery-strategies", "first"),
    "reader-exercise": reader("coping-with-stress", "exercise"),
    "reader-try-this-week": reader("recovery-strategies", "last"),
    "reader-with-sheets": reader("practical-facts", "first"),
    "this-weeks-practice": practice,
    "good-moments": moments,
    "goal-ladder": goal_ladder,
    "goal-list": goal_list,
    "network-card": network,
    "network-list": network_list,
    "my-plan": plan,
    "session-notes": session_notes,
    "session-practice-step": session_practice,
}


def records(document: dict) -> dict[str, dict[str, dict]]:
    """Every table but the settings and the file's own data, by record id."""
    return {
        table: {str(r.get("id")): r for r in rows.values() if isinstance(r, dict)}
        for table, rows in document.items()
        if table not in (META, SETTINGS)
    }


def typed_here(value: object) -> bool:
    """Words from what was typed (a draft kept from a field that had the focus)."""
    if isinstance(value, list):
        return bool(value) and all(typed_here(item) for item in value)
    return isinstance(value, str) and bool(value.strip()) and value.strip() in TYPED


def only_grew_by_typing(before: dict, after: dict) -> list[str]:
    """What changed other than typed words (empty when nothing did)."""
    problems = []
    old, new = records(before), records(after)
    for table in sorted(set(old) | set(new)):
        was, now = old.get(table, {}), new.get(table, {})
        for record_id in sorted(set(was) - set(now)):
            problems.append(f"{table}: {record_id} is gone")
        for record_id in sorted(set(was) & set(now)):
            for field in sorted(set(was[record_id]) | set(now[record_id])):
                then, value = was[record_id].get(field), now[record_id].get(field)
                if then != value and field != "updated" and not typed_here(value):
                    problems.append(f"{table}: {record_id}'s {field} changed from {then!r} to {value!r}")
        for record_id in sorted(set(now) - set(was)):
            if not any(typed_here(value) for value in now[record_id].values()):
                problems.append(f"{table}: {record_id} was added: {now[record_id]!r}")
    return problems


@pytest.mark.parametrize("screen", list(SCREENS))
async def test_typing_words_key_by_key_changes_no_stored_data(demo_data: Path, data_dir: Path, screen: str):
    shutil.copytree(demo_data, data_dir)
    async with running(data_dir) as (app, pilot):
        await SCREENS[screen](pilot)
        before = copy.deepcopy(app.database.document())
        for character in TYPED:
            # As a person types: one key, then the next once the screen has taken it in.
            await pilot.press("space" if character == " " else character)
            await pilot.pause()
        await pilot.pause()
    # Read back from the disk, after the app closed (and kept any drafts, as it does).
    stored = Database.read_only(data_dir)
    try:
        after = stored.document()
    finally:
        stored.close()
    assert only_grew_by_typing(before, after) == []

"""Things that help me, by keys from My plan: add, rate, most helpful first, delete and undo, a restart."""

from __future__ import annotations

from pathlib import Path

from imr_companion.export.transfer import document_from_json, to_json
from imr_companion.models import CopingStrategy
from imr_companion.store import Database, Repository
from imr_companion.ui.coping.add import AddStrategy
from imr_companion.ui.coping.toolbox import ToolboxScreen
from imr_companion.ui.coping.tried import TriedIt
from imr_companion.ui.plan.help_now import HelpNowScreen
from tests.helpers import running, settled, shown_after
from tests.plan_seed import seed_plan


def stored(folder: Path) -> list[CopingStrategy]:
    return Repository.of(Database.read_only(folder), CopingStrategy).all()


async def wait_for(pilot, front: type) -> None:
    for _ in range(200):
        if isinstance(pilot.app.screen, front):
            return
        await pilot.pause(0.05)
    raise AssertionError(front.__name__)


async def test_a_toolbox_walk_survives_a_restart_and_an_export(data_dir: Path, tmp_path: Path):
    seed_plan(data_dir)
    async with running(data_dir) as (app, pilot):
        await shown_after(pilot, "escape", "6", "t", front=ToolboxScreen)
        await shown_after(pilot, "a", front=AddStrategy)
        await pilot.press(*"Cold water [face]", "enter")  # own words, with brackets
        await wait_for(pilot, ToolboxScreen)
        await shown_after(pilot, "a", front=AddStrategy)
        await pilot.press("tab", "enter")  # the first offer: the plan's "what has helped"
        await wait_for(pilot, ToolboxScreen)
        await shown_after(pilot, "a", front=AddStrategy)
        await pilot.press("tab", "end", "enter")  # the last offer: from module 9's lists, by id
        await wait_for(pilot, ToolboxScreen)
        toolbox = app.screen
        rows = [row.text for row in toolbox.query_one("#strategies").rows]
        assert len(rows) == 3 and all(row.startswith("○○○○○") for row in rows)
        for keys in (["home", "t"], ["down", "t"]):  # the first rated 2 goes up; then the next, 5
            await shown_after(pilot, *keys, front=TriedIt)
            await pilot.press("2" if keys[0] == "home" else "5")
            await wait_for(pilot, ToolboxScreen)
        rows = [row.text for row in toolbox.query_one("#strategies").rows]
        assert [row[:5] for row in rows] == ["●●●●●", "●●○○○", "○○○○○"], "the most helpful first"
        first = rows[0]
        await pilot.press("home", "d")
        await pilot.pause()
        await pilot.press("ctrl+d")
        await wait_for(pilot, ToolboxScreen)
        await pilot.pause()
        assert [row.text for row in toolbox.query_one("#strategies").rows] == rows[1:]
        assert len(stored(data_dir)) == 2
        await pilot.press("ctrl+z")
        await settled(pilot)
        assert toolbox.query_one("#strategies").rows[0].text == first
        text = await shown_after(pilot, "escape", "f1", front=HelpNowScreen)
        assert "Things that have helped me" in text and first[7:] in text
    kept = stored(data_dir)
    assert sorted([t.helped for t in s.tries] for s in kept) == [[], [2], [5]]
    assert {s.source.split(":")[0] for s in kept} == {"", "plan", "handout"}
    assert "Cold water [face]" in {s.text for s in kept}

    async with running(data_dir) as (app, pilot):  # after a restart, the same order
        await shown_after(pilot, "escape", "6", "t", front=ToolboxScreen)
        assert [row.text for row in app.screen.query_one("#strategies").rows] == rows

    document = document_from_json(to_json(Database.read_only(data_dir)))
    assert sorted(document["coping"].values(), key=lambda r: r["id"]) == sorted(
        Database.read_only(data_dir).document()["coping"].values(), key=lambda r: r["id"]
    )

"""Good moments in Danish: the screen at 80x24, and a walk through the list, the editor, the delete
question and a search with no English word left (the person's own words aside)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from imr_companion.models import Moment
from imr_companion.store import Database, Repository
from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.moments.editor import MomentEditor
from imr_companion.ui.moments.screen import MomentsScreen
from tests.conftest import no_blink
from tests.goals_seed import in_danish
from tests.helpers import english_left, running, shown_after, type_text, welcomed

TEXTS = ["Walked to the shop", "Tea with my sister", "Slept well", "Finished a puzzle", "Fed the ducks"]
OWN_WORDS = frozenset(re.findall(r"[A-Za-z']+", " ".join([*TEXTS, "Jo"])))


@pytest.fixture
def danish_moments(data_dir: Path) -> Path:
    welcomed(data_dir)
    db = Database.open(data_dir)
    repository = Repository.of(db, Moment)
    for n in range(40):
        day = date(2026, 3, 18) - timedelta(days=n * 2)
        created = datetime.combine(day, datetime.min.time())
        together = "Jo" if n == 3 else None
        repository.add(Moment(text=TEXTS[n % len(TEXTS)], day=day, created=created, together_with=together))
    db.close()
    in_danish(data_dir)
    return data_dir


def test_good_moments_in_danish(snap_compare, danish_moments: Path, open_app):
    app = open_app(danish_moments)
    assert snap_compare(
        app, terminal_size=(80, 24), press=["escape", "3", "down", "down", "down"], run_before=no_blink
    )


async def test_a_walk_through_good_moments_in_danish_leaves_no_english(danish_moments: Path):
    seen: dict[str, str] = {}
    async with running(danish_moments) as (_app, pilot):

        async def look(name: str, *keys: str, front: type) -> None:
            seen[name] = await shown_after(pilot, *keys, front=front)

        await look("list", "escape", "3", front=MomentsScreen)
        assert "9 gode øjeblikke i marts 2026" in seen["list"]
        assert "ons. 18." in seen["list"] and "ma  ti  on  to  fr  lø  sø" in seen["list"]
        await look("editor", "e", front=MomentEditor)
        await look("list again", "escape", front=MomentsScreen)
        await look("delete", "d", front=Confirm)
        assert "Vil du slette dette gode øjeblik fra 18. marts 2026?" in seen["delete"]
        await look("kept", "escape", front=MomentsScreen)
        await look("month back", "left_square_bracket", front=MomentsScreen)
        await pilot.press("slash")
        await type_text(pilot, "ducks")
        await look("search", front=MomentsScreen)
        assert "8 gode øjeblikke med de ord." in seen["search"]
        await type_text(pilot, "zz")
        await look("nothing found", front=MomentsScreen)
        assert "Ingen gode øjeblikke med »duckszz« endnu." in seen["nothing found"]
    left = {name: english_left(text, OWN_WORDS | {"duckszz"}) for name, text in seen.items()}
    assert left == {name: [] for name in seen}, "\n\n".join(seen.values())

"""Good moments with years of them: the screen opens with the newest months, and every one is there."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from imr_companion.models import Moment
from imr_companion.store import Database, Repository
from imr_companion.ui.common.lists.row_list import RowList
from imr_companion.ui.moments.rows import KEPT_YEARS
from imr_companion.ui.moments.screen import FIRST_ROWS, moment_rows
from tests.helpers import running, type_text, welcomed


def rows(app) -> list[str]:
    return [row.text for row in app.screen.query_one(RowList).rows]


async def open_moments(pilot) -> None:
    await pilot.press("escape", "3")
    await pilot.pause()


def seed_years(folder: Path, count: int) -> list[Moment]:
    """`count` good moments, one every third day going back from March 2026 (years of them)."""
    welcomed(folder)
    db = Database.open(folder)
    document = db.document()
    moments = []
    for n in range(count):
        day = date(2026, 3, 18) - timedelta(days=3 * n)
        created = datetime.combine(day, datetime.min.time())
        moments.append(Moment(text=f"Moment number {n}", day=day, created=created))
    document["moments"] = {str(i + 1): m.model_dump(mode="json") for i, m in enumerate(moments)}
    db.save_document(document)
    db.close()
    return moments


@pytest.mark.parametrize("stamped", [False, True])
async def test_years_of_moments_are_all_there_to_the_oldest(data_dir: Path, stamped: bool):
    # More than the screen reads before it is first drawn: the rest follows, a year at a time
    # (stamped: the store keeps older years unparsed until then, store/files/years.py).
    count = FIRST_ROWS * 3
    moments = seed_years(data_dir, count)
    if stamped:
        db = Database.open(data_dir)
        db.check_records(stamp=True)
        db.close()
    oldest = moments[-1]
    async with running(data_dir, size=(100, 30)) as (app, pilot):
        await open_moments(pilot)
        await pilot.pause()
        assert rows(app) == [row.text for row in moment_rows(moments)]
        await pilot.press("end")
        await pilot.pause()
        assert app.screen.query_one(RowList).current.text == f"{oldest.day:%a %d}  {oldest.text}"
        assert oldest.text in app.screen.query_one("#detail").render().plain
        await pilot.press("slash")
        await type_text(pilot, oldest.text)
        await pilot.pause()
        assert rows(app)[1:] == [f"{oldest.day:%a %d}  {oldest.text}"]
        assert bool(app.database.storage.older_years("moments")) == stamped  # read, and left as they were
        # Back to the whole list: the oldest moment (its year read again from the store) can be
        # deleted there and brought back, and only a few older years' rows stay held meanwhile.
        await pilot.press("enter", "escape", "end")
        await pilot.pause()
        assert app.screen.query_one(RowList).current.text == f"{oldest.day:%a %d}  {oldest.text}"
        assert len(app.screen._rows._held) <= KEPT_YEARS + 1
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert Repository.of(app.database, Moment).get(oldest.id) is None
        assert oldest.text not in rows(app)[-1]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert Repository.of(app.database, Moment).get(oldest.id) is not None
        assert rows(app)[-1] == f"{oldest.day:%a %d}  {oldest.text}"

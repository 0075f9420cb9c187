"""Good moments: newest first by month, a calendar, change, delete, search."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from imr_companion.models import Moment
from imr_companion.store import Database, Repository
from imr_companion.ui.common.lists.row_list import RowList
from tests.helpers import click_bar, running, type_text, welcomed


def seed(folder: Path) -> None:
    welcomed(folder)
    db = Database.open(folder)
    repo = Repository.of(db, Moment)
    for day, text in [
        (date(2026, 1, 5), "New year walk"),
        (date(2026, 3, 2), "Coffee with Ali"),
        (date(2026, 3, 17), "Finished a puzzle"),
        (date(2026, 3, 18), "Sunny bench"),
    ]:
        repo.add(Moment(text=text, day=day, created=datetime.combine(day, datetime.min.time())))
    db.close()


def rows(app) -> list[str]:
    return [row.text for row in app.screen.query_one(RowList).rows]


async def open_moments(pilot) -> None:
    await pilot.press("escape", "3")
    await pilot.pause()


async def test_grouped_by_month_newest_first_with_gentle_counts(data_dir: Path):
    seed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_moments(pilot)
        assert rows(app) == [
            "3 good moments in March 2026",
            "Wed 18  Sunny bench",
            "Tue 17  Finished a puzzle",
            "Mon  2  Coffee with Ali",
            "1 good moment in January 2026",
            "Mon  5  New year walk",
        ]
        calendar = app.screen.query_one("#calendar").render().plain
        assert "March 2026" in calendar and "3 days this month" in calendar


async def test_month_keys_and_calendar_follow_the_list(data_dir: Path):
    seed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_moments(pilot)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.screen.query_one(RowList).current.text == "Mon  5  New year walk"
        assert "January 2026" in app.screen.query_one("#calendar").render().plain
        await pilot.press("right_square_bracket")
        assert app.screen.query_one(RowList).current.text == "Wed 18  Sunny bench"


async def test_change_a_moment(data_dir: Path):
    seed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_moments(pilot)
        await pilot.press("down", "e")
        await pilot.pause()
        await pilot.press("end", "space")
        await type_text(pilot, "and a cake")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Tue 17  Finished a puzzle and a cake" in rows(app)
    db = Database.read_only(data_dir)
    assert "Finished a puzzle and a cake" in {m.text for m in Repository.of(db, Moment).all()}


async def test_a_bad_date_is_explained_and_nothing_else_is_lost(data_dir: Path):
    seed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_moments(pilot)
        await pilot.press("e")
        await pilot.pause()
        editor = app.screen
        editor.query_one("#day").value = "18/03/2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "year-month-day" in editor.query_one("#day-message").render().plain
        assert editor.query_one("#text").value == "Sunny bench"
        assert app.screen is editor


async def test_delete_asks_first(data_dir: Path):
    seed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_moments(pilot)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert "Wed 18  Sunny bench" in rows(app)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert "Wed 18  Sunny bench" not in rows(app)
        assert "2 good moments in March 2026" in rows(app)
    db = Database.read_only(data_dir)
    assert "Sunny bench" not in {m.text for m in Repository.of(db, Moment).all()}


async def test_search_by_words(data_dir: Path):
    seed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_moments(pilot)
        await pilot.press("slash")
        await type_text(pilot, "coffee")
        await pilot.pause()
        assert rows(app) == ["1 good moment in March 2026", "Mon  2  Coffee with Ali"]
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert len(rows(app)) == 6


async def test_the_area_bar_can_be_clicked(data_dir: Path):
    seed(data_dir)
    async with running(data_dir) as (app, pilot):
        await click_bar(pilot, "moments")
        await pilot.pause()
        assert app.current_mode == "moments"
        await click_bar(pilot, "today")
        await pilot.pause()
        assert app.current_mode == "today"

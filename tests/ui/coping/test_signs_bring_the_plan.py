"""A check-in that notices signs brings the person's own plan: steps, people, what helped, good moments."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from imr_companion.models import CheckIn, CopingStrategy, Moment
from imr_companion.models.coping import CopingTry
from imr_companion.store import Database, Repository
from imr_companion.ui.coping.signs import SignsNoticedScreen
from imr_companion.ui.plan.help_now import HelpNowScreen
from tests.helpers import running, shown_after, to_card
from tests.plan_seed import SLEEP, TODAY, seed_plan


def seed(folder: Path, checkins: dict, language: str = "en") -> None:
    """The sample plan, a strategy that helped and one that did not, good moments on calm and sign days."""
    seed_plan(folder, checkins=checkins)
    db = Database.open(folder)
    try:
        if language != "en":
            db.save_settings(db.settings().model_copy(update={"language": language}))
        tries = [
            CopingTry(day=TODAY - timedelta(days=9), helped=5),
            CopingTry(day=TODAY - timedelta(days=8), helped=4),
        ]
        Repository.of(db, CopingStrategy).add(
            CopingStrategy(text="Music with headphones [loud]", tries=tries)
        )
        Repository.of(db, CopingStrategy).add(
            CopingStrategy(text="Staying in bed", tries=[CopingTry(day=TODAY, helped=1)])
        )
        Repository.of(db, CheckIn).save(CheckIn.for_day(TODAY - timedelta(days=10), []))
        for days_ago, text in [
            (10, "Soup with a neighbour"),
            (5, "A day with signs"),
            (12, "Laughed at a film"),
        ]:
            Repository.of(db, Moment).add(Moment(text=text, day=TODAY - timedelta(days=days_ago)))
    finally:
        db.close()


async def test_a_sign_ticked_brings_the_plan_and_three_days_in_a_row_a_gentle_word(
    data_dir: Path, tmp_path: Path
):
    seed(data_dir, {5: [SLEEP]})
    async with running(data_dir) as (_app, pilot):
        await to_card(pilot, "checkin-card")
        text = await shown_after(pilot, "c", "space", "ctrl+s", front=SignsNoticedScreen)
        assert "Tell Maria how I feel" in text and "Go to bed at eleven" in text
        assert "Maria (sister)" in text and "06 555 0123" in text
        assert "Music with headphones [loud]" in text, "what helped, as typed"
        assert "Staying in bed" not in text, "only what helped"
        assert "Soup with a neighbour" in text and "Laughed at a film" in text
        assert "A day with signs" not in text, "good moments from a good time"
        assert "in a row" not in text, "one day: no suggestion"
        assert isinstance(await shown_after(pilot, "h", front=HelpNowScreen), str), "one key to Help now"
    stored = Repository.of(Database.read_only(data_dir), CheckIn).all()
    assert [c.noticed[0].id for c in stored if c.day == TODAY] == ["sleep"]

    again = tmp_path / "three days"
    seed(again, {1: [SLEEP], 2: [SLEEP]})
    async with running(again) as (_app, pilot):
        await to_card(pilot, "checkin-card")
        text = await shown_after(pilot, "c", "space", "ctrl+s", front=SignsNoticedScreen)
        assert "signs on 3 days in a row" in text
        assert "contact person" in text


def test_the_plan_after_signs_in_danish(data_dir: Path, snap_compare, open_app):
    seed(data_dir, {1: [SLEEP], 2: [SLEEP]}, language="da")
    db = Database.open(data_dir)
    Repository.of(db, CheckIn).save(CheckIn.for_day(TODAY, [SLEEP]))
    db.close()

    async def run_before(pilot) -> None:
        pilot.app.open_coping("signs:SignsNoticedScreen")

    assert snap_compare(open_app(data_dir), run_before=run_before, terminal_size=(80, 24))

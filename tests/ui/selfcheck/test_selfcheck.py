"""The self-check walked by keys: from ctrl+p, rate, skip, save; the contact person's view in together mode;
what was stored, read back as the next start reads it; and Today's offer walked in Danish."""

from __future__ import annotations

from pathlib import Path

from imr_companion.models import SelfCheck
from imr_companion.store import Database, Repository
from imr_companion.ui.common.quitting import QuitQuestion
from imr_companion.ui.selfcheck.form import SelfCheckForm
from imr_companion.ui.selfcheck.screen import SelfCheckScreen
from tests.helpers import english_left, running, settled, shown_after, to_card, type_text, welcomed
from tests.ui.markup_walk import screen_text


async def open_selfcheck(pilot) -> str:
    await pilot.press("ctrl+p")
    await type_text(pilot, "self")
    return await shown_after(pilot, "enter", front=SelfCheckScreen)


async def test_a_self_check_by_keys_is_stored_and_survives_a_restart(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        text = await open_selfcheck(pilot)
        assert "No self-check yet" in text
        text = await shown_after(pilot, "n", front=SelfCheckForm)
        assert "Moving toward my goals" in text and "Not yet" in text and "Well on my way" in text
        await pilot.press("4")  # goals: 4, and on to the next area
        await settled(pilot)
        assert "Knowing about my illness" in screen_text(app)
        await pilot.press("s", "right", "enter")  # knowledge skipped; family: 4 by the arrows
        await settled(pilot)
        await pilot.press("b")  # back to family, to change it
        await pilot.press("2")
        await settled(pilot)
        assert "medicine" not in screen_text(app).lower()  # not asked: no prescribed medicine said
        for _area in range(9):
            await pilot.press("s")
        await settled(pilot)
        assert "You rated 2 areas. 9 were skipped." in screen_text(app)
        text = await shown_after(pilot, "enter", front=SelfCheckScreen)
        assert "Moving toward my goals: 4 in March 2026" in text
        assert "Family or friends involved: 2 in March 2026" in text
        assert "Knowing" not in text  # never rated, so not drawn

        # The contact person's view, only in together mode, marked as theirs.
        assert "Their view" not in text
        app.together_with = "Jo"
        await settled(pilot)
        await shown_after(pilot, "v", front=SelfCheckForm)
        await pilot.press("3", *["s"] * 11)
        text = await shown_after(pilot, "enter", front=SelfCheckScreen)
        assert "Seen by Jo: ▄   3" in text
        app.together_with = None
        await settled(pilot)
        assert "Seen by Jo" not in screen_text(app)

    stored = Repository.of(Database.read_only(data_dir), SelfCheck).all()
    assert len(stored) == 2
    mine = next(c for c in stored if c.who == "person")
    theirs = next(c for c in stored if c.who == "contact")
    assert mine.ratings == {"goals": 4, "family": 2} and mine.together_with is None
    assert theirs.ratings == {"goals": 3} and theirs.together_with == "Jo"

    # Read back from the file by a new opening of the folder, as the next start reads it.
    reopened = Database.read_only(data_dir)
    assert Repository.of(reopened, SelfCheck).get(mine.id) == mine


async def test_offered_on_today_after_the_welcome_in_danish(data_dir: Path, danish):
    welcomed(data_dir)
    db = Database.open(data_dir)
    db.save_settings(db.settings().model_copy(update={"language": "da", "selfcheck_offer": "start"}))
    db.close()
    async with running(data_dir) as (app, pilot):
        await settled(pilot)
        text = screen_text(app)
        assert "et første selvtjek" in text
        await to_card(pilot, "selfcheck-card")
        text = await shown_after(pilot, "enter", front=SelfCheckForm)
        assert "På vej mod mine mål" in text and english_left(text) == []
        await pilot.press("3", *["s"] * 10)
        text = await shown_after(pilot, "enter", front=SelfCheckScreen)
        assert "På vej mod mine mål: 3 i marts 2026" in text
        assert english_left(text, frozenset({"Alex"})) == []
        await pilot.press("escape")
        await settled(pilot)
        assert "selvtjek" not in screen_text(app)  # done: Today no longer offers it
    assert Database.read_only(data_dir).settings().selfcheck_offer == ""


async def test_quitting_in_a_self_check_asks_about_the_numbers_chosen_and_can_leave_them(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_selfcheck(pilot)
        await shown_after(pilot, "n", front=SelfCheckForm)
        await pilot.press("4")
        await settled(pilot)
        text = await shown_after(pilot, "ctrl+q", front=QuitQuestion)
        # Numbers chosen, not words written: the question says what is not saved.
        assert "The numbers you chose in this self-check are not saved yet." in text
        await pilot.press("ctrl+q")  # asked once: ctrl+q again quits without saving
        await pilot.pause()
        assert not app.is_running
    assert Repository.of(Database.read_only(data_dir), SelfCheck).all() == []

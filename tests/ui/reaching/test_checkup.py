"""The check-up after the program, in Danish: Today's card says it fits, the walk through the plan, the
goal and the network card ends in a dated session note; the plan's "still fits" is a review."""

from __future__ import annotations

from pathlib import Path

from imr_companion import clock
from imr_companion.models import Plan, PlanVersion, SessionNote, Settings
from imr_companion.models.plan import WarningSign
from imr_companion.models.sessions import PLAN_FITS
from imr_companion.store import Database, Repository
from imr_companion.ui.reaching.checkup import CheckupScreen
from imr_companion.ui.today.screen import TodayScreen
from tests.helpers import english_left, running, settled, shown_after
from tests.ui.markup_walk import screen_text

OWN_WORDS = frozenset({"Alex", "IMR", "Companion"})


async def test_checkup_from_todays_card_in_danish(data_dir: Path):
    db = Database.open(data_dir)
    db.save_settings(Settings(first_name="Alex", welcomed=True, language="da", checkup_weeks=2))
    Repository.of(db, Plan).save(Plan(signs=[WarningSign(text="Sover dårligt")]))
    db.close()
    async with running(data_dir) as (app, pilot):
        today = screen_text(app)
        assert "Et tjek med mig selv" in today and "I dag er en god dag" in today
        assert english_left(today, OWN_WORDS) == []
        await pilot.click("#checkup-card")
        text = await shown_after(pilot, front=CheckupScreen)
        assert "1 tidligt advarselstegn" in text and "Sover dårligt" not in text
        seen = [text]
        await pilot.press("enter")  # "Den passer stadig" has the focus
        await settled(pilot)
        for _step in range(3):  # the goal, the network card, then the note
            await pilot.press("ctrl+n")
            await settled(pilot)
            seen.append(screen_text(app))
        assert "Min plan: set igennem, den passer stadig." in seen[-1]
        assert all(english_left(words, OWN_WORDS) == [] for words in seen), [english_left(w) for w in seen]
        await pilot.press("ctrl+s")
        for _ in range(100):
            if isinstance(app.screen, TodayScreen):
                break
            await pilot.pause(0.05)
        await settled(pilot)
        assert "I dag er en god dag" not in screen_text(app)  # the next check-up is in two weeks
    db = Database.open(data_dir)
    (note,) = Repository.of(db, SessionNote).all()
    assert note.done == [PLAN_FITS] and note.day == clock.today()
    assert [version.reviewed_on for version in Repository.of(db, PlanVersion).all()] == [clock.today()]
    db.close()

"""The check-up after the program, in Danish: Today's card says it fits, the walk through the plan, the
goal and the network card ends in a dated session note; the plan's "still fits" is a review."""

from __future__ import annotations

import os
from pathlib import Path

from imr_companion import clock
from imr_companion.models import Plan, PlanVersion, SessionNote, Settings
from imr_companion.models.plan import WarningSign
from imr_companion.models.together.sessions import PLAN_FITS, SELF_CHECK_DONE
from imr_companion.reaching import shortcut
from imr_companion.store import Database, Repository
from imr_companion.ui.common.choices.tick_box import TickBox
from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.palette import commands
from imr_companion.ui.reaching import checkup
from imr_companion.ui.reaching.checkup import CheckupScreen
from imr_companion.ui.today.screen import TodayScreen
from tests.helpers import english_left, running, settled, shown_after, wait_until
from tests.ui.markup_walk import screen_text

OWN_WORDS = frozenset({"Alex", "IMR", "Companion"})


async def test_checkup_from_todays_card_in_danish(data_dir: Path, monkeypatch):
    # The self-check's step shows where its form exists (ui/selfcheck); here a stand-in.
    monkeypatch.setattr(checkup, "SELF_CHECK_FORM", "tests.ui.reaching.fake_selfcheck:SavedAtOnce")
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
        for _step in range(3):  # the goal, the network card, the self-check
            await pilot.press("ctrl+n")
            await settled(pilot)
            seen.append(screen_text(app))
        assert "Trin 4 af 5: Selvtjek" in seen[-1]
        # An empty network card has nothing that could still fit: no answers offered, only where to start.
        assert "Netværkskortet" in seen[2] and "Den passer stadig" not in seen[2], seen[2]
        await pilot.press("enter")  # "Tag selvtjekket"
        await until(pilot, lambda: "Selvtjek: klaret." in screen_text(app))
        await pilot.press("ctrl+n")
        await settled(pilot)
        seen.append(screen_text(app))
        assert "Min plan: set igennem, den passer stadig." in seen[-1]
        assert all(english_left(words, OWN_WORDS) == [] for words in seen), [english_left(w) for w in seen]
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, TodayScreen), "Today never came back")
        await settled(pilot)
        assert "I dag er en god dag" not in screen_text(app)  # the next check-up is in two weeks
    db = Database.open(data_dir)
    (note,) = Repository.of(db, SessionNote).all()
    assert note.done == [PLAN_FITS, SELF_CHECK_DONE] and note.day == clock.today()
    assert [version.reviewed_on for version in Repository.of(db, PlanVersion).all()] == [clock.today()]
    db.close()


async def until(pilot, condition) -> None:
    await wait_until(pilot, condition, "not shown in time")


async def test_the_welcome_offers_once_unticked_and_the_palette_asks_first(data_dir: Path, monkeypatch):
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    monkeypatch.setenv("SHELL", "/bin/bash")
    for name in ("XDG_DESKTOP_DIR", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    bashrc = Path(os.environ["HOME"]) / ".bashrc"
    async with running(data_dir) as (app, pilot):
        assert not any(box.value for box in app.screen.query(TickBox))
        await pilot.click("#offer-hello")  # the hello only
        await pilot.click("#start")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        assert str(data_dir) in bashrc.read_text() and not shortcut.exists()
        listed = {command.title: command for command in commands(app, app.screen)}
        # Adding the shortcut asks first: Enter keeps things as they are, Tab then Enter adds it.
        for keys in (["enter"], ["tab", "enter"]):
            listed["Tilføj en genvej til at starte appen"].callback()
            await until(pilot, lambda: isinstance(app.screen, Confirm))
            await pilot.press(*keys)
            await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        assert shortcut.exists()
        listed["Ingen hilsen, når en terminal åbner"].callback()
        assert not bashrc.exists()  # it was made for the hello alone

"""The network card and the together pages in Danish, walked as a person would; a note read after a switch.

Every screen on the way is read as text: no English word may be left but the
person's own (names, what they wrote) and the handouts' titles (their Danish
words are the next issue's).
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from imr_companion import i18n
from imr_companion.models import SessionNote
from imr_companion.models.together.sessions import done_words
from imr_companion.store import Database, Repository
from tests.helpers import english_left, running, settled, type_text
from tests.together_seed import seed_everything
from tests.ui.markup_walk import screen_text

OWN_WORDS = frozenset(
    # The seeded people and the person's own words (MARKER-MARIA-NOTE, MARKER-MOMENT).
    {"Maria", "sister", "Jo", "Ben", "Alex", "Walk", "to", "the", "park", "NOTE", "MOMENT"}
)


def in_danish(folder: Path) -> Path:
    seed_everything(folder)
    db = Database.open(folder)
    db.save_settings(db.settings().model_copy(update={"language": "da"}))
    db.close()
    return folder


async def shown(pilot, *keys: str) -> str:
    await pilot.press(*keys)
    await settled(pilot)
    return screen_text(pilot.app)


async def test_network_and_together_speak_danish(data_dir: Path):
    async with running(in_danish(data_dir)) as (_app, pilot):
        assert i18n.language() == "da"
        seen: dict[str, str] = {}
        seen["network map"] = await shown(pilot, "escape", "5")
        assert "Familie" in seen["network map"] and "Mig" in seen["network map"]
        seen["network list"] = await shown(pilot, "v")
        assert "Tættest på · 1 person" in seen["network list"]
        seen["person editor"] = await shown(pilot, "e")
        assert "Ret denne person" in seen["person editor"]
        seen["editor closed"] = await shown(pilot, "escape")
        seen["F2 menu"] = await shown(pilot, "f2")
        assert "Ark til en støtteperson" in seen["F2 menu"]
        seen["since we last met"] = await shown(pilot, "s")
        assert "Siden sidst" in seen["since we last met"]
        seen["session notes"] = await shown(pilot, "escape", "f2", "n")
        assert "Mødenoter" in seen["session notes"]
        seen["a session"] = await shown(pilot, "w")
        assert "Trin 1 af 6: Et godt øjeblik" in seen["a session"]
        for name, text in seen.items():
            assert english_left(text, allowed=OWN_WORDS) == [], (name, text)


async def test_a_session_note_kept_in_danish_reads_in_english_after_a_switch(data_dir: Path):
    async with running(in_danish(data_dir)) as (app, pilot):
        await pilot.press("f2", "w")
        await settled(pilot)
        assert isinstance(app.screen.focused, Input)
        await type_text(pilot, "kaffe med Maria")
        await pilot.press("enter", *["ctrl+n"] * 5)
        await settled(pilot)
        assert "Et godt øjeblik: kaffe med Maria" in screen_text(app)
        await pilot.press("ctrl+s")
        await settled(pilot)
    db = Database.open(data_dir)
    try:
        notes = Repository.of(db, SessionNote).all()
    finally:
        db.close()
    kept = next(note for note in notes if "kaffe med Maria" in " ".join(note.done))
    # Stored as the same line whatever the language, and drawn in the language of the moment.
    assert kept.done == ["A good moment: kaffe med Maria"]
    i18n.use("en")
    assert done_words(kept.done[0]) == "A good moment: kaffe med Maria"
    i18n.use("da")
    assert done_words(kept.done[0]) == "Et godt øjeblik: kaffe med Maria"

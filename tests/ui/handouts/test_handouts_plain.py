"""Today's handouts cards read the stored records, not the models; a broken handout file harms nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Button, Static

from imr_companion import content, progress
from imr_companion import demo as demo_data
from imr_companion.models import Reading
from imr_companion.store import Database, Repository
from imr_companion.ui.plan.help_now import HelpNowScreen
from tests.helpers import models_imported_by, running, wait_until, welcomed
from tests.ui.handouts.test_handouts_reader import open_library


def test_where_to_continue_is_the_same_from_the_stored_records_as_through_the_models(tmp_path: Path):
    demo_data.create(tmp_path, years=1, language="en").close()
    db = Database.open(tmp_path)
    try:
        assert db.records_checked
        as_stored = progress.readings(db)
        modelled = {
            r.handout: progress.StoredReading.of(r.model_dump(mode="json"))
            for r in Repository.of(db, Reading).all()
        }
        assert as_stored == modelled and len(as_stored) > 1
        assert progress.where_to_continue(as_stored) == progress.where_to_continue(modelled)
        for handout in content.library():
            record = Repository.of(db, Reading).get(handout.id)
            place = progress.place_in(handout, as_stored.get(handout.id))
            ids = [s.id for s in handout.sections_for(record.sheet if record else None)]
            assert place.read == (record.has_read(ids) if record else 0)
    finally:
        db.close()


async def test_a_broken_handout_file_hides_the_card_and_handouts_say_so_while_help_now_works(
    data_dir: Path, tmp_path: Path, monkeypatch
):
    english = tmp_path / "en"
    shutil.copytree(Path(str(content.folder("en"))), english)
    (english / "03-stress-vulnerability.md").write_text("+++\ntitle = \n", encoding="utf-8")
    monkeypatch.setattr(content, "folder", lambda language="en": english if language == "en" else tmp_path)
    for cached in (content._files, content._read, content.library):
        cached.cache_clear()
    welcomed(data_dir)
    db = Database.open(data_dir)
    Repository.of(db, Reading).add(Reading.of("stress-vulnerability"))
    db.close()
    try:
        async with running(data_dir) as (app, pilot):
            # Module 3 was open last: its file cannot be read, so Today leaves the card out.
            assert not app.screen.query_one("#reading-card").display
            await open_library(pilot)
            await wait_until(pilot, lambda: app.current_mode == "handouts", "Handouts never opened")
            screen = app.screen
            assert "cannot be read just now" in str(screen.query_one("#continue", Button).label)
            assert "Help now works" in str(screen.query_one("#about", Static).render())
            await pilot.press("f1")
            await wait_until(pilot, lambda: isinstance(app.screen, HelpNowScreen), "Help now never opened")
    finally:
        for cached in (content._files, content._read, content.library):
            cached.cache_clear()


def test_the_handouts_cards_and_library_and_their_text_import_no_pydantic():
    """Today's two handouts cards, the library's screen and the handouts' text: without pydantic or
    the models (those come when a task is ticked, a reading saved, or the reader opened)."""
    modules = [
        "imr_companion.content",
        "imr_companion.progress",
        "imr_companion.ui.handouts.today_cards",
        "imr_companion.ui.handouts.screen",
    ]
    code = (
        "import importlib\n"
        f"for module in {modules!r}: importlib.import_module(module)\n"
        "from imr_companion import content\n"
        "content.library('da')\n"
    )
    assert models_imported_by(code) == []

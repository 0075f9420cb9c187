"""Coming back to a filled field, the cursor waits at the end: what is typed adds to the words,
never goes in front of them or replaces them."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from imr_companion.models import Answer, Moment, SupporterNote
from imr_companion.store import Database, Repository
from tests.helpers import running, type_text, welcomed
from tests.together_seed import seed_everything
from tests.ui.handouts.test_handouts_reader import open_module, read_on


async def test_a_written_answer_gets_more_words_at_its_end(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await open_module(pilot, 1)
        await read_on(pilot)  # 2: a text answer
        await pilot.press("tab")
        await type_text(pilot, "Having friends")
        await pilot.press("escape")  # leaving the field saves it
        await read_on(pilot)
        await pilot.press("b")  # back to the answer, drawn again from what was saved
        await pilot.pause()
        await pilot.press("tab")
        assert isinstance(app.focused, TextArea)
        await type_text(pilot, " ZZ")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "Having friends ZZ"
    answers = {a.exercise: a for a in Repository.of(Database.read_only(data_dir), Answer).all()}
    assert answers["recovery-means"].text == "Having friends ZZ"


async def test_the_supporter_sheets_box_gets_more_words_at_its_end(data_dir: Path):
    seed_everything(data_dir)
    async with running(data_dir, size=(100, 34)) as (app, pilot):
        await pilot.press("f2", "h")
        await pilot.pause()
        assert app.screen.shown.id == "maria"
        await pilot.press("tab")
        assert app.focused.id == "supporter-asks"
        await type_text(pilot, " ZZ")
        await pilot.press("ctrl+q")
        await pilot.pause()
    note = Repository.of(Database.read_only(data_dir), SupporterNote).get("maria")
    assert note is not None and note.asks == "ASK-FOR-MARIA ZZ"


async def test_an_editors_filled_field_is_not_replaced_by_the_next_key(data_dir: Path):
    welcomed(data_dir)
    db = Database.open(data_dir)
    Repository.of(db, Moment).add(Moment(text="Tea in the sun"))
    db.close()
    async with running(data_dir) as (app, pilot):
        await pilot.press("escape", "3")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.focused, Input) and app.focused.value == "Tea in the sun"
        await type_text(pilot, " with Kim")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [m.text for m in Repository.of(Database.read_only(data_dir), Moment).all()] == [
        "Tea in the sun with Kim"
    ]

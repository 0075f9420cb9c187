"""Each module's Words page: one key away in the reader, and back to the same section."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Markdown

from imr_companion import content
from imr_companion.ui.handouts.reader import ReaderScreen
from imr_companion.ui.handouts.words import WordsScreen
from tests.helpers import running, welcomed
from tests.ui.handouts.test_handouts_reader import open_module, position, read_on


async def test_w_shows_the_modules_words_and_escape_returns_to_the_same_section(data_dir: Path):
    welcomed(data_dir)
    medication = content.library()[4]
    assert medication.words, "module 5 explains its harder words"
    async with running(data_dir) as (app, pilot):
        await open_module(pilot, 5)
        await read_on(pilot, 2)
        where = position(app)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WordsScreen)
        shown = app.screen.query_one(Markdown).source
        for word in medication.words:
            assert word.word in shown and word.meaning in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert position(app) == where

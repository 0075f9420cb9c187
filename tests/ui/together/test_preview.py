"""The previews show the page as it will be: the printed page without Markdown marks, or the text file."""

from __future__ import annotations

import re
from pathlib import Path

from imr_companion.ui.together.share import PAGE_TO_PRINT, PLAIN_TEXT_FILE, ShareScreen
from imr_companion.ui.together.supporter import NO_SIGNS_MARKED, SupporterScreen
from tests.helpers import running
from tests.together_seed import seed_everything

MARKDOWN_MARKS = re.compile(r"(^|\n)#+ |\*\*|\\[-.:#*_\[\]@]|(^|\n)- ")


async def wait_for_preview(app, pilot, selector: str, wanted: str) -> str:
    text = ""
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = app.screen.query_one(selector).render().plain
        if wanted in text:
            break
    return text


async def test_the_share_preview_shows_the_page_to_print_without_marks(data_dir: Path):
    seed_everything(data_dir)
    async with running(data_dir, size=(100, 40)) as (app, pilot):
        await pilot.press("f2", "p")
        screen = app.screen
        assert isinstance(screen, ShareScreen)
        labels = [str(button.label) for button in screen.query("#share-format RadioButton")]
        assert any(PAGE_TO_PRINT in label for label in labels)
        assert any(PLAIN_TEXT_FILE in label for label in labels)
        shown = await wait_for_preview(app, pilot, "#share-preview", "MARKER-WELL")
        assert "My plan for staying well" in shown and "MARKER-WELL" in shown
        assert "In an emergency" in shown and "Uncle Tom: HELPER-TOM-REACH" in shown
        assert not MARKDOWN_MARKS.search(shown), shown
        # The plain text file is shown as the file will read.
        await pilot.click("#markdown")
        shown = await wait_for_preview(app, pilot, "#share-preview", "## ")
        assert "# My plan for staying well" in shown and "**Uncle Tom**" in shown


async def test_the_supporter_preview_shows_the_page_and_a_note_that_is_not_printed(data_dir: Path):
    seed_everything(data_dir)
    async with running(data_dir, size=(100, 34)) as (app, pilot):
        await pilot.press("f2", "h")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SupporterScreen)
        shown = screen.query_one("#supporter-preview").render().plain
        assert "I would like you to know this." in shown and "SIGN-FOR-MARIA" in shown
        assert not MARKDOWN_MARKS.search(shown), shown
        assert " ".join(NO_SIGNS_MARKED.split()) not in " ".join(shown.split())
        # Jo has no signs marked: the note for the person making the sheet, above the page.
        await pilot.press("down", "down")
        await pilot.pause()
        assert screen.shown.id == "jo"
        shown = " ".join(screen.query_one("#supporter-preview").render().plain.split())
        assert shown.startswith(" ".join(NO_SIGNS_MARKED.split()))
        await pilot.click("#markdown")
        await pilot.pause()
        assert "## What I would like you to do" in screen.query_one("#supporter-preview").render().plain

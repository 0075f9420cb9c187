"""The handouts in Danish: the app's own words around the handouts, at 80x24.

A walk reads the app's own words (buttons, titles, columns, the footer's keys
of the screen, notices) around modules 1 and 2, written in Danish; a module not
yet written in Danish says so in Danish (the library's snapshot).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Button

from imr_companion import content
from imr_companion.models import PracticeTask
from imr_companion.store import Database, Repository
from imr_companion.ui.common.textual_internals import FooterKey
from tests.helpers import english_left
from tests.ui.handouts.test_handouts_snapshots import reading_folder, steady  # noqa: F401 (a fixture)
from tests.ui.markup_walk import screen_text, wait_for

ONLY_ENGLISH = "Dette materiale findes endnu kun på engelsk."


@pytest.fixture
def danish_folder(reading_folder: Path) -> Path:  # noqa: F811
    db = Database.open(reading_folder)
    db.save_settings(db.settings().model_copy(update={"language": "da"}))
    db.close()
    return reading_folder


def test_library_in_danish(snap_compare, open_app, danish_folder):
    assert snap_compare(open_app(danish_folder), press=["escape", "2"], run_before=steady)


def test_section_with_a_checklist_in_danish(snap_compare, open_app, danish_folder):
    async def open_section(pilot) -> None:
        from imr_companion.ui.handouts.screen import open_reader

        open_reader(pilot.app, "recovery-strategies", "strategies-that-many-people-use")
        await pilot.pause()
        await pilot.press("tab", "down")
        await steady(pilot)

    assert snap_compare(open_app(danish_folder), run_before=open_section)


def drawn(app, *nodes) -> str:
    """What the terminal shows where `nodes` are drawn, line by line."""
    lines = screen_text(app).splitlines()
    parts = []
    for node in nodes:
        region = node.region
        parts += [line[region.x : region.right] for line in lines[region.y : region.bottom]]
    return "\n".join(parts)


def screen_keys(app) -> list[str]:
    """The footer's words for the keys of the screen in front (the app's own keys are Today's)."""
    actions = {binding.action for binding in type(app.screen).BINDINGS}
    return [key.description for key in app.screen.query(FooterKey) if key.action in actions]


def bars(app) -> str:
    """The area bar and the footer: the first and last lines of the terminal."""
    lines = screen_text(app).splitlines()
    return f"{lines[0]}\n{lines[-1]}"


def words_of(*texts: str) -> frozenset[str]:
    return frozenset(word for text in texts for word in re.findall(r"[A-Za-z']+", text))


async def test_a_walk_in_danish_leaves_no_english_of_the_apps_own(open_app, danish_folder):
    app = open_app(danish_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape", "2")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HandoutsScreen", "the library")
        # Module 2 is written in Danish: its own title and summary, and no word about English.
        module = content.library("da")[1]
        assert module.language == "da"
        await wait_for(pilot, lambda: module.summary in screen_text(app), "module 2's summary")
        assert ONLY_ENGLISH not in screen_text(app)
        screen = app.screen
        about = drawn(app, screen.query_one("#about"))
        assert english_left(about, words_of(module.title, module.summary)) == []
        frame = drawn(app, screen.query_one("#buttons"), screen.query_one("#columns"))
        assert "Fortsæt (c): Modul 2, afsnit 4 af 9" in frame and "Prøv i denne uge (p)" in frame
        assert english_left(frame) == []
        assert screen_keys(app) == ["Fortsæt", "Prøv i denne uge", "Min gruppe"]
        assert english_left(bars(app)) == [], bars(app)
        assert "✓ klaret" in drawn(app, screen.query_one("#modules"))

        # The reader, on a page with a checklist: the frame around the English text.
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ReaderScreen", "the reader")
        await wait_for(pilot, lambda: f"Modul 2 · {module.title}" in screen_text(app), "module 2 in Danish")
        reader = app.screen
        from imr_companion.ui.handouts.screen import open_reader

        open_reader(app, "recovery-strategies", "strategies-that-many-people-use")
        await wait_for(pilot, lambda: reader.query("#exercise-strategies-to-try"), "the checklist")

        def checklist_shown() -> bool:
            reader.query_one("#page").scroll_to_widget(
                reader.query_one("#exercise-strategies-to-try"), animate=False
            )
            return "Sæt kryds ved det, der passer" in screen_text(app)

        await wait_for(pilot, checklist_shown, "the checklist")
        first = content.library("en")[0]
        where = drawn(app, reader.query_one("#where"))
        assert "Modul 1 · " in where and "6 af 11 · ✓ klaret" in where
        assert english_left(where, words_of(first.title)) == []
        assert english_left(drawn(app, reader.query_one("#language-note"))) == []
        assert screen_keys(app) == ["Næste", "Tilbage", "Ikke klaret", "Prøv i ugen", "Ord", "Luk"]
        assert english_left(bars(app)) == [], bars(app)
        assert "^q Afslut ▏^p Mere" in bars(app), "the footer fits 80 columns"
        labels = [
            str(button.label) for button in reader.query("#nav Button").results(Button) if button.display
        ]
        assert labels == ["← Tilbage (b)", "Næste (n) →", "Oversigt (esc)"]
        exercise = first.exercise("strategies-to-try")
        assert exercise is not None
        form = reader.query_one("#exercise-strategies-to-try")
        assert form.border_title == "Sæt kryds ved det, der passer"
        assert "Gemt 2. marts 2026." in drawn(app, form) or "Gemt 2. marts 2026." in str(
            form.query_one(".saved").render()
        )

        # The last section: 'Prøv i denne uge' frame, the Words page, the first-section notice.
        await pilot.press("w")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "WordsScreen", "the Words page")
        close = app.screen.query_one("#close", Button)
        assert str(close.label) == "Tilbage til teksten (esc)"
        await pilot.press("escape")
        open_reader(app, "recovery-strategies", "try-this-week")
        await wait_for(pilot, lambda: reader.query("#practice-form"), "the practice section")
        await pilot.pause()
        practice = reader.query_one("#practice-form")
        assert practice.border_title == "Prøv i denne uge"
        options = words_of(*(task.text for task in first.practice))
        assert english_left(drawn(app, practice), options) == []

        # This week's practice: headings with Danish dates, buttons, the footer and a notice.
        await pilot.press("escape", "escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HandoutsScreen", "the library again")
        await pilot.press("p")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "PracticeScreen", "this week's practice")
        await pilot.press("down")
        await wait_for(pilot, lambda: "Denne uge, fra mandag 16. marts" in screen_text(app), "the week")
        ours = words_of("Write down one good moment each day.")
        shown = drawn(app, app.screen.query_one("#title"), app.screen.query_one("#tasks"))
        assert english_left(shown, ours) == []
        await pilot.press("ctrl+x")
        said = lambda: " ".join(str(notice.message) for notice in app._notifications)  # noqa: E731
        await wait_for(pilot, lambda: "Markeret som klaret. ctrl+z fortryder." in said(), "the notice")
        await pilot.pause()
        actions = drawn(app, app.screen.query_one("#actions"), app.screen.query_one("#detail"))
        assert "Ikke klaret endnu (ctrl+x)" in actions and "klaret ons. 18. mar." in actions
        assert english_left(actions, ours) == []
        assert screen_keys(app) == ["Klaret", "Slip", "Tilføj", "Ret", "Slet", "Tilbage"]
        assert english_left(bars(app)) == [], bars(app)
        assert english_left(said()) == []

    # Stored: the task's status, never words of either language.
    (task,) = Repository.of(app.database, PracticeTask).all()
    assert task.status == "done" and task.text == "Write down one good moment each day."

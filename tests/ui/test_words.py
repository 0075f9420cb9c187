"""The app speaks a participant's words: no file formats, record counts or commands; praise when earned."""

from __future__ import annotations

import re
from pathlib import Path

from textual.command import CommandInput

from imr_companion import tables
from imr_companion.models import Person
from imr_companion.store import Database, Repository
from imr_companion.ui.app import FIND_AN_ACTION
from imr_companion.ui.plan.editor import HELPER_CHOICE
from tests.helpers import running, welcomed

UI = Path(__file__).parents[2] / "imr_companion" / "ui"
# Words of the program or of the machine, not of a person doing the exercises.
NOT_A_PARTICIPANTS = [
    "Well done",  # praise after a key the person may not have meant
    "Nice work",
    "HTML",
    "Markdown",
    "entries",
    "imr-companion ",
    "Search for commands",
    "made on request",
    "not in this version",
    "does not fit in the plan",
    "invalid",
]


def said_strings(source: str) -> list[str]:
    """The string literals of a module that are not docstrings or comments (roughly: quoted text)."""
    without_docstrings = re.sub(r'(?s)"""(.*?)"""', "", source)
    without_comments = re.sub(r"(?m)#.*$", "", without_docstrings)
    return re.findall(r'"([^"\n]*)"', without_comments)


def test_no_screen_says_words_that_are_not_a_participants():
    found = []
    for path in sorted(UI.rglob("*.py")):
        # Sentences only: an id such as "to_entries" is not said to anyone.
        sentences = [text for text in said_strings(path.read_text(encoding="utf-8")) if " " in text]
        for text in sentences:
            found += [f"{path.relative_to(UI)}: {text}" for word in NOT_A_PARTICIPANTS if word in text]
    assert not found, found


def test_a_copy_is_described_by_what_it_holds():
    def table(count: int) -> dict:
        return {str(n): {} for n in range(1, count + 1)}

    assert tables.holdings({}) == "nothing written yet"
    assert tables.holdings({"plan": table(1)}) == "some of what you wrote"
    assert tables.holdings({"moments": table(1)}) == "1 good moment"
    document = {"moments": table(1204), "goals": table(3), "people": table(12)}
    assert tables.holdings(document) == "1,204 good moments, 3 goals and 12 people on the network card"
    document["answers"] = table(2)
    assert tables.holdings(document) == "1,204 good moments, 3 goals, 12 people on the network card and more"


async def test_the_palette_asks_what_to_find(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == FIND_AN_ACTION == "Find an action…"


async def test_choosing_a_helper_says_why_only_some_people_are_listed(data_dir: Path):
    welcomed(data_dir)
    db = Database.open(data_dir)
    Repository.of(db, Person).add(Person(name="Maria", call_for_help=True))
    Repository.of(db, Person).add(Person(name="Ben"))
    db.close()
    async with running(data_dir, size=(100, 40)) as (app, pilot):
        from imr_companion.models.plan import SECTION_BY_FIELD
        from imr_companion.ui.plan.editor import EntryEditor

        people = Repository.of(app.database, Person).all()
        app.push_screen(EntryEditor(SECTION_BY_FIELD["helpers"], None, people, lambda entry: None))
        await pilot.pause()
        label = " ".join(str(label.render()) for label in app.screen.query("Label"))
        assert HELPER_CHOICE in label and "the people you call when you need help" in HELPER_CHOICE
        assert len(HELPER_CHOICE) <= 62, "one line in the editor at 80 columns"


async def test_a_file_that_could_not_be_saved_says_why_in_plain_words(
    data_dir: Path, tmp_path: Path, monkeypatch
):
    import errno

    from textual.widgets import Input

    from imr_companion.ui.together import saving

    def full_disk(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(saving, "write_chosen", full_disk)
    welcomed(data_dir)
    said: list[str] = []
    async with running(data_dir, size=(100, 40)) as (app, pilot):
        monkeypatch.setattr(app, "notify", lambda message, **_: said.append(str(message)))
        await pilot.press("f2", "p")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(tmp_path / "plan.html")
        await pilot.press("enter")
        await pilot.pause()
    assert said == ["It could not be saved there (the disk is full)."]

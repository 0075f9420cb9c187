"""Today, the welcome and ctrl+p in Danish: the language chosen in the palette shows at once, stays after
a restart and changes no stored record; the Danish screens fit 80x24 and leave no English words."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path

from textual.command import CommandList, CommandPalette
from textual.widgets import Input, RadioButton

from imr_companion import i18n
from imr_companion.export import transfer
from imr_companion.models import Moment
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database
from imr_companion.store.database import SETTINGS
from imr_companion.ui.app import CompanionApp
from imr_companion.ui.common.choices.region_choice import RegionChoice
from imr_companion.ui.common.frame.area_bar import AreaBar
from imr_companion.ui.common.frame.keys_footer import KeysFooter
from imr_companion.ui.palette import commands
from imr_companion.ui.today.screen import TodayScreen
from imr_companion.ui.today.welcome import WelcomeScreen
from imr_companion.ui.together.menu import together_commands
from tests.conftest import no_blink
from tests.helpers import english_left, fixed_folder, running, type_text, wait_until, welcomed

TEXTS = ["Walked to the shop", "Tea with my sister", "Slept well", "Finished a puzzle", "Fed the ducks"]
OWN_WORDS = frozenset({"Alex", "IMR", "Companion", *(word for text in TEXTS for word in text.split())})
"""Names and the person's own words: never translated."""


def seeded(folder: Path, language: str | None = None) -> Path:
    """Alex's folder with two months of good moments, as Today's snapshot in English has them."""
    welcomed(folder, "Alex")
    db = Database.open(folder)
    day = date(2026, 3, 18)
    moments = [
        Moment(text=TEXTS[n % len(TEXTS)], day=d, created=datetime.combine(d, datetime.min.time()))
        for n in range(30)
        for d in [day - timedelta(days=n * 2)]
    ]
    document = db.document()
    document["moments"] = {str(i): m.model_dump(mode="json") for i, m in enumerate(moments, 1)}
    db.save_document(document)
    if language:
        db.save_settings(db.settings().model_copy(update={"language": language}))
    db.close()
    return folder


def todays_own_words(app: CompanionApp) -> str:
    """What Today itself says (the bar, the greeting, the good-moment card, the footer): the cards
    below it are each area's own."""
    screen = app.screen
    assert isinstance(screen, TodayScreen)
    parts = [screen.query_one(AreaBar).render().plain, str(screen.query_one("#greeting").render())]
    card = screen.query_one("#moment-card")
    parts.append(card.border_title or "")
    parts.append(screen.field.placeholder)
    parts += [str(widget.render()) for widget in card.query("Static") if widget.display]
    parts += [str(key.render()) for key in screen.query_one(KeysFooter).query("FooterKey")]
    return "\n".join(parts)


async def choose_in_palette(pilot, search: str, choice: str) -> None:
    """ctrl+p, look for `search`, Enter; then the choice named `choice`, as a person picks it."""
    app = pilot.app
    await pilot.press("ctrl+p")
    await type_text(pilot, search)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await wait_until(
        pilot,
        lambda: isinstance(app.screen, CommandPalette)
        and app.screen.query_one(Input).placeholder.startswith("Language"),
        "the palette never asked for the language",
    )
    await type_text(pilot, choice)
    await pilot.pause(0.3)
    await pilot.press("enter")


async def until(pilot, condition) -> None:
    await wait_until(pilot, condition, "the screen never showed it")


async def test_danish_chosen_in_the_palette_shows_at_once_keeps_the_writing_and_stays_after_a_restart(
    data_dir: Path,
):
    folder = seeded(data_dir)
    before = json.loads((folder / DATA_FILE).read_bytes())
    async with running(folder) as (app, pilot):
        assert app.screen.query_one(AreaBar).render().plain.startswith(" ▸ 1 Today ")
        await type_text(pilot, "half a thought")
        await choose_in_palette(pilot, "Sprog", "Dansk")
        await until(pilot, lambda: "I dag" in app.screen.query_one(AreaBar).render().plain)
        # At once: the bar, Today's words and its footer; the words being typed are still there.
        assert isinstance(app.screen, TodayScreen)
        assert app.screen.field.value == "half a thought"
        said = todays_own_words(app)
        assert "Et godt øjeblik i dag" in said and "onsdag 18. marts" in said and "Afslut" in said
        assert english_left(said, OWN_WORDS) == [], said
        # Another area opened after the choice speaks Danish too.
        await pilot.press("escape", "3")
        await until(pilot, lambda: "▸ 3 Gode øjeblikke" in app.screen.query_one(AreaBar).render().plain)
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        app.screen.field.value = ""
    after = json.loads((folder / DATA_FILE).read_bytes())
    # Stored: the setting, and nothing else changed.
    assert after[SETTINGS]["1"]["language"] == "da"
    assert {**after, SETTINGS: None, "_meta": None} == {**before, SETTINGS: None, "_meta": None}
    assert {**after[SETTINGS]["1"], "language": None} == {**before[SETTINGS]["1"], "language": None}
    # The JSON export carries the choice; an import puts it back.
    db = Database.open(folder)
    try:
        exported = transfer.to_json(db)
    finally:
        db.close()
    assert json.loads(exported)["settings"]["language"] == "da"
    assert transfer.document_from_json(exported)[SETTINGS]["1"]["language"] == "da"

    i18n.use("en")  # as a new start: the app chooses from the settings
    async with running(folder) as (app, pilot):
        assert i18n.language() == "da"
        assert app.screen.query_one(AreaBar).render().plain.startswith(" ▸ 1 I dag ")
        await choose_in_palette(pilot, "Language", "English")
        await until(pilot, lambda: "Today" in app.screen.query_one(AreaBar).render().plain)
        assert "A good moment today" in todays_own_words(app)
    assert json.loads((folder / DATA_FILE).read_bytes())[SETTINGS]["1"]["language"] == "en"


async def test_today_the_welcome_and_the_palette_leave_no_english_in_danish(data_dir: Path, tmp_path: Path):
    async with running(seeded(data_dir, "da")) as (app, pilot):
        await until(pilot, lambda: app.screen.query_one("#month-count").display)
        assert english_left(todays_own_words(app), OWN_WORDS) == []
        assert "9 gode øjeblikke i marts." in todays_own_words(app)
        # ctrl+p: the app's own actions, and the keys of the screen in front.
        # The together pages' own commands are theirs (ui/together).
        together = {command.title for command in together_commands(app)}
        listed = [f"{c.title}\n{c.help}" for c in commands(app, app.screen) if c.title not in together]
        assert any(line.startswith("Hjælp nu\n") for line in listed)
        assert english_left("\n".join(listed), frozenset({"IMR", "Companion", "Language"})) == []
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        assert app.screen.query_one(Input).placeholder == "Find det, du vil gøre …"
        # Nothing matches: said in Danish too (Textual's own says "No matches found").
        await type_text(pilot, "zqxw")
        command_list = app.screen.query_one(CommandList)

        def said() -> str:
            prompts = [command_list.get_option_at_index(i).prompt for i in range(command_list.option_count)]
            return " ".join(str(getattr(p, "renderable", p)) for p in prompts)

        await until(pilot, lambda: "Intet fundet" in said())


def welcome_words(screen: WelcomeScreen) -> str:
    """The welcome's own words (the list of regions is Help now's)."""
    region = set(screen.query_one(RegionChoice).query("*").results())
    said = [str(w.render()) for w in screen.query("Static").results() if w not in region]
    return "\n".join([*said, screen.query_one("#name", Input).placeholder])


async def test_a_first_run_on_a_danish_computer_welcomes_in_danish_and_english_is_one_choice_away(
    data_dir: Path, monkeypatch
):
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    async with running(data_dir) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, WelcomeScreen)
        assert [b.name for b in screen.query(RadioButton) if b.value] == ["da"]
        said = welcome_words(screen)
        assert "Velkommen til IMR Companion" in said
        # The folder's name is shown as it is.
        folder = re.findall(r"[A-Za-z']+", str(data_dir))
        assert english_left(said, frozenset({"English", "IMR", "Companion", *folder})) == [], said
        # Enter on the language marked keeps it: the highlight starts on it, not on the first.
        screen.query_one("#language").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert [b.name for b in app.screen.query(RadioButton) if b.value] == ["da"]
        app.screen.query_one("#name", Input).focus()
        await type_text(pilot, "Kim")
        await pilot.click("#language RadioButton")  # English, named in itself
        await until(pilot, lambda: "Welcome to IMR Companion" in welcome_words(app.screen))
        assert app.screen.query_one("#name", Input).value == "Kim"
        app.screen.query_one("#name", Input).focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        assert "Good evening, Kim." in todays_own_words(app)
    assert json.loads((data_dir / DATA_FILE).read_bytes())[SETTINGS]["1"]["language"] == "en"


def test_today_in_danish_fits_80_by_24(snap_compare, data_dir: Path, open_app):
    assert snap_compare(open_app(seeded(data_dir, "da")), terminal_size=(80, 24), run_before=no_blink)


def test_the_welcome_in_danish_fits_80_by_24(snap_compare, monkeypatch):
    # The welcome names the data folder, so it must be the same on every run.
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    with fixed_folder("imr-companion-snapshot-da") as folder:
        db = Database.open(folder)
        try:
            assert snap_compare(CompanionApp(db), terminal_size=(80, 24), run_before=no_blink)
        finally:
            db.close()


async def test_the_area_bar_fits_80_columns_in_danish_whichever_area_is_open(danish):
    from textual.app import App

    from imr_companion.areas import AREAS

    class Bars(App[None]):
        BINDINGS = [("f1", "help_now", "Help now")]  # as the app's: the bar names the key

        def compose(self):
            for area in AREAS:
                yield AreaBar(area.mode)

    app = Bars()
    async with app.run_test(size=(80, 24)):
        for bar in app.query(AreaBar):
            line = bar.render().plain
            assert len(line) == 80 and line.endswith("F1 Hjælp nu"), line
            assert f"▸ {next(a.key for a in AREAS if a.mode == bar.current)} " in line

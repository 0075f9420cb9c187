"""The manifest (imr_companion/areas.py) is the one place that says what areas, Today cards,
share parts, "since we last met" lines and tables there are: every entry is real, and
nothing else in the code registers one."""

from __future__ import annotations

import ast
import inspect
import re
from datetime import date
from pathlib import Path

from imr_companion import areas, i18n
from imr_companion.areas import AREAS, SHARE_PARTS, SINCE_LINES, TABLES, TODAY_CARDS, in_bar, load
from imr_companion.tables import RECORD_TABLE_NAMES
from imr_companion.ui.keys.cards import CARDS

PACKAGE = Path(areas.__file__).parent
UI_FOLDERS = {p.parent.name for p in (PACKAGE / "ui").glob("*/*.py")}
MODES = {area.mode for area in AREAS}

# Names that would register areas, cards, parts or lines beside the manifest, and
# the few places where such a name means something else or is read from it.
REGISTERING_NAMES = {
    *("AREAS", "MODES", "SCREENS_BY_MODE", "TODAY_CARDS", "SHARE_PARTS", "PART_TITLES", "SINCE_LINES"),
}
ALLOWED = {
    ("models/selfcheck.py", "AREAS"): "the IMR Scale's areas of life, not the app's",
    ("ui/app.py", "SCREENS_BY_MODE"): "built from the manifest (areas.screen_makers)",
    ("ui/app.py", "MODES"): "SCREENS_BY_MODE less the starting mode, for Textual",
    ("sharing/parts.py", "PART_TITLES"): "read from areas.SHARE_PARTS",
}
ALLOWED_TARGETS = {
    ("ui/reaching/checkup.py", "imr_companion.ui.selfcheck.form:SelfCheckForm"): "a step of the check-up, "
    "not an area: ui/reaching may not import ui/selfcheck",
}
TARGET = re.compile(r"^imr_companion\.[\w.]+:\w+$")
OPEN_AREA = re.compile(r"open_area\('(\w+)'\)")


def _sources():
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative != "areas.py":
            yield relative, ast.parse(path.read_text(encoding="utf-8"))


def _own_keys(cls) -> set[str]:
    """The keys of a card's own BINDINGS and its bases' up to TodayCard (whose arrows move between cards)."""
    from imr_companion.ui.common.today_card import TodayCard

    keys: set[str] = set()
    for klass in cls.__mro__:
        if klass is TodayCard:
            break
        for binding in vars(klass).get("BINDINGS", ()):
            keys.update(k.strip() for k in binding.key.split(","))
    return keys


def test_every_entry_of_the_manifest_is_real():
    from textual.screen import Screen

    from imr_companion.store.queries.since import Since
    from imr_companion.ui.common.today_card import TodayCard

    owners = MODES | UI_FOLDERS
    # The bar: the digits 1-6 in order, at most six (the seventh area has no key: ARCHITECTURE).
    assert [a.key for a in in_bar()] == [str(n) for n in range(1, len(in_bar()) + 1)]
    assert len(in_bar()) <= 6 and len(MODES) == len(AREAS)
    for area in AREAS:
        screen = load(area.screen)
        assert issubclass(screen, Screen) and getattr(screen, "MODE", area.mode) == area.mode, area
    welcome_mode, welcome = areas.WELCOME
    assert issubclass(load(welcome), Screen) and welcome_mode not in MODES
    today_keys = {"tab", "shift+tab", "up", "down", "escape"}
    groups = {group.name: group for group in CARDS}
    for card in TODAY_CARDS:
        widget = load(card.widget)
        assert issubclass(widget, TodayCard) and card.owner in owners, card
        # Its keys are its declared group's (ui/keys/cards.py), named once there.
        keys = {key.strip() for action in groups[card.keys] for key in action.key.split(",")}
        assert _own_keys(widget) == keys, card
        # A card's key never hides an area's digit or Today's way between the field and the cards.
        assert not keys & ({a.key for a in AREAS} | today_keys), card
    assert len({c.keys for c in TODAY_CARDS}) == len(TODAY_CARDS) == len(CARDS)
    assert len({c.widget for c in TODAY_CARDS}) == len(TODAY_CARDS)
    for part in SHARE_PARTS:
        assert part.owner in owners and set(part.tables) <= set(RECORD_TABLE_NAMES), part
        assert list(inspect.signature(load(part.blocks)).parameters) == ["database", "choice"], part
    assert len({p.name for p in SHARE_PARTS}) == len(SHARE_PARTS)
    for line in SINCE_LINES:
        assert line.owner in owners and set(line.tables) <= set(RECORD_TABLE_NAMES), line
        assert load(line.lines)(Since(day=date(2026, 1, 1))) == [], line
    # Every table of the data file is kept by one owner, and only by one.
    kept = [table for tables in TABLES.values() for table in tables]
    assert sorted(kept) == sorted(RECORD_TABLE_NAMES) and set(TABLES) <= owners
    assert set(areas.TOOL_AREAS.values()) <= MODES


def _registrations(relative: str, node: ast.AST):
    """What `node` would register beside the manifest, in words."""
    if isinstance(node, ast.Assign | ast.AnnAssign):
        for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
            name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
            if name in REGISTERING_NAMES and (relative, name) not in ALLOWED:
                yield f"assigns {name}"
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if TARGET.match(node.value) and (relative, node.value) not in ALLOWED_TARGETS:
            yield f"names {node.value}"
        yield from (f"opens an unknown area {m!r}" for m in OPEN_AREA.findall(node.value) if m not in MODES)
        if len(parts := set(node.value.split(","))) > 2 and parts <= {p.name for p in SHARE_PARTS}:
            yield f"lists the share parts {node.value!r}"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr == "add_mode" and relative not in ("ui/app.py", "ui/language.py"):
            yield "adds a mode"
        literal = node.args[0] if node.args and isinstance(node.args[0], ast.Constant) else None
        if node.func.attr in ("switch_mode", "action_open_area") and literal and literal.value not in MODES:
            yield f"opens an unknown area {literal.value!r}"


def test_nothing_else_registers_an_area_a_card_a_part_or_a_line():
    from imr_companion.ui.common.today_card import TodayCard

    found: list[str] = []
    bases: dict[str, set[str]] = {}
    for relative, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {b.id for b in node.bases if isinstance(b, ast.Name)}
            line = getattr(node, "lineno", 0)
            found += (f"{relative}:{line} {said}" for said in _registrations(relative, node))
    # Every card (a TodayCard no other card builds on) is in the manifest's TODAY_CARDS.
    cards = {TodayCard.__name__}
    while True:
        more = {name for name, of in bases.items() if of & cards} - cards
        if not more:
            break
        cards |= more
    leaves = {name for name in cards if not any(name in of for other, of in bases.items() if other in cards)}
    assert leaves == {card.widget.partition(":")[2] for card in TODAY_CARDS}
    assert found == []


async def test_the_bar_fits_80_columns_in_both_languages_and_names_only_six():
    from textual.app import App

    from imr_companion.ui.common.frame.area_bar import AreaBar

    class Bars(App[None]):
        BINDINGS = [("f1", "help_now", "Help now")]  # as the app's: the bar names the key

        def compose(self):
            for area in AREAS:
                yield AreaBar(area.mode)

    seventh = areas.Area("seventh", None, "Seventh", "imr_companion.ui.today.screen:TodayScreen")
    assert in_bar((*AREAS, seventh)) == in_bar()
    app = Bars()
    async with app.run_test(size=(80, 24)):
        for language, help_now in (("en", "F1 Help now "), ("da", "F1 Hjælp nu")):
            i18n.use(language)
            try:
                for bar in app.query(AreaBar):
                    line = bar.render().plain
                    assert len(line) == 80 and line.rstrip().endswith(help_now.strip()), line
                    assert help_now in line
            finally:
                i18n.use("en")


async def test_an_area_beyond_six_is_a_mode_reached_from_the_palette_not_the_bar(data_dir, monkeypatch):
    from imr_companion.store import Database
    from imr_companion.ui.app import CompanionApp
    from imr_companion.ui.common.frame.area_bar import AreaBar
    from tests.helpers import welcomed

    seventh = areas.Area("seventh", None, "Seventh", "imr_companion.ui.moments.screen:MomentsScreen")
    monkeypatch.setattr(areas, "AREAS", (*AREAS, seventh))
    # As the app's class builds its modes when the manifest holds a seventh area.
    monkeypatch.setattr(CompanionApp, "SCREENS_BY_MODE", areas.screen_makers())
    welcomed(data_dir)
    database = Database.open(data_dir)
    app = CompanionApp(database)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            command = next(c for c in app.get_system_commands(app.screen) if c.title == "Open Seventh")
            assert command.help == "Go to Seventh"
            command.callback()
            await pilot.pause()
            assert app.current_mode == "seventh"
            line = app.screen.query_one(AreaBar).render().plain
            assert "Seventh" not in line and "6 My plan" in line and len(line) == 80
            await pilot.press("1")
            await pilot.pause()
            assert app.current_mode == "today"
    finally:
        database.close()


def test_the_areas_code_is_imported_ahead_and_the_handouts_read():
    import sys

    from imr_companion import content
    from imr_companion.ui import starting

    content.library.cache_clear()
    starting.import_ahead()
    assert all(module in sys.modules for module in starting.WARM_UP)
    # Handouts' first open finds its text parsed (its read_ahead, in the person's language).
    assert content.library.cache_info().currsize == 1

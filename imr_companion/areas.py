"""The one manifest of the app's areas and of what each adds elsewhere.

What areas there are (their mode, key, title and screen), the cards they add
to Today (with the keys each card takes while it has the focus), the parts a
person can share or print, the lines of "since we last met", and the tables
of the data file each keeps. The app builds its modes and area keys from it,
the area bar and the palette list its areas, Today mounts its cards, sharing
and the command line's `--only` offer its parts, the together session draws
its lines. Nothing else registers any of these (tests/test_areas.py walks
the code to keep it so).

Pure data, no Textual and no pydantic: it is read before the first frame,
so it must stay cheap to import (named tuples: a frozen dataclass costs about
0.7 ms to define). Code is named as 'module:Name' and imported only when it
is needed (`load`).

Parts of the app that are not areas own things too: the self-check
("selfcheck"), things that help me ("coping"), the IMR group ("group"), the
together pages ("together") and the check-up ("reaching") are each named by
their folder under ui/ where an entry says whose it is.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import partial
from typing import Any, NamedTuple

from imr_companion.i18n import N_


class Area(NamedTuple):
    mode: str
    key: str | None
    """Its digit in the bar, 1-6; None for an area beyond the six: not in the bar and
    without a digit, reached from ctrl+p and its Today card (ARCHITECTURE "How area screens load")."""
    title: str
    """In English, marked for the catalogue: drawn through `_()` (i18n) where it is shown."""
    screen: str
    """'module:Class' of the area's screen, imported only when first opened."""


class Card(NamedTuple):
    """A card on Today: 'module:Class' of a TodayCard, and the name of its keys' group."""

    owner: str
    widget: str
    keys: str
    """Its keys' group in ui/keys/cards.py ("goal_card"), where each key is declared once."""


class SharePart(NamedTuple):
    """A part a person can share, print or export alone (`--only NAME`)."""

    name: str
    """The command line's word for it, the same in every language."""
    owner: str
    title: str
    """The page's heading and the share screen's choice, marked with N_()."""
    blocks: str
    """'module:function' of (database, choice) -> the part's blocks (sharing/blocks.py)."""
    tables: tuple[str, ...]


class SinceLine(NamedTuple):
    """Lines of "since we last met": 'module:function' of (Since) -> lines, and the tables they count."""

    owner: str
    lines: str
    tables: tuple[str, ...]


# The bar's areas, in its order; keys follow DESIGN.md so that they stay the same as areas arrive.
# The bar has room for six in 80 columns in Danish too: an area beyond them has key None.
AREAS: tuple[Area, ...] = (
    Area("today", "1", N_("Today"), "imr_companion.ui.today.screen:TodayScreen"),
    Area("handouts", "2", N_("Handouts"), "imr_companion.ui.handouts.screen:HandoutsScreen"),
    Area("moments", "3", N_("Good moments"), "imr_companion.ui.moments.screen:MomentsScreen"),
    Area("goals", "4", N_("Goals"), "imr_companion.ui.goals.screen:GoalsScreen"),
    Area("network", "5", N_("Network"), "imr_companion.ui.network.screen:NetworkScreen"),
    Area("plan", "6", N_("My plan"), "imr_companion.ui.plan.screen:PlanScreen"),
)

HOME = "today"
"""The area the app opens on."""
WELCOME = ("welcome", "imr_companion.ui.today.welcome:WelcomeScreen")
"""A first run's mode and its screen: the welcome alone, before Today (not an area)."""

# Today's cards, top to bottom. A card's keys act only while it has the focus
# (ui/common/today_card.py), so two cards may share a letter; none takes an
# area's digit or Today's own keys (tab, up, down, escape): tests/test_areas.py.
TODAY_CARDS: tuple[Card, ...] = (
    Card("plan", "imr_companion.ui.plan.today_cards:PlanNoteCard", "plan_card"),
    Card("plan", "imr_companion.ui.plan.today_cards:CheckInCard", "checkin_card"),
    Card("group", "imr_companion.ui.group.card:MeetingCard", "meeting_card"),
    Card("goals", "imr_companion.ui.goals.today_cards:GoalCard", "goal_card"),
    Card("handouts", "imr_companion.ui.handouts.today_cards:ReadingCard", "reading_card"),
    Card("handouts", "imr_companion.ui.handouts.today_cards:PracticeCard", "practice_card"),
    Card("selfcheck", "imr_companion.ui.selfcheck.today_cards:SelfCheckCard", "selfcheck_card"),
    Card("reaching", "imr_companion.ui.reaching.today_cards:CheckupCard", "checkup_card"),
)

_PARTS = "imr_companion.sharing.parts"
# In the order they are printed.
SHARE_PARTS: tuple[SharePart, ...] = (
    SharePart("plan", "plan", N_("My plan for staying well"), f"{_PARTS}:plan_blocks", ("plan", "people")),
    SharePart("network", "network", N_("My network card"), f"{_PARTS}:network_blocks", ("people",)),
    SharePart("goals", "goals", N_("My goal ladder"), f"{_PARTS}:goals_blocks", ("goals",)),
    SharePart("moments", "moments", N_("Good moments"), f"{_PARTS}:moments_blocks", ("moments",)),
    SharePart(
        "answers", "handouts", N_("Answers from the handouts"), f"{_PARTS}:answers_blocks", ("answers",)
    ),
    SharePart("sessions", "together", N_("Session notes"), f"{_PARTS}:sessions_blocks", ("sessions",)),
    SharePart("self-check", "selfcheck", N_("Self-check"), f"{_PARTS}:selfcheck_blocks", ("self_checks",)),
    SharePart("coping", "coping", N_("Things that help me"), f"{_PARTS}:coping_blocks", ("coping",)),
)

_SINCE = "imr_companion.store.queries.since"
# "Since we last met", in the order said: counts of what is there, never of what is missing.
SINCE_LINES: tuple[SinceLine, ...] = (
    SinceLine("moments", f"{_SINCE}:moments_lines", ("moments",)),
    SinceLine("handouts", f"{_SINCE}:practice_lines", ("practice",)),
    SinceLine("goals", f"{_SINCE}:goals_lines", ("goals",)),
    SinceLine("handouts", f"{_SINCE}:reading_lines", ("reading", "answers")),
    SinceLine("plan", f"{_SINCE}:checkin_lines", ("checkins",)),
    SinceLine("plan", f"{_SINCE}:plan_lines", ("plan", "plan_versions")),
)

# The tables of the data file each keeps (tables.py has them in the file's order).
TABLES: dict[str, tuple[str, ...]] = {
    "moments": ("moments",),
    "handouts": ("practice", "reading", "answers"),
    "goals": ("goals",),
    "network": ("people", "supporters"),
    "plan": ("plan", "plan_versions", "checkins"),
    "together": ("sessions",),
    "selfcheck": ("self_checks",),
    "coping": ("coping",),
    "group": ("group_notes",),
}

# Where each kind of tool exercise in a handout is done: good moments are
# written on Today.
TOOL_AREAS: dict[str, str] = {"goals": "goals", "network": "network", "plan": "plan", "moments": "today"}


def area(mode: str) -> Area:
    return next(a for a in AREAS if a.mode == mode)


def in_bar(areas: tuple[Area, ...] | None = None) -> tuple[Area, ...]:
    """The areas the bar names and the digits open: those with a key."""
    return tuple(a for a in (AREAS if areas is None else areas) if a.key is not None)


def share_part(name: str) -> SharePart:
    return next(p for p in SHARE_PARTS if p.name == name)


def module_of(target: str) -> str:
    return target.partition(":")[0]


def load(target: str) -> Any:
    """What 'module:Name' names, its module imported now (once; later calls find it loaded)."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def _make(target: str) -> Any:
    return load(target)()


def screen_makers() -> dict[str, Callable[[], Any]]:
    """Every mode's first screen (the areas' and the welcome's), each imported and made when first opened."""
    targets = {**{a.mode: a.screen for a in AREAS}, WELCOME[0]: WELCOME[1]}
    return {mode: partial(_make, target) for mode, target in targets.items()}

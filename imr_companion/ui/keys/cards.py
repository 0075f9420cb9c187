"""The keys of Today's cards, declared once: each card's keys work while it has the focus.

A card's BINDINGS is its group here (`GOAL_CARD.bindings()`); the areas'
manifest names each card's group by its name (areas.TODAY_CARDS), and the keys
file gives a card's action a key none of Today's own has (`beside`).

Imported by Today before its first frame: plain data, nothing heavy.
"""

from __future__ import annotations

from imr_companion.i18n import N_
from imr_companion.ui.keys.action import Action, Keys
from imr_companion.ui.keys.declared import TODAY

CHECKIN_CARD = Keys(
    "checkin_card",
    Action("none_today", "n", "none_today", N_("None today")),
    Action("check_in", "c", "check_in", N_("Check in")),
    Action("check_in_enter", "enter", "check_in", N_("Check in"), show=False),
    beside=(TODAY,),
)
PLAN_CARD = Keys(
    "plan_card",
    Action("open_plan", "p", "open_plan", N_("Open my plan")),
    Action("open_plan_enter", "enter", "open_plan", N_("Open my plan"), show=False),
    beside=(TODAY,),
)
MEETING_CARD = Keys(
    "meeting_card",
    Action("choose", "m", "choose", N_("A good moment to tell")),
    Action("note", "n", "note", N_("Write a note")),
    Action("set_aside", "x", "set_aside", N_("Not now")),
    beside=(TODAY,),
)
GOAL_CARD = Keys(
    "goal_card",
    Action("done", "s", "done", N_("Step done")),
    Action("open", "enter", "open", N_("Open the ladder")),
    beside=(TODAY,),
)
READING_CARD = Keys(
    "reading_card",
    Action("read", "r", "read", N_("Read on")),
    Action("read_enter", "enter", "read", N_("Read on"), show=False),
    beside=(TODAY,),
)
PRACTICE_CARD = Keys(
    "practice_card",
    Action("done", "t", "done", N_("Done")),
    Action("let_go", "l", "let_go", N_("Let go")),
    # w for "this week": the letters of the other cards are their own.
    Action("all", "w", "all", N_("All this week")),
    Action("all_enter", "enter", "all", N_("All this week"), show=False),
    beside=(TODAY,),
)
SELFCHECK_CARD = Keys(
    "selfcheck_card",
    Action("start", "enter", "start", N_("Start")),
    Action("not_now", "ctrl+l", "not_now", N_("Not now")),
    beside=(TODAY,),
)
CHECKUP_CARD = Keys(
    "checkup_card",
    Action("start", "c", "start", N_("Start the check-up")),
    Action("start_enter", "enter", "start", N_("Start the check-up"), show=False),
    beside=(TODAY,),
)
CARDS = (
    CHECKIN_CARD,
    PLAN_CARD,
    MEETING_CARD,
    GOAL_CARD,
    READING_CARD,
    PRACTICE_CARD,
    SELFCHECK_CARD,
    CHECKUP_CARD,
)
"""Each card's keys work beside Today's own and the app's."""

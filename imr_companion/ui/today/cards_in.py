"""Today's cards as they first come in: one at a time into a hidden column, a letter typed
meanwhile drawn between two of them, and drawn again before the footer once they are shown."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from imr_companion.areas import Card, load
from imr_companion.ui import giving_way
from imr_companion.ui.common.textual_internals import paint_now

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.widget import Widget

    from imr_companion.store import Database
    from imr_companion.ui.common.today_card import TodayCard

AFTER_THE_CARDS = 0.05
"""Seconds the start-up's threads give way once the cards are painted (ui/giving_way.busy_for): a
letter typed as they came is drawn then, and the footer built (a layout of the whole screen)."""


def card_widget(card: Card) -> TodayCard:
    """A card of the manifest (areas.TODAY_CARDS), imported once the first frame is on screen."""
    return load(card.widget)()


async def one_by_one(
    screen: Screen, column: Widget, cards: list[TodayCard], database: Database, typed: Callable[[], object]
) -> bool:
    """Each card that has something to say mounted into `column` and filled in (a few ms each), a
    key typed meanwhile handled between two cards; False if the app was closed meanwhile.

    `typed()` is what the field holds: a letter typed meanwhile is drawn at once (the column is
    hidden: ~1 ms), not at the next tick of the screen's update clock, which came after the cards'
    frame (a letter typed 55-70 ms after the first frame at thirty years waited 40-80 ms)."""
    for card in cards:
        if type(card).shows(database):
            before = typed()
            await column.mount(card)
            await asyncio.sleep(0)
            if screen.app.is_running and typed() != before:
                paint_now(screen)
        if not screen.app.is_running:
            return False  # closed at once (ctrl+q): the screen's widgets are being taken down
    return True


async def letters_first(screen: Screen) -> None:
    """Once the cards are painted: a letter typed meanwhile is drawn before the footer's keys are
    built (a layout of the whole screen, ~10 ms at thirty years), and the threads that give way
    (the import ahead starts once the cards' worker ends) wait for both."""
    giving_way.busy_for(AFTER_THE_CARDS)
    await screen.wait_for_refresh()

"""Today coming back after a save or a closed window: what it reads again, and its first frame."""

from __future__ import annotations

from datetime import datetime

from textual.screen import Screen
from textual.widget import Widget

from imr_companion import clock
from imr_companion.store import Database
from imr_companion.ui.common.textual_internals import notices_mounted, paint_now
from imr_companion.ui.common.today_card import TodayCard


def read_stamp(database: Database) -> tuple[int, bool, datetime]:
    """Changes when anything is saved, when the records have been checked, and with the minute:
    the greeting goes by the hour and the meeting card by the meeting's minute, so cards read in
    the same minute from unchanged data show what they showed (Today does not read them again)."""
    return database.version, database.records_checked, clock.now().replace(second=0, microsecond=0)


def same_minute(before: object, now: tuple[int, bool, datetime]) -> bool:
    """Whether only saves came between two stamps (TodayScreen.cards_saved reads only their cards)."""
    return isinstance(before, tuple) and before[1:] == now[1:]


def mount_newly_shown(column: Widget, cards: list[TodayCard], database: Database) -> bool:
    """Each card not mounted yet that now has something to say mounted in its place in `column`
    (Today's cards, top to bottom), filled in as it mounts (TodayCard.on_mount) like the cards
    mounted at the start; True if one was."""
    mounted = False
    for index, card in enumerate(cards):
        if card.parent is None and type(card).shows(database):
            after = next((c for c in cards[index + 1 :] if c.parent is not None), None)
            if after is not None:
                column.mount(card, before=after)
            else:
                column.mount(card)
            mounted = True
    return mounted


async def with_its_notices(screen: Screen) -> None:
    """A notice said as a window closed ("Checked in: none today.") is still being mounted as the
    screen comes back: its first frame waits for it (a few ms, painting held) and is painted then,
    so one frame shows both, rather than the screen and, a frame later, the notice laid out."""
    with screen.app.batch_update():
        waited = await notices_mounted(screen)
    if waited:
        paint_now(screen)

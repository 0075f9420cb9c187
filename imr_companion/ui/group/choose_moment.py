"""Choosing a good moment of my own to tell at the meeting: the newest first, one key to choose."""

from __future__ import annotations

from datetime import date, timedelta

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from imr_companion.i18n import _, date_words
from imr_companion.layout.text import shorten
from imr_companion.models import Moment
from imr_companion.models.moments import newest_first
from imr_companion.store import Repository, SaveError
from imr_companion.ui.common.dialogs.base import Dialog
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.own_words import plain
from imr_companion.ui.keys.tools import CHOOSE_MOMENT

RECENT_DAYS = 14
SHOWN = 8
TEXT_WIDTH = 52
"""The date and the moment's words together, in cells: what fits the dialog's list at 80 columns."""


class ChooseMoment(Dialog[bool]):
    """Marks the chosen moment as the one to tell on `day`, and no other; True when one was chosen."""

    DEFAULT_CSS = """
    ChooseMoment OptionList { height: auto; max-height: 10; margin-top: 1; }
    ChooseMoment Static { margin-top: 1; }
    ChooseMoment .hint { color: $text-muted; }
    """
    BINDINGS = CHOOSE_MOMENT.bindings()

    def __init__(self, day: date) -> None:
        super().__init__()
        self.day = day
        self.recent: list[Moment] = []

    @property
    def repository(self) -> Repository[Moment]:
        return Repository.of(self.companion.database, Moment)

    def compose(self) -> ComposeResult:
        since = self.day - timedelta(days=RECENT_DAYS)
        self.recent = newest_first(self.repository.where("day", since.isoformat()))[:SHOWN]
        with Vertical(classes="dialog") as box:
            box.border_title = _("A good moment to tell")
            yield Static(
                _(
                    "Meetings open with a good moment from each person's week. "
                    "Which one would you like to tell?"
                )
            )
            if self.recent:
                # The dates as one column ("6. dec." and "29. nov." differ in length), the words after it.
                days = {m.id: date_words(m.day, "short") for m in self.recent}
                width = max(cell_len(day) for day in days.values())
                yield OptionList(
                    *(
                        Option(
                            plain(
                                f"{'✓ ' if m.told_on == self.day else '  '}"
                                f"{days[m.id]}{' ' * (width - cell_len(days[m.id]))}  "
                                f"{shorten(m.text, TEXT_WIDTH - width)}"
                            ),
                            id=m.id,
                        )
                        for m in self.recent
                    ),
                    id="recent",
                )
                yield Static(
                    _(
                        "Enter chooses. Something else? Write it on Today, then choose it here. {key} closes."
                    ).format(key=key_for(self, "close")),
                    classes="hint",
                )
            else:
                yield Static(
                    _(
                        "No good moments from the last two weeks yet. Write one on Today, in the field "
                        "at the top: a small thing counts, like a cup of coffee or a walk. {key} closes."
                    ).format(key=key_for(self, "close")),
                    classes="hint",
                )

    def on_mount(self) -> None:
        if self.recent:
            self.query_one(OptionList).focus()

    def action_close(self) -> None:
        self.dismiss(False)

    @on(OptionList.OptionSelected, "#recent")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        chosen = next(m for m in self.recent if m.id == event.option.id)
        before = self.repository.where("told_on", self.day.isoformat(), self.day.isoformat())
        ids = dict.fromkeys([*(m.id for m in before), chosen.id])
        records = [(self.repository, record_id) for record_id in ids]
        try:
            with self.companion.undo_history.change(_("The moment to tell is as it was before."), *records):
                for earlier in before:
                    if earlier.id != chosen.id:
                        self.repository.save(earlier.touched(told_on=None))
                self.repository.save(chosen.touched(told_on=self.day))
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return
        self.notify(_("Chosen to tell: {moment}").format(moment=shorten(chosen.text, 40)), markup=False)
        self.dismiss(True)

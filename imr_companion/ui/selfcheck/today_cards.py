"""Today's self-check card: offered gently after the welcome, when the handouts are all done,
and when the person's rhythm says one is due. `ctrl+l` (not now) rests it for two weeks."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from imr_companion import clock
from imr_companion.i18n import N_, _, ngettext
from imr_companion.store.queries import today_reads
from imr_companion.ui.common.key_link import link, links
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.today_card import TodayCard
from imr_companion.ui.keys.cards import SELFCHECK_CARD

if TYPE_CHECKING:
    from imr_companion.models.selfcheck import SelfCheck
    from imr_companion.store import Database

# Drawn from the stored records and settings (store/queries/today_reads.py): pydantic and the
# models are imported only when the person starts a self-check.

REST_DAYS = 14
"""After "not now", the card rests this long."""


def offer(database: Database) -> str:
    """Why a self-check is offered today, in a sentence; '' when it is not."""
    settings = today_reads.settings(database)
    today = clock.today()
    not_now = settings.get("selfcheck_not_now")
    if not_now and (today - date.fromisoformat(not_now)).days < REST_DAYS:
        return ""
    # The newest of the person's own self-checks is all that counts here (due() and "since the
    # handouts" look at the last): older years are read only where it could be.
    last = today_reads.newest_selfcheck(database)
    days = [last] if last else []
    if not days and settings.get("selfcheck_offer", "") == "start":
        return _(
            "When you like: a first self-check, to see later how far you have come. "
            "A few minutes; every question can be skipped."
        )
    finished = handouts_finished(database)
    if finished is not None and not any(day >= finished for day in days):
        return _("You have been through all the handouts. A self-check now shows how far you have come.")
    months = settings.get("selfcheck_months", 0)
    if today_reads.selfcheck_due(last, months, today):
        return ngettext(
            "Time for your self-check (every month). A few minutes; skip any question.",
            "Time for your self-check (every {count} months). A few minutes; skip any question.",
            months,
        ).format(count=months)
    return ""


def handouts_finished(database: Database) -> date | None:
    """The day the last module was marked done, when every module is; else None."""

    from imr_companion import content, i18n

    def modules() -> list[str]:
        return [handout.id for handout in content.library(i18n.language())]

    def has_module(handout: str) -> bool:
        return content.handout(handout, i18n.language()) is not None

    try:
        return today_reads.handouts_finished(database, modules, has_module)
    except (content.ContentError, OSError):  # a broken handout file: Handouts says so
        return None


class SelfCheckCard(TodayCard):
    TITLE = N_("Self-check")
    BINDINGS: ClassVar = SELFCHECK_CARD.bindings()  # declared once: ui/keys/declared.py

    def __init__(self) -> None:
        super().__init__(id="selfcheck-card")

    def compose(self) -> ComposeResult:
        yield Static("", id="selfcheck-text")
        yield Static("", id="selfcheck-links", classes="actions")

    def refresh_data(self) -> None:
        said = self.offer()
        self.display = bool(said)
        if not said:
            return
        self.query_one("#selfcheck-text", Static).update(Content(said))
        start, later = _("Start"), _("Not now")
        self.query_one("#selfcheck-links", Static).update(
            links(
                link("selfcheck-card", "start", self.label(start, f"{start} ({key_for(self, 'start')})")),
                link("selfcheck-card", "not_now", self.label(later, f"{later} ({key_for(self, 'not_now')})")),
            )
        )

    @classmethod
    def shows(cls, database: Database) -> bool:
        return bool(offer(database))

    def offer(self) -> str:
        return offer(self.companion.database)

    def action_start(self) -> None:
        from imr_companion.models.selfcheck import PERSON
        from imr_companion.ui.selfcheck.form import SelfCheckForm

        def saved(record: SelfCheck | None) -> None:
            if record is not None:
                from imr_companion.ui.selfcheck.screen import SelfCheckScreen

                self.app.push_screen(SelfCheckScreen())

        self.app.push_screen(SelfCheckForm(PERSON), saved)

    def action_not_now(self) -> None:
        if self.companion.save_settings(selfcheck_not_now=clock.today(), selfcheck_offer=""):
            self.refresh_while_open()

"""The handouts on Today: where the person is reading, and this week's practice.

Drawn from the stored records (progress.readings, today_reads.week_practice), not the models:
pydantic and the models are imported only when the person ticks a task done or lets it go.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from imr_companion import clock
from imr_companion.i18n import N_, _, ngettext, pgettext
from imr_companion.store.queries.today_reads import week_practice
from imr_companion.ui.common.key_link import GAP, link, links
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.today_card import TodayCard
from imr_companion.ui.keys.cards import PRACTICE_CARD, READING_CARD

if TYPE_CHECKING:
    from imr_companion.models.practice import PracticeStatus
    from imr_companion.store import Database

OPEN, DONE = "open", "done"
"""A practice task's status as stored (models.practice.PracticeStatus)."""


class ReadingCard(TodayCard):
    """'Module 3, section 2 of 6: Ways to lower stress', opened with r or a click."""

    TITLE = N_("Handouts")
    BINDINGS: ClassVar = READING_CARD.bindings()  # declared once: ui/keys/declared.py

    def __init__(self) -> None:
        super().__init__(id="reading-card")
        self._opens: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="reading-line")

    @classmethod
    def read_ahead(cls, database: Database) -> None:
        # The handout the card names, parsed in the reading thread (content.py caches it): 5-20 ms
        # of parsing its file no longer on the app's thread as the card mounts.
        from imr_companion.progress import readings, where_to_continue

        # A broken file, or the table changed meanwhile by a save: the card reads it again as it mounts.
        with suppress(Exception):
            where_to_continue(readings(database))

    def refresh_data(self) -> None:
        from imr_companion.content_format import ContentError
        from imr_companion.progress import readings, where_to_continue

        try:
            found = where_to_continue(readings(self.companion.database))
        except (ContentError, OSError):
            # A handout file broken or gone: Handouts says so when opened; Today stays calm.
            found = None
        self.display = found is not None
        if found is None:
            self._opens = None
            return
        place, started = found
        self._opens = (place.handout.id, place.section.id)
        key = key_for(self, "read")
        if started:
            where = _("{place}: {section}.").format(place=place.phrase(), section=place.section.title)
            line = self.label(where, _("{where} Press {key} to read on.").format(where=where, key=key))
        else:
            where = _("Next: Module {number}, {title}.").format(
                number=place.handout.number, title=place.handout.title
            )
            line = self.label(where, _("{where} Press {key} to start it.").format(where=where, key=key))
        self.query_one("#reading-line", Static).update(Content(line))
        self.tooltip = _("Open the handout here")
        self.border_title = _(self.TITLE)

    def on_click(self) -> None:
        self.action_read()

    def action_read(self) -> None:
        from imr_companion.ui.handouts.screen import open_reader

        if self._opens is not None:
            open_reader(self.app, *self._opens)


class PracticeCard(TodayCard):
    """This week's first open practice task: tick it done or let it go; w shows the whole week."""

    TITLE = N_("This week's practice")
    BINDINGS: ClassVar = PRACTICE_CARD.bindings()  # declared once: ui/keys/declared.py

    def __init__(self) -> None:
        super().__init__(id="practice-card")
        self._shown: dict[str, Any] | None = None
        """The task shown, as stored."""

    def compose(self) -> ComposeResult:
        yield Static("", id="practice-task")
        # The links and how many more are open, one widget (ui/common/key_link.py).
        yield Static("", id="practice-actions", classes="actions")

    def refresh_data(self) -> None:
        tasks = sorted(
            week_practice(self.companion.database, clock.today()),
            key=lambda t: datetime.fromisoformat(t["created"]) if t.get("created") else datetime.min,
        )
        waiting = [t for t in tasks if t.get("status", OPEN) == OPEN]
        done = sum(1 for t in tasks if t.get("status", OPEN) == DONE)
        self.display = bool(tasks)
        self._shown = waiting[0] if waiting else None
        line = self.query_one("#practice-task", Static)
        self.border_title = _(self.TITLE)
        shown = []
        for action, words, when in (
            ("done", pgettext("practice card", "Done"), self._shown is not None),
            ("let_go", pgettext("practice card", "Let go"), self._shown is not None),
            ("all", pgettext("practice card", "All"), True),
        ):
            if when:
                with_key = _("{words} ({key})").format(words=words, key=key_for(self, action))
                shown.append(link("practice-card", action, self.label(words, with_key)))
        more = len(waiting) - 1 if self._shown is not None else 0
        count = ngettext("{count} more open", "{count} more open", more).format(count=more) if more else ""
        self.query_one("#practice-actions", Static).update(
            Content.assemble(links(*shown), GAP, Content.from_markup("[$text-muted]$count", count=count))
        )
        if self._shown is not None:
            line.update(Content(f"○ {self._shown['text']}"))
        elif done:
            line.update(
                ngettext("✓ {count} done this week.", "✓ {count} done this week.", done).format(count=done)
            )
        else:
            line.update(_("Nothing left open this week."))

    def action_done(self) -> None:
        from imr_companion.models.practice import PracticeStatus

        self._finish(PracticeStatus.DONE, N_("Ticked done. {undo} undoes it."))

    def action_let_go(self) -> None:
        from imr_companion.models.practice import PracticeStatus

        self._finish(
            PracticeStatus.LET_GO, N_("Let go. That is fine: {undo} undoes it, or take it up later.")
        )

    def _finish(self, status: PracticeStatus, words: str) -> None:
        from imr_companion.models import PracticeTask
        from imr_companion.store import Repository, SaveError

        repository = Repository.of(self.companion.database, PracticeTask)
        task = repository.get(self._shown["id"]) if self._shown is not None else None
        if task is None:
            return
        changed = task.touched(status=status, finished_on=clock.today())
        try:
            with self.companion.undo_history.change(
                N_("The practice task is as it was before."), (repository, task.id)
            ):
                repository.save(changed)
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return
        self.notify(_(words).format(undo=key_for(self.app, "undo")))
        self.refresh_data()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("done", "let_go"):
            return self._shown is not None
        return True

    def action_all(self) -> None:
        from imr_companion.ui.handouts.practice import open_practice

        open_practice(self.app)

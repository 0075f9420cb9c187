"""The self-check over time: for each area, a row of marks with its numbers and a sentence.

Reached from ctrl+p ("Self-check") and from Today's card when one is due. In
together mode the contact person's own view is shown beside the person's,
marked as theirs, and `v` asks for it; outside it, only the person's view.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from imr_companion import clock
from imr_companion.i18n import _, date_words, ngettext
from imr_companion.layout.change import AreaChange, changes
from imr_companion.models.selfcheck import AREAS, CONTACT, PERSON, SelfCheck, next_due, own_checks
from imr_companion.store import Repository
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.companion import Companion, companion_of
from imr_companion.ui.common.frame.keys_footer import KeysFooter
from imr_companion.ui.common.frame.together_line import TogetherLine
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.keys.tools import SELFCHECK


class SelfCheckScreen(Screen[None]):
    DEFAULT_CSS = stylesheet.beside(__file__, "screen.tcss")
    BINDINGS: ClassVar = SELFCHECK.bindings()

    @property
    def companion(self) -> Companion:
        return companion_of(self)

    def compose(self) -> ComposeResult:
        yield Static(_("Self-check: how things have gone"), id="change-title")
        yield Static("", id="change-status")
        yield VerticalScroll(id="change-areas")
        yield KeysFooter()
        yield TogetherLine(id="together")

    def on_mount(self) -> None:
        self.watch(self.app, "together_with", lambda _name: self.refresh_data(), init=False)
        self.refresh_data()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "their_view":
            return bool(self.companion.together_with)
        return True

    def refresh_data(self) -> None:
        checks = Repository.of(self.companion.database, SelfCheck).all()
        mine = own_checks(checks, PERSON)
        today = clock.today()
        self.query_one("#change-status", Static).update(Content(self._status(mine)))
        my_changes = {c.area.id: c for c in changes([(c.day, c.ratings) for c in mine], AREAS, today)}
        # Beside the person's own: each contact person's view, by their name, only while together.
        theirs: dict[str, dict[str, AreaChange]] = {}
        if self.companion.together_with:
            for check in own_checks(checks, CONTACT):
                theirs.setdefault(check.together_with or "", {})
            for name in theirs:
                views = [
                    (c.day, c.ratings) for c in own_checks(checks, CONTACT) if (c.together_with or "") == name
                ]
                theirs[name] = {c.area.id: c for c in changes(views, AREAS, today)}
        widgets: list[Static] = []
        for area in AREAS:
            change = my_changes.get(area.id)
            others = [(name, view[area.id]) for name, view in theirs.items() if area.id in view]
            if change is None and not others:
                continue
            words = change.words if change is not None else _(area.title)
            widgets.append(Static(Content(words), classes="area-words"))
            if change is not None:
                widgets.append(Static(Content("  " + change.row), classes="area-row"))
            for name, their in others:
                widgets.append(Static(self._their_row(name, their.row), classes="area-theirs"))
        body = self.query_one("#change-areas", VerticalScroll)
        body.remove_children()
        body.mount_all(widgets)
        self.refresh_bindings()

    @staticmethod
    def _their_row(name: str, row: str) -> Content:
        # Translators: the contact person's own ratings beside the person's: "Seen by Jo: ▂ ▄   2 3".
        if not name:
            return Content(_("  Seen by a contact person: {row}").format(row=row))
        return Content(_("  Seen by {name}: {row}").format(name=name, row=row))

    def _status(self, mine: list[SelfCheck]) -> str:
        months = self.companion.settings.selfcheck_months
        new, choices = key_for(self, "new"), key_for(self, "choices")
        if not mine:
            return _(
                "No self-check yet. Press {new} to start one: a few minutes, every question can be skipped."
            ).format(new=new)
        count = ngettext("{count} self-check", "{count} self-checks", len(mine)).format(count=len(mine))
        if months <= 0:
            return _("{count}, the last on {date}. Press {choices} to choose how often.").format(
                count=count, date=date_words(mine[-1].day, "date"), choices=choices
            )
        when = next_due([c.day for c in mine], months)
        every = _("every month") if months == 1 else _("every {count} months").format(count=months)
        if when is None or when <= clock.today():
            return _("{count}, {every}. Another is due: press {new} when you are ready.").format(
                count=count, every=every, new=new
            )
        return _("{count}, {every}. The next around {date}.").format(
            count=count, every=every, date=date_words(when, "date")
        )

    def action_new(self) -> None:
        from imr_companion.ui.selfcheck.form import SelfCheckForm

        self.app.push_screen(SelfCheckForm(PERSON), lambda _saved: self.refresh_data())

    def action_their_view(self) -> None:
        if not self.companion.together_with:
            return
        from imr_companion.ui.selfcheck.form import SelfCheckForm

        self.app.push_screen(SelfCheckForm(CONTACT), lambda _saved: self.refresh_data())

    def action_choices(self) -> None:
        from imr_companion.ui.selfcheck.choices import ChoicesDialog

        self.app.push_screen(ChoicesDialog(), lambda _changed: self.refresh_data())

    def action_back(self) -> None:
        self.dismiss(None)

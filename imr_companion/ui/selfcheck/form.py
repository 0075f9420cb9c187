"""One self-check: the areas asked one at a time, each rated 1 to 5 or skipped, then saved.

A number (1-5, or the arrows and Enter) rates the area and moves on; `s`
skips it, `b` goes back one. After the last area the page says what was
rated and Enter (or ctrl+s) saves. Nothing is stored until then; leaving
with ratings given asks first.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from imr_companion.i18n import N_, _, ngettext
from imr_companion.models.selfcheck import CONTACT, PERSON, SelfCheck, Who, asked
from imr_companion.store import Repository, SaveError
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.choices.rating_scale import RatingScale
from imr_companion.ui.common.companion import Companion, companion_of
from imr_companion.ui.common.frame.keys_footer import KeysFooter
from imr_companion.ui.common.frame.together_line import TogetherLine
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.keys.tools import SELFCHECK_FORM


class SelfCheckForm(Screen[SelfCheck | None]):
    DEFAULT_CSS = stylesheet.beside(__file__, "form.tcss")
    BINDINGS: ClassVar = SELFCHECK_FORM.bindings()
    UNSAVED_QUESTION = N_("The numbers you chose in this self-check are not saved yet. Quit anyway?")

    def __init__(self, who: Who = PERSON) -> None:
        super().__init__()
        self.who = who
        self.ratings: dict[str, int] = {}
        self.index = 0
        self.saved = False

    @property
    def companion(self) -> Companion:
        return companion_of(self)

    def compose(self) -> ComposeResult:
        settings = self.companion.settings
        self.areas = asked(settings.selfcheck_medicine, settings.selfcheck_more)
        self.contact = self.companion.together_with if self.who == CONTACT else None
        yield Static("", id="form-title")
        with Vertical(id="form-page"):
            yield Static("", id="form-area")
            yield RatingScale("", "", id="form-scale")
            yield Static("", id="form-how")
        yield KeysFooter()
        yield TogetherLine(id="together")

    def on_mount(self) -> None:
        self.show_area()

    @property
    def finished(self) -> bool:
        return self.index >= len(self.areas)

    def show_area(self) -> None:
        title = self.query_one("#form-title", Static)
        scale = self.query_one(RatingScale)
        scale.display = not self.finished
        if self.finished:
            title.update(self._title(_("Ready to save")))
            self.query_one("#form-area", Static).update(Content(self._summary()))
            self.query_one("#form-how", Static).update(
                Content(
                    _("Press {save} to save it, or {back} to look at the last one again.").format(
                        save="Enter", back=key_for(self, "back")
                    )
                )
            )
            self.set_focus(None)
            self.refresh_bindings()
            return
        area = self.areas[self.index]
        title.update(
            self._title(_("{number} of {total}").format(number=self.index + 1, total=len(self.areas)))
        )
        self.query_one("#form-area", Static).update(Content(_(area.title)))
        # One scale for every area: its end words and its number change with the area.
        scale.low, scale.high = _(area.low), _(area.high)
        value = self.ratings.get(area.id)
        scale.set_reactive(RatingScale.value, value)
        scale.set_reactive(RatingScale.cursor, value or 3)
        scale.refresh(layout=True)
        scale.focus()
        self.query_one("#form-how", Static).update(
            Content(
                _(
                    "Choose a number from 1 to 5, or move with ← → and press Enter. "
                    "5 is the end on the right. Press {skip} to skip this one."
                ).format(skip=key_for(self, "skip"))
            )
        )
        self.refresh_bindings()

    def _title(self, where: str) -> Content:
        if self.contact:
            return Content(_("Seen by {name}: {where}").format(name=self.contact, where=where))
        return Content(_("Self-check: {where}").format(where=where))

    def _summary(self) -> str:
        rated = len(self.ratings)
        skipped = len(self.areas) - rated
        if not rated:
            return _("Nothing was rated this time. You can leave with Esc; nothing is saved.")
        said = ngettext("You rated {count} area.", "You rated {count} areas.", rated).format(count=rated)
        if skipped:
            said += " " + ngettext("{count} was skipped.", "{count} were skipped.", skipped).format(
                count=skipped
            )
        return said

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "skip":
            return not self.finished
        if action == "back":
            return self.index > 0
        if action == "save":
            return self.finished and bool(self.ratings)
        return True

    def on_rating_scale_changed(self, event: RatingScale.Changed) -> None:
        event.stop()
        if self.finished:
            return
        self.ratings[self.areas[self.index].id] = event.value
        self.index += 1
        self.call_after_refresh(self.show_area)

    def action_skip(self) -> None:
        if self.finished:
            return
        self.ratings.pop(self.areas[self.index].id, None)
        self.index += 1
        self.show_area()

    def action_back(self) -> None:
        if self.index > 0:
            self.index -= 1
            self.show_area()

    def action_save(self) -> None:
        if not self.finished or not self.ratings:
            return
        record = self._store()
        if record is not None:
            self.dismiss(record)

    def _store(self) -> SelfCheck | None:
        record = SelfCheck(who=self.who, ratings=self.ratings)
        try:
            saved = Repository.of(self.companion.database, SelfCheck).add(record)
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return None
        self.saved = True
        if self.companion.settings.selfcheck_offer:
            self.companion.save_settings(selfcheck_offer="")
        self.notify(_("Saved."))
        return saved

    def has_unsaved_text(self) -> bool:
        return bool(self.ratings) and not self.saved

    def keep_writing(self) -> bool:
        """The window is closing: the ratings given so far are the person's own, kept as a self-check."""
        return self.has_unsaved_text() and self._store() is not None

    def action_leave(self) -> None:
        if not self.has_unsaved_text():
            self.dismiss(None)
            return
        from imr_companion.ui.common.dialogs.confirm import Confirm

        def answer(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        self.app.push_screen(
            Confirm(
                _("Leave without saving? The ratings you gave here would not be kept."),
                yes=_("Leave without saving"),
                no=_("Go on"),
            ),
            answer,
        )

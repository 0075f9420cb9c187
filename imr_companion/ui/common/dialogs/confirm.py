"""Asking before a change: the safe answer has the focus, and no letter chooses the other.

A person typing words into a window that asked something must not answer
it by accident: the safe answer ("Keep it") has the focus, so Enter chooses
it, as do n and Esc; other letters and spaces do nothing. The other answer is
chosen by moving to it (Tab or an arrow key, then Enter), by a click, or by a
named key such as ctrl+d. The dialog says so in its words.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.dom import DOMNode
from textual.widgets import Button, Static

from imr_companion.i18n import N_, _
from imr_companion.store import Repository, SaveError
from imr_companion.ui.common.companion import companion_of
from imr_companion.ui.common.dialogs.base import Dialog
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.keys.dialogs import CONFIRM

NO = N_("No")
"""The default safe answer (a plain message passes no=None)."""

DELETE_KEY = "ctrl+d"
"""The named key that chooses Delete or Remove in a question about deleting."""


class Confirm(Dialog[bool]):
    """A question with a safe answer (focused: Enter, n, Esc) and another (Tab then Enter, a click, `key`)."""

    DEFAULT_CSS = """
    Confirm #question { margin: 1 1 0 1; }
    Confirm #how { margin: 1 1 0 1; color: $text-muted; }
    """

    BINDINGS = [
        *CONFIRM.bindings(),
        # Moving between the answers with the arrow keys as well as Tab.
        Binding("left,up", "app.focus_previous", show=False),
        Binding("right,down", "app.focus_next", show=False),
    ]

    def __init__(
        self, question: str | Text, yes: str | None = None, no: str | None = NO, key: str | None = None
    ) -> None:
        """With `no=None` it is a plain message with one button. `key` (for example ctrl+d) chooses `yes`.

        The answers are "Yes" and "No" in the person's language unless given (already in their language)."""
        super().__init__()
        self.question = question
        self.yes = _("Yes") if yes is None else yes
        self.no = _(NO) if no is NO else no
        self.key = key

    def how(self) -> str:
        """The keys, in the dialog's words, so that a person knows how to choose."""
        no, yes, key = self.no, self.yes, self.key
        if key:
            return _("Enter chooses “{no}”. For “{yes}”, press {key}, or Tab to it and press Enter.").format(
                no=no, yes=yes, key=key
            )
        return _("Enter chooses “{no}”. For “{yes}”, press Tab, then Enter.").format(no=no, yes=yes)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            question = Content(self.question) if isinstance(self.question, str) else self.question
            yield Static(question, id="question")
            if self.no is not None:
                yield Static(Content(self.how()), id="how")
            with Horizontal(classes="buttons"):
                if self.no is not None:
                    yield Button(f"{self.no} (esc)", id="no", variant="primary")
                label = f"{self.yes} ({self.key})" if self.key and self.no is not None else self.yes
                yield Button(label, id="yes", variant="warning" if self.no is not None else "primary")

    def on_mount(self) -> None:
        # The safe answer has the focus, so an unthinking Enter (or space) changes nothing.
        # query, not query_one: a question shown as the app closes (a restore offer after the
        # record check) may already have lost its buttons.
        for button in self.query("#no" if self.no is not None else "#yes").results(Button):
            button.focus()

    def on_key(self, event: events.Key) -> None:
        if self.key and event.key == self.key and self.no is not None:
            event.stop()
            event.prevent_default()
            self.dismiss(True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


def confirm_then_remove(
    node: DOMNode,
    question: str | Text,
    remove: Callable[[], object],
    *,
    records: tuple[tuple[Repository, str], ...],
    done: Callable[[], object] | None = None,
    removed: str | None = None,
    undone: str | None = None,
    yes: str | None = None,
    no: str | None = None,
    timeout: float | None = None,
) -> None:
    """Ask `question` ("Keep it" has the focus); on yes, `remove()` from the store, so that ctrl+z undoes it.

    `records` are the (repository, id) pairs `remove()` changes: the app's
    undo history keeps them as they were (`undone` is said when they are
    back). `remove()` raises SaveError or returns a calm sentence when it
    could not be done: that sentence is told and nothing else happens.
    Otherwise `removed` is told (never read as markup) and `done()` runs.
    Left out, the words are "Deleted. ctrl+z brings it back.", "It is back.",
    "Delete" and "Keep it", in the person's language.
    """
    app = node.app
    if removed is None:
        removed = _("Deleted. {key} brings it back.").format(key=key_for(type(app), "undo"))
    undone = _("It is back.") if undone is None else undone
    yes = _("Delete") if yes is None else yes
    no = _("Keep it") if no is None else no

    def answer(agreed: bool | None) -> None:
        if not agreed:
            return
        try:
            with companion_of(node).undo_history.change(undone, *records):
                problem = remove()
        except SaveError as error:
            problem = str(error)
        if isinstance(problem, str) and problem:
            app.notify(problem, severity="warning", markup=False)
            return
        if removed:
            app.notify(removed, markup=False, timeout=timeout)
        if done is not None:
            done()

    app.push_screen(Confirm(question, yes=yes, no=no, key=DELETE_KEY), answer)

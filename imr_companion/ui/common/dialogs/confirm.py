"""Asking before anything that cannot be undone."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.dom import DOMNode
from textual.widgets import Button, Static

from imr_companion.store import SaveError
from imr_companion.ui.common.dialogs.dialog import Dialog


class Confirm(Dialog[bool]):
    """A yes/no question; y or n, Enter on a button, escape for no."""

    DEFAULT_CSS = """
    Confirm #question { margin: 1 1 0 1; }
    """

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("escape", "answer(False)", "No", show=False),
    ]

    def __init__(self, question: str | Text, yes: str = "Yes", no: str | None = "No") -> None:
        """With `no=None` it is a plain message with one button."""
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            question = Content(self.question) if isinstance(self.question, str) else self.question
            yield Static(question, id="question")
            with Horizontal(classes="buttons"):
                if self.no is not None:
                    yield Button(f"{self.no} (n)", id="no")
                label = f"{self.yes} (y)" if self.no is not None else self.yes
                yield Button(label, id="yes", variant="primary")

    def on_mount(self) -> None:
        # The safe answer has the focus, so an unthinking Enter changes nothing.
        self.query_one("#no" if self.no is not None else "#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


def confirm_then_remove(
    node: DOMNode,
    question: str | Text,
    remove: Callable[[], object],
    *,
    done: Callable[[], object] | None = None,
    removed: str = "Deleted.",
    yes: str = "Delete",
    no: str = "Keep it",
    timeout: float | None = None,
) -> None:
    """Ask `question` ("Keep it" has the focus); on yes, `remove()` from the store.

    `remove()` raises SaveError or returns a calm sentence when it could not
    be done: that sentence is told and nothing else happens. Otherwise
    `removed` is told (never read as markup) and `done()` runs.
    """
    app = node.app

    def answer(agreed: bool | None) -> None:
        if not agreed:
            return
        try:
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

    app.push_screen(Confirm(question, yes=yes, no=no), answer)

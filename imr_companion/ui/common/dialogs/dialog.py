"""The small windows: one frame, one way to save, one way to leave.

Every modal screen derives from `Dialog` (base.py). Those that change something derive
from `EditorDialog`, which remembers what its fields held when it opened:
Escape, Cancel or quitting the app then close it at once only when nothing
was changed, and otherwise ask first, "Keep writing" being the safe answer.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import ScreenResultType
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, RadioButton, Select, SelectionList, TextArea

from imr_companion.i18n import _
from imr_companion.ui.common.dialogs.base import Dialog
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.keys.dialogs import EDITOR


def field_value(field: Widget) -> object:
    if isinstance(field, TextArea):
        return field.text
    if isinstance(field, SelectionList):
        return list(field.selected)
    return getattr(field, "value", None)


class EditorDialog(Dialog[ScreenResultType]):
    """A small window that changes something: Enter in a field or ctrl+s saves,
    Escape cancels (asking first when something was changed). Subclasses
    compose `self.save_buttons()` last and implement `save()`, which
    validates, stores and dismisses with the result, or shows calm messages
    next to the fields and stays open with everything typed."""

    DEFAULT_CSS = """
    EditorDialog Label { margin-top: 1; }
    EditorDialog .hint { color: $text-muted; }
    """
    BINDINGS = EDITOR.bindings()
    FIELDS = (Input, TextArea, Select, Checkbox, RadioButton, SelectionList)

    _as_opened: list[object] | None = None

    def save_buttons(self, delete: str = "", compact: bool = False) -> ComposeResult:
        with Horizontal(classes="buttons"):
            if delete:
                yield Button(delete, id="delete", variant="warning", compact=compact)
            yield Button(_("Cancel ({key})").format(key="esc"), id="cancel", compact=compact)
            save = _("Save ({key})").format(key=key_for(type(self), "save"))
            yield Button(save, id="save", variant="primary", compact=compact)

    def on_mount(self) -> None:
        # Runs after a subclass's own on_mount, so fields it fills in count as opened.
        self._as_opened = self.field_values()

    def field_values(self) -> list[object]:
        return [field_value(field) for field in self.query("*") if isinstance(field, self.FIELDS)]

    def has_unsaved_text(self) -> bool:
        return self._as_opened is not None and self.field_values() != self._as_opened

    def keep_writing(self) -> bool:
        """The window is closing: words typed here and not saved are kept to be shown at the next start.

        Not saved into the record: the person had not chosen to save, and a
        half-made entry could be wrong. They get their words back to copy."""
        if self._as_opened is None or not self.has_unsaved_text():
            return False
        words = [
            value
            for value, before in zip(self.field_values(), self._as_opened, strict=False)
            if isinstance(value, str) and value.strip() and value != before
        ]
        if words:
            from imr_companion.ui.closing import keep_words

            keep_words(self.companion, words)
        return False  # the words themselves are shown at the next start

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self.has_unsaved_text():
            self.dismiss(None)
            return
        from imr_companion.ui.common.dialogs.confirm import Confirm

        def answer(close: bool | None) -> None:
            if close:
                self.dismiss(None)

        self.app.push_screen(
            Confirm(
                _("Close without saving? What you changed here would not be kept."),
                yes=_("Close without saving"),
                no=_("Keep writing"),
            ),
            answer,
        )

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self.save()

    def save(self) -> None:
        """Validate, store and dismiss; see the class docstring."""

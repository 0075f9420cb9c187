"""A list exercise: lines the person adds one at a time, changes in place, and removes."""

from __future__ import annotations

from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input

from imr_companion.content import Exercise
from imr_companion.i18n import N_, _
from imr_companion.models import Answer
from imr_companion.models.base import SHORT_TEXT
from imr_companion.models.handouts import LIST_LINES
from imr_companion.typed_text import pasted
from imr_companion.ui.common.fields.text_fields import OneLineInput
from imr_companion.ui.handouts.exercise_form import ExerciseForm


class AddLineInput(OneLineInput):
    """The "Add a line" field: a paste of several lines becomes several lines of the list."""

    class PastedLines(Message):
        def __init__(self, lines: list[str]) -> None:
            super().__init__()
            self.lines = lines

    def on_paste(self, event: events.Paste) -> None:
        text = pasted(event.text, keep_lines=True)
        if "\n" not in text.strip():
            super().on_paste(event)
            return
        event.prevent_default()
        event.stop()
        # Pasted where the cursor is, as an editor would: the words around it join the first and last lines.
        start, end = sorted(self.selection)
        whole = self.value[:start] + text + self.value[end:]
        lines = [" ".join(line.split()) for line in whole.split("\n")]
        self.post_message(self.PastedLines([line for line in lines if line]))


class ListForm(ExerciseForm):
    """Lines the person adds one at a time, changes in place, and removes with a button."""

    TITLE = N_("Your list")

    def __init__(self, handout: str, exercise: Exercise, answer: Answer | None) -> None:
        super().__init__(handout, exercise, answer)
        self.lines: list[str] = list(answer.lines) if answer else []
        self.pending = ""
        """Typed in the 'add' field but not added yet: kept too."""

    def compose_answer(self) -> ComposeResult:
        with Vertical(classes="lines"):
            for line in self.lines:
                yield self._line_row(line)
        with Horizontal(classes="row"):
            yield AddLineInput(
                placeholder=_("Add a line, then press Enter"),
                classes="new-line",
                compact=True,
            )
            # Translators: the button beside a list's "Add a line" field.
            yield Button(_("Add"), classes="add", compact=True)

    def _line_row(self, text: str) -> Horizontal:
        return Horizontal(
            # Not selected on focus: a key pressed on arrival must not replace the line.
            OneLineInput(text, classes="line", compact=True, select_on_focus=False),
            Button(_("Remove"), classes="remove", compact=True, tooltip=_("Remove this line")),
            classes="row",
        )

    @staticmethod
    def tab_target(before: Widget | None, after: Widget | None) -> Widget | None:
        """Where Tab should land instead of `after`, or None where it is right.

        Tab from outside a list lands on "Add a line", never inside a saved
        line, where the next key would quietly join that line (shift+tab and
        the mouse still reach every saved line).
        """
        if after is None or not after.has_class("line"):
            return None
        form = next((node for node in after.ancestors if isinstance(node, ListForm)), None)
        if form is None or (before is not None and form in before.ancestors):
            return None
        return form.query_one(".new-line")

    def _read_lines(self) -> None:
        self.lines = [field.value for field in self.query(".line").results(Input)]

    @on(Input.Changed, ".line")
    def _line_changed(self) -> None:
        self._read_lines()

    @on(Input.Changed, ".new-line")
    def _pending_changed(self, event: Input.Changed) -> None:
        self.pending = event.value

    @on(Input.Submitted, ".line")
    def _line_done(self) -> None:
        self.finished()

    @on(Input.Submitted, ".new-line")
    def _enter_new(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.say(_("Write a few words first, then press Enter."))
            return
        self.add_pending()

    @on(Button.Pressed, ".add")
    def _add_pressed(self) -> None:
        if self.pending.strip():
            self.add_pending()
        self.query_one(".new-line", Input).focus()

    def add_pending(self) -> None:
        text = self.pending.strip()
        if not text:
            return
        if len(self.lines) >= LIST_LINES:
            self.say(
                _("That is as many lines as fit here ({count}). You could join two lines into one.").format(
                    count=LIST_LINES
                )
            )
            return
        if len(text) > SHORT_TEXT:
            self.say(
                _("That line is longer than fits: up to {limit} characters, please.").format(limit=SHORT_TEXT)
            )
            return
        self.query_one(".lines").mount(self._line_row(text))
        self.lines.append(text)
        self.pending = ""
        self.query_one(".new-line", Input).value = ""
        self.finished()

    @on(AddLineInput.PastedLines)
    async def _add_pasted(self, event: AddLineInput.PastedLines) -> None:
        """Each pasted line as a line of the list; what does not fit stays in the field, said why."""
        added = 0
        for line in event.lines:
            if len(self.lines) >= LIST_LINES or len(line) > SHORT_TEXT:
                break
            self.lines.append(line)
            added += 1
            await self.query_one(".lines").mount(self._line_row(line))
        rest = " ".join(event.lines[added:])
        field = self.query_one(".new-line", Input)
        field.value = rest
        field.cursor_position = len(rest)
        self.pending = rest
        if rest and len(self.lines) >= LIST_LINES:
            self.say(
                _("That is as many lines as fit here ({count}). The rest is still in the field.").format(
                    count=LIST_LINES
                )
            )
        elif rest:
            self.say(
                _("The next line is longer than fits: up to {limit} characters, please.").format(
                    limit=SHORT_TEXT
                )
            )
        self.finished()

    @on(Button.Pressed, ".remove")
    async def _remove(self, event: Button.Pressed) -> None:
        row = event.button.parent
        if not isinstance(row, Widget):
            return
        await row.remove()
        self._read_lines()
        self.query_one(".new-line", Input).focus()
        self.finished()

    @on(events.DescendantBlur, ".line")
    def _line_left(self) -> None:
        self.finished()

    @on(events.DescendantBlur, ".new-line")
    def _new_left(self) -> None:
        # Leaving the field keeps what was typed: it becomes a line.
        if self.pending.strip():
            self.add_pending()

    def all_lines(self) -> list[str]:
        lines = [line.strip() for line in self.lines]
        return [*lines, self.pending.strip()] if self.pending.strip() else lines

    def problem(self) -> str:
        lines = self.all_lines()
        for number, line in enumerate(lines, start=1):
            if not line:
                return _("Line {number} is empty now. Write something in it, or press {remove}.").format(
                    number=number, remove=_("Remove")
                )
            if len(line) > SHORT_TEXT:
                return _("Line {number} is longer than fits: up to {limit} characters, please.").format(
                    number=number, limit=SHORT_TEXT
                )
        if len(lines) > LIST_LINES:
            return _("That is more lines than fit here ({count}). You could join two lines into one.").format(
                count=LIST_LINES
            )
        return ""

    def values(self) -> dict[str, Any]:
        return {"lines": self.all_lines()}

    def saved(self, answer: Answer) -> None:
        super().saved(answer)
        text = self.pending.strip()
        if text and answer.lines and answer.lines[-1] == text:
            # Saved while still in the 'add' field (leaving the page): it is a line now.
            self.lines.append(text)
            self.pending = ""
            for lines in self.query(".lines"):
                lines.mount(self._line_row(text))
            for field in self.query(".new-line").results(Input):
                field.value = ""

"""A checkbox whose state shows as a mark, not only as a colour: `[✓]` or `[ ]`."""

from __future__ import annotations

from textual.widgets import Checkbox

from imr_companion.ui.common.choices.marked_toggle import tick_box
from imr_companion.ui.common.textual_internals import DrawnMark


class TickBox(DrawnMark, Checkbox):
    """Drawn as `[✓]` or `[ ]` in the words' own colour; Textual's own box shows an X in both states."""

    def mark(self) -> str:
        return tick_box(self.value)

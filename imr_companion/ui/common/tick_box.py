"""A checkbox whose state shows as a mark, not only as a colour: `[✓]` or `[ ]`."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox

from imr_companion.ui.common.marked_toggle import tick_box


class TickBox(Checkbox):
    """Drawn as `[✓]` or `[ ]` in the words' own colour; Textual's own box shows an X in both states."""

    @property
    def _button(self) -> Content:
        return Content.styled(tick_box(self.value), "bold")

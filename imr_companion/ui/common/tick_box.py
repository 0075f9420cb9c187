"""A checkbox whose state shows as a mark, not only as a colour."""

from __future__ import annotations

from textual.widgets import Checkbox


class TickBox(Checkbox):
    """Shows ✓ when ticked and nothing when not; Textual's own box shows an X in both states."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "✓" if self.value else " "

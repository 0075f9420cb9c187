"""Choices that show their state with a mark, not only a colour.

Textual's own draw the same 'X' or dot whether on or off and change only its
colour, which some people cannot see and some themes barely show.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import RadioButton, SelectionList


class MarkedRadioButton(RadioButton):
    @property
    def BUTTON_INNER(self) -> str:
        return "●" if self.value else " "


class MarkedSelectionList(SelectionList[str]):
    """A checklist in one widget (fast to build, however many options): 'X' marks what is ticked."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        index = int(self.scroll_offset.y) + y
        if index >= self.option_count:
            return strip
        segments = list(strip)
        # The parent draws [left side, inner mark, right side, space, prompt...].
        if len(segments) > 4 and segments[1].text == self.BUTTON_INNER:
            ticked = self.get_option_at_index(index).value in self.selected
            segments[1] = Segment("X" if ticked else " ", segments[1].style)
            return Strip(segments, strip.cell_length)
        return strip

    @property
    def BUTTON_INNER(self) -> str:
        from textual.widgets._toggle_button import ToggleButton

        return ToggleButton.BUTTON_INNER

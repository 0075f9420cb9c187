"""Choices that show their state with a mark, not only a colour: `[✓]` and `[ ]`, `(●)` and `( )`.

Textual's own draw the same 'X' or dot whether on or off and change only its
colour, which some people cannot see and some themes barely show, and an X
reads as "no". One look for every tick box in the app (TickBox, in tick_box.py, uses it too).
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.strip import Strip
from textual.widgets import RadioButton, SelectionList

TICK = "✓"


def tick_box(ticked: bool) -> str:
    return f"[{TICK if ticked else ' '}]"


def radio_mark(chosen: bool) -> str:
    return f"({'●' if chosen else ' '})"


class MarkedRadioButton(RadioButton):
    @property
    def _button(self) -> Content:
        return Content.styled(radio_mark(self.value), "bold")


class MarkedSelectionList(SelectionList[str]):
    """A checklist in one widget (fast to build, however many options), each row `[✓]` or `[ ]`."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        index = int(self.scroll_offset.y) + y
        if index >= self.option_count:
            return strip
        segments = list(strip)
        # The parent draws [left side, inner mark, right side, prompt (with a space before it)...].
        if len(segments) > 4 and segments[1].text == self.BUTTON_INNER:
            ticked = self.get_option_at_index(index).value in self.selected
            words = segments[4].style or Style()
            inner = segments[1].style
            mark = Style(
                color=words.color, bgcolor=words.bgcolor, bold=True, meta=inner.meta if inner else None
            )
            segments[0:3] = [Segment(tick_box(ticked), mark)]
            return Strip(segments, strip.cell_length)
        return strip

    @property
    def BUTTON_INNER(self) -> str:
        from textual.widgets._toggle_button import ToggleButton

        return ToggleButton.BUTTON_INNER

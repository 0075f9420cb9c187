"""Choices that show their state with a mark, not only a colour: `[✓]` and `[ ]`, `(●)` and `( )`.

Textual's own draw the same 'X' or dot whether on or off and change only its
colour, which some people cannot see and some themes barely show, and an X
reads as "no". One look for every tick box in the app (TickBox, in tick_box.py, uses it too).
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets import RadioButton, RadioSet, SelectionList

from imr_companion.ui.common.textual_internals import DrawnMark, toggle_inner_mark

TICK = "✓"


def tick_box(ticked: bool) -> str:
    return f"[{TICK if ticked else ' '}]"


def radio_mark(chosen: bool) -> str:
    return f"({'●' if chosen else ' '})"


class MarkedRadioButton(DrawnMark, RadioButton):
    def mark(self) -> str:
        return radio_mark(self.value)


class ChoiceSet(RadioSet):
    """One of several (MarkedRadioButtons), its highlight on the choice already made when it opens.

    Textual's starts on the first button whatever is chosen: Enter or space there, pressed to keep
    the choice as marked, chose the first instead (a stored answer, the welcome's language)."""

    def on_mount(self) -> None:
        # Later: RadioSet's own mount handler, which runs after this one, highlights the first.
        self.call_later(self._highlight_the_choice)

    def _highlight_the_choice(self) -> None:
        for _ in range(max(self.pressed_index, 0)):
            self.action_next_button()


class MarkedSelectionList(SelectionList[str]):
    """A checklist in one widget (fast to build, however many options), each row `[✓]` or `[ ]`."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        index = int(self.scroll_offset.y) + y
        if index >= self.option_count:
            return strip
        segments = list(strip)
        # The parent draws [left side, inner mark, right side, prompt (with a space before it)...].
        if len(segments) > 4 and segments[1].text == toggle_inner_mark():
            ticked = self.get_option_at_index(index).value in self.selected
            words = segments[4].style or Style()
            inner = segments[1].style
            mark = Style(
                color=words.color, bgcolor=words.bgcolor, bold=True, meta=inner.meta if inner else None
            )
            segments[0:3] = [Segment(tick_box(ticked), mark)]
            return Strip(segments, strip.cell_length)
        return strip

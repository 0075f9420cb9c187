"""A 1 to 5 scale with words at both ends: 'Not hopeful  1  2 [3] 4  5  Very hopeful'.

The chosen number is in brackets; while moving with the arrow keys the
number under the cursor shows between ›‹ marks until it is chosen.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from imr_companion.i18n import N_

LOWEST, HIGHEST = 1, 5


class RatingScale(Widget, can_focus=True):
    """The chosen number is in brackets (and bold), the cursor between ›‹; left/right move,
    Enter, space or 1-5 choose."""

    DEFAULT_CSS = """
    RatingScale { height: 1; width: auto; padding: 0 1; }
    RatingScale > .rating-scale--cursor { text-style: reverse; }
    RatingScale > .rating-scale--chosen { text-style: bold; }
    RatingScale > .rating-scale--words { color: $text-muted; }
    RatingScale:focus { background: $boost; }
    """
    COMPONENT_CLASSES = {"rating-scale--cursor", "rating-scale--chosen", "rating-scale--words"}
    BINDINGS = [
        Binding("left", "move(-1)", N_("Less"), show=False),
        Binding("right", "move(1)", N_("More"), show=False),
        Binding("enter,space", "choose", N_("Choose"), show=False),
        *(Binding(str(n), f"choose({n})", str(n), show=False) for n in range(LOWEST, HIGHEST + 1)),
    ]

    value: reactive[int | None] = reactive(None)
    cursor: reactive[int] = reactive(3)

    class Changed(Message):
        def __init__(self, scale: RatingScale, value: int) -> None:
            super().__init__()
            self.scale = scale
            self.value = value

        @property
        def control(self) -> RatingScale:
            return self.scale

    def __init__(self, low: str, high: str, value: int | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.low = low
        self.high = high
        self.set_reactive(RatingScale.value, value)
        self.set_reactive(RatingScale.cursor, value or 3)
        self._spans: list[tuple[int, int, int]] = []
        """(start, end, number) of each number on the line, for clicks."""

    def render(self) -> Content:
        parts: list[Content] = []
        words = self.get_visual_style("rating-scale--words")
        parts.append(Content(self.low).stylize(words))
        parts.append(Content(" "))
        self._spans = []
        offset = cell_len(self.low) + 1
        for number in range(LOWEST, HIGHEST + 1):
            if number == self.value:
                label = f"[{number}]"
            elif self.has_focus and number == self.cursor:
                # Where the arrow keys are, as a mark: a colour alone is not seen by everyone.
                label = f"›{number}‹"
            else:
                label = f" {number} "
            piece = Content(label)
            if number == self.value:
                piece = piece.stylize(self.get_visual_style("rating-scale--chosen"))
            if self.has_focus and number == self.cursor:
                piece = piece.stylize(self.get_visual_style("rating-scale--cursor"))
            self._spans.append((offset, offset + 3, number))
            parts.extend([piece, Content(" ")])
            offset += 4
        parts.append(Content(self.high).stylize(words))
        return Content.assemble(*parts)

    def get_content_width(self, container, viewport) -> int:
        return cell_len(self.low) + cell_len(self.high) + 1 + 4 * (HIGHEST - LOWEST + 1)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_move(self, step: int) -> None:
        self.cursor = max(LOWEST, min(HIGHEST, self.cursor + step))

    def action_choose(self, number: int | None = None) -> None:
        chosen = self.cursor if number is None else number
        self.cursor = chosen
        if chosen != self.value:
            self.value = chosen
            self.post_message(self.Changed(self, chosen))

    def on_click(self, event: events.Click) -> None:
        x = event.x - self.styles.padding.left
        for start, end, number in self._spans:
            if start <= x < end:
                self.action_choose(number)
                return

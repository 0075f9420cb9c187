"""The goal ladder on screen: the drawing of layout/ladder.py, coloured, with a cursor.

What each rung says (its mark, words and day) and where the rungs go are
layout/ladder.py's, as on the printed page; here climbed rungs are filled
in and the next step stands out. Drawn line by line (like RowList), so a
long ladder costs nothing to scroll. A rung can be clicked, and dragged up
or down to move it.
"""

from __future__ import annotations

from typing import cast

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from imr_companion import clock
from imr_companion.i18n import _, ngettext
from imr_companion.layout.ladder import (
    CURRENT_MARK,
    DONE_MARK,
    WIDEST,
    Row,
    Rung,
    rail_row,
    rung_words,
    rungs,
)
from imr_companion.layout.ladder import screen_rows as ladder_rows
from imr_companion.layout.text import shorten
from imr_companion.models.goals import Goal, Step, area_name, long_date, short_date, steps_phrase
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.lists.cursor_list import CursorList


def goal_header(goal: Goal, is_current: bool, why_lines: int = 2) -> Text:
    """The top of the ladder: the goal in the person's words, then where it stands."""
    today = clock.today()
    text = Text(overflow="fold")
    # Long goals are cut here so that where the goal stands stays in view; the editor has every word.
    text.append(shorten(goal.text, 120), style="bold")
    facts: list[str] = []
    if goal.reached and goal.reached_on:
        facts.append(_("{mark} reached {day}").format(mark=DONE_MARK, day=long_date(goal.reached_on)))
    elif is_current:
        facts.append(_("{mark} current goal").format(mark=CURRENT_MARK))
    facts.append(area_name(goal.area))
    if goal.reached and goal.steps:
        count = len(goal.steps)
        facts.append(ngettext("{count} step climbed", "{count} steps climbed", count).format(count=count))
    else:
        facts.append(steps_phrase(goal))
    if goal.hoped_for and not goal.reached:
        facts.append(_("hoping for {day}").format(day=short_date(goal.hoped_for, today)))
    text.append("\n" + " · ".join(facts), style="dim")
    if goal.why:
        lines = goal.why.splitlines()
        why = " ".join(line.strip() for line in lines if line.strip())
        # Translators: before the person's own words on why the goal matters to them.
        text.append("\n" + _("Why:") + " ", style="dim italic")
        # The full words are in the goal's editor and the export; here, the start.
        limit = why_lines * 60
        text.append(shorten(why, limit), style="italic")
    return text


class GoalLadder(CursorList):
    DEFAULT_CSS = """
    GoalLadder { background: $surface; overflow-x: hidden; }
    GoalLadder > .goal-ladder--rail { color: $text-muted; }
    GoalLadder > .goal-ladder--done { background: $success 20%; color: $text; }
    GoalLadder > .goal-ladder--current { background: $accent 25%; color: $text; text-style: bold; }
    GoalLadder > .goal-ladder--later { color: $text; }
    GoalLadder > .goal-ladder--label { color: $text-muted; }
    GoalLadder > .goal-ladder--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    GoalLadder:blur > .goal-ladder--cursor {
        background: $block-cursor-blurred-background;
        color: $text;
        text-style: none;
    }
    GoalLadder > .goal-ladder--drop { background: $primary 40%; text-style: bold; }
    """
    COMPONENT_CLASSES = {
        "goal-ladder--rail",
        "goal-ladder--done",
        "goal-ladder--current",
        "goal-ladder--later",
        "goal-ladder--label",
        "goal-ladder--cursor",
        "goal-ladder--drop",
    }
    # Up the screen is up the ladder: towards the goal, later steps (CursorList moves on the screen).
    CLICK_CHOOSES = False
    """A rung is chosen on mouse down, where dragging it starts."""

    class Highlighted(CursorList.Highlighted):
        @property
        def step(self) -> Step | None:
            return cast("Step | None", self.item)

        @property
        def ladder(self) -> GoalLadder:
            return cast("GoalLadder", self.source)

    class Moved(Message):
        """A rung was dragged with the mouse to another place on the ladder."""

        def __init__(self, ladder: GoalLadder, step_id: str, to: int) -> None:
            super().__init__()
            self.ladder = ladder
            self.step_id = step_id
            self.to = to

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.goal: Goal | None = None
        self._lines: list[Row] = []
        self._dragging: int | None = None
        self._drop: int | None = None
        self._styles: dict[str, Style] = {}
        """Each part's style for the paint under way (render_lines), looked up once, not on every line."""
        self._rungs: list[Rung] = []

    # --- what is shown ---------------------------------------------------

    def show(self, goal: Goal | None, keep: str | None = None) -> None:
        """Draw `goal`, with the rung of step `keep` selected (else the current rung)."""
        self.goal = goal
        self._layout()
        steps = goal.steps if goal else []
        index = goal.index_of(keep) if goal and keep else None
        if index is None and goal:
            current = goal.next_step or (steps[-1] if steps else None)
            index = goal.index_of(current.id) if current else None
        self.cursor = -1 if index is None else index

    @property
    def step(self) -> Step | None:
        if self.goal and 0 <= self.cursor < len(self.goal.steps):
            return self.goal.steps[self.cursor]
        return None

    def _layout(self) -> None:
        self._lines = ladder_rows(len(self.goal.steps) if self.goal else 0, self.size.height)
        self.virtual_size = Size(self.size.width, len(self._lines))
        self.refresh()

    def line_of(self, step_index: int) -> int | None:
        for y, line in enumerate(self._lines):
            if line.kind == "rung" and line.step == step_index:
                return y
        return None

    # --- what the cursor moves over -----------------------------------------

    def item_count(self) -> int:
        return len(self.goal.steps) if self.goal else 0

    def item_on_line(self, line: int) -> int | None:
        if 0 <= line < len(self._lines) and self._lines[line].kind == "rung":
            return self._lines[line].step
        return None

    def lines_in_view(self, index: int) -> tuple[int, int]:
        # The gaps above and below a rung too, so it never looks cut off.
        line = self.line_of(index) or 0
        return max(0, line - 1), line + 1

    def highlighted_item(self) -> Step | None:
        return self.step

    def on_resize(self) -> None:
        self._layout()
        if self.cursor >= 0:
            self.cursor = self.cursor

    # --- keys and mouse --------------------------------------------------

    def _step_at(self, y: int) -> int | None:
        return self.item_on_line(y + int(self.scroll_y))

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._step_at(event.y)
        if index is None:
            return
        self.cursor = index
        self._dragging = index
        self._drop = None
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging is None:
            return
        drop = self._step_at(event.y)
        drop = None if drop == self._dragging else drop
        if drop != self._drop:
            self._drop = drop
            self.refresh()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging is None:
            return
        dragged, drop = self._dragging, self._drop
        self._dragging = self._drop = None
        self.release_mouse()
        self.refresh()
        if drop is not None and self.goal is not None:
            self.post_message(self.Moved(self, self.goal.steps[dragged].id, drop))

    # --- drawing ---------------------------------------------------------

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines)

    def render_lines(self, crop):
        # The styles and the rungs worked out once per paint: on every line they were most of
        # the time the ladder took to draw as Goals first opened.
        self._styles = {"": self.rich_style}
        self._rungs = rungs(self.goal) if self.goal else []
        try:
            return super().render_lines(crop)
        finally:
            self._styles = {}

    def _style(self, part: str) -> Style:
        """The ladder's own style with a part's (a component class) over it."""
        if not self._styles:  # drawn outside a paint
            self._styles = {"": self.rich_style}
            self._rungs = rungs(self.goal) if self.goal else []
        if part not in self._styles:
            self._styles[part] = self._styles[""] + self.get_component_rich_style(f"goal-ladder--{part}")
        return self._styles[part]

    def render_line(self, y: int) -> Strip:
        index = y + int(self.scroll_y)
        width = self.scrollable_content_region.width
        base = self._style("")
        if index >= len(self._lines) or width < 8:
            return Strip.blank(width, base)
        line = self._lines[index]
        rail = self._style("rail")
        inner = min(width, WIDEST) - 4
        if line.kind == "rung":
            segments = self._rung(line.step, inner, base, rail)
        else:
            label = ""
            if line.kind == "empty":
                key = key_for(self.screen, "add_step('ladder')")
                label = _("No steps yet. Press {key} to add one.").format(key=key)
            segments = [Segment(rail_row(line.kind, inner, label), rail)]
        return Strip(segments).crop_extend(0, width, base)

    def _rung(self, index: int, inner: int, base: Style, rail: Style) -> list[Segment]:
        assert self.goal is not None
        rung = self._rungs[index]
        today = clock.today()
        state, mark, label = rung.state, rung.mark, rung.note(lambda day: short_date(day, today))
        style = self._style(state)
        if index == self.cursor:
            style = self._style("cursor")
        if index == self._drop:
            style = self._style("drop")
        label_style = style
        if state == "later" and index != self.cursor:
            # Muted only on a plain background: on a filled rung it would fade in light themes.
            # The muted colour as blended on the ladder's own background: a partial
            # style keeps it unblended, which showed white on grey in light themes.
            muted = self.get_component_rich_style("goal-ladder--label")
            label_style = style + Style(color=muted.color)
        words = rung_words(rung, label, inner)
        segments = [
            Segment(" ├", rail),
            Segment("─ ", style),
            Segment(mark + " ", style),
            Segment(words, style),
        ]
        if label:
            segments.append(Segment(" " + label, label_style))
        segments += [Segment(" ─", style), Segment("┤", rail)]
        return segments

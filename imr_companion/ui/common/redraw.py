"""Drawing again only what changed: a line of text laid out again only when its lines change, and
painting held back until a change reported by a message is in."""

from __future__ import annotations

from contextlib import AbstractContextManager

from textual.app import App
from textual.content import Content
from textual.widgets import Static


def shown_again(static: Static, content: Content) -> None:
    """`static` showing `content`: nothing done when it shows just that, and the screen laid out
    again only when the lines it takes change. `Static.update` lays out the whole screen: on
    Today after a save, and in the reader after each answer ("Saved today." where it said "Saved
    on 3 February."), a page of handout text and forms laid out again for one line's words."""
    shown = static.visual
    if isinstance(shown, Content) and (shown.plain, shown.spans) == (content.plain, content.spans):
        return
    size = static.content_size
    # Measured as Textual measures a widget's content (Widget.get_content_height passes its styles too).
    lines = content.get_height(static.styles, size.width) if size.width > 0 else None  # type: ignore[arg-type]
    static.update(content, layout=not (static.display and lines == size.height))


class PaintHold:
    """Painting held back from now until `let_go()` (at most `at_most` seconds): a change that a
    message reports on shown in one frame with what came before it.

    A worksheet answer is reported as its field is left, and saved a message or two later: the
    screen's update clock painted the focus moving on in between, and "Saved today." came a
    frame later still, behind the footer's keys rebuilt for the focus's new place (a rebuild
    holds painting too). Held from the report to its save, one frame shows both."""

    def __init__(self, app: App, at_most: float = 0.1) -> None:
        self._held: AbstractContextManager[None] | None = app.batch_update()
        self._held.__enter__()
        # Never held for long, whatever happens to the message (a page taken down meanwhile).
        self._timer = app.set_timer(at_most, self.let_go, name="paint hold")

    def let_go(self) -> None:
        held, self._held = self._held, None
        if held is not None:
            self._timer.stop()
            held.__exit__(None, None, None)

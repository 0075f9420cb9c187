"""The one-line text field every form uses, with one rule for pasted text (TextField: text_field.py).

Textual's Input keeps only the first line of a paste and refuses a paste
longer than its `max_length` without a word; TextArea keeps invisible
control characters that the store then refuses. Here a paste goes through
`typed_text.pasted`: lines joined (one-line fields) or kept (TextField),
control characters removed, joiners kept, and nothing cut: a field over its
limit says "up to N characters, please" when it is saved, with every word
still in it.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input

from imr_companion.typed_text import pasted


class OneLineInput(Input):
    """A one-line field. Fields are given no `max_length`: the model says the limit.

    Its text is not selected when it takes the focus: the next key would
    replace everything written. The cursor waits at the end of the text.
    """

    virtual_size = Reactive(Size(0, 0), layout=False)
    """Input sets it at every change of its text (the text's width): as every widget's, it laid the
    whole screen out again each time, for a letter typed or a field emptied after a save. A field's
    size never follows it (one whose width follows its text is laid out again by Input itself), and
    its scrolling reads it directly; a change still draws the field again."""

    def __init__(self, *args, select_on_focus: bool = False, **kwargs) -> None:
        super().__init__(*args, select_on_focus=select_on_focus, **kwargs)

    def on_paste(self, event: events.Paste) -> None:
        # Input's own handler would insert the first line only: this one runs
        # first (a class's handlers run before its base's) and skips it.
        event.prevent_default()
        event.stop()
        text = pasted(event.text, keep_lines=False)
        if not text:
            return
        start, end = sorted(self.selection)
        # Set directly rather than through insert_text_at_cursor, which
        # refuses the whole paste when it would pass max_length.
        self.value = self.value[:start] + text + self.value[end:]
        self.cursor_position = start + len(text)

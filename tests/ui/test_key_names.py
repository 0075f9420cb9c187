"""Sentences that name a key take it from the bindings."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.binding import Binding
from textual.widgets import Static

from imr_companion.ui.common.key_names import key_for


class Card(Static):
    BINDINGS = [Binding("r", "read", "Read on"), ("ctrl+x", "done", "Done")]


class Inner(Card):
    BINDINGS = [Binding("f1,f2", "help", "Help")]


def test_a_class_names_its_keys_as_written():
    assert key_for(Card, "read") == "r"
    assert key_for(Inner, "done") == "ctrl+x"
    assert key_for(Inner, "help") == "F1"
    with pytest.raises(LookupError):
        key_for(Card, "nothing")


async def test_a_widget_names_its_keys_as_a_sentence_says_them():
    class Shown(App[None]):
        def compose(self):
            yield Inner()

    app = Shown()
    async with app.run_test():
        card = app.query_one(Inner)
        assert key_for(card, "read") == "r"
        # A ctrl key is written out in a sentence, not drawn as the footer's "^x".
        assert key_for(card, "done") == "ctrl+x"
        assert key_for(card, "help") == app.get_key_display(Binding("f1", "help"))

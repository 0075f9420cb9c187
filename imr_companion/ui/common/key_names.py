"""The key of an action, for sentences and buttons that name a key ("Press {key} to read on").

Key letters are never typed into a sentence: the sentence takes the key from
the bindings, so the words and the keys cannot disagree, in either language.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.dom import DOMNode

from imr_companion.ui.keys.keymap import key_of


def key_for(node: DOMNode | type[DOMNode], action: str) -> str:
    """The key bound to `action` on `node` (or its class), as a sentence names it.

    A letter, "esc", "enter" or a function key as the footer shows it on
    screen; a ctrl key written out as its binding has it ("ctrl+x"), which
    reads more plainly in a sentence or on a button than the footer's "^x".
    The first binding for the action counts, as in the footer; a key the
    person gave it in their keys file (ui/keys/keymap.py) comes first.
    """
    cls = node if isinstance(node, type) else type(node)
    for klass in cls.__mro__:
        for binding in getattr(klass, "BINDINGS", ()):
            if isinstance(binding, tuple) and len(binding) >= 2:
                binding = Binding(*binding)
            if isinstance(binding, Binding) and binding.action == action:
                return _shown(node, binding.with_key(key_of(binding.id, binding.key).split(",")[0]))
    raise LookupError(f"no key for {action!r} on {cls.__name__}")


def _shown(node: DOMNode | type[DOMNode], binding: Binding) -> str:
    if binding.key.startswith("ctrl+"):
        return binding.key
    if isinstance(node, DOMNode):
        return node.app.get_key_display(binding)
    return binding.key.upper() if binding.key.startswith("f") and binding.key[1:].isdigit() else binding.key

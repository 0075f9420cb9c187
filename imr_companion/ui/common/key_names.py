"""The key of an action, as the footer shows it: for sentences that name a key ("Press {key} to read on").

Key letters are never typed into a sentence: the sentence takes the key from
the bindings, so the words and the keys cannot disagree, in either language.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.dom import DOMNode


def key_for(node: DOMNode | type[DOMNode], action: str) -> str:
    """How the key bound to `action` on `node` (or its class) is shown: "r", "ctrl+x", "F1", "Enter".

    The first binding for the action counts, as in the footer; a node
    passed without an app (a class) gets the key as written in its bindings.
    """
    cls = node if isinstance(node, type) else type(node)
    for klass in cls.__mro__:
        for binding in getattr(klass, "BINDINGS", ()):
            if isinstance(binding, Binding) and binding.action == action:
                return _shown(node, binding)
            if isinstance(binding, tuple) and len(binding) >= 2 and binding[1] == action:
                return _shown(node, Binding(*binding))
    raise LookupError(f"no key for {action!r} on {cls.__name__}")


def _shown(node: DOMNode | type[DOMNode], binding: Binding) -> str:
    if isinstance(node, DOMNode):
        return node.app.get_key_display(binding.with_key(binding.key.split(",")[0]))
    key = binding.key.split(",")[0]
    return key.upper() if key.startswith("f") and key[1:].isdigit() else key

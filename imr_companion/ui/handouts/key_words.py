"""The key of an action as the handouts' words name it ("Press r to read on", "ctrl+z undoes it")."""

from __future__ import annotations

from textual.dom import DOMNode

from imr_companion.ui.common.key_names import key_for


def said_key(node: DOMNode, action: str) -> str:
    """A letter or "esc" as the footer shows it; a ctrl key written out as its binding has it.

    "ctrl+x" reads more plainly in a sentence or on a button than the footer's
    "^x", and it is what the handouts' words said before they were translated.
    """
    written = key_for(type(node), action)
    return written if written.startswith("ctrl+") else key_for(node, action)

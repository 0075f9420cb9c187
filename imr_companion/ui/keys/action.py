"""One action a person can take by a key: its id, key and words, declared once.

A screen's BINDINGS, the footer (which shows the bindings), ctrl+p's list and
the key list (key_list.py) are all built from these declarations, so an
action's key and words are written in one place. The id is what the person's
keys file (keymap.py) names to give the action another key; it is never
shown and never depends on wording.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import NamedTuple

from textual.binding import Binding, BindingType


class Action(NamedTuple):
    """A named tuple, not a frozen dataclass: it is defined before Today's first frame,
    and a dataclass costs about a millisecond more to define."""

    id: str
    """Stable and unique ("moments.delete"): the keys file names it. Written short in a
    group ("delete") and given the group's name in front by `Keys`."""
    key: str
    """The usual key or keys, as Textual writes them ("d", "ctrl+x", "n,right")."""
    run: str
    """The Textual action it runs: "delete", "month(-1)"."""
    footer: str = ""
    """The footer's words, in English marked N_(): translated as they are drawn."""
    palette: str = ""
    """Longer words for ctrl+p's list and the footer's tooltip ("" : the footer's)."""
    help: str = ""
    """What it does, for the key list ("" : the palette's, else the footer's)."""
    when: str = ""
    """When it works, where it works only sometimes (marked N_(), "after the first step"):
    the key list says it after the action's words. The screen's check_action decides it
    in code; these are its words."""
    show: bool = True
    """In the footer (False: only in ctrl+p's list and the key list)."""
    priority: bool = False
    key_display: str | None = None
    fixed: bool = False
    """Never given another key by the keys file (Help now, Esc, quitting)."""
    in_palette: bool = True
    """Offered in ctrl+p's list (areas, undo and together are offered there in their own words)."""
    also: tuple[str, ...] = ()
    """More Textual actions on the same key and id, never in the footer: the
    goals screen binds each key once for the list and once for anywhere."""

    @property
    def words(self) -> str:
        """What it does, in English (marked): the help words, else the palette's, else the footer's."""
        return self.help or self.palette or self.footer

    def bindings(self) -> list[Binding]:
        shown = Binding(
            self.key,
            self.run,
            self.footer,
            show=self.show and bool(self.footer),
            key_display=self.key_display,
            priority=self.priority,
            tooltip=self.palette,
            id=self.id,
        )
        hidden = [replace(shown, action=run, show=False) for run in self.also]
        return [shown, *hidden]


class Keys:
    """The actions of one screen (or of the whole app), their ids starting with `name`."""

    def __init__(self, name: str, *actions: Action, beside: tuple[Keys, ...] = ()) -> None:
        self.name = name
        self.actions = tuple(action._replace(id=f"{name}.{action.id}") for action in actions)
        self.beside = beside
        """Groups whose keys work on the same screen too (an editor's Save and Cancel, Today's
        own keys beside a card's): the keys file gives none of them a key another already has."""

    def bindings(self) -> list[BindingType]:
        """The screen's BINDINGS."""
        return [binding for action in self.actions for binding in action.bindings()]

    def when(self, run: str) -> str:
        """When the action running `run` ("mark", without its arguments) works: its `when` words
        (English, marked), "" where it always works. A screen's check_action can read it."""
        for action in self.actions:
            if action.run.split("(")[0] == run and action.when:
                return action.when
        return ""

    def __iter__(self) -> Iterator[Action]:
        return iter(self.actions)

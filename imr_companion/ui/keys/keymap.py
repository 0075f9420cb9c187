"""The person's own keys: a small file in the data folder, read through one gate.

    # keys.toml: an action's id (README "Keys of your own") and the key it should have
    [moments]
    delete = "x"
    [app]
    theme = "ctrl+o"

Whatever the file says, nobody is locked out: a file that cannot be read is
left aside whole, and a line is left out (the usual key stays) when it names
no action of this app, when its key is not one a keyboard sends, when it
would move Help now (F1), going back (Esc) or quitting (ctrl+q) or give their
keys to anything else, or when its key already does something else on the
same screen. Each is said once, calmly, after the first frame. Textual
applies the keys by binding id (App.set_keymap); `key_of` gives the key a
person actually has, for sentences that name it (ui/common/key_names.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

from textual.binding import Binding
from textual.keys import Keys as TextualKeys
from textual.keys import key_to_character

from imr_companion.i18n import _
from imr_companion.paths import KEYS_FILE
from imr_companion.ui.keys.action import Action, Keys
from imr_companion.ui.keys.declared import EVERYWHERE, RESERVED_KEYS, SCREENS

MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}

_active: dict[str, str] = {}
"""The keys in use now, by action id: only those the file changed."""


def key_of(binding_id: str | None, usual: str) -> str:
    """The key an action has now: the person's own, else `usual`."""
    return _active.get(binding_id or "", usual)


def in_use() -> bool:
    """Whether the person gave any action a key of their own."""
    return bool(_active)


def moved(binding_id: str | None) -> bool:
    """Whether the person gave this action a key of their own."""
    return (binding_id or "") in _active


def every_group() -> Iterator[Keys]:
    """Every declared group: the app's, then each screen's."""
    # Only when a keys file or a list of keys asks: not before Today's first frame.
    from imr_companion.ui.keys import cards, dialogs, together, tools

    yield from EVERYWHERE
    yield from SCREENS
    yield from cards.CARDS
    yield from dialogs.GROUPS
    yield from together.GROUPS
    yield from tools.GROUPS


@cache
def _declared() -> dict[str, tuple[Action, Keys]]:
    return {action.id: (action, group) for group in every_group() for action in group}


def declared_order(action: Action) -> int:
    """Where `action` comes among the declarations: the key list keeps their order."""
    return list(_declared()).index(action.id)


def action_of(binding_id: str | None) -> Action | None:
    """The declared action a binding was built from (None for keys declared elsewhere)."""
    found = _declared().get(binding_id or "")
    return found[0] if found else None


def _normal(key: str) -> str | None:
    """The key as Textual names it ("?" is "question_mark"), or None when no keyboard sends it."""
    key = key.strip()
    if not key or "," in key:
        return None
    (binding,) = Binding.make_bindings([Binding(key, "")])
    *modifiers, name = binding.key.split("+")
    if not set(modifiers) <= MODIFIERS or not name:
        return None
    if len(name) == 1 or name in _named_keys() or key_to_character(name) is not None:
        return binding.key
    return None


@cache
def _named_keys() -> set[str]:
    # Only when there is a file to check: nothing more before the first frame.
    return {key.value for key in TextualKeys}


def _flat(table: dict, prefix: str = "") -> Iterator[tuple[str, object]]:
    # [moments] delete = "x" and moments.delete = "x" say the same.
    for name, value in table.items():
        if isinstance(value, dict):
            yield from _flat(value, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", value


def read(folder: Path) -> tuple[dict[str, str], list[str]]:
    """The keys the file in `folder` gives, checked, and what was left out (in words, to say)."""
    path = folder / KEYS_FILE
    if not path.is_file():
        return {}, []
    import tomllib  # only when there is a file: nothing more before the first frame

    try:
        with path.open("rb") as file:
            table = tomllib.load(file)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}, [_("Your keys file ({file}) could not be read, so the usual keys work.").format(file=path)]
    return check(dict(_flat(table)))


def check(wanted: dict[str, object]) -> tuple[dict[str, str], list[str]]:
    """The keys that can be given as asked, and a sentence for each that cannot."""
    declared = _declared()
    keys: dict[str, str] = {}
    said: list[str] = []
    for action_id, asked in wanted.items():
        found = declared.get(action_id)
        key = _normal(asked) if isinstance(asked, str) else None
        if found is None:
            said.append(_("Your keys file names {id}, which this app does not have.").format(id=action_id))
        elif key is None:
            said.append(
                _("{key} is not a key this app knows, so {id} keeps its usual key.").format(
                    key=str(asked), id=action_id
                )
            )
        elif found[0].fixed and found[1].name == "area":
            said.append(
                _("{id} keeps its number: the areas are named by their numbers.").format(id=action_id)
            )
        elif found[0].fixed:
            said.append(
                _(
                    "{id} always keeps its own key, so that Help now, going back and quitting always work."
                ).format(id=action_id)
            )
        elif key in RESERVED_KEYS:
            said.append(
                _("{key} is kept for Help now, going back and quitting, so {id} keeps its usual key.").format(
                    key=key, id=action_id
                )
            )
        else:
            keys[action_id] = key
    for action_id in [*keys]:
        clash = _taken(action_id, keys, declared)
        if clash:
            del keys[action_id]
            said.append(
                _(
                    "{key} already does something else on the same screen, so {id} keeps its usual key."
                ).format(key=wanted[action_id], id=action_id)
            )
    return keys, said


def _taken(action_id: str, keys: dict[str, str], declared: dict[str, tuple[Action, Keys]]) -> bool:
    """Whether another action where this one works already has its new key (usual or given)."""
    action, group = declared[action_id]
    # The app's keys work on every screen; a screen's keys beside the app's and beside the
    # groups it names (an editor's Save and Cancel; on Today, each card's beside Today's own).
    if group in EVERYWHERE:
        groups = list(every_group())
    else:
        groups = [
            group,
            *group.beside,
            *(other for other in every_group() if group in other.beside),
            *EVERYWHERE,
        ]
    for other in (other for each in groups for other in each):
        if other.id == action_id or other.run == action.run:
            continue
        theirs = keys.get(other.id, other.key).split(",")
        if keys[action_id] in theirs:
            return True
    return False


def use(keys: dict[str, str]) -> None:
    """These keys are the person's from now on (the app gives them to Textual too)."""
    _active.clear()
    _active.update(keys)

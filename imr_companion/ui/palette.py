"""What ctrl+p lists: only what a person would look for, in plain words.

Not Textual's own list (Keys, Maximize, Screenshot), which talks about widgets.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.screen import Screen

from imr_companion import areas
from imr_companion.i18n import _
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.textual_internals import NoMatchesInOwnWords
from imr_companion.ui.keys.declared import APP as APP_KEYS
from imr_companion.ui.keys.key_list import TEXTUAL_ACTIONS
from imr_companion.ui.keys.keymap import action_of

if TYPE_CHECKING:
    from imr_companion.ui.app import CompanionApp

LANGUAGE_TITLE = "Language / Sprog"
"""The palette's way to the language: the same words in English and Danish, never translated."""


class Palette(NoMatchesInOwnWords):
    """Textual's palette, saying in the app's language when nothing matches (its own says it in English)."""

    def no_matches_words(self) -> str:
        return _("Nothing found. Try other words.")


def commands(app: CompanionApp, screen: Screen) -> Iterator[SystemCommand]:
    """The app's own actions, the screen's commands and keys, the areas and the together pages.

    Everything with a key comes from the declared actions (ui/keys/declared.py),
    so the words and keys here are those of the footer and the key list."""
    # The app's own keys, declared once with their words (ui/keys/declared.py).
    for action in APP_KEYS:
        if action.in_palette:
            yield SystemCommand(
                _(action.palette or action.footer),
                f"{_(action.help)} ({key_for(type(app), action.run)})",
                partial(app.run_action, action.run),
            )
    yield SystemCommand(
        _("Emergency number"),
        _("Where you live, or your own emergency number, for Help now"),
        app.action_emergency_number,
    )
    # In both languages, so that a person who cannot read the one on screen finds it.
    yield SystemCommand(LANGUAGE_TITLE, _("Choose the language the app speaks"), partial(_languages, app))
    yield SystemCommand(
        _("What the keys do"),
        _("The keys of this screen, and those that work everywhere"),
        partial(_key_list, app, screen),
    )
    yield from app.undo_commands()
    # The screen in front may offer its own commands (the keys in its footer).
    screen_commands = getattr(screen, "commands", None)
    # An action the screen already names in its own words is not offered twice.
    offered: set[str] = set()
    for command in screen_commands() if screen_commands is not None else ():
        offered.add(getattr(command.callback, "__name__", "").removeprefix("action_"))
        yield command
    yield SystemCommand(
        _("Restore a backup"),
        _("Put back a copy of your data from an earlier day (what is there now is kept too)"),
        app.action_restore_backup,
    )
    yield SystemCommand(
        _("Self-check"),
        _("How things have gone over time, area by area, and a new self-check"),
        partial(_self_check, app),
    )
    from imr_companion.ui.group.setup import group_commands
    from imr_companion.ui.together.menu import together_commands

    yield from together_commands(app)
    yield from group_commands(app)
    from imr_companion.ui.unlock.commands import passphrase_commands

    yield from passphrase_commands(app)
    from imr_companion.ui.reaching.offers import reaching_commands

    yield from reaching_commands(app)
    for area in areas.AREAS:
        # An area beyond the bar's six has no key: it is reached from here and its Today card.
        how = _("Go to {area} (press {key})") if area.key else _("Go to {area}")
        key = key_for(type(app), f"open_area('{area.mode}')") if area.key else None
        yield SystemCommand(
            _("Open {area}").format(area=_(area.title)),
            how.format(area=_(area.title), key=key),
            lambda mode=area.mode: app.action_open_area(mode),
        )
    # Every key of the screen in front is offered here too, also those the
    # footer has no room for, so that everything can be done with the mouse.
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.action in TEXTUAL_ACTIONS or binding.action in offered:
            continue
        declared = action_of(binding.id)
        if declared is not None and not declared.in_palette:
            continue
        # A binding's tooltip, when it has one, is its longer name.
        title = _(binding.tooltip or binding.description)
        if active.node is screen and title and active.enabled:
            if title in offered:
                continue
            offered.add(title)
            yield SystemCommand(
                title,
                _("Press {key}").format(key=app.get_key_display(binding)),
                partial(screen.run_action, binding.action),
            )


def _languages(app: CompanionApp) -> None:
    """The list of languages, each named in itself (ui/language.py)."""
    from imr_companion.ui.language import LanguageChoices

    app.push_screen(Palette(providers=[LanguageChoices], placeholder="Language / Sprog…"))


def _key_list(app: CompanionApp, screen: Screen) -> None:
    from imr_companion.ui.keys.key_list import KeyListScreen

    app.push_screen(KeyListScreen(screen))


def _self_check(app: CompanionApp) -> None:
    from imr_companion.ui.selfcheck.screen import SelfCheckScreen

    app.push_screen(SelfCheckScreen())

"""What the keys do: every key of the screen in front and those that work everywhere, in plain words.

Built from the same bindings the footer shows (so a key the person gave an
action in their keys file is the key listed), with each declared action's
longer words (ui/keys/declared.py). Opened from ctrl+p's list.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from imr_companion.i18n import _
from imr_companion.layout.text import cells, pad
from imr_companion.ui.common.dialogs.base import Dialog
from imr_companion.ui.keys.action import Action
from imr_companion.ui.keys.keymap import action_of, declared_order

# Textual's own keys on every screen (moving between fields, copying): not
# actions a person looks for.
TEXTUAL_ACTIONS = {binding.action for binding in Screen.BINDINGS if isinstance(binding, Binding)}


def key_lines(screen: Screen) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(key, words) for the keys of `screen` itself, and for those of the whole app."""
    here: list[tuple[str, str]] = []
    everywhere: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    order: dict[tuple[str, str], int] = {}
    app = screen.app
    for active in screen.active_bindings.values():
        binding = active.binding
        # The screen's and the app's keys: a list's own (arrows, pages) move in it, as everywhere.
        if active.node not in (screen, app) or binding.action in TEXTUAL_ACTIONS or binding.system:
            continue
        action = action_of(binding.id)
        words = described(action) if action else _(binding.tooltip or binding.description)
        key = app.get_key_display(binding)
        if key[:1] == "f" and key[1:].isdigit():
            key = key.upper()  # "F1", as the footer and every sentence write it
        if not words or (key, words) in seen:
            continue
        seen.add((key, words))
        if action is not None:
            order[key, words] = declared_order(action)
        (everywhere if active.node is app else here).append((key, words))
    # In the order they are declared (Help now first), not the order Textual looks them up in.
    here.sort(key=lambda line: order.get(line, len(order)))
    everywhere.sort(key=lambda line: order.get(line, len(order)))
    return here, everywhere


def described(action: Action) -> str:
    """What an action does, led by its name when the longer words do not say it ("Quit: Close ..."),
    and when it works where it works only sometimes ("Back: The step before (after the first step)")."""
    words = _(action.words)
    name = _(action.footer)
    if name and words != name and not words.casefold().startswith(name.casefold()):
        # Translators: a key's name as the footer shows it, then what it does, in the list of keys.
        words = _("{name}: {what}").format(name=name, what=words)
    if action.when:
        # Translators: what a key does, then when it works: "Skip (before the last area)".
        words = _("{what} ({when})").format(what=words, when=_(action.when))
    return words


def key_table(title: str, lines: list[tuple[str, str]]) -> Text:
    text = Text()
    text.append(title + "\n", style="bold underline")
    width = max((cells(key) for key, _words in lines), default=0)
    for key, words in lines:
        text.append("  ")
        text.append(pad(key, width), style="bold")
        text.append("   " + words + "\n")
    return text


class KeyListScreen(Dialog[None]):
    DEFAULT_CSS = """
    KeyListScreen > .dialog { width: 78; }
    KeyListScreen VerticalScroll { height: auto; max-height: 18; }
    KeyListScreen #key-list { height: auto; }
    KeyListScreen .buttons { height: 1; }
    """
    BINDINGS = [Binding("escape", "back", "", show=False)]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.here, self.everywhere = key_lines(screen)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = _("What the keys do")
            tables = [key_table(_("Everywhere"), self.everywhere)]
            if self.here:
                tables.insert(0, key_table(_("Here"), self.here))
            self.text = Text("\n").join(tables)
            with VerticalScroll():
                yield Static(self.text, id="key-list")
            with Horizontal(classes="buttons"):
                yield Button(_("Back (esc)"), id="back", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#back", Button).focus()

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss(None)

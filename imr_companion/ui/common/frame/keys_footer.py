"""The footer of keys, rebuilt only when the keys it shows change."""

from __future__ import annotations

from typing import cast

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from imr_companion.i18n import _
from imr_companion.ui.common.textual_internals import (
    FooterKey,
    footer_bindings_ready,
    mark_footer_bindings_ready,
    set_footer_key_disabled,
)
from imr_companion.ui.keys import keymap


class KeysFooter(Footer):
    """The keys' words in the person's language (see compose).

    Textual's compact Footer, which rebuilds all its keys (a widget each)
    every time a screen's bindings are refreshed. Today refreshes them as each
    card appears and on every focus change, mostly with nothing new to show:
    eleven rebuilds came before every card was drawn. Here a refresh rebuilds
    the footer only when what it would show is different."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._shown: tuple[object, ...] | None = None

    def _keys_to_show(self) -> tuple[object, ...]:
        """Everything the footer's keys are drawn from (as Footer.compose reads it)."""
        return tuple(
            (binding.key, binding.description, binding.action, binding.group, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == self.app.COMMAND_PALETTE_BINDING
        )

    def compose(self):
        if footer_bindings_ready(self):
            self._shown = self._keys_to_show()
        # Bindings are written at import with their English words (marked N_()):
        # each key's words are looked up here, in the language of the moment.
        widgets = list(super().compose())
        if widgets and keymap.in_use():
            widgets = self._in_their_places(widgets)
        for widget in widgets:
            if isinstance(widget, FooterKey):
                # Its compact look, as its watcher sets it once mounted: already there, the
                # watcher finds nothing to change, rather than styling the key a second time.
                widget.set_class(self.compact, "-compact", update=False)
                widget.description = _(widget.description)
                # Function keys as the area bar and sentences write them (key_names.key_for): "F1".
                if widget.key_display[:1] == "f" and widget.key_display[1:].isdigit():
                    widget.key_display = widget.key_display.upper()
                if isinstance(widget.tooltip, str):
                    widget.tooltip = _(widget.tooltip)
            yield widget

    def _in_their_places(self, widgets: list[Widget]) -> list[Widget]:
        """Each key the person moved (keys.toml) where its action is declared, not at the end.

        Textual's keymap takes a moved binding out and adds it again under its new key,
        so the footer, which follows the bindings' order, would show it last. The other
        keys keep the order Textual gives them (the focused widget's, the screen's, the app's)."""
        active = self.screen.active_bindings
        nodes = list(dict.fromkeys(found.node for found in active.values()))
        kept: list[tuple[Widget, tuple[int, int]]] = []
        moved: list[tuple[Widget, tuple[int, int]]] = []
        for widget in widgets:
            found = active.get(widget.key) if isinstance(widget, FooterKey) else None
            if found is None or widget.has_class("-command-palette"):
                kept.append((widget, (len(nodes), -1)))
                continue
            action = keymap.action_of(found.binding.id)
            place = (nodes.index(found.node), keymap.declared_order(action) if action else -1)
            (moved if action and keymap.moved(action.id) else kept).append((widget, place))
        for widget, place in moved:
            # Before the first key declared after it, on its own node or a later one.
            after = (index for index, (_widget, theirs) in enumerate(kept) if theirs > place)
            kept.insert(next(after, len(kept)), (widget, place))
        return [widget for widget, _place in kept]

    def bindings_changed(self, screen: Screen) -> None:
        mark_footer_bindings_ready(self)
        if screen.app.app_focus and self.is_attached and screen is self.screen and keys_settled(screen):
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        # `display` is False once the screen is being closed (at quit, or a
        # dialog dismissed): its widgets leave one by one, and asking the
        # screen which keys work then would query a widget already gone.
        changed = self.is_attached and self.display and self._keys_to_show() != self._shown
        if changed and not await self._changed_in_place():
            await self.recompose()

    async def _changed_in_place(self) -> bool:
        """The keys shown now, each key already there changed in place: only the keys more or fewer
        than before mounted or removed. False (nothing done) where the footer holds anything but
        keys. A rebuild removed and mounted every key (a widget each, styled, laid out) while it
        held painting back: ~10-40 ms after each focus move that changed the keys (out of a
        worksheet's field, back to Today's), with the frame the person waited for behind it."""
        old, new = list(self.children), list(self.compose())
        if not all(isinstance(widget, FooterKey) for widget in (*old, *new)):
            return False
        old_keys, new_keys = cast(list[FooterKey], old), cast(list[FooterKey], new)
        kept: list[FooterKey] = []
        for palette in (False, True):  # the palette's key (docked right) with its like
            before = [key for key in old_keys if key.has_class("-command-palette") is palette]
            after = [key for key in new_keys if key.has_class("-command-palette") is palette]
            for shown, wanted in zip(before, after, strict=False):
                _take_over(shown, wanted)
            kept += before[len(after) :]
            if len(after) > len(before):
                await self.mount_all(after[len(before) :], before=None if palette else _first_palette(self))
        if kept:
            await self.remove_children(kept)
        return True


def keys_settled(screen: Screen) -> bool:
    """Whether the screen's keys are what they will be for a while, as its `keys_settled()` says
    (Today's, once its cards are in: "tab Cards" comes with them). Until then the footer waits:
    built once, with the cards, rather than once at the first frame and again as they appear,
    each time its keys' widgets made, styled and laid out while the cards wait."""
    settled = getattr(screen, "keys_settled", None)
    return settled is None or bool(settled())


def _first_palette(footer: Footer) -> FooterKey | None:
    """The palette's key, where the footer shows it (new keys go before it, in the order shown)."""
    return next((key for key in footer.query_children(FooterKey) if key.has_class("-command-palette")), None)


def _take_over(shown: FooterKey, wanted: FooterKey) -> None:
    """`shown` showing what `wanted` (made by compose, never mounted) would: laid out again only
    when its width changes."""
    width = len(shown.key_display) + len(shown.description)
    shown.key, shown.key_display, shown.description = wanted.key, wanted.key_display, wanted.description
    shown.action, shown.tooltip = wanted.action, wanted.tooltip
    set_footer_key_disabled(shown, wanted.has_class("-disabled"))  # as FooterKey marks it when made
    shown.refresh(layout=len(shown.key_display) + len(shown.description) != width)

"""The language the app speaks is the person's choice: ctrl+p's "Language / Sprog", applied at once.

Words are looked up when drawn (imr_companion/i18n.py), so a screen built
after `i18n.use()` speaks the new language. The screens already open are
built again: every area whose screens hold no unsaved writing is, with the
area in front rebuilt on the spot and the others when next opened. A screen
that can hand its unsaved words to the new one (Today's field:
`carry_words()`) is rebuilt too; one that can draw itself again in place
(the welcome: `speak_again()`) does. An area with writing that cannot be
carried (an open editor) stays as it is until the next start, and the
person is told so in the language they chose.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from imr_companion import i18n
from imr_companion.i18n import _
from imr_companion.ui.common.textual_internals import screen_stacks

if TYPE_CHECKING:
    from imr_companion.ui.app import CompanionApp

PASSING = "language-changing"
"""A blank mode shown for a moment while the area in front is built again (Textual cannot remove the
mode in front)."""


class LanguageChoices(Provider):
    """Each language named in itself, so a person finds their own whatever the screen speaks now."""

    def _choices(self):
        for code in i18n.LANGUAGES:
            yield code, i18n.LANGUAGE_NAMES[code]

    def _chosen(self, code: str):
        return lambda: choose(cast("CompanionApp", self.app), code)

    async def discover(self) -> Hits:
        for code, name in self._choices():
            yield DiscoveryHit(name, self._chosen(code))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for code, name in self._choices():
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), self._chosen(code))


def choose(app: CompanionApp, language: str) -> None:
    """Speak `language` from now on: stored as the setting, and shown at once."""
    chosen = i18n.use(language)
    if not app.save_settings(language=chosen):
        return  # the app said why; the language is in use until it closes
    app.call_later(speak_again, app)


def _can_rebuild(screens: list[Screen]) -> bool:
    return all(hasattr(screen, "carry_words") or not _unsaved(screen) for screen in screens)


def _unsaved(screen: Screen) -> bool:
    check = getattr(screen, "has_unsaved_text", None)
    return bool(check is not None and check())


async def speak_again(app: CompanionApp) -> None:
    """Every open screen in the language of the moment, as far as it can be without losing writing."""
    left: list[str] = []
    current = app.current_mode
    for mode, screens in list(screen_stacks(app).items()):  # every area's screens, not only those in front
        redraw = getattr(screens[0], "speak_again", None) if screens else None
        if redraw is not None and len(screens) == 1:
            await redraw()
            continue
        # A screen that draws itself again in place (the welcome) is never built anew: with a
        # window over it, it waits for the next start like unsaved writing.
        if redraw is not None or not _can_rebuild(screens):
            left.append(mode)
            continue
        for screen in screens:
            carry = getattr(screen, "carry_words", None)
            if carry is not None:
                carry()
        if mode == current:
            await _rebuild_in_front(app, mode)
        else:
            await app.remove_mode(mode)
            app.add_mode(mode, app.SCREENS_BY_MODE[mode])
            # Built anew when next opened (app.delay_update: a new screen is not shown half built).
            app._built_modes.discard(mode)
    if left:
        app.notify(_("Some screens with writing not saved yet change language at the next start."), timeout=8)


async def _rebuild_in_front(app: CompanionApp, mode: str) -> None:
    app.add_mode(PASSING, Screen)
    await app.switch_mode(PASSING)
    await app.remove_mode(mode)
    app.add_mode(mode, app.SCREENS_BY_MODE[mode])
    app._built_modes.discard(mode)
    await app.switch_mode(mode)
    await app.remove_mode(PASSING)
    app._built_modes.discard(PASSING)

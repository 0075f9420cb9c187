"""The command palette's list of themes (loaded only when the person asks to change the look)."""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider

from imr_companion.i18n import _
from imr_companion.ui.themes import CHOICES


class ThemeChoices(Provider):
    """The command palette's list of themes: the short list, in plain words."""

    def _choices(self):
        for choice in CHOICES:
            yield choice, _("{name}: {help}").format(name=_(choice.label), help=_(choice.help))

    async def discover(self) -> Hits:
        for choice, words in self._choices():
            yield DiscoveryHit(words, lambda name=choice.name: setattr(self.app, "theme", name))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for choice, words in self._choices():
            if (score := matcher.match(words)) > 0:
                yield Hit(
                    score, matcher.highlight(words), lambda name=choice.name: setattr(self.app, "theme", name)
                )

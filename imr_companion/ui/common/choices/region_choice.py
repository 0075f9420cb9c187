"""Where the person lives, so that Help now can show their region's emergency number.

Two lists side by side: the country, and, for Denmark, the region within it
(whose number for urgent help that is not life-threatening Help now shows
after 112). Stored as one code in the setting `region`: "dk" for Denmark
without a region (as stored before regions were asked), "DK-84" and so on
(ISO 3166-2) for a region of Denmark.
"""

from __future__ import annotations

import os

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Select

from imr_companion.emergency import (
    DANISH_REGION_BY_CODE,
    DANISH_REGIONS,
    DENMARK,
    REGIONS,
    SOMEWHERE_ELSE,
    Region,
    country_of,
    region_from_environment,
)
from imr_companion.i18n import _


def region_label(region: Region) -> str:
    name = _(region.name)
    if region.number:
        return _("{name}: {number}").format(name=name, number=region.number)
    return _("{name}: your local number").format(name=name)


class RegionChoice(Horizontal):
    """The country (preselected from the system's language settings), then Denmark's region."""

    DEFAULT_CSS = """
    RegionChoice { height: auto; }
    RegionChoice > Select { width: 1fr; }
    RegionChoice > #region-dk { margin-left: 1; }
    """

    def __init__(self, chosen: str | None, *, id: str = "region-choice") -> None:
        super().__init__(id=id)
        self.chosen = chosen if chosen is not None else region_from_environment(os.environ)

    def compose(self) -> ComposeResult:
        country = country_of(self.chosen)
        yield Select(
            [(region_label(r), r.code) for r in REGIONS],
            value=country if country in {r.code for r in REGIONS} else SOMEWHERE_ELSE,
            allow_blank=False,
            id="region",
        )
        within = (self.chosen or "").upper()
        yield Select(
            [(r.name, r.code) for r in DANISH_REGIONS],
            prompt=_("Which region in Denmark?"),
            value=within if within in DANISH_REGION_BY_CODE else Select.NULL,
            id="region-dk",
        )

    def on_mount(self) -> None:
        self._follow_country()

    @on(Select.Changed, "#region")
    def _follow_country(self) -> None:
        self.query_one("#region-dk", Select).display = self.query_one("#region", Select).value == DENMARK

    @property
    def value(self) -> str:
        """The code to store: the country, or for Denmark its region when one is chosen."""
        country = self.query_one("#region", Select).value
        if country != DENMARK:
            return str(country)
        within = self.query_one("#region-dk", Select).value
        return str(within) if isinstance(within, str) else DENMARK

    def focus(self, scroll_visible: bool = True) -> RegionChoice:
        self.query_one("#region", Select).focus(scroll_visible)
        return self

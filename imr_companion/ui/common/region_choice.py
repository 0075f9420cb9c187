"""Where the person lives, so that Help now can show their region's emergency number."""

from __future__ import annotations

import os

from textual.widgets import Select

from imr_companion.emergency import REGIONS, SOMEWHERE_ELSE, region_from_environment


def region_label(region) -> str:
    return f"{region.name}: {region.number}" if region.number else f"{region.name}: your local number"


class RegionChoice(Select[str]):
    """A short list of regions with their numbers; preselected from the system's language settings."""

    def __init__(self, chosen: str | None, *, id: str = "region") -> None:
        region = chosen if chosen is not None else region_from_environment(os.environ)
        super().__init__(
            [(region_label(r), r.code) for r in REGIONS],
            value=region or SOMEWHERE_ELSE,
            allow_blank=False,
            id=id,
        )

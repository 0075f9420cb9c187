"""Sam's own words in each language: sam.json in English, sam.da.json in Danish.

The two files have the same shape, entry for entry, so that one seed makes the
same years in either language: the same days, the same ticks and steps climbed,
only written in Sam's words in that language. These are a person's words, not
the app's, so they are data and never pass through gettext. What the app
itself writes around them is kept as the app keeps it: option ids for ticks
(handouts.py), a session's lines in English frames (sessions.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from imr_companion.i18n import Language

FILES: dict[Language, str] = {"en": "sam.json", "da": "sam.da.json"}


@dataclass(frozen=True)
class Sam:
    language: Language
    words: dict[str, Any]

    @property
    def contact(self) -> str:
        """The contact person's first name, as Sam writes it in 'together with'."""
        return self.words["contact"]


@cache
def sam(language: Language = "en") -> Sam:
    text = resources.files(__package__).joinpath(FILES[language]).read_text(encoding="utf-8")
    return Sam(language, json.loads(text))

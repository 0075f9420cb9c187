"""Schema upgrades: plain functions over the raw document, oldest first.

MIGRATIONS[i] turns a version i+1 document into version i+2, in place.
The schema version is therefore always len(MIGRATIONS) + 1. Each migration
must be tested with a document of the version before it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from imr_companion.store.upgrades.stable_ids import to_stable_ids

Document = dict[str, dict[str, Any]]
Migration = Callable[[Document], None]

MIGRATIONS: list[Migration] = [
    to_stable_ids,  # 1 -> 2: checklist ticks, choices and handout practice tasks refer to ids
]

SCHEMA_VERSION = len(MIGRATIONS) + 1


def upgrade(document: Document, found: int, migrations: list[Migration] | None = None) -> int:
    """Run every migration after version `found`; return the version reached."""
    steps = MIGRATIONS if migrations is None else migrations
    for step in steps[found - 1 :]:
        step(document)
    return len(steps) + 1

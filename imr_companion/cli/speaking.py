"""What the command line says: in the person's language, and a failure as one plain line on stderr."""

from __future__ import annotations

import sys
from pathlib import Path

from imr_companion import i18n, paths, tables


def speak_as_set(folder: Path) -> None:
    """The person's language from the settings at the head of their data file, else the computer's."""
    from imr_companion.store.files import codec

    chosen: object = None
    try:
        head = codec.read_head(folder / paths.DATA_FILE) or {}
    except OSError:
        head = {}
    settings = head.get(tables.SETTINGS)
    for record in settings.values() if isinstance(settings, dict) else ():
        chosen = record.get("language") if isinstance(record, dict) else None
    if not head:
        # Locked with a passphrase: the language is kept plain beside the data (RELIABILITY.md).
        chosen = codec.before_unlocking(folder).get("language")
    i18n.use(chosen if isinstance(chosen, str) and chosen in i18n.LANGUAGES else i18n.from_environment())


def fail(message: str) -> int:
    print(f"imr-companion: {message}", file=sys.stderr)
    return 1

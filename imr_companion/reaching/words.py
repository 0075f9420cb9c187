"""Words written into files the desktop reads in any language: each language's own words at once."""

from __future__ import annotations

from collections.abc import Callable

from imr_companion import i18n


def in_each_language(words: Callable[[], str]) -> dict[str, str]:
    """`words()` drawn once in each language ({"en": ..., "da": ...}); the language of the moment stays."""
    now = i18n.language()
    found: dict[str, str] = {}
    try:
        for language in i18n.LANGUAGES:
            i18n.use(language)
            found[language] = words()
    finally:
        i18n.use(now)
    return found

"""Words in the person's language: Danish or English, from gettext catalogues.

The English words are the message ids, written whole in the code, and the
Danish ones live in `locale/da/LC_MESSAGES/<domain>.po` (compiled beside it
as `.mo`; `.ci/catalogues.py` extracts, updates and compiles them with
Babel, and a test checks that every message has its Danish words and keeps
its placeholders).

`_()` is called when words are drawn, never when a module is imported (a test
walks the code for calls at module or class level): words kept in constants
are marked with `N_()` and passed through `_()` where they are shown. So the
language can change while the app runs, and tests can draw any screen in
either language in one process.

Sentences are written whole with named placeholders, `_("Saved {name}.")
.format(name=...)`, never glued from pieces, since the word order differs
between the two languages; counts use `ngettext`.

Dates come from `date_words`: month and weekday names and each date's
pattern are messages too. This costs nothing before the first frame, where
Babel's `format_date` would cost 40-60 ms to import; a test checks these
words against Babel's (CLDR's) for every day of a year in both languages.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import gettext

Language = Literal["en", "da"]
LANGUAGES: tuple[Language, ...] = ("en", "da")
LANGUAGE_NAMES: dict[Language, str] = {"en": "English", "da": "Dansk"}
"""Each language named in itself, so a person finds their own in a list."""

LOCALE = Path(__file__).with_name("locale")


class _English:
    """English words: the message ids themselves, as gettext's NullTranslations gives them.

    gettext is imported only for Danish (_load): English, the app's first
    frame needs nothing of it (~1 ms of the start, argparse's import aside).
    """

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return singular if count == 1 else plural

    def pgettext(self, context: str, message: str) -> str:
        return message


_translations: _English | gettext.NullTranslations = _English()
_language: Language = "en"


def use(language: str | None) -> Language:
    """Speak `language` from now on ("en" or "da"; anything else is English)."""
    global _translations, _language
    chosen: Language = "da" if language == "da" else "en"
    if chosen == _language:
        # Already loaded: the command line chooses the language before the app does, from the same setting.
        return chosen
    _translations = _load(chosen)
    _language = chosen
    return chosen


def language() -> Language:
    """The language words are drawn in now."""
    return _language


def from_environment(environ: Mapping[str, str] | None = None) -> Language:
    """The computer's language, as a first choice: Danish for `da*`, English otherwise.

    Read as gettext reads it: LANGUAGE (a list, first entry), then LC_ALL,
    LC_MESSAGES and LANG; "C" and "POSIX" say nothing about a language.
    """
    environ = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").split(":")[0].strip()
        if value and value not in ("C", "POSIX") and not value.startswith(("C.", "POSIX.")):
            return "da" if value.lower().startswith("da") else "en"
    return "en"


def _(message: str) -> str:
    """`message` in the person's language."""
    return _translations.gettext(message)


def N_(message: str) -> str:
    """Marks words kept in a constant for the catalogues; `_()` translates them where they are shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural words for `count`, in the person's language (Danish: 1 and the rest)."""
    return _translations.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """`message` where the same English word needs different words in Danish, told apart by `context`."""
    return _translations.pgettext(context, message)


def _load(language: Language) -> _English | gettext.NullTranslations:
    if language == "en":
        return _English()
    import gettext

    # One catalogue per part of the app (so people can work on them side by
    # side); together they are one language. Each is a few kB.
    found = sorted((LOCALE / language / "LC_MESSAGES").glob("*.mo"))
    if not found:
        return gettext.NullTranslations()
    first, *rest = found
    with first.open("rb") as file:
        translations = gettext.GNUTranslations(file)
    for path in rest:
        with path.open("rb") as file:
            translations.add_fallback(gettext.GNUTranslations(file))
    return translations


MONTHS = (
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
)  # fmt: skip
MONTHS_SHORT = (
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
)  # fmt: skip
WEEKDAYS = (
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday"),
)  # fmt: skip
WEEKDAYS_SHORT = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))

DateForm = Literal[
    "day", "day_year", "date", "short", "short_year", "month", "weekday", "weekday_short", "week_day"
]  # fmt: skip

_PATTERNS: dict[str, str] = {
    # The English words are the msgids; the Danish catalogue gives each its own order.
    "day": N_("{weekday} {day} {month}"),
    "day_year": N_("{weekday} {day} {month} {year}"),
    "date": N_("{day} {month} {year}"),
    "short": N_("{day} {mon}"),
    "short_year": N_("{day} {mon} {year}"),
    "month": N_("{month} {year}"),
    "weekday": N_("{weekday}"),
    "weekday_short": N_("{wd}"),
    "week_day": N_("{wd} {day} {mon}"),
}
"""Sunday 6 December · Sunday 6 December 2026 · 6 December 2026 · 6 Dec · 6 Dec 2026 ·
December 2026 · Sunday · Sun · Sun 6 Dec (Danish: søndag 6. december · … · søn. 6. dec.)."""


def date_words(day: date, form: DateForm = "date") -> str:
    """`day` in the person's language, in one of the forms above."""
    return _(_PATTERNS[form]).format(
        weekday=_(WEEKDAYS[day.weekday()]),
        wd=_(WEEKDAYS_SHORT[day.weekday()]),
        day=day.day,
        month=_(MONTHS[day.month - 1]),
        # "May" is both a month and its short name; so is "maj" in Danish.
        mon=_(MONTHS_SHORT[day.month - 1]),
        year=day.year,
    )

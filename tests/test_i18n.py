"""Words in Danish and English: complete catalogues, dates as CLDR writes them, words looked up when drawn."""

from __future__ import annotations

import ast
import importlib.util
from datetime import date, timedelta
from pathlib import Path

import pytest
from babel.dates import format_date

from imr_companion import i18n
from imr_companion.i18n import _, date_words

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "imr_companion"
TRANSLATING = {"_", "ngettext", "pgettext", "npgettext", "gettext"}


def _catalogues():
    spec = importlib.util.spec_from_file_location("catalogues", ROOT / ".ci" / "catalogues.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_message_has_its_danish_words_and_the_compiled_catalogues_agree():
    problems = _catalogues().problems()
    assert not problems, "\n".join(problems)


def test_every_file_of_the_code_belongs_to_one_catalogue():
    catalogues = _catalogues()
    for path in PACKAGE.rglob("*.py"):
        assert catalogues.domain_of(path.relative_to(PACKAGE).as_posix())


def _calls_outside_functions(tree: ast.AST) -> list[ast.Call]:
    """Calls made when a module is imported: at module level or in a class body."""
    found: list[ast.Call] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            named = isinstance(child, ast.Call) and isinstance(child.func, ast.Name)
            if named and child.func.id in TRANSLATING:  # type: ignore[attr-defined]
                found.append(child)
            visit(child)

    visit(tree)
    return found


def test_words_are_looked_up_when_drawn_never_when_a_module_is_imported():
    """A module-level _() would fix the words in the language of the first import: mark with N_()."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for call in _calls_outside_functions(ast.parse(path.read_text(encoding="utf-8"))):
            found.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert not found, "translated at import (use N_() and _() where shown): " + ", ".join(found)


def test_the_rule_finds_a_call_at_import():
    code = "X = _('a')\nclass A:\n    B = [ngettext('a', 'b', 2)]\n    def f(self):\n        return _('c')\n"
    assert [call.lineno for call in _calls_outside_functions(ast.parse(code))] == [1, 3]


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "da_DK.UTF-8"}, "da"),
        ({"LANG": "en_GB.UTF-8", "LC_ALL": "da_DK.UTF-8"}, "da"),
        ({"LANG": "da_DK.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "en"),
        ({"LANGUAGE": "da:en", "LANG": "en_US.UTF-8"}, "da"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "C", "LC_MESSAGES": "da_DK"}, "da"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_computers_language_is_the_first_choice(environment, expected):
    assert i18n.from_environment(environment) == expected


def test_switching_language_changes_the_words_at_once():
    i18n.use("da")
    assert date_words(date(2026, 12, 6), "day") == "søndag 6. december"
    i18n.use("en")
    assert date_words(date(2026, 12, 6), "day") == "Sunday 6 December"
    assert i18n.use("fr") == "en"


# Each form, as Babel (CLDR) writes it in each language.
CLDR = {
    "en": {
        "day": "EEEE d MMMM", "day_year": "EEEE d MMMM y", "date": "d MMMM y", "short": "d MMM",
        "short_year": "d MMM y", "month": "MMMM y", "weekday": "EEEE", "weekday_short": "EEE",
        "week_day": "EEE d MMM",
    },
    "da": {
        "day": "EEEE d. MMMM", "day_year": "EEEE d. MMMM y", "date": "d. MMMM y", "short": "d. MMM",
        "short_year": "d. MMM y", "month": "MMMM y", "weekday": "EEEE", "weekday_short": "EEE",
        "week_day": "EEE d. MMM",
    },
}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "da"])
def test_dates_read_as_babel_writes_them_for_every_day_of_a_year(language):
    i18n.use(language)
    first = date(2027, 1, 1)
    for offset in range(365):
        day = first + timedelta(days=offset)
        for form, pattern in CLDR[language].items():
            assert date_words(day, form) == format_date(day, pattern, locale=language), (day, form)


def test_counts_take_the_danish_plural():
    i18n.use("da")
    # The plural rule itself (Plural-Forms in the catalogue): one, and the rest.
    assert i18n._translations.ngettext("a", "b", 1) == "a"
    assert i18n._translations.ngettext("a", "b", 0) == "b"
    assert i18n._translations.ngettext("a", "b", 2) == "b"
    assert _("December") == "december"

"""Asking for a passphrase on the command line: hidden and twice on a terminal, one a line without.

Without a terminal (scripts, tests) the passphrase(s) come from standard
input, one a line: `change` reads the old one, then the new one.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable

from imr_companion.i18n import _


def on_terminal() -> bool:
    return sys.stdin.isatty()


def read_line(question: str) -> str:
    """One line of standard input (without its line end); '' at its end. The question goes to stderr."""
    if on_terminal():
        try:
            return getpass.getpass(question)
        except EOFError:
            return ""
    line = sys.stdin.readline()
    return line.rstrip("\r\n")


def ask_passphrase(question: str | None = None) -> str:
    """The passphrase that opens the data (once: a wrong one is simply asked again next time)."""
    return read_line(question or _("Your passphrase (hidden as you type): "))


def ask_new(say: Callable[[str], None]) -> str | None:
    """A new passphrase, asked twice on a terminal; None (and said why) when empty or not the same."""
    first = read_line(_("A new passphrase (hidden as you type): "))
    if not first:
        say(_("No passphrase was given. Nothing was changed."))
        return None
    if on_terminal() and read_line(_("The same passphrase again: ")) != first:
        say(_("The two were not the same. Nothing was changed."))
        return None
    return first


def ask_yes(question: str) -> bool:
    """A yes or no typed as a line; the English 'yes' works in every language."""
    # Translators: the answer typed to say yes; the question says it.
    yes = _("yes")
    try:
        answer = input(question) if on_terminal() else sys.stdin.readline()
    except EOFError:
        return False
    return answer.strip().lower() in (yes, "yes", "y", yes[:1])

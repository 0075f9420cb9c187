"""The tools around the data: forget (delete everything), demo, shortcut, hello."""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path

from imr_companion import i18n, tables
from imr_companion.cli.speaking import fail, speak_as_set
from imr_companion.i18n import _, ngettext


def forget_command(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion import forget
    from imr_companion.store.errors import AlreadyOpen, plain_reason
    from imr_companion.store.files.lock import WriterLock

    if not forget.holds_data(folder):
        print(_("There is nothing to delete in {folder}.").format(folder=folder))
        return 0
    print(_("This deletes everything IMR Companion keeps in {folder}:").format(folder=folder))
    print(_("your good moments, answers, goals, network card and plan, your backups and your settings."))
    print(_("It cannot be undone."))
    from imr_companion.store.files import codec

    if codec.is_encrypted(folder):
        print(_("Your data is locked with a passphrase: it is deleted without asking for it."))
    print(_("These files will be deleted:"))
    for line in forget.described(folder):
        print(f"  {line}")
    # The word to type is in the person's language; the English one works too, so written
    # instructions from a contact person work in either.
    # Translators: the answer typed to go on; the question says it.
    yes = _("yes")
    if _ask(_("Type {yes} to go on: ").format(yes=yes)) not in (yes, "yes"):
        print(_("Nothing was deleted."))
        return 1
    # Translators: the answer typed to delete everything; the question says it.
    delete = _("delete")
    if _ask(_("Are you sure? Type {delete} to delete everything now: ").format(delete=delete)) not in (
        delete,
        "delete",
    ):
        print(_("Nothing was deleted."))
        return 1
    writer = WriterLock(folder)
    try:
        writer.acquire()
    except AlreadyOpen:
        return fail(_("IMR Companion is open. Please close it first; nothing was deleted."))
    try:
        count = forget.forget(folder)
    except OSError as error:
        left = len(forget.what_would_go(folder))
        return fail(
            ngettext(
                "{count} file could not be deleted ({reason}); the others were. "
                "Please try 'imr-companion forget' again.",
                "{count} files could not be deleted ({reason}); the others were. "
                "Please try 'imr-companion forget' again.",
                left,
            ).format(count=left, reason=plain_reason(error))
        )
    finally:
        writer.release()
        with contextlib.suppress(OSError):
            forget.forget(folder)  # the lock file, left by the release
    print(
        ngettext("Deleted {count} file.", "Deleted {count} files.", count).format(count=count),
        _(forget.HONEST),
    )
    return 0


def _ask(question: str) -> str:
    try:
        return input(question).strip().lower()
    except EOFError:  # ctrl+d: the terminal ends no line, so the next words start their own
        print()
        return ""


def demo_command(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion import demo

    if not 0 < args.years <= 50:
        return fail(_("--years should be a number between 0 and 50."))
    database = demo.create(folder, args.years, language=args.language or i18n.from_environment())
    document = database.document()
    database.close()
    speak_as_set(folder)  # the folder now holds the invented person's language
    held = tables.holdings(document)
    print(
        _("Wrote an invented person's data ({name}) to {folder}: {holdings}.").format(
            name=demo.FIRST_NAME, folder=folder, holdings=held
        )
    )
    print(_("Try it with: {command}").format(command=f"imr-companion --data-dir {folder}"))
    return 0


def shortcut_command(folder: Path, args: argparse.Namespace) -> int:
    import subprocess

    from imr_companion.reaching import shortcut

    if args.remove:
        removed = shortcut.remove()
        if not removed:
            print(_("There was no shortcut to take away. Nothing was changed."))
        for path in removed:
            print(_("Took away {file}").format(file=path))
        return 0
    try:
        added = shortcut.add(folder)
    except subprocess.SubprocessError:  # Windows: PowerShell could not make it
        return fail(_("The shortcut could not be made here. Nothing was changed."))
    for path in added:
        print(_("Added {file}").format(file=path))
    print(
        _("IMR Companion is now in your start menu. It opens in a terminal, on {folder}.").format(
            folder=folder
        )
    )
    print(_("'imr-companion shortcut --remove' takes it away again."))
    return 0


def hello_command(folder: Path, args: argparse.Namespace) -> int:
    if args.at_login or args.not_at_login:
        return _hello_at_login(folder, args.at_login)
    # What follows runs each time a terminal opens: nothing more is imported than it needs.
    from imr_companion.reaching.hello import hello

    try:
        said = hello(folder)
    except Exception:  # a line at a terminal's start is never worth an alarm
        said = ""
    if said:
        print(said)
    return 0


def _hello_at_login(folder: Path, at_login: bool) -> int:
    from imr_companion.reaching import login_line

    if at_login:
        path = login_line.turn_on(folder)
        print(_("Added to {file}: each new terminal now says one calm line, or nothing.").format(file=path))
        print(_("'imr-companion hello --not-at-login' takes it out again, leaving the file as it was."))
        return 0
    taken = login_line.turn_off()
    for path in taken:
        print(_("Took it out of {file}; the file is as it was before.").format(file=path))
    if not taken:
        print(_("It was not added anywhere. Nothing was changed."))
    return 0

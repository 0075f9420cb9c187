"""The command line: the app by default, and the tools around it.

Every failure is one plain line on stderr and a non-zero exit, never a
traceback: a traceback can carry what the person wrote.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from imr_companion import i18n, paths, tables
from imr_companion.cli_arguments import parse
from imr_companion.i18n import _, ngettext


def _speak_as_set(folder: Path) -> None:
    """The person's language from the settings at the head of their data file, else the computer's."""
    from imr_companion.store.file_head import read_head

    chosen: object = None
    try:
        head = read_head(folder / paths.DATA_FILE) or {}
    except OSError:
        head = {}
    settings = head.get(tables.SETTINGS)
    for record in settings.values() if isinstance(settings, dict) else ():
        chosen = record.get("language") if isinstance(record, dict) else None
    if not head:
        from imr_companion.store.files import codec

        # Locked with a passphrase: the language is kept plain beside the data (RELIABILITY.md).
        chosen = codec.before_unlocking(folder).get("language")
    i18n.use(chosen if isinstance(chosen, str) and chosen in i18n.LANGUAGES else i18n.from_environment())


def main(argv: Sequence[str] | None = None) -> int:
    # No pydantic plugin, installed by some other package, ever sees what the
    # person wrote while it is validated; not looking for them saves start-up time too.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args = parse(argv)
    folder = paths.data_dir(args.data_dir)
    _speak_as_set(folder)
    try:
        return _command(folder, args)
    except Exception as error:
        # The last resort: one calm line and a local report, never a traceback.
        from imr_companion import crash

        report = crash.write_report(error, folder) if folder.is_dir() else None
        return _fail(crash.calm_line(error, report))


def _command(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion.store import SaveError, StoreError
    from imr_companion.store.errors import plain_reason
    from imr_companion.store.gate import Unreadable

    try:
        if args.command is None:
            return _run_app(folder)
        if args.command in NEEDS_THE_DATA:
            from imr_companion.passphrase.commands import unlock_for_command

            unlock_for_command(folder)
        if args.command == "demo" and not args.data_dir:
            return _fail(
                _("Please name a folder for the demo with --data-dir, so your own data is never touched.")
            )
        return {
            "export": _export,
            "import": _import,
            "backup": _backup,
            "restore": _restore,
            "doctor": _doctor,
            "forget": _forget,
            "demo": _demo,
            "passphrase": _passphrase,
            "shortcut": _shortcut,
            "hello": _hello,
        }[args.command](folder, args)
    except Unreadable as problem:
        return _fail(
            _("Your data file cannot be opened: {problem}. 'imr-companion doctor' shows more.").format(
                problem=problem
            )
        )
    except SaveError as error:
        # Not the screens' "What you wrote is still here": here nobody typed anything.
        return _fail(
            _("Nothing was saved: {reason}. Your data is as it was before.").format(
                reason=error.reason or plain_reason(OSError())
            )
        )
    except StoreError as error:
        return _fail(str(error))
    except OSError as error:
        reason = plain_reason(error, _("the file could not be used"))
        if error.filename:
            return _fail(
                _("That could not be done: {reason} ({file}). Your data is as it was before.").format(
                    reason=reason, file=error.filename
                )
            )
        return _fail(
            _("That could not be done: {reason}. Your data is as it was before.").format(reason=reason)
        )
    except KeyboardInterrupt:
        return 130


NEEDS_THE_DATA = ("export", "import", "backup", "restore", "doctor")
"""Commands that read the data: they ask for the passphrase first when it is locked with one."""


def _passphrase(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion.passphrase import commands

    return commands.run(folder, args.action)


def _fail(message: str) -> int:
    print(f"imr-companion: {message}", file=sys.stderr)
    return 1


def _export(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion import export
    from imr_companion.store import Database
    from imr_companion.store.files.chosen_file import write_chosen

    kind = args.format or ("markdown" if args.only or args.supporter else "json")
    if (args.only or args.supporter) and kind == "json":
        return _fail(_("--only and --supporter write Markdown or HTML; the JSON export is always complete."))
    if args.only and args.supporter:
        return _fail(_("Please choose either --only or --supporter."))
    database = Database.read_only(folder)
    if args.only is not None or args.supporter is not None or kind == "html":
        from imr_companion.sharing import parts, supporter
        from imr_companion.sharing.formats import render

        chosen: tuple[str, ...] = ()
        if args.supporter is not None:
            try:
                page = supporter.supporter_page(database, supporter.find_person(database, args.supporter))
            except supporter.NoSuchPerson as missing:
                return _fail(str(missing))
        else:
            try:
                chosen = parts.parse_parts(args.only) if args.only is not None else parts.PARTS
            except ValueError:
                return _fail(_("--only knows these parts: {parts}.").format(parts=", ".join(parts.PARTS)))
            page = parts.shared_page(database, parts.Choice(chosen))
        # The plan alone in Markdown stays as it always was: the plan's own printout.
        alone = args.only is not None and kind == "markdown" and len(chosen) == 1
        text = (
            export.MARKDOWN_PARTS[chosen[0]](database)
            if alone and chosen[0] in export.MARKDOWN_PARTS
            else None
        )
        text = text or render(page, kind)
    else:
        text = export.to_json(database) if kind == "json" else export.to_markdown(database)
    if args.output:
        write_chosen(Path(args.output), text, folder)
        print(
            _("Saved to {file}. It is not protected: share it only if you choose to.").format(
                file=args.output
            ),
            file=sys.stderr,
        )
    else:
        sys.stdout.write(text)
    return 0


def _import(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion import export
    from imr_companion.store import Database
    from imr_companion.store.files.chosen_file import read_chosen

    try:
        document = export.document_from_json(read_chosen(Path(args.file)))
    except export.ImportRefused as refused:
        return _fail(str(refused))
    database = Database.open(folder)
    try:
        # The copy of the current data is written first; if it cannot be, nothing changes.
        kept = database.replace(document, "before-import")
    finally:
        database.close()
    if kept:
        print(
            _("Imported {file}. Your data from before was kept as {kept}.").format(file=args.file, kept=kept)
        )
    else:
        print(_("Imported {file}.").format(file=args.file))
    return 0


def _backup(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion.store.database import parse_document
    from imr_companion.store.files import backups, codec
    from imr_companion.store.files.chosen_file import copy_chosen

    source = folder / paths.DATA_FILE
    if not source.exists():
        return _fail(_("There is nothing to back up yet in {folder}.").format(folder=folder))
    content = codec.read(source)
    parse_document(content)  # a damaged file is reported, not copied as if it were a backup
    if args.output:
        # Sealed when the data is: a copy is as private as the data it copies.
        target = copy_chosen(Path(args.output), content, folder)
    else:
        target = backups.make(folder, "manual", content)
    print(_("Saved a copy of your data to {file}.").format(file=target))
    return 0


def _restore(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion.export import ImportRefused, transfer
    from imr_companion.store import Database
    from imr_companion.store.files import backups

    if args.file:
        chosen = Path(args.file)
    else:
        found = backups.every(folder)
        if not found:
            return _fail(_("There are no backups in {folder} yet.").format(folder=backups.folder(folder)))
        print(_("Your backups, newest first:"))
        for number, backup in enumerate(found, start=1):
            print(f"  {number:>2}. {transfer.describe(backup.path)}")
        try:
            answer = input(
                _("Which one shall be put back? Type its number, or press Enter to stop: ")
            ).strip()
        except EOFError:
            answer = ""
        if not answer:
            print(_("Nothing was changed."))
            return 0
        if not answer.isdigit() or not 1 <= int(answer) <= len(found):
            return _fail(
                _("Please type a number from 1 to {last}. Nothing was changed.").format(last=len(found))
            )
        chosen = found[int(answer) - 1].path
    try:
        document = transfer.read_restorable(chosen)
    except ImportRefused as refused:
        return _fail(str(refused))
    database = Database.open(folder)
    try:
        kept = database.replace(document, "before-restore")
        held = tables.holdings(database.document())
    finally:
        database.close()
    if kept:
        print(
            _("Restored {file}: {holdings}. Your data from before was kept as {kept}.").format(
                file=chosen.name, holdings=held, kept=kept
            )
        )
    else:
        print(_("Restored {file}: {holdings}.").format(file=chosen.name, holdings=held))
    return 0


def _doctor(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion import doctor

    report = doctor.check(folder)
    print(_("Checking {folder}").format(folder=folder))
    for line in report.lines():
        print(line)
    print(_("All is well.") if report.healthy else _("Some things need a look (see the lines marked !)."))
    return 0 if report.healthy else 1


def _forget(folder: Path, args: argparse.Namespace) -> int:
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
        return _fail(_("IMR Companion is open. Please close it first; nothing was deleted."))
    try:
        count = forget.forget(folder)
    except OSError as error:
        left = len(forget.what_would_go(folder))
        return _fail(
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
    except EOFError:
        return ""


def _demo(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion import demo

    if not 0 < args.years <= 50:
        return _fail(_("--years should be a number between 0 and 50."))
    database = demo.create(folder, args.years, language=args.language or i18n.from_environment())
    document = database.document()
    database.close()
    _speak_as_set(folder)  # the folder now holds the invented person's language
    held = tables.holdings(document)
    print(
        _("Wrote an invented person's data ({name}) to {folder}: {holdings}.").format(
            name=demo.FIRST_NAME, folder=folder, holdings=held
        )
    )
    print(_("Try it with: {command}").format(command=f"imr-companion --data-dir {folder}"))
    return 0


def _shortcut(folder: Path, args: argparse.Namespace) -> int:
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
        return _fail(_("The shortcut could not be made here. Nothing was changed."))
    for path in added:
        print(_("Added {file}").format(file=path))
    print(
        _("IMR Companion is now in your start menu. It opens in a terminal, on {folder}.").format(
            folder=folder
        )
    )
    print(_("'imr-companion shortcut --remove' takes it away again."))
    return 0


def _hello(folder: Path, args: argparse.Namespace) -> int:
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


def _run_app(folder: Path) -> int:
    # Until Today is drawn, cards and all (ui/starting.check_records turns it back on).
    gc.disable()
    from imr_companion.store import Database
    from imr_companion.store.files import codec

    while True:
        if codec.held() is None and codec.is_encrypted(folder):
            # A passphrase: the unlock window first (Help now works there too).
            from imr_companion.ui.unlock.app import UnlockApp

            if not UnlockApp(folder).run():
                return 0
        # Reading years of records and checking each waits until Today is on
        # screen (see Database.finish_reading and check_records).
        database = Database.open(folder, defer_check=True, defer_read=True)
        try:
            from imr_companion.ui.app import CompanionApp

            app = CompanionApp(database)
            app.run()
        finally:
            database.close()
        if not app.locked:
            return app.return_code or 0
        # Locked (idle, or by the person): the key leaves memory; the unlock window again.
        codec.forget()
        gc.disable()

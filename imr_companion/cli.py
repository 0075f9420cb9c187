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

from imr_companion import __version__, paths, tables


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="imr-companion",
        description="A private companion for Illness Management and Recovery. "
        "Everything stays on this computer. With no command, the app opens.",
    )
    parser.add_argument("--version", action="version", version=f"imr-companion {__version__}")
    data_dir = argparse.ArgumentParser(add_help=False)
    data_dir.add_argument(
        "--data-dir",
        metavar="DIR",
        # SUPPRESS: without it the subcommand's unset default would wipe a
        # --data-dir given before the subcommand name.
        default=argparse.SUPPRESS,
        help=f"the data folder (default: ${paths.ENV_VAR}, else your user data folder)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"open the app on this data folder (default: ${paths.ENV_VAR}, else your user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="command")

    export = commands.add_parser("export", parents=[data_dir], help="write your data to a file")
    export.add_argument(
        "--format", choices=["json", "markdown", "html"], help="json (the default), markdown or html"
    )
    export.add_argument("--output", metavar="FILE", help="file to write (default: the screen)")
    export.add_argument(
        "--only",
        metavar="PARTS",
        help="just these parts, for reading or printing: plan,network,goals,moments,answers,sessions "
        "(any of them, comma-separated)",
    )
    export.add_argument(
        "--supporter", metavar="NAME", help="the supporter sheet for one person from your network card"
    )

    imported = commands.add_parser(
        "import", parents=[data_dir], help="replace your data with a JSON export (all or nothing)"
    )
    imported.add_argument("file", metavar="FILE")

    backup = commands.add_parser("backup", parents=[data_dir], help="save a copy of your data now")
    backup.add_argument("--output", metavar="FILE", help="where to save it (default: the backups folder)")

    restore = commands.add_parser(
        "restore",
        parents=[data_dir],
        help="put back a backup or a JSON export; without FILE, lists the backups to choose from",
    )
    restore.add_argument("file", metavar="FILE", nargs="?")

    commands.add_parser("doctor", parents=[data_dir], help="check your data; exit 1 if problems were found")

    commands.add_parser(
        "forget", parents=[data_dir], help="delete everything: your data, backups and settings (asks twice)"
    )

    demo = commands.add_parser(
        "demo", parents=[data_dir], help="fill an empty folder with an invented person's data"
    )
    demo.add_argument("--years", type=float, default=1.0, metavar="N")
    demo.add_argument(
        "--language", choices=("da", "en"), help="the invented person's language (default: the computer's)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # No pydantic plugin, installed by some other package, ever sees what the
    # person wrote while it is validated; not looking for them saves start-up time too.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args = _parser().parse_args(argv)
    folder = paths.data_dir(args.data_dir)
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
        if args.command == "demo" and not args.data_dir:
            return _fail(
                "Please name a folder for the demo with --data-dir, so your own data is never touched."
            )
        return {
            "export": _export,
            "import": _import,
            "backup": _backup,
            "restore": _restore,
            "doctor": _doctor,
            "forget": _forget,
            "demo": _demo,
        }[args.command](folder, args)
    except Unreadable as problem:
        return _fail(f"Your data file cannot be opened: {problem}. 'imr-companion doctor' shows more.")
    except SaveError as error:
        # Not the screens' "What you wrote is still here": here nobody typed anything.
        return _fail(
            f"Nothing was saved: {error.reason or 'the disk did not accept it'}. "
            "Your data is as it was before."
        )
    except StoreError as error:
        return _fail(str(error))
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        reason = plain_reason(error, error.strerror or "the file could not be used")
        return _fail(f"That could not be done: {reason}{where}. Your data is as it was before.")
    except KeyboardInterrupt:
        return 130


def _fail(message: str) -> int:
    print(f"imr-companion: {message}", file=sys.stderr)
    return 1


def _export(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion import export
    from imr_companion.store import Database
    from imr_companion.store.chosen_file import write_chosen

    kind = args.format or ("markdown" if args.only or args.supporter else "json")
    if (args.only or args.supporter) and kind == "json":
        return _fail("--only and --supporter write Markdown or HTML; the JSON export is always complete.")
    if args.only and args.supporter:
        return _fail("Please choose either --only or --supporter.")
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
            except ValueError as error:
                return _fail(f"--only knows these parts: {', '.join(parts.PARTS)} ({error}).")
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
            f"Saved to {args.output}. It is not protected: share it only if you choose to.",
            file=sys.stderr,
        )
    else:
        sys.stdout.write(text)
    return 0


def _import(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion import export
    from imr_companion.store import Database
    from imr_companion.store.chosen_file import read_chosen

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
    before = f" Your data from before was kept as {kept}." if kept else ""
    print(f"Imported {args.file}.{before}")
    return 0


def _backup(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion.store import backups
    from imr_companion.store.chosen_file import write_chosen
    from imr_companion.store.data_folder import read_data_file
    from imr_companion.store.database import parse_document

    source = folder / paths.DATA_FILE
    if not source.exists():
        return _fail(f"There is nothing to back up yet in {folder}.")
    content = read_data_file(source)
    parse_document(content)  # a damaged file is reported, not copied as if it were a backup
    if args.output:
        target = Path(args.output)
        # The data file is UTF-8 (the gate just read it as such): the copy is byte for byte the same.
        write_chosen(target, content.decode("utf-8"), folder)
    else:
        target = backups.make(folder, "manual", content)
    print(f"Saved a copy of your data to {target}.")
    return 0


def _restore(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion.export import ImportRefused, transfer
    from imr_companion.store import Database, backups

    if args.file:
        chosen = Path(args.file)
    else:
        found = backups.every(folder)
        if not found:
            return _fail(f"There are no backups in {backups.folder(folder)} yet.")
        print("Your backups, newest first:")
        for number, backup in enumerate(found, start=1):
            print(f"  {number:>2}. {transfer.describe(backup.path)}")
        try:
            answer = input("Which one shall be put back? Type its number, or press Enter to stop: ").strip()
        except EOFError:
            answer = ""
        if not answer:
            print("Nothing was changed.")
            return 0
        if not answer.isdigit() or not 1 <= int(answer) <= len(found):
            return _fail(f"Please type a number from 1 to {len(found)}. Nothing was changed.")
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
    before = f" Your data from before was kept as {kept}." if kept else ""
    print(f"Restored {chosen.name}: {held}.{before}")
    return 0


def _doctor(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion import doctor

    report = doctor.check(folder)
    print(f"Checking {folder}")
    for line in report.lines():
        print(line)
    print("All is well." if report.healthy else "Some things need a look (see the lines marked !).")
    return 0 if report.healthy else 1


def _forget(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion import forget
    from imr_companion.store.errors import AlreadyOpen, plain_reason
    from imr_companion.store.lock import WriterLock

    if not forget.holds_data(folder):
        print(f"There is nothing to delete in {folder}.")
        return 0
    print(f"This deletes everything IMR Companion keeps in {folder}:")
    print("your good moments, answers, goals, network card and plan, your backups and your settings.")
    print("It cannot be undone.")
    print("These files will be deleted:")
    for line in forget.described(folder):
        print(f"  {line}")
    if _ask("Type yes to go on: ") != "yes":
        print("Nothing was deleted.")
        return 1
    if _ask("Are you sure? Type delete to delete everything now: ") != "delete":
        print("Nothing was deleted.")
        return 1
    writer = WriterLock(folder)
    try:
        writer.acquire()
    except AlreadyOpen:
        return _fail("IMR Companion is open. Please close it first; nothing was deleted.")
    try:
        count = forget.forget(folder)
    except OSError as error:
        left = len(forget.what_would_go(folder))
        return _fail(
            f"{left} files could not be deleted ({plain_reason(error)}); the others were. "
            "Please try 'imr-companion forget' again."
        )
    finally:
        writer.release()
        with contextlib.suppress(OSError):
            forget.forget(folder)  # the lock file, left by the release
    print(f"Deleted {count} file{'' if count == 1 else 's'}. {forget.HONEST}")
    return 0


def _ask(question: str) -> str:
    try:
        return input(question).strip().lower()
    except EOFError:
        return ""


def _demo(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion import demo, i18n

    if not 0 < args.years <= 50:
        return _fail("--years should be a number between 0 and 50.")
    language = args.language or i18n.from_environment()
    database = demo.create(folder, args.years, language=language)
    held = tables.holdings(database.document())
    database.close()
    print(f"Wrote an invented person's data ({demo.FIRST_NAME}) to {folder}: {held}.")
    print(f"Try it with: imr-companion --data-dir {folder}")
    return 0


def _run_app(folder: Path) -> int:
    # Until Today is drawn, cards and all (CompanionApp._check_records turns it back on).
    gc.disable()
    from imr_companion.store import Database

    # Reading years of records and checking each waits until Today is on
    # screen (see Database.finish_reading and check_records).
    database = Database.open(folder, defer_check=True, defer_read=True)
    try:
        from imr_companion.ui.app import CompanionApp

        app = CompanionApp(database)
        app.run()
        return app.return_code or 0
    finally:
        database.close()

"""The command line: the app by default, and the tools around it.

Every failure is one plain line on stderr and a non-zero exit, never a
traceback: a traceback can carry what the person wrote.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from imr_companion import __version__, clock, paths


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="imr-companion",
        description="A private companion for Illness Management and Recovery. "
        "Everything stays on this computer.",
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
    parser.add_argument("--data-dir", metavar="DIR", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="command")

    export = commands.add_parser("export", parents=[data_dir], help="write your data to a file")
    export.add_argument("--format", choices=["json", "markdown"], help="json (the default) or markdown")
    export.add_argument("--output", metavar="FILE", help="file to write (default: the screen)")
    export.add_argument(
        "--only", metavar="PART", help="just one part, as Markdown for printing: plan (your plan alone)"
    )

    imported = commands.add_parser(
        "import", parents=[data_dir], help="replace your data with a JSON export (all or nothing)"
    )
    imported.add_argument("file", metavar="FILE")

    backup = commands.add_parser("backup", parents=[data_dir], help="save a copy of your data now")
    backup.add_argument("--output", metavar="FILE", help="where to save it (default: the backups folder)")

    commands.add_parser("doctor", parents=[data_dir], help="check your data; exit 1 if problems were found")

    demo = commands.add_parser(
        "demo", parents=[data_dir], help="fill an empty folder with an invented person's data"
    )
    demo.add_argument("--years", type=float, default=1.0, metavar="N")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    folder = paths.data_dir(args.data_dir)
    from imr_companion.store import StoreError

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
            "doctor": _doctor,
            "demo": _demo,
        }[args.command](folder, args)
    except StoreError as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(f"{error.strerror or 'The file could not be used'}: {error.filename or folder}")
    except KeyboardInterrupt:
        return 130


def _fail(message: str) -> int:
    print(f"imr-companion: {message}", file=sys.stderr)
    return 1


def _write_private(path: Path, data: bytes) -> None:
    from imr_companion.store.storage import write_atomically

    path = path.expanduser().absolute()
    if not path.parent.is_dir():
        raise FileNotFoundError(2, "No such folder", str(path.parent))
    write_atomically(path, data)


def _export(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion import export
    from imr_companion.store import Database

    kind = args.format or ("markdown" if args.only else "json")
    if args.only is not None:
        if args.only not in export.MARKDOWN_PARTS:
            return _fail(f"--only knows these parts: {', '.join(export.MARKDOWN_PARTS)}.")
        if kind != "markdown":
            return _fail("--only writes Markdown; the JSON export is always complete.")
    database = Database.read_only(folder)
    if args.only is not None:
        text = export.MARKDOWN_PARTS[args.only](database)
    else:
        text = export.to_json(database) if kind == "json" else export.to_markdown(database)
    if args.output:
        _write_private(Path(args.output), text.encode("utf-8"))
        print(
            f"Saved your {kind} export to {args.output}. It is private: share it only if you choose to.",
            file=sys.stderr,
        )
    else:
        sys.stdout.write(text)
    return 0


def _import(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion import export
    from imr_companion.store import Database

    try:
        document = export.document_from_json(Path(args.file).read_bytes())
    except export.ImportRefused as refused:
        return _fail(str(refused))
    database = Database.open(folder)
    try:
        kept = folder / "backups" / f"companion-before-import-{clock.now():%Y%m%d-%H%M%S}.json"
        _write_private(kept, database.snapshot())
        database.save_document(document)
    finally:
        database.close()
    print(f"Imported {args.file}. Your data from before was kept as {kept}.")
    return 0


def _backup(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion.store.database import parse

    source = folder / paths.DATA_FILE
    if not source.exists():
        return _fail(f"There is nothing to back up yet in {folder}.")
    content = source.read_bytes()
    parse(content)  # a damaged file is reported, not copied as if it were a backup
    target = (
        Path(args.output)
        if args.output
        else (folder / "backups" / f"companion-manual-{clock.now():%Y%m%d-%H%M%S}.json")
    )
    _write_private(target, content)
    print(f"Saved a copy of your data to {target}.")
    return 0


def _doctor(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion import doctor

    report = doctor.check(folder)
    print(f"Checking {folder}")
    for line in report.lines():
        print(line)
    print("All is well." if report.healthy else "Some things need a look (see the lines marked !).")
    return 0 if report.healthy else 1


def _demo(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion import demo

    if not 0 < args.years <= 50:
        return _fail("--years should be a number between 0 and 50.")
    database = demo.create(folder, args.years)
    count = database.record_count()
    database.close()
    print(f"Wrote {count} invented entries for {demo.FIRST_NAME} to {folder}.")
    print(f"Try it with: imr-companion --data-dir {folder}")
    return 0


def _run_app(folder: Path) -> int:
    # Until the first frame (CompanionApp.on_ready turns it back on).
    gc.disable()
    from imr_companion.store import Database

    # Checking every record waits until Today is on screen (see check_records).
    database = Database.open(folder, defer_check=True)
    try:
        from imr_companion.ui.app import CompanionApp

        app = CompanionApp(database)
        app.run()
        return app.return_code or 0
    finally:
        database.close()

"""The commands on the data: export, import, backup, restore, doctor."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from imr_companion import paths, tables
from imr_companion.cli.speaking import fail
from imr_companion.i18n import _


def export_command(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion import export
    from imr_companion.store import Database
    from imr_companion.store.files.chosen_file import write_chosen

    kind = args.format or ("markdown" if args.only or args.supporter else "json")
    if (args.only or args.supporter) and kind == "json":
        return fail(_("--only and --supporter write Markdown or HTML; the JSON export is always complete."))
    if args.only and args.supporter:
        return fail(_("Please choose either --only or --supporter."))
    database = Database.read_only(folder)
    if args.only is not None or args.supporter is not None or kind == "html":
        from imr_companion.sharing import parts, supporter
        from imr_companion.sharing.formats import render

        chosen: tuple[str, ...] = ()
        if args.supporter is not None:
            try:
                page = supporter.supporter_page(database, supporter.find_person(database, args.supporter))
            except supporter.NoSuchPerson as missing:
                return fail(str(missing))
        else:
            try:
                chosen = parts.parse_parts(args.only) if args.only is not None else parts.PARTS
            except ValueError:
                return fail(_("--only knows these parts: {parts}.").format(parts=", ".join(parts.PARTS)))
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


def import_command(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion import export
    from imr_companion.store import Database
    from imr_companion.store.files.chosen_file import read_chosen

    try:
        document = export.document_from_json(read_chosen(Path(args.file)))
    except export.ImportRefused as refused:
        return fail(str(refused))
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


def backup_command(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion.store.database import parse_document
    from imr_companion.store.files import backups, codec
    from imr_companion.store.files.chosen_file import copy_chosen

    source = folder / paths.DATA_FILE
    if not source.exists():
        return fail(_("There is nothing to back up yet in {folder}.").format(folder=folder))
    content = codec.read(source)
    parse_document(content)  # a damaged file is reported, not copied as if it were a backup
    if args.output:
        # Sealed when the data is: a copy is as private as the data it copies.
        target = copy_chosen(Path(args.output), content, folder)
    else:
        target = backups.make(folder, "manual", content)
    print(_("Saved a copy of your data to {file}.").format(file=target))
    return 0


def restore_command(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion.export import ImportRefused, transfer
    from imr_companion.store import Database
    from imr_companion.store.files import backups

    if args.file:
        chosen = Path(args.file)
    else:
        found = backups.every(folder)
        if not found:
            return fail(_("There are no backups in {folder} yet.").format(folder=backups.folder(folder)))
        print(_("Your backups, newest first:"))
        for number, backup in enumerate(found, start=1):
            print(f"  {number:>2}. {transfer.describe(backup.path)}")
        try:
            answer = input(
                _("Which one shall be put back? Type its number, or press Enter to stop: ")
            ).strip()
        except EOFError:  # ctrl+d: the terminal ends no line, so the next words start their own
            print()
            answer = ""
        if not answer:
            print(_("Nothing was changed."))
            return 0
        if not answer.isdigit() or not 1 <= int(answer) <= len(found):
            return fail(
                _("Please type a number from 1 to {last}. Nothing was changed.").format(last=len(found))
            )
        chosen = found[int(answer) - 1].path
    try:
        document = transfer.read_restorable(chosen)
    except ImportRefused as refused:
        return fail(str(refused))
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


def doctor_command(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion import doctor

    report = doctor.check(folder)
    print(_("Checking {folder}").format(folder=folder))
    for line in report.lines():
        print(line)
    print(_("All is well.") if report.healthy else _("Some things need a look (see the lines marked !)."))
    return 0 if report.healthy else 1

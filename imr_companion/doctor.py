"""A read-only health check of the data folder, in plain words."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from imr_companion.i18n import _, ngettext
from imr_companion.paths import BACKUP_DIR, DATA_FILE, data_file
from imr_companion.store import gate
from imr_companion.store.files import backups, codec
from imr_companion.store.files.data_folder import leftover_temporary_files
from imr_companion.store.gate import QUARANTINE, Unreadable, read_document, schema_version
from imr_companion.store.gate import shown_safely as safe
from imr_companion.store.upgrades.migrations import SCHEMA_VERSION
from imr_companion.tables import holdings


@dataclass
class Report:
    good: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        return [f"ok  {line}" for line in self.good] + [f"!   {line}" for line in self.problems]


def _private(path: Path, wanted: int, report: Report) -> None:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & ~wanted:
        words = (
            _(
                "The data folder can be read by other users of this computer (permissions {mode}). "
                "Fix with: {command}"
            )
            if path.is_dir()
            else _(
                "The data file can be read by other users of this computer (permissions {mode}). "
                "Fix with: {command}"
            )
        )
        report.problems.append(words.format(mode=f"{mode:o}", command=f"chmod {wanted:o} '{path}'"))


def check(folder: Path) -> Report:
    report = Report()
    if not folder.exists():
        report.good.append(
            _("No data yet in {folder}: it will be created when the app first saves.").format(folder=folder)
        )
        return report
    _private(folder, 0o700, report)
    path = folder / DATA_FILE
    for damaged in sorted(folder.glob("companion.damaged-*.json")):
        report.problems.append(
            _(
                "A damaged data file was set aside earlier and is kept as {file}. "
                "Your current data does not depend on it; keep it until you are sure nothing is missing."
            ).format(file=safe(damaged.name))
        )
    offer = backups.pending_offer(folder)
    if offer is not None:
        report.problems.append(
            _(
                "Your data file could not be opened earlier and was set aside as {file}. "
                "The backup from {backup} is kept for you; put it back with: "
                "imr-companion restore (or press ctrl+p in the app and choose Restore a backup)."
            ).format(file=safe(offer.damaged), backup=offer.backup.described)
        )
    if path.is_symlink():
        _linked(path, report)
    if path.exists():
        _private(path, 0o600, report)
        try:
            document, odd = read_document(codec.read(path))
        except Unreadable as problem:
            report.problems.append(_("The data file cannot be opened: {problem}.").format(problem=problem))
            document = None
        if document is not None:
            _check_document(document, odd, report)
    else:
        report.good.append(_("No data file yet: it will be created when the app first saves."))
    if os.path.lexists(backups.folder(folder)) and not backups.usable(folder):
        report.problems.append(
            _(
                "The backups folder is a link or not a folder, so no daily backups are kept. "
                "Replace it with a plain folder named '{name}'."
            ).format(name=BACKUP_DIR)
        )
    newest = backups.newest(folder)
    if newest:
        count = len(backups.every(folder))
        report.good.append(
            ngettext(
                "{count} backup; the newest is from {when}.",
                "{count} backups; the newest is from {when}.",
                count,
            ).format(count=count, when=newest.described)
        )
    for backup in backups.every(folder):
        if backup.path.is_symlink() or not backup.path.is_file():
            report.problems.append(
                _("The backup {file} is a link or not a file, so it may not hold your data.").format(
                    file=safe(backup.path.name)
                )
            )
    leftovers = leftover_temporary_files(folder)
    if leftovers:
        report.good.append(
            ngettext(
                "{count} unfinished temporary file from an interrupted save; it is not needed and may be "
                "deleted.",
                "{count} unfinished temporary files from an interrupted save; they are not needed and may be "
                "deleted.",
                len(leftovers),
            ).format(count=len(leftovers))
        )
    return report


def _linked(path: Path, report: Report) -> None:
    """The data file is a link: the app reads and saves the file it points to, if that is a file."""
    target = data_file(path.parent)
    if target.is_file():
        report.good.append(
            _(
                "Your data file is a link to {target}: the app reads and saves that file, "
                "and keeps its daily backups here."
            ).format(target=safe(target, 200))
        )
    elif target.exists():
        report.problems.append(
            _(
                "Your data file is a link to {target}, which is not an ordinary file. "
                "Please put the data file itself in its place."
            ).format(target=safe(target, 200))
        )
    else:
        report.problems.append(
            _(
                "Your data file is a link to {target}, which is not there. The app will start "
                "there with no data; if your data is elsewhere, link to it, or put the file itself in place."
            ).format(target=safe(target, 200))
        )


def _check_document(document: gate.Document, odd: bool, report: Report) -> None:
    """What the gate would set right or set aside on opening, each in its own line."""
    version = schema_version(document)
    if version > SCHEMA_VERSION:
        report.problems.append(
            _("The data was saved by a newer version of the app (data version {version}).").format(
                version=version
            )
        )
        return
    if version == SCHEMA_VERSION:
        report.good.append(_("The data file opens and holds {holdings}.").format(holdings=holdings(document)))
    else:
        report.good.append(
            _("The data file opens; the app will update it from data version {version}.").format(
                version=version
            )
        )
    odd_tables, odd_keys = gate.shape_problems(document)
    for problem in odd_tables:
        report.problems.append(
            _("The data file holds {what}; the app will set it aside whole.").format(
                what=gate.reason_words(problem.reason)
            )
        )
    if odd_keys:
        report.problems.append(
            ngettext(
                "{count} entry is stored under a number in an unusual form; "
                "the app will renumber it so that none is lost.",
                "{count} entries are stored under a number in an unusual form; "
                "the app will renumber them so that none is lost.",
                len(odd_keys),
            ).format(count=len(odd_keys))
        )
    reasons: dict[tuple[str, str, bool], int] = {}
    for problem in gate.problems(document, odd_values=odd):
        reason = safe(gate.reason_words(problem.reason), 200)
        what = (safe(problem.table), reason, problem.reason.endswith(gate.NO_ID))
        reasons[what] = reasons.get(what, 0) + 1
    for (table, reason, no_id), number in sorted(reasons.items()):
        if no_id:
            words = ngettext(
                "{count} entry in '{table}' has no id. The app will give it one.",
                "{count} entries in '{table}' have no id. The app will give them one.",
                number,
            )
        else:
            words = ngettext(
                "{count} entry in '{table}': {reason}. The app will set it aside, whole.",
                "{count} entries in '{table}': {reason}. The app will set them aside, whole.",
                number,
            )
        report.problems.append(words.format(count=number, table=table, reason=reason))
    for name in gate.unknown_tables(document):
        if name in {p.table for p in odd_tables}:
            continue
        report.problems.append(
            _(
                "The data file holds a part this version does not know ('{name}'). "
                "It is kept as it is and carried in the JSON export."
            ).format(name=safe(name))
        )
    kept = document.get(QUARANTINE, {})
    for entry in kept.values() if isinstance(kept, dict) else ():
        if not isinstance(entry, dict):
            continue
        # Everything here was read from the file: a name or a reason can hold anything.
        report.problems.append(
            _(
                "An entry from '{table}' was set aside on {day} (what was wrong: {reason}). "
                "It is kept inside the data file and nothing was deleted."
            ).format(
                table=safe(entry.get("table", "?")),
                day=safe(str(entry.get("set_aside", "?"))[:10]),
                reason=safe(gate.reason_words(str(entry.get("reason", ""))) or _("not noted"), 200),
            )
        )

"""A read-only health check of the data folder, in plain words."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from imr_companion.paths import DATA_FILE
from imr_companion.store import backups, gate
from imr_companion.store.data_folder import data_file, leftover_temporary_files, read_data_file
from imr_companion.store.gate import QUARANTINE, Unreadable, read_document, schema_version
from imr_companion.store.gate import shown_safely as safe
from imr_companion.store.migrations import SCHEMA_VERSION
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


def _private(path: Path, wanted: int, what: str, report: Report) -> None:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & ~wanted:
        report.problems.append(
            f"The {what} can be read by other users of this computer (permissions {mode:o}). "
            f"Fix with: chmod {wanted:o} '{path}'"
        )


def check(folder: Path) -> Report:
    report = Report()
    if not folder.exists():
        report.good.append(f"No data yet in {folder}: it will be created when the app first saves.")
        return report
    _private(folder, 0o700, "data folder", report)
    path = folder / DATA_FILE
    for damaged in sorted(folder.glob("companion.damaged-*.json")):
        report.problems.append(
            f"A damaged data file was set aside earlier and is kept as {safe(damaged.name)}. "
            "Your current data does not depend on it; keep it until you are sure nothing is missing."
        )
    offer = backups.pending_offer(folder)
    if offer is not None:
        report.problems.append(
            f"Your data file could not be opened earlier and was set aside as {safe(offer.damaged)}. "
            f"The backup from {offer.backup.described} is kept for you; put it back with: "
            "imr-companion restore (or press ctrl+p in the app and choose Restore a backup)."
        )
    if path.is_symlink():
        _linked(path, report)
    if path.exists():
        _private(path, 0o600, "data file", report)
        try:
            document, odd = read_document(read_data_file(path))
        except Unreadable as problem:
            report.problems.append(f"The data file cannot be opened: {problem}.")
            document = None
        if document is not None:
            _check_document(document, odd, report)
    else:
        report.good.append("No data file yet: it will be created when the app first saves.")
    if os.path.lexists(backups.folder(folder)) and not backups.usable(folder):
        report.problems.append(
            "The backups folder is a link or not a folder, so no daily backups are kept. "
            "Replace it with a plain folder named 'backups'."
        )
    newest = backups.newest(folder)
    if newest:
        count = len(backups.every(folder))
        backups_word = "1 backup" if count == 1 else f"{count} backups"
        report.good.append(f"{backups_word}; the newest is from {newest.described}.")
    for backup in backups.every(folder):
        if backup.path.is_symlink() or not backup.path.is_file():
            report.problems.append(
                f"The backup {safe(backup.path.name)} is a link or not a file, so it may not hold your data."
            )
    leftovers = leftover_temporary_files(folder)
    if leftovers:
        report.good.append(
            f"{len(leftovers)} unfinished temporary file(s) from an interrupted save; "
            "they are not needed and may be deleted."
        )
    return report


def _linked(path: Path, report: Report) -> None:
    """The data file is a link: the app reads and saves the file it points to, if that is a file."""
    target = data_file(path.parent)
    if target.is_file():
        report.good.append(
            f"Your data file is a link to {safe(target, 200)}: the app reads and saves that file, "
            "and keeps its daily backups here."
        )
    elif target.exists():
        report.problems.append(
            f"Your data file is a link to {safe(target, 200)}, which is not an ordinary file. "
            "Please put the data file itself in its place."
        )
    else:
        report.problems.append(
            f"Your data file is a link to {safe(target, 200)}, which is not there. The app will start "
            "there with no data; if your data is elsewhere, link to it, or put the file itself in place."
        )


def _check_document(document: gate.Document, odd: bool, report: Report) -> None:
    """What the gate would set right or set aside on opening, each in its own line."""
    version = schema_version(document)
    if version > SCHEMA_VERSION:
        report.problems.append(f"The data was saved by a newer version of the app (data version {version}).")
        return
    if version == SCHEMA_VERSION:
        report.good.append(f"The data file opens and holds {holdings(document)}.")
    else:
        report.good.append(f"The data file opens; the app will update it from data version {version}.")
    odd_tables, odd_keys = gate.shape_problems(document)
    for problem in odd_tables:
        report.problems.append(f"The data file holds {problem.reason}; the app will set it aside whole.")
    if odd_keys:
        report.problems.append(
            f"{len(odd_keys)} entries are stored under a number in an unusual form; "
            "the app will renumber them so that none is lost."
        )
    reasons: dict[str, int] = {}
    for problem in gate.problems(document, odd_values=odd):
        what = f"in '{safe(problem.table)}': {safe(problem.reason, 200)}"
        reasons[what] = reasons.get(what, 0) + 1
    for what, number in sorted(reasons.items()):
        entries = "1 entry" if number == 1 else f"{number} entries"
        them = "it" if number == 1 else "them"
        action = f"give {them} one" if what.endswith(gate.NO_ID) else f"set {them} aside, whole"
        report.problems.append(f"{entries} {what}. The app will {action}.")
    for name in gate.unknown_tables(document):
        if name in {p.table for p in odd_tables}:
            continue
        report.problems.append(
            f"The data file holds a part this version does not know ('{safe(name)}'). "
            "It is kept as it is and carried in the JSON export."
        )
    kept = document.get(QUARANTINE, {})
    for entry in kept.values() if isinstance(kept, dict) else ():
        if not isinstance(entry, dict):
            continue
        # Everything here was read from the file: a name or a reason can hold anything.
        report.problems.append(
            f"An entry from '{safe(entry.get('table', '?'))}' was set aside on "
            f"{safe(str(entry.get('set_aside', '?'))[:10])} (what was wrong: "
            f"{safe(entry.get('reason', 'not noted'), 200)}). "
            "It is kept inside the data file and nothing was deleted."
        )

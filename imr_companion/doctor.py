"""A read-only health check of the data folder, in plain words."""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from imr_companion.models import RECORD_TABLES
from imr_companion.paths import DATA_FILE
from imr_companion.store import backups
from imr_companion.store.database import (
    QUARANTINE,
    Unreadable,
    invalid_records,
    parse,
    schema_version,
)
from imr_companion.store.migrations import SCHEMA_VERSION


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
            f"A damaged data file was set aside earlier and is kept as {damaged.name}. "
            "Your current data does not depend on it; keep it until you are sure nothing is missing."
        )
    if path.exists():
        _private(path, 0o600, "data file", report)
        try:
            document = parse(path.read_bytes())
        except Unreadable as problem:
            report.problems.append(f"The data file cannot be opened: {problem}.")
            document = None
        if document is not None:
            version = schema_version(document)
            if version > SCHEMA_VERSION:
                report.problems.append(
                    f"The data was saved by a newer version of the app (data version {version})."
                )
            elif version == SCHEMA_VERSION:
                count = sum(len(document.get(name, {})) for name in RECORD_TABLES)
                report.good.append(f"The data file opens and holds {count} entries.")
                bad = invalid_records(document)
                if bad:
                    report.problems.append(
                        f"{len(bad)} entries do not pass their checks; the app will set them aside."
                    )
            else:
                report.good.append(
                    f"The data file opens; the app will update it from data version {version}."
                )
            kept = document.get(QUARANTINE, {})
            for entry in kept.values():
                report.problems.append(
                    f"An entry from '{entry.get('table', '?')}' was set aside on "
                    f"{str(entry.get('set_aside', '?'))[:10]} because of a {entry.get('reason', 'problem')}. "
                    "It is kept inside the data file and nothing was deleted."
                )
    else:
        report.good.append("No data file yet: it will be created when the app first saves.")
    newest = backups.newest(folder)
    if newest:
        count = len(backups.listed(folder))
        report.good.append(
            f"{count} {'backup' if count == 1 else 'backups'}; the newest is from {newest[0]:%d %B %Y}."
        )
    leftovers = list(folder.glob(f".{DATA_FILE}.*.tmp"))
    if leftovers:
        report.good.append(
            f"{len(leftovers)} unfinished temporary file(s) from an interrupted save; "
            "they are not needed and may be deleted."
        )
    return report

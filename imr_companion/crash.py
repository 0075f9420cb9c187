"""The last resort: an unexpected error becomes one calm line and a local report.

The report says where the program was (file, line, function, the line of
code) and the kind of error, nothing else: no message and no local
variables, because either can hold what the person wrote. It is written
only to this computer, private to the user, and never sent anywhere.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from imr_companion import __version__, clock

REPORTS = "reports"
KEEP = 20


def report_text(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    lines = [
        f"IMR Companion {__version__}, Python {sys.version.split()[0]}, {sys.platform}",
        f"{type(error).__module__}.{type(error).__qualname__}"
        " (its message is left out: it may hold personal text)",
        "",
    ]
    for frame in frames:
        lines.append(f'  File "{Path(frame.filename).name}", line {frame.lineno}, in {frame.name}')
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    return "\n".join(lines) + "\n"


def write_report(error: BaseException, folder: Path) -> Path | None:
    """Write the report into `folder`/reports (0700, the file 0600); None when that is not possible."""
    where = folder / REPORTS
    try:
        if not where.exists():
            where.mkdir(mode=0o700, parents=True)
            os.chmod(where, 0o700)
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        path = where / f"crash-{stamp}.txt"
        count = 1
        while path.exists():
            count += 1
            path = where / f"crash-{stamp}-{count}.txt"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(report_text(error))
        for old in sorted(where.glob("crash-*.txt"))[:-KEEP]:
            old.unlink(missing_ok=True)
        return path
    except OSError:
        return None


def calm_line(error: BaseException, report: Path | None) -> str:
    """One calm line in the person's language (i18n is plain Python: it cannot fail here)."""
    from imr_companion.i18n import _
    from imr_companion.store.errors import FileChanged

    if isinstance(error, FileChanged):
        return str(error)  # not a problem in the program; its words name nobody

    if report:
        return _(
            "IMR Companion stopped because of a problem in the program. Everything you saved is safe. "
            "A short report for a developer (no personal text) is in {report}. ({error})"
        ).format(report=report, error=type(error).__name__)
    return _(
        "IMR Companion stopped because of a problem in the program. Everything you saved is safe. ({error})"
    ).format(error=type(error).__name__)

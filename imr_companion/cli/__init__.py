"""The command line: the app by default, and the tools around it.

Every failure is one plain line on stderr and a non-zero exit, never a
traceback: a traceback can carry what the person wrote (speaking.py). The
commands on the data are in data.py and the tools around it in tools.py,
each imported only when its command runs; the arguments and --help are in
arguments.py.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from imr_companion import paths
from imr_companion.cli.speaking import fail, speak_as_set
from imr_companion.i18n import _

if TYPE_CHECKING:
    import argparse


def main(argv: Sequence[str] | None = None) -> int:
    # No pydantic plugin, installed by some other package, ever sees what the
    # person wrote while it is validated; not looking for them saves start-up time too.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app_only, data_dir = just_the_app(sys.argv[1:] if argv is None else argv)
    args = None
    if not app_only:
        from imr_companion.cli.arguments import parse

        args = parse(argv)
        data_dir = args.data_dir
    folder = paths.data_dir(data_dir)
    speak_as_set(folder)
    try:
        return _command(folder, args)
    except Exception as error:
        # The last resort: one calm line and a local report, never a traceback.
        from imr_companion import crash

        report = crash.write_report(error, folder) if folder.is_dir() else None
        return fail(crash.calm_line(error, report))


def just_the_app(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(True, the data folder given or None) when the command line only opens the app.

    `imr-companion`, `imr-companion --data-dir DIR` or `--data-dir=DIR`: read
    here, as argparse reads them, without building the parser of every command
    (argparse and gettext imported, ~3 ms before the app's first frame).
    Anything else (a command, --help, a mistake) is argparse's.
    """
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--data-dir" and not argv[1].startswith("-"):
        return True, argv[1]
    if len(argv) == 1 and argv[0].startswith("--data-dir="):
        return True, argv[0].removeprefix("--data-dir=")
    return False, None


def _command(folder: Path, args: argparse.Namespace | None) -> int:
    """`args` None: the app alone (just_the_app)."""
    from imr_companion.store import SaveError, StoreError
    from imr_companion.store.errors import plain_reason
    from imr_companion.store.gate import Unreadable

    try:
        if args is None or args.command is None:
            return _run_app(folder)
        if args.command != "hello":  # one calm line or nothing, even then
            from imr_companion.store.files.data_folder import refuse_a_file

            refuse_a_file(folder)  # said as such, not as a file inside it that could not be used
        if args.command in NEEDS_THE_DATA:
            from imr_companion.passphrase.commands import unlock_for_command

            unlock_for_command(folder)
        if args.command == "demo" and not args.data_dir:
            return fail(
                _("Please name a folder for the demo with --data-dir, so your own data is never touched.")
            )
        from imr_companion.cli import data, tools

        return {
            "export": data.export_command,
            "import": data.import_command,
            "backup": data.backup_command,
            "restore": data.restore_command,
            "doctor": data.doctor_command,
            "forget": tools.forget_command,
            "demo": tools.demo_command,
            "passphrase": _passphrase,
            "shortcut": tools.shortcut_command,
            "hello": tools.hello_command,
        }[args.command](folder, args)
    except Unreadable as problem:
        return fail(
            _("Your data file cannot be opened: {problem}. 'imr-companion doctor' shows more.").format(
                problem=problem
            )
        )
    except SaveError as error:
        # Not the screens' "What you wrote is still here": here nobody typed anything.
        return fail(
            _("Nothing was saved: {reason}. Your data is as it was before.").format(
                reason=error.reason or plain_reason(OSError())
            )
        )
    except StoreError as error:
        return fail(str(error))
    except OSError as error:
        reason = plain_reason(error, _("the file could not be used"))
        if error.filename:
            return fail(
                _("That could not be done: {reason} ({file}). Your data is as it was before.").format(
                    reason=reason, file=error.filename
                )
            )
        return fail(
            _("That could not be done: {reason}. Your data is as it was before.").format(reason=reason)
        )
    except KeyboardInterrupt:
        return 130


NEEDS_THE_DATA = ("export", "import", "backup", "restore", "doctor")
"""Commands that read the data: they ask for the passphrase first when it is locked with one."""


def _passphrase(folder: Path, args: argparse.Namespace) -> int:
    from imr_companion.passphrase import commands

    return commands.run(folder, args.action)


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
            from imr_companion.ui import kept_styles
            from imr_companion.ui.app import CompanionApp

            app = CompanionApp(database)
            # The first frame's stylesheets as parsed at the last start: not parsed again.
            kept_styles.use(app)
            app.run()
        finally:
            database.close()
        if not app.locked:
            return app.return_code or 0
        # Locked (idle, or by the person): the key leaves memory; the unlock window again.
        codec.forget()
        gc.disable()

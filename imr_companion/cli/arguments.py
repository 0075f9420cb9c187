"""The command line's arguments and its --help, in the person's language.

argparse's own words ("usage:", "options", its error lines) come from our
catalogue too: argparse looks them up through gettext's module-level
functions, so while it builds the parser and parses, those lookups are
pointed at ours (argparse_in_our_words).
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator, Sequence

from imr_companion import __version__, i18n, paths
from imr_companion.areas import SHARE_PARTS
from imr_companion.i18n import N_, _


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments; --help and mistakes in them are said in the computer's language."""
    i18n.use(i18n.from_environment())
    with argparse_in_our_words():
        return build_parser().parse_args(argv)


def build_parser() -> argparse.ArgumentParser:
    # Built while argparse speaks our words (argparse_in_our_words): its group titles are made here.
    parser = argparse.ArgumentParser(
        prog="imr-companion",
        description=_(
            "A private companion for Illness Management and Recovery. "
            "Everything stays on this computer. With no command, the app opens."
        ),
        add_help=False,
    )
    _help(parser)
    parser.add_argument(
        "--version",
        action="version",
        version=f"imr-companion {__version__}",
        help=_("show the version and exit"),
    )
    data_dir = argparse.ArgumentParser(add_help=False)
    data_dir.add_argument(
        "--data-dir",
        metavar=_("DIR"),
        # SUPPRESS: without it the subcommand's unset default would wipe a
        # --data-dir given before the subcommand name.
        default=argparse.SUPPRESS,
        help=_("the data folder (default: ${variable}, else your user data folder)").format(
            variable=paths.ENV_VAR
        ),
    )
    parser.add_argument(
        "--data-dir",
        metavar=_("DIR"),
        help=_("open the app on this data folder (default: ${variable}, else your user data folder)").format(
            variable=paths.ENV_VAR
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar=_("command"), title=_("commands"))

    def command(name: str, words: str) -> argparse.ArgumentParser:
        made = commands.add_parser(name, parents=[data_dir], help=words, description=words, add_help=False)
        _help(made)
        return made

    export = command("export", _("write your data to a file"))
    export.add_argument(
        "--format", choices=["json", "markdown", "html"], help=_("json (the default), markdown or html")
    )
    export.add_argument("--output", metavar=_("FILE"), help=_("file to write (default: the screen)"))
    export.add_argument(
        "--only",
        metavar=_("PARTS"),
        help=_("just these parts, for reading or printing: {parts} (any of them, comma-separated)").format(
            parts=",".join(part.name for part in SHARE_PARTS)
        ),
    )
    export.add_argument(
        "--supporter", metavar=_("NAME"), help=_("the supporter sheet for one person from your network card")
    )

    imported = command("import", _("replace your data with a JSON export (all or nothing)"))
    imported.add_argument("file", metavar=_("FILE"), help=_("the JSON export to read"))

    backup = command("backup", _("save a copy of your data now"))
    backup.add_argument(
        "--output", metavar=_("FILE"), help=_("where to save it (default: the backups folder)")
    )

    restore = command(
        "restore", _("put back a backup or a JSON export; without FILE, lists the backups to choose from")
    )
    restore.add_argument(
        "file", metavar=_("FILE"), nargs="?", help=_("the backup or JSON export to put back")
    )

    command("doctor", _("check your data; exit 1 if problems were found"))
    passphrase = command("passphrase", _("lock your data with a passphrase, change it, or remove it"))
    passphrase.add_argument(
        "action",
        choices=("set", "change", "remove"),
        metavar="set|change|remove",
        help=_("set a passphrase, change it, or remove it (everything plain again)"),
    )
    command("forget", _("delete everything: your data, backups and settings (asks twice)"))

    demo = command("demo", _("fill an empty folder with an invented person's data"))
    demo.add_argument(
        "--years", type=float, default=1.0, metavar="N", help=_("how many years of data (default: 1)")
    )
    # The invented person's language (default: the computer's); its words are the person's, not the app's.
    demo.add_argument(
        "--language",
        choices=("da", "en"),
        metavar="da|en",
        help=_("the invented person's language (default: the computer's)"),
    )
    shortcut = command("shortcut", _("add an icon that opens the app in a terminal (start menu, desktop)"))
    shortcut.add_argument("--remove", action="store_true", help=_("take the icon away again"))

    hello = command("hello", _("say one calm line about today, or nothing; optionally when a terminal opens"))
    when = hello.add_mutually_exclusive_group()
    when.add_argument(
        "--at-login", action="store_true", help=_("say it each time a terminal opens (added to your shell)")
    )
    when.add_argument("--not-at-login", action="store_true", help=_("stop saying it when a terminal opens"))
    return parser


def _help(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", help=_("show this help and exit"))


# argparse's own words, as it looks them up (through gettext's module-level functions), for the
# catalogue: while it builds our parser and parses, it looks them up in ours instead.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("%(heading)s:"),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


@contextlib.contextmanager
def argparse_in_our_words() -> Iterator[None]:
    names = vars(argparse)
    saved = names["_"], names["ngettext"]
    names.update(_=i18n._, ngettext=i18n.ngettext)
    try:
        yield
    finally:
        names["_"], names["ngettext"] = saved

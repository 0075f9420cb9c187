"""Every read and write of the data folder's files passes through store/files/codec.py.

The data file, backups, set-aside copies and their temporary files are sealed
there when a passphrase is set: a module that opened them itself could read or
leave a plain copy. This walks the code for every way of opening a file's bytes
and allows each only where it is known not to touch the person's data (or is
the seam itself).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "imr_companion"

# How a module reads or writes a file's bytes.
OPENING = {
    "open",
    "read_bytes",
    "read_text",
    "write_bytes",
    "write_text",
    "mkstemp",
    "fdopen",
    "pread",
    "NamedTemporaryFile",
}
# The writers beneath the codec: whoever imports them writes bytes the codec never saw.
BENEATH = {"write_atomically", "prepare_atomically", "copy_atomically", "read_raw", "put_raw", "write_plain"}

ALLOWED: dict[str, set[str]] = {
    # The seam.
    "store/files/codec.py": {
        "open",
        "fdopen",
        "write_atomically",
        "prepare_atomically",
        "copy_atomically",
    },
    # The plain data file the codec read or wrote, kept open: its older years read back (pread).
    "store/files/kept.py": {"open", "pread"},
    # The crash-safe writer the codec calls (and the folder fsync); it never chooses what is written.
    "store/files/storage.py": {"open", "mkstemp", "pread"},
    # backups.make writes bytes sealed by codec.sealed first (a link, never replacing a copy); the
    # daily backup opens the old data file to hand it to codec.copy; the offer names files, no more.
    "store/files/backups.py": {"open", "mkstemp", "read_raw", "write_plain"},
    # Files the person names, outside the data folder (check_place refuses it): exports stay plain by
    # the person's choice; copy_chosen seals a backup copy through the codec.
    "store/files/chosen_file.py": {"open", "write_atomically", "put_raw"},
    # The lock file is empty.
    "store/files/lock.py": {"open"},
    # forget reads a linked file's start to know it is ours (sealed or not) before deleting it.
    "forget.py": {"read_raw"},
    # passphrase remove: everything plain again, by the person's choice.
    "passphrase/folder.py": {"write_plain"},
    # The person's shell start-up file and a desktop shortcut: outside the data folder, naming nobody.
    "reaching/login_line.py": {"read_bytes", "write_bytes"},
    "reaching/shortcut.py": {"read_bytes", "read_text", "write_text"},
    # Crash reports hold no personal text.
    "crash.py": {"open", "fdopen"},
    # The app's own catalogues, content, word lists, stylesheets and schema: not the person's.
    "i18n.py": {"open"},
    "content.py": {"read_text"},
    "demo/words.py": {"read_text"},
    "export/schema.py": {"write_text"},
    "ui/common/stylesheet.py": {"read_text"},
    # The first frame's parsed stylesheets, kept in the person's cache folder: never their data.
    "ui/kept_styles.py": {"open", "mkstemp", "fdopen"},
    # The person's keys file (keys.toml): which key does what, never their data; read, never written.
    "ui/keys/keymap.py": {"open"},
    # Methods named open (a handout, a choice): they open no file.
    "ui/handouts/reader.py": {"open"},
    "ui/handouts/screen.py": {"open"},
    "ui/together/menu.py": {"open"},
}


def _uses(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            on = getattr(node.func, "value", None)
            if name in OPENING and not (isinstance(on, ast.Name) and on.id == "Database"):
                found.add(name)
        if isinstance(node, ast.ImportFrom):
            found |= {alias.name for alias in node.names if alias.name in BENEATH}
        if isinstance(node, ast.Attribute) and node.attr in BENEATH:
            found.add(node.attr)
    return found


def test_nothing_but_the_codec_opens_the_data_folders_files():
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        uses = _uses(ast.parse(path.read_text(encoding="utf-8"))) - ALLOWED.get(relative, set())
        if uses:
            found[relative] = sorted(uses)
    assert found == {}

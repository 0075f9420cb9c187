"""Textual's private names are used in one module only: ui/common/textual_internals.py.

There each use has a comment and a test (tests/ui/common/test_textual_internals.py);
anywhere else a Textual release could break the app without a word. The walk
finds a private module imported (`textual.widgets._footer`), a private name
Textual's own classes define read or written on any object (`app._exit`,
`screen._update_timer`), and, in our subclasses of Textual's classes, a
method or attribute named like one of their private ones (an override, or a
clash: a screen's `self._name` was once the person's name, over DOMNode's).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path

import textual
from textual.app import App
from textual.dom import DOMNode
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.widget import Widget

import imr_companion

PACKAGE = Path(imr_companion.__file__).parent
THE_ONE_MODULE = PACKAGE / "ui" / "common" / "textual_internals.py"
_SELF_ATTRIBUTE = re.compile(r"self\.(_[a-zA-Z][a-zA-Z0-9_]*)\b")


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _privates_of(cls: type) -> set[str]:
    """The private names a Textual class defines: in its body, or set on self in its module."""
    names = {name for name in vars(cls) if _private(name)}
    names |= set(_SELF_ATTRIBUTE.findall(Path(inspect.getsourcefile(cls) or "").read_text()))
    return names


# What every app, screen and widget carries: any of these, on any object, is Textual's.
EVERYWHERE = set().union(*(_privates_of(cls) for cls in (App, Screen, Widget, DOMNode, MessagePump)))


def _modules() -> list[Path]:
    return [path for path in sorted(PACKAGE.rglob("*.py")) if path != THE_ONE_MODULE]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _textual_bases(cls: type) -> list[type]:
    return [base for base in cls.__mro__[1:] if base.__module__.split(".")[0] == "textual"]


def _found_in(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    where = path.relative_to(PACKAGE.parent)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "textual":
            if any(_private(part) for part in node.module.split(".")):
                found.append(f"{where}:{node.lineno} imports {node.module}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "textual" and any(_private(p) for p in alias.name.split(".")):
                    found.append(f"{where}:{node.lineno} imports {alias.name}")
        elif isinstance(node, ast.Attribute) and node.attr in EVERYWHERE:
            found.append(f"{where}:{node.lineno} uses .{node.attr}")
    classes = [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    if not classes or "textual" not in source:
        return found
    module = importlib.import_module(_module_name(path))
    for node in classes:
        cls = getattr(module, node.name, None)
        if not isinstance(cls, type) or not (bases := _textual_bases(cls)):
            continue
        body = ast.get_source_segment(source, node) or ""
        ours = {name for name in vars(cls) if _private(name) and name in body}
        ours |= set(_SELF_ATTRIBUTE.findall(body))
        theirs = set().union(*(_privates_of(base) for base in bases))
        found += [f"{where}: {node.name}.{name} is Textual's private name" for name in sorted(ours & theirs)]
    return found


def test_only_textual_internals_touches_textual_private_names() -> None:
    assert Path(textual.__file__).is_file()
    found = [problem for path in _modules() for problem in _found_in(path)]
    assert found == [], (
        "Textual's private names belong in ui/common/textual_internals.py, with a comment and a test: "
        + "; ".join(found)
    )

"""The rule behind tests/ui/test_own_words.py, read from the code: a person's text reaches a list or a title
only as `Content` (ui/common/own_words.plain), and no notice asks to be read as markup."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from textual.content import Content

import imr_companion
from imr_companion.ui.common.own_words import plain, plain_all
from imr_companion.ui.handouts.screen import library_row
from imr_companion.ui.together.session_notes import note_text
from tests.helpers import running, welcomed

UI = Path(imr_companion.__file__).parent / "ui"

BUILDS_CONTENT = {"Content", "Text", "plain", "plain_all", "from_markup", "assemble"}
"""Calls whose result is never parsed again."""
TRANSLATED = {"_", "N_"}
"""The app's own words in the person's language: safe when written right there (never a person's text)."""
ROWS = {"library_row": library_row, "note_text": note_text}
"""The ui's own row builders: each returns Content (checked below)."""
LISTS = {"Option", "Selection", "OptionList", "SelectionList", "add_option", "add_options", "set_options"}
TITLES = {"border_title", "border_subtitle", "sub_title", "tooltip"}
DECLARED = {"keys/action.py": "tooltip=self.palette"}
"""A declared action's palette words: the app's own, N_("...") literals in ui/keys/declared.py
(tests/ui/test_keys_file.py checks that none holds markup)."""


def _safe(node: ast.expr) -> bool:
    """A literal (the app's own words), or text already made Content."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Starred | ast.ListComp | ast.GeneratorExp):
        inner = node.value if isinstance(node, ast.Starred) else node.elt
        return _safe(inner)
    if isinstance(node, ast.IfExp):
        return _safe(node.body) and _safe(node.orelse)
    if isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if name in TRANSLATED:
            return all(isinstance(arg, ast.Constant) for arg in node.args)
        if name == "center":  # Align.center(...) only places what it is given
            return all(_safe(arg) for arg in node.args)
        # An option's own words are checked where the option is made.
        return name in BUILDS_CONTENT or name in ROWS or name in ("Option", "Selection")
    return False


def _safe_items(node: ast.expr) -> bool:
    """What a list is given: options made safe, or a local list of them built just above.

    Not an attribute: `OptionList(*self.names)` was how names became markup.
    """
    inner = node.value if isinstance(node, ast.Starred) else node
    return isinstance(inner, ast.Name) or _safe(node)


def _unsafe_places() -> list[str]:
    found = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(UI)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call):
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                if name in ("Option", "Selection") and node.args and not _safe(node.args[0]):
                    found.append(f"{where}: {ast.unparse(node)[:70]}")
                if name in LISTS - {"Option", "Selection"} and not all(_safe_items(arg) for arg in node.args):
                    found.append(f"{where}: {ast.unparse(node)[:70]}")
                for keyword in node.keywords:
                    markup = keyword.arg == "markup" and not (
                        isinstance(keyword.value, ast.Constant) and keyword.value.value is False
                    )
                    if name == "notify" and markup:
                        found.append(f"{where}: a notice asks for markup")
                    declared = (
                        DECLARED.get(path.relative_to(UI).as_posix())
                        == f"tooltip={ast.unparse(keyword.value)}"
                    )
                    if keyword.arg == "tooltip" and not _safe(keyword.value) and not declared:
                        found.append(f"{where}: tooltip={ast.unparse(keyword.value)[:50]}")
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    built = isinstance(node.value, ast.JoinedStr | ast.BinOp)
                    if isinstance(target, ast.Attribute) and target.attr in TITLES and built:
                        found.append(f"{where}: {ast.unparse(node)[:70]}")
    return found


def test_lists_titles_and_tooltips_take_a_persons_text_as_content_only():
    assert _unsafe_places() == []


def test_the_row_builders_return_content():
    for build in ROWS.values():
        assert inspect.signature(build).return_annotation in ("Content", Content)
    assert isinstance(plain("[/Bob]"), Content) and all(isinstance(c, Content) for c in plain_all(["[Jo]"]))


async def test_a_notice_is_never_markup_even_when_asked(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir, notifications=True) as (app, pilot):
        app.notify("Anne [/Bob] and [bold]Dr Lee [GP]", markup=True)
        await pilot.pause()
        assert [n.markup for n in app._notifications] == [False]

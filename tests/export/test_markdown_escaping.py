"""What the person wrote cannot change the Markdown export's structure, and every word stays."""

from __future__ import annotations

import html
import itertools
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from imr_companion import demo
from imr_companion.export import plan_markdown, to_markdown
from imr_companion.export.escape import markdown_inline, markdown_text
from imr_companion.models import RECORD_TABLES
from imr_companion.store import Database
from imr_companion.store.gate import SETTINGS
from imr_companion.store.gate import problems as gate_problems

HOSTILE = [
    "# Heading WORD",
    "- list WORD",
    "> quote WORD",
    "1. numbered WORD",
    "--",
    "---",
    "===",
    "Coffee at <Cafe Nero> with Mum WORD",
    "[link WORD](http://example.org)",
    "![image WORD](x.png)",
    "**bold** and _em_ WORD",
    "a | table | WORD",
    "<img src=x onerror=alert(1)> WORD",
    "&amp; entity &lt;b&gt; WORD",
    "`code` WORD",
    "~~struck~~ WORD",
    "closing hashes WORD ##",
    "+ plus WORD",
    "<!-- comment --> WORD",
    "\\*escaped already\\* WORD",
]
MULTILINE = ["first WORD\n===", "line WORD\n- item\n> quote\n    indented code", "WORD\n---\n# h"]
TEXT_FIELDS = {"text", "why", "together_with", "name", "reach", "noticed_by", "other"}
LIST_FIELDS = {"lines", "unmatched"}
"""Ticks and choices are option ids, not the person's text; words kept from before ids are."""
MULTILINE_FIELDS = {"moments": {"text"}, "answers": {"text"}, "goals": {"why"}}


def _hostile_document() -> tuple[dict, list[str]]:
    document = demo.build(0.3)
    used: list[str] = []
    counter = itertools.count()

    def next_text(multiline: bool) -> str:
        n = next(counter)
        pool = MULTILINE if multiline and n % 3 == 0 else HOSTILE
        text = pool[n % len(pool)].replace("WORD", f"word{n}x")
        used.append(text)
        return text

    def walk(value, multiline: set[str]):
        if isinstance(value, dict):
            for key, inner in value.items():
                if key in TEXT_FIELDS and isinstance(inner, str) and inner:
                    value[key] = next_text(key in multiline)
                elif key in LIST_FIELDS and isinstance(inner, list):
                    value[key] = [next_text(False) for _ in inner]
                else:
                    walk(inner, set())
        elif isinstance(value, list):
            for inner in value:
                walk(inner, set())

    for key, record in document["answers"].items():
        # As many kept words as there were ticks or a choice, in their place, so every text lands
        # where it did when ticks and choices were stored as words.
        if record["kind"] in ("checklist", "choice"):
            kept = len(record["ticked"]) if record["kind"] == "checklist" else int(bool(record["choice"]))
            del record["unmatched"]
            placed = {}
            for name, value in record.items():
                placed[name] = value
                if name in ("ticked", "choice"):
                    placed["unmatched"] = ["kept words"] * kept
            document["answers"][key] = placed
    for name in RECORD_TABLES:
        for record in document.get(name, {}).values():
            # Free text that may hold line breaks: moments, answers, a goal's why.
            walk(record, MULTILINE_FIELDS.get(name, set()))
    document[SETTINGS]["1"]["first_name"] = "<b>Sam</b> # [x](y)"
    used.append("<b>Sam</b> # [x](y)")
    return document, used


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Database, list[str]]:
    document, used = _hostile_document()
    leftover = gate_problems(document)
    assert not leftover, leftover[:3]
    folder = tmp_path_factory.mktemp("hostile") / "data"
    db = Database.open(folder)
    db.save_document(document)
    db.close()
    return Database.read_only(folder), used


PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
FOREIGN = {"html_block", "html_inline", "link_open", "image", "table_open", "s_open", "code_inline"}
FOREIGN |= {"fence", "code_block", "hr", "blockquote_open"}


def _plain(markdown: str) -> str:
    rendered = re.sub(r"<[^>]+>", " ", PARSER.render(markdown))
    return " ".join(html.unescape(rendered).split())


@pytest.mark.parametrize("which", ["full", "plan"])
def test_hostile_text_keeps_the_structure_and_every_word(hostile, which: str):
    db, used = hostile
    markdown = to_markdown(db) if which == "full" else plan_markdown(db)
    tokens = PARSER.parse(markdown)
    every = [t for token in tokens for t in [token, *(token.children or [])]]
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), "no heading level skipped"
    # Our drawings (the ladder, the network map, the check-in grid) sit in fences of tildes, as on the
    # shared page; no text of the person's can open one (a tilde or backtick is always escaped).
    drawings = [t for t in every if t.type == "fence"]
    assert all(set(t.markup) == {"~"} and not t.info for t in drawings)
    assert not {t.type for t in every if t.type != "fence"} & FOREIGN
    plain = _plain(markdown)
    shown = [text for text in used if re.search(r"word\d+x|Sam", text)]
    found = [t for t in shown if all(" ".join(line.split()) in plain for line in t.split("\n"))]
    if which == "full":
        assert len(found) == len(shown), [t for t in shown if t not in found][:5]
    else:
        assert found, "the plan shows its entries"
    assert "<b>Sam</b> # [x](y)'s" in plain


def test_the_escaping_functions_render_back_to_the_text_as_typed():
    for text in HOSTILE:
        assert _plain(markdown_inline(text)) == " ".join(text.split())
    for text in MULTILINE:
        assert _plain(markdown_text(text)) == " ".join(text.split())


def test_a_plan_entry_of_two_dashes_stays(data_dir: Path):
    from imr_companion.models import Plan
    from imr_companion.models.plan import PLAN_ID, Item
    from imr_companion.store import Repository

    db = Database.open(data_dir)
    Repository.of(db, Plan).save(Plan(id=PLAN_ID, well=[Item(text="--"), Item(text="Walk")]))
    db.close()
    markdown = plan_markdown(Database.read_only(data_dir))
    assert not [t for t in PARSER.parse(markdown) if t.type == "hr"]
    assert "- -- " in _plain(markdown) + " " or "-- Walk" in _plain(markdown)

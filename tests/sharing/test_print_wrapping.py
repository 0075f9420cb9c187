"""A long word or a pasted address stays on the printed page.

The fast test checks the print rule is in the page's CSS. The slow one lays
the page out with a real print engine (WeasyPrint, when it is installed;
skipped where it is not) and checks that no line of text reaches past the
page's right margin.
"""

from __future__ import annotations

import re

import pytest

from imr_companion.sharing.blocks import Heading, Item, Items, Page, Paragraph
from imr_companion.sharing.formats import render
from imr_companion.sharing.html import STYLE, to_html
from imr_companion.sharing.parts import Choice, shared_page
from imr_companion.store import Database
from tests.helpers import demo_folder

LONG_WORD = "a" * 150 + "b" * 150
LONG_ADDRESS = (
    "https://example.org/"
    + "/".join(["a-very-long-path-segment-pasted-from-a-browser"] * 6)
    + "?q="
    + "x" * 80
)


def long_page() -> Page:
    return Page(
        f"For {LONG_WORD[:80]}",
        "Written out today.",
        [
            Heading(2, "Part"),
            Paragraph(LONG_WORD),
            Paragraph(f"Address: {LONG_ADDRESS}"),
            Items((Item(LONG_ADDRESS, label="Clinic"), Item(LONG_WORD, label=LONG_WORD[:120]))),
            Heading(3, LONG_WORD),
        ],
    )


def test_the_print_css_wraps_long_words():
    css = re.sub(r"(?s)/\*.*?\*/", "", STYLE)
    rule = re.search(r"([^{}]*)\{[^}]*overflow-wrap: anywhere;[^}]*word-break: break-word;", css)
    assert rule is not None
    selectors = {s.strip() for s in rule.group(1).split(",")}
    assert {"h1", "h2", "h3", "h4", "p", "li"} <= selectors


def printed(page_html: str) -> str:
    """The page laid out by a real print engine: every word printed, after checking none runs off a page."""
    weasyprint = pytest.importorskip("weasyprint")
    from weasyprint.formatting_structure import boxes

    document = weasyprint.HTML(string=page_html).render()
    assert document.pages
    for page in document.pages:
        page_box = getattr(page, "_page_box", None)
        if page_box is None:
            pytest.skip("this WeasyPrint does not show its page boxes")
        right = page_box.content_box_x() + page_box.width
        texts = [box for box in page_box.descendants() if isinstance(box, boxes.TextBox)]
        assert texts
        past = [box.text[:20] for box in texts if box.position_x + box.width > right + 0.5]
        assert not past, f"text runs off the page: {past}"
    return "".join(
        box.text
        for page in document.pages
        for box in page._page_box.descendants()
        if isinstance(box, boxes.TextBox)
    )


def test_a_real_print_engine_keeps_long_words_on_the_page():
    words = printed(to_html(long_page()))
    assert words.count("b") >= 300, "every letter of the long word is printed"


def test_a_danish_printout_of_everything_fits_the_page(tmp_path, danish):
    pytest.importorskip("weasyprint")
    database = Database.read_only(demo_folder(tmp_path, years=1))
    words = printed(render(shared_page(database, Choice()), "html"))
    assert "Cirklerne fra mig og udad" in words and "hvor jeg startede" in words

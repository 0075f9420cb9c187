"""Escaped text renders as exactly the text in CommonMark, GitHub-style and pandoc-like renderers.

A GitHub-style viewer turns addresses into links (linkify) and ~~x~~ into
strikethrough; pandoc's default Markdown makes math ($x$), superscripts (^2^),
subscripts (~2~) and citations (@smith). None of that may come from what the
person wrote.
"""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.subscript import sub_plugin
from mdit_py_plugins.superscript import superscript_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from imr_companion.export.escape import markdown_inline, markdown_text

COMMONMARK = MarkdownIt("commonmark")
GITHUB = MarkdownIt("gfm-like")  # tables, strikethrough, and linkify (with linkify-it-py)
PANDOC_LIKE = (
    MarkdownIt("commonmark")
    .use(dollarmath_plugin)
    .use(superscript_plugin)
    .use(sub_plugin)
    .use(footnote_plugin)
    .use(tasklists_plugin)
)
RENDERERS = {"commonmark": COMMONMARK, "github": GITHUB, "pandoc-like": PANDOC_LIKE}
# Only paragraphs, hard breaks and text may come out of the person's words.
ALLOWED = {"paragraph_open", "paragraph_close", "inline", "text", "hardbreak", "softbreak", "text_special"}

HOSTILE = [
    "Write to sam@example.org or mail me",
    "See www.example.com and example.com/page",
    "https://example.org/a_b_c?x=1&y=2",
    "<https://example.org>",
    "mailto:sam@example.org",
    "It costs $5 and then $10",
    "$x^2$ and $$y$$",
    "E = mc^2^ and H~2~O",
    "~~struck~~ and ~one~",
    "a | table | row",
    "[link](http://x.org) ![img](y.png) [^1]",
    "*em* _em_ **strong** __strong__",
    "`code` and ``more``",
    "&amp; &lt;b&gt; &#35; &copy;",
    "<b>bold</b> <!-- c --> <img src=x>",
    "# heading",
    "- item",
    "+ item",
    "1. numbered",
    "3) numbered",
    "a) lettered",
    "iv. roman",
    "(1) bracketed",
    "> quote",
    ": definition",
    "=== setext",
    "---",
    "- [ ] task",
    "Meet at 10:30 :smile: :+1:",
    "@smith says [@doe, p. 4]",
    "back\\slash \\*escaped\\*",
    "trailing backslash \\",
    "ends with two spaces  ",
]


def plain(markdown: str, renderer: MarkdownIt) -> str:
    rendered = re.sub(r"<[^>]+>", " ", renderer.render(markdown))
    return " ".join(html.unescape(rendered).split())


def structure(markdown: str, renderer: MarkdownIt) -> set[str]:
    tokens = renderer.parse(markdown)
    return {t.type for token in tokens for t in [token, *(token.children or [])]} - ALLOWED


@pytest.mark.parametrize("name", RENDERERS)
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_typed(name: str, text: str):
    renderer = RENDERERS[name]
    escaped = markdown_inline(text)
    assert structure(escaped, renderer) == set(), escaped
    assert plain(escaped, renderer) == " ".join(text.split())


def test_an_address_is_not_a_link_on_github():
    rendered = GITHUB.render(markdown_inline("sam@example.org, www.example.com, https://example.org"))
    assert "<a " not in rendered
    assert "sam@example.org" in rendered and "www.example.com" in rendered


def test_money_and_powers_are_not_math_or_superscripts():
    rendered = PANDOC_LIKE.render(markdown_inline("$5 and $6, x^2^ and H~2~O"))
    assert "math" not in rendered and "<sup>" not in rendered and "<sub>" not in rendered


# Every ASCII character and a few that renderers care about, in runs that look like what people paste.
PIECES = st.one_of(
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=12),
    st.sampled_from(
        ["http://", "https://", "www.", ".com", "@", "mailto:", "example.org", "$", "^", "~~", "1.", "a)"]
    ),
    st.text(alphabet="æøåÆØÅ é中", max_size=3),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=8).map("".join))
@example("x@y.co")
@example("www.a.b")
@example("0+.AC")  # linkify took it as an address
@example("a. b")
def test_any_line_renders_as_typed_everywhere(text: str):
    escaped = markdown_inline(text)
    for renderer in RENDERERS.values():
        assert structure(escaped, renderer) == set(), escaped
        assert plain(escaped, renderer) == " ".join(text.split()), escaped


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(PIECES, max_size=5).map("".join), min_size=1, max_size=4).map("\n".join))
def test_lines_keep_their_breaks_and_nothing_else(text: str):
    escaped = markdown_text(text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    expected = " ".join(line for line in lines if line)
    for renderer in RENDERERS.values():
        assert structure(escaped, renderer) == set(), escaped
        assert plain(escaped, renderer) == " ".join(expected.split()), escaped

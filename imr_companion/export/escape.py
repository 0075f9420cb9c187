"""The person's text made safe for Markdown: shown as typed, never read as structure.

Pure functions, shared by every writer of Markdown (and of HTML made from it).
CommonMark lets a backslash escape any ASCII punctuation, so escaped text
renders exactly as typed, whatever it holds: no heading, list, quote, rule,
table, link, emphasis, code or HTML can come from it. The common extensions
are covered too: GitHub's autolinks (web and e-mail addresses, a bare
"example.com" in linkify), strikethrough and emoji (":smile:"), and pandoc's
math ("$x$"), superscript ("^2^"), subscript ("~2~"), citations ("@smith"),
and lists numbered by letters ("a)").
"""

from __future__ import annotations

import re

# Characters that can start or end inline markup, HTML, an entity, a table cell,
# an address (@), math ($) or a superscript (^).
_INLINE = re.compile(r"([\\`*_\[\]<>&|~#@$^!])")
# A viewer would turn an address into a link, or ":name:" into an emoji: a backslash
# before a dot followed by a letter (example.com, "a+.ac", not 2.5) or a colon before a
# character keeps them text. Whatever comes before the dot: linkify also takes "0+.ac".
_AUTOLINK = re.compile(r"\.(?=[^\W\d_])|:(?=\S)")
# What makes a line a heading, quote, list item, rule, setext underline, fence, definition,
# or (in pandoc) a list numbered by a letter or a roman number: "a.", "iv)".
_LINE_START = re.compile(r"^(\s*)([-+=>:(]|(?:\d+|[A-Za-z]|[ivxlcdmIVXLCDM]+)[.)](?=\s|$))")


def markdown_inline(text: str) -> str:
    """`text` on one line, its inline markup escaped (for titles, list items, table cells)."""
    return _escape_line(" ".join(text.split()))


def markdown_text(text: str) -> str:
    """`text` with its line breaks kept as hard breaks, every line escaped."""
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n")]
    return "  \n".join(_escape_line(line) for line in lines if line)


def _escape_line(line: str) -> str:
    escaped = _INLINE.sub(r"\\\1", line)
    escaped = _AUTOLINK.sub(lambda m: "\\" + m.group(0), escaped)
    # Block markers count only at the start of a line: "1." or "-" mid-sentence is plain text.
    return _LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), escaped, count=1)


def _escape_marker(marker: str) -> str:
    # "12." becomes "12\." and "a)" "a\)" (a list number needs its dot or bracket); "-", "+", "=", ">", ":"
    # and "(" get a backslash.
    return marker[:-1] + "\\" + marker[-1] if marker[0].isalnum() else "\\" + marker

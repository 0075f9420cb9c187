"""The rules for text a person types or pastes: how long it may be, and which characters can be kept.

Plain Python, apart from the models (which check them) and the fields (which
apply them to a paste), so that what is drawn before pydantic is imported
(Today's field, the first-run welcome) can use them too.
"""

from __future__ import annotations

import re

# Generous limits: long enough for anything a person writes by hand, short
# enough that a stray paste cannot make the data file unwieldy.
SHORT_TEXT = 200
LONG_TEXT = 4000

# Lone surrogates cannot be written as UTF-8; control characters (Unicode
# category Cc, except newline and tab) are invisible and break the screen.
SURROGATE = re.compile("[\ud800-\udfff]")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def pasted(text: str, keep_lines: bool) -> str:
    """Text pasted from elsewhere, made fit for a field, with nothing silently cut.

    Invisible control characters are removed (nobody can take them out by
    hand); joiners and other formatting characters that build emoji and
    scripts are kept. A one-line field gets the lines joined with spaces
    (a space it begins or ends with stays, so it cannot glue two words);
    a field that holds lines keeps them. The length is left alone: a field
    that is over its limit says so when it is saved.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = SURROGATE.sub("", CONTROL.sub("", text))
    if keep_lines:
        return text
    lines = (" ".join(line.split()) for line in text.split("\n"))
    joined = " ".join(line for line in lines if line)
    # A space the paste begins or ends with keeps words apart from the text around the cursor
    # ("Walk before" + " breakfast"); a line break there is only the end of a copied line.
    before = " " if joined and text[:1] in (" ", "\t") else ""
    after = " " if joined and text[-1:] in (" ", "\t") else ""
    return before + joined + after

"""What the gate finds wrong with a record, and the values it keeps as text: what both the gate
(gate.py) and the record check done in steps (checking.py) speak of, below them both."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from imr_companion.i18n import N_
from imr_companion.store.files.storage import encode

if TYPE_CHECKING:
    from pydantic import ValidationError

Document = dict[str, dict[str, Any]]

# Why a record is refused: kept in English with what is set aside (stored words never
# depend on the language), and said in the person's language by gate.reason_words() where shown.
NO_ID = N_("no id")
PROBLEM_WITH = "problem with: "


class Unstorable(str):
    """A value read from a file that cannot be written back as it was (NaN, an
    overlong number, a key given twice), kept as its text so nothing is lost."""


def encodable(value: Any) -> bool:
    """Whether the data file's writer can write `value` as a set-aside record (four levels down)."""
    try:
        encode([[[value]]])  # type: ignore[arg-type]  # not a document: three levels of lists put value where a record's field is
    except (TypeError, ValueError):
        return False
    return True


@dataclass
class Problem:
    """A record the gate refuses: where it is and why, in words without its content."""

    table: str
    key: str
    reason: str
    record: Any = field(default=None, compare=False, repr=False)
    """The entry as it was found: a problem found before a save is set right only if it is still there."""


def holds_unstorable(value: Any) -> bool:
    if isinstance(value, Unstorable):
        return True
    if isinstance(value, dict):
        return any(isinstance(k, Unstorable) or holds_unstorable(v) for k, v in value.items())
    if isinstance(value, list):
        return any(holds_unstorable(item) for item in value)
    return False


def shown_safely(text: object, limit: int = 60) -> str:
    """Text from a file made safe to print: invisible and control characters (a terminal's escape
    sequences) shown as escapes, lone surrogates too, and no longer than `limit`."""
    shown = "".join(
        c if c.isprintable() and not 0xD800 <= ord(c) <= 0xDFFF else f"\\u{ord(c):04x}" for c in str(text)
    )
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def validation_reason(error: ValidationError) -> str:
    # Field names come from the file: a name can hold anything, a terminal's escape sequences too.
    fields = sorted({shown_safely(".".join(map(str, e["loc"]))) or "record" for e in error.errors()})
    return PROBLEM_WITH + ", ".join(fields)

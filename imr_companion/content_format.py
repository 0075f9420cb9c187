"""The handout file format, read into plain data: front matter, sections, markers and ids.

`content.parse_handout()` turns what this reads into checked handouts; this module
knows only the shape of the file (CONTENT.md), so a writer's mistake is named
with its file and line, and the small checks (`text`, `number`, `record`...)
that `content` declares each field with.

Not pydantic: the handouts are read on Today and in Handouts, and pydantic's
import and models cost more than the eleven files (tests/content/models.py
keeps the same rules as pydantic models, and a test holds both to the same
result for every module).
"""

# No `from __future__ import annotations` here: a NamedTuple's string annotations are each
# compiled as its class is made (typing.ForwardRef), ~3 ms of this import on the way to Today's cards.

import re
import tomllib
from collections.abc import Callable
from typing import Any, NamedTuple

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PRACTICE_SECTION = "try-this-week"
"""The id of every module's last section; its heading is the file's language's
('Try this week', 'Prøv i denne uge': FIXED_WORDS)."""
ALL_SHEETS = "all"
"""A person's sheet choice meaning 'show me every sheet'."""


class FixedWords(NamedTuple):
    """The words of a handout's fixed parts, in the language of the file.

    Chosen by the folder the file is in, never by the app's language: an
    English module shown in a Danish app keeps its English headings, and a
    Danish module its Danish ones. Not gettext: these belong to the handout.
    """

    practice: str
    """The heading of the section 'try-this-week'."""
    words: str
    """The heading of the module's Words page."""
    words_intro: str
    """The Words page's first line; {number} and {title} are the module's."""
    no_words: str


FIXED_WORDS: dict[str, FixedWords] = {
    "en": FixedWords(
        practice="Try this week",
        words="Words",
        words_intro="Words from module {number}, {title}, and what they mean.",
        no_words="This module has no words to explain.",
    ),
    "da": FixedWords(
        practice="Prøv i denne uge",
        words="Ord",
        words_intro="Ord fra modul {number}, {title}, og hvad de betyder.",
        no_words="Der er ingen svære ord at forklare i dette modul.",
    ),
}


def fixed_words(language: str) -> FixedWords:
    """The fixed words of a handout written in `language`; ContentError for a language without them."""
    try:
        return FIXED_WORDS[language]
    except KeyError:
        raise ContentError(
            f"There are no fixed words (such as 'Try this week') for the language '{language}'."
        ) from None


class ContentError(Exception):
    """A handout file does not follow the format; str() names the file and the problem."""


MARKER_LINE = re.compile(r"^[ \t]*<!--.*?-->[ \t]*\n?", re.MULTILINE)
_MARKER = re.compile(r"^<!--\s*(exercise|sheet|section):\s*(\S+)\s*-->$")
_ID = re.compile(ID_PATTERN)
_ID_AND_TEXT = re.compile(r"^\s*([^:\s]+)\s*:\s*(.*)$", re.DOTALL)


def bad_id(ident: str, longest: int = 30) -> str:
    """Why `ident` cannot be an id, or ''."""
    if not _ID.match(ident):
        return f"'{ident}' is not an id: use small letters a-z, digits and single '-'"
    if len(ident) > longest:
        return f"the id '{ident}' is longer than {longest} characters"
    return ""


def _with_ids(items: object, where: str, problems: list[str]) -> object:
    """`["id: words", ...]` from the file as [{"id", "text"}], each id checked and unique here."""
    if not isinstance(items, list):
        return items  # the model says what is wrong
    parsed: list[object] = []
    for item in items:
        found = _ID_AND_TEXT.match(item) if isinstance(item, str) else None
        if found is None:
            problems.append(f'{where}: write each one as "id: the words" ({item!r} has no id)')
            parsed.append(item)
            continue
        ident, text = found.group(1), found.group(2).strip()
        bad = bad_id(ident)
        if bad:
            problems.append(f"{where}: {bad}")
        parsed.append({"id": ident, "text": text})
    ids = [p["id"] for p in parsed if isinstance(p, dict)]
    problems += [f"{where}: the id '{d}' is used twice" for d in duplicates(ids)]
    return parsed


def ids_in_front_matter(data: dict, name: str) -> None:
    problems: list[str] = []
    if "practice" in data:
        data["practice"] = _with_ids(data["practice"], "practice", problems)
    exercises = data.get("exercises")
    for number, exercise in enumerate(exercises if isinstance(exercises, list) else []):
        if isinstance(exercise, dict) and "options" in exercise:
            label = f"exercise '{exercise.get('id', number + 1)}' options"
            exercise["options"] = _with_ids(exercise["options"], label, problems)
    if problems:
        raise ContentError(f"{name}: " + "; ".join(problems) + ".")


def front_matter(text: str, name: str) -> tuple[dict, str, int]:
    """(front matter, body, line number where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "+++":
        raise ContentError(f"{name}: the file must start with a '+++' line (TOML front matter).")
    for end in range(1, len(lines)):
        if lines[end].strip() == "+++":
            break
    else:
        raise ContentError(f"{name}: the front matter has no closing '+++' line.")
    try:
        data = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{name}: the front matter is not valid TOML ({error}).") from None
    return data, "\n".join(lines[end + 1 :]), end + 2


def sections(body: str, first_line: int, name: str) -> list[dict]:
    sections: list[dict] = []
    current: dict | None = None
    for number, line in enumerate(body.split("\n"), start=first_line):
        where = f"{name}, line {number}"
        if line.startswith("## "):
            if current is not None and current["id"] is None:
                raise ContentError(
                    f"{where}: the section '{current['title']}' above needs '<!-- section: ID -->' "
                    "on the line right after its heading."
                )
            current = {
                "title": line[3:].strip(),
                "lines": [],
                "id": None,
                "sheet": None,
                "exercises": [],
                "at": number,
            }
            sections.append(current)
            continue
        if line.startswith("# "):
            raise ContentError(f"{where}: use '## ' for a section heading; '# ' is not used in handouts.")
        if current is None:
            if line.strip():
                raise ContentError(f"{where}: text before the first '## ' section heading.")
            continue
        stripped = line.strip()
        if stripped.startswith("<!--"):
            marker = _MARKER.match(stripped)
            if marker is None:
                raise ContentError(
                    f"{where}: unknown comment; only '<!-- section: ID -->', '<!-- sheet: ID -->' and "
                    "'<!-- exercise: ID -->' are used."
                )
            kind, ident = marker.groups()
            bad = bad_id(ident, longest=80 if kind == "section" else 30)
            if bad:
                raise ContentError(f"{where}: {bad}.")
            if kind == "section":
                if number != current["at"] + 1:
                    raise ContentError(
                        f"{where}: a section marker goes on the line right after its '## ' heading."
                    )
                current["id"] = ident
            elif kind == "sheet":
                if number != current["at"] + 2 or current["id"] is None:
                    raise ContentError(
                        f"{where}: a sheet marker goes on the line right after the section marker."
                    )
                current["sheet"] = ident
            else:
                current["exercises"].append(ident)
        if number == current["at"] + 1 and current["id"] is None:
            raise ContentError(
                f"{where}: the section '{current['title']}' needs its id on the line right after "
                "the heading, for example '<!-- section: what-recovery-can-mean -->'."
            )
        current["lines"].append(line)
    if current is not None and current["id"] is None:
        raise ContentError(f"{name}: the last section '{current['title']}' needs its '<!-- section: ID -->'.")
    return sections


def duplicates(values: list[str]) -> list[str]:
    return sorted({v for v in values if values.count(v) > 1})


def check_handout(handout: Any, name: str) -> None:
    """What each field alone cannot show: how sections, markers, exercises and sheets fit together."""
    heading = fixed_words(handout.language).practice
    if not handout.sections:
        raise ContentError(f"{name}: there are no '## ' sections.")
    problems: list[str] = []
    for label, ids in (
        ("section id", [s.id for s in handout.sections]),
        ("exercise id", [e.id for e in handout.exercises]),
        ("sheet id", [s.id for s in handout.sheets]),
        ("word", [w.word.casefold() for w in handout.words]),
    ):
        problems += [f"the {label} '{d}' is used twice" for d in duplicates(ids)]
    if any(s.id == ALL_SHEETS for s in handout.sheets):
        problems.append(f"'{ALL_SHEETS}' cannot be a sheet id")
    declared = {e.id for e in handout.exercises}
    placed = [ident for s in handout.sections for ident in s.exercises]
    for section in handout.sections:
        for ident in section.exercises:
            if ident not in declared:
                problems.append(f"section '{section.title}' places exercise '{ident}', which is not declared")
        if section.sheet is not None and handout.sheet(section.sheet) is None:
            problems.append(f"section '{section.title}' names sheet '{section.sheet}', which is not declared")
        if not MARKER_LINE.sub("", section.source).strip():
            problems.append(f"section '{section.title}' has no text")
    for exercise in handout.exercises:
        count = placed.count(exercise.id)
        if count != 1:
            problems.append(f"exercise '{exercise.id}' is placed {count} times (it should be once)")
    for sheet in handout.sheets:
        if not any(s.sheet == sheet.id for s in handout.sections):
            problems.append(f"sheet '{sheet.id}' has no sections")
    last = handout.sections[-1]
    if not last.is_practice or any(s.is_practice for s in handout.sections[:-1]):
        problems.append(
            f"the last section, and only that one, should be '{PRACTICE_SECTION}' ('## {heading}')"
        )
    elif last.sheet is not None or last.exercises:
        problems.append(f"'{heading}' belongs to everyone and has no exercises")
    # The heading is the language's own: the practice section reads the same in every module.
    for section in handout.sections:
        if section.is_practice != (section.title == heading):
            problems.append(
                f"the section '{PRACTICE_SECTION}', and only that one, is headed '## {heading}' in this "
                f"language ('{section.title}' is not)"
                if section.is_practice
                else f"the section '{section.id}' is headed '## {heading}', which is for '{PRACTICE_SECTION}'"
            )
    if problems:
        raise ContentError(f"{name}: " + "; ".join(problems) + ".")


# --- Checking the front matter's values -----------------------------------------
# Each check takes (value, where, problems): it returns the value as kept, or adds
# "where: what is wrong" to problems. `where` is the value's place, ("exercises", 0, "kind"),
# written out only for a mistake (said as pydantic says it: "exercises.0.kind").

Where = tuple[str | int, ...]
Check = Callable[[Any, Where, list[str]], Any]
REQUIRED = object()
"""A field's default meaning 'the file must give it'."""


def _say(where: Where, words: str) -> str:
    return f"{'.'.join(map(str, where)) or 'front matter'}: {words}"


def text(least: int = 0, most: int | None = None, pattern: str | None = None) -> Check:
    shape = re.compile(pattern) if pattern else None

    def check(value: Any, where: Where, problems: list[str]) -> Any:
        if not isinstance(value, str):
            problems.append(_say(where, "should be text"))
        elif len(value) < least:
            problems.append(_say(where, f"should have at least {least} character{'s' * (least != 1)}"))
        elif most is not None and len(value) > most:
            problems.append(_say(where, f"should have at most {most} characters"))
        elif shape is not None and not shape.match(value):
            problems.append(_say(where, f"should match the pattern '{pattern}'"))
        return value

    return check


def number(least: int, most: int) -> Check:
    def check(value: Any, where: Where, problems: list[str]) -> Any:
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(_say(where, "should be a whole number"))
        elif not least <= value <= most:
            problems.append(_say(where, f"should be from {least} to {most}"))
        return value

    return check


def flag(value: Any, where: Where, problems: list[str]) -> Any:
    if not isinstance(value, bool):
        problems.append(_say(where, "should be true or false"))
    return value


def one_of(*allowed: str) -> Check:
    def check(value: Any, where: Where, problems: list[str]) -> Any:
        if value not in allowed:
            problems.append(_say(where, f"should be one of {', '.join(map(repr, allowed))}"))
        return value

    return check


def optional(inner: Check) -> Check:
    def check(value: Any, where: Where, problems: list[str]) -> Any:
        return None if value is None else inner(value, where, problems)

    return check


def many(inner: Check, least: int = 0, most: int | None = None) -> Check:
    """A list (or tuple) whose every item passes `inner`, kept as a tuple."""

    def check(value: Any, where: Where, problems: list[str]) -> Any:
        if not isinstance(value, list | tuple):
            problems.append(_say(where, "should be a list"))
            return value
        if len(value) < least:
            problems.append(_say(where, f"should have at least {least} item{'s' * (least != 1)}"))
        if most is not None and len(value) > most:
            problems.append(_say(where, f"should have at most {most} items"))
        return tuple(inner(item, (*where, index), problems) for index, item in enumerate(value))

    return check


def record(make: Callable[..., Any], fields: dict[str, tuple[Check, Any]]) -> Check:
    """A table of the front matter made into `make(**fields)`: every field checked, those without a
    default required, no other names allowed. `make` may raise ValueError for how fields fit together."""

    def check(value: Any, where: Where, problems: list[str]) -> Any:
        if not isinstance(value, dict):
            problems.append(_say(where, "should be a table"))
            return value
        before = len(problems)
        kept: dict[str, Any] = {}
        for name, (inner, default) in fields.items():
            if name in value:
                kept[name] = inner(value[name], (*where, name), problems)
            elif default is REQUIRED:
                problems.append(_say((*where, name), "Field required"))
        problems += [_say((*where, name), "is not a field here") for name in value if name not in fields]
        if len(problems) > before:
            return value
        try:
            return make(**kept)
        except ValueError as error:
            problems.append(_say(where, str(error)))
            return value

    return check

"""The handout file format, read into plain data: front matter, sections, markers and ids.

`content.parse_handout()` turns what this reads into checked models; this module
knows only the shape of the file (CONTENT.md), so a writer's mistake is named
with its file and line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


@dataclass(frozen=True)
class FixedWords:
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

"""The IMR handouts: one Markdown file per module, read into models.

A handout file is TOML front matter between `+++` lines, then Markdown whose
`## ` headings are the sections (see CONTENT.md). Exercises are declared in
the front matter and placed after a section's text with a marker line
`<!-- exercise: ID -->`; a section that belongs to one sheet (module 2 has
one sheet per diagnosis) carries `<!-- sheet: ID -->` on the line right after
its heading. Every module ends with a `## Try this week` section.

The front matter may also hold a `[[words]]` array of tables (`word`,
`meaning`): the clinical or service words of the module, explained in plain
words. The reader shows them as the module's Words page
(`Handout.words_markdown()`).

Pure: never imports Textual. The files are parsed once and kept; a section's
Markdown is only a slice of its file, so nothing is rendered here.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

LANGUAGE = "en"
PRACTICE_HEADING = "Try this week"
WORDS_HEADING = "Words"
ALL_SHEETS = "all"
"""A person's sheet choice meaning 'show me every sheet'."""

ExerciseKind = Literal["text", "list", "checklist", "choice", "rating", "tool"]
ToolName = Literal["goals", "network", "plan", "moments"]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=30)]
Words = Annotated[str, Field(min_length=1, max_length=200)]


class ContentError(Exception):
    """A handout file does not follow the format; str() names the file and the problem."""


class _Content(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Exercise(_Content):
    id: Slug
    kind: ExerciseKind
    prompt: Words
    hint: str = Field("", max_length=300)
    options: tuple[Words, ...] = ()
    """checklist and choice: what the person can pick."""
    allow_other: bool = False
    """checklist: a line for 'something else' in the person's own words."""
    low: str = Field("", max_length=40)
    high: str = Field("", max_length=40)
    """rating: the words at the 1 and 5 ends of the scale."""
    tool: ToolName | None = None
    """tool: the area of the app where this exercise is done."""

    @model_validator(mode="after")
    def _fits_kind(self) -> Exercise:
        picks = self.kind in ("checklist", "choice")
        if picks and len(self.options) < 2:
            raise ValueError(f"a {self.kind} needs at least two options")
        if picks and len(set(self.options)) != len(self.options):
            raise ValueError("the same option is listed twice")
        if not picks and self.options:
            raise ValueError(f"a {self.kind} has no options")
        if self.allow_other and self.kind != "checklist":
            raise ValueError("only a checklist can allow 'other'")
        if (self.kind == "rating") != bool(self.low and self.high):
            raise ValueError("a rating needs both 'low' and 'high' words, and nothing else has them")
        if (self.kind == "tool") != (self.tool is not None):
            raise ValueError("a tool exercise needs 'tool', and nothing else has it")
        return self


class Word(_Content):
    """A word from the module, explained in plain words on its Words page."""

    word: Annotated[str, Field(min_length=1, max_length=60)]
    """As the module writes it, so the reader can find it in the text."""
    meaning: Words


class Sheet(_Content):
    id: Slug
    title: Words


class Section(_Content):
    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
    """The heading as a slug: what reading progress remembers."""
    title: str
    source: str
    """The Markdown under the heading, markers included."""
    sheet: str | None = None
    exercises: tuple[str, ...] = ()
    """Ids of the exercises placed after this section's text, in order."""

    @property
    def markdown(self) -> str:
        """The section as the person reads it: its heading and text, without markers."""
        body = _MARKER_LINE.sub("", self.source).strip()
        return f"## {self.title}\n\n{body}\n"

    @property
    def is_practice(self) -> bool:
        return self.title == PRACTICE_HEADING


class Handout(_Content):
    id: Slug
    number: int = Field(ge=1, le=99)
    title: Words
    summary: Words
    minutes: int = Field(ge=1, le=120)
    practice: tuple[Words, ...] = Field(min_length=1, max_length=3)
    """The 'Try this week' tasks a person can add to this week's practice."""
    sheets: tuple[Sheet, ...] = ()
    exercises: tuple[Exercise, ...] = ()
    words: tuple[Word, ...] = ()
    """The module's Words page, in the order the file gives them."""
    sections: tuple[Section, ...] = ()

    def exercise(self, exercise_id: str) -> Exercise | None:
        return next((e for e in self.exercises if e.id == exercise_id), None)

    def sheet(self, sheet_id: str | None) -> Sheet | None:
        return next((s for s in self.sheets if s.id == sheet_id), None)

    def words_markdown(self) -> str:
        """The module's Words page as Markdown: a heading, then each word with its meaning."""
        intro = f"Words from module {self.number}, {self.title}, and what they mean."
        lines = [f"## {WORDS_HEADING}", "", intro, ""]
        if not self.words:
            lines.append("This module has no words to explain.")
        lines += [f"- **{w.word}**: {w.meaning}" for w in self.words]
        return "\n".join(lines) + "\n"

    def sections_for(self, sheet: str | None) -> list[Section]:
        """The sections a person reads: the shared ones and their own sheet's.

        Before a sheet is chosen (None), and for ALL_SHEETS, every section.
        """
        if sheet is None or sheet == ALL_SHEETS or self.sheet(sheet) is None:
            return list(self.sections)
        return [s for s in self.sections if s.sheet in (None, sheet)]


# --- Parsing ----------------------------------------------------------------

_MARKER_LINE = re.compile(r"^[ \t]*<!--.*?-->[ \t]*\n?", re.MULTILINE)
_MARKER = re.compile(r"^<!--\s*(exercise|sheet):\s*([a-z0-9-]+)\s*-->$")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _NOT_SLUG.sub("-", text.lower()).strip("-")


def _front_matter(text: str, name: str) -> tuple[dict, str, int]:
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


def _sections(body: str, first_line: int, name: str) -> list[dict]:
    sections: list[dict] = []
    current: dict | None = None
    for number, line in enumerate(body.split("\n"), start=first_line):
        where = f"{name}, line {number}"
        if line.startswith("## "):
            current = {"title": line[3:].strip(), "lines": [], "sheet": None, "exercises": [], "at": number}
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
                    f"{where}: unknown comment; only '<!-- exercise: ID -->' and "
                    "'<!-- sheet: ID -->' are used."
                )
            kind, ident = marker.groups()
            if kind == "sheet":
                if number != current["at"] + 1:
                    raise ContentError(f"{where}: a sheet marker goes on the line right after the heading.")
                current["sheet"] = ident
            else:
                current["exercises"].append(ident)
        current["lines"].append(line)
    return sections


def parse_handout(text: str, name: str = "handout") -> Handout:
    """A checked Handout from the text of a handout file, or ContentError saying what is wrong."""
    text = text.replace("\r\n", "\n")
    data, body, first_line = _front_matter(text, name)
    raw_sections = _sections(body, first_line, name)
    data["sections"] = [
        {
            "id": slug(s["title"]),
            "title": s["title"],
            "source": "\n".join(s["lines"]).strip("\n"),
            "sheet": s["sheet"],
            "exercises": s["exercises"],
        }
        for s in raw_sections
    ]
    try:
        handout = Handout.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'front matter'}: {e['msg']}" for e in error.errors()
        )
        raise ContentError(f"{name}: {problems}") from None
    _check(handout, name)
    return handout


def _duplicates(values: list[str]) -> list[str]:
    return sorted({v for v in values if values.count(v) > 1})


def _check(handout: Handout, name: str) -> None:
    """What the models alone cannot see: how sections, markers, exercises and sheets fit together."""
    if not handout.sections:
        raise ContentError(f"{name}: there are no '## ' sections.")
    problems: list[str] = []
    for label, ids in (
        ("section heading", [s.id for s in handout.sections]),
        ("exercise id", [e.id for e in handout.exercises]),
        ("sheet id", [s.id for s in handout.sheets]),
        ("word", [w.word.casefold() for w in handout.words]),
    ):
        problems += [f"the {label} '{d}' is used twice" for d in _duplicates(ids)]
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
        if not _MARKER_LINE.sub("", section.source).strip():
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
        problems.append(f"the last section, and only that one, should be '## {PRACTICE_HEADING}'")
    elif last.sheet is not None or last.exercises:
        problems.append(f"'{PRACTICE_HEADING}' belongs to everyone and has no exercises")
    if problems:
        raise ContentError(f"{name}: " + "; ".join(problems) + ".")


# --- Loading ----------------------------------------------------------------


def folder(language: str = LANGUAGE) -> Traversable:
    """Where the handout files are: inside the installed package, else the source checkout."""
    packaged = resources.files("imr_companion").joinpath("content", language)
    if packaged.is_dir():
        return packaged
    # An editable install or a source checkout: the top-level content/ folder.
    return Path(__file__).resolve().parent.parent / "content" / language


@functools.cache
def _files(language: str) -> dict[str, Traversable]:
    """The handout files by name ('03-stress-vulnerability.md'), without reading them."""
    return {entry.name: entry for entry in folder(language).iterdir() if entry.name.endswith(".md")}


@functools.cache
def _read(name: str, language: str) -> Handout:
    handout = parse_handout(_files(language)[name].read_text(encoding="utf-8"), name)
    expected = f"{handout.number:02d}-{handout.id}.md"
    if name != expected:
        raise ContentError(f"{name}: the file should be named {expected} (number and id).")
    return handout


@functools.cache
def library(language: str = LANGUAGE) -> tuple[Handout, ...]:
    """Every handout, by module number. Read once; raises ContentError for a broken file."""
    handouts = sorted((_read(name, language) for name in _files(language)), key=lambda h: h.number)
    numbers = [h.number for h in handouts]
    if numbers != list(range(1, len(handouts) + 1)):
        raise ContentError(f"The modules should be numbered 1 to {len(handouts)} without gaps: {numbers}.")
    return tuple(handouts)


def handout(handout_id: str, language: str = LANGUAGE) -> Handout | None:
    """One handout, reading only its own file (Today needs one, not all eleven)."""
    for name in _files(language):
        # Files are named 'NN-<id>.md' (checked when read).
        if name[3:-3] == handout_id:
            return _read(name, language)
    return None

"""The IMR handouts: one Markdown file per module, read into models.

A handout file is TOML front matter between `+++` lines, then Markdown whose
`## ` headings are the sections (see CONTENT.md). Exercises are declared in
the front matter and placed after a section's text with a marker line
`<!-- exercise: ID -->`.

Everything an answer or a reading mark refers to has an id written in the
file, so that no stored record depends on the wording in one language: each
section has `<!-- section: ID -->` on the line right after its heading (the
sheet marker, for a section that belongs to one sheet, on the line after
that; module 2 has one sheet per diagnosis, module 9 one per symptom that
stays), and each checklist or choice option and each 'Try this week' task
is written `"ID: the words"`. Every module ends with the section
`try-this-week`.

The files live in `content/<language>/`; a module missing in a language is
read from English (`FALLBACK`), and says so in `Handout.language`.

The front matter may also hold a `[[words]]` array of tables (`word`,
`meaning`): the clinical or service words of the module, explained in plain
words. The reader shows them as the module's Words page
(`Handout.words_markdown()`).

Pure: never imports Textual. The files are parsed once and kept; a section's
Markdown is only a slice of its file, so nothing is rendered here.
"""

from __future__ import annotations

import functools
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from imr_companion.content_format import (
    ID_PATTERN,
    MARKER_LINE,
    ContentError,
    duplicates,
    fixed_words,
    front_matter,
    ids_in_front_matter,
    sections,
)

LANGUAGE = "en"
FALLBACK = "en"
"""The language every module is written in; other languages fall back to it per module."""
PRACTICE_SECTION = "try-this-week"
"""The id of every module's last section; its heading is the file's language's
('Try this week', 'Prøv i denne uge': content_format.FIXED_WORDS)."""
ALL_SHEETS = "all"
"""A person's sheet choice meaning 'show me every sheet'."""

ExerciseKind = Literal["text", "list", "checklist", "choice", "rating", "tool"]
ToolName = Literal["goals", "network", "plan", "moments"]
Slug = Annotated[str, Field(pattern=ID_PATTERN, max_length=30)]
Words = Annotated[str, Field(min_length=1, max_length=200)]


class _Content(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Content):
    """Something a person can pick, or a task they can add: an id that stays, words that may change."""

    id: Slug
    text: Words


class Exercise(_Content):
    id: Slug
    kind: ExerciseKind
    prompt: Words
    hint: str = Field("", max_length=300)
    options: tuple[Option, ...] = ()
    """checklist and choice: what the person can pick. Answers store the ids."""
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
        if picks and len({o.text for o in self.options}) != len(self.options):
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

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    def picked_words(self, option_ids: list[str]) -> list[str]:
        """The words of the options picked, in the order given; an id this content no longer has
        is shown as the id itself, so a stored pick is never hidden."""
        return [o.text if (o := self.option(ident)) else ident for ident in option_ids]


def picked_words(exercise: Exercise | None, option_ids: list[str], unmatched: list[str]) -> list[str]:
    """What a person ticked or chose, as words: the options' words from the handout (its id where the
    handout has no such option, or no longer exists), then words kept from before options had ids."""
    shown = exercise.picked_words(option_ids) if exercise else list(option_ids)
    return [*shown, *unmatched]


class Word(_Content):
    """A word from the module, explained in plain words on its Words page."""

    word: Annotated[str, Field(min_length=1, max_length=60)]
    """As the module writes it, so the reader can find it in the text."""
    meaning: Words


class Sheet(_Content):
    id: Slug
    title: Words


class Section(_Content):
    id: Annotated[str, Field(pattern=ID_PATTERN, max_length=80)]
    """Written in the file after the heading: what reading progress remembers."""
    title: str
    source: str
    """The Markdown under the heading, markers included."""
    sheet: str | None = None
    exercises: tuple[str, ...] = ()
    """Ids of the exercises placed after this section's text, in order."""

    @property
    def markdown(self) -> str:
        """The section as the person reads it: its heading and text, without markers."""
        body = MARKER_LINE.sub("", self.source).strip()
        return f"## {self.title}\n\n{body}\n"

    @property
    def is_practice(self) -> bool:
        return self.id == PRACTICE_SECTION


class Handout(_Content):
    id: Slug
    number: int = Field(ge=1, le=99)
    title: Words
    summary: Words
    minutes: int = Field(ge=1, le=120)
    practice: tuple[Option, ...] = Field(min_length=1, max_length=3)
    """The 'Try this week' tasks a person can add to this week's practice."""
    language: str = LANGUAGE
    """The language this module was read in: FALLBACK where the person's language has no file."""
    sheets: tuple[Sheet, ...] = ()
    exercises: tuple[Exercise, ...] = ()
    words: tuple[Word, ...] = ()
    """The module's Words page, in the order the file gives them."""
    sections: tuple[Section, ...] = ()

    def exercise(self, exercise_id: str) -> Exercise | None:
        return next((e for e in self.exercises if e.id == exercise_id), None)

    def suggestion(self, task_id: str) -> Option | None:
        """One of the 'Try this week' tasks, by id."""
        return next((t for t in self.practice if t.id == task_id), None)

    def sheet(self, sheet_id: str | None) -> Sheet | None:
        return next((s for s in self.sheets if s.id == sheet_id), None)

    def words_markdown(self) -> str:
        """The module's Words page as Markdown: a heading, then each word with its meaning.

        In the module's own language, like the words it explains."""
        fixed = fixed_words(self.language)
        intro = fixed.words_intro.format(number=self.number, title=self.title)
        lines = [f"## {fixed.words}", "", intro, ""]
        if not self.words:
            lines.append(fixed.no_words)
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


def parse_handout(text: str, name: str = "handout", language: str = LANGUAGE) -> Handout:
    """A checked Handout from the text of a handout file, or ContentError saying what is wrong."""
    text = text.replace("\r\n", "\n")
    heading = fixed_words(language).practice
    data, body, first_line = front_matter(text, name)
    ids_in_front_matter(data, name)
    raw_sections = sections(body, first_line, name)
    if "language" in data:
        raise ContentError(f"{name}: 'language' is not written in the file; the folder says it.")
    data["language"] = language
    data["sections"] = [
        {
            "id": s["id"],
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
    _check(handout, name, heading)
    return handout


def _check(handout: Handout, name: str, heading: str) -> None:
    """What the models alone cannot see: how sections, markers, exercises and sheets fit together."""
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
    """The handout files by name ('03-stress-vulnerability.md'), without reading them.

    Every module English has, in `language` where that folder has the file, else in English.
    """
    found = {entry.name: entry for entry in _listed(FALLBACK)}
    if language != FALLBACK:
        found.update({entry.name: entry for entry in _listed(language) if entry.name in found})
    return found


def _listed(language: str) -> list[Traversable]:
    place = folder(language)
    if not place.is_dir():
        return []
    return [entry for entry in place.iterdir() if entry.name.endswith(".md")]


@functools.cache
def _read(name: str, language: str) -> Handout:
    entry = _files(language)[name]
    # The fallback's file is read as the fallback's (and cached once for both).
    if language != FALLBACK and entry not in _listed(language):
        return _read(name, FALLBACK)
    handout = parse_handout(entry.read_text(encoding="utf-8"), name, language)
    expected = f"{handout.number:02d}-{handout.id}.md"
    if name != expected:
        raise ContentError(f"{name}: the file should be named {expected} (number and id).")
    return handout


@functools.cache
def library(language: str = LANGUAGE) -> tuple[Handout, ...]:
    """Every handout, by module number, in `language` where it has the module, else in English.

    Read once; raises ContentError for a broken file.
    """
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

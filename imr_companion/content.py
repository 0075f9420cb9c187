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

# No `from __future__ import annotations` here: a NamedTuple's string annotations are each
# compiled as its class is made (typing.ForwardRef), ~3 ms of this import on the way to Today's cards.

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from imr_companion.content_format import (
    ALL_SHEETS,
    ID_PATTERN,
    MARKER_LINE,
    PRACTICE_SECTION,
    REQUIRED,
    ContentError,
    check_handout,
    fixed_words,
    flag,
    front_matter,
    ids_in_front_matter,
    many,
    number,
    one_of,
    optional,
    record,
    sections,
    text,
)

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

LANGUAGE = "en"
FALLBACK = "en"
"""The language every module is written in; other languages fall back to it per module."""

ExerciseKind = Literal["text", "list", "checklist", "choice", "rating", "tool"]
ToolName = Literal["goals", "network", "plan", "moments"]
SLUG = text(pattern=ID_PATTERN, most=30)
WORDS = text(least=1, most=200)

# Plain named tuples (frozen, and made in a tenth of the time a frozen dataclass class takes: 2-3 ms
# on the way to Today's cards), checked by the fields' declarations below each (content_format's
# checks): what a person reads is built without pydantic (see content_format).


class Option(NamedTuple):
    """Something a person can pick, or a task they can add: an id that stays, words that may change."""

    id: str
    text: str


OPTION = record(Option, {"id": (SLUG, REQUIRED), "text": (WORDS, REQUIRED)})


class Exercise(NamedTuple):
    id: str
    kind: ExerciseKind
    prompt: str
    hint: str = ""
    options: tuple[Option, ...] = ()
    """checklist and choice: what the person can pick. Answers store the ids."""
    allow_other: bool = False
    """checklist: a line for 'something else' in the person's own words."""
    low: str = ""
    high: str = ""
    """rating: the words at the 1 and 5 ends of the scale."""
    tool: ToolName | None = None
    """tool: the area of the app where this exercise is done."""

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    def picked_words(self, option_ids: list[str]) -> list[str]:
        """The words of the options picked, in the order given; an id this content no longer has
        is shown as the id itself, so a stored pick is never hidden."""
        return [o.text if (o := self.option(ident)) else ident for ident in option_ids]


def exercise(**fields: Any) -> Exercise:
    """An Exercise whose fields fit together, else ValueError (what the file must say instead)."""
    made = Exercise(**fields)
    picks = made.kind in ("checklist", "choice")
    if picks and len(made.options) < 2:
        raise ValueError(f"a {made.kind} needs at least two options")
    if picks and len({o.text for o in made.options}) != len(made.options):
        raise ValueError("the same option is listed twice")
    if not picks and made.options:
        raise ValueError(f"a {made.kind} has no options")
    if made.allow_other and made.kind != "checklist":
        raise ValueError("only a checklist can allow 'other'")
    if (made.kind == "rating") != bool(made.low and made.high):
        raise ValueError("a rating needs both 'low' and 'high' words, and nothing else has them")
    if (made.kind == "tool") != (made.tool is not None):
        raise ValueError("a tool exercise needs 'tool', and nothing else has it")
    return made


EXERCISE = record(
    exercise,
    {
        "id": (SLUG, REQUIRED),
        "kind": (one_of("text", "list", "checklist", "choice", "rating", "tool"), REQUIRED),
        "prompt": (WORDS, REQUIRED),
        "hint": (text(most=300), ""),
        "options": (many(OPTION), ()),
        "allow_other": (flag, False),
        "low": (text(most=40), ""),
        "high": (text(most=40), ""),
        "tool": (optional(one_of("goals", "network", "plan", "moments")), None),
    },
)


def picked_words(exercise: Exercise | None, option_ids: list[str], unmatched: list[str]) -> list[str]:
    """What a person ticked or chose, as words: the options' words from the handout (its id where the
    handout has no such option, or no longer exists), then words kept from before options had ids."""
    shown = exercise.picked_words(option_ids) if exercise else list(option_ids)
    return [*shown, *unmatched]


class Word(NamedTuple):
    """A word from the module, explained in plain words on its Words page."""

    word: str
    """As the module writes it, so the reader can find it in the text."""
    meaning: str


WORD = record(Word, {"word": (text(least=1, most=60), REQUIRED), "meaning": (WORDS, REQUIRED)})


class Sheet(NamedTuple):
    id: str
    title: str


SHEET = record(Sheet, {"id": (SLUG, REQUIRED), "title": (WORDS, REQUIRED)})


class Section(NamedTuple):
    id: str
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


SECTION = record(
    Section,
    {
        "id": (text(pattern=ID_PATTERN, most=80), REQUIRED),
        "title": (text(), REQUIRED),
        "source": (text(), REQUIRED),
        "sheet": (optional(text()), None),
        "exercises": (many(text()), ()),
    },
)


class Handout(NamedTuple):
    id: str
    number: int
    title: str
    summary: str
    minutes: int
    practice: tuple[Option, ...]
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


HANDOUT = record(
    Handout,
    {
        "id": (SLUG, REQUIRED),
        "number": (number(1, 99), REQUIRED),
        "title": (WORDS, REQUIRED),
        "summary": (WORDS, REQUIRED),
        "minutes": (number(1, 120), REQUIRED),
        "practice": (many(OPTION, least=1, most=3), REQUIRED),
        "language": (text(), LANGUAGE),
        "sheets": (many(SHEET), ()),
        "exercises": (many(EXERCISE), ()),
        "words": (many(WORD), ()),
        "sections": (many(SECTION), ()),
    },
)


# --- Parsing ----------------------------------------------------------------


def handout_data(text: str, name: str = "handout", language: str = LANGUAGE) -> dict[str, Any]:
    """The fields of a Handout as the file gives them, not yet checked: the front matter with its
    "id: words" items split, the language and the sections; ContentError for a mistake of the format."""
    text = text.replace("\r\n", "\n")
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
    return data


def parse_handout(text: str, name: str = "handout", language: str = LANGUAGE) -> Handout:
    """A checked Handout from the text of a handout file, or ContentError saying what is wrong."""
    problems: list[str] = []
    handout = HANDOUT(handout_data(text, name, language), (), problems)
    if problems:
        raise ContentError(f"{name}: {'; '.join(problems)}")
    check_handout(handout, name)
    return handout


# --- Loading ----------------------------------------------------------------


def folder(language: str = LANGUAGE) -> "Traversable":
    """Where the handout files are: inside the installed package, else the source checkout."""
    package = Path(__file__).resolve().parent
    packaged = package / "content" / language
    if packaged.is_dir():
        return packaged
    if not package.is_dir():
        # Imported from a zip: its files through importlib.resources. Not for a package on the disk,
        # as always: its import and first call took ~2.5 ms on the way to Today's cards.
        from importlib import resources

        zipped = resources.files("imr_companion").joinpath("content", language)
        if zipped.is_dir():
            return zipped
    # An editable install or a source checkout: the top-level content/ folder.
    return package.parent / "content" / language


@functools.cache
def _files(language: str) -> dict[str, "Traversable"]:
    """The handout files by name ('03-stress-vulnerability.md'), without reading them.

    Every module English has, in `language` where that folder has the file, else in English.
    """
    found = {entry.name: entry for entry in _listed(FALLBACK)}
    if language != FALLBACK:
        found.update({entry.name: entry for entry in _listed(language) if entry.name in found})
    return found


def _listed(language: str) -> list["Traversable"]:
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


def in_order(language: str = LANGUAGE) -> Iterator[Handout]:
    """The handouts by module number, each file read only when its turn comes (library() reads all
    and checks that none is missing: where to continue needs the first not done, often module 1)."""
    # Files are named 'NN-<id>.md' (checked when read): their names sort as their numbers.
    for name in sorted(_files(language)):
        yield _read(name, language)


def handout(handout_id: str, language: str = LANGUAGE) -> Handout | None:
    """One handout, reading only its own file (Today needs one, not all eleven)."""
    for name in _files(language):
        # Files are named 'NN-<id>.md' (checked when read).
        if name[3:-3] == handout_id:
            return _read(name, language)
    return None


def readable_handout(handout_id: str, language: str = LANGUAGE) -> Handout | None:
    """handout(), or None where its file is broken or cannot be read as well as where it is gone: for
    words shown beside other things (Help now's strategies, a task's "from Module 3"), which are
    still shown without them. The Handouts area itself says a file is broken (progress.readable_library)."""
    try:
        return handout(handout_id, language)
    except (ContentError, OSError):
        return None

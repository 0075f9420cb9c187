"""A shared file holds exactly the parts chosen, and every piece of the person's text is escaped."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from itertools import combinations
from pathlib import Path

import pytest

from imr_companion.models import Goal, Moment, Person
from imr_companion.models.goals import Step
from imr_companion.sharing.formats import render
from imr_companion.sharing.markdown import escape
from imr_companion.sharing.parts import PARTS, Choice, parse_parts, shared_page
from imr_companion.store import Database, Repository
from tests.together_seed import NEVER_SHARED, PART_MARKERS, seed_everything


@pytest.fixture
def seeded(data_dir: Path) -> Database:
    seed_everything(data_dir)
    return Database.read_only(data_dir)


@pytest.mark.parametrize("kind", ["markdown", "html"])
@pytest.mark.parametrize("size", [1, 2, 5])
def test_a_chosen_subset_holds_those_parts_and_nothing_else(seeded: Database, kind: str, size: int):
    for chosen in list(combinations(PARTS, size))[:4]:
        text = render(shared_page(seeded, Choice(chosen)), kind)
        for part, markers in PART_MARKERS.items():
            for marker in markers:
                assert (marker in text) == (part in chosen), (chosen, marker)
        assert not [m for m in NEVER_SHARED if m in text]


def test_good_moments_in_a_date_range_and_answers_of_chosen_modules(seeded: Database, data_dir: Path):
    choice = Choice(("moments",), moments_from=date(2026, 3, 11))
    assert "MARKER-MOMENT" not in render(shared_page(seeded, choice), "markdown")
    choice = Choice(("moments",), moments_from=date(2026, 3, 1), moments_to=date(2026, 3, 10))
    assert "MARKER-MOMENT" in render(shared_page(seeded, choice), "markdown")
    assert "MARKER-ANSWER" not in render(
        shared_page(seeded, Choice(("answers",), frozenset({"coping"}))), "html"
    )
    chosen = Choice(("answers",), frozenset({"recovery-strategies"}))
    assert "MARKER-ANSWER" in render(shared_page(seeded, chosen), "html")


def test_parts_are_named_in_any_order_and_unknown_ones_refused():
    assert parse_parts("sessions, plan,GOALS") == ("plan", "goals", "sessions")
    with pytest.raises(ValueError, match="plan, network"):
        parse_parts("plan,secrets")


HOSTILE = [
    '<script>alert("x")</script>',
    "<img src=http://example.org/t.png>",
    '"><a href="https://example.org">click</a>',
    "[link](http://example.org) ![pic](http://example.org/p.png)",
    "<style>@import url(http://example.org/a.css)</style> &amp; &lt;",
    "# not a heading\n- not a list\n1. nor this",
]


class Page(HTMLParser):
    ALLOWED = {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "h2",
        "h3",
        "h4",
        "p",
        "br",
        "ul",
        "ol",
        "li",
        "strong",
        "span",
        "figure",
        "figcaption",
        "pre",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text = ""
        self.style = ""
        self._in = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        self._in = tag

    def handle_endtag(self, tag):
        self._in = ""

    def handle_data(self, data):
        if self._in == "style":
            self.style += data
        else:
            self.text += data


@pytest.fixture
def hostile(data_dir: Path) -> Database:
    seed_everything(data_dir)
    db = Database.open(data_dir)
    for n, text in enumerate(HOSTILE):
        Repository.of(db, Moment).add(Moment(text=text, day=date(2026, 3, 1 + n), together_with="Jo <b>"))
    Repository.of(db, Person).add(
        Person(name='Eve <script src="x.js">', note=HOSTILE[3], reach=HOSTILE[1][:80])
    )
    Repository.of(db, Goal).add(Goal(text=HOSTILE[2], steps=[Step(text=HOSTILE[0])]))
    db.close()
    return Database.read_only(data_dir)


def test_html_loads_nothing_and_shows_every_text_as_text(hostile: Database):
    html = render(shared_page(hostile, Choice(PARTS)), "html")
    page = Page()
    page.feed(html)
    page.close()
    assert set(page.tags) <= Page.ALLOWED, set(page.tags) - Page.ALLOWED
    names = {name for name, _ in page.attrs}
    assert names <= {"lang", "charset", "name", "content", "http-equiv", "class", "role", "aria-label"}
    assert not [value for name, value in page.attrs if value and "://" in value]
    assert "url(" not in page.style and "@import" not in page.style and "@font-face" not in page.style
    # Every hostile text arrives whole, as words on the page.
    flat = " ".join(page.text.split())
    for text in HOSTILE:
        for line in text.splitlines():
            assert line in flat, line
    assert "Jo <b>" in flat and 'Eve <script src="x.js">' in flat


def test_markdown_shows_every_text_as_typed(hostile: Database):
    markdown = render(shared_page(hostile, Choice(PARTS)), "markdown")
    # Drawings sit in fenced blocks, where nothing is formatting; everywhere else text is escaped.
    outside = re.sub(r"(?ms)^(~{3,})$.*?^\1$", "", markdown)
    assert outside.count("~~~") == 0
    markdown = outside
    # Our own tick marks ("1. [x] ...") are the only brackets not typed by the person.
    words = re.sub(r"(?m)^(\d+\.|-) \[[ x~]\] ", "", markdown)
    assert not re.search(r"(?<!\\)[<\[]", words), "an unescaped < or [ in the file"
    assert "\\<img src=http\\://example\\.org/t\\.png\\>" in markdown
    assert '\\<script\\>alert("x")\\</script\\>' in markdown
    assert "\\[link\\](http\\://example\\.org)" in markdown


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("a*b_c", "a\\*b\\_c"),
        ("1. first", "1\\. first"),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("> quote", "\\> quote"),
        ("see www.example.org", "see www\\.example\\.org"),
        ("<b>bold</b>", "\\<b\\>bold\\</b\\>"),
        ("2.5 cups of tea", "2.5 cups of tea"),
        ("line one\n# line two", "line one  \n\\# line two"),
    ],
)
def test_markdown_escape(typed: str, written: str):
    assert escape(typed) == written


def test_shared_answers_show_the_options_words_and_the_words_kept_from_before(data_dir: Path):
    from imr_companion.models import Answer
    from imr_companion.models.handouts import answer_id

    database = Database.open(data_dir)
    answers = Repository.of(database, Answer)
    answers.add(
        Answer(
            id=answer_id("recovery-strategies", "life-areas"),
            handout="recovery-strategies",
            exercise="life-areas",
            kind="checklist",
            ticked=["home", "free-time"],
            unmatched=["Words from an older handout"],
            other="My cat",
        )
    )
    answers.add(
        Answer(
            id=answer_id("practical-facts", "telling-others"),
            handout="practical-facts",
            exercise="telling-others",
            kind="choice",
            choice="tell-few-people",
        )
    )
    page = render(shared_page(database, Choice(("answers",))), "markdown")
    assert "Home" in page and "Free time" in page and "Words from an older handout" in page
    assert "My cat (in my own words)" in page
    assert "I tell a few people I trust" in page
    assert "free-time" not in page and "tell-few-people" not in page
    database.close()

"""Reading level of handout sections, shared by the content test and writers.

Two measures. Flesch-Kincaid counts syllables and sentence length; it
flatters list-heavy text, because every list item counts as a sentence.
Dale-Chall counts the words that are not on its list of about 3,000 words
most children know, so it sees the clinical words a reader trips on. A
section may score up to 8.0 on Dale-Chall (about grade 11-12 at worst), and
the middle section of a module stays below 7.0 (about grade 7-8).

Run it on a handout to see each section's scores while writing; add --words
to see the words Dale-Chall finds hard in each section that scores 7 or more:

    python tests/readability.py content/en/01-recovery-strategies.md
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from statistics import median

import textstat

MAX_GRADE = 8.0
MAX_DALE_CHALL = 8.0
"""No section above this Dale-Chall score."""
MAX_MEDIAN_DALE_CHALL = 7.0
"""A module's median section stays below this Dale-Chall score."""

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"[*_`]+")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def plain_text(markdown: str) -> str:
    """Markdown as a reader hears it: each list item and heading is a sentence.

    List items rarely end with a full stop; without one the grade formula
    would glue a whole list into one very long sentence.
    """
    text = _COMMENT.sub("", markdown)
    text = _LINK.sub(r"\1", text)
    sentences: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            sentences.append(_end(" ".join(paragraph)))
            paragraph.clear()

    for raw in text.splitlines():
        line = _EMPHASIS.sub("", raw).strip()
        if not line:
            flush()
            continue
        if line.startswith("#") or _LIST_MARK.match(raw) or line.startswith(">"):
            flush()
            line = _LIST_MARK.sub("", line.lstrip("#> ").strip())
            if line:
                sentences.append(_end(line))
            continue
        paragraph.append(line)
    flush()
    return " ".join(sentences)


def _end(sentence: str) -> str:
    sentence = sentence.strip()
    return sentence if sentence[-1:] in ".!?:" else sentence + "."


def grade(markdown: str) -> float:
    return float(textstat.flesch_kincaid_grade(plain_text(markdown)))


def dale_chall(markdown: str) -> float:
    return float(textstat.dale_chall_readability_score(plain_text(markdown)))


def hard_words(markdown: str) -> list[str]:
    """The words Dale-Chall counts as hard, as it counts them (each once)."""
    return sorted(textstat.difficult_words_list(plain_text(markdown), syllable_threshold=0))


def sections(body: str) -> list[tuple[str, str]]:
    """(heading, text) for each '## ' section of a handout body."""
    parts = re.split(r"^## +(.+)$", body, flags=re.MULTILINE)
    return [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts), 2)]


def body_of(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    _, _, rest = text.partition("+++")
    _, _, body = rest.partition("+++")
    return body


def main(args: list[str]) -> int:
    show_words = "--words" in args
    failed = False
    for name in (a for a in args if a != "--words"):
        body = body_of(Path(name))
        words = len(plain_text(body).split())
        print(f"{name}: {words} words")
        print("     FK     DC  section")
        scores = []
        for heading, text in sections(body):
            g, dc = grade(text), dale_chall(text)
            scores.append(dc)
            flag = ""
            if g > MAX_GRADE or dc > MAX_DALE_CHALL:
                flag = "  <-- too hard"
                failed = True
            print(f"  {g:5.1f}  {dc:5.2f}  {heading}{flag}")
            if show_words and dc >= MAX_MEDIAN_DALE_CHALL:
                print("               " + ", ".join(hard_words(text)))
        middle = median(scores)
        failed = failed or middle >= MAX_MEDIAN_DALE_CHALL
        print(f"  Dale-Chall median {middle:.2f} (below {MAX_MEDIAN_DALE_CHALL}), highest {max(scores):.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

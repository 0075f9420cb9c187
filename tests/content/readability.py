"""Reading level of handout sections, shared by the content test and writers.

Run it on a handout to see each section's grade while writing:

    python tests/readability.py content/en/01-recovery-strategies.md
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import textstat

MAX_GRADE = 8.0

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


def sections(body: str) -> list[tuple[str, str]]:
    """(heading, text) for each '## ' section of a handout body."""
    parts = re.split(r"^## +(.+)$", body, flags=re.MULTILINE)
    return [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts), 2)]


def body_of(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    _, _, rest = text.partition("+++")
    _, _, body = rest.partition("+++")
    return body


def main(paths: list[str]) -> int:
    worst = 0.0
    for name in paths:
        body = body_of(Path(name))
        words = len(plain_text(body).split())
        print(f"{name}: {words} words")
        for heading, text in sections(body):
            g = grade(text)
            worst = max(worst, g)
            flag = "  <-- above 8" if g > MAX_GRADE else ""
            print(f"  {g:5.1f}  {heading}{flag}")
    return 1 if worst > MAX_GRADE else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

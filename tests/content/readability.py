"""Reading level of handout sections, shared by the content test and writers.

Two measures. Flesch-Kincaid counts syllables and sentence length; it
flatters list-heavy text, because every list item counts as a sentence.
Dale-Chall counts the words that are not on its list of about 3,000 words
most children know, so it sees the clinical words a reader trips on. A
section may score up to 8.0 on Dale-Chall (about grade 11-12 at worst), and
the middle section of a module stays below 7.0 (about grade 7-8).

Danish is measured by LIX (`lix`): words per sentence plus the percentage of
words longer than six letters, the measure Danish easy-reading work uses. A
Danish section may score up to 35 (easy), and a module's middle section at
most 30 (very easy).

Run it on a handout to see each section's scores while writing (a file under
content/da/ is measured by LIX); add --words to see the words Dale-Chall finds
hard in each section that scores 7 or more:

    python tests/content/readability.py content/en/01-recovery-strategies.md
    python tests/content/readability.py content/da/01-recovery-strategies.md
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
MAX_LIX = 35.0
"""No Danish section above this LIX."""
MAX_MEDIAN_LIX = 30.0
"""A Danish module's median section at most this LIX."""

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


_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")


def lix(markdown: str) -> float:
    """LIX of a section: words per sentence + percent of words with more than six letters.

    Words are runs of letters (a number is not a word; "tjek-ind" is one); a
    heading and each list item are sentences, as `plain_text` reads them.
    """
    text = plain_text(markdown)
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(_SENTENCE_END.findall(text)))
    long_words = sum(1 for w in words if len(w.replace("-", "").replace("'", "")) > 6)
    return len(words) / sentences + 100 * long_words / len(words)


def long_words(markdown: str) -> list[str]:
    """The words LIX counts as long, each once."""
    return sorted({w for w in _WORD.findall(plain_text(markdown)) if len(w.replace("-", "")) > 6})


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


def main_lix(name: str, show_words: bool) -> bool:
    """Print a Danish handout's LIX per section; True when it is too hard."""
    body = body_of(Path(name))
    print(f"{name}: {len(plain_text(body).split())} words")
    print("    LIX  section")
    scores = []
    failed = False
    for heading, text in sections(body):
        score = lix(text)
        scores.append(score)
        flag = ""
        if score > MAX_LIX:
            flag = "  <-- too hard"
            failed = True
        print(f"  {score:5.1f}  {heading}{flag}")
        if show_words and score > MAX_MEDIAN_LIX:
            print("          " + ", ".join(long_words(text)))
    middle = median(scores)
    print(f"  LIX median {middle:.1f} (at most {MAX_MEDIAN_LIX}), highest {max(scores):.1f}")
    return failed or middle > MAX_MEDIAN_LIX


def main(args: list[str]) -> int:
    show_words = "--words" in args
    failed = False
    for name in (a for a in args if a != "--words"):
        if Path(name).parent.name == "da":
            failed = main_lix(name, show_words) or failed
            continue
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

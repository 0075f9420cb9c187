"""The Danish catalogues: extracted from the code with Babel, updated, compiled, checked.

    python .ci/catalogues.py update [DOMAIN ...]   extract, merge into the .po files, compile the .mo
    python .ci/catalogues.py check                 what a test also checks; exit 1 with the problems

Every part of the code belongs to one domain (DOMAINS, first match wins),
and each domain has its own catalogue, so people translating different parts
never edit the same file. The app loads them all as one language
(imr_companion/i18n.py). Messages keep their English words as ids; the .po
files are sorted by id and name their files without line numbers, so an edit
elsewhere in a file changes nothing in them.
"""

from __future__ import annotations

import gettext
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "imr_companion"
LOCALE = PACKAGE / "locale"
LANGUAGES = ("da",)

DOMAINS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("today", ("ui/today/", "ui/app.py", "ui/palette.py", "ui/themes.py", "ui/theme_choices.py",
               "ui/closing.py", "ui/restore.py", "ui/language.py", "ui/__init__.py", "areas.py")),
    ("common", ("ui/common/",)),
    ("handouts", ("ui/handouts/", "content.py", "content_format.py", "progress.py")),
    ("moments", ("ui/moments/",)),
    ("goals", ("ui/goals/",)),
    ("network", ("ui/network/",)),
    ("plan", ("ui/plan/", "emergency.py")),
    ("together", ("ui/together/",)),
    ("sharing", ("sharing/", "export/")),
    ("demo", ("demo/",)),
    ("selfcheck", ("ui/selfcheck/",)),
    ("coping", ("ui/coping/",)),
    ("group", ("ui/group/",)),
    ("passphrase", ("ui/unlock/", "passphrase/")),
    ("reaching", ("ui/reaching/", "reaching/")),
    ("keys", ("ui/keys/",)),
    ("cli", ("cli/", "__main__.py", "doctor.py", "crash.py", "forget.py")),
    ("core", ("",)),
)  # fmt: skip
"""Domain, then the paths under imr_companion/ it holds (a folder ends with /; "" is everything left)."""

PLACEHOLDER = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")


def domain_of(relative: str) -> str:
    for domain, prefixes in DOMAINS:
        if any(relative == prefix or (prefix.endswith("/") or not prefix) and relative.startswith(prefix)
               for prefix in prefixes):
            return domain
    raise AssertionError(relative)


def sources(domain: str) -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if domain_of(path.relative_to(PACKAGE).as_posix()) == domain:
            yield path


def template(domain: str) -> Catalog:
    """Every message the code of `domain` shows, as Babel finds it."""
    catalog = Catalog(domain=domain, project="IMR Companion", fuzzy=False)
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    for path in sources(domain):
        relative = path.relative_to(ROOT).as_posix()
        for _line, message, comments, context in extract_from_file(
            "python", path, keywords=keywords, comment_tags=("Translators:",), strip_comment_tags=True
        ):
            catalog.add(message, locations=[(relative, None)], auto_comments=comments, context=context)
    return catalog


def po_path(language: str, domain: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{domain}.po"


def read(language: str, domain: str) -> Catalog:
    path = po_path(language, domain)
    if not path.exists():
        return Catalog(locale=language, domain=domain, project="IMR Companion", fuzzy=False)
    with path.open("rb") as file:
        return read_po(file, locale=language, domain=domain)


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=0, sort_output=True, include_lineno=False, ignore_obsolete=True,
             include_previous=False, omit_header=False)  # fmt: skip
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _fixed_header(catalog: Catalog) -> None:
    # No dates or tool versions in the header: the files change only when the words do.
    catalog.revision_date = catalog.creation_date
    catalog.creation_date = catalog.revision_date
    catalog.msgid_bugs_address = ""
    catalog.last_translator = "IMR Companion developers"
    catalog.language_team = "Danish"
    catalog.version = "1"
    catalog.header_comment = "# Danish words for IMR Companion (.ci/catalogues.py keeps this file current).\n"
    catalog.fuzzy = False


def update(language: str, domain: str) -> None:
    catalog = read(language, domain)
    catalog.update(template(domain), no_fuzzy_matching=True, update_creation_date=False)
    catalog.obsolete.clear()
    _fixed_header(catalog)
    path = po_path(language, domain)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(po_bytes(catalog))
    # Read back, so the .mo is made from exactly what the .po says.
    path.with_suffix(".mo").write_bytes(mo_bytes(read(language, domain)))


def _key(value: object) -> object:
    return tuple(value) if isinstance(value, (list, tuple)) else value


def compiled(source: Path | io.BytesIO) -> dict[object, object]:
    """A compiled catalogue's messages, without its header (which names the Babel that wrote it)."""
    if isinstance(source, Path):
        source = io.BytesIO(source.read_bytes())
    messages = dict(gettext.GNUTranslations(source)._catalog)  # type: ignore[attr-defined]
    messages.pop("", None)
    return messages


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def problems() -> list[str]:
    """Everything that keeps a catalogue from being complete and current."""
    found: list[str] = []
    domains = [domain for domain, _ in DOMAINS]
    for language in LANGUAGES:
        # All catalogues are one language to the app: the first that has a message is the one shown.
        said: dict[tuple[object, object], tuple[str, object]] = {}
        folder = LOCALE / language / "LC_MESSAGES"
        for path in sorted(folder.glob("*.po")):
            if path.stem not in domains:
                found.append(f"{path.relative_to(ROOT)}: no such domain in .ci/catalogues.py")
        for domain in domains:
            wanted = template(domain)
            path = po_path(language, domain)
            if not path.exists():
                if len(wanted):
                    found.append(f"{path.relative_to(ROOT)} is missing ({len(wanted)} messages)")
                continue
            catalog = read(language, domain)
            where = path.relative_to(ROOT)
            for message in wanted:
                if not message.id:
                    continue
                have = catalog.get(message.id, message.context)
                name = message.id if isinstance(message.id, str) else message.id[0]
                if have is None:
                    found.append(f"{where}: not extracted yet: {name!r} (run .ci/catalogues.py update)")
                    continue
                if have.fuzzy:
                    found.append(f"{where}: marked fuzzy: {name!r}")
                strings = have.string if isinstance(have.string, (list, tuple)) else [have.string]
                if not all(strings):
                    found.append(f"{where}: no {language} words for {name!r}")
                    continue
                ids = message.id if isinstance(message.id, (list, tuple)) else [message.id]
                expected = _placeholders(ids[-1])
                for string in strings:
                    if _placeholders(string) != expected and _placeholders(string) != _placeholders(ids[0]):
                        found.append(f"{where}: placeholders differ in {name!r}: {string!r}")
            for message in catalog:
                if message.id and wanted.get(message.id, message.context) is None:
                    name = message.id if isinstance(message.id, str) else message.id[0]
                    found.append(f"{where}: no longer in the code: {name!r} (run .ci/catalogues.py update)")
            for message in catalog:
                if message.id and message.string:
                    key = (_key(message.id), message.context)
                    words = _key(message.string)
                    if key in said and said[key][1] != words:
                        found.append(
                            f"{where}: {_key(message.id)!r} has other Danish words in {said[key][0]}.po "
                            f"({said[key][1]!r} there, {words!r} here): the same words, said the same way"
                        )
                    said.setdefault(key, (domain, words))
            mo = path.with_suffix(".mo")
            if not mo.exists() or compiled(mo) != compiled(io.BytesIO(mo_bytes(catalog))):
                found.append(f"{mo.relative_to(ROOT)} is not compiled from its .po (run .ci/catalogues.py update)")
    return found


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        chosen = argv[1:] or [domain for domain, _ in DOMAINS]
        for language in LANGUAGES:
            for domain in chosen:
                update(language, domain)
        return 0
    if argv[:1] == ["check"]:
        found = problems()
        print("\n".join(found) or "The catalogues are complete and compiled.")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

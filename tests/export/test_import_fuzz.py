"""A real export, mutated every way we could think of, is refused in one line with the data
byte-identical, or imported whole and then opens, exports and re-imports identically.

1,000 examples when CI=true; fewer by default so the suite stays quick.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from imr_companion import demo
from imr_companion.cli import main
from imr_companion.export import to_json
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database

EXAMPLES = 1000 if os.environ.get("CI") else 60
DEEP = "__DEEP__"
HUGE = "__HUGE__"


def _base() -> tuple[dict[str, Any], bytes]:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "data"
        db = Database.open(folder)
        document = demo.build(0.05)
        document["_quarantine"] = {
            "1": {"table": "moments", "record": {"text": ""}, "reason": "x", "set_aside": "2026-01-01"}
        }
        document["future_part"] = {"1": {"kept": True}}
        db.save_document(document)
        payload = json.loads(to_json(db))
        db.close()
        small = Path(temp) / "small"
        db = Database.open(small)
        db.save_document(demo.build(0.01))
        db.close()
        return payload, (small / DATA_FILE).read_bytes()


BASE, EXISTING = _base()

ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=5),
    st.sampled_from(
        [
            "2026-11-30T10:00:00+05:00",
            "2026-11-30T10:00:00Z",
            "2026-02-30",
            "2026-11-30",
            "2026-11-30T10:00:00",
            "0",
            "",
            " ",
            "\u202e",
            "\ud800",
            DEEP,
            HUGE,
        ]
    ),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _places(payload: dict[str, Any]) -> list[tuple[Any, Any]]:
    """Every (container, key) in the payload, to pick one to change."""
    found: list[tuple[Any, Any]] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key in list(value):
                found.append((value, key))
                walk(value[key])
        elif isinstance(value, list):
            for index in range(len(value)):
                found.append((value, index))
                walk(value[index])

    walk(payload)
    return found


@st.composite
def mutated(draw) -> bytes:
    payload = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        places = _places(payload)
        container, key = draw(st.sampled_from(places))
        kind = draw(st.sampled_from(["set", "delete", "extra", "duplicate", "table", "top"]))
        if kind == "set":
            container[key] = draw(ODD_VALUES)
        elif kind == "delete":
            del container[key]
        elif kind == "extra" and isinstance(container, dict):
            container[draw(st.text(max_size=8))] = draw(ODD_VALUES)
        elif kind == "duplicate" and isinstance(container, list) and container:
            container.append(copy.deepcopy(container[key]))
        elif kind == "table":
            where = draw(st.sampled_from(["tables", "other_tables"]))
            if isinstance(payload.get(where, {}), dict):
                payload.setdefault(where, {})[
                    draw(st.sampled_from(["future", "Odd Name", "_meta", "moments"]))
                ] = [{"a": draw(ODD_VALUES)}]
        elif kind == "top":
            payload[draw(st.sampled_from(["version", "format", "settings", "set_aside", "tables"]))] = draw(
                ODD_VALUES
            )
    text = json.dumps(payload, ensure_ascii=False)
    # What json.dumps cannot write: nesting deeper than a reader allows, a 5,000-digit number.
    text = text.replace(json.dumps(DEEP), "[" * 3000 + "]" * 3000).replace(json.dumps(HUGE), "9" * 5000)
    if draw(st.booleans()) and '"version": ' in text:
        text = text.replace('"version": ', '"version": 1, "version": ', 1)
    return text.encode("utf-8", "surrogatepass")


def _cli(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, err.getvalue()


def _export(folder: Path) -> dict[str, Any]:
    payload = json.loads(to_json(Database.read_only(folder)))
    del payload["exported"]
    return payload


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(content=mutated())
def test_a_mutated_export_is_refused_cleanly_or_round_trips(content: bytes):
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        source, folder = root / "in.json", root / "data"
        source.write_bytes(content)
        folder.mkdir(mode=0o700)
        (folder / DATA_FILE).write_bytes(EXISTING)
        code, err = _cli("import", str(source), "--data-dir", str(folder))
        event("refused" if code else "imported")
        if code != 0:
            assert err.count("\n") == 1 and "Traceback" not in err, err
            assert (folder / DATA_FILE).read_bytes() == EXISTING
            return
        db = Database.open(folder)
        try:
            assert db.check_records() == 0, "an import opens with nothing to set aside"
        finally:
            db.close()
        first = _export(folder)
        again, other = root / "again.json", root / "other"
        again.write_text(to_json(Database.read_only(folder)))
        assert _cli("import", str(again), "--data-dir", str(other))[0] == 0
        assert _export(other) == first

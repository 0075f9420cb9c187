"""Import can only write what opens: all or nothing, one calm line, the data before kept first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from imr_companion.cli import main
from imr_companion.export import ImportRefused, document_from_json, schema, to_json
from imr_companion.models import Moment
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database, Repository
from imr_companion.store.files import backups
from imr_companion.store.files import storage as storage_module


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(data_dir: Path) -> Path:
    db = Database.open(data_dir)
    Repository.of(db, Moment).add(Moment(text="Tea in the garden"))
    db.close()
    return data_dir


def export_of(*texts: str) -> dict:
    moments = [Moment(text=text).model_dump(mode="json") for text in texts]
    return {"format": "imr-companion", "version": 1, "settings": {}, "tables": {"moments": moments}}


def refused(payload: dict | bytes) -> str:
    content = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    with pytest.raises(ImportRefused) as caught:
        document_from_json(content)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_set_aside_in_the_wrong_shape_is_refused():
    assert "set_aside > entry 1" in refused({**export_of("fine"), "set_aside": ["x"]})


@pytest.mark.parametrize("created", ["2026-11-30T10:00:00+05:00", 0])
def test_a_time_in_another_form_is_refused_with_where_it_is(created):
    payload = export_of("fine", "odd")
    payload["tables"]["moments"][1]["created"] = created
    message = refused(payload)
    assert "tables > moments > entry 2 > created" in message


def test_a_record_without_an_id_is_imported_with_one():
    payload = export_of("no id")
    del payload["tables"]["moments"][0]["id"]
    document = document_from_json(json.dumps(payload))
    assert document["moments"]["1"]["id"]


def test_a_five_thousand_digit_number_is_refused_in_one_line():
    content = json.dumps(export_of("fine")).replace('"settings": {}', '"settings": {}, "n": ' + "9" * 5000)
    assert "too long" in refused(content.encode())


@pytest.mark.parametrize("version", [True, "1", 1.0, None, 0])
def test_a_version_that_is_not_a_whole_number_is_refused(version):
    assert "version" in refused({**export_of("fine"), "version": version})


def test_two_entries_with_one_id_are_refused():
    payload = export_of("one", "two")
    payload["tables"]["moments"][1]["id"] = payload["tables"]["moments"][0]["id"]
    assert "same id" in refused(payload)


def test_nan_and_repeated_names_are_refused():
    assert "NaN" in refused(
        json.dumps(export_of("fine")).replace('"settings": {}', '"settings": NaN').encode()
    )
    text = json.dumps(export_of("fine")).replace('"version": 1', '"version": 1, "version": 1')
    assert "twice" in refused(text.encode())


def test_an_unknown_table_under_tables_is_refused_and_under_other_tables_kept():
    assert "tables > future" in refused({**export_of("x"), "tables": {"future": []}})
    document = document_from_json(json.dumps({**export_of("x"), "other_tables": {"future": [{"a": 1}]}}))
    assert document["future"] == {"1": {"a": 1}}


def test_messages_never_repeat_what_the_file_holds():
    payload = export_of("fine")
    payload["tables"]["moments"][0]["my secret words"] = "private"
    message = refused(payload)
    assert "secret" not in message and "private" not in message


def test_the_published_schema_is_current():
    assert schema.SCHEMA_FILE.read_text(encoding="utf-8") == schema.schema_text(), (
        "schema.json is stale: run python -m imr_companion.export.schema"
    )


def test_an_export_validates_against_the_published_schema(filled: Path):
    from pydantic import TypeAdapter

    payload = json.loads(to_json(Database.read_only(filled)))
    schema.ExportFile.model_validate(payload)
    assert (
        TypeAdapter(dict).validate_python(json.loads(schema.SCHEMA_FILE.read_text()))["title"] == "ExportFile"
    )


def test_the_copy_from_before_the_import_holds_the_data_from_before(capsys, filled: Path, tmp_path: Path):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(export_of("Imported")))
    before = (filled / DATA_FILE).read_bytes()
    code, _out, err = run(capsys, "import", str(source), "--data-dir", str(filled))
    assert code == 0, err
    copies = [b for b in backups.every(filled) if b.kind == "before-import"]
    assert len(copies) == 1 and copies[0].path.read_bytes() == before


def test_when_the_copy_cannot_be_written_nothing_is_imported(
    capsys, filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(export_of("Imported")))
    before = (filled / DATA_FILE).read_bytes()
    real = backups.make

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "make", full_disk)
    code, _out, err = run(capsys, "import", str(source), "--data-dir", str(filled))
    monkeypatch.setattr(backups, "make", real)
    assert code == 1 and err.count("\n") == 1
    assert (filled / DATA_FILE).read_bytes() == before


def test_a_copy_is_kept_before_an_import_when_the_data_holds_only_set_aside_entries(
    capsys, data_dir: Path, tmp_path: Path
):
    """Entries set aside are the person's words too: an import must keep them first (issue 19, item 9)."""
    data_dir.mkdir(mode=0o700)
    bad = {**Moment(text="x").model_dump(mode="json"), "text": ""}
    document = {"_meta": {"1": {"schema_version": 1}}, "moments": {"1": bad}}
    (data_dir / DATA_FILE).write_text(json.dumps(document))
    db = Database.open(data_dir)
    try:
        assert db.record_count() == 0 and len(db.quarantined()) == 1
    finally:
        db.close()
    source = tmp_path / "in.json"
    source.write_text(json.dumps(export_of("Imported")))
    code, out, err = run(capsys, "import", str(source), "--data-dir", str(data_dir))
    assert code == 0, err
    [copy] = [b for b in backups.every(data_dir) if b.kind == "before-import"]
    kept = json.loads(copy.path.read_text())["_quarantine"]
    assert [entry["record"] for entry in kept.values()] == [bad]
    assert str(copy.path) in out


def test_two_imports_in_one_second_keep_both_copies(capsys, filled: Path, tmp_path: Path):
    for text in ("first import", "second import"):
        source = tmp_path / f"{text}.json"
        source.write_text(json.dumps(export_of(text)))
        assert run(capsys, "import", str(source), "--data-dir", str(filled))[0] == 0
    copies = sorted(b.path.read_text() for b in backups.every(filled) if b.kind == "before-import")
    assert len(copies) == 2 and "Tea in the garden" in copies[0] + copies[1]


def test_a_failing_data_write_during_import_leaves_the_data_as_it_was(
    capsys, filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(export_of("Imported")))
    before = (filled / DATA_FILE).read_bytes()

    def broken(*args):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(storage_module, "_replace", broken)
    code, _out, err = run(capsys, "import", str(source), "--data-dir", str(filled))
    assert code == 1 and "Traceback" not in err
    assert (filled / DATA_FILE).read_bytes() == before


def test_importing_a_backup_points_to_restore(filled: Path):
    message = refused((filled / DATA_FILE).read_bytes())
    assert "imr-companion restore" in message

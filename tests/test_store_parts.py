"""A large document's record, written a few records at a time: the same JSON as whole, rows in parts beyond
store_db.PART bytes, stores of version 2 read and written, damaged rows written anew by a load."""
from __future__ import annotations

import pytest

from graph_model.records.records import to_dict
from graph_model.store import store_db, store_records
from graph_model.store.store import bundled_store, open_store
from graph_model.store.store_records import Record, dumps
from loaders.batch import read_paths
from support import SEED_ACT, SEED_BUDGET, SEED_RULES, SEED_SOP, SEEDS, database, stored_documents


def test_a_record_written_in_pieces_is_the_json_of_its_dict(monkeypatch):
    monkeypatch.setattr(store_records, "BATCH", 3)  # batches end inside every list of records
    for parsed in [p for _path, p in read_paths([SEEDS]).documents.values()] + list(bundled_store().documents.values()):
        whole = dumps(parsed if isinstance(parsed, dict) else to_dict(parsed))
        assert b"".join(Record(parsed).pieces()) == whole


def parts(path) -> dict[str, int]:
    with database(path) as conn:
        return dict(conn.execute("SELECT id, count(*) FROM parts GROUP BY id"))


def version(path) -> str:
    with database(path) as conn:
        return conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()[0]


def test_a_record_beyond_a_part_is_written_in_parts_and_read_whole(monkeypatch, store_path, tmp_path):
    seeds = [SEED_BUDGET, SEED_ACT, SEED_RULES, SEED_SOP]
    whole = tmp_path / "whole.sqlite"
    open_store(whole).add(read_paths(seeds).documents)
    monkeypatch.setattr(store_db, "PART", 4096)
    open_store(store_path).add(read_paths(seeds).documents)
    assert set(parts(store_path)) == {p.stem for p in seeds}  # (the smallest record is 7 kB)
    with database(store_path) as conn:
        assert {record for (record,) in conn.execute("SELECT record FROM documents")} == {b""}
    assert stored_documents(store_path) == stored_documents(whole)
    assert open_store(store_path).fingerprint == open_store(whole).fingerprint  # the same digests
    again = open_store(store_path).add(read_paths(seeds).documents)
    assert {d["action"] for d in again["documents"]} == {"unchanged"}
    monkeypatch.setattr(store_db, "PART", 2**20)
    open_store(store_path).add(read_paths([SEED_SOP]).documents)  # unchanged: stays in parts
    changed = tmp_path / SEED_ACT.name
    changed.write_text(SEED_ACT.read_text(encoding="utf-8").replace("秘書室", "秘書處", 1), encoding="utf-8")
    assert [d["action"] for d in open_store(store_path).add(read_paths([changed]).documents)["documents"]] == \
        ["replaced"]
    open_store(store_path).remove(SEED_BUDGET.stem)
    assert set(parts(store_path)) == {SEED_RULES.stem, SEED_SOP.stem}  # a row in one part, and a removed one
    assert open_store(store_path).parsed()


def test_a_store_is_of_version_2_until_a_record_needs_parts(monkeypatch, store_path):
    """Version 2 is the layout the orggraph before parts made, and reads: a store keeps it (and the rows it has)
    until a record needs parts."""
    open_store(store_path).add(read_paths([SEED_BUDGET]).documents)
    assert version(store_path) == "2"
    with database(store_path) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'parts'").fetchone() == (0,)
    before = stored_documents(store_path)
    open_store(store_path).add(read_paths([SEED_ACT]).documents)
    open_store(store_path).remove(SEED_ACT.stem)
    assert version(store_path) == "2"
    monkeypatch.setattr(store_db, "PART", 4096)
    open_store(store_path).add(read_paths([SEED_RULES]).documents)
    assert version(store_path) == "3" and set(parts(store_path)) == {SEED_RULES.stem}
    assert stored_documents(store_path)[SEED_BUDGET.stem] == before[SEED_BUDGET.stem]


@pytest.mark.parametrize("where", ["a record", "a part", "a part that is not bytes"])
def test_a_damaged_row_is_written_anew_when_its_document_is_loaded_again(monkeypatch, store_path, where):
    monkeypatch.setattr(store_db, "PART", 4096 if "part" in where else 2**20)
    open_store(store_path).add(read_paths([SEED_BUDGET, SEED_ACT]).documents)
    with database(store_path) as conn:
        if where == "a record":
            conn.execute("UPDATE documents SET record = CAST(replace(CAST(record AS TEXT), '稽查', '稽核') AS BLOB)")
        else:
            body = "CAST('x' AS TEXT)" if "not bytes" in where else "CAST(body || x'20' AS BLOB)"
            conn.execute(f"UPDATE parts SET body = {body} WHERE id = ? AND n = 1", (SEED_BUDGET.stem,))
    with pytest.raises(Exception, match="is damaged"):
        open_store(store_path).parsed()
    summary = open_store(store_path).add(read_paths([SEED_BUDGET]).documents)
    assert [d["action"] for d in summary["documents"]] == ["replaced"]
    assert open_store(store_path).parsed()

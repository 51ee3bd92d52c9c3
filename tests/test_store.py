"""The embedded store: format, location, atomic all-or-nothing loads, re-loads, bundled fallback."""
from __future__ import annotations

import contextlib
import os
import sqlite3

import pytest

from graph_model.errors import StoreError
from graph_model.store.store import FORMAT, SAMPLES_STORE, atomic_write, bundled_store, default_store_path, open_store
from loaders import LoadError
from loaders.batch import read_paths
from support import BUDGET_ID, SEED_ACT, SEED_BUDGET, SEEDS


def counts(store):
    g = store.graph()
    return (len(g.units()), sum(1 for _ in g.edges("HANDLES")), sum(1 for _ in g.edges("HAS_UNIT")),
            len(list(g.nodes_with_label("Duty"))))


# --------------------------------------------------------------------------- location
def test_default_location_follows_xdg_data_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_store_path() == tmp_path / "orggraph" / "store.sqlite"


def test_default_location_without_xdg_is_under_home(monkeypatch, tmp_path):
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_store_path() == tmp_path / ".local" / "share" / "orggraph" / "store.sqlite"


def test_a_json_store_an_older_orggraph_made_at_the_default_location_is_used(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    (tmp_path / "orggraph").mkdir()
    (tmp_path / "orggraph" / "store.json").write_bytes(b"{}")
    assert default_store_path() == tmp_path / "orggraph" / "store.json"
    (tmp_path / "orggraph" / "store.sqlite").write_bytes(b"")
    assert default_store_path() == tmp_path / "orggraph" / "store.sqlite"


def test_orggraph_store_env_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("ORGGRAPH_STORE", str(tmp_path / "x.json"))
    assert default_store_path() == tmp_path / "x.json"
    assert open_store().path == tmp_path / "x.json"


# --------------------------------------------------------------------------- bundled fallback
def test_missing_store_reads_the_bundled_corpus(store_path):
    store = open_store(store_path)
    assert not store.exists and store.source == "bundled"
    assert BUDGET_ID in store.documents
    assert store.fingerprint.startswith("bundled:")
    assert store.graph().resolve("基隆關/稽查組") == "財政部/關務署/基隆關/稽查組"
    assert not store_path.exists()  # reading never creates the store


def test_the_samples_store_is_the_seeds_parsed_by_the_loaders_now():
    # data/samples.json is derived data: it must be what the loaders make of the seeds today.
    from loaders.samples import samples_store_bytes
    assert SAMPLES_STORE.read_bytes() == samples_store_bytes(), \
        "data/samples.json is out of date with the loaders: run `python -m loaders.samples`"


def test_the_samples_store_holds_every_seed_with_a_relative_path():
    documents = bundled_store().documents
    assert set(documents) == {p.stem for p in SEEDS.glob("*.txt")}
    assert {d["document"]["path"] for d in documents.values()} == {f"data/seeds/{p.name}" for p in SEEDS.glob("*.txt")}


def test_reading_the_samples_writes_no_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert BUDGET_ID in open_store(tmp_path / "none.json").documents
    assert not (tmp_path / "cache").exists()


# --------------------------------------------------------------------------- load / re-load
def test_load_creates_a_store_with_only_the_loaded_document(store_path):
    summary = open_store(store_path).add(read_paths([SEED_BUDGET]).documents)
    assert summary["documents"] == [{"id": BUDGET_ID, "path": str(SEED_BUDGET), "action": "added", "genre": "budget",
                                     "units": summary["documents"][0]["units"],
                                     "duties": summary["documents"][0]["duties"], "unplaced": 3}]
    assert store_path.read_bytes().startswith(b"SQLite format 3\0")
    with contextlib.closing(sqlite3.connect(store_path)) as conn:
        assert dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('format', 'version')")) == \
            {"format": FORMAT, "version": "2"}
        assert [i for (i,) in conn.execute("SELECT id FROM documents")] == [BUDGET_ID]
    store = open_store(store_path)
    assert store.exists and store.format == "sqlite" and store.fingerprint.startswith("store:")
    assert store.graph().roots() == ["財政部"]


def test_reloading_the_same_document_leaves_it_unchanged(store_path):
    store = open_store(store_path)
    store.add(read_paths([SEED_BUDGET]).documents)
    first = counts(open_store(store_path))
    summary = open_store(store_path).add(read_paths([SEED_BUDGET]).documents)
    assert [d["action"] for d in summary["documents"]] == ["unchanged"]
    assert counts(open_store(store_path)) == first
    assert list(open_store(store_path).documents) == [BUDGET_ID]


def test_reloading_a_copy_under_the_same_name_replaces_it(store_path, tmp_path):
    open_store(store_path).add(read_paths([SEED_BUDGET]).documents)
    before = counts(open_store(store_path))
    copy = tmp_path / SEED_BUDGET.name
    copy.write_bytes(SEED_BUDGET.read_bytes())
    open_store(store_path).add(read_paths([copy]).documents)
    assert counts(open_store(store_path)) == before


def test_fingerprint_changes_with_the_content(store_path):
    store = open_store(store_path)
    store.add(read_paths([SEED_BUDGET]).documents)
    fp1 = open_store(store_path).fingerprint
    assert store.fingerprint == fp1
    open_store(store_path).add(read_paths([SEED_BUDGET]).documents)
    assert open_store(store_path).fingerprint == fp1  # same content, same stamp
    open_store(store_path).add(read_paths([SEED_ACT]).documents)
    assert open_store(store_path).fingerprint != fp1


def test_a_failing_path_among_several_leaves_the_store_byte_identical(store_path, tmp_path):
    open_store(store_path).add(read_paths([SEED_BUDGET]).documents)
    before = store_path.read_bytes()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(LoadError) as err:
        open_store(store_path).add(read_paths([SEED_ACT, empty, SEED_BUDGET]).documents)
    assert str(empty) in str(err.value)
    assert store_path.read_bytes() == before
    assert not [p for p in store_path.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_failing_first_load_creates_no_store(store_path, tmp_path):
    with pytest.raises(LoadError):
        open_store(store_path).add(read_paths([SEED_BUDGET, tmp_path / "missing.txt"]).documents)
    assert not store_path.exists()


def test_remove_a_document(store_path):
    store = open_store(store_path)
    store.add(read_paths([SEED_BUDGET, SEED_ACT]).documents)
    store.remove(BUDGET_ID)
    assert list(open_store(store_path).documents) == [SEED_ACT.stem]
    with pytest.raises(StoreError, match="no document"):
        open_store(store_path).remove(BUDGET_ID)


def test_the_same_document_id_twice_in_one_load_is_kept_once_or_refused(store_path, tmp_path):
    # Two files of one name in two folders: the same document is kept once, another one is refused.
    for folder in ("same", "other"):
        (tmp_path / folder).mkdir()
    copy = tmp_path / "same" / SEED_BUDGET.name
    copy.write_bytes(SEED_BUDGET.read_bytes())
    batch = read_paths([SEED_BUDGET, copy])
    assert list(batch.documents) == [BUDGET_ID] and batch.documents[BUDGET_ID][0] == str(SEED_BUDGET)
    assert batch.same == [{"id": BUDGET_ID, "path": str(copy), "genre": "budget", "same_as": str(SEED_BUDGET)}]
    other = tmp_path / "other" / SEED_BUDGET.name
    other.write_bytes(SEED_ACT.read_bytes())
    with pytest.raises(LoadError, match="same document id .* and different content"):
        open_store(store_path).add(read_paths([SEED_BUDGET, other]).documents)
    assert not store_path.exists()


# --------------------------------------------------------------------------- bad store files
@pytest.mark.parametrize("content, message", [
    (b"not json at all", "not an orggraph store (not JSON)"),
    (b"\xff\xfe\x00garbage", "not an orggraph store (not JSON)"),
    (b'{"nodes": [], "edges": []}', 'not an orggraph store (no "format": "orggraph-store")'),
    (b'[1, 2]', 'not an orggraph store (no "format": "orggraph-store")'),
    (b'{"format": "orggraph-store", "version": 99, "documents": {}}', "store version 99 is not supported"),
])
def test_a_corrupt_or_foreign_store_is_refused_and_left_alone(store_path, content, message):
    store_path.write_bytes(content)
    with pytest.raises(StoreError, match=message.replace("(", r"\(").replace(")", r"\)")):
        open_store(store_path)
    assert store_path.read_bytes() == content


def test_a_directory_as_store_is_refused(tmp_path):
    with pytest.raises(StoreError, match="is a directory"):
        open_store(tmp_path)


# --------------------------------------------------------------------------- atomic writes
def test_atomic_write_replaces_and_keeps_the_mode(tmp_path):
    target = tmp_path / "f.json"
    atomic_write(target, b"one")
    os.chmod(target, 0o640)
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_atomic_write_into_an_unwritable_place_is_a_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot write here"):
        atomic_write(blocker / "store.json", b"{}")

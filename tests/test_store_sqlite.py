"""The store as one SQLite database: its rows, its version, JSON stores read and converted, damage."""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from graph_model.errors import StoreError
from graph_model.store import store_json
from graph_model.store.store import open_store
from loaders.batch import read_paths
from support import CORPUS, SEED_ACT, SEED_BUDGET, SEED_RULES, SEED_SOP, database, stored_documents


def rows(path) -> dict[str, tuple]:
    """Every document row: id -> (rowid, record, digest)."""
    with database(path) as conn:
        return {i: (rowid, record, digest) for rowid, i, record, digest
                in conn.execute("SELECT rowid, id, record, digest FROM documents")}


def meta(path) -> dict[str, str]:
    with database(path) as conn:
        return dict(conn.execute("SELECT key, value FROM meta"))


# --------------------------------------------------------------------------- one row per document
def test_adding_a_document_writes_its_row_and_touches_no_other(store_path):
    open_store(store_path).add(read_paths([SEED_BUDGET, SEED_ACT, SEED_RULES]).documents)
    before, version = rows(store_path), meta(store_path)
    summary = open_store(store_path).add(read_paths([SEED_SOP]).documents)
    assert [d["action"] for d in summary["documents"]] == ["added"] and summary["total_documents"] == 4
    after = rows(store_path)
    assert {i: after[i] for i in before} == before  # same rowids, same bytes
    assert set(after) - set(before) == {SEED_SOP.stem}
    assert int(meta(store_path)["generation"]) == int(version["generation"]) + 1
    assert meta(store_path)["digest"] != version["digest"]


def test_replacing_a_document_rewrites_its_row_only_and_keeps_its_rowid(store_path, tmp_path):
    open_store(store_path).add(read_paths([SEED_BUDGET, SEED_ACT]).documents)
    before = rows(store_path)
    changed = tmp_path / SEED_ACT.name
    changed.write_text(SEED_ACT.read_text(encoding="utf-8").replace("秘書室", "秘書處", 1), encoding="utf-8")
    summary = open_store(store_path).add(read_paths([changed]).documents)
    assert [d["action"] for d in summary["documents"]] == ["replaced"]
    after = rows(store_path)
    assert after[SEED_BUDGET.stem] == before[SEED_BUDGET.stem]
    assert after[SEED_ACT.stem][0] == before[SEED_ACT.stem][0] and after[SEED_ACT.stem][1] != before[SEED_ACT.stem][1]


def test_the_version_changes_with_every_write_and_the_digest_names_the_content(store_path, tmp_path):
    store = open_store(store_path)
    store.add(read_paths([SEED_BUDGET]).documents)
    first = (open_store(store_path).version, open_store(store_path).fingerprint)
    open_store(store_path).add(read_paths([SEED_BUDGET]).documents)  # unchanged: nothing written
    assert (open_store(store_path).version, open_store(store_path).fingerprint) == first
    open_store(store_path).add(read_paths([SEED_ACT]).documents)
    open_store(store_path).remove(SEED_ACT.stem)
    again = open_store(store_path)
    assert again.fingerprint == first[1]  # the same documents: the same digest
    assert again.version != first[0]  # but two writes later: caches of before are not this version's
    other = tmp_path / "other.sqlite"
    open_store(other).add(read_paths([SEED_BUDGET]).documents)
    assert open_store(other).fingerprint == first[1]


def test_the_digest_is_the_digest_of_the_rows(store_path):
    from graph_model.store.store_db import row_digest
    open_store(store_path).add(read_paths([SEED_BUDGET, SEED_ACT, SEED_RULES]).documents)
    open_store(store_path).remove(SEED_ACT.stem)
    total = 0
    for doc_id, (_rowid, record, digest) in rows(store_path).items():
        assert row_digest(doc_id, record) == digest
        total ^= int(digest, 16)
    assert meta(store_path)["digest"] == f"{total:064x}"


def test_the_files_a_load_refuses_are_kept_until_loaded(store_path, tmp_path):
    missing = tmp_path / "later.txt"
    batch = read_paths([SEED_BUDGET, missing], strict=False)
    open_store(store_path).add(batch.documents, batch.refused)
    assert [r["path"] for r in open_store(store_path).refused()] == [str(missing)]
    shutil.copy(SEED_ACT, missing)
    open_store(store_path).add(read_paths([missing]).documents)
    assert open_store(store_path).refused() == []


def test_a_reader_sees_one_version_while_a_writer_changes_the_store(store_path):
    open_store(store_path).add(read_paths([SEED_BUDGET]).documents)
    reader = open_store(store_path)
    open_store(store_path).add(read_paths([SEED_ACT]).documents)
    assert list(reader.documents) == [SEED_BUDGET.stem]  # its snapshot: the version it opened
    assert sorted(open_store(store_path).documents) == sorted([SEED_BUDGET.stem, SEED_ACT.stem])


# --------------------------------------------------------------------------- JSON stores
@pytest.fixture
def json_store(tmp_path):
    path = tmp_path / "old.json"
    store_json.add(path, read_paths([SEED_BUDGET, SEED_ACT]).documents)
    return path


def test_a_json_store_is_read_as_it_is_and_reading_leaves_it_json(run, json_store):
    before = json_store.read_bytes()
    store = open_store(json_store)
    assert store.format == "json" and sorted(store.documents) == sorted([SEED_BUDGET.stem, SEED_ACT.stem])
    for args in (["tree"], ["which", "印信"], ["validate"], ["show", "基隆關/稽查組"]):
        assert run("--store", json_store, *args).exit_code == 0, args
    assert json_store.read_bytes() == before


def test_a_json_store_is_converted_by_its_first_write_and_says_so(run, json_store):
    documents = stored_documents(json_store)
    tree = run("--store", json_store, "tree").stdout
    result = run("--store", json_store, "load", SEED_RULES)
    assert result.exit_code == 0
    assert result.stderr == f"converted {json_store} from a JSON store to an SQLite database (older orggraph " \
                            "versions cannot read it)\n"
    assert json_store.read_bytes().startswith(b"SQLite format 3\0")  # in place, under its name
    store = open_store(json_store)
    assert store.format == "sqlite" and set(store.documents) == set(documents) | {SEED_RULES.stem}
    assert all(store.documents[i] == d for i, d in documents.items())
    assert run("--store", json_store, "tree").stdout != tree  # the new document is in the graph
    again = run("--store", json_store, "load", SEED_SOP)
    assert again.exit_code == 0 and again.stderr == ""  # converted once


def test_converting_keeps_what_the_json_store_recognised_as_the_same_document(json_store, tmp_path):
    copy = tmp_path / "copy.txt"
    shutil.copy(SEED_BUDGET, copy)
    summary = open_store(json_store).add(read_paths([copy]).documents)
    assert [d["action"] for d in summary["documents"]] == [f"same as {SEED_BUDGET.stem}"]
    assert "converted_from" not in summary
    # nothing new: no conversion was needed, and none was made
    assert json_store.read_bytes().startswith(b"{")


def test_a_json_store_converted_by_removing_a_document(json_store):
    open_store(json_store).remove(SEED_ACT.stem)
    store = open_store(json_store)
    assert store.format == "sqlite" and list(store.documents) == [SEED_BUDGET.stem] and store.converted is None


def test_a_store_behind_a_link_is_converted_through_it(json_store, tmp_path):
    link = tmp_path / "link.json"
    link.symlink_to(json_store)
    open_store(link).add(read_paths([SEED_RULES]).documents)
    assert link.is_symlink() and json_store.read_bytes().startswith(b"SQLite format 3\0")


def test_the_same_answers_from_a_json_store_and_from_the_database_it_becomes(run, tmp_path):
    paths = [SEED_BUDGET, SEED_ACT, *sorted(CORPUS.glob("*.txt"))[:4]]
    old = tmp_path / "old.json"
    store_json.add(old, read_paths(paths).documents)
    new = tmp_path / "new.json"
    shutil.copy(old, new)
    open_store(new).remove(SEED_ACT.stem)
    open_store(new).add(read_paths([SEED_ACT]).documents)
    assert new.read_bytes().startswith(b"SQLite")
    for args in (["tree"], ["stats", "--json"], ["which", "印信"], ["validate", "--json"], ["export"]):
        assert run("--store", new, *args).stdout == run("--store", old, *args).stdout, args


# --------------------------------------------------------------------------- damage
def damaged(path, how: str) -> None:
    data = path.read_bytes()
    n = len(data)
    if how == "cut short":
        path.write_bytes(data[:n // 2])
    elif how == "only the header":
        path.write_bytes(data[:100])
    elif how == "garbage after the magic":
        path.write_bytes(data[:16] + bytes(range(256)) * 16)
    elif how == "the first page overwritten":
        path.write_bytes(data[:100] + b"\xa5" * 3996 + data[4096:])
    elif how == "a record's bytes changed":
        with database(path) as conn:
            conn.execute("UPDATE documents SET record = CAST(replace(CAST(record AS TEXT), '稽查', '稽核') AS BLOB)")
    elif how == "an id that is not UTF-8":
        with database(path) as conn:
            conn.execute("UPDATE documents SET digest = CAST(x'ff00fe' AS TEXT)")


@pytest.mark.parametrize("how, message", [
    ("cut short", "the store is damaged (cut short"),
    ("only the header", "the store is damaged (cut short"),
    ("garbage after the magic", "the store is damaged"),
    ("the first page overwritten", "the store is damaged"),
    ("a record's bytes changed", "is damaged (its checksum does not match)"),
    ("an id that is not UTF-8", "the store is damaged"),
])
def test_a_damaged_database_is_a_one_line_error_and_is_left_as_it_is(run, store_path, how, message):
    open_store(store_path).add(read_paths([SEED_BUDGET, SEED_ACT]).documents)
    damaged(store_path, how)
    before = store_path.read_bytes()
    for args in (["stats"], ["tree"], ["validate"], ["which", "印信"], ["load", SEED_RULES]):
        result = run("--store", store_path, *args)
        if how in ("a record's bytes changed", "an id that is not UTF-8") and args[0] in ("which", "load"):
            continue  # a lookup or a load reads no record: the damage is found where it is read
        assert result.exit_code == 1 and message in result.stderr, (args, result.stderr)
        assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    if how not in ("a record's bytes changed", "an id that is not UTF-8"):
        assert store_path.read_bytes() == before
    with pytest.raises(StoreError, match=re.escape(message)):
        open_store(store_path).parsed()


def test_an_sqlite_database_that_is_no_store_is_refused_and_left_alone(store_path):
    with database(store_path) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    before = store_path.read_bytes()
    with pytest.raises(StoreError, match=r"not an orggraph store \(an SQLite database without orggraph's tables\)"):
        open_store(store_path).add(read_paths([SEED_BUDGET]).documents)
    assert store_path.read_bytes() == before


def test_a_newer_store_version_is_refused(store_path):
    open_store(store_path).add(read_paths([SEED_BUDGET]).documents)
    with database(store_path) as conn:
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'version'")
    with pytest.raises(StoreError, match="store version '4' is not supported"):
        open_store(store_path)


def test_a_pipe_in_the_stores_place_is_refused_at_once(run, store_path):
    os.mkfifo(store_path)
    try:
        for args in (["tree"], ["load", SEED_BUDGET]):
            result = run("--store", store_path, *args)
            assert result.exit_code == 1 and "not a regular file" in result.stderr
    finally:
        store_path.unlink()


def test_a_read_only_store_answers_and_a_load_says_why_it_cannot_write(run, store_path):
    open_store(store_path).add(read_paths([SEED_BUDGET]).documents)
    store_path.chmod(0o444)
    try:
        if os.geteuid() != 0:
            assert run("--store", store_path, "tree").exit_code == 0  # no cache saved: no error either
            result = run("--store", store_path, "load", SEED_ACT)
            assert result.exit_code == 1 and "read-only" in result.stderr
            return
        # root writes read-only files: the commands run as nobody, as a user without write access would
        folder = Path(tempfile.mkdtemp())
        folder.chmod(0o755)
        store_path = Path(shutil.move(store_path, folder / "store.sqlite"))
        as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m", "cli"]
        env = {**os.environ, "XDG_CACHE_HOME": str(store_path.parent / "nobody-cache")}
        tree = subprocess.run([*as_nobody, "--store", str(store_path), "tree"], capture_output=True, text=True,
                              env=env, cwd=Path(__file__).resolve().parent.parent)
        assert tree.returncode == 0, tree.stderr
        load = subprocess.run([*as_nobody, "--store", str(store_path), "load", str(SEED_ACT)], capture_output=True,
                              text=True, env=env, cwd=Path(__file__).resolve().parent.parent)
        assert load.returncode == 1 and "read-only" in load.stderr, load.stderr
    finally:
        store_path.chmod(0o644)


def test_stale_journal_files_of_a_deleted_store_are_never_replayed_into_a_new_one(store_path, tmp_path):
    open_store(store_path).add(read_paths([SEED_BUDGET]).documents)
    keep = sqlite3.connect(store_path)  # a journal is left while a connection is open
    with keep:
        keep.execute("UPDATE meta SET value = value WHERE key = 'format'")
    wal = store_path.with_name(store_path.name + "-wal")
    leftover = wal.read_bytes() if wal.exists() else b""
    keep.close()
    store_path.unlink()
    if leftover:
        wal.write_bytes(leftover)
    open_store(store_path).add(read_paths([SEED_ACT]).documents)
    assert list(stored_documents(store_path)) == [SEED_ACT.stem]


def test_a_json_store_is_read_whole_only_for_its_documents_and_as_it_is_then(json_store):
    reader = open_store(json_store)  # knows the file by its identity and its last bytes
    open_store(json_store).add(read_paths([SEED_RULES]).documents)  # meanwhile converted by a writer
    assert reader.format == "json" and SEED_RULES.stem in reader.documents
    assert reader.format == "sqlite"

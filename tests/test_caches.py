"""No damaged, swapped or foreign cache can change an answer or hang a command (run as users run it:
separate processes sharing one cache directory).

A store that is a database keeps its caches in its own tables, made for its version; the bundled
samples and JSON stores (made by an older orggraph, until their first write) keep theirs in sealed
files of the cache directory."""
from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import time
import zlib

import pytest

from support import REPO, SEED_ACT, SEED_BUDGET, database

COMMANDS = (("tree",), ("which", "印信"), ("validate",))


def orggraph(cache, *args, timeout=120):
    env = dict(os.environ, XDG_CACHE_HOME=str(cache), NO_COLOR="1")
    proc = subprocess.run([sys.executable, str(REPO / "cli.py"), *map(str, args)], env=env, capture_output=True,
                          text=True, timeout=timeout)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def answers(cache, store):
    return {c: orggraph(cache, "--store", store, *c).stdout for c in COMMANDS}


def warm(cache, stores):
    """Run every command on each store (its caches made), and return what each answers."""
    for store in stores:
        for command in COMMANDS:
            orggraph(cache, "--store", store, *command)
    return [answers(cache, s) for s in stores]


def flip(data: bytes) -> bytes:
    out = bytearray(data)
    for at in range(len(out) // 7, len(out), max(1, len(out) // 5)):
        out[at] ^= 0x10
    return bytes(out)


INDEX_TABLES = ("which_meta", "which_units", "which_entries", "which_postings", "which_name_postings")


# --------------------------------------------------------------------------- caches in the store
def copied(template, tmp_path):
    """The stores and cache directory of a fixture, copied for one test (made once per module)."""
    folder, truth_a, truth_b = template
    shutil.copytree(folder, tmp_path, dirs_exist_ok=True, symlinks=True)
    names = sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.endswith(".lock"))
    return (tmp_path / "cache", *(tmp_path / n for n in names), truth_a, truth_b)


@pytest.fixture(scope="module")
def _stores(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stores")
    cache = folder / "cache"
    a, b = folder / "a.sqlite", folder / "b.sqlite"
    for store, seed in ((a, SEED_BUDGET), (b, SEED_ACT)):
        assert orggraph(cache, "--store", store, "load", seed).returncode == 0
    return folder, *warm(cache, (a, b))


@pytest.fixture
def stores(_stores, tmp_path):
    """Two SQLite stores (a budget book, an act) with their caches warm."""
    return copied(_stores, tmp_path)


def test_the_caches_live_in_the_store_and_nothing_in_the_cache_directory(stores):
    cache, a, b, truth_a, truth_b = stores
    with database(a) as conn:
        assert {n for (n,) in conn.execute("SELECT name FROM caches")} == {"graph.pickle", "validate.json"}
        assert conn.execute("SELECT count(*) FROM which_entries").fetchone()[0] > 0
    assert not [p for pattern in ("*.pickle", "which-*", "validate-*") for p in cache.rglob(pattern)]


def test_another_stores_cache_rows_copied_into_this_store_are_misses(stores):
    cache, a, b, truth_a, truth_b = stores
    with database(a) as conn:
        conn.execute("ATTACH DATABASE ? AS other", (str(b),))
        for table in ("caches", *INDEX_TABLES):
            conn.execute(f"DELETE FROM main.{table}")
            conn.execute(f"INSERT INTO main.{table} SELECT * FROM other.{table}")
    assert answers(cache, a) == truth_a and answers(cache, b) == truth_b


def test_a_cache_row_from_an_older_version_of_the_store_is_not_used(stores, tmp_path):
    cache, a, b, truth_a, truth_b = stores
    with database(a) as conn:
        old = conn.execute("SELECT * FROM caches").fetchall()
        old_index = {t: conn.execute(f"SELECT * FROM {t}").fetchall() for t in INDEX_TABLES}
    assert orggraph(cache, "--store", a, "load", SEED_ACT).returncode == 0
    changed = answers(cache, a)
    assert changed != truth_a
    with database(a) as conn:  # the caches of before the load put back
        conn.execute("DELETE FROM caches")
        conn.executemany("INSERT INTO caches VALUES (?, ?, ?, ?)", old)
        for table, rows in old_index.items():
            conn.execute(f"DELETE FROM {table}")
            conn.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)
    assert answers(cache, a) == changed


def test_flipped_bits_in_the_cache_rows_change_no_answer(stores):
    cache, a, b, truth_a, truth_b = stores
    with database(a) as conn:
        for name, body in conn.execute("SELECT name, body FROM caches").fetchall():
            conn.execute("UPDATE caches SET body = ? WHERE name = ?", (flip(body), name))
        for table, column, key in (("which_units", "row", "id"), ("which_entries", "row", "id"),
                                   ("which_postings", "ids", "term"), ("which_meta", "value", "key")):
            for k, value in conn.execute(f"SELECT {key}, {column} FROM {table}").fetchall():
                conn.execute(f"UPDATE {table} SET {column} = ? WHERE {key} = ?", (flip(value), k))
    assert answers(cache, a) == truth_a


def test_a_pickle_of_empty_dicts_or_an_index_row_of_the_wrong_shape_is_a_miss(stores):
    cache, a, b, truth_a, truth_b = stores
    empty = pickle.dumps({"graph": {}, "node": {}, "succ": {}, "pred": {}})
    with database(a) as conn:
        conn.execute("UPDATE caches SET body = ? WHERE name = 'graph.pickle'", (empty,))
        for table in ("which_units", "which_entries"):  # whole rows (their CRC agrees) of the wrong width
            conn.execute(f"UPDATE {table} SET row = '[1]', crc = ? WHERE id < 5", (zlib.crc32(b"0\0[1]"),))
    assert answers(cache, a) == truth_a


def test_a_damaged_row_of_the_previous_index_is_not_folded_into_the_new_one(stores, tmp_path):
    import json
    cache, a, b, truth_a, truth_b = stores
    damaged = 0
    with database(a) as conn:  # the folded form of a text says something else (its CRC made to agree)
        for i, raw in conn.execute("SELECT id, row FROM which_entries").fetchall():
            row = json.loads(raw)
            if isinstance(row[3], str) and "印信" in row[3]:
                row[3] = row[3].replace("印信", "人事")
                new = json.dumps(row, ensure_ascii=False).encode()
                conn.execute("UPDATE which_entries SET row = ?, crc = ? WHERE id = ?",
                             (new, zlib.crc32(f"{i}".encode() + b"\0" + new), i))
                damaged += 1
    assert damaged
    assert orggraph(cache, "--store", a, "load", SEED_ACT).returncode == 0  # a rebuild reuses folded texts
    fresh = tmp_path / "fresh.sqlite"
    with database(a) as conn:
        conn.execute("VACUUM INTO ?", (str(fresh),))
    with database(fresh) as conn:
        conn.execute("DELETE FROM caches")
        for table in INDEX_TABLES:
            conn.execute(f"DROP TABLE {table}")
    rebuilt = orggraph(cache, "--store", a, "which", "印信").stdout
    assert rebuilt == orggraph(cache, "--store", fresh, "which", "印信").stdout


# --------------------------------------------------------------------------- cache files (JSON stores, samples)
@pytest.fixture(scope="module")
def _json_stores(tmp_path_factory):
    from graph_model.store import store_json
    from loaders.batch import read_paths
    folder = tmp_path_factory.mktemp("json-stores")
    cache = folder / "cache"
    a, b = folder / "a.json", folder / "b.json"
    for store, seed in ((a, SEED_BUDGET), (b, SEED_ACT)):
        store_json.add(store, read_paths([seed]).documents)
    return folder, *warm(cache, (a, b))


@pytest.fixture
def json_stores(_json_stores, tmp_path):
    """Two JSON stores, as an older orggraph wrote them, with their caches warm in one cache directory."""
    cache, a, b, truth_a, truth_b = copied(_json_stores, tmp_path)
    answers(cache, a), answers(cache, b)  # the stores' hash memos, for their new place
    return cache, a, b, truth_a, truth_b


def family(cache, pattern):
    return sorted(cache.joinpath("orggraph").glob(pattern), key=lambda p: p.stat().st_mtime)


def test_json_stores_are_read_as_they_are(json_stores):
    cache, a, b, truth_a, truth_b = json_stores
    assert a.read_bytes().startswith(b"{") and "財政部" in truth_a[("tree",)]
    assert len(family(cache, "graph-*.pickle")) == 2


def test_another_stores_cache_files_under_this_stores_names_are_misses(json_stores):
    cache, a, b, truth_a, truth_b = json_stores
    for pattern in ("graph-*.pickle", "validate-*.json", "which-*.sqlite", "hash-*"):
        files = family(cache, pattern)
        assert len(files) >= 2, pattern
        data = {p: p.read_bytes() for p in files}
        for p in files:  # every file of the family now holds another one's bytes
            others = [d for q, d in data.items() if q != p]
            p.write_bytes(others[0])
        assert answers(cache, a) == truth_a and answers(cache, b) == truth_b, pattern


def test_flipped_bits_in_the_cache_files_change_no_answer(json_stores):
    cache, a, b, truth_a, truth_b = json_stores
    for pattern in ("graph-*.pickle", "validate-*.json", "which-*.sqlite", "hash-*"):
        for p in family(cache, pattern):
            p.write_bytes(flip(p.read_bytes()))
    assert answers(cache, a) == truth_a and answers(cache, b) == truth_b


def test_a_pickle_file_of_empty_dicts_or_an_index_file_row_of_the_wrong_shape_is_a_miss(json_stores):
    cache, a, b, truth_a, truth_b = json_stores
    for p in family(cache, "graph-*.pickle"):
        p.write_bytes(pickle.dumps({"graph": {}, "node": {}, "succ": {}, "pred": {}}))
    for p in family(cache, "which-*.sqlite"):
        with database(p) as conn:
            conn.execute("UPDATE units SET row = '[1]'")
            conn.execute("UPDATE entries SET row = '[1]' WHERE id < 5")
    assert answers(cache, a) == truth_a


def test_a_damaged_row_of_another_stores_index_file_is_not_folded_into_a_new_one(json_stores, tmp_path):
    import json
    cache, a, b, truth_a, truth_b = json_stores
    damaged = 0
    for p in family(cache, "which-*.sqlite"):  # the folded form of a text says something else
        with database(p) as conn:
            for i, raw in conn.execute("SELECT id, row FROM entries").fetchall():
                row = json.loads(raw)
                if isinstance(row[3], str) and "印信" in row[3]:
                    row[3] = row[3].replace("印信", "人事")
                    new = json.dumps(row, ensure_ascii=False).encode()
                    conn.execute("UPDATE entries SET row = ?, crc = ? WHERE id = ?",
                                 (new, zlib.crc32(f"{i}".encode() + b"\0" + new), i))
                    damaged += 1
    assert damaged
    from graph_model.store import store_json
    from loaders.batch import read_paths
    store_json.add(a, read_paths([SEED_ACT]).documents)  # a change: the rebuild reuses folded texts
    fresh = tmp_path / "fresh-cache"
    assert (orggraph(cache, "--store", a, "which", "印信").stdout
            == orggraph(fresh, "--store", a, "which", "印信").stdout)


def test_anything_but_a_regular_file_in_a_caches_place_is_a_miss_and_never_hangs(json_stores):
    cache, a, b, truth_a, truth_b = json_stores
    kinds = {"graph-*.pickle": "fifo", "validate-*.json": "dev-zero", "hash-*": "directory", "which-*.sqlite": "fifo"}
    for pattern, kind in kinds.items():
        for p in family(cache, pattern):
            p.unlink()
            if kind == "fifo":
                os.mkfifo(p)
            elif kind == "dev-zero":
                p.symlink_to("/dev/zero")
            else:
                p.mkdir()
    try:
        assert answers(cache, a) == truth_a  # within the subprocess timeout: nothing blocks or reads forever
        for pattern in ("graph-*.pickle", "validate-*.json", "which-*.sqlite"):  # and the caches work again
            assert any(p.is_file() and not p.is_symlink() for p in family(cache, pattern)), pattern
    finally:  # no pipe left behind for another test to open
        for p in cache.joinpath("orggraph").iterdir():
            if p.is_symlink() or not (p.is_file() or p.is_dir()):
                p.unlink()


def test_temporary_files_a_killed_writer_left_are_removed(json_stores, _stores, tmp_path):
    cache, a, b, truth_a, truth_b = json_stores
    folder = cache / "orggraph"
    db = tmp_path / "db.sqlite"  # a database store: what a killed creation or conversion left beside it
    shutil.copy(_stores[0] / "a.sqlite", db)
    left = [folder / ".graph-x.pickle.abc.tmp", a.parent / f".{a.name}.def.tmp", db.parent / f".{db.name}.ghi.tmp"]
    for p in left:
        p.write_bytes(b"x" * 1000)
        os.utime(p, (time.time() - 3600, time.time() - 3600))
    young = folder / ".which-y.sqlite.ghi.tmp"
    young.write_bytes(b"a writer still at work")
    from graph_model.store import store_json
    from loaders.batch import read_paths
    store_json.add(b, read_paths([SEED_BUDGET]).documents)
    orggraph(cache, "--store", b, "validate")  # a JSON store's caches, made again: files
    assert orggraph(cache, "--store", a, "load", SEED_ACT).returncode == 0  # converts a: a new file
    assert orggraph(cache, "--store", db, "load", SEED_ACT).returncode == 0
    assert not any(p.exists() for p in left) and young.exists()

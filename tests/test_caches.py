"""No damaged, swapped or foreign cache can change an answer or hang a command (run as users run it:
separate processes sharing one cache directory)."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import REPO, SEED_ACT, SEED_BUDGET


def orggraph(cache, *args, timeout=120):
    env = dict(os.environ, XDG_CACHE_HOME=str(cache), NO_COLOR="1")
    proc = subprocess.run([sys.executable, str(REPO / "cli.py"), *map(str, args)], env=env, capture_output=True,
                          text=True, timeout=timeout)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture
def stores(tmp_path):
    """Two stores (a budget book, an act) with their caches warm in one cache directory."""
    cache = tmp_path / "cache"
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    for store, seed in ((a, SEED_BUDGET), (b, SEED_ACT)):
        assert orggraph(cache, "--store", store, "load", seed).returncode == 0
        for command in (("tree",), ("which", "印信"), ("validate",)):
            orggraph(cache, "--store", store, *command)
    truth = {name: {c: orggraph(cache, "--store", s, *c).stdout for c in (("tree",), ("which", "印信"), ("validate",))}
             for name, s in (("a", a), ("b", b))}
    return cache, a, b, truth


def family(cache, pattern):
    return sorted(cache.joinpath("orggraph").glob(pattern), key=lambda p: p.stat().st_mtime)


def answers(cache, store):
    return {c: orggraph(cache, "--store", store, *c).stdout for c in (("tree",), ("which", "印信"), ("validate",))}


def test_another_stores_caches_under_this_stores_names_are_misses(stores):
    cache, a, b, truth = stores
    for pattern in ("graph-*.pickle", "validate-*.json", "which-*.sqlite", "hash-*"):
        files = family(cache, pattern)
        assert len(files) >= 2, pattern
        data = {p: p.read_bytes() for p in files}
        for p in files:  # every file of the family now holds another one's bytes
            others = [d for q, d in data.items() if q != p]
            p.write_bytes(others[0])
        assert answers(cache, a) == truth["a"] and answers(cache, b) == truth["b"], pattern


def test_flipped_bits_in_the_caches_change_no_answer(stores):
    cache, a, b, truth = stores
    for pattern in ("graph-*.pickle", "validate-*.json", "which-*.sqlite", "hash-*"):
        for p in family(cache, pattern):
            data = bytearray(p.read_bytes())
            for at in range(len(data) // 7, len(data), max(1, len(data) // 5)):
                data[at] ^= 0x10
            p.write_bytes(bytes(data))
    assert answers(cache, a) == truth["a"] and answers(cache, b) == truth["b"]


def test_a_pickle_of_empty_dicts_or_an_index_row_of_the_wrong_shape_is_a_miss(stores):
    import pickle
    cache, a, b, truth = stores
    for p in family(cache, "graph-*.pickle"):
        p.write_bytes(pickle.dumps({"graph": {}, "node": {}, "succ": {}, "pred": {}}))
    for p in family(cache, "which-*.sqlite"):
        with sqlite3.connect(p) as conn:
            conn.execute("UPDATE units SET row = '[1]'")
            conn.execute("UPDATE entries SET row = '[1]' WHERE id < 5")
    assert answers(cache, a) == truth["a"]


def test_a_damaged_row_of_another_stores_index_is_not_folded_into_a_new_one(stores, tmp_path):
    cache, a, b, truth = stores
    import json
    damaged = 0
    for p in family(cache, "which-*.sqlite"):  # the folded form of a text says something else
        with sqlite3.connect(p) as conn:
            for i, raw in conn.execute("SELECT id, row FROM entries").fetchall():
                row = json.loads(raw)
                if isinstance(row[3], str) and "印信" in row[3]:
                    row[3] = row[3].replace("印信", "人事")
                    conn.execute("UPDATE entries SET row = ? WHERE id = ?", (json.dumps(row, ensure_ascii=False), i))
                    damaged += 1
    assert damaged
    assert orggraph(cache, "--store", a, "load", SEED_ACT).returncode == 0  # a rebuild reuses folded texts
    fresh = tmp_path / "fresh-cache"
    assert (orggraph(cache, "--store", a, "which", "印信").stdout
            == orggraph(fresh, "--store", a, "which", "印信").stdout)


def test_anything_but_a_regular_file_in_a_caches_place_is_a_miss_and_never_hangs(stores):
    cache, a, b, truth = stores
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
        assert answers(cache, a) == truth["a"]  # within the subprocess timeout: nothing blocks or reads forever
        for pattern in ("graph-*.pickle", "validate-*.json", "which-*.sqlite"):  # and the caches work again
            assert any(p.is_file() and not p.is_symlink() for p in family(cache, pattern)), pattern
    finally:  # no pipe left behind for another test to open
        for p in cache.joinpath("orggraph").iterdir():
            if p.is_symlink() or not (p.is_file() or p.is_dir()):
                p.unlink()


def test_temporary_files_a_killed_writer_left_are_removed(stores):
    cache, a, b, truth = stores
    folder = cache / "orggraph"
    left = [folder / ".graph-x.pickle.abc.tmp", a.parent / f".{a.name}.def.tmp"]
    for p in left:
        p.write_bytes(b"x" * 1000)
        os.utime(p, (time.time() - 3600, time.time() - 3600))
    young = folder / ".which-y.sqlite.ghi.tmp"
    young.write_bytes(b"a writer still at work")
    assert orggraph(cache, "--store", a, "load", SEED_ACT).returncode == 0
    orggraph(cache, "--store", a, "validate")
    assert not any(p.exists() for p in left) and young.exists()

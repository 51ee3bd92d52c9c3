"""The store as users run it, in separate processes: a `load` killed (kill -9) at any moment leaves it
exactly as it was or as the load would have left it; writers and readers at once lose nothing."""
from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from support import CORPUS, REPO, SEEDS, stored_documents

sys.path.insert(0, str(REPO / "eval"))
import corpus as national_corpus  # noqa: E402


def start(store, *args, cache):
    env = dict(os.environ, XDG_CACHE_HOME=str(cache), NO_COLOR="1")
    return subprocess.Popen([sys.executable, str(REPO / "cli.py"), "--store", str(store), *map(str, args)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def orggraph(store, *args, cache):
    proc = start(store, *args, cache=cache)
    out, err = proc.communicate(timeout=300)
    assert "Traceback" not in err, err
    return proc.returncode, out, err


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """A folder of 121 laws of the national corpus (their records are 2 MB: a write takes a while)."""
    folder = tmp_path_factory.mktemp("laws")
    for i, (name, data) in enumerate(national_corpus.archive_files()):
        if i % 12 == 0:
            (folder / name).write_bytes(data)
    return folder


def check_whole(store) -> set[str]:
    """The documents of a store that must be whole: SQLite's own check, and the digest of its rows."""
    if store.read_bytes()[:6] == b"SQLite":
        conn = sqlite3.connect(store)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            total = 0
            for (digest,) in conn.execute("SELECT digest FROM documents"):
                total ^= int(digest, 16)
            assert dict(conn.execute("SELECT key, value FROM meta"))["digest"] == f"{total:064x}"
        finally:
            conn.close()
    return set(stored_documents(store))


def kill_when(proc, ready, extra: float) -> None:
    """kill -9 ``proc`` ``extra`` seconds after ``ready()`` first holds (or when it ends by itself)."""
    while proc.poll() is None and not ready():
        time.sleep(0.002)
    time.sleep(extra)
    with contextlib.suppress(ProcessLookupError):
        proc.send_signal(signal.SIGKILL)
    proc.communicate()


def temp_files(store):
    return list(store.parent.glob(f".{store.name}.*.tmp"))


@pytest.mark.parametrize("start_as", ["none", "json", "sqlite"])
def test_a_killed_load_leaves_the_store_old_or_new(documents, tmp_path, start_as):
    from graph_model.store import store_json
    from loaders.batch import read_paths
    cache = tmp_path / "cache"
    base = sorted(SEEDS.glob("*.txt"))
    full = tmp_path / "full.sqlite"  # what the load gives when nothing stops it
    if start_as != "none":
        orggraph(full, "load", *base, cache=cache)
    assert orggraph(full, "load", documents, cache=cache)[0] in (0, 1)
    new = check_whole(full)
    old = set() if start_as == "none" else {p.stem for p in base}
    outcomes = []
    for attempt, extra in enumerate((0.0, 0.05, 0.3)):
        store = tmp_path / f"s{attempt}.{'json' if start_as == 'json' else 'sqlite'}"
        if start_as == "json":
            store_json.add(store, read_paths(base).documents)
        elif start_as == "sqlite":
            orggraph(store, "load", *base, cache=cache)
        before = store.read_bytes() if store.exists() else None
        proc = start(store, "load", documents, cache=cache)
        if start_as == "sqlite":  # the transaction writes pages to the journal before it commits
            wal = store.with_name(store.name + "-wal")
            kill_when(proc, lambda wal=wal: wal.exists() and wal.stat().st_size > 0, extra)
        else:  # the new database is built under a temporary name, then renamed into place
            kill_when(proc, lambda store=store: bool(temp_files(store)), extra)
        if not store.exists():
            assert start_as == "none"
            outcomes.append("old")
            continue
        found = check_whole(store)
        assert found in (old, new), (attempt, len(found))
        if found == old and start_as == "json":
            assert store.read_bytes() == before  # the JSON file itself, untouched
        outcomes.append("old" if found == old else "new")
        assert orggraph(store, "stats", "--json", cache=cache)[0] == 0  # and it answers
    assert outcomes  # which of them happened depends on the machine; each was whole
    if start_as != "sqlite":  # the next write clears what killed ones left
        store = tmp_path / "s0.sqlite" if start_as == "none" else tmp_path / "s0.json"
        orggraph(store, "load", base[0], cache=cache)
        assert not temp_files(store)


def test_four_writers_and_four_readers_at_once_lose_nothing(documents, tmp_path):
    cache = tmp_path / "cache"
    first = sorted(SEEDS.glob("*.txt"))[0]
    candidates = sorted(documents.glob("*.json"))[:16] + sorted(CORPUS.glob("*.txt"))[:8]
    reference = tmp_path / "reference.sqlite"  # which of them a load adds (not refused, not kept once as another)
    summary = json.loads(orggraph(reference, "load", first, *candidates, "--json", cache=cache)[1])
    added = {d["path"] for d in summary["documents"] if d["action"] == "added"}
    files = [p for p in candidates if str(p) in added][:20]
    store = tmp_path / "store.sqlite"
    assert orggraph(store, "load", first, cache=cache)[0] == 0
    script = ("import subprocess, sys\n"
              "for path in sys.argv[2:]:\n"
              f"    p = subprocess.run([sys.executable, {str(REPO / 'cli.py')!r}, '--store', sys.argv[1], 'load',"
              " path], capture_output=True, text=True)\n"
              "    if p.returncode != 0 or 'Traceback' in p.stderr:\n"
              "        sys.exit('load failed: ' + p.stderr)\n")
    env = dict(os.environ, XDG_CACHE_HOME=str(cache), NO_COLOR="1")
    writers = [subprocess.Popen([sys.executable, "-c", script, str(store), *map(str, files[i::4])], env=env,
                                stderr=subprocess.PIPE, text=True) for i in range(4)]
    seen: list[list[int]] = [[] for _ in range(4)]
    problems, rounds = [], 0
    while any(w.poll() is None for w in writers) or rounds == 0:
        rounds += 1
        readers = [start(store, *(["--all", "stats", "--json"] if i % 2 else ["which", "印信", "--json"]), cache=cache)
                   for i in range(4)]
        for i, r in enumerate(readers):
            out, err = r.communicate(timeout=300)
            if r.returncode not in (0, 1) or err:
                problems.append(err)
            elif i % 2:
                seen[i].append(len(json.loads(out)["documents"]))
    for w in writers:
        assert w.wait() == 0, w.stderr.read()
    assert not problems, problems[:2]
    for counts in seen:  # each reader saw whole versions, one after another
        assert counts == sorted(counts)
    assert check_whole(store) == {first.stem} | {p.stem for p in files}

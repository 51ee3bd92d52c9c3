"""What the tests share besides fixtures: the seed files, and helpers to read a store or a national document.

Tests import it (``from support import SEED_BUDGET``); fixtures live in conftest.py, which pytest loads itself.
"""
from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "data" / "seeds"
CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
SEED_BUDGET = SEEDS / "001_586683daab11227d.txt"
SEED_ACT = SEEDS / "002_af79314871040b19.txt"
SEED_RULES = SEEDS / "003_ddbe94cb5fa75ce1.txt"
SEED_SOP = SEEDS / "004_cb8c5378b4c98a4f.txt"
BUDGET_ID = SEED_BUDGET.stem
BUDGET_LINES = SEED_BUDGET.read_text(encoding="utf-8").splitlines()


def stored_documents(path) -> dict:
    """The records a store holds, by document id (whatever its format)."""
    from graph_model.store.store import open_store
    store = open_store(path)
    try:
        return store.documents
    finally:
        store.close()


@contextlib.contextmanager
def database(path):
    """A store's SQLite database opened directly, committed on leaving (for tests that damage it)."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            yield conn
    finally:
        conn.close()


def edit_record(path, doc_id: str, change) -> None:
    """Hand-edit one document's record in an SQLite store, as a tool that keeps its checksum would:
    ``change(record)`` alters the dict in place."""
    import sqlite3

    import orjson

    from graph_model.store.store_db import row_digest
    conn = sqlite3.connect(path)
    try:
        with conn:
            (raw,) = conn.execute("SELECT record FROM documents WHERE id = ?", (doc_id,)).fetchone()
            record = orjson.loads(raw)
            change(record)
            new = orjson.dumps(record, option=orjson.OPT_SORT_KEYS)
            conn.execute("UPDATE documents SET record = ?, digest = ? WHERE id = ?",
                         (new, row_digest(doc_id, new), doc_id))
    finally:
        conn.close()


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on now."""
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def parse_national(pcode: str):
    """One document of data/national.tar.xz, parsed as `load` parses it."""
    import sys
    sys.path.insert(0, str(REPO / "eval"))
    import corpus as national_corpus

    from loaders import parse_bytes
    return parse_bytes(national_corpus.national_file(pcode), f"{pcode}.json")


def national_store(folder, *pcodes: str):
    """A store in ``folder`` of these documents of data/national.tar.xz, loaded as `load` loads them."""
    import sys
    sys.path.insert(0, str(REPO / "eval"))
    import corpus as national_corpus

    from graph_model.store.store import open_store
    from loaders.batch import read_paths
    for pcode in pcodes:
        (folder / f"{pcode}.json").write_bytes(national_corpus.national_file(pcode))
    store = open_store(folder / "store.db")
    store.add(read_paths([folder]).documents)
    return store


def units_below(parsed) -> list[str]:
    """The units below a parsed document's agency, as paths under it."""
    n = len(parsed.agency)
    return ["/".join(u.path[n:]) for u in parsed.units if len(u.path) > n and u.path[:n] == parsed.agency]


def duties_of(parsed, unit: str) -> list[str]:
    """The duties of ``unit`` (a path under the agency, "" for the agency itself)."""
    return [d.text for d in parsed.duties if "/".join(d.unit[len(parsed.agency):]) == unit]


def unit_references(graph) -> list[str]:
    """Every way the units of ``graph`` are named: ids, names, full names, aliases, two-piece
    suffixes (with / and ›) and a parent's name before a full name or alias."""
    refs = set()
    for u in graph.units():
        p, names = u["path"], [u["full_name"], *u["aliases"]]
        refs.update([u["id"], u["name"], *names, "/".join(p[-2:]), " › ".join(p[-2:])])
        if len(p) > 1:
            refs.update(f"{p[-2]}/{n}" for n in names)
    return sorted(refs - {""})


def unit_rows(graph):
    """Each unit of ``graph`` as the rule of unit references reads it: id, path, full name, aliases."""
    return [(u["id"], u["path"], u["full_name"], u["aliases"]) for u in graph.units()]


def graph_of(*pcodes: str):
    """The graph of national documents loaded together (from the corpus copy under data/)."""
    import sys
    sys.path.insert(0, str(REPO / "eval"))
    from corpus import national_file

    from graph_model.graph.graph import OrgGraph
    from loaders import parse_bytes
    return OrgGraph.build([parse_bytes(national_file(p), f"{p}.json") for p in pcodes])

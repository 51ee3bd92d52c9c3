"""Names of bodies that no longer exist, as the graph's lineage keeps them, read as names of their successors.

:mod:`graph_model.graph.former` writes on each current unit the bodies that ended into it (``formerly``: name,
full name, date, where the documents say it).  :func:`with_former` adds them to a
:class:`~queries.lookup.vocabulary.Catalog` the way a reviewed row of data/lineage.tsv is added: the name, the
full name, the full name without 行政院 (行政院衛生署 → 衛生署), the initials of that name (環境保護署 → 環保署), and
its abbreviations (農業委員會 → 農委會, 原子能委員會 → 原能會) — unless a current body or a reviewed row has the name.
Both backends read the same rows (the embedded index from the graph, Neo4j from the pushed nodes), so they
build the catalog alike.

>>> from queries.lookup.vocabulary import Catalog
>>> cat = with_former(Catalog({}, frozenset()), [("行政院/農業部", [{"name": "農業委員會", "full_name":
...     "行政院農業委員會", "date": "2023-11-29", "where": "M0010002 沿革內容"}])])
>>> cat.names["農業委員會"]
(['行政院/農業部'], 'former name: 農業委員會 is now 農業部 (since 2023-11-29), M0010002 沿革內容')
>>> cat.abbreviated("農委會哪個單位管農藥", 0)
('農委會', ['行政院/農業部'], '農業委員會')
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace

from queries.textnorm import fold

from .vocabulary import GENERIC_STARTS, NAME_TYPES, Catalog, initials, type_word

FORMER = "former name: "


def former_rows(units: Iterable[dict]) -> list[tuple[str, list[dict]]]:
    """``(unit id, its formerly list)`` of the graph's unit nodes that keep one."""
    return [(u["id"], u["formerly"]) for u in units if u.get("formerly")]


def _read(kept) -> list[dict]:
    return json.loads(kept) if isinstance(kept, str) else list(kept or ())  # Neo4j keeps it as JSON text


def with_former(cat: Catalog, rows: Sequence[tuple[str, object]], triggers=None) -> Catalog:
    """``cat`` with the former bodies of ``rows`` (``(unit id, formerly)``) as names of their successors."""
    found: dict[str, tuple[str, list[str], dict]] = {}  # written -> (the former's full name, successors, the first)
    ambiguous: set[str] = set()
    for uid, kept in sorted(rows, key=lambda r: r[0]):
        for f in _read(kept):
            name, full = fold(f["name"], triggers).strip(), fold(f["full_name"], triggers).strip()
            bare = full.removeprefix("行政院")
            for written in dict.fromkeys([full, bare, name, *initials(name)]):
                if len(written) < 3 or " " in written or written.startswith(GENERIC_STARTS) or written in NAME_TYPES:
                    continue
                if written in found and found[written][0] != full:  # two bodies of one name: it names neither
                    ambiguous.add(written)
                elif uid not in found.setdefault(written, (full, [], f))[1]:
                    found[written][1].append(uid)
    names = dict(cat.names)
    abbreviable = {k: list(v) for k, v in cat.abbreviable.items()}
    taken = set(names) | {e[0] for entries in abbreviable.values() for e in entries}
    for written, (_full, ids, f) in sorted(found.items()):
        reviewed = names.get(written, ([], ""))
        if written in ambiguous or (written in taken and not reviewed[1].startswith(FORMER)):
            continue
        if reviewed[1].startswith(FORMER):  # a reviewed row of data/lineage.tsv says it first; its abbreviations too
            ids = reviewed[0]
        else:
            successors = "、".join(i.rsplit("/", 1)[-1] for i in ids)
            since = f" (since {f['date']})" if f.get("date") else ""
            names[written] = (ids, f"{FORMER}{written} is now {successors}{since}, {f['where']}")
        stem = written.removeprefix("國立")
        if written == fold(f["name"], triggers).strip() and len(stem) >= 4 and not stem.startswith(GENERIC_STARTS):
            abbreviable.setdefault(stem[0], []).extend([stem, type_word(stem), uid, written] for uid in ids)
    return replace(cat, names=names, abbreviable=abbreviable)


def former_scope(cat: Catalog, name: str) -> str | None:
    """The catalog's how for a former body's ``name`` (how an abbreviation of it scopes a question), else None."""
    how = cat.names.get(name, ([], ""))[1]
    return how if how.startswith(FORMER) else None

"""A reference to a unit, as people give one, and the units it names: the one rule of every lookup.

A reference is an id (財政部/關務署), a path suffix (基隆關/稽查組, 基隆關 › 稽查組), a name, a full
name or an alias (經濟部智慧財產局).  It names the unit whose id it is; else every unit whose path
ends with its pieces, the last piece being the unit's name, its full name or one of its aliases
(not a self-reference such as 本局: that one names a unit only in its own document).
What several units mean is the caller's to say: ``show`` refuses them, ``which --agency`` takes them
all.  The Neo4j lookup asks the same in Cypher (:func:`graph_model.neo4j.cypher.units_by_reference`);
the build's :meth:`OrgGraph.ending_with` matches records' paths with :func:`ends_with`.

>>> units = [("財政部/關務署/基隆關", ["財政部", "關務署", "基隆關"], "財政部關務署基隆關", []),
...          ("財政部/關務署/基隆關/稽查組", ["財政部", "關務署", "基隆關", "稽查組"], "稽查組", []),
...          ("財政部/關務署/臺中關/稽查組", ["財政部", "關務署", "臺中關", "稽查組"], "稽查組", [])]
>>> units_named("基隆關 › 稽查組", units), units_named("稽查組", units), units_named("財政部關務署基隆關", units)
([1], [1, 2], [0])
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from .naming import fold_name, is_self_reference


def parse_unit_ref(ref: str) -> tuple[str, list[str]]:
    """``(the reference as an id, the pieces that name units)``: pieces split at / or ›, blanks
    around them dropped; none when the last is a self-reference (本局, 本署 …), a document's word
    for its own organization that names no unit outside that document (though aliases keep it).

    >>> parse_unit_ref(" 關務署 › 基隆關/ "), parse_unit_ref("經濟部/本局")
    (('關務署/基隆關', ['關務署', '基隆關']), ('經濟部/本局', []))
    """
    pieces = [p.strip() for p in ref.replace("›", "/").split("/")]
    pieces = [p for p in pieces if p]
    return "/".join(pieces), [] if pieces and is_self_reference(pieces[-1]) else pieces


def ends_with(path: Sequence[str], pieces: Sequence[str]) -> bool:
    """True when ``path`` ends with ``pieces`` (at least one).

    >>> ends_with(["財政部", "關務署", "基隆關"], ["關務署", "基隆關"]), ends_with(["基隆關"], [])
    (True, False)
    """
    n = len(pieces)
    return 0 < n <= len(path) and list(path[len(path) - n:]) == list(pieces)


def names_unit(pieces: Sequence[str], path: Sequence[str], full_name: str = "", aliases: Iterable[str] = ()) -> bool:
    """True when ``pieces`` name the unit at ``path``: the path ends with them, but for the last piece,
    which may also be the unit's full name or one of its aliases."""
    n = len(pieces)
    if not 0 < n <= len(path):
        return False
    last = pieces[-1]  # compared first: it rules out almost every unit
    if not (last == path[-1] or last == full_name or last in aliases):
        return False
    return n == 1 or list(path[len(path) - n:-1]) == list(pieces[:-1])


def units_named(ref: str, units: Iterable[tuple[str, Sequence[str], str, Iterable[str]]]) -> list[int]:
    """Positions in ``units`` (``(id, path, full name, aliases)`` each) of the units ``ref`` names;
    spelt as written first, else with variant characters folded (臺灣美國事務委員會 names 台灣美國事務委員會).

    >>> units_named("臺灣美國事務委員會", [("行政院/台灣美國事務委員會", ["行政院", "台灣美國事務委員會"], "", [])])
    [0]
    """
    units = units if isinstance(units, list) else list(units)
    key, pieces = parse_unit_ref(ref)
    found = []
    for i, (uid, path, full_name, aliases) in enumerate(units):
        if uid == key:
            return [i]
        if names_unit(pieces, path, full_name, aliases):
            found.append(i)
    if found or not pieces:
        return found
    pieces = [fold_name(p) for p in pieces]
    size = len(pieces[-1])  # folding keeps a name's length: only names of that length are folded
    return [i for i, (_, path, full_name, aliases) in enumerate(units)
            if (len(path[-1]) == size or len(full_name) == size or any(len(a) == size for a in aliases))
            and names_unit(pieces, [fold_name(p) for p in path[-len(pieces):]], fold_name(full_name),
                           [fold_name(a) for a in aliases])]


class NameIndex:
    """:func:`units_named` over one list of units, many times: the units found through their names.

    >>> index = NameIndex([("行政院/台灣美國事務委員會", ["行政院", "台灣美國事務委員會"], "", [])])
    >>> index.named("臺灣美國事務委員會"), index.named("行政院/台灣美國事務委員會"), index.named("外交部")
    ([0], [0], [])
    """

    def __init__(self, units: Iterable[tuple[str, Sequence[str], str, Iterable[str]]]):
        self.units = list(units)
        self.ids = {uid: i for i, (uid, *_) in enumerate(self.units)}
        self.by_name: dict[str, set[int]] = {}
        for i, (_, path, full_name, aliases) in enumerate(self.units):
            for name in {path[-1], full_name, *aliases} - {""}:
                self.by_name.setdefault(name, set()).add(i)
                self.by_name.setdefault(fold_name(name), set()).add(i)

    def named(self, ref: str) -> list[int]:
        key, pieces = parse_unit_ref(ref)
        if key in self.ids:
            return [self.ids[key]]
        if not pieces:
            return []
        # only a unit one of whose names is the last piece, as written or folded, can be named by it
        near = sorted(self.by_name.get(pieces[-1], set()) | self.by_name.get(fold_name(pieces[-1]), set()))
        return [near[j] for j in units_named(ref, [self.units[i] for i in near])]

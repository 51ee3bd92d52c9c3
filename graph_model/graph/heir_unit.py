"""Successors one level down: a body that went to an agency which holds a body of its own name carried on as that
body, not as the agency.

The documents often name only the agency that repealed a body's rules (財政部高雄關稅局辦事細則, 「財政部關務署
台關人字第10210014991號令發布廢止」), while that agency's rules set the body up again: its name kept, its kind
shortened (財政部關務署各關組織準則 第1條 「特設基隆關、臺北關、臺中關、高雄關」: 高雄關稅局 → 高雄關); its
name whole (公務人力發展中心辦事細則, repealed by 行政院人事行政總處, whose 公務人力發展中心 has a 處務規程 of its own);
or its rank alone changed (行政院人事行政總處公務人力發展中心, repealed by the 總處: 「特設公務人力發展學院」).
A body whose one successor is such an agency, which holds one body of its name so carried on — right under it or in
one of its families (各關), in force or ended after it did — went on as that body.

A class went on as a family the same way: the bodies a common act set up in numbers (行政院勞工委員會職業訓練局
職業訓練中心組織通則 第2條 「…得視實際需要…設立職業訓練中心」), or a family (各地區巡防局), that went where their
parent's work went (勞動部勞動力發展署), which holds one family of bodies (勞動部勞動力發展署各分署組織準則 「特設
各分署」): that family.
"""
from __future__ import annotations

from collections.abc import Mapping

from .continuity import _UNIT_WORDS, BRANCH_HEADS
from .members import _plain, _rank_changed, _waiting
from .succession_edges import (
    AGENCY_KINDS,
    EDGE,
    FAMILY,
    KIND_ENDING,
    _agencies_of_documents,
    _end,
    _replace_successor,
)

# The rest of a shortened name is (part of) the word for its kind: 稅局 (of 關稅局), holding a unit word.
_KIND_CHARS = _UNIT_WORDS
# The title of a common act: the rules of a class of bodies, set up in numbers.
COMMON_ACT = "組織通則"
# What a name shortened to its beginning keeps: this many characters at least (高雄關, 臺中關).
KEPT_CHARS = 3


def carried_on_within(graph, ended: Mapping) -> None:
    """See the module's docstring.  The body of its very name first (公務人力發展中心, not 公務人力發展學院)."""
    for uid in ended:
        node = graph.node(uid)
        heirs = [t for t, _ in graph.out(uid, EDGE)]
        if node["kind"] not in AGENCY_KINDS or len(heirs) != 1 or FAMILY.match(node["name"]):
            continue
        name, end = _plain(node["name"]), _end(ended[uid])
        # the heir's own bodies and its families' members (關務署 › 各關 › 高雄關), not its bodies' units (文化部 ›
        # 蒙藏委員會 › 法規委員會 is not 文建會's)
        near = [(u, _plain(graph.node(u)["name"])) for u in _bodies(graph, heirs[0])
                if u != uid and graph.node(u)["kind"] in AGENCY_KINDS
                and (u not in ended or end and _end(ended[u]) > end)]
        found = [u for u, other in near if other == name] or [u for u, other in near if _carries(name, other)]
        if len(found) == 1:
            target = graph.node(found[0])
            _replace_successor(graph, uid, found[0], f"carried on as {target['name']} of "
                                                     f"{' › '.join(graph.node(heirs[0])['path'])}")
    _classes_into_families(graph, ended)


def _classes_into_families(graph, ended: Mapping) -> None:
    """A class (a family, or the bodies of a common act) whose one heir, its own or its parent's, holds one family
    of bodies, in force: it went on as that family (see the module's docstring)."""
    common = {uid for doc, uid in _agencies_of_documents(graph.units()).items()
              if COMMON_ACT in graph.node(f"doc:{doc}").get("title", "")}
    for uid in ended:
        node = graph.node(uid)
        if node["kind"] not in AGENCY_KINDS or not (node["name"].startswith("各") or uid in common):
            continue
        heirs = [t for t, _ in graph.out(uid, EDGE)] or ([] if node.get("successors") else _nearest_heirs(graph, uid))
        # a body below a ministry: a ministry's one family is not where a class of its old bureau went (林務局 ›
        # 各林區管理處 is not 農業部's 各區農業改良場)
        if len(heirs) != 1 or graph.node(heirs[0])["name"].startswith("各") or len(_below_head(graph, heirs[0])) < 2:
            continue
        families = [c for c in graph.children(heirs[0]) if graph.node(c)["name"].startswith("各")
                    and graph.node(c)["kind"] in AGENCY_KINDS and c not in ended]
        if len(families) == 1:
            _replace_successor(graph, uid, families[0], f"a class gone to {' › '.join(graph.node(heirs[0])['path'])}"
                                                        f", which holds one family: {graph.node(families[0])['name']}")


def inherited_into_namesake(graph, ended: Mapping) -> None:
    """A body with rules of its own that took only its parent's successor (行政院人事行政局地方行政研習中心暫行組織規程,
    S0000018; 人事行政局 → 人事行政總處), where that one heir holds right under it one body of its very name, in force
    or ended after it (行政院人事行政總處地方行政研習中心組織法, S0000025: 「特設地方行政研習中心」): it went on as that
    body, not into the heir at large."""
    own = set(_agencies_of_documents(graph.units()).values())
    for uid in ended:
        node = graph.node(uid)
        if uid not in own or not node.get("successors") or graph.out(uid, EDGE) or FAMILY.match(node["name"]):
            continue
        heirs = _nearest_heirs(graph, uid)
        if len(heirs) != 1 or node["successors"] != [" › ".join(graph.node(heirs[0])["path"])]:
            continue
        end = _end(ended[uid])
        found = [c for c in graph.children(heirs[0]) if c != uid and graph.node(c)["name"] == node["name"]
                 and graph.node(c)["kind"] in AGENCY_KINDS and (c not in ended or end and _end(ended[c]) > end)]
        if len(found) == 1:
            _replace_successor(graph, uid, found[0], f"its parent's heir {graph.node(heirs[0])['name']} holds a body "
                                                     f"of its name: {graph.node(found[0])['name']}")
            for below in ended:  # its units went with it
                if below.startswith(uid + "/") and graph.node(below).get("successors") == [
                        " › ".join(graph.node(heirs[0])["path"])]:
                    graph.node(below)["successors"] = [" › ".join(graph.node(found[0])["path"])]


# Units of these kinds are in every body's rules (審議委員會, 考績委員會, 專案小組): no word for what a body was.
_EVERYWHERE = ("委員會", "小組")


def taken_in_as_kind(graph, ended: Mapping) -> None:
    """A body that ended with no successor while its parent went on (in force, or ended after it), where one body
    under that parent, in force or ended after it, has in its rules a unit named by the word for what the body was
    — its name's (or its family's kind's) ending of :data:`KIND_ENDING` characters or more (交通部公路總局
    北、中、南部汽車技術訓練中心, 2008; 交通部公路總局公路人員訓練所辦事細則 第11條 「各訓練中心」): that body took it
    in, as that unit.  Its parent's later heir (公路局, 2023) is not where it went."""
    for uid in _waiting(graph, ended):
        node, parent = graph.node(uid), graph.parent(uid)
        end = _end(ended[uid])
        if parent is None or not end or not _after(ended, parent, end):
            continue
        family = FAMILY.match(node["name"])
        kind = family["kind"] if family else node["name"]
        found = [(b, c) for b in graph.children(parent)
                 if b != uid and graph.node(b)["kind"] in AGENCY_KINDS and _after(ended, b, end)
                 for c in graph.children(b) if graph.node(c)["kind"] not in AGENCY_KINDS
                 and KIND_ENDING <= len(unit := graph.node(c)["name"].removeprefix("各")) < len(kind)
                 and kind.endswith(unit) and not unit.endswith(_EVERYWHERE)]
        if len(found) == 1:
            (body, unit), = found
            _replace_successor(graph, uid, body, f"taken in as {graph.node(unit)['name']} of "
                                                 f"{' › '.join(graph.node(body)['path'])}", at=unit)


def _after(ended: Mapping, uid: str, end: str) -> bool:
    """``uid`` is in force, or ended after ``end``."""
    return uid not in ended or _end(ended[uid]) > end


def _nearest_heirs(graph, uid: str) -> list[str]:
    """Where the work of the nearest body above ``uid`` that has a successor went."""
    up = graph.parent(uid)
    while up is not None and not graph.out(up, EDGE):
        up = graph.parent(up)
    return [t for t, _ in graph.out(up, EDGE)] if up is not None else []


def _below_head(graph, uid: str) -> list[str]:
    """The path of ``uid`` without the branch's head (行政院 › 勞動部 › 勞動力發展署 → 勞動部 › 勞動力發展署)."""
    path = graph.node(uid)["path"]
    return path[1:] if path[0] in BRANCH_HEADS else path


def _bodies(graph, uid: str) -> list[str]:
    """The bodies right under ``uid``, and the members of its families (各關)."""
    out = []
    for c in graph.children(uid):
        out += [c, *(graph.children(c) if graph.node(c)["name"].startswith("各") else ())]
    return out


def _carries(name: str, other: str) -> bool:
    """``other`` is the body ``name`` went on as: its beginning with the rest of its kind dropped (高雄關稅局 →
    高雄關), or its rank alone changed (公務人力發展中心 → 公務人力發展學院)."""
    if len(other) >= KEPT_CHARS and name.startswith(other) and set(name[len(other):]) & _KIND_CHARS:
        return True
    n = next((i for i, (a, b) in enumerate(zip(name, other)) if a != b), min(len(name), len(other)))
    return _rank_changed(name, other, n)

"""A body made under another body's act is that body's: where the graph holds it twice, it went where the other went.

An act says whose act it was made under (郵政儲金匯業局組織法 第1條: 「本法依交通部郵政總局組織法第九條規定制定之」),
and that act sets the body up as its own (交通部郵政總局組織法 第9條: 郵政儲金匯業局).  The database files the body's
laws under the ministry (廢止法規＞交通部), so the graph holds it twice: 交通部 › 郵政儲金匯業局, whose laws were
repealed without a word of what followed, and 交通部 › 郵政總局 › 郵政儲金匯業局, which went where 郵政總局 went
(中華郵政股份有限公司).  A body that ended with no successor, whose act was made under the act of a body that holds
one unit of its name with a successor, went where that unit went.

So did a member of a class made under the class's common act (中區職業訓練中心辦事細則, 「依…職業訓練中心組織通則…
訂定之」): with no successor of its own, it went where its class went (勞動力發展署 › 各分署), not only where its
parent's work went; so did 內政部消防署高雄港務消防隊 (「本細則依內政部消防署港務消防隊組織通則第九條規定
訂定之」), a body with rules of its own though its name ends in 隊.

And a class with no successor whose members made under its common act (財政部臺中、高雄關稅局辦事細則: 「本細則依財政部
關稅總局各地區關稅局組織通則第十四條規定訂定之」), two or more, all went on as members of one family (財政部關務署 ›
各關 › 臺中關、高雄關) went on as that family.
"""
from __future__ import annotations

from collections.abc import Mapping

from .basis import BASIS
from .continuity import BRANCH_HEADS
from .lineage import agency_of
from .succession_edges import AGENCY_KINDS, EDGE, _add_edge, _agencies_of_documents, _replace_successor

# data on an edge that is not the evidence it carries over
_EDGE_KEYS = ("date", "evidence", "where")


def made_under(graph, ended: Mapping, docs) -> None:
    """See the module's docstring."""
    clauses = {p.document.id: p.document.meta.get("clauses", ()) for p in docs}
    units = graph.units()
    named: dict[str, list] = {}
    for u in units:
        named.setdefault(u["name"], []).append(u)
    for doc, uid in _agencies_of_documents(units).items():
        node = graph.node(uid)
        if uid not in ended or node["kind"] not in AGENCY_KINDS or node.get("successors") or graph.out(uid, EDGE):
            continue
        over = {_bare(agency_of(m["act"])) for _, _, sentence in clauses.get(doc, ()) if (m := BASIS.search(sentence))}
        twins = [u for u in named[node["name"]] if u["id"] != uid and u.get("successors")
                 and _bare("".join(u["path"][:-1])) in over]
        if len(twins) != 1:
            continue
        twin = twins[0]
        for target, data in graph.out(twin["id"], EDGE):
            _add_edge(graph, uid, target, _Said(**{k: data.get(k, "") for k in _EDGE_KEYS}))
        node.update(status="superseded", successors=list(twin["successors"]),
                    status_date=node.get("status_date") or twin.get("status_date", ""))
        # its units that name none of their own went with it, as :func:`succession._inherit` has them do
        for below in ended:
            if below.startswith(uid + "/") and not graph.node(below).get("successors"):
                graph.node(below).update(status="superseded", successors=list(twin["successors"]))


def members_followed(graph, ended: Mapping, docs) -> None:
    """A body with no successor of its own whose rules were made under its class's common act (南區職業訓練中心辦事細則:
    「本細則依行政院勞工委員會織業訓練局職業訓練中心組織通則…訂定之」) went where its class went (勞動部勞動力發展署 ›
    各分署), not only where its parent's work went."""
    clauses = {p.document.id: p.document.meta.get("clauses", ()) for p in docs}
    by_path = {_bare("".join(u["path"])): u["id"] for u in graph.units()}
    for doc, uid in _agencies_of_documents(graph.units()).items():
        node = graph.node(uid)
        # a body with rules of its own, whatever its name's kind word (高雄港務消防隊 is a 隊, typed as a section)
        if uid not in ended or node.get("successors") or graph.out(uid, EDGE):
            continue
        classes = {c for _, _, sentence in clauses.get(doc, ()) if (m := BASIS.search(sentence))
                   and (c := by_path.get(_bare(agency_of(m["act"])))) and c != uid and c in ended
                   and graph.parent(c) == graph.parent(uid)}
        heirs = {t for c in classes for t, _ in graph.out(c, EDGE)}
        if len(heirs) == 1:
            (heir,), kind = heirs, graph.node(next(iter(classes)))["name"]
            _replace_successor(graph, uid, heir, f"went where its class went: {kind}")


def classes_followed_members(graph, ended: Mapping, docs) -> None:
    """A class with no successor, two or more of whose members (bodies whose rules were made under its act) went on,
    all, as members of one family: the class went on as that family (see the module's docstring)."""
    clauses = {p.document.id: p.document.meta.get("clauses", ()) for p in docs}
    by_path = {_bare("".join(u["path"])): u["id"] for u in graph.units()}
    members: dict[str, set[str]] = {}
    for doc, uid in _agencies_of_documents(graph.units()).items():
        for _, _, sentence in clauses.get(doc, ()):
            if (m := BASIS.search(sentence)) and (c := by_path.get(_bare(agency_of(m["act"])))) and c != uid:
                members.setdefault(c, set()).add(uid)
    for uid, bodies in members.items():
        node = graph.node(uid)
        if (uid not in ended or node["kind"] not in AGENCY_KINDS or node.get("successors") or graph.out(uid, EDGE)
                or len(bodies) < 2):
            continue
        families = {f for b in bodies for t, _ in graph.out(b, EDGE) for f in _families_of(graph, t)}
        if len(families) == 1 and all(len(_families_of(graph, t)) == 1 for b in bodies
                                      for t, _ in graph.out(b, EDGE) or [(None, None)]):
            family = next(iter(families))
            _replace_successor(graph, uid, family, "its members went on as members of "
                                                   + " › ".join(graph.node(family)["path"]))


def _families_of(graph, uid: str | None) -> list[str]:
    """The family ``uid`` is a member of: its parent (各分署 › 北區分署), or its parent's family of its kind (關務署 ›
    各關, beside 臺中關)."""
    up = graph.parent(uid) if uid is not None else None
    if up is None:
        return []
    if graph.node(up)["name"].startswith("各"):
        return [up]
    name = graph.node(uid)["name"]
    return [c for c in graph.children(up) if (n := graph.node(c)["name"]).startswith("各") and c != uid
            and graph.node(c)["kind"] in AGENCY_KINDS and name.endswith(n[1:].removeprefix("地區").removeprefix("區"))]


def _bare(name: str) -> str:
    """A name without the branch's head it may begin with (行政院交通部郵政總局 → 交通部郵政總局)."""
    return next((name.removeprefix(h) for h in sorted(BRANCH_HEADS) if name.startswith(h)), name)


class _Said:
    """What an edge needs of a status: its date, evidence and where it is."""

    def __init__(self, date: str, evidence: str, where: str):
        self.date, self.evidence, self.where, self.doc = date, evidence, where, ""

"""A body whose own rules were repealed while a family in force under the same parent is its whole kind.

Some acts set a kind of body up at every level at once: 各級區域計畫委員會組織規程 第2條
「中央、直轄市、縣（市）主管機關為審議區域計畫，應分別設立區域計畫委員會」.  The ministry's own committee
(內政部區域計畫委員會) had office rules of its own, repealed in 2001 with no successor named; it is the
family's central member and lives on under it.  So a body that ended abolished, with no successor, whose name
is the whole kind of a family in force under its parent (「各級」 or 「各」 and its very name), is current,
governed by that family — when the family's document was made well before the body's rules were repealed
(more than :data:`MOVE_DAYS`): one made as they were repealed is their successor
(行政院國軍退除役官兵輔導委員會榮譽國民之家組織規程, repealed 2013-10-30, the day 各榮譽國民之家辦事細則 was
made).  A member named by its place (苗栗縣選舉委員會) is :func:`~graph_model.graph.succession._governed_by_family`'s.
"""
from __future__ import annotations

import re

from .succession_edges import AGENCY_KINDS, EDGE, MOVE_DAYS, _agencies_of_documents, _days

# A family named by its kind alone: 各級區域計畫委員會, 各榮譽國民之家.
WHOLE_KIND = re.compile(r"^各級?(?P<kind>\S{2,})$")


def member_of_whole_kind(graph, ended: dict[str, list]) -> None:
    """Make current each body of ``ended`` (unit id -> its documents' statuses) that ended abolished with no
    successor while a family in force under its parent is its whole kind; the family's documents the evidence."""
    units = graph.units()
    own: dict[str, list[str]] = {}
    for doc, uid in _agencies_of_documents(units).items():
        own.setdefault(uid, []).append(doc)
    for uid in sorted(ended):
        node, parent = graph.node(uid), graph.parent(uid)
        found = ended[uid]
        if parent is None or node["kind"] not in AGENCY_KINDS or graph.out(uid, EDGE) \
                or any(s.state != "abolished" or s.successors for s in found):
            continue
        families = [c for c in graph.children(parent) if c not in ended
                    and (m := WHOLE_KIND.match(graph.node(c)["name"])) and m.group("kind") == node["name"]]
        end = max((s.date for s in found if s.date), default="")
        docs = sorted(d for f in families for d in own.get(f, ())
                      if graph.node(f"doc:{d}").get("status", "current") == "current"
                      and (made := graph.node(f"doc:{d}").get("enacted")) and end and _days(made, end) > MOVE_DAYS)
        if len(families) != 1 or not docs:
            continue
        doc = graph.node(f"doc:{docs[0]}")
        del ended[uid]
        node.update(status="current", status_date="", successors=[], governed_by=families[0], governed_since=end,
                    status_evidence=f"{doc['title']} sets up its whole kind under the same parent; its own rules "
                                    f"were repealed ({end}) with no successor named",
                    status_where=docs[0])

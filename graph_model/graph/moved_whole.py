"""A national institution moved whole to another ministry: the same body, its name unchanged.

A 「國立」 body's name is its own, never its ministry's (國立國父紀念館組織條例 under 教育部; 文化部國立國父紀念館組織法
第1條 「文化部為辦理國父紀念文物史料之蒐集…特設國立國父紀念館」).  When the graph holds it twice — under the
ministry of its repealed act and under the ministry whose act set it up again — and the old node's one successor is
the new node of its very name, in force, the body did not end: it moved.  The old node is current, the move its
evidence (the SUCCEEDED_BY edge stays, as the record of the move); bodies whose names carry their parent's
(行政院勞工委員會勞工保險局 → 勞動部勞工保險局) are renamed, not moved, and keep their status.
"""
from __future__ import annotations

from .lineage import agency_of
from .succession_edges import EDGE

NATIONAL = "國立"


def moved_whole(graph, ended: dict[str, list]) -> None:
    """Make current each 「國立」 body of ``ended`` (unit id -> its documents' statuses) whose own documents name
    it bare, superseded by one body of its very name in force: it moved whole."""
    for uid in sorted(ended):
        node = graph.node(uid)
        targets = [t for t, _ in graph.out(uid, EDGE)]
        if node.get("status") != "superseded" or not node["name"].startswith(NATIONAL) or len(targets) != 1:
            continue
        new = graph.node(targets[0])
        titles = [graph.node(f"doc:{s['doc']}")["title"] for s in node.get("sources", ())]
        if new["name"] != node["name"] or new.get("status", "current") != "current" \
                or not titles or any(agency_of(t) != node["name"] for t in titles):
            continue
        del ended[uid]
        node.update(status="current", status_date="", successors=[],
                    status_evidence=f"moved whole to {' › '.join(new['path'][:-1])}, its name unchanged "
                                    f"({node.get('status_date', '')})".replace(" ()", ""),
                    status_where=node.get("status_where", ""))

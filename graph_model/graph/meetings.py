"""Meetings in the graph: a ``Meeting`` node per meeting a document sets up, held by its unit.

``(unit)-[:HOLDS_MEETING]->(meeting)`` and ``(meeting)-[:DECIDES]->(duty)`` for each matter it decides or
reviews, the matter the same ``Duty`` node a unit's HANDLES reaches; both edges carry the provenance
(document, line, article, item) as every edge does.  A meeting is no ``Unit``: it has no place in the
organisation chart, and what counts units (stats, the samples' scoring, which compares the organisation's
units) never sees it — the hand-checked samples list meetings as "not units".

>>> from graph_model.graph.graph import OrgGraph
>>> from graph_model.records.records import (Document, DutyRecord, MeetingRecord, ParsedDocument, Source,
...                                          UnitRecord)
>>> src = Source("F0010067", 95, None, "第25條")
>>> matter = DutyRecord(("國防部", "最高軍事法院"), "軍事審判官事務分配。", Source("F0010067", 96, None, "第25條", "1"))
>>> g = OrgGraph.build([ParsedDocument(Document("F0010067", "t", "office_rules"),
...     units=[UnitRecord(("國防部", "最高軍事法院"), "Agency", "院", src)],
...     meetings=[MeetingRecord(("國防部", "最高軍事法院"), "軍事審判官會議", src, schedule="定期舉行",
...                             matters=[matter])])])
>>> [(m["id"], m["holder"]) for m in g.meetings_of("國防部/最高軍事法院")]
[('國防部/最高軍事法院/軍事審判官會議', '國防部/最高軍事法院')]
>>> [(d["text"], e["line"]) for d, e in g.matters_of("國防部/最高軍事法院/軍事審判官會議")]
[('軍事審判官事務分配', 96)]
>>> [u["id"] for u in g.units()]
['國防部', '國防部/最高軍事法院']
"""
from __future__ import annotations

from graph_model.records.duties import duty_flags, normalize_duty
from graph_model.records.ids import duty_id
from graph_model.records.records import MeetingRecord, ParsedDocument

from .staffing import unit_for


def meeting_id(holder: str, name: str) -> str:
    """A meeting's node id: its path, as a unit's (``國防部/最高軍事法院/軍事審判官會議``); a unit set up by that
    name and place is that body (its labels tell them apart: ``Meeting``, no ``Unit``)."""
    return f"{holder}/{name}"


def build_meetings(graph, records: list[MeetingRecord], parsed: ParsedDocument) -> None:
    for rec in records:
        holder = unit_for(graph, rec.holder, rec.source)
        mid = meeting_id(holder, rec.name)
        path = [*graph.node(holder)["path"], rec.name]
        if "Unit" in graph.g.nodes.get(mid, {}).get("labels", ()):
            continue  # a document sets a unit up by that name: the unit it is
        if mid not in graph.g:
            graph.g.add_node(mid, id=mid, labels=["Meeting"], kind="Meeting", name=rec.name, holder=holder,
                             path=path, members=rec.members, schedule=rec.schedule, **rec.source.prov())
        graph.g.add_edge(holder, mid, key=f"HOLDS_MEETING:{rec.source.doc}", type="HOLDS_MEETING",
                         **rec.source.prov())
        for matter in rec.matters:
            norm = normalize_duty(matter.text)
            if not norm:
                continue
            did = duty_id(norm, normalized=True)
            if did not in graph.g:
                catch_all, residual = duty_flags(norm)
                graph.g.add_node(did, id=did, labels=["Duty"], text=norm, catch_all=catch_all, residual=residual)
            src = matter.source
            graph.g.add_edge(mid, did, key=f"DECIDES:{src.doc}:{src.line}:{src.item or ''}", type="DECIDES",
                             **src.prov())

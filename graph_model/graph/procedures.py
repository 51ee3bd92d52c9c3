"""Procedures in the graph: ``Procedure``, ``Step``, ``Law`` and ``Form`` nodes.

:meth:`OrgGraph.build` calls :func:`build_procedures` (its table
:data:`graph_model.graph.graph.EXTRA_BUILDERS`) on the graph being built with the procedure dicts a loader put in
``parsed.procedures`` (:class:`~graph_model.records.records.ProcedureRecord`, see
:func:`loaders.procedures.procedures.parse`).

Nodes (ids are stable and readable):

- ``procedure:<title>`` — labels ``["Procedure"]`` (``["Procedure", "Rule"]`` for
  the rules of office rules); ``name``/``title``, ``kind``, ``time_days``,
  ``time_min_days``, ``time_text``, ``notes`` (texts, with ``note_lines``,
  ``note_levels``, ``note_markers``, ``note_kinds`` and ``note_actors``: the ids of the
  units acting in each note, joined with ``|``; ``note_inferred``: those acting there only
  by a generic word such as 服務機關), ``forms_note``, ``flow_note``, ``agency``;
- ``step:<title>:<n>`` — labels ``["Step"]``; ``n`` (order), ``text``, ``branch``,
  ``shape`` (box, decision, hexagon, circle …), ``notes``, ``unit_only`` (the box only
  names who acts, like a swim-lane label), ``actors`` (unit ids)
  with ``actor_roles`` and ``actor_basis`` (explicit/inferred), and for rules ``deciders``,
  ``days``, ``min_days``, ``max_days``, ``hours``;
- ``law:<name>`` — labels ``["Law"]``; shared by every procedure based on it;
- ``form:<name>`` — labels ``["Form"]``; shared likewise.

Relationships: ``(:Unit)-[:RESPONSIBLE_FOR {role, basis, post, step, order}]->(:Procedure)``,
``(:Unit)-[:NAMED_IN]->(:Procedure)`` (named without a role),
``(:Procedure)-[:HAS_STEP {order}]->(:Step)``, ``(:Step)-[:NEXT {condition}]->(:Step)``,
``(:Procedure)-[:BASED_ON {order, law_article, listed}]->(:Law)``,
``(:Procedure)-[:USES_FORM {order, note}]->(:Form)``.  Every node and edge carries
``doc``, ``line``, ``end_line``, ``article``, ``item``.

>>> from graph_model.graph.graph import OrgGraph
>>> from graph_model.records.records import (Actor, Document, FlowEdge, FormRef, LawRef, ParsedDocument,
...     ProcedureRecord, Source, StepRecord, TimeLimit, UnitRecord, UnitRole)
>>> at = lambda line: Source("d", line, line)
>>> proc = ProcedureRecord("procedure:測試程序", "procedure", "測試程序", Source("d", 1, 9), ("經濟部",),
...     laws=[LawRef("戶籍法", at(3), listed="戶籍法")],
...     steps=[StepRecord(1, "填表", at(5), "step:測試程序:1"),
...            StepRecord(2, "人事處審核", at(6), "step:測試程序:2", actors=[Actor(("經濟部", "人事處"), "審核")])],
...     flow=[FlowEdge(1, 2, at(5))], time=TimeLimit("3日", at(7), 3, 3), forms=[FormRef("申請書", at(8))],
...     units=[UnitRole(("經濟部", "人事處"), "審核", at(6), step=2)])
>>> parsed = ParsedDocument(Document("d", "t", "procedures"),
...     units=[UnitRecord(("經濟部", "人事處"), "Division", "處", Source("d", 6))], procedures=[proc])
>>> g = OrgGraph.build([parsed])
>>> g.node("procedure:測試程序")["time_days"]
3
>>> [(u, d["role"]) for u, _, d in g.edges("RESPONSIBLE_FOR")]
[('經濟部/人事處', '審核')]
>>> [(u, v) for u, v, _ in g.edges("NEXT")]
[('step:測試程序:1', 'step:測試程序:2')]
"""
from __future__ import annotations

from graph_model.records.ids import form_id, law_id, unit_id
from graph_model.records.naming import classify_agency
from graph_model.records.provenance import provenance
from graph_model.records.records import Actor, ParsedDocument, ProcedureRecord, Source


def resolve_unit_path(graph, path: list[str] | tuple[str, ...], source: Source) -> str:
    """Unit id of a path named by a procedure: the node itself, else the one unit whose path ends so."""
    found = graph.find_unit(path)
    if found is not None:
        return found
    kind, unit_type = classify_agency(path[-1])
    return graph.add_unit(tuple(path), kind, unit_type, source, mentioned=True)


def _inferred_only(graph, doc: str, line: int, actors: list[Actor]) -> str:
    """Ids (joined with ``|``) of the units acting in a note only by a generic word (服務機關, 人事單位 …)."""
    basis: dict[str, set[str]] = {}
    for a in actors:
        uid = resolve_unit_path(graph, a.unit, Source(doc, line))
        basis.setdefault(uid, set()).add(a.basis)
    return "|".join(u for u, b in basis.items() if b == {"inferred"})


def _add_once(graph, node_id: str, **attrs) -> dict:
    if node_id not in graph.g:
        graph.g.add_node(node_id, id=node_id, **attrs)
    return graph.g.nodes[node_id]


def _prov(doc: str, src: Source, article: str = "") -> dict:
    """Provenance of a part of a procedure: in the document being built, at the part's own article (a rule's
    clause) or else ``article`` (the rule's)."""
    return provenance(doc, src.line, src.end_line, article if src.article is None else src.article, src.item)


def build_procedures(graph, records: list[ProcedureRecord], parsed: ParsedDocument) -> None:
    """Add the procedures of one parsed document to the graph (see module doc)."""
    doc = parsed.document.id
    for p in records:
        pid = p.id
        article = p.source.article or ""
        time = p.time
        notes = p.notes
        labels = ["Procedure", "Rule"] if p.kind == "rule" else ["Procedure"]
        graph.g.add_node(
            pid, id=pid, labels=labels, kind=p.kind, name=p.title, title=p.title,
            title_as_written=p.title_as_written, qualifier=p.qualifier,
            agency=unit_id(p.agency) if p.agency else "", chapter=p.chapter or "",
            time_days=time and time.days, time_min_days=time and time.min_days, time_text=time.text if time else "",
            time_line=time and time.source.line, notes=[n.text for n in notes],
            note_lines=[n.source.line for n in notes], note_levels=[n.level for n in notes],
            note_markers=[n.marker for n in notes], note_kinds=[n.kind for n in notes],
            note_actors=["|".join(dict.fromkeys(resolve_unit_path(graph, a.unit, Source(doc, n.source.line))
                                                for a in n.actors or ())) for n in notes],
            note_inferred=[_inferred_only(graph, doc, n.source.line, n.actors or []) for n in notes],
            forms_note=p.forms_note, flow_note=p.flow_note, has_flow_section=p.has_flow_section,
            **_prov(doc, p.source))
        step_ids = {}
        for s in p.steps:
            sid = s.id
            step_ids[s.n] = sid
            src = Source(doc, s.source.line, s.source.end_line)
            actors = [(resolve_unit_path(graph, a.unit, src), a.role) for a in s.actors]
            terms = s.terms
            graph.g.add_node(
                sid, id=sid, labels=["Step"], procedure=pid, n=s.n, name=s.text[:40], text=s.text,
                branch=s.branch, shape=s.shape, notes=list(s.notes), unit_only=s.unit_only,
                actors=[a for a, _ in actors], actor_roles=[r for _, r in actors],
                actor_basis=[a.basis for a in s.actors],
                deciders=list(terms.deciders) if terms else [], days=terms and terms.days,
                min_days=terms and terms.min_days, max_days=terms and terms.max_days, hours=terms and terms.hours,
                **_prov(doc, s.source, article))
            graph.g.add_edge(pid, sid, key="HAS_STEP", type="HAS_STEP", order=s.n, **_prov(doc, s.source, article))
        for e in p.flow:
            graph.g.add_edge(step_ids[e.from_step], step_ids[e.to_step], key=f"NEXT:{e.label}", type="NEXT",
                             condition=e.label, **_prov(doc, e.source, article))
        for order, law in enumerate(p.laws, 1):
            lid = law_id(law.name)
            # The law's own article (第19點) is where the procedure's citation of it points.
            node = _add_once(graph, lid, labels=["Law"], name=law.name, issuer=law.issuer,
                             **_prov(doc, law.source, law.article))
            if law.issuer and not node.get("issuer"):
                node["issuer"] = law.issuer
            key = f"BASED_ON:{law.article}"
            if not graph.g.has_edge(pid, lid, key=key):
                graph.g.add_edge(pid, lid, key=key, type="BASED_ON", order=order, law_article=law.article,
                                 listed=law.listed, **_prov(doc, law.source, law.article))
        for order, form in enumerate(p.forms, 1):
            fid = form_id(form.name)
            node = _add_once(graph, fid, labels=["Form"], name=form.name, also_written=[],
                             **_prov(doc, form.source))
            node["also_written"] = sorted(set(node["also_written"]) | set(form.also_written))
            if not graph.g.has_edge(pid, fid, key="USES_FORM"):
                graph.g.add_edge(pid, fid, key="USES_FORM", type="USES_FORM", order=order, note=form.note,
                                 **_prov(doc, form.source, article))
        for order, u in enumerate(p.units, 1):
            uid = resolve_unit_path(graph, u.unit, Source(doc, u.source.line, u.source.end_line))
            key = f"RESPONSIBLE_FOR:{u.role}"
            if graph.g.has_edge(uid, pid, key=key):
                continue
            graph.g.add_edge(uid, pid, key=key, type="RESPONSIBLE_FOR", role=u.role, order=order, basis=u.basis,
                             post=u.post, step=step_ids.get(u.step, "") if u.step else "",
                             **_prov(doc, u.source, article))
        for named in p.named:
            uid = resolve_unit_path(graph, named.unit, Source(doc, named.source.line, named.source.end_line))
            if not graph.g.has_edge(uid, pid, key="NAMED_IN"):
                graph.g.add_edge(uid, pid, key="NAMED_IN", type="NAMED_IN", **_prov(doc, named.source, article))

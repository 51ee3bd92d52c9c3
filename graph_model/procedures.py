"""Procedures in the graph: ``Procedure``, ``Step``, ``Law`` and ``Form`` nodes.

:meth:`OrgGraph.build` calls :func:`build_procedures` (its table
:data:`graph_model.graph.EXTRA_BUILDERS`) on the graph being built with the procedure dicts a loader put in
``parsed.extras["procedures"]`` (see :func:`loaders.procedures.parse`).

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

>>> from graph_model.graph import OrgGraph
>>> from graph_model.records import Document, ParsedDocument, Source, UnitRecord
>>> proc = {"id": "procedure:測試程序", "kind": "procedure", "title": "測試程序", "doc": "d", "line": 1,
...         "end_line": 9, "agency": ["經濟部"],
...         "laws": [{"name": "戶籍法", "article": "", "issuer": "", "listed": "戶籍法", "line": 3}],
...         "steps": [{"n": 1, "id": "step:測試程序:1", "text": "填表", "line": 5, "actors": []},
...                   {"n": 2, "id": "step:測試程序:2", "text": "人事處審核", "line": 6,
...                    "actors": [{"unit": ["經濟部", "人事處"], "role": "審核", "basis": "explicit"}]}],
...         "flow": [{"from": 1, "to": 2, "label": "", "line": 5}],
...         "time": {"text": "3日", "days": 3, "min_days": 3, "line": 7}, "notes": [],
...         "forms": [{"name": "申請書", "note": "", "line": 8}],
...         "units": [{"unit": ["經濟部", "人事處"], "role": "審核", "basis": "explicit", "post": "", "step": 2,
...                    "line": 6}], "named": []}
>>> parsed = ParsedDocument(Document("d", "t", "procedures"),
...     units=[UnitRecord(("經濟部", "人事處"), "Division", "處", Source("d", 6))], extras={"procedures": [proc]})
>>> g = OrgGraph.build([parsed])
>>> g.node("procedure:測試程序")["time_days"]
3
>>> [(u, d["role"]) for u, _, d in g.edges("RESPONSIBLE_FOR")]
[('經濟部/人事處', '審核')]
>>> [(u, v) for u, v, _ in g.edges("NEXT")]
[('step:測試程序:1', 'step:測試程序:2')]
"""
from __future__ import annotations

from .ids import form_id, law_id, step_id, unit_id
from .naming import classify_agency
from .records import ParsedDocument, Source, provenance_of


def resolve_unit_path(graph, path: list[str] | tuple[str, ...], source: Source) -> str:
    """Unit id of a path named by a procedure: the node itself, else the one unit whose path ends so."""
    found = graph.find_unit(path)
    if found is not None:
        return found
    kind, unit_type = classify_agency(path[-1])
    return graph.add_unit(tuple(path), kind, unit_type, source, mentioned=True)


def _inferred_only(graph, doc: str, rec: dict) -> str:
    """Ids (joined with ``|``) of the units acting in a note only by a generic word (服務機關, 人事單位 …)."""
    basis: dict[str, set[str]] = {}
    for a in rec.get("actors", []):
        uid = resolve_unit_path(graph, a["unit"], Source(doc, rec["line"]))
        basis.setdefault(uid, set()).add(a.get("basis", "explicit"))
    return "|".join(u for u, b in basis.items() if b == {"inferred"})


def _add_once(graph, node_id: str, **attrs) -> dict:
    if node_id not in graph.g:
        graph.g.add_node(node_id, id=node_id, **attrs)
    return graph.g.nodes[node_id]


def build_procedures(graph, records: list[dict], parsed: ParsedDocument) -> None:
    """Add the procedures of one parsed document to the graph (see module doc)."""
    doc = parsed.document.id
    for p in records:
        pid = p["id"]
        article = p.get("article", "")
        time = p.get("time") or {}
        notes = p.get("notes", [])
        labels = ["Procedure", "Rule"] if p.get("kind") == "rule" else ["Procedure"]
        graph.g.add_node(
            pid, id=pid, labels=labels, kind=p.get("kind", "procedure"), name=p["title"], title=p["title"],
            title_as_written=p.get("title_as_written", p["title"]), qualifier=p.get("qualifier", ""),
            agency=unit_id(p["agency"]) if p.get("agency") else "", chapter=p.get("chapter", ""),
            time_days=time.get("days"), time_min_days=time.get("min_days"), time_text=time.get("text", ""),
            time_line=time.get("line"), notes=[n["text"] for n in notes], note_lines=[n["line"] for n in notes],
            note_levels=[n.get("level", 0) for n in notes], note_markers=[n.get("marker", "") for n in notes],
            note_kinds=[n.get("kind", "note") for n in notes],
            note_actors=["|".join(dict.fromkeys(resolve_unit_path(graph, a["unit"], Source(doc, n["line"]))
                                                for a in n.get("actors", []))) for n in notes],
            note_inferred=[_inferred_only(graph, doc, n) for n in notes],
            forms_note=p.get("forms_note", ""),
            flow_note=p.get("flow_note", ""), has_flow_section=bool(p.get("has_flow_section")),
            **provenance_of(p, doc=doc))
        step_ids = {}
        for s in p.get("steps", []):
            sid = s.get("id") or step_id(p["title"], s["n"])
            step_ids[s["n"]] = sid
            src = Source(doc, s["line"], s.get("end_line"))
            actors = [(resolve_unit_path(graph, a["unit"], src), a["role"]) for a in s.get("actors", [])]
            graph.g.add_node(
                sid, id=sid, labels=["Step"], procedure=pid, n=s["n"], name=s["text"][:40], text=s["text"],
                branch=s.get("branch", ""), shape=s.get("shape", "box"), notes=list(s.get("notes", [])),
                unit_only=bool(s.get("unit_only")),
                actors=[a for a, _ in actors], actor_roles=[r for _, r in actors],
                actor_basis=[a.get("basis", "explicit") for a in s.get("actors", [])],
                deciders=list(s.get("deciders", [])), days=s.get("days"), min_days=s.get("min_days"),
                max_days=s.get("max_days"), hours=s.get("hours"), **provenance_of(s, article, doc=doc))
            graph.g.add_edge(pid, sid, key="HAS_STEP", type="HAS_STEP", order=s["n"],
                             **provenance_of(s, article, doc=doc))
        for e in p.get("flow", []):
            a, b = step_ids[e["from"]], step_ids[e["to"]]
            label = e.get("label", "")
            graph.g.add_edge(a, b, key=f"NEXT:{label}", type="NEXT", condition=label,
                             **provenance_of(e, article, doc=doc))
        for order, law in enumerate(p.get("laws", []), 1):
            lid = law_id(law["name"])
            node = _add_once(graph, lid, labels=["Law"], name=law["name"], issuer=law.get("issuer", ""),
                             **provenance_of(law, doc=doc))
            if law.get("issuer") and not node.get("issuer"):
                node["issuer"] = law["issuer"]
            key = f"BASED_ON:{law.get('article', '')}"
            if not graph.g.has_edge(pid, lid, key=key):
                graph.g.add_edge(pid, lid, key=key, type="BASED_ON", order=order, law_article=law.get("article", ""),
                                 listed=law.get("listed", law["name"]), **provenance_of(law, article, doc=doc))
        for order, form in enumerate(p.get("forms", []), 1):
            fid = form_id(form["name"])
            node = _add_once(graph, fid, labels=["Form"], name=form["name"], also_written=[],
                             **provenance_of(form, doc=doc))
            node["also_written"] = sorted(set(node["also_written"]) | set(form.get("also_written", [])))
            if not graph.g.has_edge(pid, fid, key="USES_FORM"):
                graph.g.add_edge(pid, fid, key="USES_FORM", type="USES_FORM", order=order, note=form.get("note", ""),
                                 **provenance_of(form, article, doc=doc))
        for order, u in enumerate(p.get("units", []), 1):
            uid = resolve_unit_path(graph, u["unit"], Source(doc, u["line"], u.get("end_line")))
            key = f"RESPONSIBLE_FOR:{u['role']}"
            if graph.g.has_edge(uid, pid, key=key):
                continue
            graph.g.add_edge(uid, pid, key=key, type="RESPONSIBLE_FOR", role=u["role"], order=order,
                             basis=u.get("basis", "explicit"), post=u.get("post", ""),
                             step=step_ids.get(u.get("step"), "") if u.get("step") else "",
                             **provenance_of(u, article, doc=doc))
        for u in p.get("named", []):
            uid = resolve_unit_path(graph, u["unit"], Source(doc, u["line"], u.get("end_line")))
            if not graph.g.has_edge(uid, pid, key="NAMED_IN"):
                graph.g.add_edge(uid, pid, key="NAMED_IN", type="NAMED_IN", **provenance_of(u, article, doc=doc))


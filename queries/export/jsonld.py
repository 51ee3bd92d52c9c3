"""JSON-LD in the W3C Organization Ontology (https://www.w3.org/TR/vocab-org/).

- Agencies, branch offices and committees are ``org:FormalOrganization``; divisions, sections
  and facilities ``org:OrganizationalUnit``.  A unit under a formal organization is
  ``org:unitOf`` it (``org:hasUnit`` the other way); anything else under a parent is
  ``org:subOrganizationOf`` it (``org:hasSubOrganization``).
- A duty is a ``skos:Concept`` labelled with its text, the ``org:purpose`` of every unit that
  handles it; each statement of it is an ``og:DutyStatement`` (``og:unit``, ``og:duty``)
  ``prov:wasDerivedFrom`` its document, with ``og:line``, ``og:article`` and ``og:item``.
- Units are ``prov:wasDerivedFrom`` the documents that set them up (``og:line`` of the first).
- A meeting a unit holds (會議, 會報: no unit) is an ``og:Meeting`` ``og:heldBy`` the unit, with
  ``og:members`` and ``og:schedule`` as written; each matter it decides an ``og:DutyStatement``
  whose ``og:meeting`` is it.
- IRIs are stable: ``urn:orggraph:unit:`` + the percent-encoded unit id, ``urn:orggraph:duty:``
  + the duty's hash, ``urn:orggraph:doc:`` + the document id.

>>> import json
>>> from graph_model.store.store import open_store
>>> from queries.export.scope import scope
>>> doc = json.loads(jsonld(scope(open_store("/x/s.json").graph(), "基隆關", depth=1)))
>>> unit = next(n for n in doc["@graph"] if n["@id"] == unit_iri("財政部/關務署/基隆關/稽查組"))
>>> unit["@type"], unit["org:unitOf"]["@id"] == unit_iri("財政部/關務署/基隆關")
('org:OrganizationalUnit', True)
"""
from __future__ import annotations

import json
from urllib.parse import quote

from graph_model.records.ids import document_id

from .scope import Scope

CONTEXT = {
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "dct": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "og": "urn:orggraph:vocab:",
}
LANG = "zh-Hant-TW"
FORMAL = {"Agency", "BranchOffice", "Committee"}


def unit_iri(uid: str) -> str:
    return "urn:orggraph:unit:" + quote(uid, safe="/")


def duty_iri(did: str) -> str:
    return "urn:orggraph:duty:" + quote(did.removeprefix("duty:"), safe="")


def meeting_iri(mid: str) -> str:
    return "urn:orggraph:meeting:" + quote(mid, safe="/")


def doc_iri(doc: str) -> str:
    return "urn:orggraph:doc:" + quote(doc, safe="")


def _ref(iri: str) -> dict:
    return {"@id": iri}


def _zh(value: str) -> dict:
    return {"@value": value, "@language": LANG}


def _where(prov: dict) -> dict:
    out = {"og:line": prov["line"]}
    out.update((f"og:{k}", prov[k]) for k in ("article", "item") if prov.get(k))
    return out


def jsonld(s: Scope) -> str:
    """The scope as one JSON-LD document (``@context`` and ``@graph``)."""
    g = s.graph
    nodes: list[dict] = []
    docs: dict[str, None] = {}  # the documents cited, in order
    children: dict[str, list[str]] = {}
    for above, child, _ in s.has_unit:
        children.setdefault(above, []).append(child)

    def formal(uid):
        return g.node(uid)["kind"] in FORMAL

    purposes: dict[str, list[str]] = {}
    for uid, did, _ in s.handles:
        if did not in purposes.setdefault(uid, []):
            purposes[uid].append(did)
    for uid in s.units:
        u = g.node(uid)
        node = {"@id": unit_iri(uid), "@type": "org:FormalOrganization" if formal(uid) else "org:OrganizationalUnit",
                "skos:prefLabel": _zh(u["name"]), "rdfs:label": _zh(u["name"]), "dct:identifier": uid,
                "og:unitType": u["unit_type"]}
        if u["full_name"] != u["name"]:
            node["skos:altLabel"] = _zh(u["full_name"])
        parent = g.parent(uid)  # the root of a sub-tree still names its parent
        if parent:
            relation = "org:unitOf" if formal(parent) and not formal(uid) else "org:subOrganizationOf"
            node[relation] = _ref(unit_iri(parent))
        units = [_ref(unit_iri(c)) for c in children.get(uid, ()) if formal(uid) and not formal(c)]
        subs = [_ref(unit_iri(c)) for c in children.get(uid, ()) if not (formal(uid) and not formal(c))]
        if units:
            node["org:hasUnit"] = units
        if subs:
            node["org:hasSubOrganization"] = subs
        if purposes.get(uid):
            node["org:purpose"] = [_ref(duty_iri(d)) for d in purposes[uid]]
        sources = list(dict.fromkeys(p["doc"] for p in (u.get("sources") or [u])))
        node["prov:wasDerivedFrom"] = [_ref(doc_iri(d)) for d in sources]
        node.update(_where(u))
        docs.update((d, None) for d in sources)
        nodes.append(node)
    for did in [*s.duties, *s.matters]:
        d = g.node(did)
        nodes.append({"@id": duty_iri(did), "@type": "skos:Concept", "rdfs:label": _zh(d["text"]),
                      "skos:prefLabel": _zh(d["text"]), "og:catchAll": bool(d["catch_all"]),
                      "og:residual": bool(d["residual"])})
    for uid, did, e in s.handles:
        statement = {"@type": ["og:DutyStatement", "prov:Entity"], "og:unit": _ref(unit_iri(uid)),
                     "og:duty": _ref(duty_iri(did)), "prov:wasDerivedFrom": _ref(doc_iri(e["doc"])), **_where(e)}
        if e.get("post"):
            statement["og:post"] = _zh(e["post"])
        nodes.append(statement)
        docs[e["doc"]] = None
    for mid in s.meetings:
        m = g.node(mid)
        node = {"@id": meeting_iri(mid), "@type": ["og:Meeting", "prov:Entity"], "rdfs:label": _zh(m["name"]),
                "skos:prefLabel": _zh(m["name"]), "og:heldBy": _ref(unit_iri(m["holder"])),
                "prov:wasDerivedFrom": _ref(doc_iri(m["doc"])), **_where(m)}
        node.update((f"og:{k}", _zh(m[k])) for k in ("members", "schedule") if m.get(k))
        nodes.append(node)
        docs[m["doc"]] = None
    for mid, did, e in s.decides:
        nodes.append({"@type": ["og:DutyStatement", "prov:Entity"], "og:meeting": _ref(meeting_iri(mid)),
                      "og:duty": _ref(duty_iri(did)), "prov:wasDerivedFrom": _ref(doc_iri(e["doc"])), **_where(e)})
        docs[e["doc"]] = None
    inside = set(s.units)
    for uid in s.units:  # what became of an agency: W3C ORG's change events
        for target, e in g.out(uid, "SUCCEEDED_BY"):
            if target not in inside:
                continue
            event = {"@id": f"{unit_iri(uid)}/changeEvent/{quote(target, safe='')}", "@type": "org:ChangeEvent",
                     "org:originalOrganization": _ref(unit_iri(uid)),
                     "org:resultingOrganization": _ref(unit_iri(target)),
                     "rdfs:comment": _zh(e["evidence"]), "prov:wasDerivedFrom": _ref(doc_iri(e["doc"])), **_where(e)}
            if e.get("date"):
                event["dct:date"] = e["date"]
            nodes.append(event)
            docs[e["doc"]] = None
    for doc in docs:
        node = {"@id": doc_iri(doc), "@type": "prov:Entity", "dct:identifier": doc}
        meta = g.get(document_id(doc))
        if meta:
            node["dct:title"] = _zh(meta["title"])
        nodes.append(node)
    return json.dumps({"@context": CONTEXT, "@graph": nodes}, ensure_ascii=False, indent=1) + "\n"

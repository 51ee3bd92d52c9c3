"""Data-quality report: what a reader of the graph should double-check.

Each check is a function ``fn(graph, parsed_documents) -> iterable of issue dicts`` (the documents without
their duty records, :data:`UNREAD`: the graph holds every duty; a large document's are most of its records);
what ``validate`` checks is the table :data:`CHECKS` at the end of this module (the
built-in checks here, headcount totals from :mod:`queries.staffing`): add a check there::

    def _headcounts(graph: OrgGraph, parsed):
        ...
        yield {"unit": uid, "doc": doc, "line": line, "message": "..."}

Every issue carries ``check`` and ``message`` and, where there is one, ``unit``,
``doc`` and ``line``.

>>> from graph_model.store.store import open_store
>>> store = open_store("/nonexistent/store.json")
>>> report = validate(store.graph(), store)
>>> [c["name"] for c in report["checks"]][:3]
['no_duties', 'unplaced', 'duplicate_names']
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from graph_model.records.naming import VARIANTS

from .staffing import headcount_totals

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph


UNREAD = frozenset({"duties"})  # records no check reads from the parsed documents (the graph's HANDLES edges)


def validate(graph: OrgGraph, store=None, checks: Mapping[str, tuple[str, Callable]] | None = None) -> dict:
    """Run every check of ``checks`` (by default :data:`CHECKS`); ``store`` supplies the parsed records
    (unplaced spans, duplicates)."""
    parsed = store.parsed(without=UNREAD) if store is not None else []
    report, total = [], 0
    for name, (description, fn) in (CHECKS if checks is None else checks).items():
        issues = [{"check": name, **issue} for issue in fn(graph, parsed)]
        total += len(issues)
        report.append({"name": name, "description": description, "count": len(issues), "issues": issues})
    return {"total": total, "checks": report}


def cached_validate(store, graph: Callable[[], OrgGraph], history: bool = False) -> dict:
    """:func:`validate` of ``store`` (and its ``graph()``), cached with the store for its version and the
    code: on the national store the report needs every parsed record, so only the first `validate`
    after a change computes it."""
    from pathlib import Path

    from graph_model.store.files import code_version, source_hash
    from graph_model.store.graph_cache import cached_json

    here = Path(__file__).resolve().parent
    code = source_hash(sorted(here.rglob("*.py")))  # queries/ and its sub-packages
    name = "validate-history.json" if history else "validate.json"
    return cached_json(store, name, f"{code}:{code_version()}:{','.join(CHECKS)}", lambda: validate(graph(), store))


def render_validate(report: dict) -> str:
    lines = []
    for c in report["checks"]:
        lines.append(f"{c['description']}: {c['count']}")
        for issue in c["issues"]:
            where = f"{issue['doc']}:{issue['line']}" if issue.get("line") else issue.get("doc", "")
            lines.append(f"  {where}  {issue['message']}" if where else f"  {issue['message']}")
    lines.append(f"{report['total']} issues" if report["total"] != 1 else "1 issue")
    return "\n".join(lines)


# --------------------------------------------------------------------------- built-in checks
def _has_duties(graph: OrgGraph, uid: str) -> bool:
    return bool(graph.out(uid, "HANDLES"))


def _no_duties(graph: OrgGraph, parsed) -> Iterable[dict]:
    """Units a document sets up without any duty, neither their own nor their sub-units'.

    A 組 whose duties are all assigned to its 科 is fine; a unit named but never
    given anything to do is what a reader should check against the text.  Units only
    named by procedures (``mentioned``: linked by RESPONSIBLE_FOR/NAMED_IN, set up by no
    document) have no duties to check.
    """
    for u in graph.units():
        if u.get("implied") or u.get("mentioned") or _has_duties(graph, u["id"]):
            continue
        if not any(_has_duties(graph, d) for d in graph.descendants(u["id"])):
            yield {"unit": u["id"], "doc": u.get("doc", ""), "line": u.get("line"),
                   "message": f"{u['id']} has no duties"}


def _unplaced(graph: OrgGraph, parsed) -> Iterable[dict]:
    for p in parsed:
        for span in p.unplaced:
            text = span.text if len(span.text) <= 40 else span.text[:39] + "…"
            yield {"doc": span.source.doc, "line": span.source.line, "reason": span.reason,
                   "text": span.text, "message": f"{span.reason}: {text}"}


def _name_key(name: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name)).translate(VARIANTS)


def _duplicate_names(graph: OrgGraph, parsed) -> Iterable[dict]:
    """A unit set up twice in one document, or siblings whose names differ only in variant forms (台/臺)."""
    for p in parsed:
        seen: dict[tuple, int] = {}
        for rec in p.units:
            first = seen.setdefault(rec.path, rec.source.line)
            if first != rec.source.line:
                yield {"unit": "/".join(rec.path), "doc": rec.source.doc, "line": rec.source.line,
                       "message": f"{'/'.join(rec.path)} is set up again (first at line {first})"}
    for u in graph.units():
        groups: dict[str, list[str]] = defaultdict(list)
        for kid in graph.children(u["id"]):
            groups[_name_key(graph.node(kid)["name"])].append(kid)
        for kids in groups.values():
            if len(kids) > 1:
                node = graph.node(kids[1])
                yield {"unit": u["id"], "doc": node.get("doc", ""), "line": node.get("line"),
                       "message": f"{u['id']} has children with the same name: "
                                  + ", ".join(graph.node(k)["name"] for k in kids)}


def _agency_parents(graph: OrgGraph, parsed) -> Iterable[dict]:
    for name, parents in sorted(graph.agency_conflicts().items()):
        yield {"unit": name, "message": f"{name} is placed under {' and under '.join(parents)}"}


OLD_YEARS = 10  # a body's rules this much older than its parent's act in force are old


def _undecided_status(graph: OrgGraph, parsed) -> Iterable[dict]:
    """Agencies whose status the documents do not decide: current only because no rule ended them, while their
    parent's organization act in force, newer than every document of their own, sets up the agencies under the
    parent without naming them (交通部's act of 2023 lists 公路局, 航港局 … and not 交通部民用航空局 …).  A 局 or 署
    left out is ended (:func:`graph_model.graph.lineage._unlisted`); a 機構 (研究所, 博物館, 醫院 …) need not be
    listed, so the act neither keeps nor ends it: a reader should decide.  Only bodies whose own documents are old
    (:data:`OLD_YEARS`) and that no other document in force names."""
    from graph_model.graph.succession import documents_about

    about: dict[str, list[dict]] = defaultdict(list)
    for doc, uid in documents_about(graph).items():
        node = graph.node(f"doc:{doc}")
        if node is not None:
            about[uid].append(node)
    for parent in graph.units("Agency"):
        acts = [d for d in about.get(parent["id"], ()) if d.get("genre") == "org_act" and d.get("updated")
                and d.get("status", "current") == "current" and not d.get("abolished")]
        if not acts:
            continue
        act = max(acts, key=lambda d: (d["updated"], d["id"]))
        act_doc = act["id"].removeprefix("doc:")
        kids = [graph.node(k) for k in graph.children(parent["id"])]
        listed = [k for k in kids if k["kind"] == "Agency" and any(
            src["doc"] == act_doc and src.get("line") != 1 for src in k.get("sources", ()))]
        if len(listed) < 2:
            continue
        for kid in kids:
            own = about.get(kid["id"], [])
            mine = {d["id"].removeprefix("doc:") for d in own}
            # named by a document in force besides its own (法院組織法 sets up 最高法院): that document keeps it
            if kid["kind"] != "Agency" or kid in listed or kid.get("status", "current") != "current" or not own \
                    or any(src["doc"] not in mine for src in kid.get("sources", ())):
                continue
            last = max(own, key=lambda d: (d.get("updated", ""), d["id"]))
            # old: untouched for the decade before the act (the reorganisations re-issued the rules of the bodies
            # they kept)
            old_before = f"{int(act['updated'][:4]) - OLD_YEARS}{act['updated'][4:]}"
            if not last.get("updated") or last["updated"] >= old_before:
                continue
            yield {"unit": kid["id"], "doc": last["id"].removeprefix("doc:"),
                   "evidence": {"own": last["title"], "own_updated": last["updated"], "act": act["title"],
                                "act_doc": act_doc, "act_updated": act["updated"],
                                "listed": [k["name"] for k in listed]},
                   "message": f"{kid['id']}: current only because nothing ends it — its last document "
                              f"{last['title']} ({last['updated']}) is older than {act['title']} ({act_doc}, "
                              f"{act['updated']}), which lists {'、'.join(k['name'] for k in listed)} under "
                              f"{parent['name']} and not it"}


# What ``validate`` checks, in report order: name -> (description, function).
CHECKS: Mapping[str, tuple[str, Callable]] = MappingProxyType({
    "no_duties": ("units with no duties (neither their own nor below them)", _no_duties),
    "unplaced": ("text spans the loaders could not place", _unplaced),
    "duplicate_names": ("duplicate names under one parent", _duplicate_names),
    "agency_parents": ("agencies that documents place under different parents (kept apart, not merged)",
                       _agency_parents),
    "headcount_totals": ("headcount totals that do not add up", headcount_totals),
    "undecided_status": ("agencies whose status the documents do not decide (current only because nothing ends "
                         "them)", _undecided_status),
})

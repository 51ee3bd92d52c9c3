"""Counts over the graph: documents, units by kind, duties, relationships.

>>> from graph_model.store.store import open_store
>>> s = stats(open_store("/nonexistent/store.json").graph())
>>> s["units"]["by_kind"]["BranchOffice"] >= 4   # 基隆關 alone has 4 分關
True
>>> {"HAS_UNIT", "HANDLES"} <= set(s["relationships"])
True
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from graph_model.records.records import UNIT_KINDS
from graph_model.textwidth import display_width, pad

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph


def stats(graph: OrgGraph) -> dict:
    """Counts of the graph's documents, units (by kind and by unit type), duties and relationships."""
    docs = sorted(graph.nodes_with_label("Document"), key=lambda d: d["id"])
    units = graph.units()
    by_kind = Counter(u["kind"] for u in units)
    kinds = [k for k in UNIT_KINDS if by_kind[k]] + sorted(k for k in by_kind if k not in UNIT_KINDS)
    duties = list(graph.nodes_with_label("Duty"))
    handled_by = Counter(v for _, v, _ in graph.edges("HANDLES"))
    rels = Counter(data["type"] for _, _, data in graph.edges())
    other_labels = Counter(label for data in graph.nodes() for label in data["labels"][:1]
                           if label not in ("Unit", "Duty", "Document"))
    return {
        "documents": [{"id": d["id"].removeprefix("doc:"), "genre": d.get("genre", ""), "title": d.get("title", "")}
                      for d in docs],
        "units": {"total": len(units), "by_kind": {k: by_kind[k] for k in kinds},
                  "by_type": dict(sorted(Counter(u["unit_type"] for u in units).items(),
                                         key=lambda kv: (-kv[1], kv[0]))),
                  "roots": [r for r in graph.roots() if not graph.node(r).get("mentioned")],
                  "mentioned": sum(1 for x in units if x.get("mentioned"))},
        "duties": {"total": len(duties),
                   "shared": sum(1 for d in duties if handled_by[d["id"]] > 1),
                   "catch_all": sum(1 for d in duties if d.get("catch_all")),
                   "residual": sum(1 for d in duties if d.get("residual"))},
        "other_nodes": dict(sorted(other_labels.items())),
        "relationships": dict(sorted(rels.items())),
    }


def render_stats(s: dict) -> str:
    ended = s.get("history_documents", 0)
    lines = [f"Documents: {len(s['documents'])}" + (f" current; {ended} more {'is' if ended == 1 else 'are'} history "
                                                    "(orggraph --all stats)" if ended else "")]
    id_width = max((display_width(d["id"]) for d in s["documents"]), default=0)
    genre_width = max([12] + [display_width(d["genre"]) for d in s["documents"]])
    for d in s["documents"]:
        lines.append(f"  {pad(d['id'], id_width)}  {pad(d['genre'], genre_width)}  {d['title']}".rstrip())
    u = s["units"]
    orgs = f"{len(u['roots'])} organization{'s' if len(u['roots']) != 1 else ''}"
    mentioned = f"; {u['mentioned']} of them only named in procedures" if u.get("mentioned") else ""
    lines.append(f"Units: {u['total']} in {orgs} ({', '.join(u['roots'])}){mentioned}")
    lines += _counts(u["by_kind"])
    d = s["duties"]
    lines.append(f"Duties: {d['total']} ({d['shared']} handled by several units, "
                 f"{d['catch_all']} catch-all, {d['residual']} residual)")
    for label, n in s["other_nodes"].items():
        lines.append(f"{label}: {n}")
    lines.append("Relationships:")
    lines += _counts(s["relationships"])
    return "\n".join(lines)


def _counts(counts: dict) -> list[str]:
    """``  name  count`` lines in two columns (at least 13 and 5 wide, wider when a name or count is)."""
    name_width = max([13] + [display_width(k) for k in counts])
    count_width = max([5] + [len(str(n)) for n in counts.values()])
    return [f"  {pad(k, name_width)} {n:>{count_width}}" for k, n in counts.items()]

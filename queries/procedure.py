"""Procedures: find one by a fragment of its name and show it whole.

:func:`procedure` returns the legal basis, the steps in order (with their
branches and conditions), the time limit in days, the notes, the forms and the
units involved with their role, each with its citation.  :func:`procedure_documents`
yields the texts the ``which`` lookup indexes: the acting unit is the answer,
the procedure and its step are the evidence.

>>> from graph_model.store.store import open_store
>>> g = open_store("/nonexistent/store.json").graph()   # the bundled corpus
>>> info = procedure(g, "撫卹")
>>> info["title"], len(info["steps"]), info["time"]
('經濟部駐外經濟商務機構商務人員撫卹作業程序', 13, None)
>>> [law["name"] for law in info["laws"]][:2]
['公務人員撫卹法', '公務人員撫卹法施行細則']
>>> [(s["n"], s["condition"]) for s in info["steps"][6]["next"]]
[(8, '否'), (9, '是')]
>>> procedure(g, "返國述職")["time"]["days"]
30
>>> sorted({u["unit"] for u in procedure(g, "返國述職")["units"]})
['經濟部', '經濟部/國際貿易局']
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from graph_model.errors import AmbiguousName, UnknownName
from graph_model.records.provenance import cite

from .entries import PROCEDURE_PRIOR, Entry, Handler

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph

EMPTY_STEP = "（空白）"  # a flow-chart box with no text


class UnknownProcedure(UnknownName):
    what = "procedure"


class AmbiguousProcedure(AmbiguousName):
    what = "procedure"


class ProcedureText(NamedTuple):
    """One text the ``which`` lookup indexes for procedures."""

    text: str
    unit_id: str  # the acting unit: the answer
    procedure_id: str
    step_id: str | None  # None for the procedure title and its notes
    doc: str
    line: int


# --------------------------------------------------------------------------- helpers
def _fold(text: str) -> str:
    from queries.textnorm import fold
    return fold(text).replace(" ", "")


def procedure_nodes(graph: OrgGraph) -> list[dict]:
    """Every ``Procedure`` node, in id order."""
    return sorted(graph.nodes_with_label("Procedure"), key=lambda n: n["id"])


def _subsequence(query: str, text: str) -> bool:
    it = iter(text)
    return all(ch in it for ch in query)


def find_procedures(graph: OrgGraph, name: str) -> list[str]:
    """Ids of the procedures ``name`` may mean: an exact id/title, else titles containing it
    (variant characters folded), else titles holding its characters in order (留職停薪復職)."""
    name = name.strip()
    nodes = procedure_nodes(graph)
    exact = [n["id"] for n in nodes if name in (n["id"], n["title"], n.get("title_as_written"))]
    if exact:
        return exact
    query = _fold(name)
    if not query:
        return []
    keys = {n["id"]: (_fold(n["title"]), _fold(n.get("title_as_written") or n["title"])) for n in nodes}
    found = [pid for pid, ks in keys.items() if any(query in k for k in ks)]
    if not found:
        found = [pid for pid, ks in keys.items() if any(_subsequence(query, k) for k in ks)]
    return found


def resolve_procedure(graph: OrgGraph, name: str) -> str:
    """The id of the one procedure ``name`` means; raises UnknownProcedure/AmbiguousProcedure."""
    found = find_procedures(graph, name)
    if len(found) == 1:
        return found[0]
    if found:
        raise AmbiguousProcedure(name, [graph.node(pid)["title"] for pid in found])
    chars = set(name)
    scored = sorted(((len(chars & set(n["title"])) / max(len(chars), 1), n["title"]) for n in procedure_nodes(graph)),
                    reverse=True)
    raise UnknownProcedure(name, [t for score, t in scored[:3] if score >= 0.5])


def _steps(graph: OrgGraph, pid: str) -> list[dict]:
    ids = [v for v, _ in graph.out(pid, "HAS_STEP")]
    return sorted((graph.node(s) for s in ids), key=lambda s: s["n"])


def responsible_units(graph: OrgGraph, pid: str) -> list[dict]:
    """Units with a role in the procedure: ``{"unit", "name", "roles", "basis", "posts", "steps", "cite"}``.

    The agency the procedure belongs to comes first, then the others in document order.
    """
    by_unit: dict[str, dict] = {}
    edges = sorted(graph.into(pid, "RESPONSIBLE_FOR"), key=lambda e: (e[1]["line"], e[1].get("order", 0), e[0]))
    for uid, edge in edges:
        entry = by_unit.setdefault(uid, {"unit": uid, "name": graph.node(uid)["name"], "roles": [], "basis": [],
                                         "posts": [], "steps": [], "cite": cite(edge), "line": edge["line"],
                                         "order": edge.get("order", 0)})
        entry["roles"].append(edge["role"])
        entry["basis"].append(edge.get("basis", "explicit"))
        if edge.get("post") and edge["post"] not in entry["posts"]:
            entry["posts"].append(edge["post"])
        if edge.get("step"):
            n = graph.node(edge["step"])["n"]
            if n not in entry["steps"]:
                entry["steps"].append(n)
    agency = graph.node(pid).get("agency", "")
    out = []
    for entry in by_unit.values():
        entry["inferred_roles"] = [r for r, b in zip(entry["roles"], entry["basis"]) if b == "inferred"]
        entry["basis"] = "explicit" if "explicit" in entry["basis"] else "inferred"
        out.append(entry)
    return sorted(out, key=lambda e: (e["unit"] != agency, e["line"], e["order"], e["unit"]))


# --------------------------------------------------------------------------- procedure
def procedure(graph: OrgGraph, name: str) -> dict:
    """Everything about one procedure (``name``: its id, title, or a fragment of its title)."""
    pid = resolve_procedure(graph, name)
    node = graph.node(pid)
    steps = _steps(graph, pid)
    number = {s["id"]: s["n"] for s in steps}
    step_items = []
    for s in steps:
        nxt = sorted((number[v], d.get("condition", "")) for v, d in graph.out(s["id"], "NEXT"))
        item = {"n": s["n"], "id": s["id"], "text": s["text"], "branch": s.get("branch", ""),
                "shape": s.get("shape", "box"), "notes": list(s.get("notes", [])),
                "unit_only": bool(s.get("unit_only")),
                "actors": [{"unit": u, "role": r} for u, r in zip(s.get("actors", []), s.get("actor_roles", []))],
                "next": [{"n": n, "condition": c} for n, c in nxt], "cite": cite(s)}
        if node["kind"] == "rule":
            item.update({k: s.get(k) for k in ("deciders", "days", "min_days", "max_days", "hours")})
        step_items.append(item)
    laws, forms = [], []
    def in_order(rel_type):
        return sorted(graph.out(pid, rel_type), key=lambda e: (e[1].get("order", 0), e[0]))

    for v, d in in_order("BASED_ON"):
        law = graph.node(v)
        others = sorted(u for u, _ in graph.into(v, "BASED_ON") if u != pid)
        laws.append({"id": v, "name": law["name"], "article": d.get("law_article", ""),
                     "issuer": law.get("issuer", ""), "listed": d.get("listed", ""), "cite": cite(d),
                     "other_procedures": others})
    for v, d in in_order("USES_FORM"):
        form = graph.node(v)
        forms.append({"id": v, "name": form["name"], "note": d.get("note", ""),
                      "also_written": list(form.get("also_written", [])), "cite": cite(d)})
    notes = [{"text": t, "line": ln, "level": lv, "marker": mk, "kind": kd,
              "cite": cite({"doc": node["doc"], "line": ln})}
             for t, ln, lv, mk, kd in zip(node.get("notes", []), node.get("note_lines", []),
                                         node.get("note_levels", []), node.get("note_markers", []),
                                         node.get("note_kinds", []))]
    named = sorted({u for u, _ in graph.into(pid, "NAMED_IN")})
    time = None
    if node.get("time_text"):
        time = {"days": node.get("time_days"), "min_days": node.get("time_min_days"), "text": node["time_text"],
                "cite": cite({"doc": node["doc"], "line": node.get("time_line") or node["line"]})}
    return {
        "id": pid, "title": node["title"], "title_as_written": node.get("title_as_written", node["title"]),
        "kind": node.get("kind", "procedure"), "agency": node.get("agency", ""), "cite": cite(node),
        "doc": node["doc"], "line": node["line"], "end_line": node.get("end_line", node["line"]),
        "time": time, "laws": laws, "steps": step_items,
        "flow_missing": bool(node.get("has_flow_section")) and not step_items,
        "flow_note": node.get("flow_note", ""), "units": responsible_units(graph, pid), "named": named,
        "forms": forms, "forms_note": node.get("forms_note", ""), "notes": notes,
    }


def _days(time: dict) -> str:
    if time["days"] is None:
        return f"not stated in days ({time['text']})"
    span = f"{time['min_days']}–{time['days']}" if time["min_days"] not in (None, time["days"]) else f"{time['days']}"
    return f"{span} day{'s' if time['days'] != 1 else ''} ({time['text']})"


def _step_days(step: dict) -> str:
    parts = []
    if step.get("days") is not None:
        parts.append(f"{step['days']} days")
    if step.get("min_days") is not None or step.get("max_days") is not None:
        lo = f"over {step['min_days']}" if step.get("min_days") is not None else ""
        hi = f"up to {step['max_days']}" if step.get("max_days") is not None else ""
        parts.append(" and ".join(p for p in (lo, hi) if p) + " days")
    if step.get("hours") is not None:
        parts.append(f"{step['hours']} hours")
    return ", ".join(parts)


def render_procedure(info: dict) -> str:
    """The CLI text of :func:`procedure`."""
    lines = [info["title"], f"  id:      {info['id']}"]
    if info["title_as_written"] != info["title"]:
        lines.append(f"  written: {info['title_as_written']}")
    lines += [f"  agency:  {info['agency']}", f"  source:  {info['cite']}"]
    lines.append(f"  time:    {_days(info['time']) if info['time'] else 'not stated'}")
    lines.append(f"Legal basis ({len(info['laws'])})" + (":" if info["laws"] else ""))
    for n, law in enumerate(info["laws"], 1):
        extra = " ".join(x for x in (law["article"], f"(issued by {law['issuer']})" if law["issuer"] else "") if x)
        lines.append(f"  {n}. {law['name']}{' ' + extra if extra else ''}  [{law['cite']}]")
    title = f"Steps ({len(info['steps'])})" + (f", {info['flow_note']}" if info["flow_note"] else "")
    lines.append(title + (":" if info["steps"] else ""))
    if info["flow_missing"]:
        lines.append("  (the flow chart is not in the text: it was an image in the source)")
    width = len(str(len(info["steps"])))
    branch = None
    for step in info["steps"]:
        if step["branch"] != branch:
            branch = step["branch"]
            if branch:
                lines.append(f"  [{branch}]")
        marks = [step["shape"]] if step["shape"] not in ("box",) else []
        mark = f"  [{', '.join(marks)}]" if marks else ""
        lines.append(f"  {step['n']:>{width}}. {step['text'] or EMPTY_STEP}{mark}")
        pad = " " * (width + 4)
        for note in step["notes"]:
            lines.append(f"{pad}note: {note}")
        if step["actors"]:
            by: dict[str, list[str]] = {}
            for a in step["actors"]:
                by.setdefault(a["unit"], []).append(a["role"])
            lines.append(f"{pad}by: " + "; ".join(f"{u} ({', '.join(r)})" for u, r in by.items()))
        if step.get("deciders"):
            lines.append(f"{pad}decides: {', '.join(step['deciders'])}")
        days = _step_days(step)
        if days:
            lines.append(f"{pad}time: {days}")
        if step["next"]:
            lines.append(f"{pad}next: " + ", ".join(f"{x['condition']} → {x['n']}" if x["condition"] else f"{x['n']}"
                                                     for x in step["next"]))
    lines.append(f"Units ({len(info['units'])}):")
    for u in info["units"]:
        roles = ", ".join(r + (" (inferred)" if r in u["inferred_roles"] else "") for r in u["roles"])
        about = []
        if u["posts"]:
            about.append(f"post: {', '.join(u['posts'])}")
        if u["steps"]:
            about.append(f"step {', '.join(map(str, u['steps']))}")
        lines.append(f"  {u['unit']}: {roles}" + (f"  ({'; '.join(about)})" if about else "") + f"  [{u['cite']}]")
    if info["named"]:
        lines.append(f"  also named: {', '.join(info['named'])}")
    lines.append(f"Forms ({len(info['forms'])})" + (":" if info["forms"] else ""))
    if info["forms_note"]:
        lines.append(f"  ({info['forms_note']})")
    for n, form in enumerate(info["forms"], 1):
        note = f" ({form['note']})" if form["note"] else ""
        lines.append(f"  {n}. {form['name']}{note}  [{form['cite']}]")
    lines.append(f"Notes ({len(info['notes'])})" + (":" if info["notes"] else ""))
    for note in info["notes"]:
        marker = f"{note['marker']}. " if note["marker"] else ""
        lines.append(f"  {'  ' * note['level']}{marker}{note['text']}  [{note['cite']}]")
    return "\n".join(lines)


# --------------------------------------------------------------------------- lookups over procedures
def procedures_of(graph: OrgGraph, ref: str) -> list[dict]:
    """Procedures a unit has a role in: ``{"procedure", "title", "roles"}`` in title order."""
    uid = graph.resolve(ref)
    found: dict[str, list[str]] = {}
    for pid, d in graph.out(uid, "RESPONSIBLE_FOR"):
        found.setdefault(pid, []).append(d["role"])
    return [{"procedure": pid, "title": graph.node(pid)["title"], "roles": roles}
            for pid, roles in sorted(found.items(), key=lambda kv: graph.node(kv[0])["title"])]


def procedures_based_on(graph: OrgGraph, law: str) -> list[dict]:
    """Procedures based on a law whose name contains ``law``: ``{"law", "procedure", "title", "article"}``."""
    query = _fold(law)
    out = []
    for node in sorted(graph.nodes_with_label("Law"), key=lambda n: n["id"]):
        if query and query in _fold(node["name"]):
            for pid, d in graph.into(node["id"], "BASED_ON"):
                out.append({"law": node["name"], "procedure": pid, "title": graph.node(pid)["title"],
                            "article": d.get("law_article", "")})
    return sorted(out, key=lambda r: (r["law"], r["title"]))


def procedure_documents(graph: OrgGraph, *, agency_fallback: bool = True) -> Iterator[ProcedureText]:
    """Texts to index for ``which``: procedure titles, steps and notes, each with its acting unit.

    - a title once per unit responsible for the procedure;
    - a step once per unit acting in it;
    - a note once per unit given a role in it.

    A step or note naming no acting unit gets the procedure's agency when
    ``agency_fallback`` is true (the agency runs its own procedure), else is left out;
    the clauses of a rule always name its agency (their deciders are its posts).
    """
    for node in procedure_nodes(graph):
        pid, doc = node["id"], node["doc"]
        agency = node.get("agency") or ""
        fallback = agency_fallback or node.get("kind") == "rule"  # a rule's deciders are posts of its agency
        roles = graph.into(pid, "RESPONSIBLE_FOR")
        for uid in dict.fromkeys(u for u, _ in sorted(roles, key=lambda r: (r[1]["line"], r[1].get("order", 0)))):
            yield ProcedureText(node["title"], uid, pid, None, doc, node["line"])
        for step in _steps(graph, pid):
            text = "".join([step["text"], *("（" + n + "）" for n in step.get("notes", []))])
            if not text:
                continue
            for uid in dict.fromkeys(step.get("actors", [])) or ([agency] if agency and fallback else []):
                yield ProcedureText(text, uid, pid, step["id"], doc, step["line"])
        actors = node.get("note_actors") or [""] * len(node.get("notes", []))
        for text, line, acting in zip(node.get("notes", []), node.get("note_lines", []), actors):
            for uid in [u for u in acting.split("|") if u] or ([agency] if agency and fallback else []):
                yield ProcedureText(text, uid, pid, None, doc, line)


STEP_PRIOR = 1.0  # steps and notes weigh as titles do
# The agency a procedure belongs to, when only its title or a generic word (服務機關 …) points at it,
# answers at this share of the prior: the units named as acting answer first.
OWNER_PRIOR = 0.5


def _roles_by_unit(graph: OrgGraph, pid: str) -> dict[str, list[tuple[str, str, int]]]:
    """``unit id -> [(role, basis, line)]`` of a procedure's RESPONSIBLE_FOR edges, in document order."""
    roles: dict[str, list[tuple[str, str, int]]] = {}
    edges = sorted(graph.into(pid, "RESPONSIBLE_FOR"), key=lambda e: (e[1]["line"], e[1].get("order", 0)))
    for uid, d in edges:
        roles.setdefault(uid, []).append((d["role"], d.get("basis", "explicit"), d["line"]))
    return roles


def _role_text(roles) -> str:
    return ", ".join(dict.fromkeys(r + (" (inferred)" if b == "inferred" else "") for r, b, _ in roles))


def which_entries(graph: OrgGraph, *, agency_fallback: bool = False):
    """:func:`procedure_documents` as ``queries.lookup.search`` entries (kind ``"procedure"``), one per text.

    The acting unit is the answer; the procedure and its step (or note) are the
    evidence.  Each entry's ``context`` says which (``step 2 of <title>``, ``note
    of <title>``, ``procedure``/``rule`` for a title; a rule's step adds who
    decides), each handler's ``role`` the unit's role there.  A title answers
    with the units acting in the procedure (prior :data:`queries.entries.PROCEDURE_PRIOR`,
    cited where the text gives them their role) and, at :data:`OWNER_PRIOR` times
    that, with the agency it belongs to (cited at the title).  Steps and notes get
    the title's prior times :data:`STEP_PRIOR`.  Listed in :data:`queries.lookup.search.ENTRY_SOURCES`.
    """
    title_prior = PROCEDURE_PRIOR
    nodes = {n["id"]: n for n in procedure_nodes(graph)}
    roles = {pid: _roles_by_unit(graph, pid) for pid in nodes}
    grouped: dict[tuple, list] = {}
    for rec in procedure_documents(graph, agency_fallback=agency_fallback):
        is_title = rec.step_id is None and rec.text == nodes[rec.procedure_id]["title"]
        key = (rec.procedure_id, rec.step_id, rec.text, None if is_title else rec.line)
        grouped.setdefault(key, [])
        if all(r.unit_id != rec.unit_id for r in grouped[key]):
            grouped[key].append(rec)
    for (pid, sid, text, _line), recs in grouped.items():
        node = nodes[pid]
        unit_roles = roles[pid]
        if sid is None and text == node["title"]:
            context = "procedure"
            if node.get("kind") == "rule":
                deciders = [d for st in _steps(graph, pid) for d in st.get("deciders") or []]
                context = "rule" + (f"; decides: {'、'.join(dict.fromkeys(deciders))}" if deciders else "")
            agency = node.get("agency") or ""
            acting = [Handler(r.unit_id, r.doc, unit_roles.get(r.unit_id, [("", "", r.line)])[0][2],
                              role=_role_text(unit_roles.get(r.unit_id, []))) for r in recs if r.unit_id != agency]
            owner = [Handler(r.unit_id, r.doc, r.line, role=_role_text(unit_roles.get(r.unit_id, [])))
                     for r in recs if r.unit_id == agency]
            if acting:
                yield Entry("procedure", pid, text, acting, title_prior, context=context)
            if owner:
                yield Entry("procedure", pid, text, owner, title_prior * OWNER_PRIOR, context=context)
            continue
        handlers, weak = [], set()  # weak: the agency named only by a generic word (服務機關 …)
        agency = node.get("agency") or ""
        if sid is not None:
            step = graph.node(sid)
            context = f"step {step['n']} of {node['title']}"
            if step.get("deciders"):
                context += f"; decides: {'、'.join(step['deciders'])}"
            in_step: dict[str, list[str]] = {}
            basis: dict[str, set[str]] = {}
            for uid, role, b in zip(step.get("actors", []), step.get("actor_roles", []),
                                    step.get("actor_basis") or ["explicit"] * len(step.get("actors", []))):
                in_step.setdefault(uid, []).append(role)
                basis.setdefault(uid, set()).add(b)
            weak = {u for u, b in basis.items() if b == {"inferred"}}
            for r in recs:
                role = ", ".join(dict.fromkeys(x + (" (inferred)" if r.unit_id in weak else "")
                                               for x in in_step.get(r.unit_id, [])))
                handlers.append(Handler(r.unit_id, r.doc, r.line, article=step.get("article") or "",
                                        item=step.get("item") or "", role=role))
        else:
            context = f"note of {node['title']}"
            notes = node.get("notes", [])
            inferred = dict(zip(zip(notes, node.get("note_lines", [])), node.get("note_inferred") or [""] * len(notes)))
            weak = set(inferred.get((text, recs[0].line), "").split("|"))
            for r in recs:
                here = [x for x in unit_roles.get(r.unit_id, []) if x[2] == r.line]
                handlers.append(Handler(r.unit_id, r.doc, r.line, role=_role_text(here)))
        if node.get("kind") == "rule":  # a rule's deciders are posts of its agency: the agency answers in full
            weak = set()
        strong = [h for h in handlers if not (h.unit == agency and h.unit in weak)]
        owner = [h for h in handlers if h.unit == agency and h.unit in weak]
        if strong:
            yield Entry("procedure", sid or pid, text, strong, title_prior * STEP_PRIOR, context=context)
        if owner:
            yield Entry("procedure", sid or pid, text, owner, title_prior * STEP_PRIOR * OWNER_PRIOR, context=context)

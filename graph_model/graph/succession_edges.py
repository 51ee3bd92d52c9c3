"""What the succession rules share: the edge they write, the kinds of body they follow, dates.

:mod:`graph_model.graph.succession` and :mod:`graph_model.graph.members` both write ``SUCCEEDED_BY`` edges
through these; they live apart so that neither module imports the other.
"""
from __future__ import annotations

import re
from datetime import date

from .continuity import _topic
from .lineage import Status

EDGE = "SUCCEEDED_BY"
AGENCY_KINDS = ("Agency", "BranchOffice", "Facility", "Committee")
# The word between a body's name and its bodies' kind (中央氣象局附屬氣象測報機構, 內政部所屬…): attached to it.
ATTACHED = re.compile(r"[所附]屬")
FAMILY = re.compile(r"^各(?:地?區)?(?P<kind>\S{2,})$")  # 各分局, 各區監理所: the bodies of one kind
_WHERE_LINE = re.compile(r"^(?P<doc>\S+) line (?P<line>\d+)(?: (?P<article>\S+))?$")
# A member left its old parent with the family when it ended this close to the family's move.
MOVE_DAYS = 62
# The word for what a body is, at the end of its name: what is left says what it does (管制藥品管理局 → 管制藥品).
_BODY_WORD = re.compile(r"(?:委員會|審議會|中心|研究所|管理處|管理局|之家|[所處局署會院館隊站場])$")
# The ending two names share that says they are bodies of one kind (see succession.KIND_TOPIC): this long at least.
KIND_ENDING = 4


def _add_edge(graph, source: str, target: str, s) -> None:
    m = _WHERE_LINE.match(s.where)
    prov = {"doc": m["doc"], "line": int(m["line"]), "article": m["article"] or ""} if m else \
        {"doc": s.where.split(" ")[0] if s.where else s.doc, "line": 0, "article": ""}
    key = f"{EDGE}:{target}"  # one succession per pair: the first evidence found
    if graph.edge(source, target, key) is None:
        # (the day the successor took over, not the day the rules that name it were repealed)
        graph.g.add_edge(source, target, key=key, type=EDGE, date=getattr(s, "since", "") or s.date,
                         evidence=s.evidence, where=s.where,
                         item="", **prov)


def _agencies_of_documents(units) -> dict[str, str]:
    """Document id -> the organization it is about: the deepest unit its title line names (a title
    names the chain 交通部 › 觀光局; the units the text sets up come from later lines)."""
    out: dict[str, tuple[int, str]] = {}
    for unit in units:
        for src in unit.get("sources", ()):
            if src.get("line") == 1 and len(unit["path"]) > out.get(src["doc"], (0, ""))[0]:
                out[src["doc"]] = (len(unit["path"]), unit["id"])
    return {doc: uid for doc, (_, uid) in sorted(out.items())}


def _days(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def _end(statuses) -> str:
    """The date the last document of a body ended."""
    return max((s.date for s in statuses if s.date), default="")


def _topic_chars(text: str) -> str:
    """The characters of ``text`` that say what a body is about, in order (事務委員會 → 事務)."""
    return "".join(ch for ch in text if ch in _topic(ch))


def _replace_successor(graph, uid: str, target: str, evidence: str, said: Status | None = None,
                       at: str = "") -> None:
    """Make ``target`` the successor of ``uid`` in place of where its parent's work went (``said``:
    the document's words that say so, when one does)."""
    node, body = graph.node(uid), graph.node(target)
    for old, _ in graph.out(uid, EDGE):
        graph.g.remove_edge(uid, old, key=f"{EDGE}:{old}")
    shown = graph.node(at) if at else body  # the unit whose lines are the evidence
    where = said.where if said is not None else \
        f"{shown['doc']} line {shown['line']}" if shown.get("line") else shown.get("doc", "")
    when = said.date if said is not None and said.date else node.get("status_date", "")
    _add_edge(graph, uid, target, Status(body.get("doc", ""), "superseded", (body["name"],), when, evidence, where))
    node.update(status="superseded", successors=[" › ".join(body["path"])])


def _one_duty_holder(graph, uid: str, found: dict, why: str) -> None:
    """When exactly one body of ``found`` (body -> its duty and the edge that holds it) states the work of
    ``uid``, that body is its successor, the duty's line the evidence; ``why`` is said before the duty."""
    if len(found) != 1:
        return
    (target, (duty, edge)), = found.items()
    where = f"{edge['doc']} line {edge['line']} {edge.get('article', '')}".rstrip()
    said = Status(edge["doc"], "superseded", (graph.node(target)["name"],), "", duty["text"], where)
    named = why.replace("{name}", graph.node(target)["name"])
    _replace_successor(graph, uid, target, f"{named}: 「{duty['text']}」", said)


def _heirs_of_ancestors(graph, uid: str) -> list[str]:
    """The successors of the units above ``uid`` (where its work would have gone)."""
    out, up = [], graph.parent(uid)
    while up is not None:
        out += [t for t, _ in graph.out(up, EDGE)]
        up = graph.parent(up)
    return out


def _names_its_own(graph, uid: str) -> bool:
    """True when the documents name a successor of the unit itself, not only where its parent's work went."""
    own = [t for t, _ in graph.out(uid, EDGE)]
    if not own:
        return bool(graph.node(uid).get("successors"))
    heirs = _heirs_of_ancestors(graph, uid)
    return not all(t in heirs for t in own)

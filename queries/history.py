"""``orggraph history``: how an agency came to be and what became of it; the agencies of a date.

Read from the graph with history (``Store.graph(history=True)``), whose documents carry their
status and enactment date and whose agencies carry ``SUCCEEDED_BY`` edges
(:mod:`graph_model.graph.succession`):

- :func:`history`: an agency's timeline — each of its documents enacted (the first entry of its
  沿革) and last amended, what it succeeded, and when and by what it was superseded or abolished,
  each event with its document and the sentence that says so;
- :func:`as_of`: the agencies that existed on a date — enacted by then (when a document says
  when), and not yet superseded or abolished.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph_model.errors import AmbiguousUnit
from graph_model.graph.succession import EDGE, FAMILY, documents_about
from graph_model.records.naming import breadcrumb_of

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph


@dataclass
class Event:
    date: str  # YYYY-MM-DD, "" when no document gives it
    kind: str  # enacted, amended, governed, succeeded, superseded, abolished, moved
    text: str
    where: str  # document (PCode) and field or line

    def to_dict(self) -> dict:
        return {"date": self.date, "kind": self.kind, "text": self.text, "where": self.where}


@dataclass
class History:
    unit: dict  # {"id", "name", "path", "kind"}
    status: str  # current, superseded, abolished
    events: list[Event] = field(default_factory=list)
    predecessors: list[str] = field(default_factory=list)
    successors: list[str] = field(default_factory=list)
    now: list[str] = field(default_factory=list)  # what it is now: its successors, a family's member by name

    def to_dict(self) -> dict:
        return {"unit": self.unit, "status": self.status, "predecessors": self.predecessors,
                "successors": self.successors, "now": self.now, "events": [e.to_dict() for e in self.events]}


def _yyyymmdd(updated: str) -> str:
    return f"{updated[:4]}-{updated[4:6]}-{updated[6:8]}" if len(updated) == 8 and updated.isdigit() else ""


def history(graph: OrgGraph, ref: str) -> History:
    """The timeline of the agency ``ref`` names (any unit rule of :meth:`OrgGraph.resolve`)."""
    uid = _named_body(graph, ref)
    node = graph.node(uid)
    out = History({"id": uid, "name": node["name"], "path": list(node["path"]), "kind": node["kind"]},
                  node.get("status", "current"))
    about = documents_about(graph)
    for doc in sorted(d for d, u in about.items() if u == uid):
        d = graph.node(f"doc:{doc}")
        if d.get("enacted"):
            # a document renamed from another body's was enacted under its first title
            title = f"{d['former_title']} (renamed {d['title']} on {d['former_bodies'][-1][1]})" \
                if d.get("former_title") else d["title"]
            out.events.append(Event(d["enacted"], "enacted", title, f"{doc} 沿革內容"))
        amended = _yyyymmdd(d.get("updated", ""))
        if amended and amended != d.get("enacted"):
            out.events.append(Event(amended, "amended", f"{d['title']} (最新異動日期)", doc))
        if d.get("status") in ("superseded", "abolished"):
            by = f" by {'、'.join(d['successors'])}" if d.get("successors") else ""
            out.events.append(Event(d.get("status_date", ""), d["status"],
                                    f"{d['title']}{by}: {d.get('status_evidence', '')}".rstrip(": "),
                                    d.get("status_where", doc)))
    if node.get("governed_by"):  # its own rules were repealed; its family's govern it (it is current)
        out.events.append(Event(node.get("governed_since", ""), "governed",
                                f"by the rules of {breadcrumb_of(graph.node(node['governed_by'])['path'])}: "
                                f"{node.get('status_evidence', '')}", node.get("status_where", "")))
    for pred, edge in graph.into(uid, EDGE):
        out.predecessors.append(pred)
        out.events.append(Event(edge["date"], "succeeded", f"succeeded {breadcrumb_of(graph.node(pred)['path'])}: "
                                f"{edge['evidence']}".rstrip(": "), edge["where"]))
    members = node.get("successors") or []
    for succ, edge in graph.out(uid, EDGE):
        out.successors.append(succ)
        # a family it joined (各教養院, or 老人身心障礙兒童及少年福利機構 whose members stand beside it): the member
        # of it that it is now (衛生福利部 › 雲林教養院)
        beside = breadcrumb_of(graph.node(succ)["path"][:-1])
        family = members and members != [breadcrumb_of(graph.node(succ)["path"])] and (
            FAMILY.match(graph.node(succ)["name"]) or all(m.rsplit(" › ", 1)[0] == beside for m in members))
        within = node.get("within") or {}
        out.now += [f"{m} (one of {within[m]})" if m in within else m for m in members if m not in out.now] \
            if family else \
            [n for n in _now(graph, succ) if n not in out.now]
        if not any(edge["evidence"] and edge["evidence"] in e.text for e in out.events):
            # a successor the graph shows, not a document (the body that took its work over)
            # a current body with a successor moved whole (國立國父紀念館, 教育部 → 文化部): the same body now there
            kind = "moved" if node.get("status", "current") == "current" else node.get("status", "superseded")
            out.events.append(Event(edge["date"], kind,
                                    f"by {breadcrumb_of(graph.node(succ)['path'])}: {edge['evidence']}",
                                    edge["where"]))
    out.events.sort(key=lambda e: (e.date or "9999", e.kind))
    return out


def _named_body(graph: OrgGraph, ref: str) -> str:
    """The unit ``ref`` names; where it names one body at several points of its succession (國立國父紀念館
    under 教育部, then under 文化部), the last of them, whose timeline holds the others: the name asks for the
    body, not for one of its places."""
    try:
        return graph.resolve(ref)
    except AmbiguousUnit as many:
        named = set(many.candidates)
        last = [c for c in named if not any(t in named for t, _ in graph.out(c, EDGE))]
        if len(last) == 1 and all(c in last or any(t in named for t, _ in graph.out(c, EDGE)) for c in named):
            return last[0]
        raise


def _now(graph: OrgGraph, uid: str) -> list[str]:
    """What ``uid`` is now: itself when current, else what its successors are now (南部訓練所's successor
    公路總局 › 公路人員訓練所 is now 公路局 › 公路人員訓練所); where the chain ends in history, the successors
    its documents name that the graph does not hold, or itself."""
    ends, seen, todo = [], {uid}, [uid]
    while todo:
        at = todo.pop(0)
        node = graph.node(at)
        nxt = [t for t, _ in graph.out(at, EDGE) if t not in seen] if node.get("status", "current") != "current" else []
        seen.update(nxt)
        todo += nxt
        if not nxt:
            named = node.get("successors") if node.get("status", "current") != "current" else None
            ends += [n for n in named or [breadcrumb_of(node["path"])] if n not in ends]
    return ends


def as_of(graph: OrgGraph, date: str, under: str | None = None) -> list[dict]:
    """The agencies (under ``under``, if given) that existed on ``date`` (YYYY-MM-DD): one of their
    documents was enacted by then and had not yet stopped applying (a document that gives no
    enactment date counts from the start; an agency with no document of its own, by its status)."""
    root = graph.resolve(under) if under else None
    about: dict[str, list[str]] = {}
    for doc, uid in documents_about(graph).items():
        about.setdefault(uid, []).append(doc)
    own: dict[str, list[tuple[str, str]]] = {}
    for unit in graph.units("Agency"):
        uid = unit["id"]
        # a document renamed from another body's that the graph holds as this one's predecessor (衛生署 ›
        # 中央健康保險局 → 衛生福利部 › 中央健康保險署) counts for this body from the rename: till then it was
        # the other's
        held: dict[str, str] = {}  # the name of each predecessor -> the day the last of that name ended
        for pred, _ in graph.into(uid, EDGE):
            for n in _names(graph.node(pred)):
                held[n] = max(held.get(n, ""), graph.node(pred).get("status_date", ""))
        own[uid] = [_span(graph.node(f"doc:{d}"), held) for d in about.get(uid, ())]
    out = []
    for unit in graph.units("Agency"):
        uid = unit["id"]
        if root is not None and not (uid == root or uid.startswith(root + "/")):
            continue
        # a body with no document of its own was set up by its nearest forebear's (衛生福利部 › 各醫院 › 分院): it
        # existed while they applied, since before its documents say
        above = uid
        while not own.get(above) and "/" in above:
            above = above.rsplit("/", 1)[0]
        spans = own[uid] or [("", _end(unit))] * any(start <= date and (not end or end > date)
                                                      for start, end in own.get(above) or [("", "")])
        if unit.get("governed_by"):  # its family's rules govern it since its own were repealed
            spans.append((min(s for s, _ in spans), ""))
        # a body ended the day its successor took over, though its rules were repealed later
        ended = _end(unit) if unit.get("status", "current") != "current" and unit.get("status_date") else ""
        live = [(start, end) for start, end in spans
                if start <= date and (not end or end > date) and (not ended or ended > date)]
        if live:
            out.append({"id": uid, "path": list(unit["path"]), "enacted": min(s for s, _ in live),
                        "status": unit.get("status", "current"), "ended": _end(unit)})
    return out


def _end(node: dict) -> str:
    """When a document or unit stopped applying ("" while it applies, or when no date is given: then
    it counts as ended only if it is history at all, from the start)."""
    if node.get("status", "current") == "current":
        return ""
    return node.get("status_date") or "0000-00-00"


def _span(doc: dict, before: Mapping[str, str] | None = None) -> tuple[str, str]:
    """When ``doc`` applied to its body: from its enactment, or from the last day it was renamed from the rules
    of a body named in ``before`` (its body's predecessors, and the day each ended): till then they were that
    body's (or till that body ended, if it ended first: 食品藥物管理局 on its act's rename, before its rules')."""
    start = doc.get("enacted", "")
    renamed = [min(when, (before or {})[body] or when) for body, when in doc.get("former_bodies", ())
               if body in (before or {})]
    if renamed and renamed[-1] > start:
        start = renamed[-1]
    return start, _end(doc)


def _names(node: dict) -> set[str]:
    """The names a body's rules were titled by: its path written out (行政院衛生署中央健康保險局), without
    the branch's head, its full name and its longer aliases."""
    path = node["path"]
    # its aliases hold the name as titled (行政院衛生署所屬醫院, read as 行政院 › 衛生署 › 各醫院)
    return {"".join(path), "".join(path[1:]), node.get("full_name") or "",
            *(a for a in node.get("aliases", ()) if len(a) > 5)} - {""}


def render_history(h: History) -> str:
    lines = [f"{breadcrumb_of(h.unit['path'])}  ({h.status})"]
    if h.now:
        lines.append(f"  now: {'、'.join(h.now)}")
    for e in h.events:
        lines.append(f"  {e.date or '????-??-??'}  {e.kind:<10} {e.text}")
        lines.append(f"  {'':10}  {'':10} {e.where}")
    return "\n".join(lines)


_ROC_NUMERAL = "零〇一二三四五六七八九十百"


def as_of_date(text: str) -> str | None:
    """``--as-of`` as a day, YYYY-MM-DD; None when ``text`` names none.  Planners write dates as the documents do:
    a year of the Republic (民國 year + 1911) in 民國99年1月1日 or 中華民國九十九年一月一日, or 99.1.1, 99/01/01;
    a Western year has four digits (2010-01-01, 2010/1/1, 2010.1.1).  A year alone (2010, 民國99年) or a year and
    a month (2010-06, 民國99年6月) is its first day — the agencies that existed when it began.

    >>> [as_of_date(t) for t in ("2010-01-01", "民國99年1月1日", "中華民國九十九年一月一日", "99.1.1", "99/01/01",
    ...                          "2010", "民國99年", "99年6月", "2010/6", "112.06.07")]
    ['2010-01-01', '2010-01-01', '2010-01-01', '2010-01-01', '2010-01-01', '2010-01-01', '2010-01-01', '2010-06-01', \
'2010-06-01', '2023-06-07']
    >>> [as_of_date(t) for t in ("99", "2023-02-30", "2024-13-01", "99.13.1", "next year", "")]
    [None, None, None, None, None, None]
    """
    import datetime
    import re

    from graph_model.graph.lineage import roc_date
    text = "".join(text.split())
    written = re.fullmatch(rf"(?:中華)?(?:民國)?([{_ROC_NUMERAL}\d]{{1,5}})年(?:([一二三四五六七八九十\d]{{1,3}})月"
                           rf"(?:([一二三四五六七八九十\d]{{1,3}})日)?)?", text)
    if written:
        year, month, day = written.groups()
        day_text = roc_date(f"{year}年{month or '1'}月{day or '1'}日")
        if not day_text:
            return None
        year_n, month_n, day_n = map(int, day_text.split("-"))
    else:
        digits = re.fullmatch(r"(?:(\d{4})|(?:民國)?(\d{2,3}))(?:([-/.])(\d{1,2})(?:\3(\d{1,2}))?)?", text)
        if not digits or (digits[2] and not digits[3] and not text.startswith("民國")):
            return None  # 99 alone: a year of which era?
        western, roc, _sep, month, day = digits.groups()
        year_n = int(western) if western else int(roc) + 1911
        month_n, day_n = int(month or 1), int(day or 1)
    try:
        return datetime.date(year_n, month_n, day_n).isoformat()
    except ValueError:
        return None


def render_as_of(rows: list[dict], date: str) -> str:
    lines = [f"{len(rows)} agencies existed on {date}:"]
    for r in rows:
        since = f"since {r['enacted']}" if r["enacted"] else "since before its documents say"
        until = f", {r['status']} {r['ended']}" if r["ended"] else ""
        lines.append(f"  {breadcrumb_of(r['path'])}  ({since}{until})")
    return "\n".join(lines)

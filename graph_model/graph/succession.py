"""What became of each agency, in the graph: document statuses, unit statuses, SUCCEEDED_BY edges.

:mod:`graph_model.graph.lineage` decides each document's :class:`~graph_model.graph.lineage.Status` from the
documents.  :func:`mark` writes them into a built graph:

- every Document node gets ``status`` (current, superseded, abolished), ``successors``,
  ``status_date``, ``status_evidence`` and ``status_where``;
- a unit set up only by documents that no longer apply gets the same (``status``, ``successors``,
  ``status_date``): it is history, shown only with ``--all``;
- an agency whose documents name a successor gets a ``SUCCEEDED_BY`` edge to each successor the
  graph holds (the successor's own name, full name or alias), with the date, the sentence and where
  it is — in the graph, the JSON export and Neo4j alike.

>>> from graph_model.graph.graph import OrgGraph
>>> from graph_model.graph.lineage import Status
>>> from graph_model.records.records import Document, ParsedDocument, Source, UnitRecord
>>> old = ParsedDocument(Document("K1", "交通部觀光局組織條例", "org_act"),
...     units=[UnitRecord(("交通部", "觀光局"), "Agency", "局", Source("K1", 2))])
>>> new = ParsedDocument(Document("K2", "交通部觀光署組織法", "org_act"),
...     units=[UnitRecord(("交通部", "觀光署"), "Agency", "署", Source("K2", 2), full_name="交通部觀光署")])
>>> g = OrgGraph.build([old, new])
>>> mark(g, {"K1": Status("K1", "superseded", ("交通部觀光署",), "2023-09-15", "…改制為交通部觀光署",
...                         "K2 line 9 第7條"),
...          "K2": Status("K2", "current")})
>>> g.node("交通部/觀光局")["status"], [v for _, v, _ in g.edges("SUCCEEDED_BY")]
('superseded', ['交通部/觀光署'])
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence, Set
from dataclasses import replace
from datetime import date

from graph_model.records.naming import BRANCH_BODIES, DISTINCT_NAME, SAME_KIND, breadcrumb_of
from graph_model.records.unitref import NameIndex

from .became_unit import became_a_unit, held_as_namesake, named_as_division, repealed_with_sibling
from .continuity import BRANCH_HEADS, YEARS_AFTER, YEARS_BEFORE, _shift, _topic, absorptions, continuations
from .corporatised import corporatised
from .heir_unit import carried_on_within, inherited_into_namesake, taken_in_as_kind
from .kind_family import member_of_whole_kind
from .lineage import (
    INTERIM_BASIS,
    ORDER_NO,
    STAFF_HIRED_UNDER,
    STAFF_KEPT,
    STAFF_MOVED,
    STAFF_TRANSFERRED,
    Status,
    agency_of,
    history_entries,
    in_force,
    read_table,
    renames,
    roc_date,
)
from .made_under import classes_followed_members, made_under, members_followed
from .members import (
    begun_alike,
    branches_followed,
    carried_on_by_parts,
    family_by_places,
    joined_a_sibling,
    kept_as_unit,
    named_in_family,
    parts_went_under,
    set_up_that_day,
    took_effect,
    went_with_siblings,
)
from .moved_whole import moved_whole
from .purpose import set_up_for_its_work
from .sibling_work import carried_on_by_sibling
from .succession_edges import (
    _BODY_WORD,
    AGENCY_KINDS,
    ATTACHED,
    EDGE,
    FAMILY,
    KIND_ENDING,
    MOVE_DAYS,
    _add_edge,
    _agencies_of_documents,
    _days,
    _end,
    _heirs_of_ancestors,
    _names_its_own,
    _one_duty_holder,
    _replace_successor,
    _topic_chars,
)

PREPARATORY = "籌備處"


def mark(graph, statuses: Mapping, docs=(), table: Sequence[Mapping] | None = None) -> None:
    """Write ``statuses`` (document id -> Status) into ``graph`` (see the module's docstring), and
    each document's enactment date (the first entry of its 沿革) from ``docs`` (parsed documents);
    ``table``: the rows of data/lineage.tsv (:func:`~graph_model.graph.lineage.read_table`), read
    from the file when not given."""
    enacted = {p.document.id: roc_date((history_entries(p.document.meta.get("history", "")) or [""])[0])
               for p in docs}
    moved = _moved_families(graph, docs)
    history = {p.document.id: p.document.meta.get("history", "") for p in docs}
    revised = {p.document.id: [roc_date(e) for e in history_entries(p.document.meta.get("history", ""))]
               for p in docs}
    # a successor named as it was before a rename (飛航安全調查委員會): the body under its new name
    renamed = {agency_of(old): agency_of(new) for p in docs
               for old, new, _, _ in renames(p.document.meta.get("history", ""))}
    # a document renamed from another body's (「原名稱：行政院衛生署中央健康保險局處務規程；新名稱：衛生福利部…」): its
    # first title, and each body it was before, with the day it stopped being that body's
    retitled = {p.document.id: [(old, when) for old, new, when, _ in renames(p.document.meta.get("history", ""))
                                if when and agency_of(old) != agency_of(new)] for p in docs}
    for node in graph.nodes_with_label("Document"):
        doc = node["id"].removeprefix("doc:")
        if enacted.get(doc):
            node["enacted"] = enacted[doc]
        if retitled.get(doc):
            node.update(former_title=retitled[doc][0][0],
                        former_bodies=[[agency_of(old), when] for old, when in retitled[doc]])
        s = statuses.get(doc)
        if s is not None:
            node.update(status=s.state, successors=list(s.successors), status_date=s.date,
                        status_evidence=s.evidence, status_where=s.where)
    units = graph.units()
    table = read_table() if table is None else table
    own_docs: dict[str, set[str]] = {}  # unit id -> the documents about it (not those of units below it)
    bodies = _agencies_of_documents(units)
    for doc, uid in bodies.items():
        own_docs.setdefault(uid, set()).add(doc)
    # a body a reviewed row names: its successor is its own, not its parent's (國立中央圖書館臺灣分館)
    tabled = {r["agency"] for r in table if r.get("agency")}
    ended: dict[str, list] = {}  # unit id -> the statuses of the documents that set it up, none current
    for unit in units:
        sources = {src["doc"] for src in unit.get("sources", ())}
        found = [s for d in sorted(sources) if (s := statuses.get(d)) is not None]
        if found and len(found) == len(sources) and all(s.state != "current" for s in found):
            # Its own documents say what became of it; a document of a unit below only names that unit's heir.
            telling = [s for s in found if s.doc in own_docs.get(unit["id"], ())] or \
                [s if s.doc not in bodies or not tabled & set(_path_names(graph.node(bodies[s.doc])["path"]))
                 else replace(s, successors=()) for s in found]
            ended[unit["id"]] = telling if len(telling) == len(found) else found
            first = next((s for s in telling if s.successors), telling[0])
            # It ended the day its successor took over (衛生福利部, 2013-07-23: 行政院衛生署組織法 was repealed
            # in 2015, a footnote), superseded even where its rules were repealed; with no successor, when the
            # last of its documents stopped applying (內政部役政署: its 組織條例 was repealed in 2015, its 組織法
            # and 處務規程 applied until 2023).
            # (only a body's own documents date its succession: a division of a body renamed in place lived on
            # until its rules were replaced)
            taken = first.doc in own_docs.get(unit["id"], ())
            unit.update(status="superseded" if taken and first.since else first.state,
                        status_date=(_taken_over(first) if taken else "") or _end(telling) or first.date,
                        successors=list(dict.fromkeys(n for s in telling for n in s.successors)))
    _governed_by_family(graph, ended, revised, own_docs)
    _kept_by_family(graph, ended, own_docs)
    _self_governed(graph, ended, own_docs, docs)
    member_of_whole_kind(graph, ended)
    rows = NameIndex((u["id"], u["path"], u["full_name"], u["aliases"]) for u in units)
    # Superseded documents first: their evidence (a transitional article) says more than a repeal.
    about = sorted(_agencies_of_documents(units).items(),
                   key=lambda du: (statuses[du[0]].state != "superseded", du[0]) if du[0] in statuses
                   else (True, du[0]))
    row_dates = {r["agency"]: r["date"] for r in table if r.get("agency") and r.get("date")}
    for doc, uid in about:
        s = statuses.get(doc)
        if s is not None and uid in ended:
            for name in s.successors:
                targets = _successor_units(rows, name, ended, renamed) or \
                    _ended_later(rows, name, ended, uid, _taken_over_on(graph, uid, row_dates)) or \
                    _member_of(graph, rows, name, ended)
                for target in targets:
                    _add_successor(graph, uid, _same_name_below(graph, target, uid, ended), s)
    # An agency whose own act is not loaded still has the successor its other documents name (the
    # repeal orders of 行政院農業委員會's rules, issued by 農業部).
    for uid, found in ended.items():
        node = graph.node(uid)
        if node["kind"] == "Agency" and len(node["path"]) <= 3 and not graph.out(uid, EDGE):
            s = next((s for s in found if s.successors), None)
            for name in s.successors if s else ():
                for target in _successor_units(rows, name, ended, renamed):
                    _add_successor(graph, uid, _same_name_below(graph, target, uid, ended), s)
    # a successor its documents name that is the body itself, its parent renamed in place (行政院客家委員會法規委員會,
    # filed 「行政＞客家委員會＞組織目」: 客家委員會法規委員會, the graph's one 客家委員會 its parent): none of its own
    itself = {uid for uid in ended if not graph.out(uid, EDGE) and _names_itself(graph, rows, uid)}
    _tabled(graph, ended, rows, read_table() if table is None else table)
    _renamed_rules(graph, ended, docs)
    _same_name_elsewhere(graph, ended)
    _continued(graph, ended, enacted)
    # (a revision counts from the day it took effect too: 法務部處務規程 「一百年十月五日…修正發布全文 18 條；並自
    # 一百零一年一月一日施行」)
    _absorbed(graph, ended, {doc: [*dates, *filter(None, map(took_effect, history_entries(history[doc])))]
                             for doc, dates in revised.items()})
    _joined_family(graph, ended, moved)
    _made_with_family(graph, ended, moved, docs)
    _became_family(graph, ended)
    _respelled(graph, ended)
    family_by_places(graph, ended, enacted)
    kept_as_unit(graph, ended)
    became_a_unit(graph, ended, enacted)
    repealed_with_sibling(graph, ended, docs)
    corporatised(graph, ended, docs)
    joined_a_sibling(graph, ended, revised)
    _one_of_its_kind(graph, ended, enacted)
    _task_force(graph, ended, itself)
    _named_in_duties(graph, ended, enacted)
    _named_by_a_division(graph, ended)
    _named_in_added_duty(graph, ended, docs)
    _staff_moved(graph, ended, rows, docs)
    _reorganised_with_parent(graph, ended, docs)
    begun_alike(graph, ended, docs)
    set_up_that_day(graph, ended, docs)
    left = carried_on_by_parts(graph, ended)
    went_with_siblings(graph, ended)
    _prepared_elsewhere(graph, ended)
    parts_went_under(graph, ended)
    branches_followed(graph, ended)
    named_in_family(graph, ended)
    carried_on_within(graph, ended)
    members_followed(graph, ended, docs)
    classes_followed_members(graph, ended, docs)
    set_up_for_its_work(graph, ended, docs)
    carried_on_by_sibling(graph, ended)
    held_as_namesake(graph, ended)
    named_as_division(graph, ended)
    taken_in_as_kind(graph, ended)  # after the rules that find a body its own heir, its family's or its kind's
    _inherit(graph, ended, left)
    inherited_into_namesake(graph, ended)
    made_under(graph, ended, docs)  # after: the unit it copies may have only inherited its successor
    # A body that some other body took over was superseded, whatever its own documents' repeal says, from the day
    # the first of them took over where its rules ran on after it (衛生署 › 中醫藥委員會: 衛生福利部 2013-07-23, not
    # the 2015 repeal of 衛生署's act that ended its last document).
    for uid in ended:
        node = graph.node(uid)
        if node.get("status") == "abolished" and graph.out(uid, EDGE):
            node["status"] = "superseded"
        took = min((e["date"] for _, e in graph.out(uid, EDGE) if e.get("date")), default="")
        if took and node.get("status") == "superseded" and took < node.get("status_date", ""):
            node["status_date"] = took
    moved_whole(graph, ended)
    for uid in ended:
        _members_of_families(graph, uid)


def _members_of_families(graph, uid: str) -> None:
    """A successor named as a member of a family the graph holds only as the family (行政院 › 衛生福利部 ›
    金門醫院: the corpus sets up 衛生福利部 › 各醫院, not each hospital): ``within`` says, of each such name, the
    family it is one of (the unit its ``SUCCEEDED_BY`` edge reaches), so that no one is sent to a unit that is not
    there."""
    node = graph.node(uid)
    families = {breadcrumb_of(graph.node(t)["path"]): t for t, _ in graph.out(uid, EDGE)
                if FAMILY.match(graph.node(t)["name"])}
    within = {name: family for name in node.get("successors") or () if name.replace(" › ", "/") not in graph
              for family in families if name.rsplit(" › ", 1)[0] == family.rsplit(" › ", 1)[0]}
    if within:
        node["within"] = within


def _taken_over(s: Status) -> str:
    """The day the successor a document's status names took over: the succession's date, not the repeal's."""
    return s.since or (s.date if s.state == "superseded" and s.successors else "")


def _tabled(graph, ended: Mapping, rows: NameIndex, table: Sequence[Mapping]) -> None:
    """A body that is history with no successor, named by a row of data/lineage.tsv: the row's successors.
    Its documents' statuses miss it where it has none of its own (行政院海岸巡防署: only its 總局s' rules,
    repealed after the date of the row) — the row is about the body, not its rules."""
    by_name = {r["agency"]: r for r in table if r.get("agency") and r.get("successor")}
    for uid in ended:
        node = graph.node(uid)
        if node["kind"] not in AGENCY_KINDS or node.get("successors") or graph.out(uid, EDGE):
            continue
        row = next((by_name[n] for n in _path_names(node["path"]) if n in by_name), None)
        if row is None:
            continue
        named = tuple(row["successor"].split("、"))
        said = Status("", "superseded", named, row.get("date") or "", row.get("source") or "",
                      f"data/lineage.tsv line {row['line']}")
        node.update(status="superseded", successors=list(named), status_date=said.date or node.get("status_date", ""))
        for name in named:
            for target in _successor_units(rows, name, ended) or _ended_later(rows, name, ended, uid, said.date):
                _add_successor(graph, uid, target, said)


def _staff_moved(graph, ended: Mapping, rows: NameIndex, docs) -> None:
    """A body that is history with no successor at all, whose staff an act in force says its own body took in
    (:data:`~graph_model.graph.lineage.STAFF_MOVED`: 勞動部組織法 第7條 「原勞工保險監理委員會（以下簡稱勞保監理會）
    移入之三十九人」), or whose clerks an act kept on (:data:`~graph_model.graph.lineage.STAFF_KEPT`), in force then
    though its body has ended since (行政院衛生署國民健康局組織條例 第6條 「原臺灣省家庭計畫研究所、婦幼衛生研究所及
    公共衛生研究所原依雇員管理規則僱用之現職雇員…繼續僱用」; :data:`~graph_model.graph.lineage.STAFF_HIRED_UNDER`:
    「本條例施行前依經濟部水資源統一規劃委員會組織條例僱用之現職雇員」), or whose staff it took over whole the day it
    took effect (:data:`~graph_model.graph.lineage.STAFF_TRANSFERRED`: 「原經濟部專業人員研究中心現職人員，於本規程
    施行之日轉任本所」): that body succeeded it, from the day the act took effect."""
    about = _agencies_of_documents(graph.units())
    for p in docs:
        body = about.get(p.document.id)
        if body is None:
            continue
        current = body not in ended and graph.node(f"doc:{p.document.id}").get("status") == "current"
        when = took_effect(p.document.meta.get("history", ""))  # (「並自一百十二年九月二十六日施行」 too)
        for line, article, sentence in p.document.meta.get("clauses", ()):
            named = [m["old"] for m in STAFF_MOVED.finditer(sentence)] if current else []
            kept = [n for m in STAFF_KEPT.finditer(sentence) for n in _LISTED.split(m["old"]) if n]
            kept += [m["old"] for pattern in (STAFF_HIRED_UNDER, STAFF_TRANSFERRED) for m in pattern.finditer(sentence)]
            for name in (*named, *kept):
                for uid in dict.fromkeys(rows.units[i][0] for i in rows.named(name) or
                                         rows.named(_PROVINCE.sub("", name))):
                    # (an act since repealed: its body outlived the old one)
                    if uid in ended and uid != body and not graph.node(uid).get("successors") \
                            and not graph.out(uid, EDGE) \
                            and (body not in ended or _end(ended[uid]) < _end(ended[body])):
                        said = Status(p.document.id, "superseded", (graph.node(body)["name"],), when, sentence,
                                      f"{p.document.id} line {line} {article}".rstrip())
                        _replace_successor(graph, uid, body, f"its staff moved in: {sentence}", said)


# The bodies of a list (「原臺灣省家庭計畫研究所、婦幼衛生研究所及公共衛生研究所」), and the province a body of it was
# named with before the province's bodies came under the ministries (1999: 行政院衛生署家庭計畫研究所).
_LISTED = re.compile(r"、|及")
_PROVINCE = re.compile(r"^臺灣省(?:政府)?")


def _names_itself(graph, rows: NameIndex, uid: str) -> bool:
    """Every successor ``uid``'s documents name is its own name after its parent's (one unit of the graph)."""
    node, parent = graph.node(uid), graph.parent(uid)
    names = node.get("successors") or []
    return bool(names) and parent is not None and all(
        n.endswith(node["name"]) and not rows.named(n)
        and parent in {rows.units[i][0] for i in rows.named(n.removesuffix(node["name"]))} for n in names)


def _path_names(path: Sequence[str]) -> list[str]:
    """The names a body goes by in a title: with its parents' names (行政院勞工委員會中區勞動檢查所), or
    fewer of them (國立臺中圖書館); a bare name only when it is distinctive."""
    return [n for n in ("".join(path[i:]) for i in range(len(path))) if len(n) >= DISTINCT_NAME]


# A family that the place-class words name (直轄市縣市選舉委員會: the one of each city and county), besides 各….
CLASS_FAMILY = re.compile(r"^(?:各(?:地?區)?|直轄市、?縣（?市）?|縣（?市）?)(?P<kind>\S{2,})$")


def _governed_by_family(graph, ended: dict, revised: Mapping[str, list[str]], own_docs: Mapping[str, set[str]]) -> None:
    """A body whose own office rules were repealed (no successor named) while the rules of its family under
    the same parent, as last revised, were in force, is governed by them: it still exists, and is current
    (苗栗縣選舉委員會辦事細則, repealed 2017-09-03 by the order that revised 直轄市縣市選舉委員會組織準則;
    經濟部標準檢驗局台中分局辦事細則, repealed 2024 after 各分局辦事細則 took effect in 2023).  Not a body
    whose organization act was repealed (臺灣保安警察總隊組織條例: the body went), nor one repealed before
    the family's last revision (桃園縣選舉委員會, 2014: 桃園市's took its place)."""
    for uid in sorted(ended):
        node, parent = graph.node(uid), graph.parent(uid)
        found = ended[uid]
        if parent is None or node["kind"] not in AGENCY_KINDS or CLASS_FAMILY.match(node["name"]) \
                or any(s.state != "abolished" or s.successors for s in found) \
                or any(graph.node(f"doc:{s.doc}").get("genre") != "office_rules" for s in found):
            continue
        end = max((s.date for s in found if s.date), default="")
        siblings = [c for c in graph.children(parent) if c not in ended and c != uid]
        # 臺灣省北區國稅局 → 北區國稅局: the same body, its province's name dropped (it went on under that name)
        renamed = [c for c in siblings if len(graph.node(c)["name"]) >= 4 and graph.node(c)["kind"] in AGENCY_KINDS
                   and node["name"].endswith(graph.node(c)["name"]) and node["name"] != graph.node(c)["name"]]
        if len(renamed) == 1:
            short = graph.node(renamed[0])["name"]
            _replace_successor(graph, uid, renamed[0], f"{short}, under the same parent, bears its name without "
                                                       f"{node['name'][:-len(short)]}")
            continue
        for family in siblings:
            m = CLASS_FAMILY.match(graph.node(family)["name"])
            if not m or not node["name"].endswith(m.group("kind")) \
                    or len(node["name"]) - len(m.group("kind")) < 2:
                continue
            rules = sorted(d for d in own_docs.get(family, ()) if graph.node(f"doc:{d}").get("status") == "current")
            last = {d: max((x for x in revised.get(d, ()) if x), default="") for d in rules}
            governing = [d for d in rules if last[d] and end and last[d] <= end]
            if governing:
                doc = graph.node(f"doc:{governing[0]}")
                del ended[uid]
                node.update(status="current", status_date="", successors=[], governed_by=family, governed_since=end,
                            status_evidence=f"{doc['title']}（{last[governing[0]]}）governs it since its own rules "
                                            f"were repealed ({end})", status_where=f"{governing[0]}")
                break


def _kept_by_family(graph, ended: Mapping, own_docs: Mapping[str, set[str]]) -> None:
    """A body current only because its family's rules in force under the same parent speak of it
    (直轄市縣市選舉委員會組織準則 第3條 「直轄市選舉委員會置委員九人至十三人」), every document of its own having
    ended (直轄市選舉委員會組織規程, repealed 2010-02-28), is governed by that family's rules since: its old
    divisions went to them."""
    for uid, docs in own_docs.items():
        node, parent = graph.node(uid), graph.parent(uid)
        if uid in ended or parent is None or node["kind"] not in AGENCY_KINDS or node.get("governed_by"):
            continue
        states = [graph.node(f"doc:{d}") for d in sorted(docs)]
        if not states or any(n.get("status", "current") == "current" for n in states):
            continue
        named_by = {src["doc"] for src in node.get("sources", ())} - set(docs)
        families = [c for c in graph.children(parent) if c != uid and c not in ended
                    and any(d in own_docs.get(c, ()) and graph.node(f"doc:{d}").get("status") == "current"
                            for d in named_by)]
        if len(families) != 1:
            continue
        end = max((n.get("status_date") or "" for n in states), default="")
        rules = sorted(d for d in named_by if d in own_docs.get(families[0], ()))
        node.update(governed_by=families[0], governed_since=end,
                    status_evidence=f"{graph.node(f'doc:{rules[0]}')['title']} speaks of it since its own rules "
                                    f"were repealed ({end})", status_where=rules[0])


def _self_governed(graph, ended: dict, own_docs: Mapping[str, set[str]], docs) -> None:
    """A municipality's government or council whose only rules were those 行政院 made for its first years
    (:data:`~graph_model.graph.lineage.INTERIM_BASIS`: 「本規程依地方制度法第六十二條第五項規定訂定之」), repealed
    with no successor named, still exists: its own 組織自治條例 governs it (桃園市政府組織規程, repealed
    2015-03-09).  Current, with that sentence and the repeal as the evidence."""
    basis = {p.document.id: (line, article, sentence) for p in docs
             for line, article, sentence in p.document.meta.get("clauses", ()) if INTERIM_BASIS.search(sentence)}
    for uid in sorted(ended):
        found, own = ended[uid], own_docs.get(uid, set())
        if not own or {s.doc for s in found} != own or not all(d in basis for d in own) \
                or any(s.state != "abolished" or s.successors for s in found):
            continue
        doc = sorted(own)[0]
        line, article, sentence = basis[doc]
        end = max((s.date for s in found if s.date), default="")
        del ended[uid]
        # governed by rules of its own that the graph does not hold (its divisions are those rules' business)
        graph.node(uid).update(status="current", status_date="", successors=[], governed_by=uid, governed_since=end,
                               status_evidence=f"{sentence}（rules made until its own 組織自治條例, which the "
                                               f"national database does not hold; repealed {end}）",
                               status_where=f"{doc} line {line} {article}".rstrip())


def _renamed_rules(graph, ended: Mapping, docs) -> None:
    """A body that is history and names no successor of its own, whose name is the old name of a document
    in force renamed since (「原名稱：行政院衛生署中央健康保險局處務規程；新名稱：衛生福利部中央健康保險署處務規程」):
    its rules went on as the renamed body's, which succeeded it (衛生署 › 中央健康保險局 → 衛生福利部 ›
    中央健康保險署; 科技部 → 國家科學及技術委員會)."""
    about = _agencies_of_documents(graph.units())
    renamed: dict[str, dict[str, Status]] = {}  # old agency name -> the renamed documents' bodies
    for p in docs:
        body = about.get(p.document.id)
        if body is None or body in ended or p.document.meta.get("abolished"):
            continue
        for old, new, when, entry in renames(p.document.meta.get("history", "")):
            if agency_of(old) != agency_of(new):
                said = Status(p.document.id, "superseded", (agency_of(new),), when, entry, f"{p.document.id} 沿革內容")
                renamed.setdefault(agency_of(old), {}).setdefault(body, said)
    for uid in ended:
        node = graph.node(uid)
        if node["kind"] not in AGENCY_KINDS or _names_its_own(graph, uid):
            continue
        path = node["path"]
        # its aliases hold the name as titled (行政院衛生署所屬醫院, read as 行政院 › 衛生署 › 各醫院)
        names = {"".join(path), node.get("full_name") or "", *(a for a in node.get("aliases", ()) if len(a) > 5)}
        if path[0] in BRANCH_HEADS:
            names.add("".join(path[1:]))
        found = {b: s for n in names if n for b, s in renamed.get(n, {}).items() if b != uid}
        if len(found) == 1:
            (target, said), = found.items()
            _replace_successor(graph, uid, target, f"its rules were renamed: {said.evidence}", said)


def _same_name_elsewhere(graph, ended: Mapping) -> None:
    """An agency that is history whose name one current agency bears under its old parent's successor,
    or anywhere if the name is distinctive: the reorganisation moved it (行政院農業委員會 › 臺中區農業改良場
    → 農業部 › 臺中區農業改良場; 交通部觀光局 › 東部海岸國家風景區管理處 → 交通部觀光署 › …).  That body is
    its successor also where the documents only said where its parent's work went (行政院衛生署 ›
    胸腔病院: 衛生福利部, which holds a 胸腔病院).  Or a body under a new sibling, its name unchanged: it went
    under that body (法務部 › 看守所 → 法務部 › 矯正署 › 看守所, 「法務部矯正署為辦理被告羈押業務，特設各看守所」).
    A preparatory office became the body it prepared."""
    by_name: dict[str, list[str]] = {}
    ended_by_name: dict[str, list[str]] = {}
    for unit in graph.units():
        if unit["kind"] in AGENCY_KINDS:
            (ended_by_name if unit["id"] in ended else by_name).setdefault(unit["name"], []).append(unit["id"])
    named = Counter(unit["name"] for unit in graph.units())
    for uid in ended:
        node = graph.node(uid)
        if node["kind"] not in AGENCY_KINDS:
            continue
        if _names_its_own(graph, uid):
            continue
        heirs = _heirs_of_ancestors(graph, uid)
        parent = graph.parent(uid)
        if node["name"] == PREPARATORY and parent is not None and parent not in ended:
            # 國立東華大學 › 籌備處 became 國立東華大學
            _replace_successor(graph, uid, parent, "a preparatory office became the body")
            continue
        prepared = node["name"].removesuffix(PREPARATORY) if node["name"].endswith(PREPARATORY) else ""
        # 國立海洋生物博物館籌備處 → 國立海洋生物博物館; or the body beside it that it prepared, though that body has
        # ended since: it is the immediate successor, not what the body became (行政院衛生署 › 中央健康保險局籌備處
        # → 中央健康保險局, rules repealed 1995, itself 中央健康保險署 from 2013)
        made = by_name.get(prepared, []) if prepared else []
        if prepared and not made:
            made = [u for u in ended_by_name.get(prepared, []) if u != uid and graph.parent(u) == parent
                    and _end(ended[u]) > _end(ended[uid])]
        if len(made) == 1:
            _replace_successor(graph, uid, made[0], "a preparatory office became the body")
            continue
        # Under an heir, or a distinctive name within the ministry it stood in or its heirs', or a body right
        # under a ministry whose name no third body bears, right under another (國立國父紀念館: 教育部's, now
        # 文化部's) — 員工訓練所 of a 港務局 is not 自來水公司's, nor a 市議會's 程序委員會 立法院's.
        ministries = {_ministry_of(graph, r) for r in (uid, *heirs)}
        same = [u for u in by_name.get(node["name"], [])
                if any(u.startswith(h + "/") for h in heirs)
                or parent is not None and (above := graph.parent(u)) is not None and graph.parent(above) == parent
                or len(node["name"]) >= DISTINCT_NAME and (
                    _ministry_of(graph, u) in ministries
                    or named[node["name"]] == 2 and _under_ministry(graph, u) and _under_ministry(graph, uid))]
        if not same:  # the body went over and has ended since (行政院原住民委員會 › 文化園區管理局 →
            # 行政院原住民族委員會 › 文化園區管理局, since become 原住民族文化發展中心)
            same = [u for u in ended_by_name.get(node["name"], [])
                    if graph.parent(u) in heirs and _end(ended[u]) > _end(ended[uid])]
        if len(same) == 1:
            target = graph.node(same[0])
            _replace_successor(graph, uid, same[0], f"the same name under {' › '.join(target['path'][:-1])}")


def _ministry_of(graph, uid: str) -> str:
    """The body right under a branch's head (行政院 › 交通部) that ``uid`` lies in, as a path."""
    path = graph.node(uid)["path"]
    return "/".join(path[:2] if path[0] in BRANCH_HEADS else path[:1])


def _under_ministry(graph, uid: str) -> bool:
    """True for a body right under a ministry (行政院 › 教育部 › 國立國父紀念館)."""
    parent = graph.parent(uid)
    return parent is not None and "/".join(graph.node(parent)["path"]) == _ministry_of(graph, uid)


def _continued(graph, ended: Mapping, enacted: Mapping[str, str]) -> None:
    """A body that is history and names no successor of its own: the body that took its work over
    (:func:`graph_model.graph.continuity.continuations`), where the duties show one."""
    if not ended:
        return
    units = graph.units()
    bodies = set(_agencies_of_documents(units).values())
    born = {u["id"]: min(enacted.get(src["doc"]) or "9999" for src in u["sources"])
            for u in units if u.get("sources")}
    for uid, (target, work, name) in continuations(graph, ended, bodies, born).items():
        if not _names_its_own(graph, uid):
            _replace_successor(graph, uid, target, f"took its work over: duties alike {work:.2f}, "
                                                   f"names {name:.2f}; set up {born[target]}")


def _moved_families(graph, docs) -> list[tuple[str, str, str, Status]]:
    """``(old name, family document's body, date, evidence)`` of each family document renamed from
    another body's (「原名稱：內政部所屬老人身心障礙兒童及少年福利機構組織準則；新名稱：衛生福利部老人…」):
    the family moved, with its members, to the body that set the new one up."""
    about = _agencies_of_documents(graph.units())
    out = []
    for p in docs:
        body = about.get(p.document.id)
        for old, new, when, entry in renames(p.document.meta.get("history", "")):
            a, b = agency_of(old), agency_of(new)
            if body is not None and a != b and when:
                out.append((a, body, when, Status(p.document.id, "superseded", (b,), when, entry,
                                                  f"{p.document.id} 沿革內容")))
    return out




def _absorbed(graph, ended: Mapping, revised: Mapping[str, list[str]]) -> None:
    """A body that is history and names no successor of its own, whose work one division of its current
    parent took over (:func:`graph_model.graph.continuity.absorptions`): the parent absorbed it."""
    units = graph.units()
    bodies = set(_agencies_of_documents(units).values())
    dates = {u["id"]: sorted({d for src in u.get("sources", ()) for d in revised.get(src["doc"], ()) if d})
             for u in units}
    for uid, (division, work) in absorptions(graph, ended, bodies, dates).items():
        if not _names_its_own(graph, uid):
            parent = graph.parent(uid)
            _replace_successor(graph, uid, parent, f"absorbed: its work is done by {graph.node(division)['name']} "
                                                   f"(duties alike {work:.2f})", at=division)


def _joined_family(graph, ended: Mapping, moved: Sequence[tuple[str, str, str, Status]] = ()) -> None:
    """A body that is history and names no successor of its own, of a kind a current family under the
    same parent (or the parent's successor) gathers: the family's rules govern it now (標準檢驗局 ›
    花蓮分局 → 各分局; 交通部公路局 › 嘉義區監理所 → 交通部公路局 › 各區監理所).  Under a new parent it
    is that parent's member of its own name (行政院衛生署 › 玉里醫院 → 衛生福利部 › 玉里醫院); a family
    renamed from its old parent's (``moved``, see :func:`_moved_families`) took the members that ended
    with the move (內政部 › 雲林教養院 → 衛生福利部 › 雲林教養院)."""
    families: dict[str, list[tuple[str, str]]] = {}  # parent id -> (family id, the members' common end)
    kinds: dict[str, str] = {}  # a family's id -> the members' common end
    for unit in graph.units():
        m = FAMILY.match(unit["name"])
        parent = graph.parent(unit["id"])
        if m and unit["id"] not in ended and parent is not None:
            families.setdefault(parent, []).append((unit["id"], m.group("kind")))
            kinds[unit["id"]] = m.group("kind")
    for uid in ended:
        node, parent = graph.node(uid), graph.parent(uid)
        if parent is None or node["kind"] not in AGENCY_KINDS or FAMILY.match(node["name"]) or \
                _names_its_own(graph, uid):
            continue
        # where a family of its kind may be: (family id, kind) -> (the body it belongs to, the move's words)
        near: dict[tuple[str, str], tuple[str, Status | None]] = {}
        for place in (parent, *(t for t, _ in graph.out(parent, EDGE))):
            near.update({f: (place, None) for f in families.get(place, ()) if f not in near})
        for body, owner, s in _moves_from(graph, parent, ended[uid], moved):
            own = [(body, kinds[body])] if body in kinds else []
            near.update({f: (owner, s) for f in [*own, *families.get(body, ())] if f not in near})
        found = [(f, *near[(f, kind)], k, kind) for f, kind in near
                 for k in _kind_words(kind, near[(f, kind)][0] != parent)
                 if node["name"].endswith(k) and len(node["name"]) > len(k)]  # 胸腔病院 is one of 各醫院
        if len(found) != 1:
            continue
        family_id, heir, move, word, kind = found[0]
        family = graph.node(family_id)
        if heir == parent:
            _replace_successor(graph, uid, family_id, f"one of {family['name']}, whose rules govern them now")
            continue
        # under its new parent, by the family's rank (花蓮分局 of 水土保持局 → 花蓮分署 of 農村發展及水土保持署)
        name = node["name"][:-len(word)] + kind if word in BRANCH_RANKS else node["name"]
        member = " › ".join((*graph.node(heir)["path"], name))
        evidence = f"one of {family['name']} of {' › '.join(graph.node(heir)['path'])}, whose rules govern them now"
        if move is not None:
            evidence += f"：{move.evidence}"
        _replace_successor(graph, uid, family_id, evidence, move)
        node["successors"] = [member]


def _made_with_family(graph, ended: Mapping, moved: Sequence[tuple[str, str, str, Status]], docs) -> None:
    """A body that is history and names no successor of its own, whose rules were made by the order that made
    a family's rules (內政部北區老人之家辦事細則 and 內政部所屬老人身心障礙兒童及少年福利機構組織準則, both
    「內授中人字第0980730060號令訂定」), and that ended when the family moved to another body (renamed
    衛生福利部老人身心障礙兒童及少年福利機構組織準則 from 2013-07-23): it is one of the family, and went with it."""
    if not moved:
        return
    history = {p.document.id: p.document.meta.get("history", "") for p in docs}
    first: dict[str, str] = {}  # a document -> the order its first 沿革 entry was made by ("" when none says)

    def order(doc: str) -> str:
        if doc not in first:
            entries = history_entries(history.get(doc, ""))
            m = ORDER_NO.search(entries[0]) if entries else None
            first[doc] = m.group(1) if m else ""
        return first[doc]
    families = {order(s.doc) for _, _, _, s in moved} - {""}
    own: dict[str, set[str]] = {}
    for doc, uid in _agencies_of_documents(graph.units()).items():
        if uid in ended:
            own.setdefault(uid, set()).add(doc)
    for uid in ended:
        orders = {order(d) for d in own.get(uid, ())} & families
        if not orders:
            continue
        node, parent = graph.node(uid), graph.parent(uid)
        end = _end(ended[uid])
        if parent is None or not end or node["kind"] not in AGENCY_KINDS or _names_its_own(graph, uid):
            continue
        found = {body: s for _, body, when, s in moved
                 if order(s.doc) in orders and s.doc not in own.get(uid, ()) and graph.parent(body) != parent
                 and graph.parent(body) is not None and _days(end, when) <= MOVE_DAYS}
        if len(found) != 1:
            continue
        (body, move), = found.items()
        owner = graph.node(graph.parent(body))
        family = graph.node(f"doc:{move.doc}")
        _replace_successor(graph, uid, body, f"its rules were made by the order that made {family['title']}'s "
                                             f"(字第{first[move.doc]}號), which moved with it：{move.evidence}", move)
        node["successors"] = [" › ".join((*owner["path"], node["name"]))]


# The ranks of a branch (分局, 分署): a reorganisation that made a 局 a 署 made its 分局 分署 (農業部
# 農村發展及水土保持署組織準則 「特設各分署」 for 行政院農業委員會水土保持局's 分局).
BRANCH_RANKS = ("分局", "分署")


def _kind_words(kind: str, moved: bool) -> tuple[str, ...]:
    """The name endings of the members of a family of ``kind`` (胸腔病院 is one of 各醫院); under a new
    parent (``moved``) a branch of the other rank too (花蓮分局 is one of 各分署).  A 署's bureaus of a kind
    became its 分署 of that kind (經濟部水利署 › 南區水資源局 is one of 各區水資源分署: 「各區水資源分署」)."""
    words = (kind, *SAME_KIND.get(kind, ()))
    if moved and kind in BRANCH_RANKS:
        words += tuple(r for r in BRANCH_RANKS if r != kind)
    if kind.endswith(BRANCH_RANKS[1]) and len(kind) >= KIND_ENDING + 1:
        words += (kind[:-len(BRANCH_RANKS[1])] + "局",)
    return words


def _places_after(graph, uid: str, ended: Mapping) -> list[str]:
    """Where a body that ended would stand now: its parent, if current, and its parent's successors."""
    parent = graph.parent(uid)
    if parent is None:
        return []
    return ([parent] if parent not in ended else []) + [t for t, _ in graph.out(parent, EDGE)]


def _became_family(graph, ended: Mapping) -> None:
    """A body that is history and names no successor of its own, whose parent (or the parent's successor)
    sets up, in force, a family of its name (行政院國軍退除役官兵輔導委員會 › 榮譽國民之家 → 各榮譽國民之家):
    one body's rules became the rules of each of its kind.  A name that begins with a sibling's is that
    sibling's body of the kind the rest names (國軍退除役官兵輔導委員會農場 → 國軍退除役官兵輔導委員會 › 各農場; with
    「所屬」 or 「附屬」 between: 交通部中央氣象局附屬氣象測報機構組織通則's bodies → 中央氣象署 › 各氣象測報機構)."""
    for uid in ended:
        node = graph.node(uid)
        if node["kind"] not in AGENCY_KINDS or FAMILY.match(node["name"]) or _names_its_own(graph, uid):
            continue
        # (where the family may be, its kind): under its parent, or under a sibling whose name its own begins with
        # (行政院 › 國軍退除役官兵輔導委員會農場: the 農場 of 國軍退除役官兵輔導委員會, read as one name)
        kinds = [(place, node["name"]) for place in _places_after(graph, uid, ended)]
        for sibling in graph.children(graph.parent(uid)) if graph.parent(uid) is not None else ():
            named = graph.node(sibling)["name"]
            rest = re.sub(rf"^{ATTACHED.pattern}", "", node["name"][len(named):])
            if sibling != uid and len(named) >= 3 and node["name"].startswith(named) and len(rest) >= 2:
                kinds += [(place, rest) for place in ([sibling] if sibling not in ended else [])
                          + [t for t, _ in graph.out(sibling, EDGE)]]
        found = [c for place, kind in kinds for c in graph.children(place)
                 if c not in ended and (m := FAMILY.match(graph.node(c)["name"])) and m.group("kind") == kind]
        if len(found) == 1:
            _replace_successor(graph, uid, found[0], f"its kind's family {graph.node(found[0])['name']} "
                                                     f"under {' › '.join(graph.node(found[0])['path'][:-1])}")


def _respelled(graph, ended: Mapping) -> None:
    """A body that is history and names no successor of its own, whose name written with 臺 for 台 is a
    sibling's that went on longer (民用航空局 › 飛航服務總台, whose 組織規程 was repealed in 1998 when
    飛航服務總臺組織條例 took effect; 警察電訊所 › 台中分所 under the 暫行組織規程 of 1999, 臺中分所 under the
    組織條例 of 2001): the same body, its name spelt the way the genre now writes it."""
    for uid in ended:
        node = graph.node(uid)
        if node["kind"] not in AGENCY_KINDS or "台" not in node["name"] or node.get("successors") \
                or graph.out(uid, EDGE) or graph.parent(uid) is None:
            continue
        spelt = node["name"].replace("台", "臺")
        mine = node.get("status_date", "")
        found = [c for c in graph.children(graph.parent(uid)) if graph.node(c)["name"] == spelt
                 and (c not in ended or (mine and graph.node(c).get("status_date", "") > mine))]
        if len(found) == 1:
            _replace_successor(graph, uid, found[0], f"the same body, 台 written 臺: {spelt}")


# The ending two names share that says they are bodies of one kind (人員訓練所, 勞工保險局): this long at
# least (not 博物館, 警察局, 工程處: 國立臺灣博物館 is not 國立臺灣史前文化博物館), with this many characters
# that are not unit words; a company's (股份有限公司) says nothing of what it does.
KIND_TOPIC = 2
_NOT_A_KIND = ("公司", PREPARATORY)


# Shared by a body and one set up under the same parent within MOVE_DAYS before it ended (南部訓練所,
# 公路人員訓練所): this long at least.
SHORT_KIND_ENDING = 3


def _kind_ending(a: str, b: str, least: int = KIND_ENDING) -> str:
    """The ending ``a`` and ``b`` share when it names a kind of body (財稅人員訓練所, 財政人員訓練所 →
    人員訓練所; ``least`` characters at least); "" otherwise."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    end = a[len(a) - n:]
    return end if n >= least and len(_topic(end)) >= KIND_TOPIC and not end.endswith(_NOT_A_KIND) else ""


def _one_of_its_kind(graph, ended: Mapping, enacted: Mapping[str, str]) -> None:
    """A body that is history and names no successor of its own, where its parent (or the parent's
    successor) set up, about when it ended, one body of its kind and no other (a name ending they share
    that says what they are: 訓練所, 圖書館): that body carried it on (財政部 › 財稅人員訓練所, rules repealed
    2013-01-08 → 財政部 › 財政人員訓練所, set up 2013-01-04).  Or a shorter ending (訓練所) of a body set up beside it
    as it ended, or the ending of a family set up under the parent's heir as it ended (拓建工程處 → 高速公路局 ›
    各新建工程處, 2018-02-26)."""
    units = graph.units()
    bodies = set(_agencies_of_documents(units).values())
    born = {u["id"]: min(enacted.get(src["doc"]) or "9999" for src in u["sources"])
            for u in units if u.get("sources")}
    for uid in ended:
        node = graph.node(uid)
        dates = sorted(s.date for s in ended[uid] if s.date)
        if node["kind"] not in AGENCY_KINDS or not dates or _names_its_own(graph, uid):
            continue
        start, end = _shift(dates[0], -YEARS_BEFORE), _shift(dates[-1], YEARS_AFTER)
        found = {c: ending for place in _places_after(graph, uid, ended) for c in graph.children(place)
                 if c not in ended and c in bodies and graph.node(c)["kind"] in AGENCY_KINDS
                 and start <= born.get(c, "") <= end and (ending := _kind_ending(node["name"], graph.node(c)["name"]))}
        parent = graph.parent(uid)
        if not found and parent is not None:  # a shorter ending (訓練所) of a body set up beside it as it ended
            # or a family of its kind under the parent's heir, by the longer ending (拓建工程處 → 高速公路局 ›
            # 各新建工程處, made the day it ended), not a body of it (西濱 臨時工程處 is no 蘇花公路改善工程處)
            found = {c: ending for place in (parent, *(t for t, _ in graph.out(parent, EDGE)))
                     for c in graph.children(place) if c != uid and c in bodies
                     and graph.node(c)["kind"] in AGENCY_KINDS and born.get(c, "9999") <= dates[-1]
                     and _days(born[c], dates[-1]) <= MOVE_DAYS and (c not in ended or _end(ended[c]) > dates[-1])
                     and (ending := _kind_ending(node["name"], graph.node(c)["name"], SHORT_KIND_ENDING))
                     and (place == parent or FAMILY.match(graph.node(c)["name"]) and len(ending) >= KIND_ENDING)}
        if len(found) == 1:
            (target, ending), = found.items()
            _replace_successor(graph, uid, target, f"the one {ending} set up under "
                                                   f"{' › '.join(graph.node(target)['path'][:-1])} when it ended "
                                                   f"(set up {born[target]})")


# A task force (任務編組) of an office's rules: a unit the loader notes as one (「本部得設下列常設性任務編組：」 +
# 「一、法規會：辦理…」, 「設法規會為常設性任務編組」); or, in a store loaded before it did, a unit named so, whose
# items name each, or a unit named after the sentence (「法規會為常設性任務編組」).
TASK_FORCES = "任務編組"
_TASK_ITEM = re.compile(r"^(?P<name>[^：:，。、\s]{2,20})[：:]")
_TASK_NAMED = re.compile(r"^(?P<name>\S{2,20}?)為(?:常設性)?任務編組$")


def _task_forces(graph, place: str) -> list[tuple[str, str, str]]:
    """``(name, the words that set it up, where)`` of the task forces of ``place``'s rules."""
    out = []
    for group in graph.children(place):
        node = graph.node(group)
        if TASK_FORCES in (node.get("note") or "") and TASK_FORCES not in node["name"]:
            # what it does (not its posts: 「置執行秘書一人」), where the rules say so
            duties = [(d, e) for d, e in graph.duties_of(group) if not d["text"].startswith("置")]
            text, where = node["name"], f"{node.get('doc', '')} line {node.get('line', 0)}"
            if duties:
                duty, edge = duties[0]
                text = f"{node['name']}：{duty['text']}"
                where = f"{edge['doc']} line {edge['line']} {edge.get('article', '')}".rstrip()
            out.append((node["name"], text, where))
            continue
        if TASK_FORCES not in node["name"]:
            continue
        if m := _TASK_NAMED.match(node["name"]):
            out.append((m["name"], node["name"], f"{node.get('doc', '')} line {node.get('line', 0)}"))
        for c in graph.children(group):
            child = graph.node(c)
            out.append((child["name"], f"{node['name']}：{child['name']}",
                        f"{child.get('doc', '')} line {child.get('line', 0)}"))
        for duty, edge in graph.duties_of(group):
            if m := _TASK_ITEM.match(duty["text"]):
                where = f"{edge['doc']} line {edge['line']} {edge.get('article', '')}".rstrip()
                out.append((m["name"], duty["text"], where))
    return out


def _shortened(short: str, name: str) -> bool:
    """True when ``short`` is ``name`` or a short form of it: its characters in order, the first two and the
    last kept (法規委員會 → 法規會; 全民健康保險醫療費用協定委員會 → 全民健康保險會)."""
    if short == name:
        return True
    if len(short) < 3 or short[:2] != name[:2] or short[-1] != name[-1]:
        return False
    rest = iter(name)
    return all(ch in rest for ch in short)


def _task_force(graph, ended: Mapping, itself: Set[str] = frozenset()) -> None:
    """A body that is history and names no successor of its own, whose parent (or the parent's successor)
    has a task force of its name or a short form of it in its rules: the body's work is done by the task
    force now, and the body that keeps it succeeded it (僑務委員會 › 法規委員會, repealed 2012-08-30 → 僑務委員會,
    whose 處務規程 「法規會：辦理本會法制、訴願及國家賠償業務」); ``itself``: bodies whose documents name only
    the body itself under its parent's new name, no successor of their own."""
    forces: dict[str, list[tuple[str, str, str]]] = {}
    for uid in ended:
        node = graph.node(uid)
        if node["kind"] not in AGENCY_KINDS or _names_its_own(graph, uid) and uid not in itself:
            continue
        found = []
        for place in _places_after(graph, uid, ended):
            if place not in forces:
                forces[place] = _task_forces(graph, place)
            found += [(place, name, text, where) for name, text, where in forces[place]
                      if _shortened(name, node["name"])]
        if len({(place, name) for place, name, _, _ in found}) != 1:
            continue
        place, name, text, where = found[0]
        body = graph.node(place)
        said = Status(body.get("doc", ""), "superseded", (body["name"],), "", text, where)
        evidence = f"its work is done by the task force {name} of {body['name']}: 「{text}」"
        _replace_successor(graph, uid, place, evidence, said)
        node["successors"] = [" › ".join((*body["path"], name))]


# What a body's name says it does: the name without the word for what it is (家庭暴力及性侵害防治委員會 →
# 家庭暴力及性侵害防治), in subjects joined by 及 (家庭暴力, 性侵害防治: a last two characters, 防治, that each
# subject shares), this long at least (環境保護, 經濟發展 or 消費者保護 are the duties of many bodies).
_SUBJECTS = re.compile(r"[及暨與、]")
SUBJECT_CHARS = 6


def _subjects(name: str) -> list[str]:
    """The subjects of what the body ``name`` does (家庭暴力及性侵害防治委員會 → 家庭暴力, 性侵害防治); none when
    its name says too little."""
    topic = _BODY_WORD.sub("", name)
    subjects = [s for s in _SUBJECTS.split(topic) if s]
    return [] if len(topic) < SUBJECT_CHARS or any(len(s) < 2 for s in subjects) else subjects


def _says_its_work(name: str | list[str], duty: str) -> bool:
    """True when ``duty`` names each subject of the body ``name`` (or of its :func:`_subjects`) (家庭暴力及性侵害
    防治委員會: 「家庭暴力、性侵害、性騷擾防治與其他保護服務業務之政策規劃」), the last two characters of the last
    subject, the work they share, after all of them."""
    subjects = _subjects(name) if isinstance(name, str) else name
    if not subjects:
        return False
    if all(s in duty for s in subjects):
        return True
    *rest, last = subjects
    if not rest or len(last) < 5:
        return False
    found = [duty.find(s) for s in (*rest, last[:-2])]
    return all(i >= 0 for i in found) and last[-2:] in duty[max(found):]


def _named_in_duties(graph, ended: Mapping, enacted: Mapping[str, str]) -> None:
    """A body that is history with no successor at all, whose work — what its name says it does — one duty of
    one body set up when it ended names (within :data:`MOVE_DAYS`, in any ministry): that body took it over
    (內政部家庭暴力及性侵害防治委員會, rules repealed 2013-07-21 → 衛生福利部, whose act of 2013-06-19 第2條
    「家庭暴力、性侵害、性騷擾防治與其他保護服務業務之政策規劃、管理及監督」)."""
    waiting = {uid: subjects for uid in ended if (subjects := _subjects(graph.node(uid)["name"]))
               and graph.node(uid)["kind"] in AGENCY_KINDS and _end(ended[uid])
               and not graph.out(uid, EDGE) and not graph.node(uid).get("successors")}
    if not waiting:
        return
    born: dict[str, str] = {}  # a body -> when its first own document was made
    for doc, c in _agencies_of_documents(graph.units()).items():
        if enacted.get(doc):
            born[c] = min(born.get(c, "9999"), enacted[doc])
    day = {c: date.fromisoformat(born[c]).toordinal() for c in born if c not in ended}
    recent = sorted(day)
    duties: dict[str, list] = {}
    for uid, subjects in waiting.items():
        end = date.fromisoformat(_end(ended[uid])).toordinal()
        found = {}
        for c in recent:
            if abs(end - day[c]) > MOVE_DAYS or c == uid:
                continue
            if c not in duties:
                duties[c] = graph.duties_of(c)
            duty = next(((d, e) for d, e in duties[c] if _says_its_work(subjects, d["text"])), None)
            if duty is not None:
                found[c] = duty
        if len(found) == 1:
            _one_duty_holder(graph, uid, found, f"a duty of {{name}}, set up {born[next(iter(found))]}, names its work")


# A committee's work one division of its parent names: this many characters at least (醫學教育; not 法規).
DIVISION_TOPIC_CHARS = 4


def _named_by_a_division(graph, ended: Mapping) -> None:
    """A committee (委員會) that is history with no successor at all (a branch's head that repealed its rules is
    none), under a parent in force, whose work — its name without 委員會, 4 characters or more that say what it is
    about (:func:`_names_topic`) — one duty of one division of the parent (and no other) names: the parent took it in,
    as that division (教育部 › 醫學教育委員會, its 組織條例 repealed 2014-01-15 → 教育部, whose 高等教育司 holds
    「高等教育（含醫學教育等各學術領域）政策之規劃及推動」; 考選部 › 專門職業及技術人員考試訓練委員會, rules repealed by
    考試院 2022-08-16 → 考選部, whose 專技考試司 holds 「專門職業及技術人員考試錄取人員訓練或學習」)."""
    for uid in ended:
        node, parent = graph.node(uid), graph.parent(uid)
        topic = node["name"].removesuffix("委員會")
        # (人員 counts: 專門職業及技術人員考試訓練; 員 is a unit word only in 委員會)
        if parent is None or parent in ended or topic == node["name"] \
                or len(_topic_chars(topic)) < DIVISION_TOPIC_CHARS or _has_successor(graph, uid):
            continue
        # its own divisions and their sections, not those of the bodies under it
        own = [c for c in graph.children(parent) if graph.node(c)["kind"] not in AGENCY_KINDS]
        own += [c for d in own for c in graph.children(d) if graph.node(c)["kind"] not in AGENCY_KINDS]
        found = {d: duty for d in own if d not in ended for duty, _ in graph.duties_of(d)
                 if _names_topic(topic, duty["text"])}
        if len(found) == 1:
            (division, duty), = found.items()
            _replace_successor(graph, uid, parent, f"taken in: its work is a duty of {graph.node(division)['name']}: "
                                                   f"「{duty['text']}」", at=division)


def _has_successor(graph, uid: str) -> bool:
    """True when the documents name a successor of ``uid``; not a branch's head that only repealed its rules (考試院
    for 考選部's 專門職業及技術人員考試訓練委員會: the superior of its parent, which made and ended its rules, no heir,
    see :func:`_add_successor`)."""
    return bool(graph.out(uid, EDGE)) or any(n not in BRANCH_HEADS for n in graph.node(uid).get("successors") or ())


# A rewrite of a whole organization act (「修正公布全文8條」, 「制定公布全文6條」): its body was reorganised.
WHOLE_ACT = re.compile(r"(?:制定|修正)(?:公布|發布)(?:名稱及)?全文")
# The rules a parent makes for a committee of its own (a law of its own, 組織條例, or office rules, 辦事細則, say the
# body stood apart: 財政部證券暨期貨管理委員會 had gone to 金融監督管理委員會 years before its rules were repealed).
PARENTS_RULES = "組織規程"
def _names_topic(topic: str, duty: str) -> bool:
    """True when ``duty`` names ``topic``, or its subject (:data:`DIVISION_TOPIC_CHARS` or more) and then, further on,
    what the body did with it, its last two characters (土地徵收審議: 「土地徵收、區段徵收、土地重劃制度之規劃、推動、
    督導及案件之審議」)."""
    if topic in duty:
        return True
    subject, act = topic[:-2], topic[-2:]
    return len(subject) >= DIVISION_TOPIC_CHARS and subject in duty and act in duty[duty.index(subject) + len(subject):]


# The parent's documents whose rewrite reorganised it: its act, or its office rules (國史館辦事細則 「修正發布全文」
# 2018-01-16, a month before 史料審查委員會組織規程 was repealed: its work went to 采集處).
PARENTS_WHOLE = ("org_act", "office_rules")


def _reorganised_with_parent(graph, ended: Mapping, docs) -> None:
    """A committee (委員會) that is history with no successor at all, whose only rules were the 組織規程 its parent
    made, repealed within :data:`MOVE_DAYS` of a rewrite of the whole organization act or office rules of its parent
    (or of the parent's successor) taking effect: the reorganised parent took its work in (財政部 › 法規委員會, rules
    repealed 2013-01-08 → 財政部, whose 組織法 「修正公布全文8條」 took effect 2013-01-01)."""
    about = _agencies_of_documents(graph.units())
    own: dict[str, list] = {}
    for p in docs:
        if p.document.id in about:
            own.setdefault(about[p.document.id], []).append(p)
    for uid in ended:
        node, end = graph.node(uid), _end(ended[uid])
        if not node["name"].endswith("委員會") or not end or node.get("successors") or graph.out(uid, EDGE) \
                or not own.get(uid) or not all(p.document.title.endswith(PARENTS_RULES) for p in own[uid]):
            continue
        found = [(place, p, entry) for place in _places_after(graph, uid, ended) for p in own.get(place, ())
                 if p.document.genre in PARENTS_WHOLE and not p.document.meta.get("abolished")
                 for entry in history_entries(p.document.meta.get("history", ""))
                 if WHOLE_ACT.search(entry) and in_force(entry) and _days(in_force(entry), end) <= MOVE_DAYS]
        if found:
            place, p, entry = found[0]
            said = Status(p.document.id, "superseded", (graph.node(place)["name"],), in_force(entry), entry,
                          f"{p.document.id} 沿革內容")
            _replace_successor(graph, uid, place, f"its rules were repealed as {p.document.title} was rewritten, "
                                                  f"in force {in_force(entry)}: {entry}", said)


# Articles a 沿革 entry added: 「增訂第10-1條條文」, 「增訂第4-1、4-2條條文」.
_ADDED = re.compile(r"增訂(?:公布|發布)?第(?P<articles>[0-9]+(?:-[0-9]+)?(?:、[0-9]+(?:-[0-9]+)?)*)條")
# A duty added to a body's rules as another ended names that one's work in fewer words: this many at least.
ADDED_SUBJECT_CHARS = 4


def _named_in_added_duty(graph, ended: Mapping, docs) -> None:
    """A body that is history with no successor at all, whose work — its name without the word for what it is, 4
    characters or more — one duty names that an article added to another body's rules within :data:`MOVE_DAYS` of
    its end sets out: that body took it over (交通部 › 臺灣地區各港務局 › 海事評議委員會, rules repealed 2012-11-07 →
    交通部航港局, whose 辦事細則 「增訂第10-1條條文」 of 2013-01-03: 航安組 「海事評議事項之處理及評議會議召開」) — or
    a duty that begins with the word for its kind (:func:`_of_a_kind`: 財政部關稅總局's 燈塔, rules repealed
    2013-01-08 → 航港局, the same article: 「燈塔與助航設施之設置、維護及管理」), not only its parent's heir."""
    waiting, kinds = {}, _of_a_kind(graph, ended)
    for uid in ended:
        node, topic = graph.node(uid), _BODY_WORD.sub("", graph.node(uid)["name"])
        if node["kind"] not in AGENCY_KINDS or not _end(ended[uid]) or node.get("successors") \
                or graph.out(uid, EDGE):
            continue
        if len(topic) >= ADDED_SUBJECT_CHARS or uid in kinds:
            waiting[uid] = ([part for part in _SUBJECTS.split(topic) if part] if len(topic) >= ADDED_SUBJECT_CHARS
                            else [], kinds.get(uid, ()))
    if not waiting:
        return
    added: dict[tuple[str, str], str] = {}  # (document, article) -> when the entry that added it took effect
    for p in docs:
        for entry in history_entries(p.document.meta.get("history", "")):
            for m in _ADDED.finditer(entry):
                added.update({(p.document.id, f"第{a}條"): in_force(entry) for a in m["articles"].split("、")})
    # (the division that holds it may have ended since, with the rules that set it up; the body goes on)
    duties = [(unit["id"], duty, edge, added[(edge["doc"], edge.get("article", ""))]) for unit in graph.units()
              for duty, edge in graph.duties_of(unit["id"]) if added.get((edge["doc"], edge.get("article", "")))]
    for uid, (subjects, kind) in waiting.items():
        end = _end(ended[uid])
        found = {body: (holder, duty, edge) for holder, duty, edge, when in duties
                 if _days(when, end) <= MOVE_DAYS
                 and (_says_its_work(subjects, duty["text"]) or (kind and duty["text"].startswith(kind)))
                 and (body := _body_of(graph, holder)) is not None and body != uid and body not in ended}
        if len(found) != 1:
            continue
        (body, (holder, duty, edge)), = found.items()
        where = f"{edge['doc']} line {edge['line']} {edge.get('article', '')}".rstrip()
        said = Status(edge["doc"], "superseded", (graph.node(body)["name"],), "", duty["text"], where)
        _replace_successor(graph, uid, body, f"an article added to its rules when it ended names its work: "
                                             f"{graph.node(holder)['name']} 「{duty['text']}」", said, at=holder)


# Bodies of one kind under one parent, named by a word they share at the end (關稅總局's 36 燈塔: 彭佳嶼燈塔,
# 基隆燈塔 …): this many at least, the word this long at least.
KIND_MEMBERS = 3
KIND_WORD_CHARS = 2


def _of_a_kind(graph, ended: Mapping) -> dict[str, tuple[str, ...]]:
    """Ended agency-level bodies that are of a kind with their ended siblings -> the words for that kind: the endings
    (2 characters or more, shorter than the name, not only the word for what a body is) that at least
    :data:`KIND_MEMBERS` of them share (燈塔, 嶼燈塔).  A duty that begins with that word names their work
    (航港局 航安組 「燈塔與助航設施之設置、維護及管理」 for 關稅總局's 燈塔), where a single lighthouse's name says
    nothing of it."""
    by_parent: dict[str, list[str]] = {}
    for uid in ended:
        if graph.node(uid)["kind"] in AGENCY_KINDS and (up := graph.parent(uid)) is not None:
            by_parent.setdefault(up, []).append(uid)
    out: dict[str, tuple[str, ...]] = {}
    for members in by_parent.values():
        names = {uid: graph.node(uid)["name"] for uid in members}
        for uid, name in names.items():
            words = tuple(word for n in range(KIND_WORD_CHARS, len(name)) if _BODY_WORD.fullmatch(word := name[-n:])
                          is None and sum(other.endswith(word) for other in names.values()) >= KIND_MEMBERS)
            if words:
                out[uid] = words
    return out


def _body_of(graph, uid: str) -> str | None:
    """The agency ``uid`` is, or lies in (航港局 › 航安組 → 航港局)."""
    up: str | None = uid
    while up is not None and graph.node(up)["kind"] not in AGENCY_KINDS:
        up = graph.parent(up)
    return up


def _moves_from(graph, parent: str, statuses: list, moved) -> list[tuple[str, str, Status]]:
    """``(family body, its owner, evidence)`` of the families that moved away from ``parent`` when a
    body under it ended (within :data:`MOVE_DAYS` of the move)."""
    node = graph.node(parent)
    names = {n for n in (node["name"], node.get("full_name") or "", *(node.get("aliases") or ())) if len(n) >= 3}
    ends = [s.date for s in statuses if s.date]
    end = max(ends) if ends else ""
    out = []
    for old, body, when, s in moved:
        owner = graph.parent(body)
        if owner is not None and owner != parent and end and _days(end, when) <= MOVE_DAYS \
                and any(old.startswith(n) for n in names):
            out.append((body, owner, s))
    return out


def _prepared_elsewhere(graph, ended: Mapping) -> None:
    """A preparatory office that names no successor became the body it prepared, though no document
    here sets that body up (國立東華大學籌備處 → 國立東華大學: 「本處於國立東華大學成立時裁撤之」) — or the one
    body under its parent (or the parent's successor) whose name keeps what the prepared one's said it was
    about, in the longest run of 4 such characters or more: set up under another name (客家委員會 ›
    臺灣客家文化中心籌備處 → 客家文化發展中心, 客家文化)."""
    for uid in ended:
        node = graph.node(uid)
        prepared = node["name"].removesuffix(PREPARATORY)
        if prepared == node["name"] or len(prepared) < 2 or _names_its_own(graph, uid):
            continue
        found: dict[str, str] = {}
        for place in _places_after(graph, uid, ended):
            for c in graph.children(place):
                run = _longest_run(prepared, graph.node(c)["name"])
                if c not in ended and graph.node(c)["kind"] in AGENCY_KINDS and len(_topic_chars(run)) >= KIND_ENDING:
                    found[c] = run
        longest = max(map(len, found.values()), default=0)
        best = [c for c, run in found.items() if len(run) == longest]
        if len(best) == 1:
            _replace_successor(graph, uid, best[0], f"a preparatory office became the body set up under another "
                                                    f"name that keeps {found[best[0]]} of {prepared}")
        else:
            node.update(status="superseded", successors=[" › ".join((*node["path"][:-1], prepared))])


def _longest_run(a: str, b: str) -> str:
    """The longest run of characters of ``a`` that ``b`` holds too."""
    best = ""
    for i in range(len(a)):
        j = i + len(best) + 1
        while j <= len(a) and a[i:j] in b:
            best, j = a[i:j], j + 1
    return best


def _inherit(graph, ended: Mapping, left: Set[str] = frozenset()) -> None:
    """A unit that is history and names no successor of its own is part of an agency that has one:
    that is where its work went (行政院農業委員會漁業署's 漁船科 → 農業部 › 漁業署) — unless it lies in a member
    its family's heirs did not carry on (``left``), or it ended well before that agency's heir began."""
    heir_docs: dict[str, list[str]] = {}  # unit id -> the documents about it (its own acts and rules)
    for doc, uid in documents_about(graph).items():
        heir_docs.setdefault(uid, []).append(doc)
    for uid in ended:
        node = graph.node(uid)
        if node.get("successors"):
            continue
        up, below = graph.parent(uid), uid
        while up is not None and not graph.out(up, EDGE) and not graph.node(up).get("successors") \
                and not graph.node(up).get("governed_by"):
            up, below = graph.parent(up), up
        if up is None or below in left or _ended_before(_body_below(graph, uid, up), graph, up, heir_docs):
            continue
        if graph.node(up).get("governed_by") == up:  # rules of its own the graph does not hold
            continue
        if graph.node(up).get("governed_by"):  # its body's family rules set up its divisions now
            family = graph.node(graph.node(up)["governed_by"])
            node.update(status="superseded", successors=[" › ".join(family["path"])])
            continue
        if graph.out(up, EDGE):
            targets = [" › ".join(graph.node(t)["path"]) for t, _ in graph.out(up, EDGE)]
            # a member of a family (衛生福利部 › 雲林教養院), not the family it joined
            joined = any(FAMILY.match(graph.node(t)["name"]) for t, _ in graph.out(up, EDGE))
            named = (graph.node(up).get("successors") if joined else None) or targets
            node.update(status="superseded", status_date=node.get("status_date") or graph.out(up, EDGE)[0][1]["date"],
                        successors=named)
        else:  # a successor the graph does not hold (國營臺灣鐵路股份有限公司)
            above = graph.node(up)
            node.update(status="superseded", status_date=node.get("status_date") or above.get("status_date", ""),
                        successors=list(above["successors"]))


def _body_below(graph, uid: str, up: str) -> Mapping:
    """The body right below ``up`` that ``uid`` was part of (itself if it is that body): a division or 分場
    dropped from its body's rules while the body went on is the body's (公路總局's 2018 office rules → 公路總局,
    then 公路局; 茶業改良場 › 台東分場 → 茶業改良場), and the body says when it ended."""
    body: Mapping = {}
    while uid != up:
        if graph.node(uid)["kind"] in AGENCY_KINDS:
            body = graph.node(uid)
        uid = graph.parent(uid) or up
    return body


def _ended_before(node: Mapping, graph, up: str, heir_docs: Mapping[str, list[str]]) -> bool:
    """``node`` ended well before (more than :data:`MOVE_DAYS`) the body ``up`` went to began: that body is
    not its immediate successor, and ``history`` shows the chain (土壤及地下水污染整治基金管理委員會, repealed in
    2010 by 環境保護署, did not go to 環境部, set up in 2023).  The heir began when its own first document was
    enacted or the edge's date, whichever is earlier: its predecessor's repeal often lags (衛生署's act was
    repealed in 2015, 衛生福利部組織法 enacted in 2013).  A successor the graph does not hold gives no date."""
    edges = graph.out(up, EDGE)
    dates = [d.get("date", "") for _, d in edges] + \
        [graph.get(f"doc:{doc}", {}).get("enacted", "") for target, _ in edges for doc in heir_docs.get(target, ())]
    began = min((d for d in dates if d), default="")
    mine = node.get("status_date", "")
    return bool(mine and began) and mine < began and _days(mine, began) > MOVE_DAYS


def documents_about(graph) -> dict[str, str]:
    """Document id -> the id of the organization it is about (see :func:`_agencies_of_documents`)."""
    return _agencies_of_documents(graph.units())


def _same_name_below(graph, target: str, old: str, ended: Mapping) -> str:
    """A successor named at a higher level (農業部, the body that repealed 行政院農業委員會漁業署's rules)
    that holds a unit of the old one's name (農業部 › 漁業署): that unit is the successor."""
    name = graph.node(old)["name"]
    below = [u for u in graph.descendants(target, depth=2) if graph.node(u)["name"] == name and u not in ended]
    return below[0] if len(below) == 1 else target


def _successor_units(rows: NameIndex, name: str, ended: Mapping, renamed: Mapping[str, str] | None = None) -> list[str]:
    """The units a successor's name stands for: current ones, the shallowest of them (the name may leave out
    the branch's head: 交通部高速公路局 for 行政院交通部高速公路局); a name no unit bears, the body that was
    renamed from it (``renamed``: old name -> new name)."""
    found = [rows.units[i][0] for i in rows.named(name) if rows.units[i][0] not in ended]
    if not found:  # written without the branch's head its full name begins with (行政院交通部高速公路局)
        found = [rows.units[i][0] for head in sorted(BRANCH_HEADS) if not name.startswith(head)
                 for i in rows.named(head + name) if rows.units[i][0] not in ended]
    seen = {name}
    while not found and renamed and renamed.get(name) and renamed[name] not in seen:
        name = renamed[name]
        seen.add(name)
        found = [rows.units[i][0] for i in rows.named(name) if rows.units[i][0] not in ended]
    if not found:
        return []
    depth = min(f.count("/") for f in found)
    return [f for f in found if f.count("/") == depth]


def _ended_later(rows: NameIndex, name: str, ended: Mapping, uid: str, taken_over: str = "") -> list[str]:
    """The one body of the successor's name that has ended since ``uid`` did (內政部家庭暴力防治委員會, merged
    in 2002 into 內政部家庭暴力及性侵害防治委員會, which ended in 2013): the chain goes on from it.  ``uid`` ended
    when it was taken over, where a reviewed row gives that day (``taken_over``), not when its rules were repealed:
    one order often repeals the rules of a body and of its heir at once (經濟部能源委員會 → 能源局 on 2004-07-01, both
    暫行組織規程 and 辦事細則 repealed on 2024-02-17)."""
    since = min(filter(None, (taken_over, _end(ended[uid]))), default="")
    found = [rows.units[i][0] for i in rows.named(name) if rows.units[i][0] in ended]
    found = [f for f in found if f != uid and _end(ended[f]) > since]
    return found if len(found) == 1 else []


def _member_of(graph, rows: NameIndex, name: str, ended: Mapping) -> list[str]:
    """A successor's name no unit bears that is a body's name and then a name of the kind of the one family of that
    body (交通部觀光署東部海岸國家風景區管理處, the body that repealed 交通部觀光局東部海岸國家風景區管理處辦事細則 in
    2024: 交通部觀光署 › 各國家風景區管理處, 「交通部觀光署為辦理各國家風景區…業務，特設各國家風景區管理處」), or the
    kind itself (交通部觀光署國家風景區管理處): that family, whose member it is; none when the name reads so in more
    than one way."""
    found = set()
    for cut in range(DISTINCT_NAME, len(name) - 1):
        member = name[cut:]
        for owner in _successor_units(rows, name[:cut], ended):
            found |= {f for f in graph.children(owner) if f not in ended and (m := FAMILY.match(graph.node(f)["name"]))
                      and member.endswith(m["kind"])}
    return list(found) if len(found) == 1 else []


def _taken_over_on(graph, uid: str, row_dates: Mapping[str, str]) -> str:
    """The day a reviewed row (data/lineage.tsv) says the body ``uid`` was taken over, or ''."""
    return next((row_dates[n] for n in _path_names(graph.node(uid)["path"]) if n in row_dates), "")


def _add_successor(graph, source: str, target: str, s) -> None:
    """The successor a document names, unless a branch's head (行政院, 考試院) only repealed the rules: it
    acts as the body's superior then (兵役協會組織規程 「行政院…令發布廢止」), and succeeds it only through a
    body of its own of the same name (考試院 › 訴願審議委員會, which :func:`_same_name_below` finds)."""
    if graph.node(target)["path"] == [target] and target in BRANCH_BODIES.values() and "廢止" in s.evidence:
        return
    _add_edge(graph, source, target, s)


def note(unit: Mapping) -> str:
    """One line for a unit that is history: ``superseded by 交通部公路局 (2023-09-15)``; ``""`` if current."""
    state = unit.get("status", "current")
    if state == "current":
        return ""
    date = f" ({unit['status_date']})" if unit.get("status_date") else ""
    successors = unit.get("successors") or []
    return f"{state} by {'、'.join(successors)}{date}" if successors else f"{state}{date}"

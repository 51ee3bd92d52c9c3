"""Successors read from what a body was made of and where its name went: a family whose members' places
another family took over, and a body kept on as a unit of the body its name begins with.

Two conventions of the reorganisations, each over bodies that ended with no successor named at all:

- **a family's places**: a family of bodies named by place (行政院農業委員會 › 各區糧食管理處: 北區、中區、南區、
  東區糧食管理處) whose rules were replaced by another family's covering the same places (農糧署 › 各分署:
  「設北區、中區、南區及東區分署」), under the same parent, a body under it or its successor — or, failing
  that, one level up and of its own kind (經濟部 › 水利處 › 各河川局 → 經濟部 › 水利署 › 各河川局) — in force when the
  first ended;
- **kept as a unit**: a body whose name is a sibling's and more (交通部 › 運輸研究所港灣技術研究中心: 運輸研究所 +
  港灣技術研究中心), or any body, whose sibling's (or parent's) rules set up an internal unit of the rest of its
  name (運輸研究所辦事細則 第9條 「港灣技術研究中心職掌如下」): that body absorbed it, as that unit;
- **begun alike**: a body set up within :data:`MOVE_DAYS` of another's end whose name begins as the old one's
  did, in four characters or more that are not unit words (國立彰化社會教育館, rules repealed 2008-03-11 →
  國立彰化生活美學館, rules made 2008-03-04; 信用合作社放款審核委員會 → 信用合作社授信審議委員會, the same day),
  the longest such beginning and no other: it carried the old one on;
- **carried on by parts**: a family that ended with no successor, half or more of whose members (two at least)
  other bodies carried on: those bodies, together (國立各社會教育館: 國立彰化、國立臺南生活美學館);
- **set up that day**: the one body set up beside it the day it ended, its duties alike (市鄉規劃局 →
  城鄉發展分署, 2008-08-20);
- **went with its siblings**: a body of the kind of a family in force under the body its siblings of that kind
  went to: one of that family (台江國家公園管理處 → 國家公園署 › 各國家公園管理處, with 太魯閣 and 玉山);
- **its rank changed**: a body set up as it ended, or a unit of a sibling's rules revised as it ended, whose name is
  its own with the rank alone changed (經濟部水利處 → 水利署; 政治作戰學校 → 國防大學's 政治作戰學院);
- **a member of its own name**: a body succeeded by a family under another body is that body's member of its own
  name (觀光局 › 雲嘉南濱海國家風景區管理處 → 觀光署 › 雲嘉南濱海國家風景區管理處);
- **branches followed**: a body's family of branches is its heir's (加工出口區管理處 › 各分處 → 產業園區管理局 ›
  各分局);
- **its bodies went under one**: a body whose documents name only where its parent's work went, whose bodies went
  on under one body in force below that heir: it went on as that body (林務局 → 林業及自然保育署, under which its
  農林航空測量所 and 阿里山林業鐵路及文化資產管理處 went on).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from datetime import date

from .continuity import MIN_NAMED, _work
from .lineage import PREPARATORY, Status, history_entries, roc_date
from .succession_edges import (
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
    _replace_successor,
    _topic_chars,
)

# A place the members of a family are named by: 北區, 基隆, 第一 (at least this many characters).
PLACE_CHARS = 2
# Two places in common at least: one is a name, not a family.
MIN_PLACES = 2


def _plain(name: str) -> str:
    return name.replace("台", "臺")


def _kind(name: str) -> str:
    """What the members of a family are (各區糧食管理處 → 糧食管理處); a body's own name when it is no 各….
    (港務警察局, the common act of 基隆、臺中… 港務警察局)."""
    m = FAMILY.match(name)
    return m.group("kind") if m else name


def places(graph, uid: str) -> set[str]:
    """The places of the members of the family ``uid``: the bodies below it, or beside it, named by a place
    and its kind (北區糧食管理處 → 北區; 基隆港務警察總隊 beside 港務警察總隊 → 基隆)."""
    kind, parent = _kind(graph.node(uid)["name"]), graph.parent(uid)
    near = [*graph.children(uid), *(graph.children(parent) if parent is not None else ())]
    out = set()
    for c in near:
        name = graph.node(c)["name"]
        if c != uid and name.endswith(kind) and len(name) - len(kind) >= PLACE_CHARS and not FAMILY.match(name):
            out.add(_plain(name[:-len(kind)]))
    return out


def _rings(graph, uid: str):
    """Where the bodies that took over from ``uid`` may stand, nearest first: the bodies under its parent or the
    parent's successors, and under those bodies; then the same one level up."""
    up = graph.parent(uid)
    for _ in range(2):
        if up is None:
            return
        heads = [up, *(t for t, _ in graph.out(up, EDGE))]
        heads += [c for h in list(heads) for c in graph.children(h) if graph.node(c)["kind"] in AGENCY_KINDS]
        yield [c for h in heads for c in graph.children(h)]
        up = graph.parent(up)


def _waiting(graph, ended: Mapping) -> list[str]:
    """The bodies that ended with no successor at all."""
    return [uid for uid in ended if graph.node(uid)["kind"] in AGENCY_KINDS and not graph.node(uid).get("successors")
            and not graph.out(uid, EDGE)]


def _heir_only_of_parent(graph, ended: Mapping) -> list[tuple[str, str]]:
    """The bodies whose one successor is their parent's, given them with it (衛生署's act: 「行政院衛生署 →
    衛生福利部」, its 國民健康局 too), with that heir: a body under it may have carried them on by name (國民健康署)."""
    out = []
    for uid in ended:
        parent, own = graph.parent(uid), [t for t, _ in graph.out(uid, EDGE)]
        if graph.node(uid)["kind"] in AGENCY_KINDS and parent and len(own) == 1 and \
                own[0] in {t for t, _ in graph.out(parent, EDGE)}:
            out.append((uid, own[0]))
    return out


def _born(graph, enacted: Mapping[str, str]) -> dict[str, str]:
    """A body with documents of its own -> when the first of them was made."""
    born: dict[str, str] = {}
    for doc, c in _agencies_of_documents(graph.units()).items():
        if enacted.get(doc):
            born[c] = min(born.get(c, "9999"), enacted[doc])
    return born


def family_by_places(graph, ended: Mapping, enacted: Mapping[str, str]) -> None:
    """A family that ended with no successor, whose members' places (two or more) are all places of another
    family's members, one in force when it ended (set up no later than :data:`MOVE_DAYS` after, not ended
    before it) in the nearest ring (:func:`_rings`) where one is: that family took it over."""
    born = _born(graph, enacted)
    known: dict[str, set[str]] = {}

    def places_of(c: str) -> set[str]:
        if c not in known:
            known[c] = places(graph, c)
        return known[c]
    for uid in _waiting(graph, ended):
        own, end = places(graph, uid), _end(ended[uid])
        if len(own) < MIN_PLACES or not end:
            continue
        kind = _kind(graph.node(uid)["name"])
        for level, ring in enumerate(_rings(graph, uid)):
            # one level up (its parent gone with no word of where), a family of its own kind only
            found = {c: theirs for c in ring if c != uid and graph.node(c)["kind"] in AGENCY_KINDS and c in born
                     and (level == 0 or _kind(graph.node(c)["name"]) == kind)
                     and (born[c] <= end or _days(born[c], end) <= MOVE_DAYS)
                     and (c not in ended or _end(ended[c]) > end)
                     and own <= (theirs := places_of(c))}
            if found:
                break
        if len(found) != 1:
            continue
        (target, theirs), = found.items()
        listed = "、".join(sorted(own))
        _replace_successor(graph, uid, target, f"its members' places ({listed}) are those of "
                                               f"{' › '.join(graph.node(target)['path'])}, set up {born[target]}")


# The rest of a body's name that a unit must bear to be the body kept whole: this long at least (港灣技術研究中心;
# not 組 or 室).
UNIT_CHARS = 4


def kept_as_unit(graph, ended: Mapping) -> None:
    """A body that ended with no successor, whose parent, or a sibling whose name its own begins with (運輸研究所
    of 運輸研究所港灣技術研究中心), or the successor of either, has in its rules an internal unit of the rest of its
    name (港灣技術研究中心): that body kept it on as the unit."""
    for uid in _waiting(graph, ended):
        node, parent = graph.node(uid), graph.parent(uid)
        if parent is None:
            continue
        holders = [(parent, node["name"])]
        for sibling in graph.children(parent):
            named = graph.node(sibling)["name"]
            if sibling != uid and len(named) >= 3 and node["name"].startswith(named):
                holders.append((sibling, node["name"][len(named):]))
        found = {(h, c) for holder, rest in holders if len(rest) >= UNIT_CHARS
                 for h in (holder, *(t for t, _ in graph.out(holder, EDGE))) for c in graph.children(h)
                 if graph.node(c)["name"] == rest and graph.node(c)["kind"] not in AGENCY_KINDS}
        if len(found) != 1:
            continue
        (body, unit), = found
        _replace_successor(graph, uid, body, f"kept on as {graph.node(unit)['name']} of "
                                             f"{' › '.join(graph.node(body)['path'])}", at=unit)
        graph.node(uid)["successors"] = [" › ".join(graph.node(unit)["path"])]  # the unit named, as a task force's


# The day a law took effect, as its first 沿革 entry gives it (「…令發布自九十一年三月二十八日起施行」, 「定自…施行」).
_TOOK_EFFECT = re.compile(r"自(?P<day>[^自，。；]{4,20}?日)起?施行")


def took_effect(history: str) -> str:
    """When the first entry of a 沿革 took effect: the day it names (自…起施行), else the day it was made."""
    first = (history_entries(history) or [""])[0]
    m = _TOOK_EFFECT.search(first)
    return (roc_date(m["day"]) if m else "") or roc_date(first)


# The word for what a body is, that a rename may change alone (經濟部水利處 → 經濟部水利署: 「特設水利署」; 政治作戰學校
# → 國防大學's 政治作戰學院).
_RANK = re.compile(r"委員會|中心|學校|學院|[處局署所]")
# What the renamed body is about: its name but the rank, this long at least (水利).
STEM_CHARS = 2


def _places(graph, uid: str) -> set[str]:
    """Where a body renamed in place stands: under its parent or the parent's successor."""
    parent = graph.parent(uid)
    return {parent, *(t for t, _ in graph.out(parent, EDGE))} if parent is not None else set()


def _rank_changed(name: str, other: str, n: int) -> bool:
    """``other`` is ``name`` (their first ``n`` characters alike) with its rank alone changed (水利處 → 水利署;
    政治作戰學校 → 政治作戰學院, the ranks sharing 學)."""
    if FAMILY.match(name):
        return False
    return any(_RANK.fullmatch(name[k:]) and _RANK.fullmatch(other[k:]) and len(_topic_chars(name[:k])) == k
               for k in range(n, STEM_CHARS - 1, -1))


def begun_alike(graph, ended: Mapping, docs) -> None:
    """A body that ended with no successor, and the one body set up within :data:`MOVE_DAYS` of its end (its first
    rules in effect; not ended by then) whose name begins as its own, in the longest run of :data:`KIND_ENDING`
    characters or more that are not unit words: that body carried it on (see the module's docstring)."""
    born = _born(graph, {p.document.id: took_effect(p.document.meta.get("history", "")) for p in docs})
    # the bodies by the day they were set up, to take those near a body's end at once
    days = sorted((date.fromisoformat(when).toordinal(), c) for c, when in born.items()
                  if graph.node(c)["kind"] in AGENCY_KINDS)
    for uid, under in [(uid, None) for uid in _waiting(graph, ended)] + _heir_only_of_parent(graph, ended):
        end, name = _end(ended[uid]), _plain(graph.node(uid)["name"])
        if not end:
            continue
        # near the end of any of its documents: an act is often repealed years after the body's rules (國民健康局's
        # 辦事細則 ended 2013-07-21, two days before 國民健康署 began; its 組織條例 was repealed in 2015)
        near = {c for when in {s.date for s in ended[uid] if s.date}
                for _, c in days[bisect_left(days, (date.fromisoformat(when).toordinal() - MOVE_DAYS, "")):
                                 bisect_right(days, (date.fromisoformat(when).toordinal() + MOVE_DAYS, "\uffff"))]}
        found: dict[str, int] = {}
        for c in sorted(near):
            other = _plain(graph.node(c)["name"])
            if c == uid or other[:1] != name[:1] or other == name or c in ended and _end(ended[c]) <= end \
                    or under is not None and graph.parent(c) != under:
                continue
            n = next((i for i, (a, b) in enumerate(zip(name, other)) if a != b), min(len(name), len(other)))
            if len(_topic_chars(name[:n])) >= KIND_ENDING or \
                    _rank_changed(name, other, n) and graph.parent(c) in _places(graph, uid):
                found[c] = n
        longest = max(found.values(), default=0)
        best = [c for c, n in found.items() if n == longest]
        if len(best) == 1:
            target = best[0]
            _replace_successor(graph, uid, target, f"set up {born[target]}, as it ended, its name beginning as its "
                                                   f"own: {name[:longest]}")


def set_up_that_day(graph, ended: Mapping, docs) -> None:
    """A body that ended with no successor, and the one body set up beside it (under the same parent) whose first
    rules took effect the very day its own ended, its duties alike (:data:`~graph_model.graph.continuity.MIN_NAMED`
    at least: more than a coincidence of dates): that body carried it on (內政部營建署 › 市鄉規劃局, its rules
    repealed 2008-08-20 → 城鄉發展分署, 「內政部營建署為辦理城鄉規劃及發展業務，特設城鄉發展分署」, in force from
    the day they were made).  Two such bodies: which one is not guessed."""
    born = _born(graph, {p.document.id: took_effect(p.document.meta.get("history", "")) for p in docs})
    duty_words, work = _work(graph)
    for uid in _waiting(graph, ended):
        end, parent = _end(ended[uid]), graph.parent(uid)
        if not end or parent is None:
            continue
        found = [c for c in graph.children(parent) if c != uid and born.get(c) == end
                 and graph.node(c)["kind"] in AGENCY_KINDS and not (c in ended and _end(ended[c]) <= end)]
        if len(found) != 1:
            continue
        alike = duty_words.similar(*(work(uid)[0], work(found[0])[0]), work(uid)[1], work(found[0])[1])
        if alike >= MIN_NAMED:
            _replace_successor(graph, uid, found[0], f"set up beside it the day it ended, {end}, its duties alike "
                                                     f"({alike:.2f})")


# A family's name: 各 and what its members are, after what they share (國立各社會教育館: 社會教育館).
_NAMED_FAMILY = re.compile(r"各(?:地?區)?(?P<kind>[^各]{2,})$")
# Members carried on that speak for their family: two at least, and half of them.
MIN_CARRIED = 2


def carried_on_by_parts(graph, ended: Mapping) -> set[str]:
    """A family that ended with no successor, :data:`MIN_CARRIED` or more of whose members, and half of them or
    more, other bodies carried on: those bodies succeeded it (see the module's docstring).  Returns the members
    none carried on: their siblings' heirs are not theirs (國立新竹社會教育館 is no 彰化 or 臺南 館)."""
    left: set[str] = set()
    for uid in _waiting(graph, ended):
        m = _NAMED_FAMILY.search(graph.node(uid)["name"])
        if m is None:
            continue
        kind = m.group("kind")
        members = [c for c in graph.children(uid) if graph.node(c)["name"].endswith(kind)
                   and graph.node(c)["kind"] in AGENCY_KINDS]
        heirs = {c: [t for t, _ in graph.out(c, EDGE)] for c in members}
        carried = [c for c in members if heirs[c]]
        if len(carried) < MIN_CARRIED or 2 * len(carried) < len(members):
            continue
        node, pairs = graph.node(uid), [(c, t) for c in carried for t in heirs[c]]
        for i, (c, target) in enumerate(pairs):
            why = f"its member {graph.node(c)['name']} was carried on by {' › '.join(graph.node(target)['path'])}"
            if i == 0:
                _replace_successor(graph, uid, target, why)
            else:  # beside the first
                _add_edge(graph, uid, target, Status(graph.node(target).get("doc", ""), "superseded",
                                                     (graph.node(target)["name"],), node.get("status_date", ""), why,
                                                     graph.node(target).get("doc", "")))
        node["successors"] = list(dict.fromkeys(" › ".join(graph.node(t)["path"]) for _, t in pairs))
        left |= set(members) - set(carried)
    return left


def went_with_siblings(graph, ended: Mapping) -> None:
    """A body that ended with no successor, of the kind of a family (各國家公園管理處) in force under the body its
    siblings of that kind went to (內政部 › 太魯閣國家公園管理處 → 國家公園署 › 太魯閣國家公園管理處): it went there
    too, one of the family (內政部 › 台江國家公園管理處, whose own rules were repealed with theirs)."""
    for uid in _waiting(graph, ended):
        node, parent = graph.node(uid), graph.parent(uid)
        if parent is None or FAMILY.match(node["name"]):
            continue
        gone = {graph.parent(t) for s in graph.children(parent) if s != uid and s in ended
                for t, _ in graph.out(s, EDGE)} - {parent, None}
        found = {f for place in gone for f in graph.children(place) if f not in ended
                 and (m := FAMILY.match(graph.node(f)["name"])) and len(m["kind"]) >= KIND_ENDING
                 and node["name"].endswith(m["kind"]) and len(node["name"]) > len(m["kind"])
                 and any(graph.node(s)["name"].endswith(m["kind"]) and s in ended
                         and any(graph.parent(t) == place for t, _ in graph.out(s, EDGE))
                         for s in graph.children(parent) if s != uid)}
        if len(found) == 1:
            family = found.pop()
            _replace_successor(graph, uid, family, f"one of {graph.node(family)['name']} of "
                                                   f"{' › '.join(graph.node(family)['path'][:-1])}, where its "
                                                   f"siblings of its kind went")


def named_in_family(graph, ended: Mapping) -> None:
    """A body whose successor is a family under another body (交通部觀光局 › 雲嘉南濱海國家風景區管理處 →
    交通部觀光署 › 各國家風景區管理處, 「特設各國家風景區管理處」) and whose name is of the family's kind: it is
    that family's member of its own name, as :func:`~graph_model.graph.succession._joined_family` names one
    (交通部觀光署 › 雲嘉南濱海國家風景區管理處).  Not a name that begins with the family's body's (國軍退除役官兵
    輔導委員會農場 → 各農場: that body's, read as one name).  A preparatory office is the member it prepared
    (交通部觀光局大鵬灣國家風景區管理處籌備處 第10條 「本處於交通部觀光局大鵬灣國家風景區管理處成立時裁撤之」)."""
    for uid in ended:
        node = graph.node(uid)
        edges = [t for t, _ in graph.out(uid, EDGE)]
        if node["kind"] not in AGENCY_KINDS or FAMILY.match(node["name"]) or len(edges) != 1:
            continue
        family, name = graph.node(edges[0]), node["name"].removesuffix(PREPARATORY)
        m, owner = FAMILY.match(family["name"]), graph.parent(edges[0])
        if m is None or owner is None or owner == graph.parent(uid) or len(name) <= len(m["kind"]) \
                or not name.endswith(m["kind"]) or name.startswith(graph.node(owner)["name"]) \
                or ATTACHED.search(name):  # the bodies attached to one (中央氣象局附屬氣象測報機構): the family itself
            continue
        if node.get("successors") == [" › ".join(family["path"])]:
            node["successors"] = [" › ".join((*graph.node(owner)["path"], name))]


def branches_followed(graph, ended: Mapping) -> None:
    """A family of branches (各分處, 各地區辦事處) or of a kind (各工務段) that ended with no successor of its own
    (the ministry that repealed its rules, where its parent's work went, is none), under a body that has one: the one
    family of the heir's of that kind, or of branches (BranchOffice) (經濟部加工出口區管理處 › 各分處 → 經濟部產業園區
    管理局 › 各分局, 「設各分局」; 財政部國有財產局 › 各地區辦事處 → 國有財產署 › 各分署; 林務局 › 各林區管理處,
    repealed by 農業部 → 林業及自然保育署 › 各地區分署, 「為辦理各地區林業及自然保育業務，特設各地區分署」): a body's
    branches became its heir's."""
    for uid in ended:
        node, parent = graph.node(uid), graph.parent(uid)
        m = FAMILY.match(node["name"])
        if m is None or parent is None or node["kind"] not in AGENCY_KINDS or _names_its_own(graph, uid):
            continue
        found = {f for h, _ in graph.out(parent, EDGE) for f in graph.children(h) if f not in ended
                 and (k := FAMILY.match(graph.node(f)["name"]))
                 and (k["kind"] == m["kind"] or graph.node(f)["kind"] == "BranchOffice")}
        if len(found) == 1:
            family = found.pop()
            _replace_successor(graph, uid, family, f"its branches of {graph.node(parent)['name']} are "
                                                   f"{graph.node(family)['name']} of "
                                                   f"{' › '.join(graph.node(family)['path'][:-1])} now")


def joined_a_sibling(graph, ended: Mapping, revised: Mapping[str, list[str]]) -> None:
    """A body that ended with no successor, and the one unit of a sibling in force whose name is its own with the rank
    alone changed, set up by the sibling's rules as revised within :data:`MOVE_DAYS` of its end: the sibling took it
    in as that unit (國防部 › 政治作戰學校, its 規程 repealed 2006-09-28 → 國防大學, whose 規程 「修正發布全文」 that
    day: 「本大學設…政治作戰學院…」)."""
    for uid in _waiting(graph, ended):
        node, parent, end = graph.node(uid), graph.parent(uid), _end(ended[uid])
        if parent is None or not end:
            continue
        found = []
        for sibling in graph.children(parent):
            if sibling == uid or sibling in ended or graph.node(sibling)["kind"] not in AGENCY_KINDS:
                continue
            for c in graph.children(sibling):
                unit = graph.node(c)
                n = next((i for i, (a, b) in enumerate(zip(node["name"], unit["name"])) if a != b), 0)
                if unit["kind"] in AGENCY_KINDS or c in ended or not _rank_changed(node["name"], unit["name"], n):
                    continue
                days = {d for src in unit.get("sources", ()) for d in revised.get(src["doc"], ()) if d}
                if any(_days(d, end) <= MOVE_DAYS for d in days):
                    found.append((sibling, c))
        if len(found) == 1:
            (body, unit), = found
            _replace_successor(graph, uid, body, f"taken in as {graph.node(unit)['name']} of "
                                                 f"{' › '.join(graph.node(body)['path'])}, by its rules revised as it "
                                                 f"ended", at=unit)
            graph.node(uid)["successors"] = [" › ".join(graph.node(unit)["path"])]


# The bodies of a body that went on under one body in force: this many at least (one may have been moved alone).
MIN_PARTS = 2


def parts_went_under(graph, ended: Mapping) -> None:
    """A body that names no successor of its own, only where its parent's work went (行政院農業委員會 › 林務局, rules
    repealed by 農業部), :data:`MIN_PARTS` or more of whose bodies went on under one body in force right under that
    heir, and none elsewhere: it went on as that body, the immediate successor, not the heir above it (林務局 →
    農業部 › 林業及自然保育署, under which its 農林航空測量所 (航測及遙測分署) and 阿里山林業鐵路及文化資產管理處
    went on)."""
    for uid in ended:
        node = graph.node(uid)
        if node["kind"] not in AGENCY_KINDS or _names_its_own(graph, uid):
            continue
        heirs = set(_heirs_of_ancestors(graph, uid))
        # a body of its own carried on by name, not one that went only where its parent's work went (農業部)
        gone = [(c, t) for c in graph.children(uid) if graph.node(c)["kind"] in AGENCY_KINDS
                for t, _ in graph.out(c, EDGE) if t not in heirs and graph.parent(t) != uid]
        under = {graph.parent(t) for _, t in gone}
        if len({c for c, _ in gone}) < MIN_PARTS or len(under) != 1:
            continue
        body = under.pop()
        if body is None or body in ended or graph.parent(body) not in heirs:
            continue
        names = "、".join(dict.fromkeys(graph.node(c)["name"] for c, _ in gone))
        _replace_successor(graph, uid, body, f"its bodies went on under {' › '.join(graph.node(body)['path'])}: "
                                             f"{names}")

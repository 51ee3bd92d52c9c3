"""Where each duty went: an agency (or document) against its successor.

:func:`diff` takes the graph and two references — two agencies (交通部公路總局 and 交通部公路局) or
two documents (by id: two versions of one law) — and returns a :class:`Diff`:

- the units of OLD matched to the units of NEW, each by its path below OLD or NEW (a 科 of a 組
  is compared with the 科s of the 組 it became): **kept** (the same name under the corresponding
  parent), **renamed** (another name under the corresponding parent, but most of the duties
  below it went there), **added** (only in NEW) and **dropped** (only in OLD), each with its
  source.  The duties of support units (秘書, 人事, 主計, 政風 …: :data:`SUPPORT_WORK`) do not tell what
  the body above them became (every agency has them, alike); a side whose documents set up no unit
  below its root (an agency whose 處務規程 is not in the store) is noted (:meth:`Diff.notes`);
- for each duty of OLD, the unit of NEW that now holds it: the NEW unit with the most similar
  duty (:func:`similarity`), when the similarity reaches :data:`THRESHOLD`; else none, with the
  closest candidate for the reader to judge.

:func:`render_diff` turns it into text, :meth:`Diff.to_dict` into JSON.  The module is pure:
graph in, result out (the caller chooses the graph; the CLI reads it with history, since OLD
is usually no longer current).

**Which documents a side reads.**  A graph with history holds every version of a law and every
law an agency ever had (交通部公路局暫行組織規程 of 1946–2002 sits under the same node as today's
交通部公路局).  An agency's side reads its documents that are current (``current``: the ids of the
current government's documents), when it has any; otherwise — an agency that is history — the
latest version of each of its titles (「…辦事細則（92.04.15 訂定）」 gives way to the later one).
A document's side reads that document only.

**Similarity.**  Duty texts are compared by their character bigrams, weighted by rarity (IDF
over the duties of both sides), as a Dice coefficient: ``2·w(A∩B) / (w(A) + w(B))``.  Before
that the text is folded (:func:`queries.textnorm.fold`), parenthetical qualifiers of two
characters or more are dropped (（含變更）, （不含公路監理）: but 工（公）務車, 預（概）算 stay),
filler words (事項, 相關, 其他, 之, 及 …) become boundaries, and the bigrams of the words every
duty list uses for what is done rather than on what (規劃, 推動, 督導, 法規, 政策 …) weigh a
quarter: without that, 「事業廢棄物管理政策…之研訂、推動、督導」 went to 「事業廢水污染源管理之政策規劃、
法規研擬、推動…」 (水質保護司) rather than to 資源循環署.  A catch-all (其他有關…事項) is compared
only with catch-alls: it tells where the rest went, never where a particular duty did.

:data:`THRESHOLD` (0.30) was read off real pairs, the best match of every duty of
交通部公路總局 (辦事細則 K0010034, 組織法 K0000058) against 交通部公路局 (處務規程 K0000213, 組織法
K0000207), and of 行政院環境保護署 (O0000001, O0010001) against 環境部 (O0000031, O0000032), read
against the texts: at 0.35 and above about nine in ten name the unit that holds the duty now; from
0.30 to 0.35 about two in three; below 0.30 about half (「年度預算編列及管理事項」 of 監理組/企劃科 →
「年度養護預算之分配及審核」 of 養路組, 0.27).  Below the threshold a duty says none, with its closest
candidate.

>>> round(similarity("公路規劃標準之擬訂及協調事項", "公路規劃與規劃標準之擬訂及協調"), 2)
1.0
>>> similarity("其他交辦事項", "其他交辦事項")
0.0
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph_model.errors import UnknownSide
from graph_model.records.ids import document_id, unit_id
from graph_model.records.naming import breadcrumb_of
from graph_model.records.provenance import cite

from .textnorm import fold

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph

THRESHOLD = 0.30  # see the module's docstring: read off real pairs
DOCUMENTS_SHOWN = 4  # documents a side names in the text (--json gives them all)
RENAMED_SHARE = 0.5  # a unit renamed: at least this share of its duties that found a holder went there

# Words that only frame a duty (事項, 相關 …) and the particles that join its parts: boundaries.
_FILLER = re.compile(r"事項|事宜|等|相關|有關|其他|其它|交辦|[之及與暨或並]")
# A parenthetical qualifier of two characters or more: （含變更）, （不含公路監理）, （文件）.
_QUALIFIER = re.compile(r"（[^（）]{2,}）|\([^()]{2,}\)")
# Variants the documents of different decades write (橋樑/橋梁, 計劃/計畫), beside textnorm's.
_VARIANTS = (("樑", "梁"), ("計劃", "計畫"))
# What is done rather than on what: every duty list's words, weighing a quarter of a bigram.
GENERIC = frozenset("規劃 研擬 研訂 擬訂 推動 協調 執行 督導 監督 指導 策劃 審核 審查 管理 政策 方案 計畫 法規 修正 "
                    "解釋 宣導 評估 辦理 處理 業務 蒐集 研析 彙編 考核 管考 整合 運用 維護 本局 本署 本部 所屬 機關"
                    .split())
GENERIC_WEIGHT = 0.25
# A version date at the end of a title: 「…辦事細則（92.04.15 訂定）」, 「…組織法（34.04.29制定）」.
_VERSION = re.compile(r"[（(][^（）()]*(?:訂定|制定|修正|發布|公布)[）)]\s*$")
# The work of a support unit (輔助單位), as 中央行政機關組織基準法 第2條 (A0040004) lists it:
# 「秘書、總務、人事、主計、法制、研考、資訊、政風、公共關係等工作」, with 主計's 會計 and 統計.  Every agency has
# such units, doing the same things: where their duties went says nothing of what the body above them
# became (南投醫院's 人事室 and 政風室 read like 食品藥物管理署's).
SUPPORT_WORK = frozenset("秘書 總務 人事 主計 會計 統計 法制 研考 資訊 政風 公共關係 公關".split())




# --------------------------------------------------------------------------- text
def duty_key(text: str) -> str:
    """The text as compared: folded, qualifiers dropped, filler words turned into boundaries.

    >>> duty_key("政風興革建議事項（不含公路監理）")
    '政風興革建議  '
    """
    text = _QUALIFIER.sub(" ", text)
    for a, b in _VARIANTS:
        text = text.replace(a, b)
    return _FILLER.sub(" ", fold(text))


def bigrams(text: str) -> frozenset[str]:
    """The character bigrams of :func:`duty_key` (none across a boundary)."""
    k = duty_key(text)
    return frozenset(k[i:i + 2] for i in range(len(k) - 1) if " " not in k[i:i + 2])


class _Weights:
    """Bigram weights: ``log(1 + N/df)`` over the texts given, a quarter for :data:`GENERIC` ones."""

    def __init__(self, grams: Iterable[frozenset[str]]):
        grams = list(grams)
        self.n = max(len(grams), 1)
        self.df = Counter(g for gs in grams for g in gs)

        self.memo: dict[str, float] = {}

    def __call__(self, gram: str) -> float:
        w = self.memo.get(gram)
        if w is None:
            w = math.log(1 + self.n / self.df.get(gram, 1))
            w = self.memo[gram] = w * GENERIC_WEIGHT if gram in GENERIC else w
        return w

    def total(self, grams: Iterable[str]) -> float:
        # fsum: the same sum whatever order a set yields its members in (it varies with the hash seed)
        return math.fsum(self(g) for g in grams)


def similarity(a: str, b: str, weights: _Weights | None = None) -> float:
    """Weighted Dice coefficient of the bigrams of two duty texts (0 to 1); 0 when either has none."""
    ga, gb = bigrams(a), bigrams(b)
    if not ga or not gb:
        return 0.0
    weights = weights or _Weights([ga, gb])
    total = weights.total(ga) + weights.total(gb)
    return 2 * weights.total(ga & gb) / total if total else 0.0


# --------------------------------------------------------------------------- result
@dataclass
class Unit:
    """A unit of one side: its path below the side's root (``rel``, "" for the root itself)."""

    id: str
    rel: str
    name: str
    unit_type: str
    source: str  # citation of where the side's documents set it up ("" when only implied)

    def to_dict(self) -> dict:
        return {"id": self.id, "path": self.rel, "name": self.name, "type": self.unit_type, "source": self.source}


@dataclass
class Duty:
    """A duty of one side: the unit holding it, the text and its citation."""

    unit: str  # the holder's id
    rel: str  # the holder's path below the root
    text: str
    source: str
    catch_all: bool = False


@dataclass
class Side:
    """OLD or NEW: what it is (``kind`` agency or document), its root, documents, units and duties."""

    ref: str
    kind: str
    root: str
    label: str
    documents: list[dict]
    units: dict[str, Unit]  # by rel
    duties: list[Duty]

    def to_dict(self) -> dict:
        return {"ref": self.ref, "kind": self.kind, "id": self.root, "name": self.label,
                "documents": self.documents, "units": len(self.units) - 1, "duties": len(self.duties)}


@dataclass
class UnitMatch:
    """An OLD unit and its NEW counterpart: ``how`` is kept or renamed; ``share`` the share of the duties
    of the OLD unit (and of its units) that found a holder in NEW that found it under the NEW one."""

    old: Unit
    new: Unit
    how: str
    share: float | None = None

    def to_dict(self) -> dict:
        out: dict[str, object] = {"old": self.old.to_dict(), "new": self.new.to_dict()}
        if self.share is not None:
            out["duties_there"] = round(self.share, 2)
        return out


@dataclass
class DutyMove:
    """Where one duty of OLD went: the NEW duty most like it, or none (then ``closest`` is the best
    candidate below the threshold)."""

    old: Duty
    new: Duty | None
    score: float
    closest: Duty | None = None
    counterpart: Unit | None = None  # the NEW unit matched to the OLD duty's unit (or its nearest ancestor)
    alike: tuple[str, ...] = ()  # the paths of the NEW units holding a duty as like it as ``new`` (ties)

    def to_dict(self) -> dict:
        out: dict[str, object] = {"old": {"unit": self.old.unit, "path": self.old.rel, "text": self.old.text,
                                          "source": self.old.source, "catch_all": self.old.catch_all}}
        if self.new is not None:
            out["new"] = {"unit": self.new.unit, "path": self.new.rel, "text": self.new.text,
                          "source": self.new.source}
            out["similarity"] = round(self.score, 2)
        else:
            out["new"] = None
            if self.closest is not None:
                out["closest"] = {"unit": self.closest.unit, "path": self.closest.rel, "text": self.closest.text,
                                  "source": self.closest.source, "similarity": round(self.score, 2)}
        out["unit_counterpart"] = {"unit": self.counterpart.id, "path": self.counterpart.rel} \
            if self.counterpart is not None else None
        return out


@dataclass
class Diff:
    old: Side
    new: Side
    kept: list[UnitMatch] = field(default_factory=list)
    renamed: list[UnitMatch] = field(default_factory=list)
    added: list[Unit] = field(default_factory=list)
    dropped: list[Unit] = field(default_factory=list)
    duties: list[DutyMove] = field(default_factory=list)
    threshold: float = THRESHOLD

    def notes(self) -> list[str]:
        """What the reader must know to read the units: a side whose documents set up no unit below its root
        (an agency whose 處務規程 or 辦事細則 is not among them) makes every unit of the other side dropped or
        added, whatever became of it."""
        out = []
        for tag, side, other, what in (("NEW", self.new, self.old, "dropped"), ("OLD", self.old, self.new, "added")):
            if len(side.units) == 1 and len(other.units) > 1:
                out.append(f"{tag} has no units: none of its documents read sets up a unit below "
                           f"{side.label.rpartition(' › ')[2]} (its 處務規程, 辦事細則 or the like is not among them), "
                           f"so every unit of {'OLD' if tag == 'NEW' else 'NEW'} shows as {what}: "
                           f"that says nothing of what became of it")
        return out

    def summary(self) -> dict:
        found = sum(1 for m in self.duties if m.new is not None)
        return {"kept": len(self.kept), "renamed": len(self.renamed), "added": len(self.added),
                "dropped": len(self.dropped), "duties": len(self.duties), "found": found,
                "none": len(self.duties) - found,
                "catch_all_none": sum(1 for m in self.duties if m.old.catch_all and m.new is None)}

    def to_dict(self) -> dict:
        return {"old": self.old.to_dict(), "new": self.new.to_dict(), "threshold": self.threshold,
                "summary": self.summary(), "notes": self.notes(),
                "kept": [m.to_dict() for m in self.kept], "renamed": [m.to_dict() for m in self.renamed],
                "added": [u.to_dict() for u in self.added], "dropped": [u.to_dict() for u in self.dropped],
                "duties": [m.to_dict() for m in self.duties]}


# --------------------------------------------------------------------------- the sides
def _title_family(title: str) -> str:
    return _VERSION.sub("", "".join(title.split()))


def _latest_versions(graph: OrgGraph, docs: Iterable[str]) -> set[str]:
    """Of documents sharing a title (but for a version date), the one updated last."""
    best: dict[str, tuple[str, str]] = {}
    for d in docs:
        node = graph.get(document_id(d)) or {}
        family = _title_family(node.get("title", d))
        key = (node.get("updated", ""), d)
        if family not in best or key > best[family]:
            best[family] = key
    return {d for _, d in best.values()}


def _is_document(graph: OrgGraph, ref: str) -> bool:
    node = graph.get(document_id(ref.strip()))
    return bool(node) and "Document" in node["labels"]


def _side(graph: OrgGraph, ref: str, current: Collection[str] | None) -> Side:
    """The units and duties ``ref`` names: a document's, or an agency's (see the module's docstring)."""
    if _is_document(graph, ref):
        doc = ref.strip()
        uids = {u["id"] for u in graph.units()
                if any(s["doc"] == doc for s in u.get("sources", ()))}
        uids |= {u for u, _, e in graph.edges("HANDLES") if e["doc"] == doc}
        if not uids:
            raise UnknownSide(f"document {doc!r} sets up no unit and lists no duty: nothing to compare")
        # The root: where the units it sets up part (a document may name the ministry above its agency
        # too, 交通部 in 交通部公路總局辦事細則: what is above every other unit is not where they part).
        every = [tuple(graph.node(u)["path"]) for u in uids]
        paths = [p for p in every if not any(len(q) > len(p) and q[:len(p)] == p for q in every)]
        common = list(paths[0])
        for p in paths[1:]:
            n = 0
            while n < min(len(common), len(p)) and common[n] == p[n]:
                n += 1
            common = common[:n]
        if not common:
            raise UnknownSide(f"document {doc!r} sets up units of several organizations: compare agencies instead")
        root = unit_id(common)
        docs = {doc}
        below = [u for u in uids if len(graph.node(u)["path"]) > len(common)
                 and graph.node(u)["path"][:len(common)] == common]
        kind, members = "document", [root, *sorted(below, key=lambda u: graph.node(u)["path"])]
    else:
        root = graph.resolve(ref)
        below = [u for u in graph.descendants(root) if not graph.node(u).get("mentioned")]
        members = [root, *below]
        seen = {s["doc"] for u in members for s in graph.node(u).get("sources", ())}
        seen |= {e["doc"] for u in members for _, e in graph.out(u, "HANDLES")}
        live = {d for d in seen if current is not None and d in current}
        docs = live or _latest_versions(graph, seen)
        kind = "agency"
    root_path = graph.node(root)["path"]
    units: dict[str, Unit] = {}
    duties: list[Duty] = []
    for uid in members:
        node = graph.node(uid)
        held = [(d, e) for d, e in graph.duties_of(uid) if e["doc"] in docs]
        sources = [s for s in node.get("sources", ()) if s["doc"] in docs]
        if uid != root and not sources and not held:
            continue  # set up only by documents this side does not read
        rel = "/".join(node["path"][len(root_path):])
        units[rel] = Unit(uid, rel, node["name"], node.get("unit_type", ""), cite(sources[0]) if sources else "")
        seen_texts = set()
        for d, e in held:
            if d["id"] in seen_texts:
                continue  # one duty written twice for one unit (an org act and its office rules) is one
            seen_texts.add(d["id"])
            duties.append(Duty(uid, rel, d["text"], cite(e), bool(d.get("catch_all"))))
    # A unit read hangs from its parents even where this side's documents do not set them up.
    for rel in list(units):
        while rel:
            rel = _parent(rel)
            if rel not in units:
                path = root_path + rel.split("/")
                node = graph.node(unit_id(path))
                units[rel] = Unit(node["id"], rel, node["name"], node.get("unit_type", ""), "")
    units = dict(sorted(units.items(), key=lambda kv: [graph.node(u.id).get("seq", 0) for u in
                                                       _chain(kv[0], units)]))
    documents = [{"id": d, "title": (graph.get(document_id(d)) or {}).get("title", "")} for d in sorted(docs)]
    return Side(ref, kind, root, breadcrumb_of(root_path), documents, units, duties)


# --------------------------------------------------------------------------- matching
def _parent(rel: str) -> str:
    return rel.rpartition("/")[0]


def _chain(rel: str, units: dict[str, Unit]) -> list[Unit]:
    """The units from the top one below the root down to ``rel`` (for document order)."""
    parts = rel.split("/") if rel else []
    return [units["/".join(parts[:i])] for i in range(len(parts) + 1)]


def _under(rel: str, top: str) -> bool:
    """``rel`` is ``top`` or below it."""
    return rel == top or rel.startswith(top + "/")


def _match_duties(old: Side, new: Side, threshold: float) -> list[DutyMove]:
    weights = _Weights(bigrams(d.text) for d in old.duties + new.duties)
    candidates = [(d, bigrams(d.text)) for d in new.duties]
    totals = [weights.total(g) for _, g in candidates]
    moves = []
    for d in old.duties:
        ga = bigrams(d.text)
        wa = weights.total(ga)
        best, score, alike = None, 0.0, []
        for (c, gb), wb in zip(candidates, totals):
            if c.catch_all != d.catch_all or not ga or not gb:
                continue
            s = 2 * weights.total(ga & gb) / (wa + wb)
            if s > score:  # the first of equals: the NEW duty earlier in its documents
                best, score, alike = c, s, [c.rel]
            elif s == score and best is not None and c.rel not in alike:
                alike.append(c.rel)
        if best is not None and score >= threshold:
            moves.append(DutyMove(d, best, score, alike=tuple(alike)))
        else:
            moves.append(DutyMove(d, None, score, closest=best))
    return moves


def _stem(unit: Unit) -> str:
    """The name without its type word (人事室 → 人事); "" when too little is left to tell units apart."""
    name = unit.name
    if unit.unit_type and name.endswith(unit.unit_type):
        name = name[:-len(unit.unit_type)]
    return name if len(name) >= 2 else ""


def _support(side: Side, rel: str, below: str = "") -> bool:
    """A unit on the way from ``below`` (exclusive) down to ``rel`` (inclusive) does support work
    (:data:`SUPPORT_WORK`)."""
    while rel and rel != below:
        if _stem(side.units[rel]) in SUPPORT_WORK:
            return True
        rel = _parent(rel)
    return False


def _torn(move: DutyMove, cands: list[str]) -> bool:
    """The NEW duties most like ``move``'s are as like it under several candidates: the duty cannot tell
    which it went to (the 分署 of one 署 share their duty texts word for word)."""
    return len({next((c for c in cands if _under(there, c)), None) for there in move.alike}) > 1


def _telling(moves: list[DutyMove], old: Side, new: Side, rel: str, cands: Iterable[str]) -> tuple[int, list[str]]:
    """What the duties below OLD ``rel`` (catch-alls aside) tell of what it became, the NEW units ``cands``
    being its candidates: how many may tell, and where those that found a holder went.  Support work
    (:func:`_support`) tells nothing of the body it is done for: neither the duties of the support units
    below a unit that does not do it nor those whose holder is a support unit within a candidate (or
    outside them all) tell (人事管理事項 goes to whichever agency's 人事室 reads most alike, not to where the body
    went); a support unit that is itself a candidate does (法規委員會's duties in 法制處).  Nor does a duty
    as like NEW duties under several candidates (:func:`_torn`)."""
    cands = list(cands)
    held = [m for m in moves if _under(m.old.rel, rel) and not m.old.catch_all]
    itself = _support(old, rel)  # a support unit: its own duties tell, but not another's support unit's
    n, found = 0, []
    for m in held:
        if (not itself and _support(old, m.old.rel, rel)) or _torn(m, cands):
            continue
        if m.new is not None:
            top = next((c for c in cands if _under(m.new.rel, c)), "")
            if _support(new, m.new.rel, top):
                continue
            found.append(m.new.rel)
        n += 1
    return n, found


def _share(found: list[str], cand: str) -> float | None:
    """The share of ``found`` (:func:`_telling`) below NEW ``cand``."""
    return sum(1 for there in found if _under(there, cand)) / len(found) if found else None


def _match_units(old: Side, new: Side, moves: list[DutyMove]) -> tuple[dict[str, str], dict[str, float | None]]:
    """OLD rel → NEW rel, level by level: the same name under the counterpart of the parent (kept);
    else the same name but for its type word (人事室 → 人事處); else the NEW unit under that
    counterpart (or below it) holding most of the duties below the OLD one
    that found a holder, the support units' aside (:func:`_telling`) (renamed: at least
    :data:`RENAMED_SHARE` of them, and two unless it had one).
    Several OLD units may have gone into one NEW unit (用地組 and 新工組 into 工務組); a name is kept once."""
    counterpart = {"": ""}
    shares: dict[str, float | None] = {}
    taken = {""}
    by_depth = sorted((rel for rel in old.units if rel), key=lambda r: (r.count("/"), r))
    children: dict[str, list[str]] = {}
    for rel in new.units:
        if rel:
            children.setdefault(_parent(rel), []).append(rel)
    for depth in sorted({r.count("/") for r in by_depth}):
        level = [r for r in by_depth if r.count("/") == depth and _parent(r) in counterpart]
        # Kept first: a name kept under the same parent is the same unit whatever its duties say.
        for rel in level:
            name = old.units[rel].name
            for cand in children.get(counterpart[_parent(rel)], ()):
                if new.units[cand].name == name and cand not in taken:
                    counterpart[rel] = cand
                    taken.add(cand)
                    break
        # The same name but for its type word (人事室 → 人事處, 水質保護處 → 水質保護司): renamed.
        for rel in level:
            stem = _stem(old.units[rel])
            for cand in children.get(counterpart[_parent(rel)], ()):  # (level holds units whose parent has one)
                if rel not in counterpart and cand not in taken and stem and _stem(new.units[cand]) == stem:
                    cands = children[counterpart[_parent(rel)]]
                    counterpart[rel], shares[rel] = cand, _share(_telling(moves, old, new, rel, cands)[1], cand)
                    taken.add(cand)
        proposals = []
        for rel in level:
            if rel in counterpart:
                continue
            cands = children.get(counterpart[_parent(rel)], [])
            held, found = _telling(moves, old, new, rel, cands)
            if not found:
                continue
            for cand in cands:  # a NEW unit may take in several
                n = sum(1 for there in found if _under(there, cand))
                # Most of what found a holder is there, and more than one duty unless it had only one.
                if n / len(found) >= RENAMED_SHARE and n >= min(2, held):
                    proposals.append((n / len(found), n, rel, cand))
        for share, _, rel, cand in sorted(proposals, key=lambda p: (-p[0], -p[1], p[2], p[3])):
            if rel not in counterpart:
                counterpart[rel], shares[rel] = cand, share
    return counterpart, shares


def diff(graph: OrgGraph, old: str, new: str, *, current: Collection[str] | None = None,
         threshold: float = THRESHOLD) -> Diff:
    """Compare OLD with NEW (two agencies, or two document ids): see the module's docstring.

    ``current``: the ids of the current government's documents, so that an agency that is current
    is read from its current documents only (``None``: every document of the graph).
    Raises :class:`graph_model.errors.UnknownUnit` / ``AmbiguousUnit`` for a reference that names
    no unit or several, :class:`UnknownSide` for a document with nothing to compare.
    """
    a, b = _side(graph, old, current), _side(graph, new, current)
    moves = _match_duties(a, b, threshold)
    counterpart, shares = _match_units(a, b, moves)
    result = Diff(a, b, threshold=threshold)
    for rel, unit in a.units.items():
        if not rel:
            continue
        if rel in counterpart:
            there = b.units[counterpart[rel]]
            if rel in shares:
                result.renamed.append(UnitMatch(unit, there, "renamed", shares[rel]))
            else:
                result.kept.append(UnitMatch(unit, there, "kept"))
        else:
            result.dropped.append(unit)
    matched = set(counterpart.values())
    result.added = [u for rel, u in b.units.items() if rel and rel not in matched]
    for m in moves:
        rel = m.old.rel
        while rel not in counterpart:
            rel = _parent(rel)
        m.counterpart = b.units[counterpart[rel]]
    result.duties = moves
    return result


# --------------------------------------------------------------------------- text
def _duty_rel(rel: str, side: Side) -> str:
    return rel or side.label.rpartition(" › ")[2]


def render_diff(result: Diff) -> str:
    """The text a planner reads: the two sides, kept, renamed, added, dropped, then every duty of OLD."""
    old, new = result.old, result.new
    s = result.summary()
    lines = [f"{old.label} → {new.label}"]
    for tag, side in (("OLD", old), ("NEW", new)):
        docs = ", ".join(f"{d['id']} {d['title']}".strip() for d in side.documents[:DOCUMENTS_SHOWN])
        more = len(side.documents) - DOCUMENTS_SHOWN
        docs += f" and {more} more (--json lists them)" if more > 0 else ""
        lines.append(f"  {tag}: {len(side.units) - 1} units, {len(side.duties)} duties; {side.kind} read from {docs}")
    notes = result.notes()
    lines.extend(f"  Note: {n}." for n in notes)
    lines.append("")
    lines.append(f"Kept ({len(result.kept)})" + (":" if result.kept else ""))
    for m in result.kept:  # the NEW path too where a parent was renamed (南投醫院/人事室 → 各醫院/人事室)
        there = f" → {m.new.rel}" if m.new.rel != m.old.rel else ""
        lines.append(f"  {m.old.rel}{there}  {m.old.source or '-'} → {m.new.source or '-'}")
    lines.append(f"Renamed ({len(result.renamed)})" + (":" if result.renamed else ""))
    into = Counter(m.new.rel for m in result.renamed)
    for m in result.renamed:
        merged = f", with {'、'.join(o.old.rel for o in result.renamed if o.new.rel == m.new.rel and o is not m)}" \
            if into[m.new.rel] > 1 else ""
        share = "name" if m.share is None else f"{m.share:.0%} of its duties found in NEW are there"
        lines.append(f"  {m.old.rel} → {m.new.rel}  ({share}{merged})  "
                     f"{m.old.source or '-'} → {m.new.source or '-'}")
    unsaid = " (OLD has no units: see the note above)" if result.added and len(old.units) == 1 else ""
    lines.append(f"Added ({len(result.added)}){unsaid}" + (":" if result.added else ""))
    for u in result.added:
        lines.append(f"  {u.rel}  {u.source or '-'}")
    unsaid = " (NEW has no units: see the note above)" if result.dropped and len(new.units) == 1 else ""
    lines.append(f"Dropped ({len(result.dropped)}){unsaid}" + (":" if result.dropped else ""))
    for u in result.dropped:
        lines.append(f"  {u.rel}  {u.source or '-'}")
    lines.append("")
    lines.append(f"Duties of OLD ({s['duties']}): {s['found']} found a holder in NEW (similarity ≥ "
                 f"{result.threshold:.2f}), {s['none']} none ({s['catch_all_none']} of them catch-alls)")
    for move in result.duties:
        lines.append(f"  {_duty_rel(move.old.rel, old)}: {move.old.text}")
        if move.new is not None:
            lines.append(f"    → {_duty_rel(move.new.rel, new)} ({move.score:.2f}): {move.new.text}")
            lines.append(f"      {move.old.source} → {move.new.source}")
        else:
            closest = (f"; closest {move.score:.2f} {_duty_rel(move.closest.rel, new)}: {move.closest.text}"
                       if move.closest else "")
            unit = move.counterpart
            where = f"; its unit is now {unit.rel}" if unit is not None and unit.rel else ""
            lines.append(f"    → none{where}{closest}")
            lines.append(f"      {move.old.source}")
    return "\n".join(lines)

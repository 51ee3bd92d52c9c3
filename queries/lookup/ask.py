"""A planner's question answered across the whole government: scope, level and vocabulary.

The stages, each visible and pure:

1. :func:`analyse` reads the question: an agency it names (by name, the name the documents
   give it, a reviewed short name or the initials rule of :mod:`queries.lookup.vocabulary`) becomes
   the *scope*; 「哪個機關」 asks at the *agency level*; everyday words of the planner vocabulary
   give *variants* of the question in the documents' words.
2. A backend answers every variant (``search(text, agency=…)`` returning
   :class:`queries.lookup.which.Hit` lists: the embedded index or Neo4j — both rank alike).
3. :func:`merge` keeps each unit's best answer: a variant counts for a little less than the
   question as asked (:data:`SYNONYM_WEIGHT`), so that the documents' own words win a tie.
4. Inside the scope first; when nothing there matches, the whole government, and the answer says so.
   At the agency level, each unit answers through its agency.

>>> from graph_model.store.store import open_store
>>> g = open_store("/nonexistent/store.json").graph()   # the bundled corpus
>>> a = ask_graph(g, "關務署哪個單位管保稅工廠？", top=1)
>>> a.scope.units, a.hits[0].unit["id"].startswith("財政部/關務署/")
(['財政部/關務署'], True)
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from queries.textnorm import clean_query, fold

from .explanation import adjusted
from .former import FORMER, former_scope
from .ranking import keep_ties
from .vocabulary import AGENCY_TYPES, Catalog, Synonym, synonyms_in

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph

    from .search import Index
    from .which import Hit

SYNONYM_WEIGHT = 0.9  # a variant in the documents' words, against the question as asked
BELOW_NAMED, NAMED_SHARE = 0.5, 0.99  # a unit found by its name, under a unit below it charged with the matter
ONE_WORD = 2  # query characters in common that answer inside a named agency (the search's partial_chars)
MAX_VARIANTS = 8
# A grievance (申訴, 陳情, 檢舉 …) is handled by the body whose service it is about: the words around it are the scene
# that finds that body, the grievance what to ask inside it (in the documents' words when it says none).
GRIEVANCE = re.compile("申訴|陳情|檢舉|投訴|客訴|反映")
GRIEVANCE_WORDS = ("申訴", "陳情")

# Questions asking which agency (機關, 部會; 誰主管, the verb: 「由誰主管」, not 「誰的主管」), not which unit inside
# one.  The type word is no agency's where it begins another word (哪個部門: a unit; 哪個會議, 哪個會計: no such body);
# 中央, 政府 before it say which kind of agency, not what it handles (哪個中央機關).
AGENCY_LEVEL = re.compile(r"(?:哪|什麼|甚麼|何)(?:一|個|些)?(?:個)?(?:中央|政府|公家)?"
                          r"(?:機關|部會|政府機關|主管機關|部|會|署|局)(?!處|室|組|科|門|議|計)|主管機關|誰主管")
# Questions asking which unit (哪個處, 哪一個單位): a meeting (graph_model.graph.meetings) is none, while 哪個會議,
# 在哪裡討論, 由誰決定 may have one as the answer.
UNIT_LEVEL = re.compile(r"(?:哪|什麼|甚麼|何)(?:一|個|些)?(?:個)?(?:單位|部門|處|室|組|科|課|股|司|中心)")
# 「誰」 after naming a body asks who inside it (內政部誰管戶籍: its 戶政司), as 「哪個單位」 does.
WHO = re.compile("誰")
# What is left of a question around its content once the question words are gone: 「管」 right after
# a scope or a question word (衛福部哪個單位管長照 → 長照), the place and the errand of 要去哪裡 / 要向誰 /
# 可以去哪問 / 會從哪裡來, and a part that is only an errand (要去哪裡辦, 怎麼辦, 誰在做, 是在哪裡討論).
LEFTOVER = re.compile(r"^(?:的|之)?(?:在)?管(?![理制考轄控])|(?:要|該|可以|應該|得)(?:去|到|找|向|跟)$"
                       r"|會從$|(?:要|該|可以|應該|得)?去哪(?:問|辦|找)?$"
                       r"|^(?:是|要|該|可以|會)?(?:在|去|到|從)?(?:辦|問|做|來)$|^是在$")

# Inside the body a question names, 「公司裡」, 「署裡」, 「醫院內」 is that body again, not words of the matter.
_INSIDE_NAMED = re.compile(r"(?:公司|醫院|機關|機構|部|署|局|會|院|館|處|所|室|中心)(?:裡面|裡頭|裡|內)(?!容|部|政|閣)")


@dataclass(frozen=True)
class Scope:
    """The agency a question names: as written, how it was recognised, and the units it means."""

    written: str
    how: str  # "name", "short name (agencies.tsv:12)", "initials of 疾病管制署"
    units: list[str]
    wider: Scope | None = None  # the widest bodies named, where the question also names units inside them

    def to_dict(self) -> dict:
        return {"written": self.written, "how": self.how, "units": list(self.units),
                "wider": self.wider.to_dict() if self.wider else None}

    def chain(self) -> list[Scope]:
        """This scope, then each wider one: where to look next when nothing inside matches."""
        return [self] + (self.wider.chain() if self.wider else [])


@dataclass(frozen=True)
class Variant:
    text: str
    weight: float
    synonyms: tuple[Synonym, ...] = ()
    words: tuple[tuple[str, str], ...] = ()  # (everyday term, the documents' word put in its place)


@dataclass
class Question:
    text: str
    content: str  # the question with its scope taken out
    scope: Scope | None
    level: str  # "unit" | "agency"
    variants: list[Variant]
    named: Scope | None = None  # the body the question names and nothing else: asked by its own name
    # the question asks inside the body it names (公司裡哪個部門): answered there, partly if need be
    inside: bool = False


@dataclass
class Answer:
    """Hits with how the question was read: where it was answered, and notes for the reader."""

    question: Question
    hits: list = field(default_factory=list)
    scope: Scope | None = None  # the scope the hits come from (None: the whole government)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # about the answer's source, for stderr

    def to_dict(self) -> dict:
        q = self.question
        return {"query": q.text, "scope": self.scope.to_dict() if self.scope else None, "level": q.level,
                "variants": [{"text": v.text, "synonyms": [s.to_dict() for s in v.synonyms]} for v in q.variants],
                "notes": self.notes, "hits": [h.to_dict() for h in self.hits]}


def _narrowest(ids: list[str]) -> list[str]:
    """Of several units, those with no other of them below: 衛福部疾管署 means 疾管署."""
    return [u for u in ids if not any(o != u and o.startswith(u + "/") for o in ids)]


def _widest(ids: list[str]) -> list[str]:
    """Of several units, those with no other of them above: 中研院院本部 is inside 中研院."""
    return [u for u in ids if not any(o != u and u.startswith(o + "/") for o in ids)]


def _scope_of(found: list[tuple[str, int, list[str], str]]) -> Scope:
    """The narrowest units the names found mean; when some name a body inside another named one, the
    widest named bodies are where to look next (中研院院本部: 院本部, then 中研院)."""
    found = sorted(found, key=lambda f: f[1])
    ids = [u for *_, units, _how in found for u in units]
    narrow, wide = _narrowest(ids), _widest(ids)
    written = "、".join(f[0] for f in found)
    if sorted(narrow) == sorted(wide):
        return Scope(written, found[0][3], narrow)
    inner = [f for f in found if any(u in narrow for u in f[2])]
    outer = [f for f in found if any(u in wide for u in f[2])]
    return Scope("、".join(f[0] for f in inner), inner[0][3], narrow,
                 Scope("、".join(f[0] for f in outer), outer[0][3], wide))


# --------------------------------------------------------------------------- reading the question
def analyse(text: str, cat: Catalog, triggers=None, known=None) -> Question:
    """Scope, level and variants of a question (see the module's docstring); ``triggers`` as for
    :func:`queries.textnorm.fold`; ``known(bigram)``: does any text of the graph hold it (short forms by the
    initials rule are read only where the backend says, :meth:`Catalog.initials_in`)."""
    key = fold(text, triggers)
    level = "agency" if AGENCY_LEVEL.search(key) else "unit"
    key = clean_query(text, triggers)
    scope, content = None, key
    found = []
    for name in sorted(cat.names, key=len, reverse=True):
        at = content.find(name)
        if at >= 0 and len(name) >= 3:
            found.append((_as_typed(name, text), at, cat.names[name][0], cat.names[name][1]))
            content = content[:at] + " " + content[at + len(name):]
    at = 0
    while at < len(content) - 2:
        short = cat.abbreviated(content, at)
        if short is None:
            at += 1
            continue
        former = former_scope(cat, short[2])  # 農委會: a body that no longer exists, by its successor's
        how = former.replace(f"{FORMER}{short[2]} ", f"{FORMER}{short[0]} ({short[2]}) ", 1) if former else \
            f"abbreviation of {short[2]}"
        found.append((short[0], at, short[1], how))
        content = content[:at] + " " + content[at + len(short[0]):]
    if found and len(re.sub(r"\W", "", content)) >= 2:
        scope = _scope_of(found)
    elif len(found) == 1 and len(found[0][2]) == 1 and not re.sub(r"\W", "", content):
        # Only a short name (金管會, NCC): asked as the name it stands for, which finds the body by its name,
        # where its characters alone match anything (金管會 in 「主管會報」)
        named = Scope(found[0][0], found[0][3], found[0][2])
        content = fold(found[0][2][0].rsplit("/", 1)[-1], triggers)
        return Question(text, content, None, level, variants_of(content, vocabulary_for(content, cat, known)), named)
    else:
        content = key
    inside = scope is not None and bool(_INSIDE_NAMED.search(content))
    if inside:
        content = _INSIDE_NAMED.sub(" ", content)
    content = " ".join(LEFTOVER.sub("", p) for p in content.split())
    content = " ".join(content.split()) or key
    return Question(text, content, scope, level, variants_of(content, vocabulary_for(content, cat, known)),
                    inside=inside)


def unscoped_content(text: str, triggers=None) -> str:
    """The question's content read without a scope (--agency gives it, the chart has none): its question words
    and the errand left around them gone as :func:`analyse` drops them (哪個機關管觀光 → 觀光: 「管」 is no word of
    the matter, and a text that lacks it would fail the coverage)."""
    key = " ".join(fold(text, triggers).split())
    content = " ".join(" ".join(LEFTOVER.sub("", p) for p in clean_query(text, triggers).split()).split())
    return content if len(content.replace(" ", "")) >= 2 else key


def _as_typed(name: str, text: str) -> str:
    """A folded name as the question wrote it (NCC, not ncc), where folding changed only its letters' case.

    >>> _as_typed("ncc", "NCC哪個單位管電視節目"), _as_typed("金管會", "金管會")
    ('NCC', '金管會')
    """
    import unicodedata
    typed = re.search(re.escape(name), unicodedata.normalize("NFKC", text), re.I)
    return typed.group(0) if typed else name


def vocabulary_for(content: str, cat: Catalog, known=None) -> tuple[Synonym, ...]:
    """The catalog's vocabulary, and the short forms by the initials rule the content holds."""
    ruled = cat.initials_in(content, known) if known is not None else ()
    return tuple(sorted(cat.synonyms + ruled, key=lambda s: (-len(s.term), s.term))) if ruled else cat.synonyms


def variants_of(content: str, vocabulary: Sequence[Synonym] = ()) -> list[Variant]:
    """The question as asked, then in the documents' words: each vocabulary term replaced by each of
    its document terms, one term at a time, then all terms at once (first choices)."""
    out = [Variant(content, 1.0)]
    found = synonyms_in(content, vocabulary)
    # (a short form's documents' word is the same thing written out: no narrower kind, and a unit named by it is
    # named by the question's word — 勞保 for 勞工保險局; ranking.weigh_equivalents, ranking.rank's reworded)
    for s in found:
        for word in s.replacements:
            out.append(Variant(content.replace(s.term, " " + word + " "), SYNONYM_WEIGHT, (s,),
                               () if s.short_form else ((s.term, word),)))
    if len(found) > 1:
        text = content
        for s in found:
            text = text.replace(s.term, " " + s.replacements[0] + " ")
        out.append(Variant(text, SYNONYM_WEIGHT, tuple(found),
                           tuple((s.term, s.replacements[0]) for s in found if not s.short_form)))
    return out[:MAX_VARIANTS]


# --------------------------------------------------------------------------- answering
Search = Callable[..., list]  # search(text, *, agency, unit_type, top, explain) -> list[Hit]


def merge(answers: list[tuple[Variant, list]], top: int | None, triggers=None) -> list:
    """Each unit once, with its best answer over the variants (score × the variant's weight); units
    found as asked by some variant outrank partial matches of others."""
    best: dict[str, tuple[float, Hit, Variant]] = {}
    answers = [(v, [h for h in hits if says(h, v, triggers)]) for v, hits in answers]
    full = any(not h.partial for _, hits in answers for h in hits)
    for variant, hits in answers:
        for h in hits:
            if full and h.partial:
                continue
            score = h.score * variant.weight
            if h.unit["id"] not in best or score > best[h.unit["id"]][0]:
                best[h.unit["id"]] = (score, h, variant)
    merged = []
    for score, h, variant in best.values():
        explain = adjusted(h.explain, weight=variant.weight) if variant.weight != 1 else h.explain
        merged.append(replace(h, score=score, synonyms=[s.to_dict() for s in variant.synonyms], explain=explain))
    merged.sort(key=lambda h: (-round(h.score, 9), _signature(h)[1:], h.unit["id"]))
    return regroup(keep_ties(merged, top, lambda h: h.score))


def _signature(h) -> tuple:
    """Hits sharing one statement (one duty, several units) group together; a match on a unit's own
    name is that unit's alone."""
    first = h.evidence[0] if h.evidence else None
    own = h.unit["id"] if first is None or first.kind == "unit" else ""
    return round(h.score, 9), first.text if first else "", own


def says(hit, variant: Variant, triggers=None) -> bool:
    """Does the hit's evidence hold the documents' word the variant put in (one of each of its
    synonyms)?  Without it the variant only dropped the question's own word (手機維修 → 行動通信 維修
    matching 宿舍維修).  A word is held when one text has more than half of the bigrams it brings
    (those the everyday term had not): 原住民族語言 in 「原住民族教育、文化、語言…」."""
    if not variant.synonyms:
        return True
    texts = [e.key or fold(e.text, triggers) for e in hit.evidence]  # the index's own key: no OpenCC
    return all(any(holds(t, w, s.term) for w in s.replacements for t in texts) for s in variant.synonyms)


def bigrams(word: str) -> set[str]:
    return {word[i:i + 2] for i in range(len(word) - 1) if " " not in word[i:i + 2]}


def holds(text: str, word: str, term: str) -> bool:
    """Has ``text`` more than half of the bigrams ``word`` brings beside ``term``'s own?"""
    new = bigrams(word) - bigrams(term)
    if not new:
        return word in text
    return 2 * sum(1 for g in new if g in text) > len(new)


def regroup(hits: list) -> list:
    """Group numbers again: hits with the same score and the same first evidence share one."""
    group, previous = 0, None
    for h in hits:
        signature = _signature(h)
        if previous is not None and signature != previous:
            group += 1
        previous = signature
        h.group = group
    return hits


def named_below(hits: list) -> list:
    """A unit found only by its name goes below a unit under it that is charged with the matter in its
    duties, if that one scores at least :data:`BELOW_NAMED` of it: 國道工程職安 names 高速公路局, and its
    勞安科 keeps 「國道相關工程職業安全…」 — the name tells where, the duty who.  A unit whose own duty holds the
    matter too (各榮民服務處's 「…服務資源之連結及轉介」) is not found by its name only: it keeps its place."""
    out = list(hits)
    for i, h in enumerate(hits):
        if not h.evidence or h.evidence[0].kind != "unit" or any(e.kind != "unit" for e in h.evidence[1:]):
            continue
        below = [d for d in hits if d.unit["id"].startswith(h.unit["id"] + "/") and d.evidence
                 and d.evidence[0].kind != "unit" and d.score >= BELOW_NAMED * h.score]
        if below:
            first = max(below, key=lambda d: d.score)
            if first.score * NAMED_SHARE < h.score:
                out[i] = replace(h, score=first.score * NAMED_SHARE,
                                 explain=adjusted(h.explain, below=first.unit["id"]))
    out.sort(key=lambda h: (-round(h.score, 9), _signature(h)[1:], h.unit["id"]))
    return regroup(out)


def frame_below(hits: list, scope: Scope) -> list:
    """Asked which unit of the body it names (「教育部哪個單位負責大學的高等教育政策？」), the body itself is the
    question's frame, not its answer: it goes just below the best unit inside it that matches (高等教育司), as a
    unit found by its name goes below one under it charged with the matter (:func:`named_below`)."""
    bodies = set(scope.units)
    inside = [h for h in hits if any(h.unit["id"].startswith(b + "/") for b in bodies)]
    if not inside:
        return hits
    first = max(inside, key=lambda h: h.score)
    out = [replace(h, score=first.score * NAMED_SHARE, explain=adjusted(h.explain, frame=first.unit["id"]))
           if h.unit["id"] in bodies and h.score > first.score * NAMED_SHARE else h for h in hits]
    out.sort(key=lambda h: (-round(h.score, 9), _signature(h)[1:], h.unit["id"]))
    return regroup(out)


def own_units_first(hits: list, scope: Scope, cat: Catalog) -> list:
    """Asked which unit of a 院 (「監察院哪個單位負責…新聞發布？」, 「司法院哪個單位主管少年及家事事件…」), the 院's own
    units answer (its 處, 廳, 室, set up by its own act), before the units of the bodies under it that are agencies
    of their own (審計部 and its 審計處s' 秘書室, 少年及家事法院): each such unit scoring above the best of the
    院's own that matches goes just below it (× ``NAMED_SHARE``), where that one scores at least ``BELOW_NAMED`` of
    it."""
    courts = [b for b in scope.units if "/" not in b]
    if not courts:
        return hits

    def own(uid: str) -> bool:
        parts = uid.split("/")
        return any(parts[0] == c for c in courts) and len(parts) > 1 and "/".join(parts[:2]) not in cat.agencies

    mine = [h for h in hits if own(h.unit["id"])]
    if not mine:
        return hits
    first = max(mine, key=lambda h: h.score)
    out = [replace(h, score=first.score * NAMED_SHARE, explain=adjusted(h.explain, frame=first.unit["id"]))
           if h.unit["id"].split("/")[0] in courts and h.unit["id"] not in courts and not own(h.unit["id"])
           and h.score > first.score * NAMED_SHARE and first.score >= BELOW_NAMED * h.score else h for h in hits]
    out.sort(key=lambda h: (-round(h.score, 9), _signature(h)[1:], h.unit["id"]))
    return regroup(out)


def job_first(hits: list, content: str, every: Callable[[], list], triggers=None) -> list:
    """A first answer that is one section copied under several members of a family (「各分署」 each with its
    自辦訓練科 「技能檢定、競賽之辦理…」) answers for one member's area only; unless the question names a member
    (花蓮, 臺中), the body whose job it is goes first — the family (各分署 「技能檢定、技能競賽及選手培訓工作之
    推動」) where its duties hold the matter, else a unit of the body above the members that is none of them
    and whose statement holds every word of the question the copies' does (審計部's 第五廳 「各機關函請解釋有關
    財物審計法令之擬復」 over each 審計處's 第五科 「所管機關函請解釋…」), else that body where its own statement
    does; a unit or the body scoring at least :data:`BELOW_NAMED` of the copies (審計部's 「…財務收支及審定決算」 is
    no 「財務收支之抽查」): just above the copies, which follow it (looked for in ``every()``: the question's answers
    uncut).  A grievance (職訓學員申訴)
    is the member's own: its copy that takes them stays first (:func:`grievance_inside`)."""
    if not hits or GRIEVANCE.search(content):
        return hits
    lead = _signature(hits[0])[:2]
    group = [h.unit["id"].split("/") for h in hits if _signature(h)[:2] == lead]
    depth = next((i for i in range(min(map(len, group))) if len({p[i] for p in group}) > 1), 0)
    members = {p[depth] for p in group if depth and len(p) == depth + 2}
    if len(members) < 2 or any(place in content for place in _places([fold(m, triggers) for m in members])):
        return hits
    above = "/".join(group[0][:depth])
    from graph_model.graph.succession_edges import FAMILY  # 各分署, 各區水資源分署: the bodies of one kind (imported
    # here: the graph's succession code is not needed to answer most questions)

    words = {b for part in content.split() for b in bigrams(part)}

    def asked(h) -> set[str]:  # the question's words its first statement holds
        return words & {b for part in fold(h.evidence[0].text, triggers).split() for b in bigrams(part)}

    job = [h for h in every() if h.evidence and h.evidence[0].kind != "unit" and (
        (h.unit["id"] == above and h.score >= BELOW_NAMED * hits[0].score)
        or (h.unit["id"].rsplit("/", 1)[0] == above and FAMILY.match(h.unit["name"]))
        or (h.unit["id"].rsplit("/", 1)[0] == above and h.unit["id"].split("/")[depth] not in members
            and _signature(h)[:2] != lead and h.score >= BELOW_NAMED * hits[0].score and asked(hits[0]) <= asked(h)))]
    if not job:
        return hits
    best = max(job, key=lambda h: (bool(FAMILY.match(h.unit["name"])), h.unit["id"] != above, h.score))
    raised = replace(best, score=hits[0].score / NAMED_SHARE, explain=adjusted(best.explain, job=len(members)))
    return regroup([raised] + [h for h in hits if h.unit["id"] != best.unit["id"]])


def _places(names: list[str]) -> list[str]:
    """The members' names before the ending they share, two characters at least: 中彰投分署, 雲嘉南分署 → 中彰投,
    雲嘉南; 北區水資源分署, 中區水資源分署 → 北區, 中區; 臺中關, 基隆關 → 臺中, 基隆."""
    shared = os.path.commonprefix([n[::-1] for n in names])
    return [n[:max(len(n) - len(shared), 2)] for n in names]


def by_agency(hits: list, cat: Catalog, top: int | None) -> list:
    """At the agency level: each hit answers through its agency; an agency once, at its best."""
    out: dict[str, object] = {}
    for h in hits:
        aid = cat.agency_of(h.unit["path"])
        if aid in out:
            continue
        if aid != h.unit["id"]:
            path = h.unit["path"][:aid.count("/") + 1]
            unit = {"id": aid, "name": path[-1], "path": path, "type": "", "kind": "Agency"}
            h = replace(h, unit=unit, through=h.unit["id"])
        out[aid] = h
    return regroup(keep_ties(list(out.values()), top, lambda h: h.score))


def matter_named_first(hits: list, scope: Scope, content: str, cat: Catalog, triggers=None) -> list:
    """Asked which agency inside a body named, an agency of it whose own name is the question's matter comes first
    (金管會哪個局管保險公司: 保險局, before 銀行局 through 「中央存款保險公司之管理」, one company's name): the body
    named its agencies for their matters (保險局, 國庫局, 漁業署): it goes just above the first answer, says why."""
    lifted = [h for h in hits if h.unit["id"] in cat.agencies and h.unit["id"] not in scope.units
              and any(h.unit["id"].startswith(u + "/") for u in scope.units)
              and len(stem := _stem(fold(h.unit["name"], triggers))) >= 2 and stem in content]
    ids = {h.unit["id"] for h in lifted}
    if not lifted or hits[0].unit["id"] in ids:
        return hits
    raised = [replace(h, score=hits[0].score / NAMED_SHARE,
                      explain=adjusted(h.explain, matter=_stem(fold(h.unit["name"], triggers)))) for h in lifted]
    return regroup(raised + [h for h in hits if h.unit["id"] not in ids])


def grievance_inside(hits: list, content: str, search: Search, cat: Catalog, unit_type: str | None,
                     explain: bool, triggers=None) -> list:
    """A question bringing a grievance (「在雲嘉南上職訓課程不滿意想申訴」) whose first answer is found by the scene
    alone (a unit whose evidence says nothing of grievances: 雲嘉南分署's 自辦訓練科 「職業訓練課程…」): the unit of
    the body it lies in that handles grievances goes just above it (its 綜合規劃科 「參訓學員、民眾申訴案件…」) —
    asked by the question's own word, else by the documents' 申訴, 陳情.  A first answer that is an agency, or lies
    right under a branch (行政院 › 消費者保護處), has no body of its own to ask inside."""
    found = GRIEVANCE.search(content)
    if not found or not hits or hits[0].partial:
        return hits
    first = hits[0]
    body = first.unit["id"].rsplit("/", 1)[0]
    if "/" not in body or first.unit["id"] in cat.agencies or any(
            GRIEVANCE.search(fold(e.text, triggers)) for e in first.evidence):
        return hits
    for word in dict.fromkeys((found.group(0),) + GRIEVANCE_WORDS):
        inside = [h for h in search(word, agency=body, unit_type=unit_type, top=1, explain=explain)
                  if not h.partial and h.unit["id"] != body]
        if inside:
            raised = replace(inside[0], score=first.score / NAMED_SHARE,
                             explain=adjusted(inside[0].explain, grievance=body))
            return regroup([raised] + [h for h in hits if h.unit["id"] != raised.unit["id"]])
    return hits


def _stem(name: str) -> str:
    """An agency's name before its type word: 保險局 → 保險, 數位產業署 → 數位產業."""
    word = next((w for w in sorted(AGENCY_TYPES, key=len, reverse=True) if name.endswith(w)), "")
    return name[:len(name) - len(word)] if word else ""


def ask(search: Search, text: str, cat: Catalog, *, agency: str | None = None, unit_type: str | None = None,
        top: int | None = 10, explain: bool = False, triggers=None, read_scope: bool = True, known=None) -> Answer:
    """Answer a question with ``search`` (a backend), inside the agency it names first (unless
    ``agency`` is given, or ``read_scope`` is false: the HTML chart's search reads no scope)."""
    q = analyse(text, cat, triggers, known)
    named = cat.names.get(" ".join(fold(agency, triggers).split())) if agency else None
    if named and len(named[0]) == 1:  # --agency 金管會: a short name a question may use names the body here too
        agency = named[0][0]
    if agency is not None or not read_scope:  # --agency is the scope; the question's own naming is not
        key = unscoped_content(text, triggers)
        q = Question(q.text, key, None, q.level, variants_of(key, vocabulary_for(key, cat, known)))
    answer = Answer(q)
    width = None if top is None else top * 3

    used: list = [None, False]  # the scope and looseness of the search that gave the answers (:func:`job_first`)

    def run(scope_ids: list[str] | None, loose: bool = False, whole: bool = False) -> list:
        answers = []
        for v in q.variants:
            extra: dict = {"partial_chars": ONE_WORD} if loose else {}
            if v.words:
                extra["equivalents"] = v.words
            refs: list[str | None] = list(scope_ids) if scope_ids else [agency]
            hits = []
            for ref in refs:
                hits += search(v.text, agency=ref, unit_type=unit_type, top=None if whole else width, explain=explain,
                               **extra)
            answers.append((v, hits))
        merged = merge(answers, None, triggers)
        if merged and not whole:
            used[:] = [scope_ids, loose]
        return merged

    # The agency the planner named comes first, even where it shares only some of the question's words
    # with the text (partial); then the wider body it lies in, if the question names one; the whole
    # government answers only when nothing inside any of them does.
    # A body that no longer exists, named: what became of it, before anything else is said
    formers = [s for s in (q.scope.chain() if q.scope else []) if s.how.startswith(FORMER)]
    if q.named is not None and q.named.how.startswith(FORMER):  # 行政院衛生署 alone: its successor, by its name
        answer.notes.append(f"{former_note(q.named)} — answered by {where(q.named)} itself.")
    hits: list = []
    first: list = []  # answers before the ranked ones: the body named, where nothing inside it is in the documents
    missed: list[Scope] = []
    for scope in q.scope.chain() if q.scope else []:
        hits = run(scope.units)
        if hits and missed and all(h.partial for h in hits):
            # the wider body shares only some words with the question: the body named inside it comes first,
            # by the units of its own that share a word (陸委會香港辦事處哪個組…經濟: its 經濟組)
            inner = next(((m, loose) for m in missed if (loose := run(m.units, loose=True))), None)
            if inner is not None:
                (scope, hits), missed = inner, missed[:missed.index(inner[0])]
        if hits:
            answer.scope = scope
            answer.notes += [f"{former_note(s)}." for s in formers if s is not scope]
            answer.notes += [f"Nothing inside {where(m)} matches." for m in missed]
            answer.notes.append(f"{former_note(scope)} — answered inside {where(scope)}." if scope in formers else
                                f"Inside {scope.written} (named in the question).")
            break
        missed.append(scope)
    if not hits:
        answer.notes += [f"{former_note(s)}." for s in formers]
    if not hits:
        hits = run(None)
        # Inside the agency named, one word in common is an answer (公關窗口 for its 公共關係), where it
        # would be chance across the whole government — unless the government has the question whole and the
        # question did not ask inside the body (署裡哪個單位).
        for scope in missed if q.inside or not any(not h.partial for h in hits) else []:
            loose = run(scope.units, loose=True)
            if loose:
                hits, answer.scope = loose, scope
                said = "its successor" if scope in formers else "named in the question"
                answer.notes.append(f"Inside {where(scope)} ({said}), units sharing a word with it:")
                break
        else:
            undivided = next((m for m in missed if not any(u in cat.divided for u in m.units)), None)
            if undivided is not None:
                # A body set up by its act alone (NCC; 國發會, whose 處 no document sets up): the planner asked
                # inside it, and its inner units are in no document — the body itself answers, then the rest
                body = _bodies(search, undivided, unit_type, explain)
                if body:
                    answer.scope, first = undivided, body
                    answer.notes.append(f"Nothing inside {where(undivided)} matches, and no document loaded sets up "
                                        f"its units: {where(undivided)} itself, then the whole government:")
            elif missed:
                answer.notes.append(f"Nothing inside {where(missed[-1])} matches; the whole government:")
    units = [h for h in hits if h.unit.get("kind") != "Meeting"] if UNIT_LEVEL.search(text) else hits
    hits = units or hits  # (a meeting is still an answer where no unit is)
    if q.level == "agency":
        hits = by_agency(hits, cat, top)
        if answer.scope is not None:
            hits = matter_named_first(hits, answer.scope, q.content, cat, triggers)
    else:
        hits = named_below(hits)
        if answer.scope is not None and (UNIT_LEVEL.search(text) or WHO.search(text)):
            hits = own_units_first(frame_below(hits, answer.scope), answer.scope, cat)
        if answer.scope is None:
            hits = grievance_inside(hits, q.content, search, cat, unit_type, explain, triggers)
        hits = job_first(hits, q.content, lambda: run(used[0], used[1], whole=True), triggers)
    above = above_named(q, text, cat, triggers)
    if above is not None:
        # 「能源署、水利署、智慧局這些機關上面是誰在督導？」: the body above those named answers first, by the line that
        # sets it up; then what the question's words find, as read without it
        body = _bodies(search, Scope(above.rsplit("/", 1)[-1], "above", [above]), unit_type, explain)
        if body:
            first = body + [b for b in first if b.unit["id"] != above]
            answer.notes.insert(0, f"Above {q.scope.written if q.scope else ''}: {above.rsplit('/', 1)[-1]}.")
    hits = keep_ties([h for h in hits if h.unit["id"] not in {b.unit["id"] for b in first}],
                     None if top is None else max(top - len(first), 1), lambda h: h.score)
    answer.hits = regroup(first + hits)
    return answer


# A question asking for the body above the bodies it names: 「…這些機關上面是誰」, 「…的上級機關」, 「…隸屬於哪個部會」.
ABOVE = re.compile(r"^(?:的|之|等|這些|這幾個|那些)?(?:機關|單位)?(?:的)?(?:上面|上級|隸屬|屬於|歸屬)(?:於)?"
                   r"(?:機關|單位|部會)?(?:是|為)?(?:誰|哪|何|什麼)")


def above_named(q: Question, text: str, cat: Catalog, triggers=None) -> str | None:
    """The agency above every body the question names, when it asks for it right after naming them (ABOVE)."""
    if q.scope is None or q.scope.how.startswith(FORMER):  # (a former body's successor is not what was above it)
        return None
    key = "".join(fold(text, triggers).split())
    names = [n for n in (fold(w, triggers) for w in q.scope.written.split("、")) if n in key]
    if not names or not ABOVE.match(key[max(key.rfind(n) + len(n) for n in names):]):
        return None
    paths = [u.split("/") for u in q.scope.units]
    common = next((paths[0][:i] for i in range(min(map(len, paths)) - 1, 0, -1)
                   if all(p[:i] == paths[0][:i] for p in paths)), [])
    return cat.agency_of(common) if common else None


def former_note(scope: Scope) -> str:
    """What became of a body named that no longer exists: 「衛生署 is now 衛生福利部 (since 2013-07-23)」 (the scope's
    how without where it is said)."""
    return scope.how.removeprefix(FORMER).rsplit(", ", 1)[0]


def where(scope: Scope) -> str:
    """The bodies a scope is answered in, as the answer names them: a body that no longer exists by its successors'
    names (衛生署 → 衛生福利部), another as the question wrote it."""
    if scope.how.startswith(FORMER):
        return "、".join(dict.fromkeys(u.rsplit("/", 1)[-1] for u in scope.units))
    return scope.written


def _bodies(search: Search, scope: Scope, unit_type: str | None, explain: bool) -> list:
    """The bodies of a scope, each found by its own name inside itself (the line that sets it up)."""
    out = []
    for uid in scope.units:
        name = uid.rsplit("/", 1)[-1]
        out += [h for h in search(name, agency=uid, unit_type=unit_type, top=10, explain=explain)
                if h.unit["id"] == uid][:1]
    return out


def ask_graph(graph: OrgGraph | Index, text: str, **options) -> Answer:
    """:func:`ask` over a graph's (or an index's) embedded lookup."""
    from .which import index_of, which
    index = index_of(graph)

    def search(query, **kw):
        return which(index, query, **kw)
    return ask(search, text, index.catalog, triggers=index._trigger_set, known=index.postings.__contains__, **options)


def render_reading(answer: Answer, history: bool = False) -> list[str]:
    """How the question was read (for ``--explain``): from which government, its content, scope, level
    and wordings."""
    q = answer.question
    lines = ["Answered from every document loaded, abolished and superseded ones too." if history else
             "Answered from the current government (orggraph --all which …: with abolished and superseded bodies)."]
    lines.append(f"Read as: 「{q.content}」" + (", asked at the agency level" if q.level == "agency" else ""))
    if q.named:
        lines.append(f"Named: {q.named.written} = {', '.join(q.named.units)} ({q.named.how}): asked by its name")
    if q.scope:
        lines.append("Scope: " + "; then ".join(f"{s.written} = {', '.join(s.units)} ({s.how})"
                                                for s in q.scope.chain()))
    for v in q.variants[1:]:
        pairs = "; ".join(f"{s.term} → {'、'.join(s.replacements)} ({s.source}: {s.reason})" for s in v.synonyms)
        lines.append(f"Also asked as 「{v.text.strip()}」: {pairs}")
    return lines

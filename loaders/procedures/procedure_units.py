"""Units named as acting in procedure text, resolved to unit paths, with their role.

A procedure says who acts in running prose: 「送國際貿易局核辦」, 「由本部人事處協助
發函」, 「函送行政院人事行政總處轉請考選部審議」.  :class:`UnitFinder` finds those
names and resolves them:

- the document's own agency (本部 → 經濟部) and its parts: a name written after
  本部 anywhere in the document (本部人事處, 本部國際合作處、投資業務處、工業局…)
  is a part of the agency (經濟部/人事處) wherever it appears, also bare;
- other organizations from :data:`ORGANIZATIONS` (full names and their usual
  short forms: 保訓會, 人事行政總處, 領事事務局 …), split into their hierarchy
  (外交部/領事事務局);
- generic words for the agency's own offices (人事單位, 服務機關, 主管機關 …) when
  the document is the agency's own procedure: these are marked ``inferred``.

The role is the verb that follows the name in its clause (核辦, 彙辦, 審核, 核定,
考評, 協助 …); names joined by 、/或/及 share it; the subject of a clause without
such a verb 辦理 it.  Names cited as issuers of letters or rules (「銓敘部89年…
函」, 「依銓敘部函頒」) and names inside 「」 quotes are not acting.

>>> f = UnitFinder(("經濟部",), "儲備對象：本部人事處、國際貿易局及會計處人員")
>>> [(m.path, m.role) for m in f.find("本部人事處彙整後，送國際貿易局核辦，並副知銓敘部。")]
[(('經濟部', '人事處'), '彙整'), (('經濟部', '國際貿易局'), '核辦'), (('銓敘部',), '副知')]
>>> [(m.path, m.role) for m in f.find("由國際貿易局、本部人事處及會計處考評")]
[(('經濟部', '國際貿易局'), '考評'), (('經濟部', '人事處'), '考評'), (('經濟部', '會計處'), '考評')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from graph_model.lazy_re import lazy
from graph_model.records.naming import self_references, split_agency_name

# Organizations procedure texts of central agencies name, by the name used → full name.
# A full name is split with split_agency_name unless written as an explicit path (a/b/c).
ORGANIZATIONS: dict[str, str] = {
    "考選部": "考選部", "銓敘部": "銓敘部", "外交部": "外交部", "教育部": "教育部", "內政部": "內政部",
    "國防部": "國防部", "財政部": "財政部", "交通部": "交通部", "法務部": "法務部", "勞動部": "勞動部",
    "行政院": "行政院", "考試院": "考試院", "監察院": "監察院", "立法院": "立法院", "司法院": "司法院",
    "總統府": "總統府", "經濟部": "經濟部", "內政部警政署": "內政部警政署", "衛生福利部": "衛生福利部",
    "農業部": "農業部", "文化部": "文化部", "數位發展部": "數位發展部", "國家發展委員會": "國家發展委員會",
    "審計部": "審計部", "主計總處": "行政院主計總處", "行政院主計總處": "行政院主計總處",
    "行政院人事行政總處": "行政院人事行政總處", "人事行政總處": "行政院人事行政總處",
    "行政院人事行政局": "行政院人事行政總處",  # its name until 2012
    "公務人員保障暨培訓委員會": "公務人員保障暨培訓委員會", "保訓會": "公務人員保障暨培訓委員會",
    "行政院大陸委員會": "行政院大陸委員會", "大陸委員會": "行政院大陸委員會",
    "外交部領事事務局": "外交部領事事務局", "領事事務局": "外交部領事事務局",
    # a 關稅局 of 財政部關稅總局 (seed 002) until the 2013 reorganization into 關務署基隆關
    "財政部基隆關稅局": "財政部/關稅總局/基隆關稅局", "基隆關稅局": "財政部/關稅總局/基隆關稅局",
    "保三總隊": "內政部/警政署/保安警察第三總隊", "保安警察第三總隊": "內政部/警政署/保安警察第三總隊",
    "交通部觀光局": "交通部觀光局", "內政部中部辦公室": "內政部/中部辦公室",
}

# Generic words for the agency's own offices, and what they stand for in its own procedures.
_SELF_GENERIC = ("服務機關", "主管機關", "派遣機關", "本機關")
_PERSONNEL_GENERIC = ("人事單位", "人事機構", "人事主管人員")

# Verbs that give a unit its role, longest first at one position.
ROLE_WORDS = ("截角註銷", "表示意見", "查核", "核辦", "彙辦", "續辦", "承辦", "主辦", "協辦", "會辦", "審核", "審議",
              "審查", "複核", "初核", "複評", "核定", "核准", "核判", "代判", "核示", "裁決", "考評", "協助", "彙整",
              "彙送", "彙報", "轉請", "核轉", "核備", "備查", "核發", "核頒", "發給", "發布", "登記", "同意", "驗收",
              "公告", "認定", "註銷", "廢止", "輔導", "分發", "協調", "報到", "校對", "確認", "核算", "抽查", "授權",
              "通知", "辦理", "處理")
_PRE_ROLES = {"副知": "副知", "抄送": "副知", "協調": "協調"}
_SUBJECT_BEFORE = lazy(r"(?:^|[，。；：、（(]|由|交由|請|經|再由|並由)$")
_CONJ = lazy(r"^(?:[、及與暨和或]|或會請|或請|或送)$")
_CLAUSE_END = lazy(r"[，。；：,;:？！]")
_CITATION_AFTER = lazy(r"^\s*(?:\d+|[一二三四五六七八九十]+)\s*年|^\s*(?:函頒|訂頒|頒|訂定|函釋|「|『|【)")
# After these, the name qualifies a noun (本部駐外商務單位, 外交部之駐外館處): it does not act.
_MODIFIER_AFTER = lazy(r"^(?:駐外|所屬|暨所屬|各|之|的|網頁|網站|資訊網站|同仁)")
# Before these, a generic word names some other office (入出國主管機關, 各主管機關).
_QUALIFIED_GENERIC = lazy(r"(?:入出國|教育行政|各|上級|其他|相關|目的事業)$")
# A parenthesis citing a rule or a letter: names inside it are issuers, not actors.
# One level of nested parentheses inside (「…各機關（構）學校…注意事項第17點」).
_IN_PAREN = r"(?:[^（）()]|[（(][^（）()]*[）)])"
_CITATION_PAREN = lazy(rf"[（(]{_IN_PAREN}*?"
                       r"(?:第\s*[\d一二三四五六七八九十]+\s*[條點項款]|號函|函釋|號令)"
                       rf"{_IN_PAREN}*[）)]")
_POSTS = ("處長", "副處長", "局長", "副局長", "司長", "主任", "科長", "首長", "部長", "次長")

_PART_CHARS = r"[\u4e00-\u9fff]"
_PART_SUFFIX = r"(?:委員會|中心|處|局|司|室|署)"
_PART = lazy(rf"{_PART_CHARS}{{2,8}}?{_PART_SUFFIX}")
_NOT_A_PART = lazy(r"[駐各所之的及與或暨和並將於在由向至送請經報為係對等相及併]|單位|機關|機構|人員")
_SUB = r"(?:[\u4e00-\u9fff]{1,4}?室(?:[\u4e00-\u9fff]{1,4}?科)?|[\u4e00-\u9fff]{1,4}?[科組])"
_SUBPART = lazy(rf"[（(]?({_SUB}(?:[及、與]{_SUB})*)[）)]?")
_NOUN_PHRASE_END = lazy(r"(?:有關|相關|之|的)人員$")  # 「…工業局…直接負責處理涉外事務有關人員」
_SELF_PAREN = lazy(r"本[（(]([\u4e00-\u9fff]{1,6})[）)]([處室司局])")


@dataclass
class Mention:
    path: tuple[str, ...]
    name: str  # as written
    start: int
    end: int = -1  # end of the whole name as written (with its sub-units)
    role: str = ""  # "" when the text gives the unit no role
    basis: str = "explicit"  # "explicit" | "inferred"
    post: str = ""  # 處長 in 「本(人事)處處長核定」


def _is_part(name: str) -> bool:
    return bool(_PART.fullmatch(name)) and not _NOT_A_PART.search(name)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"「[^」]*」|『[^』]*』|【[^】]*】", text)]


class UnitFinder:
    """Finds acting units in the text of one agency's procedures (see module doc)."""

    def __init__(self, agency: tuple[str, ...], document_text: str = "", *,
                 parts: dict[str, tuple[str, ...]] | None = None):
        self.agency = tuple(agency)
        self.part_paths = dict(parts or {})  # name → full path, for parts below the agency's children
        name = self.agency[-1]
        self.self_words = set(self_references(name)) | {"".join(self.agency), name}
        self.parts: set[str] = set(self.part_paths) | self._parts_named(document_text)
        personnel = sorted(p for p in self.parts if re.fullmatch(r"人事(處|室|司)", p))
        self.personnel = personnel[0] if personnel else ""
        names = set(self.parts) | set(ORGANIZATIONS) | self.self_words | set(_SELF_GENERIC)
        if self.personnel:
            names |= set(_PERSONNEL_GENERIC)
        prefixed = [f"{w}{p}" for w in self.self_words for p in self.parts]
        alternatives = sorted(names | set(prefixed), key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(a) for a in alternatives)) if alternatives else None

    # ------------------------------------------------------------------ discovery
    def _parts_named(self, text: str) -> set[str]:
        """Parts of the agency: names written after 本部/經濟部 (and lists continuing them)."""
        found = {m.group(1) + m.group(2) for m in _SELF_PAREN.finditer(text)}  # 本(人事)處 → 人事處
        for word in sorted(self.self_words, key=len, reverse=True):
            for m in re.finditer(re.escape(word) + r"[（(]?", text):
                pos = m.end()
                while True:
                    cand = _PART.match(text, pos)
                    if not cand or not _is_part(cand.group(0)) or cand.group(0) in ORGANIZATIONS:
                        break
                    found.add(cand.group(0))
                    pos = cand.end()
                    conj = re.match(r"[、及與暨或]", text[pos:pos + 1])
                    if not conj:
                        break
                    pos += 1
        return found

    # ------------------------------------------------------------------ resolution
    def _part(self, name: str) -> tuple[str, ...]:
        return tuple(self.part_paths.get(name, self.agency + (name,)))

    def path_of(self, name: str) -> tuple[tuple[str, ...], str] | None:
        """``(path, basis)`` of a name as written, or None."""
        for word in sorted(self.self_words, key=len, reverse=True):
            if name.startswith(word) and name[len(word):] in self.parts:
                return self._part(name[len(word):]), "explicit"
        if name in self.self_words:
            return self.agency, "explicit"
        if name in self.parts:
            return self._part(name), "explicit"
        if name in ORGANIZATIONS:
            full = ORGANIZATIONS[name]
            return (tuple(full.split("/")) if "/" in full else split_agency_name(full)), "explicit"
        if name in _SELF_GENERIC:
            return self.agency, "inferred"
        if name in _PERSONNEL_GENERIC and self.personnel:
            return self.agency + (self.personnel,), "inferred"
        return None

    # ------------------------------------------------------------------ finding
    def find(self, text: str) -> list[Mention]:
        """Units named in ``text`` (in order), each with its role where the text gives one."""
        if self._pattern is None:
            return []
        text = _SELF_PAREN.sub(lambda m: m.group(1) + m.group(2), text)  # 本(人事)處處長 → 人事處處長
        quoted = _quoted_spans(text)
        cited = [(m.start(), m.end()) for m in _CITATION_PAREN.finditer(text)]
        found: list[Mention] = []
        for m in self._pattern.finditer(text):
            name, start, end = m.group(0), m.start(), m.end()
            if any(a <= start < b for a, b in quoted + cited):
                continue
            if name in _SELF_GENERIC + _PERSONNEL_GENERIC and _QUALIFIED_GENERIC.search(text[:start]):
                continue
            if _CITATION_AFTER.match(text[end:]):
                continue
            resolved = self.path_of(name)
            if resolved is None:
                continue
            path, basis = resolved
            head = Mention(path, name, start, end, basis=basis)
            found.append(head)
            if len(path) >= 2 and path[:-1] == self.agency and path[-1].endswith("局"):
                sub = _SUBPART.match(text, end)
                if sub:
                    head.end = sub.end()
                    pieces = re.split(r"[及、與]", sub.group(1))
                    if len(pieces) == 1 and (split := re.fullmatch(r"(.+?室)(.+科)", pieces[0])):
                        room, section = split.groups()
                        found.append(Mention(path + (room, section), room + section, start, head.end, basis=basis))
                    else:
                        found.extend(Mention(path + (p,), p, start, head.end, basis=basis) for p in pieces if p)
        self._assign_roles(text, found, quoted)
        return found

    def _assign_roles(self, text: str, found: list[Mention], quoted: list[tuple[int, int]]) -> None:
        def unquoted(a: int, b: int) -> str:
            return "".join(ch for i, ch in enumerate(text[a:b], a) if not any(x <= i < y for x, y in quoted))

        heads = [m for i, m in enumerate(found) if i == 0 or m.start != found[i - 1].start]
        ends = {m.start: m.end for m in heads}
        for i, m in enumerate(heads):
            end = ends[m.start]
            if text[end:end + 1] in "（(":  # skip a parenthesis after the name: 總務司（限駐香港辦事處）
                close = re.search(r"[）)]", text[end:])
                end = end + close.end() if close else end
            nxt = heads[i + 1].start if i + 1 < len(heads) else len(text)
            stop = _CLAUSE_END.search(text, end)
            limit = min(nxt, stop.start() if stop else len(text), end + 20)
            window = unquoted(end, limit)
            if any(window.startswith(p) for p in _POSTS):
                m.post = next(p for p in sorted(_POSTS, key=len, reverse=True) if window.startswith(p))
            tail = unquoted(end, stop.start() if stop else len(text))
            window = window.split("人員")[0]  # 「將參加訓練人員報到情形」: 報到 is not the unit's
            role = ""
            if _MODIFIER_AFTER.match(text[ends[m.start]:]):
                m.role = ""
                continue
            if not _NOUN_PHRASE_END.search(tail):  # the names qualify the people meant: not acting
                hits = [(window.find(w), -len(w), w) for w in ROLE_WORDS if w in window]
                if hits:
                    role = min(hits)[2]
            if not role:
                before = text[max(0, m.start - 2):m.start]
                role = next((r for p, r in _PRE_ROLES.items() if before.endswith(p)), "")
            if not role and limit == nxt and nxt < len(text) and _CONJ.match(window):
                role = "\0next"  # shares the role of the next name
            if not role and _SUBJECT_BEFORE.search(text[max(0, m.start - 2):m.start]) and \
                    not _NOUN_PHRASE_END.search(tail):
                role = "\0subject"
            m.role = role
        # Resolve sharing from the end, then subjects; copy to sub-unit mentions at the same position.
        for i in range(len(heads) - 1, -1, -1):
            if heads[i].role == "\0next":
                heads[i].role = heads[i + 1].role if i + 1 < len(heads) and not heads[i + 1].role.startswith("\0") \
                    else ("\0subject" if i + 1 < len(heads) and heads[i + 1].role == "\0subject" else "")
        for m in heads:
            if m.role == "\0subject":
                m.role = "辦理"
        by_start = {m.start: m for m in heads}
        for m in found:
            if m not in heads:
                m.role, m.post = by_start[m.start].role, by_start[m.start].post

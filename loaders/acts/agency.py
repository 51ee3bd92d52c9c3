"""Finding the organization a document is about, and the words it uses for itself."""
from __future__ import annotations

import re

from graph_model.lazy_re import lazy
from graph_model.records.naming import (
    BRANCH_BODIES,
    classify_agency,
    classify_unit,
    fold_name,
    self_references,
    split_agency_name,
)
from graph_model.records.records import ParsedDocument, Source, UnitRecord
from loaders.common import (
    LOCAL_LEVELS,
    agency_from_title,
    agency_records,
    aliases_defined,
    is_genre_title,
    undated_title,
)
from loaders.read.text import Line

from .patterns import REGION_HEAD, TITLE_LIST

_PUNCTUATION = lazy(r"[、（）()]")
_JOINED = lazy(r"[、（）()及]")
_TITLE_OK = lazy(r"(部|院|署|局|關|府|處|會|分署|分局|各分署|工程處)$")


def document_agency(lines: list[Line], parsed: ParsedDocument) -> tuple[tuple[str, ...], set[str]]:
    """Add the document's agency to ``parsed`` and return ``(agency path, self-reference words)``.

    The title names the agency when there is one (財政部國有財產署北區分署辦事細則);
    otherwise the first 「…（以下簡稱本局）」 definition does.  A short name used
    by the document (本分署, 各區工程處, 分署) becomes an alias.
    """
    doc = parsed.document
    first = next((ln for ln in lines if ln.kind in ("para", "item")), None)
    title_line = first if first is not None and first.start <= 2 and first.kind == "para" and (
        is_genre_title(first.text) or _TITLE_OK.search(agency_from_title(first.text))
        and not re.search(r"[，。：]", first.text)) else None
    defs = []
    for line in lines[:40]:
        defs += [(name, short, line) for name, short in aliases_defined(line.text)]
    if title_line is not None:
        full, source_line = agency_from_title(title_line.text), title_line
        doc.title = undated_title(title_line.text)
    elif defs:
        full, _, source_line = defs[0]
        doc.title = full
    elif doc.meta.get("agency") and first is not None:
        full, source_line = doc.meta["agency"], first  # named by the user (load --agency)
        doc.title = first.text[:60]
    else:
        return (), set()
    if len(split_agency_name(full)) == 1 and defs:
        # 「衛生福利部為…特設疾病管制署（以下簡稱本署）」: the parent is named before 為/設.
        m = re.match(r"^(\S{2,12}?[部院府會])(?:為|設)", defs[0][2].text)
        if m and not full.startswith(m.group(1)):
            full = m.group(1) + full
    *above, titled_last = split_agency_name(full)
    members, family, listed = named_family(titled_last, [name for name, _, _ in defs])
    if members:  # 「交通部公路總局北、中、南部汽車技術訓練中心」: a family, its members named in the title
        full = "".join(above) + family
    as_titled, full = full, _placed(full, doc.meta.get("category", ""))
    parent = "" if doc.meta.get("abolished") else _outpost_of(split_agency_name(full)[-1], lines[:12])
    if parent and not full.startswith(parent):  # (a repealed document's parent is history: its 法規類別 is now)
        full = parent + split_agency_name(full)[-1]
    # (folded: 「飛航服務總台（以下簡稱本總台）」 in the document of 飛航服務總臺, K0000046)
    folded = fold_name(full)
    self_names = {short for name, short, _ in defs
                  if name and (folded.endswith(fold_name(name)) or fold_name(name).endswith(folded[-3:]))}
    agency = split_agency_name(full)
    # 「國民大會代表及立法院立法委員選舉總事務所」 in the text of
    # 國民大會代表立法院立法委員選舉總事務所組織條例 (D0020003): a title drops the 及 of a name that joins two
    # bodies' names; it is one body's name, not a chain of agencies (立法院 › 立法委員選舉總事務所).
    joined = _as_written(as_titled, lines[:12], joined=True)
    if any("及" in name for name in joined) and full.endswith(as_titled) and len(split_agency_name(as_titled)) > 1:
        agency = (split_agency_name(full[:-len(as_titled)]) if full != as_titled else ()) + (as_titled,)
    self_names |= {full, as_titled, agency[-1]} | joined
    # The title drops the text's punctuation (直轄市縣市選舉委員會組織準則): the name as the text writes it
    # (「直轄市、縣（市）選舉委員會（以下簡稱選舉委員會）」) is the one people look it up by.
    self_names |= _as_written(agency[-1], lines[:12])
    if members:  # the family as written: 「公路局西部濱海公路北、南區工程處 (以下簡稱各工程處)」
        self_names |= {titled_last, listed} | {name for name, _, _ in defs if name.endswith(listed)}
    self_names |= _generic_self_names(agency[-1], lines)
    titled = split_agency_name(as_titled)
    if len(titled) > 1 and titled[-1].startswith("各") and "所屬" + titled[-1][1:] in as_titled:
        # 交通部民用航空局所屬航空站組織通則: 「本局所屬航空站掌理…」, the family as its parent calls it
        self_names |= {ref + "所屬" + titled[-1][1:] for ref in self_references(titled[-2])[:1]}
    if not any(n.startswith("本") for n in self_names):
        self_names |= set(self_references(full)[:1])  # the usual one: 本會, not also 本委員會
    source = Source(doc.id, source_line.start, source_line.end, source_line.article)
    parsed.units.extend(agency_records(full, source, aliases=tuple(sorted(self_names)), path=agency))
    for member in members:  # the members are bodies of the family, the name as written their collective
        kind, unit_type = classify_agency(member)
        parsed.units.append(UnitRecord(agency + (member,), kind, unit_type, source, written=listed))
    return agency, self_names


def _outpost_of(name: str, lines: list[Line]) -> str:
    """The body whose outpost the document's opening article says it is: 「福建省政府（以下簡稱本府）為行政院派出機關，
    受行政院指揮監督」 (filed under 內政部 by the database).  (「…隸屬內政部警政署」 is not followed: the body's other
    documents, filed by the database alone, would place it twice.)

    >>> from loaders.read.text import logical_lines
    >>> _outpost_of("福建省政府", logical_lines("福建省政府（以下簡稱本府）為行政院派出機關，受行政院指揮監督。"))
    '行政院'
    >>> _outpost_of("臺灣省政府", logical_lines("臺灣省政府為本院派出機關。"))
    ''
    """
    for line in lines:
        m = _OUTPOST_OF.search(line.text)
        if m and line.text[:m.start()].endswith(name) and m.group("parent") in BRANCH_BODIES.values():
            return m.group("parent")
    return ""


# 「福建省政府（以下簡稱本府）為行政院派出機關」
_OUTPOST_OF = lazy(r"(?:（以下簡稱[^）]{1,8}）)?，?為(?P<parent>[^，。；、]{2,12}?)(?:之)?派出機關")


def _as_written(name: str, lines: list[Line], joined: bool = False) -> set[str]:
    """The spelling with punctuation of ``name`` that the first lines use, if any (with ``joined``, with the
    及 the title dropped as well).

    >>> _as_written("直轄市縣市選舉委員會", [Line("para", "於直轄市、縣（市）各設直轄市、縣（市）選舉委員會。", 4, 4)])
    {'直轄市、縣（市）選舉委員會'}
    >>> _as_written("國民大會代表立法院立法委員選舉總事務所",
    ...             [Line("para", "國民大會代表及立法院立法委員選舉總事務所直隸於國民政府", 7, 8)], joined=True)
    {'國民大會代表及立法院立法委員選舉總事務所'}
    """
    out = set()
    dropped = _JOINED if joined and "及" not in name else _PUNCTUATION
    for line in lines:
        kept = [(i, c) for i, c in enumerate(line.text) if not dropped.match(c)]
        plain = "".join(c for _, c in kept)
        at = plain.find(name)
        while at >= 0:
            written = line.text[kept[at][0]:kept[at + len(name) - 1][0] + 1]
            if written != name:
                out.add(written)
            at = plain.find(name, at + 1)
    return out


def named_family(last: str, defined: list[str]) -> tuple[list[str], str, str]:
    """A title that names the members of a family in one list, the rest of their names shared: the members,
    the family's name (各 where the list was, as the genre's titles name families: 西部濱海公路各區工程處,
    各汽車技術訓練中心) and the list as written.  A title that runs the names together (國立新竹彰化臺南臺東社會教育館)
    is read from the text's own list of them (「國立新竹、彰化、台南、台東社會教育館 (以下簡稱社教館)」).

    >>> members, family, listed = named_family("北、中、南部汽車技術訓練中心", [])
    >>> members, family
    (['北部汽車技術訓練中心', '中部汽車技術訓練中心', '南部汽車技術訓練中心'], '各汽車技術訓練中心')
    >>> named_family("西部濱海公路北、南區工程處", [])[:2]
    (['西部濱海公路北區工程處', '西部濱海公路南區工程處'], '西部濱海公路各區工程處')
    >>> named_family("國立新竹彰化臺南臺東社會教育館", ["國立新竹、彰化、台南、台東社會教育館"])[:2]
    (['國立新竹社會教育館', '國立彰化社會教育館', '國立台南社會教育館', '國立台東社會教育館'], '國立各社會教育館')
    >>> named_family("直轄市、縣（市）兒童及少年福利促進委員會", []), named_family("各區監理所", [])
    (([], '', ''), ([], '', ''))
    """
    def plain(text: str) -> str:
        return fold_name(re.sub(r"[、及]", "", text))

    listed = last if "、" in last else next((d for d in defined if "、" in d and plain(d) == plain(last)), "")
    m = TITLE_LIST.fullmatch(listed)
    if not m:
        return [], "", ""
    first, *middle = re.split(r"、|及", m.group("heads"))
    last_piece = m.group("last")
    # The heads are as long as those between the first and the last; two alone are a region (北、南區) or a place.
    width = len(middle[0]) if middle else (1 if REGION_HEAD.match(last_piece) else 2)
    heads = [first[-width:], *middle, last_piece[:width]]
    prefix, rest = first[:-width], last_piece[width:]
    if any(len(h) != width for h in heads) or len(rest) < 2 or classify_unit(rest)[1] == rest:
        return [], "", ""
    members = [prefix + h + rest for h in heads]
    return members, prefix + "各" + re.sub(r"^部(?=\S{2})", "", rest), listed


_CATEGORY_PARENT = lazy(r"^(?P<branch>行政|考試|司法|監察|立法|總統|廢止法規)＞"
                        r"(?P<parent>[^＞]{2,20}?(?:部|院|府|委員會|署|局|銀行))(?:＞|$)")


def _placed(full: str, category: str) -> str:
    """Prefix the ministry the database files a document under (法規類別 行政＞交通部＞…) when the
    title leaves it out: 郵政儲金匯業局 filed under 交通部 is 交通部 › 郵政儲金匯業局.

    A title whose first piece is a ministry, a Yuan or a government is left as it is (行政院文化建設委員會
    filed under 文化部); 榮民總醫院各分院 filed under 國軍退除役官兵輔導委員會 goes under it.

    >>> _placed("郵政儲金匯業局", "行政＞交通部＞郵政目"), _placed("行政院文化建設委員會", "廢止法規＞文化部")
    ('交通部郵政儲金匯業局', '行政院文化建設委員會')
    >>> _placed("行政院", "行政＞院本部＞組織目"), _placed("行政院人事行政總處", "行政＞院本部＞組織目")
    ('行政院', '行政院人事行政總處')
    >>> _placed("榮民總醫院各分院", "行政＞國軍退除役官兵輔導委員會＞組織目")
    '國軍退除役官兵輔導委員會榮民總醫院各分院'

    A body filed under its own name is one directly under its branch's head:

    >>> _placed("中央銀行", "行政＞中央銀行＞組織目"), _placed("國家安全會議", "總統＞國家安全會議＞組織目")
    ('行政院中央銀行', '總統府國家安全會議')
    >>> _placed("總統府", "總統＞總統府＞組織目"), _placed("臺灣省政府", "行政＞臺灣省政府＞組織目")
    ('總統府', '行政院臺灣省政府')

    The courts 法院組織法 sets up are 司法院's; a body filed under 中央銀行 is under it:

    >>> _placed("法院", "司法＞院本部＞組織目"), _placed("中央印製廠", "行政＞中央銀行＞組織目")
    ('司法院法院', '中央銀行中央印製廠')
    >>> _placed("中華民國總統府", "總統＞總統府＞組織目")
    '總統府'
    """
    if full in LOCAL_LEVELS:
        return full  # 市組織法 filed under 內政部: a level of local government, self-governing, no part of it
    if full.startswith(_STATE) and full[len(_STATE):] in BRANCH_BODIES.values():
        return full[len(_STATE):]  # 中華民國總統府: the state's name before the head of a branch
    filed = _CATEGORY_OWN.match(category)
    if filed and full.startswith(filed.group("name")) and not full.startswith(BRANCH_BODIES[filed.group("branch")]):
        # Filed under its own name (行政＞中央銀行, 總統＞國家安全會議): a body directly under its branch's head.
        return BRANCH_BODIES[filed.group("branch")] + full
    m = _CATEGORY_PARENT.match(category)
    if not m:
        return full
    parent = m.group("parent")
    if parent == "院本部":  # 行政＞院本部: the Yuan's own documents
        if m.group("branch") not in ("行政", "考試", "司法", "監察", "立法"):
            return full
        parent = m.group("branch") + "院"
    pieces = split_agency_name(full)
    if _TOP_LEVEL.search(pieces[0]) and len(pieces) > 1 or parent in pieces or full.startswith(parent) \
            or split_agency_name(parent)[-1] == full:  # 人事行政總處 filed under 行政院人事行政總處
        return full
    return parent + full


_STATE = "中華民國"
_CATEGORY_OWN = lazy(r"^(?P<branch>行政|立法|司法|考試|監察|總統)＞(?P<name>[^＞]{2,20})(?:＞|$)")


# A first piece that is itself a ministry, a Yuan or a government: the title places the agency already.
_TOP_LEVEL = lazy(r"(?:部|府|^(?:行政|立法|司法|考試|監察)院)$")


# 「行署處理事務，除法令別有規定外，悉依本細則行之」 (A0020209): the genre's opening article, as 「本署處理事務」
_SUBJECT_VERB = lazy(r"^(?:掌理|設|置|為|之|得設|分設|應|綜理|處理(?:事務|業務|署務|會務))")


def _generic_self_names(name: str, lines: list[Line]) -> set[str]:
    """The generic word a family or an office calls itself by (分臺 for 國立教育廣播電臺分臺, 分局 for 各分局):
    a trailing part of its name that the text uses as the subject of an article."""
    name = re.sub(r"^(?:所屬)?各(?:級|區)?", "", name)
    out = {name} if name else set()
    for k in (2, 3, 4):
        tail = name[-k:]
        if len(name) > k and any(ln.body.startswith(tail) and _SUBJECT_VERB.match(ln.body[k:]) for ln in lines
                                 if ln.kind in ("para", "item")):
            out.add(tail)
    return out

"""Meetings (會議, 會報) a document sets up, and the matters they decide or review.

The genre sets a meeting up as a collegial body of the agency or of a unit: with its members or chair
(「業務會報由館長、副館長、主任秘書及各組室主管組成」), its schedule (「本院定期舉行軍事審判官會議」,
「館務會議每月舉行一次」), and often the matters it decides (「…，決定下列事項：」, 「負責審議下列事項：」,
「主計會議之職權如下：」, 「下列事項應經市政會議之決議：」).  A passing mention (「提報局務會議」) sets nothing up.

A meeting is no unit (the hand-checked samples list meetings as "not units"): it is a
:class:`MeetingRecord` of its holder, and the items of its list are its matters, no one else's.

>>> from graph_model.records.records import Document
>>> from loaders.acts.structure import parse_document
>>> p = parse_document("某某法院處務規程\\n第 1 條\\n某某法院（以下簡稱本院）處務依本規程行之。\\n第 2 條\\n"
...                    "本院定期舉行軍事審判官會議，決定下列事項：\\n一、軍事審判官事務分配。\\n"
...                    "二、軍事審判官代理次序。",
...                    Document("demo", "", "office_rules"))
>>> [(m.holder, m.name, m.schedule, [d.text for d in m.matters]) for m in p.meetings]
[(('某某法院',), '軍事審判官會議', '定期舉行', ['軍事審判官事務分配', '軍事審判官代理次序'])]
"""
from __future__ import annotations

import re

from graph_model.lazy_re import lazy
from graph_model.records.records import DutyRecord, MeetingRecord, ParsedDocument
from loaders.common import source_of, split_duties
from loaders.read.text import Line

# A meeting's name: two characters or more before 會議/會報 (not 「會議事範圍」: a 管理會's 議事, G0300061).
_NAME = r"[\u4e00-\u9fff]{2,10}?(?:會議|會報)(?!事|紀錄|記錄)"
# Set up by a verb: 「總處設主計會議」, 「本院定期舉行軍事審判官會議」, 「得視業務需要，定期召開顧問會議」.
SET_UP = lazy(rf"(?:設|舉行|召開)(?P<name>{_NAME})")
# Or the subject of the sentence that says who sits in it, when it meets or what it decides.
SUBJECT = lazy(rf"^(?P<name>{_NAME})(?=[，,]?之?(?:由|以|每|定期|不定期|應|除|負責|職權|審議|議決|決定|討論|出席|組成|"
               r"審核|協調|範圍))")
# Or the body a list's matters are brought to: 「下列事項應經市政會議之決議：」.
PASSIVE = lazy(rf"^(?:下列|左列)事項[，,]?應?(?:經|提)(?:本\S)?(?P<name>{_NAME})")
MEMBERS = lazy(r"由(?P<who>[^。；：]{2,80}?)(?:共同)?(?:組成|組織之|組織|出席|參加|主持|召集|為主席)")
SCHEDULE = lazy(r"(?:每[年月週季日]|每[一二三四六]個月|定期|不定期|每年年終|年度終了前|每年度終了前)[^。，；：]{0,8}?"
                r"(?:舉行|召開|開會)")
# What a list after it is: matters it decides, reviews or discusses (not its members, 「出席之人員如下」).
MATTERS = lazy(r"(?:決定|審議|議決|決議|討論|職權|協調|審定|審核|範圍)[^。：]{0,12}(?:下列|左列|如下|如左)"
               r"|(?:下列|左列)事項[，,]?應?(?:經|提)")


# What a name caught with the words before it keeps of them: the name after the verb that sets it up
# (「得視實際需要召開委員會議」), without a count (「每月舉行一次部務會報」) or a qualifier (不定期, 其他, 各單位).
_VERB_IN_NAME = lazy(r"^.*(?:召開|舉行|加開|設|為|需要|或)")
# 「分局局務會報」, 「各局局務會議」: the holder's type word before the name it repeats (局務會報)
_HOLDER_WORD = lazy(r"^\S*?(\S)(?=\1務(?:會議|會報)$)")
_QUALIFIER = lazy(r"^(?:[一二三四]次|不定期|定期|其他\S*?各組|各單位|各)")
# A name that points back (前項會議, 前條會議) or to a session of another meeting (臨時會議), or to some
# meetings (相關會報): no meeting of its own.
_NO_BODY = lazy(r"^(?:前|第|本|臨時|相關|該|各該|上開|上述)")


def clean_meeting_name(name: str) -> str:
    """The meeting's own name in a run of words ending with it, or "" when it names none of its own.

    >>> clean_meeting_name("得視實際需要召開委員會議"), clean_meeting_name("一次部務會報")
    ('委員會議', '部務會報')
    >>> clean_meeting_name("前項會議")
    ''
    >>> clean_meeting_name("分局局務會報"), clean_meeting_name("委員會議或審查小組會議")
    ('局務會報', '審查小組會議')
    """
    name = _HOLDER_WORD.sub("", _QUALIFIER.sub("", _VERB_IN_NAME.sub("", name)))
    return "" if len(name) < 4 or _NO_BODY.match(name) else name


def _sentences(body: str) -> list[str]:
    return [s for s in re.split(r"(?<=。)", body) if s]


def _self_prefix(text: str, names: list[str]) -> str:
    """The self-reference or unit name a sentence opens with (本院, 總處, 中央研究院, a unit), to strip."""
    for name in names:
        if text.startswith(name) and len(text) > len(name):
            return name
    m = re.match(r"本[\u4e00-\u9fff](?=[\u4e00-\u9fff]{2,10}?(?:會議|會報))", text)
    return m.group(0) if m else ""


def _meeting_in(sentence: str, names: list[str]) -> tuple[str, str] | None:
    """``(prefix, name)`` of the meeting a sentence sets up or lists matters for, else None."""
    if m := PASSIVE.match(sentence):
        return "", m.group("name")
    prefix = _self_prefix(sentence, names)
    rest = sentence[len(prefix):]
    if m := SUBJECT.match(rest):
        return prefix, m.group("name")
    if m := SET_UP.search(rest):
        # (「本院設主計室」 is no meeting; 「…之會議」 neither: what comes before the verb is who holds it)
        return rest[:m.start()], m.group("name")
    return None


def meetings_in(parsed: ParsedDocument, lines: list[Line], agency: tuple[str, ...],
                self_names: set[str]) -> list[MeetingRecord]:
    """The meetings ``lines`` set up, each with the matters of the list its intro opens."""
    units: dict[str, tuple[str, ...]] = {}
    for u in parsed.units:
        units.setdefault(u.path[-1], u.path)
    names = sorted({*self_names, agency[-1], *units}, key=len, reverse=True)
    found: dict[tuple[tuple[str, ...], str], MeetingRecord] = {}
    current: MeetingRecord | None = None
    for line in lines:
        if line.kind == "item":
            if current is not None:
                current.matters.extend(DutyRecord(current.holder, d, source_of(line, parsed.document.id,
                                                                               str(line.number)))
                                       for d in split_duties(line.body))
            continue
        current = None
        if line.kind != "para":
            continue
        for sentence in _sentences(line.body):
            hit = _meeting_in(sentence, names)
            if hit is None:
                continue
            prefix, name = hit[0], clean_meeting_name(hit[1])
            if not name or name in units or name == agency[-1] or name.startswith(agency[-1]):
                continue  # a body set up as a unit, or the agency itself (國家安全會議)
            members, schedule = MEMBERS.search(sentence), SCHEDULE.search(sentence)
            lists = MATTERS.search(sentence) if sentence.rstrip().endswith(("：", ":")) else None
            if not (members or schedule or lists):
                continue
            holder = _holder(prefix, agency, units)
            meeting = _merged(found, holder, name, parsed, line)
            if members and len(members.group("who")) > len(meeting.members):  # who sits in it, not only who calls it
                meeting.members = members.group("who")
            if schedule and not meeting.schedule:
                meeting.schedule = schedule.group(0)
            current = meeting if lists else None
    return list(found.values())


def _holder(prefix: str, agency: tuple[str, ...], units: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Who holds a meeting: the unit the sentence opens with (「研究所設所務會議」), else the agency."""
    prefix = re.sub(r"(?:應|得|並|另)?(?:於\S{0,12}|依法|視業務需要，?)?(?:定期|每\S{1,4})?$", "", prefix)
    for name in sorted(units, key=len, reverse=True):
        if prefix.startswith(name) or prefix.endswith(name):
            return units[name]
    return agency


def _merged(found: dict, holder: tuple[str, ...], name: str, parsed: ParsedDocument, line: Line) -> MeetingRecord:
    """The meeting of that holder and name, one record however many articles speak of it (「研究所所務會議」
    after 「研究所設所務會議」 is the same)."""
    for (h, n), meeting in found.items():
        if h == holder and (n == name or name.endswith(n) or n.endswith(name)):
            return meeting
    meeting = found[(holder, name)] = MeetingRecord(holder, name, source_of(line, parsed.document.id))
    return meeting

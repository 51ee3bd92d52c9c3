"""A council named 會, not 委員會, that a document sets up with its members: a committee of the agency.

「中央研究院設評議會，由當然評議員及聘任評議員組織之」 (A0010016), 「本會設保障事件審查會，以專任委員組成」
(S0010005), 「軍事監獄設假釋審查會，置委員七至九人」 (F0000080): a body of members, as a 委員會 is, so a unit of
kind Committee (the samples' gold keeps such bodies, 稅則分類估價評議會, as committees), and the lists its name
opens (「中央研究院評議會掌理下列事項：」) are its own.  A meeting (會議, 會報) is no council
(loaders.acts.meetings), nor a representative assembly a county's act sets up (市參議會, 保民大會: 大會, 參議會).

>>> from loaders.read.text import logical_lines
>>> units, _ = councils_in(logical_lines("第 10 條\\n中央研究院設評議會，由當然評議員及聘任評議員組織之。"),
...                        ("中央研究院",), "A0010016")
>>> [u.path for u in units]
[('中央研究院', '評議會')]
>>> text = "第 5 條\\n本會設保障事件審查會，以專任委員組成，由副主任委員一人召集之，負責保障事件之審查。"
>>> [d.text for d in councils_in(logical_lines(text), ("保訓會",), "S0010005")[1]]
['保障事件之審查']
"""
from __future__ import annotations

from graph_model.lazy_re import lazy
from graph_model.records.records import DutyRecord, UnitRecord
from loaders.common import source_of
from loaders.read.text import Line

# 設 + a name ending in 會 (not 委員會, 會議, 會報, 大會, 參議會, 學會, 協會 …), then who sits in it.
COUNCIL = lazy(r"設(?P<name>[\u4e00-\u9fff]{1,10}?(?<!委員)(?<!參議)(?<![大學協公工商農漁總分年])會)[，,]"
               r"(?:(?:由|以)[^。；]{2,60}?(?:組織之|組成)|置委員)(?:[^。；]*?[，,]負責(?P<duty>[^，。；]{4,40}))?")


def councils_in(lines: list[Line], agency: tuple[str, ...], doc: str) -> tuple[list[UnitRecord], list[DutyRecord]]:
    """The councils ``lines`` set up with their members, each a Committee under the agency, and what the sentence
    that sets one up charges it with (「…，負責保障事件之審查」)."""
    found: dict[str, UnitRecord] = {}
    duties: list[DutyRecord] = []
    for line in lines:
        if line.kind != "para":
            continue
        for m in COUNCIL.finditer(line.body):
            name = m.group("name")
            if name not in found and name != agency[-1]:
                found[name] = UnitRecord((*agency, name), "Committee", "會", source_of(line, doc))
                if m.group("duty"):
                    duties.append(DutyRecord((*agency, name), m.group("duty"), source_of(line, doc)))
    return list(found.values()), duties

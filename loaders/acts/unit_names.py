"""Unit names as the documents write them: lists, shared rests, counts, collectives and clean-up.

>>> listed_names("教務、訓導、總務三組及第一科至第二科")
['教務組', '訓導組', '總務組', '第一科', '第二科']
"""
from __future__ import annotations

import re

from graph_model.records.naming import UNIT_SUFFIX_PATTERN, strip_self_reference
from loaders.common import UNIT_NAME, WORKS_NAME, expand_names, joined_names, split_unit_list, unglossed
from loaders.read.text import CN_NUM, cn_number

from .patterns import (
    COLLECTIVE,
    COUNT_AFTER,
    COUNT_OF_LIST,
    COUNTED,
    DIVIDED_AFTER,
    FRAME,
    NOT_A_NAME,
    ONE_UNIT_WORD,
    PLACES_OFFICES,
    UNIT_CATEGORY,
)


def unit_names(text: str, known=()) -> list[str]:
    """Unit names in an item head or a subject: 「第一科」, 「第二隊、第三隊及第四隊」,
    「北、中、南區環境督察大隊」, 「桃園、基隆、宜蘭、花蓮及金馬辦事處」; [] unless every piece names a unit.

    >>> unit_names("北、中、南區環境督察大隊")
    ['北區環境督察大隊', '中區環境督察大隊', '南區環境督察大隊']
    >>> (unit_names("桃園、基隆及金馬辦事處"), unit_names("職員加班、差假之核簽與登記"),
    ...  unit_names("不屬其他各科、室事項"))
    (['桃園辦事處', '基隆辦事處', '金馬辦事處'], [], [])
    >>> unit_names("台中港口及員林辦事處"), unit_names("外國銀行分行及代表人辦事處")
    (['台中港口辦事處', '員林辦事處'], ['外國銀行分行及代表人辦事處'])
    >>> unit_names("蘇澳、五堵、馬祖及臺北港辦事處")
    ['蘇澳辦事處', '五堵辦事處', '馬祖辦事處', '臺北港辦事處']
    """
    text = expand_names(text)
    *heads, last = text.split("、")
    regions = re.search(r"(?<=\S)[區部](?=\S{2})", last)
    if heads and regions and all(re.fullmatch(r"[東西南北中][區部]", h) for h in heads) and UNIT_NAME.fullmatch(last) \
            and not re.search(r"及|與|暨", last):
        # 「中部、南部、東部、雲嘉南區聯合服務中心」 (A0020155): regions' heads, the rest after the last's region word
        return [h + last[regions.end():] for h in heads] + [last]
    places = PLACES_OFFICES.fullmatch(text)
    heads = [*places["a"].split("、"), places["b"]] if places else []
    if places and not any(UNIT_NAME.fullmatch(h) for h in heads[:-1]) and \
            not any(h.endswith(("行", "人")) for h in heads):
        # 「本分局設斗六及嘉義辦事處」 (J0010032…34, J0010005): places' offices, as 「桃園、基隆及金馬辦事處」 and
        # 「蘇澳、五堵、馬祖及臺北港辦事處」 (J0010030: 臺北港 the last place, not 港辦事處 shared)
        # (not 「分行及代表人辦事處」, kinds of a bank's office)
        return [h + places["word"] for h in heads]
    names = split_unit_list(text, strict=True) if re.search(r"[、，]|及|與|暨", text) else [text]
    if names and all(UNIT_NAME.fullmatch(n) and not NOT_A_NAME.search(n) for n in names):
        return names
    return shared_rest(text, known)


def list_frame(text: str) -> str:
    """「第一處掌理左列事業關於獨占、結合及聯合行為之調查處理事項：」 lists 事業, not duties: each item's duty
    is the item and this topic (「製造業關於獨占…事項」).  Empty for a list of duties.

    >>> list_frame("第二處掌理左列事業關於獨占、結合及聯合行為之調查處理事項："), list_frame("本局掌理下列事項：")
    ('關於獨占、結合及聯合行為之調查處理事項', '')
    """
    m = FRAME.search(text)
    return m.group("topic") if m and m.group("what") not in ("各款", "事項", "各項") else ""


def shared_out(paths: list[tuple[str, ...]], clause: str) -> dict[tuple[str, ...], str] | None:
    """「人事室、會計室…分別辦理人事、歲計、會計及統計事項」: each unit takes the subjects of the clause
    that its name shares (人事 → 人事室), and the unnamed ones in between go to the next unit that has a
    subject of its own (歲計 → 會計室), the last ones to the last; None when no subject names a unit."""
    subjects = [x for x in re.split(r"、|及|與|暨", re.sub(r"(?:事項|業務)$", "", clause)) if x]
    cores = [re.sub(f"(?:{UNIT_SUFFIX_PATTERN})$", "", p[-1]) for p in paths]
    owner = [next((k for k, c in enumerate(cores) if c and (c in x or x in c)), None) for x in subjects]
    anchored = [k for k in owner if k is not None]
    if len(set(anchored)) < 2 or anchored != sorted(anchored):
        return None
    out: dict[int, list[str]] = {}
    for i, subject in enumerate(subjects):
        k = owner[i]
        if k is None:
            k = next((o for o in owner[i:] if o is not None), anchored[-1])
        out.setdefault(k, []).append(subject)
    return {paths[k]: "、".join(out.get(k, subjects)) + "事項" for k in range(len(paths))}


def listed_names(text: str) -> list[str]:
    """Names a 「設…」 list sets up: 「七科及北、中、南區環境督察大隊」 → the 大隊 (七科 is a count).

    >>> listed_names("船機、供應二科及材料配件庫"), listed_names("等通棧（倉庫）、榖倉及貨櫃儲運場")
    (['船機科', '供應科', '材料配件庫'], ['通棧', '榖倉', '貨櫃儲運場'])
    """
    names = []
    segments = joined_names(expand_names(text))
    for segment in segments:
        found = unit_names(segment) or split_unit_list(segment)
        if not found and len(segments) > 1:
            # 「船機、供應二科及材料配件庫」, 「通棧、榖倉及貨櫃儲運場」: works or stores joined to the units with 及
            found = [p for p in unglossed(segment).split("、") if WORKS_NAME.fullmatch(p)]
        names += found
    # 「設教學、註冊、設備三組」: 設備組 is a name (設 as a verb is none: 「…、設測量隊」)
    # (公設辯護人室: 公設, "appointed by the state", is a word, A0010053)
    return [n for n in names if not COUNTED.match(n) and not re.search(r"(?<!公)設(?!計|備|施)", n)]


def category_members(head: str, text: str) -> list[str]:
    """The units an item headed by a category of units lists (D0000159's 第5條): every piece a unit's name.

    >>> category_members("業務單位", "行政組、保安組、教育組、國際組、交通組、後勤組、保防組、防治組及勤務指揮中心。")
    ['行政組', '保安組', '教育組', '國際組', '交通組', '後勤組', '保防組', '防治組', '勤務指揮中心']
    >>> category_members("輔助單位", "督察室、公共關係室、秘書室、人事室、政風室、會計室、資訊室及法制室。")[-2:]
    ['資訊室', '法制室']

    A definition of the word (地方行政機關組織準則, A0040004) lists no unit:

    >>> category_members("業務單位", "指執行本機關目的之組織。")
    []
    """
    if not UNIT_CATEGORY.fullmatch(head.strip()):
        return []
    names = split_unit_list(re.sub(r"[。；;]$", "", text.strip()), strict=True)
    return names if len(names) > 1 and not any(COUNTED.match(n) for n in names) else []


def counted_set_up(kind: str, text: str) -> bool:
    """Whether the text sets up a number of units of a kind, naming none: 「本總隊得設十四中隊辦事。」 (D0010112),
    「得於適當地區設置分所十所及中繼臺十臺至十二臺」 (D0000105).  The text then calls each of them by the kind's word
    (「中隊掌理事項如下：」), which names them, no collective 各中隊 the text never wrote.

    >>> counted_set_up("中隊", "本總隊得設十四中隊辦事。"), counted_set_up("分所", "得於適當地區設置分所十所")
    (True, True)
    >>> counted_set_up("中繼臺", "得於適當地區設置分所十所及中繼臺十臺至十二臺；")
    True

    As many as needed is no count (「另因業務需要得設分局」, L0000028: the family 各分局):

    >>> counted_set_up("分局", "本局設證照管理組、…及會計室，並設製藥工廠，另因業務需要得設分局。")
    False
    """
    k = re.escape(kind)
    return bool(re.search(rf"設(?:置|立)?(?:[{CN_NUM}]+{k}"
                          rf"|(?:[^，。；：設]{{0,20}}?[、及])?{k}[{CN_NUM}]+[{kind[-1]}所處座個間])", text))


def split_names(text: str) -> list[str]:
    """The units named in 「分…辦事」 after a unit of a list: counts name none, nor does a word that shares
    the count before it (三十五分駐、派出所: 35 of each).

    >>> (split_names("四偵查分隊、警犬分隊"), split_names("四股、八隊、三十五分駐、派出所"),
    ...  split_names("庶務及出納二組"))
    (['警犬分隊'], [], ['庶務組', '出納組'])
    """
    pieces = re.split(r"、|及|與", expand_names(text))
    out = []
    for before, piece in zip([""] + pieces, pieces):
        shared_count = re.match(rf"^[{CN_NUM}\d]", before) and \
            not UNIT_NAME.fullmatch(re.sub(rf"^[{CN_NUM}\d]+", "", before))
        if UNIT_NAME.fullmatch(piece) and not re.match(rf"^[{CN_NUM}\d]", piece) and not shared_count:
            out.append(piece)
    return out


def shared_rest(text: str, known=()) -> list[str]:
    """「A、B及C辦事處」: short heads that share the rest of the last name (辦事處, 區環境督察大隊).

    The rest is where the names the document already set up say it is (``known``);
    otherwise the heads' length tells where the last name's head ends.
    """
    *heads, last = text.split("、")
    joined = re.match(r"^(.{1,4}?)(?:及|與|暨|和)(.+)$", last)
    if joined and heads:
        heads, last = heads + [joined.group(1)], joined.group(2)
    if not heads or any(not h or len(h) > 4 or UNIT_NAME.fullmatch(h) or re.search(r"[，。；：（）]", h) or
                        re.fullmatch(rf"[{CN_NUM}\d]+", h) for h in heads):  # 「二、第二科」 is a list item, not heads
        return []
    for cut in range(1, len(last) - 1):
        # (「臺北、高雄機廠設人事室」, K0000108: works the document set up, though 廠 ends no unit word alone)
        if last in known and all(h + last[cut:] in known for h in heads):
            return [h + last[cut:] for h in heads] + [last]
    if not UNIT_NAME.fullmatch(last) or NOT_A_NAME.search(last):
        return []
    cut = max(set(map(len, heads)), key=[len(h) for h in heads].count)
    rest = last[cut:]
    # 「北、中、南三區環境督察大隊」 (O0000001): the count of the heads is no part of the rest
    counted = re.match(rf"^[{CN_NUM}]+(?=區)", rest)
    if counted and cn_number(counted.group(0)) == len(heads) + 1:
        rest = rest[counted.end():]
        last = last[:cut] + rest
    if len(rest) < 2 or not UNIT_NAME.fullmatch(last[:cut] + rest):
        return []
    return [h + rest for h in heads] + [last]


def clean_name(name: str) -> str:
    """A unit's name as written, without what surrounds it in the sentence.

    >>> clean_name("本處人事室"), clean_name("電臺一所"), clean_name("覆審室分組"), clean_name("第一所")
    ('人事室', '電臺', '覆審室', '第一所')
    >>> clean_name("分析組十一組"), clean_name("第十一組"), clean_name("調查二組")
    ('分析組', '第十一組', '調查二組')

    「書記廳分科掌理事務」 (行政法院組織法): the 廳 divided into 科, no unit named 書記廳分科:

    >>> clean_name("書記廳分科")
    '書記廳'
    """
    stripped = strip_self_reference(name)
    name = stripped if stripped != name else re.sub(r"^其(?=\w{2,})", "", name)
    name = re.sub(r"^(?:分|並|另)?設(?!計|備|施)(?=\w{2,})", "", name)  # 「、設測量隊辦理…」
    name = re.sub(r"^若干(?=\w{2,})", "", name)  # 「得設若干工務所」
    return DIVIDED_AFTER.sub("", COUNT_OF_LIST.sub("", COUNT_AFTER.sub("", name)))


def bare(name: str) -> bool:
    """Only unit words, a collective of them, or a self-reference: no unit's name (分署, 辦事處, 各科或課, 本會所).

    >>> [bare(n) for n in ("分署", "辦事處", "部科", "各課室站處", "各科或課", "本會所", "室分科", "下各科", "燈塔",
    ...                    "處分科", "場站組", "艦及支局")]
    [True, True, True, True, True, True, True, True, False, False, False, True]

    A military school's 本部連 (its headquarters company: 「本校設學員生總隊部、教勤營、本部連。」, F0000059) is a name:

    >>> bare("本部連"), bare("本部營")
    (False, False)
    """
    rest = COLLECTIVE.sub("", re.sub(r"^(?:下列|左列|左例|下|左)(?=各)", "", name))
    return name != "燈塔" and bool(ONE_UNIT_WORD.fullmatch(rest) or re.fullmatch(r"[部處組科課室股站]{2,4}", rest) or
                                  re.fullmatch(rf"(?:{UNIT_SUFFIX_PATTERN})+(?:或|及|、)(?:{UNIT_SUFFIX_PATTERN})+",
                                               rest) or
                                  # 「設左例各課、室、隊、艦及支局」 (G0310020): one character before 及 is a kind
                                  # (艦, of its 巡緝艦), never a name
                                  re.fullmatch(rf"\w(?:或|及)支?(?:{UNIT_SUFFIX_PATTERN})", rest) or
                                  re.fullmatch(r"[室科課隊組]分[科課股組]", rest)  # not 處分科: 處分 is a word
                or re.fullmatch(r"本\w?[會部署局處院所館校廠](?![連營])\w?", name) and len(name) <= 3)

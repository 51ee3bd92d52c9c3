"""The eighteenth sample's conventions: sections listed as a name alone (with its other name in brackets) and
their duties as sub-items below; a sections' heading with 管理 for 掌理.

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import duties_of, parse_national, units_below


def test_a_section_named_alone_with_its_other_name_in_brackets_owns_the_sub_items():
    # 行政院衛生署藥物食品檢驗局辦事細則 第4條: 「第一組 (藥物化學組) 分設三科，各科掌理事項如左：一、第一科 (藥品一科)
    # (一) 關於輸入一般藥品查驗登記案件之檢驗事項。…二、第二科 (藥品二科)…」
    parsed = parse_national("L0010005")
    units = units_below(parsed)
    assert {"第一組/第一科", "第一組/第二科", "第一組/第三科", "第二組/第四科", "第五組/第三科"} <= set(units)
    assert "關於輸入一般藥品查驗登記案件之檢驗事項" in duties_of(parsed, "第一組/第一科")
    # the item's head is no duty of the 組
    assert not any(d.startswith("第一科") for d in duties_of(parsed, "第一組"))


def test_sections_heading_with_guanli_for_zhangli_opens_their_duties():
    # 行政院農業委員會漁業署辦事細則 第8條: 「養殖漁業組分設四科，各科管理下列事項：一、養殖漁業科 （一）養殖漁業
    # 發展政策規劃及擬訂。…四、市場行銷科 …（二）魚市場之建設、經營與管理之策劃、推動及督導。」
    parsed = parse_national("M0010009")
    units = units_below(parsed)
    assert {"養殖漁業組/養殖漁業科", "養殖漁業組/漁民組織科", "養殖漁業組/水產品安全科",
            "養殖漁業組/市場行銷科"} <= set(units)
    assert "魚市場之建設、經營與管理之策劃、推動及督導" in duties_of(parsed, "養殖漁業組/市場行銷科")

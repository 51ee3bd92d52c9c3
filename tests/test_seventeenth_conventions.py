"""The seventeenth sample's conventions (and one of the sixteenth's): units listed in items headed by their
category (業務單位, 輔助單位); units set up by a count, named by the kind's word the text calls them by (中隊).

Each expectation was read from the document's text (quoted beside it); the documents come from the
national laws database (data/national.tar.xz).
"""
from __future__ import annotations

from support import duties_of, parse_national, units_below


def test_units_listed_under_their_category_are_the_agencys():
    # 內政部警政署組織法 第5條: 「本署設下列內部單位，並得分科辦事：一、業務單位：行政組、保安組、教育組、國際組、
    # 交通組、後勤組、保防組、防治組及勤務指揮中心。二、輔助單位：督察室、公共關係室、秘書室、人事室、政風室、會計室、
    # 統計室、資訊室及法制室。」
    units = units_below(parse_national("D0000159"))
    assert {"行政組", "防治組", "勤務指揮中心", "督察室", "公共關係室", "法制室"} <= set(units)
    assert "業務單位" not in units and "輔助單位" not in units
    # 地方行政機關組織準則 第8條: 「一、業務單位：指執行本機關目的之組織。」: a definition of the word, no unit
    units = units_below(parse_national("A0040004"))
    assert not any(u.endswith(("單位", "組織")) for u in units)


def test_units_set_up_by_a_count_are_named_by_the_kinds_word():
    # 內政部警政署高雄港務警察總隊辦事細則 第4條: 「本總隊得設十四中隊辦事。」 第15條: 「中隊掌理事項如下：…三、其他有關
    # 中隊警察勤（業）務執行事項。」: the text calls them 中隊, never 各中隊
    parsed = parse_national("D0010112")
    units = units_below(parsed)
    assert "中隊" in units and "各中隊" not in units
    assert "其他有關中隊警察勤（業）務執行事項" in duties_of(parsed, "中隊")
    # 內政部警政署警察電訊所組織條例 第9條: 「本所為應業務需要，得於適當地區設置分所十所及中繼臺十臺至十二臺；」
    # then 「臺長…」: the 中繼臺 (a branch's word alone, 分所, names no unit: the family stays 各分所)
    units = units_below(parse_national("D0000105"))
    assert "中繼臺" in units and "各中繼臺" not in units and "分所" not in units


def test_a_list_of_units_and_their_staff_sets_the_units_up_without_duties():
    # 內政部警政署國道公路警察局組織條例 第8條: 「本局設置下列各隊及人員：一、公路警察隊：七隊至九隊，隊設分隊、小隊。
    # 置隊長七人至九人…二、刑事警察隊：分組辦事，隊設小隊。…三、保安警察隊：隊設小隊。置隊長一人…」
    parsed = parse_national("D0000043")
    assert {"公路警察隊", "刑事警察隊", "保安警察隊"} <= set(units_below(parsed))
    assert duties_of(parsed, "公路警察隊") == [] and duties_of(parsed, "保安警察隊") == []
    # 國軍退除役官兵輔導委員會液化石油氣供應處組織規程 第8條: 「工廠置廠長、副廠長，並得設置左列各課：一、管理課。」:
    # the 課 of a kind of works none named are not the agency's
    assert "管理課" not in units_below(parse_national("F0000016"))


def test_a_units_list_intro_read_through_a_typists_slip():
    # 經濟部中小企業處辦事細則 第8條: 「財務融通組其職掌如下：一、財務支援科：（三）中小企業信用保證業務督導及協助事項。
    # …二、馬上解決問題中心：（一）推動中小企業融資診斷輔導事項。」: its (其) 職掌
    parsed = parse_national("J0010038")
    assert "中小企業信用保證業務督導及協助事項" in duties_of(parsed, "財務融通組/財務支援科")
    assert "推動中小企業融資診斷輔導事項" in duties_of(parsed, "財務融通組/馬上解決問題中心")
    # 交通部電信總局長途電信管理局辦事細則 第5條: 「視察承局長、副局長之命，查核本局及所屬機構業務，其辦公處所視察室，
    # 職掌如左：…十、其他有關視察事項。」: the post's office, 稱 left out
    parsed = parse_national("K0010020")
    assert "其他有關視察事項" in duties_of(parsed, "視察室")
    # 交通部公路總局辦事細則 第10條: 「資訊室分設二科，各科理事項如下：一、規劃設計科 (一) 資訊系統之規劃、…」:
    # 掌 dropped
    parsed = parse_national("K0010034")
    assert "資訊安全管理事項" in duties_of(parsed, "資訊室/資料管制科")
    assert "辦公室自動化之規劃、協調及推動事項" in duties_of(parsed, "資訊室/規劃設計科")
    # 司法院所屬各機關統計室辦事細則 第14條: 「主辦人員得出席所在機關有關其職掌之各項會議。」: no unit
    assert not any("主辦人員" in u for u in units_below(parse_national("A0010057")))


def test_units_set_up_none_named_do_the_agencys_work():
    # 行政院衛生署南投醫院暫行組織規程 第3條: 「本院設各科、室，掌理民眾衛生醫療保健、醫務人員實習訓練與教學研究相關
    # 事項。」: no 科 or 室 is named, so the work is the hospital's
    parsed = parse_national("L0000047")
    assert "民眾衛生醫療保健、醫務人員實習訓練與教學研究相關事項" in duties_of(parsed, "")
    assert not any(u.startswith("各") or u in ("科", "室") for u in units_below(parsed))


def test_the_work_the_staff_placed_share_out_is_the_agencys():
    # 法務部司法官訓練所組織條例 第9條: 「本所置人事管理員及會計員各一人，委任；助理員一人，佐理員一人，委任；分掌人事
    # 管理、歲計、會計及統計事務。」
    parsed = parse_national("I0000002")
    held = [d for d in parsed.duties if d.text == "人事管理、歲計、會計及統計事務"]
    assert held and held[0].unit == parsed.agency and "人事管理員" in held[0].post and "會計員" in held[0].post
    # 第5條: 「…組員四人至十二人，委任；分掌各項事務。」: no work named
    assert "各項事務" not in duties_of(parsed, "")


def test_the_cases_a_committee_is_set_up_to_review_are_its_mandate():
    # 內政部警政署處理流氓事件聲明異議審議委員會組織規程 第1條: 「內政部警政署 (以下簡稱本署) 依檢肅流氓條例第五條第五項
    # 規定，設內政部警政署處理流氓事件聲明異議審議委員會 (以下簡稱本會) ，審議流氓聲明異議事件。」
    assert "審議流氓聲明異議事件" in duties_of(parse_national("D0000042"), "")


def test_the_sections_a_unit_sets_up_after_its_summary():
    # 財政部臺灣省南區國稅局辦事細則 第11條: 「法務一科掌理營業稅、營利事業所得稅等行政救濟案件之處理及各稅法律事務等
    # 事宜。
    # 設法規管制股，其職掌如下：一、稅務法令之轉行。…」
    parsed = parse_national("G0310013")
    assert "稅務法令之轉行" in duties_of(parsed, "法務一科/法規管制股")
    # 第16條: 「人事室掌理人事管理等事宜。分設三股，各股之職掌如下：'」 (a typist's stray quote) 「一、第一股：(一) 組織
    # 編制及辦事細則之擬訂及報核。」
    assert "組織編制及辦事細則之擬訂及報核" in duties_of(parsed, "人事室/第一股")
    assert {"人事室/第二股", "人事室/第三股"} <= set(units_below(parsed))


def test_a_family_called_by_its_short_name_with_each():
    # 衛生福利部老人身心障礙兒童及少年福利機構組織準則 第1條: 「…特設各老人、身心障礙、兒童及少年福利機構（以下簡稱社政
    # 機構）」 第2條: 「各社政機構依其業務性質、適用法規及服務對象，分為老人之家及老人養護中心、教養院、兒童之家及少年
    # 之家
    # 三類，分別掌理下列一款或數款事項：…五、無家可歸遊民收容、生活照顧、醫護及復健服務。」: the family's own list
    parsed = parse_national("D0000155")
    assert "無家可歸遊民收容、生活照顧、醫護及復健服務" in duties_of(parsed, "")
    # 中央健康保險局聯合門診中心組織規程 第3條: 「各聯合門診中心置主任一人…」: the family itself, no unit under it
    units = units_below(parse_national("L0000023"))
    assert "各聯合門診中心" not in units and "保健科" in units

"""The conventions of acts and office rules, as patterns: one place for every regular expression the
structure parser (loaders/acts/structure.py) and its paragraph rules (loaders/acts/paragraphs.py) read documents with.

Each is named for what it finds in the documents' own words; the comment above it quotes them.
"""
from __future__ import annotations

from graph_model.lazy_re import lazy
from graph_model.records.naming import LISTED_UNIT_SUFFIXES, UNIT_SUFFIX_PATTERN
from loaders.read.text import CN_NUM

# The last characters of the unit words a name in a list ends with.
UNIT_END_CHARS = "組處室科課股局署關會心隊所站場院部館廠"
POST = r"(?:主任秘書|秘書長|副秘書長|秘書|[副]?(?:署|局|處|分署|部|院|會)長|主任委員|副主任委員|參事|技監|執行秘書)"
# A post title as a paragraph's subject: 書記官, 主任軍事檢察官, 檢驗員 (never a unit name).
POST_TITLE = lazy(r"[\u4e00-\u9fff]{0,8}?(?:檢察官|書記官|法醫官|秘書|祕書|專員|技正|主任|長|官|員|師)")
# 「第一組職責如左：」: a unit's 職責 as its 職掌 (see UNIT_ACTIVE).
# 「秘書室除掌理審核文稿及機要事項外，另分三科辦事」: 除…外 sets the subject's own duties apart.
# 「書記處得分設智慧財產紀錄科、…及訴訟輔導科。」 (A0030229): what a unit may set up (得設, 得分設).
# 「號誌科下設信號台。」 (K0010056, six more 港務局 documents): what a unit sets up under it (下設).
# 「高等法院管轄事件如下：」 (A0010053): a court (院, 庭) and the cases it hears.
SUBJECT_END = lazy(r"(?=置|設|下設|分設|依法|分[一二兩三四五六七八九十\d]+|掌理|掌(?:左列|下列)|之職掌|職掌|權責|，"
                         r"|各股|各科|辦理|綜理|負責|除(?:掌理|辦理)|得分?設)|(?<=[組科課股室處隊所站心])(?=之?職責)"
                         r"|(?<=[會組科課股室處隊所站心臺段])(?=之?任務如[下左])|(?<=[院庭])(?=管轄)")
# 「蒙古地方所設省、縣」 (D0000045), 「轄區不完整之省所設之縣度量衡檢定站」 (J0000018): 所設 is "which … sets up"
# after a place or a body; no unit's name ends so.
RELATIVE_SUO = lazy(r"(?:[省縣市國]|地方|機關|政府|需要)所$")
# 「旗札薩克公署，設總務、政務二科」 (D0000045), 「輔導處，設輔導組辦事。」 (I0010100): a comma between the subject and
# what it sets up.
SUBJECT_COMMA_SETS_UP = lazy(r"^(?P<subject>[^，。：、（）「」設置]{2,16})，"
                             r"(?=(?:並|另)?分?設(?!計|備|施|定)(?:置|立)?[^，。；]{2})")
CONTINUATION = lazy(r"^(?:分設?[一二三四五六七八九十\d]+[科課股組隊]|各(?:科|股|課|組|隊)(?:之)?(?:職掌|掌理))")
# 「秘書室掌理左列事項，並設二科」: a short clause may follow the intro before the list.
# 「並設左列各課室站處。」 + 「一、第一課」: a list of the units set up may end with 。.
# 「本校設左列各處、科、組及軍訓人員。」 (H0000020): the kinds listed may run to a dozen characters.
# 「人事室職掌如下；」 (K0010013), 「政風處掌理左列事項；」 (K0010024), 「考銓處之職掌如左。」 (A0010064), 「會計室職掌
# 如下．」 (D0010038): the typist's ；, 。 or ． for the intro's colon.
LIST_INTRO = lazy(r"(如下|下列事項|左列事項|如左|如次|下列各\S*|職掌)(?:[，,][^，。：；]{1,12})?"
                  r"(?:[：:]|(?<=如下|如左|事項)[；;。．])?$|[：:]$"
                        r"|設(?:下列|左列)各[^，。：；]{1,12}。$")
# 「研究所所務會議審查聘任案時依下列規定辦理：」 (A0010019), 「本團置指揮…並依下列規定辦理：」 (H0000080): the items
# are rules to follow (who leaves the vote, how staff are hired), not duties; what a body reviews stays its duty
# (「甄審會會議審議事項依下列規定辦理：」, S0000016); nor are conditions (「研究所籌備處合於下列條件者，其處務會議得依
# 前項規定辦理聘審事宜：」).
RULES_INTRO = lazy(r"(?:(?<!審議事項)(?<!審查事項)(?<!職掌)依(?:下列|左列)之?規定[^，。；：]{0,8}"
                   r"|(?:合於|符合)(?:下列|左列)條件者?[^。；：]*)[：:]$")
# A list is one of duties only when its intro says so (掌理下列事項, 各股之職掌如下, 權責如下); 「以下列人員組成之：」
# (a meeting's members) and 「關於左列事項，得由局行文：」 list other things.
# 「本會審查之範圍如左：」 (A0010020), 「本會設計委員會設計項目如左：」 (F0000007): what a body reviews, plans, studies
# or deliberates is its duty; 「本處以承辦…建設工程及相關業務為主，其項目如左：」 (F0000013): the items of its business.
# 「高等法院管轄事件如下：」, 「少年及家事法院…管轄下列第一審事件：」 (A0010053, A0010055, A0010100): the cases a court
# hears are its work, what a planner asks it about.
# 「資訊室分設二科，各科理事項如下：」 (K0010034): 掌 dropped by the typist; 「養殖漁業組分設四科，各科管理下列事項：」
# (M0010009): 管理 for 掌理 in the sections' heading.
DUTY_INTRO = lazy(r"掌理|掌(?=左列|下列)|(?<=各[科課股組])理事項如[下左]|(?<=各[科課股組])管理(?=下列|左列)"
                  r"|職掌|執掌|權責|職責|辦理|負責|任務|分掌|掌管|主管|統籌|處理(?:下列|左列)"
                  r"|(?:業務|工作)(?:範圍|項目)?如[下左]|(?:審查|審議|設計|研究|議事)之?(?:範圍|項目)如[下左]"
                  r"|業務\S{0,4}，其項目如[下左]|管轄(?:下列)?[^，。；：]{0,6}?事件(?:如[下左])?[：:]$")
# 「市參議會之職權如左：」 (D0000114), 「縣參議會之職權如左。」 (D0000115), 「本會之職權如下：」: a council's or a
# representative body's 職權 are its duties (not a post's or a meeting's: 「本府主席之職權如左：」,
# 「本會委員會議職權如左：」).
OWN_POWERS = lazy(r"^(?P<who>[^，。；：之]{1,20}?)之?職權(?:如[下左次])[：:。]?$")
# 「本府置消費者保護官，受市長…指揮監督，掌理消費者保護事項。」: a post the agency sets up, with its duty, greedy to
# the sentence's last 事項 as DUTY_VERB (「置會計員，依法辦理歲計、會計事項，並兼辦統計事項」: 11 documents).
# 「行政院置發言人一人，特任，處理新聞發布及聯繫事項」 (A0010032): 處理 too; not the staff's catch-all
# (「本局置組長、…及雇員，承長官之命處理應辦事項」, Q0010005).
POST_DUTY = lazy(rf"置(?P<titles>[^，；。：置]{{2,40}}?)(?:[{CN_NUM}]+人(?:至[{CN_NUM}]+人)?)?，"
                        r"[^；。置]*?(?:掌理|辦理|負責|處理)(?!應辦事項)(?P<duty>[^；。]*事項)")
# 「本所置人事管理員及會計員各一人，委任；助理員一人，佐理員一人，委任；分掌人事管理、歲計、會計及統計事務。」
# (I0000002), 「本會置參事三人至六人，簡任；專門委員六人至九人，簡任；分掌撰擬、研究、審閱…及長官交辦事項。」
# (F0000006): the staff the agency places share out its work, after their counts and ranks (not 分掌各項事務,
# 分掌有關事務, 分掌本細則第二章規定之有關事務: no work named).
POSTS_SHARE = lazy(r"置(?P<titles>[^。置]{2,120}?)[，；]分掌(?!各項|有關|其他|本細則|各組|各科)"
                   r"(?P<duty>[^，。；：]{4,80}?(?:事務|事項))。?$")
# 「駐外機構得視實際需要，…遴用當地專業人員及置當地僱用人員，協助館務。」 (E0000017), 「本署得商請警政主管機關，置
# 專業警察，協助執行衛生醫療法令。」 (L0000001): the staff the agency places to help with its work, what they help with.
POST_ASSISTS = lazy(rf"置(?P<titles>[^，；。：置]{{2,20}}?)(?:[{CN_NUM}]+人(?:至[{CN_NUM}]+人)?)?，(?:以)?"
                    r"(?P<duty>協助[^，；。]{2,60}?)[。；]?$")
# 「本會設秘書室掌理議事…」: the list ends at punctuation or where the unit's duty begins (「…人事室、會計室分別掌理
# 本所組織條例…」), or before an aside in brackets (「設業務組、修護組、指揮管制組 (第一、二、三、四組) ，」).
# A military school's list may end with a company or battalion (「本校設學員生總隊部、教勤營、汽車連、本部連。」,
# F0000058; 「…、學員生指揮部及本部連。」, F0000069): 連 and 營 end too many other words (關連, 經營) to be unit
# words alone.  So may a works after a unit (「本處設二課及船舶機械修理廠，分別掌理前條所列事項。」, K0000081), and a
# school's department (「本校設機械工程學系、應用外語系及通識教育中心」).  「設立各類研究及服務中心」 (H0000031):
# 各類 is part of the family's name, and 各級 of a collective (各級法院: none); 各種 is none:
# 「設立各種研究所」; 「得設各種委員會」, 「得設各種專案小組」 name no unit: see ANY_NUMBER_OF.
# Committees and working groups set up as needed, any number of them: 「必要時並得設各種專案小組」 (H0000038).
ANY_NUMBER_OF = lazy(r"(?:委員會|小組|審查會|訓練班)$")
# 「縣設縣參議會，以縣民選舉之參議員組織之」 (D0020016), 「市設市參議會，由市公民…選舉市參議員組織之」 (D0020014): the
# council a local government act sets up beside the 政府 is a unit of the 縣 or 市 (會 alone is no unit word).
COUNCIL = lazy(r"[縣市省]參議會")
SETS_UP = lazy(r"(?<![建假陳])設(?!計|備|施|定)(?:置|立)?(?:下列|左列)?(?:各種|各(?!類|級))?"
                      rf"(?P<list>[^，。；：]*?(?:{UNIT_SUFFIX_PATTERN}|燈塔|[、及][^，。；：、及]{{1,6}}[連營]"
                      # (「機務組設船機、供應二科及材料配件庫」, seven harbour bureaus: a store set up beside 科)
                      rf"|(?<=[{UNIT_END_CHARS}])[、及](?:[^，。；：、及]{{2,10}}(?:廠|園區|劇團|樂團|系)|[^，。；：、及]{{0,4}}配件庫)|學系"
                      r"|會(?=為(?:常設性|臨時性)?任務編組)"
                      # 「縣設縣參議會，以縣民選舉之參議員組織之」 (D0020016, D0020014's 市參議會): see COUNCIL
                      r"|(?<=[縣市省])參議會"
                      # 「於竹子山、火炎山…各設中繼台一台」 (D0000099): a station counted as one
                      r"|[臺台][一二兩三四五]+[臺台]"
                      # 「本中心設實習工廠，置廠長、技師…，辦理實作訓練…等工作。」 (F0000024): a works with a head or a
                      # duty of its own
                      r"|廠(?=[，,](?:置廠長|辦理|掌理|負責))))"
                      rf"(?=[，。；：]|$|(?:[{CN_NUM}]+[科課股組室處])?(?:分別)?(?:掌理|辦理|負責)"
                      r"|\s*[（(][^（）()]{1,16}[）)]\s*[，。；：]"
                      # 「…、會計室、保防管理員，分別掌理…」 (D0010033), 「…、人事室及會計員。」 (K0010058): the posts
                      # that close a list of units are set up beside them
                      r"|(?:[、及][^，。；：、及]{1,6}?員)+[，。；]"
                      # 「本委員會得設置執筆小組及總執筆一人」 (A0010007): a post set up beside the unit
                      rf"|及[^，。；：及]{{1,6}}?[{CN_NUM}]+人"
                      # 「本所設人事室、置主任、組員、書記，依法辦理人事管理事項。」 (D0000095, 12 acts): 、 typed
                      # for ， before the unit's posts
                      r"|、置"
                      # 「警察學校設人事室或置人事管理員」 (D0000031, F0000016, H0060015): the unit or, in a small
                      # one, a post instead
                      r"|或置"
                      # 「設法規會為常設性任務編組，置執行秘書一人」 (D0010116): what it is set up as
                      r"|為(?:常設性|臨時性)?任務編組)")
# 「得於臺北、臺中、臺南、高雄各地分設服務所」 (K0000109), 「於台北、宜蘭、…、澎湖各設分所一所」 (D0000098): the
# places name the members, one of the kind in each.
# (「於臺北、新竹、…、臺東及澎湖各設分所」, D0010035: 及 before the last place)
PLACES_BEFORE = lazy(r"(?:於|在)(?P<places>[^，。；、於在及與]{2,4}?(?:(?:、|及|與)[^，。；、於在及與]{2,4}?)+)"
                     r"(?:等)?(?:各地區?|各)?(?:分別)?分?$")
# 「得視業務需要，以任務編組方式組設國內外施工處…、施工所、施工站，…工程完成時撤銷」 (F0000013), 「得於適當地區以任務
# 編組設管理所及測量隊」 (D0000091): task forces formed for a job, no standing unit (a standing one is set up
# 「為常設性任務編組」).
AD_HOC = lazy(r"以(?:臨時性)?任務編組(?:方式)?組?$")
# 「各局得視業務需要，設臨時作業編組工務隊及勘測隊；所需人員由各局調兼之。」 (J0000057): the same, said after 設.
AD_HOC_NAMED = lazy(r"^臨時性?(?:作業|任務)?編組")
# 「本分局分局長綜理局務，副分局長襄理局務，並設…」 (or 「…襄理局務並設…」): 並設 after a post's clause is the
# agency's (posts set no units up).
AGENCY_CLAUSE = lazy(r"(?:並|另)得?$")
# 「設業務組、修護組、指揮管制組 (第一、二、三、四組) ，並掌理下列事項：」: after the list, 並 goes on with the agency.
AGENCY_GOES_ON = lazy(r"^\s*(?:[（(][^（）()]{1,16}[）)])?\s*[，,]並(?:掌理|辦理|負責)")
# 「，分掌事項如下：」, 「，分別掌理下列事項：」: the units just set up share the list that follows.
SHARED_OUT_LIST = lazy(r"^\s*[，,](?:並)?(?:分掌|分別(?:掌理|辦理|負責))")
# 「設監察業務處、…、綜合業務處，分別掌理下列事項：」 (A0010071): a duty that only points to the list after it.
EMPTY_DUTY = lazy(r"(?:下列|左列|以下|有關)?(?:各[款項])?(?:事項|業務|事務)(?:如[下左])?")
# 「分別掌理本局組織通則第二條及本細則第二章所定事項」: a duty that only points to another text.
POINTS_ELSEWHERE = lazy(r"第\S{1,4}[條章]|前條|前項")
# 「設各課及工場，分別掌理下列事項：」: 各 before a list of type words, every unit of each kind
# (not 各種: 設各種委員會).
COLLECTIVE_SET_UP = lazy(r"^設(?:置|立)?各(?!種)")
# 「鹽務總局設產銷處，財務處、總務處。」: a list that goes on after a comma, up to the sentence's end.
LIST_GOES_ON = lazy(r"^，(?P<more>[^，。；：]+?)(?=[。；]|$)")
# 「各區工程處，各設人事室及會計室」 (K0000004), 「本處台北機廠、高雄機廠各設人事室」 (K0000116): the units named
# first each set up those listed after 各設.
EACH_SETS_UP = lazy(r"^(?P<who>[^。；：]{2,40}?)[，,]?各設(?:置|立)?(?P<list>[^，。；：]+)")
# 「本處台北機廠、高雄機廠各設人事室」 (K0000116): the subject of 各設 as whole names, one after another.
NAMES_IN_TURN = lazy(r"、|及|與|暨")
# 「…設實習工廠，置廠長、技師、副技師、技術員，辦理實作訓練、五金零件製作及機具修護保養等工作。」 (F0000024),
# 「…設機械修配調度總廠，辦理機械作業統一調配、修配、養護、物料倉儲等業務，其編制如左：」 (F0000013): what the works
# does, after its head.
WORKS_DUTY = lazy(r"^[，,][^。；：]*?(?:掌理|辦理|負責)(?P<duty>[^，。；：]{4,}?(?:事項|業務|事務|工作))(?=[，。；]|$)")
# 「總統府設法規委員會，辦理法制業務，…」 (A0010012), 「…得設執行科，掌理關於刑事執行事務，並得分股辦事。」
# (A0010053), 「…設考銓處，依本條例之規定，掌理各該省區內之考選銓敘事宜」 (A0010064), 「設置遠洋漁業開發中心，執行
# 漁業資源之研究開發…工作。」 (M0000004): what a unit set up in prose does, right after it, said as 業務, 事務, 工作 or
# 事宜 (not 事項: DUTY_VERB); a duty naming no work of its own (辦理有關事宜, 各該科主管事務) is none.
SET_UP_WORK = lazy(r"^[，,](?:依[^，。；：]{0,12}?規定，)?(?:掌理|辦理|負責|執行)"
                   r"(?!(?:有關|相關|各該|各項|其他)[^，。；：]{0,6}(?:業務|事務|工作|事宜))"
                   r"(?P<duty>[^，。；：]{2,}?(?:業務|事務|工作|事宜))(?=[，。；]|$)")
# 「懲戒法院設職務法庭，分庭審判法官法第四十七條…案件；」 (A0010056): the cases a chamber set up hears, its duty;
# 「本院設大法庭，裁判法律爭議。」 (A0010055, A0010060, A0020093): the disputes it settles.
CHAMBER_CASES = lazy(r"^[，,](?:分庭)?(?P<duty>(?:審判|審理|裁判)[^，。；：]{2,60}?(?:案件|事件|爭議))(?=[，。；]|$)")
# 「本會受理建築師懲戒覆審案件後依左列程序處理之：」 (D0000009), 「紀律委員會審議大會交付之懲戒案件，得按情節輕重為
# 左列之處分：」 (A0010004): the cases a committee of members takes up, whatever the sentence goes on to say of them.
CASES_TAKEN_UP = lazy(r"^(?P<duty>(?:受理|審議)(?![及與之、])[^，。；：]{2,30}?(?:案件|事件|案))(?=後|時|，|得|。|$)")
# 「地方法院設書記處，置書記官長一人，…三等書記官，…，分掌紀錄、文書、研究考核、總務、資料及訴訟輔導等事務」
# (A0010053, A0010056, A0010100): what the staff of a unit just set up share out is its work.
STAFF_SHARES = lazy(r"[，；]分掌(?P<duty>[^，。；：]{4,80}?(?:事務|事項|業務))(?=[，。；]|$)")
# 「…設機械修配調度總廠，…，其編制如左：」 + 「一、置廠長、…」「二、設人事室，置主任、組員，…」 (F0000013): the unit's
# establishment, its posts and the units it sets up.
ESTABLISHMENT = lazy(r"其?編制如[左下][：:]$")
# 「本局設證照管理組、…及會計室，並設製藥工廠，另因業務需要得設分局。」 (L0000028): the sentence goes on setting
# units up after the first list (not 「並於機具所下設調派站」: a unit's own).
FURTHER_SET_UP = lazy(r"^[，,](?:並|另)(?P<cond>[^，。；設下]{0,12}?得)?(?:於[^，。；設下]{1,10})?"
                      r"設(?!計|備|施|定)(?:置|立)?(?P<list>[^，。；：]+?)(?=[，。；]|$)")
# 「一、港務組：設港灣、繫船、號誌三課及船舶管理所。並在號誌課下設第一、第二信號臺，船舶管理所下設第一、第二股，…」
# (K0000086, and the 信號台 of K0000103 and K0000118; 「並於機具所下設調派站」, K0000087): a unit just set up sets
# up its own, named before 下設.
NAMED_SETS_UP_BELOW = lazy(r"(?:^|[，。；])(?:並|另)?(?:在|於)?(?P<parent>[^，。；：、在於]{2,12}?)下(?:分)?設"
                           r"(?:置|立)?(?P<list>[^，。；：]+)")
# 「本會秘書室設企劃、管考、資料三科，並於資料科設圖書室。」 (K0010006), 「考試院為辦理考試之檢覈，得於考銓處設檢覈
# 委員會。」 (A0010064), 「得於企劃管理組設辦事處為派出單位」 (N0010026): what is set up in (於) a unit is that unit's.
SET_UP_IN = lazy(r"(?:^|[，。；])[^，。；：]{0,16}?(?:並|另)?得?於(?P<parent>[^，。；：、在於]{2,12}?)(?:內)?"
                 r"設(?:置|立)?(?P<list>[^，。；：為]+)")
# 「在接受委託期間設農民健康保險部，下設承保、現金給付、醫療給付、給付會計、財務五科，分別掌理…」 (N0000005),
# 「設環境督察總隊，其下分設北、中、南三區環境督察大隊。」 (O0000001): the units set up under the one just set up.
SET_UP_BELOW = lazy(r"^[，,](?:其|並於其|並)?下(?:分)?設(?:置|立)?(?P<list>[^，。；：]+?)(?=[，。；]|$)")
# 「本站設會計室、置主任一人，掌理會計…事項，設人事室，置主任、副主任各一人，分別掌理人事管理…事項」 (K0000024): a
# later clause of the agency's sentence sets up another unit, with posts and a duty of its own.
# 「…各設林區管理處；並另設農林航空測量所，其暫行組織規程另定之。」 (M0000017): 並另 as 並.
LATER_SET_UP = lazy(r"[，；](?:並另|並|另)?設(?!計|備|施|定)(?:置|立)?(?P<name>[^，。；：、]{2,10}?)(?=[，；。]|$)")
# 「省設省政府綜理全省行政事務，並監督地方自治。」 (D0020012), 「教育部設教育研究委員會，其任務如左：」 (H0000003),
# 「主管機關及直轄市、縣（市）政府分別設採購申訴審議委員會（以下簡稱申訴會），掌理下列事項：」 (A0030096): the
# body above sets the agency up; what it 綜理 or 掌理 is the agency's.
SET_UP_ABOVE = lazy(r"^(?P<by>[^，。；：設]{1,24}?)(?:特|爰)?設(?:置|立)?(?P<what>[^，。；：]{2,24}?)"
                    r"(?:(?:綜理|掌理)(?P<duty>[^。；：]{4,}?)。?$|(?=[，,]|$))")
# 「經濟部水利署設第一至第十河川局（以下簡稱各局）」: a family document naming its members.
MEMBERS_SET_UP = lazy(r"^(?P<by>[^，。；：設為（(]{2,20}?)\s*(?:[（(]以下[^）)]{1,12}[）)])?\s*"
                             r"(?:為[^。；：設]{2,80}?，)?"
                             r"(?:(?:於|在)[^，。；：設]{1,10}?)?(?:特|爰)?得?(?:分)?設(?:置|立)?"
                             r"(?P<list>[^，。；：（(]+?)(?=\s*[（(，。；：]|$)")
# 「下列事項由教務組辦理之：」, 「下列事項由人事管理員督同人事佐理人員辦理之：」 (I0010003): the list form of
# 「…事項，由行政組辦理之」 (BY_UNITS); who is charged, a unit or a post (whom it directs aside).
# 「下列事項由中央研究院評議會於研究所組織規程定之：」 (A0010016): a council that settles them (定之) in rules.
LIST_CHARGED_TO = lazy(r"^(?:下列|左列)(?:各款)?事項[，,]?由(?P<who>[^，。；：於]{2,16}?)(?:督同[^，。；：]{1,16}?)?"
                       r"(?:辦理|掌理|負責|於[^，。；：]{2,16}?定)之?[：:]$")
# 「少年保護官應服從法官之監督，執行下列職務：」 (A0010100): a post's own list, whose supervision is no part of it.
POST_DUTIES = lazy(r"^(?P<who>[^，。；：、]{2,8}?)(?:應[^，。；：]{2,40}?，)?執行(?:下列|左列)職務[：:]$")
# 「…設調查保護室，置少年調查官、少年保護官、家事調查官…」: the room a post is placed in.
PLACED = lazy(r"設(?P<room>[^，。；：、]{2,12}?室)，置(?P<posts>[^。；]+)")
# 「本隊置會計室，置會計主任、佐理員，依法辦理歲計、會計及統計事項。」 (K0000049, D0000101: the 暫行組織規程 of
# 臺灣省政府功能業務與組織調整): a room placed with its posts placed in it is set up (置 for 設).
PLACED_ROOM = lazy(r"^(?P<who>本[^，。；：、]{1,3}?)置(?=[^，。；：、]{2,8}?(?:室|組|課|科)，置)")
# 「本局設行政課、刑事課、…、保安警察隊、麥寮工業專用港警察隊、派出所等單位，分別掌理…」 (D0010037; J0010029,
# J0010031…34, F0010034, T0010002): 等單位 closes the list of the units set up, no part of its last name.
ETC_UNITS = lazy(r"(?P<head>設(?:置|立)?[^，。；：]{2,160}?[^，。；：、]{2,16}?(?:[課科組室處隊所站]|中心))"
                 r"等單位(?=[，。；]|$)")
# 「各地區巡防局為應任務需要，各設岸巡總隊及所屬單位，東部地區巡防局並設醫務隊」 (D0090004, the one sentence of
# the corpus so written): the units below a unit set up, none named, are no part of the list; a member the document
# named sets up its own mid-sentence with 並.
WITH_ITS_UNITS = lazy(r"(?P<head>設[^，。；：]{2,12}?(?:隊|組|科|課|室|處|所|站))及所屬單位(?=[，。；]|$)")
MEMBER_ALSO_SETS_UP = lazy(r"[，；](?P<who>[^，。；：、設]{2,14}?)並設(?!計|備|施|定)"
                           r"(?P<list>[^，。；：]{2,14}?)(?=[，。；]|$)")
# 「管理處設秘書室、掌理文書、研考…」 (K0000084): the typist's 、 for the comma between the unit set up and its
# work — the one sentence of the corpus that writes it so, a slip read as its comma.
LISTED_BEFORE_WORK = lazy(r"^(?P<head>[^，。；：、]{2,16}?設[^，。；：、]{2,12}?(?:室|組|科|課|處|中心))、(?=掌理)")
# 「高等行政法院得視事務之繁簡，就高等行政訴訟庭及地方行政訴訟庭分設各庭，每庭各置庭長一人」 (A0010061),
# 「…就智慧財產法庭及商業法庭分設各庭」 (A0030229): a court's divisions (set up by its 組織法), each divided by count.
DIVISIONS_DIVIDED = lazy(r"就(?P<list>[^，。；：就]{1,24}?庭(?:(?:及|、)[^，。；：就、及]{1,16}?庭)+)分設各庭")
# 「本段依業務需要設樹林機務分段附屬單位。」 (K0010100), 「…設苗栗機務分駐所附屬單位。」 (K0010101): the railway 段's
# subsidiary unit, named before 附屬單位 (a 分段 as much as a 分駐所).
SUBSIDIARY_SET_UP = lazy(r"設(?P<name>[^，。；：、及]{2,16}?)附屬單位(?=[，。；]|$)")
# 「前項各醫院…得視業務需要，增設各科、室，分別掌理下列事項：」 (L0000033): the agency as the article before named it.
NAMED_BEFORE = lazy(r"^(?:前[項條]|上開|上述)")
FAMILY_NAME = lazy(r"^(?:所屬)?各(?:區|地)?")
# 「行政執行處依業務繁簡…，分為三類」 + 「第一類行政執行處設人事室」 (I0000017), 「一等辦事處設接管課…」,
# 「特等航空站設六組」: a class of the family the document sets up is the family itself, no unit of it; so is
# 「前項甲、乙種類型服務處得設輔導組及服務組」 (F0000028: 甲種類型服務處 in the document of 榮民服務處).
FAMILY_CLASS = lazy(r"^(?:第[一二三四五]類|[一二三四五特]等|[甲乙丙丁特](?:[等級]|種類型|種))(?P<kind>\S{2,})$")
# 「一、二等分局設人事室」 (J0000014), 「甲、乙種類型榮家設人事室」 (F0000029): classes of the family's members,
# graded by number, by 甲乙丙丁 or 特, written before the family's name.
FAMILY_CLASSES = rf"[{CN_NUM}甲乙丙丁特]+(?:、[{CN_NUM}甲乙丙丁特]+)*(?:等|級|種類型|種|類)"
# 「…第七總隊（以下簡稱各總隊）」: right after the members, the collective the document calls them by.
FAMILY_DEFINED = lazy(r"^\s*[（(]以下(?:簡)?稱「?各(?:地?區)?(?P<kind>\S{1,8}?)」?[）)]")
# 「北、中、南部汽車技術訓練中心」, 「國立新竹、彰化、台南、台東社會教育館」: a family named in a title (or in
# the text's own definition of it) by a list of heads, the rest of the names written once, after the last head.
TITLE_LIST = lazy(r"(?P<heads>[^、，。；：（）()\s]{1,12}(?:、[^、，。；：（）()\s及]{1,4})*)(?:、|及)"
                        r"(?P<last>[^、，。；：（）()\s及]{3,20})")
# 「北、南區工程處」: a region's head is one character before 區 or 部.
REGION_HEAD = lazy(r"^[東西南北中][區部]")
# 「…。第一工廠設印製、監查、製墨、輔工四課；第二工廠設…」: a unit set up earlier sets up its own, mid-paragraph.
CLAUSE_SET_UP = lazy(r"^(?P<parent>[^，、設置得]{2,16}?)(?:下)?(?:分)?設(?P<list>[^，。；：]+)$")
ACTIVE_SUBJECT = lazy(r"掌理|掌(?:左列|下列)|職掌|分設?\S{1,3}[科課股組隊]|置\S{1,6}長|權責|辦理|綜理|分掌|"
                             r"設[^，。；]{0,40}?(?:科|課|股|組|室|隊)(?:[，、及與：]|$)")
# 「第一組職責如左：」: a unit's 職責 are its duties.  (A post's 「院長之職責如下：」 is not read as yet: its
# catch-alls, 院長交辦事項, would become first answers of the whole-government set that nobody has graded.)
# 「第一組設組長副組長各一人，…其掌管事項如左項：」: 掌管 too.
# 「法規委員會任務如下：」 (F0010004), 「稽查電臺之任務如左：」 (K0000013): a unit's 任務 are its duties too.
# 「地方法院設公證處，置公證人及佐理員」, 「地方法院設提存所，置主任及佐理員」 (A0010053): a 處 or 所 set up and staffed
# right away is a unit the subject sets up, however its posts are named.
UNIT_ACTIVE = lazy(rf"{ACTIVE_SUBJECT.pattern}|職責|掌管|任務(?=如[下左])"
                   r"|^[^，。；]{2,16}?設(?!計|備|施|定|於|置)[^，。；]{1,12}?[處所]，置"
                   r"|^[^，。；]{2,16}?下設(?!計|備|施|定|於|置)"  # 「號誌科下設信號台。」 (K0010056)
                   # 「地方法院分設民事庭、刑事庭」, 「高等行政法院分設高等行政訴訟庭、…」
                   r"|設[^，。；]{0,16}?(?:民事|刑事|處分|簡易|訴訟|大法)庭(?:[，、及與：]|$)"
                   # 「高等法院管轄事件如下：」
                   r"|^[^，。；]{2,16}?[院庭]管轄(?:下列)?[^，。；：]{0,6}?事件(?:如[下左])?[：:]$")
# 「前條各處、科、組之職掌如左：」 + 「一、教務處：掌理…」 (H0000020, H0060015): the duties of the units the article
# before set up, each item naming its unit (not 「各科、室主管權責如下」: their heads').
EARLIER_UNITS_DUTIES = lazy(r"^前[條項](?:所[列定設])?各[^，。：；主]{1,12}?之?(?:職掌|掌理事項)(?:如[左下])?[：:]$")
ALIAS_PAREN = lazy(r"（以下(?:簡)?稱[^）]{1,12}）")
# 「本校設左列各處、科、組及軍訓人員。」 (H0000020): a list of units may follow a sentence that ends with 。.
# 「本會委員分為左列三組，負責法規案件之初審及研究。」 (G0300007), 「本會…依問題之性質及類別，分為左列各組：」
# (A0010052): a committee's groups, each item naming one and what it reviews.
# 「本署設下列內部單位，並得分科辦事：」 (D0000159), 「本部設下列單位，並得分組、中心或處辦事：」 (F0010046…49): the
# units listed may be divided further, as needed.
# 「本局設置下列各隊及人員：」 (D0000043): the agency's 設置 (not 「工廠置廠長、副廠長，並得設置左列各課：」,
# F0000016: the units of a kind of works set up as needed, none named).
# 「本局設置下列各隊及人員：」 + 「一、公路警察隊：七隊至九隊，隊設分隊、小隊。置隊長七人至九人…」 (D0000043): a list of
# units and their staff; what follows an item's unit is its establishment, no duty.
UNITS_AND_STAFF = lazy(r"設(?:置|立)?(?:下列|左列)各?[^，。；：]{1,6}及人員[：:]$")
SETS_UP_LIST = lazy(r"設(?:下列|左列)(?:各)?[^，。；]*[：:]$|^本\S{1,3}設(?:置|立)(?:下列|左列)(?:各)?[^，。；]*[：:]$"
                    # 「經濟部中央標準局（下簡稱本局）設各類國家標準起草委員會（以下簡稱各委員會）如左：」 (J0000016)
                    r"|設(?:置|立)?各類[^，。；：]{2,20}如[左下][：:]$"
                    # 「書記廳設下列科，承長官之命，辦理各該科主管事務：」 (A0010060, A0020094; 。 for the colon,
                    # A0010061): the units listed, each doing its own business
                    r"|設(?:下列|左列)各?[^，。；：]{1,8}[，,](?:承[^，。；：]{1,8}之命[，,])?辦理各該\S{1,2}主管事務[：:。]$"
                    r"|設(?:下列|左列)各[^，。：；]{1,12}。$"
                    r"|設(?:下列|左列)(?:各)?(?:內部)?單位[，,]並得分[^，。；：]{1,8}辦事[：:]$"
                    r"|分為(?:下列|左列)(?:各|[一二三四五六七八九十]+)(?:小)?組(?:[，,][^。；：]*)?[。：:]$")
# 「省保安警察隊分左列各種：」 + 「一、保安警察總隊。」 (D0080006), 「本法所稱法院，分左列三級：」 + 「一、地方法院。」
# (A0010053), 「行政法院分下列二級：」 (A0010055): the kinds or levels a framework act divides its bodies into (the
# agency's own: not 「前項所稱檢察署，分下列三級：」, bodies of another act).
KINDS_OF_BODIES = lazy(r"^(?:本(?:法|條例)所稱)?(?P<who>[^，。；]{1,16}?)[，,]?分為?(?:下列|左列)"
                       r"(?:各種|[二三四五]級)[：:]$")
# 「提案之審查設左列各委員會：」 + 「第一審查委員會審查關於憲法之提案…」 (A0010003), 「第一組設左列二科：」 +
# 「第一科掌理…」 (D0020003), 「…置左列各科，分掌事務：」 + 「審核科職掌如左：」 (A0010015): an old list of units
# written without markers, each line opening with a unit of the kind the intro names, alone or with what it does.
LIST_KINDS = lazy(r"[設置](?:下列|左列)(?:各)?[一二三四五六七八九十]*(?P<kinds>[^，。；：]{1,12})"
                  r"(?:[，,][^，。；：]{0,8})?[：:]$")
# 「設查核組（任務編組），任務如下：」 (F0010004, within 第八處's article): a set-up with no subject.
NO_SUBJECT_SET_UP = lazy(r"^(?:並|另)?設(?P<list>[^，。；：]{2,20}?)[，。]")
# 「五、病理檢驗部：…血庫業務及有關病理檢驗…等事項，分左列各科、庫：」 (F0000018): a unit's item names the kinds of
# its own sub-list, 血庫 among its 科.
SUB_LIST_KINDS = lazy(r"分(?:下列|左列)各(?P<kinds>[^，。；：]{1,12})[：:]$")
UNMARKED_ITEM = lazy(rf"^(?P<name>[^，。；：:、（）\s]{{2,16}}?(?:{UNIT_SUFFIX_PATTERN}))"
                     r"(?=。?$|[：:]|之?(?:職掌|掌理|辦理|負責|審查|審議|掌管))")
# 「二、工廠事業科：」 + 「掌理工廠、場礦及交通公用事業等投保單位之下列事項：」: the intro of the item's list of duties
# on the next line, no subject of its own.
HEADS_DUTIES = lazy(r"^(?:其)?(?:分別)?(?:掌理|辦理|負責)[^。；]*(?:下列|左列)[^。；]*[：:]$")
# 「法務一科掌理…行政救濟案件之處理及各稅法律事務等事宜。設法規管制股，其職掌如下：」 (G0310013): after its summary, a
# unit sets up one section, whose (其) list follows.
ONE_SECTION_SET_UP = lazy(r"。設(?P<name>[^，。；：設]{2,10}?(?:股|科|課|組))，其職掌如[下左][：:]$")
# 「一、審核課掌理進口報單審核及總務事項。分設四股辦事：」 (G0310021): the clause dividing the unit is no duty of it.
SPLIT_CLAUSE = lazy(r"(?:並|另)?(?:得)?分設?[一二兩三四五六七八九十\d]+[科課股組隊](?:辦事|辦理)?[：:。]?")
# 「一、法規會：辦理相關法制…事項，置執行秘書一人，由適當人員擔任。」 (L0010053), 「置隊長、副隊長、分隊長、小隊長、
# 警員」 (D0000094): the posts an item's unit is staffed with, no duty of it.
STAFFING_CLAUSE = lazy(r"(?:分|另)?置(?:(?!事項|事務|業務)[^，。；]){1,120}?(?:[，,](?:並得?|均|由)[^，。；]{1,30})?")
# 「…，置主任委員一人，執行秘書一人，由適當人員擔任。」 (F0010057), 「置隊長一人，副隊長一人，均警正；分隊長一人至六人」
# (D0000106): the posts after the first go on without 置, with their ranks (均警正, 職務列委任第三職等…).
STAFFING_MORE = lazy(r"[^，。；、]{1,10}?[一二三四五六七八九十百]+人|均|職務|職位|警[佐正監]|[委薦簡]任|其中")
# 「審查三科掌理…案件之查緝。分設三股，各股之職掌如下：」 (G0310011), 「第一組掌理…等事項，分設下列各科辦事：」
# (G0310004): the unit's summary duty before the clause that divides it; 「勘測課掌理…計價業務；分二股辦事：」
# (G0310049): or before a semicolon.
SUMMARY_BEFORE_SPLIT = lazy(r"^[^。：，]{2,16}?掌理(?P<duty>[^。：]{4,}?)[，。；]"
                            r"(?=(?:並)?分設?(?:下列|左列)?各?[一二兩三四五六七八九十]*[科股組課])")
# 「一、教務處，分教學、註冊及設備三組辦事。」; 「三、輔導處，設輔導組辦事。」 (I0010100): one named unit set up the
# same way (a count, 「設科辦事」, names none).
SPLIT_INTO = lazy(r"(?:^|，)(?:分(?:設|為)?|設)(?P<list>[^，。；]+?)辦事")
# 「進口組掌理…事宜。分設五課、十五股，各課、股之職掌如左：」 (G0310021): the intro counts the unit's sections and the
# teams below them; the list's items are the sections (「一、審核課掌理…事項。分設四股辦事：」), each with its teams.
NESTED_COUNTS = lazy(r"分設?[一二兩三四五六七八九十\d]+(?P<type>科|課|組|隊)、[一二兩三四五六七八九十\d]+股")
# 「一、審核課掌理進口報單審核及總務事項。分設四股辦事：」, 「…。分設三股，各股之職掌如左：」, 「…等事項，分設八股，
# 各股之職掌如左：」: the teams the section's own list names (on a line of their own after a wrap: 「分設四股辦事：」);
# 「四、海務課掌理…業務，職掌如左：」: a section with no teams, its duties listed below it.
ITEM_TEAMS_TAIL = lazy(r"(?:(?<=[。，])|^)分設?[一二兩三四五六七八九十\d]+股(?:辦事|辦理|，各股之?職掌如[左下])[：:]$"
                       r"|(?<=，)職掌如[左下][：:]$")
DIVIDED = lazy(r"分(?:設)?(?P<n>[一二兩三四五六七八九十\d]+)(?P<type>科|課|股|組|隊)辦事"
                     r"|得分(?P<any>科|課|股|組)辦事")
# Greedy to the sentence's last 事項: 「依法辦理統計事項及本會資訊系統之建立與維護事項」 is one duty statement.
DUTY_VERB = lazy(r"(?:依法律規定，|依法)?(?:掌理|辦理|負責)(?P<duty>[^；。]*事項)")
# 「本中心設人事室、置主任、副主任、組員，依法辦理人事管理業務及人事查核業務。」 (F0000027, and the 人事、會計、政風室
# of ten old acts): an office set up to do by law (依法) what the law gives it, said as 業務.
BY_LAW_DUTY = lazy(r"依法(?:辦理|掌理|負責)(?P<duty>[^；。，]{2,}業務)")
# 「本廠掌理財物驗收、倉儲…等業務。」 (after the self name): the whole mandate in one sentence.
# 「國立臺灣科學教育館隸屬教育部，掌理…推行科學教育事宜。」 (H0000016, and five other 館 and 局 of the old acts):
# 事宜 for 事項, and what the mandate is for after it (「…等有關事宜，以普及欣賞表演藝術人口，…」, H0000039).
# 「本會任務為處理及協調中華民國與美國間相關事項。」 (E0000018): its 任務 as its 職掌.
# 「參謀本部為部長之軍令幕僚及三軍聯合作戰指揮機構，掌理…事項。」 (F0000002): what the body is, before its mandate;
# 「參謀本部對依國防部命令編配之機關、作戰部隊，執行軍隊指揮事項。」 (F0000002, F0000074): whom it acts on.
MANDATE_SENTENCE = lazy(r"^\S{1,20}?(?:為[^，。；：]{2,30}?(?:機構|機關)，)?"
                        r"(?:依\S{0,30}?規定，)?(?:掌理|掌管|負責|辦理|(?:職掌|之?任務)為|對[^。；：]{2,40}?，執行)"
                        r"(?P<duty>[^。：]{4,}?(?:事項|業務|事務|工作|事宜))(?:，以[^。：；]{4,})?。?$")
# 「行政院行使憲法所賦予之職權。」 (A0010032, and the other four 院), 「臺中市議會（以下簡稱本會）行使地方制度法所賦予之
# 職權。」 (three city councils): the powers a law gives the body, its mandate.
POWERS_BY_LAW = lazy(r"^\S{1,20}?(?P<duty>行使[^，。；]{1,20}?所賦予之職權)。?$")
# 「檢覈案件由考選部主管司辦理初審，…，提檢覈委員會審定之。」 (R0000005), 「本會及所屬行政法規之制定、修正或廢止，事前
# 均應提經本會法規審議委員會審議。」 (F0000038): the matter a committee is brought to decide is its duty.
# 「關於軍事收容人之假釋事項，應經假釋審查會之決議。」 (F0000080): brought to it as well.
BROUGHT_TO = lazy(r"^(?P<matter>[^，。；由]{2,30}?)(?:由|，)[^。；]*?(?:提(?:交|請|經)?|應經)"
                  r"(?P<who>[^，。；]{2,24}?)之?(?P<verb>審定|審議|決議|議決|核定)之?[。；]?$")
# 「本中心之人事（含人事查核）、會計業務，由行政組辦理之。」 (J0000029), 「辦公處所之調配、修繕、環境衛生等事項由秘書室
# 辦理。」 (K0010016), 「關於立法院公報、立法專刊編輯發行事宜，由本會指導之。」 (A0010048): a matter charged to a unit
# (or the agency) after it is named, its duty.
CHARGED_AFTER = lazy(r"^(?:關於)?(?P<matter>[^。由；]{4,50}?(?:事項|業務|事宜|工作))，?由(?P<who>[^，。；]{2,16}?)"
                     r"(?:協同[^，。；]{2,8})?(?:辦理|負責|掌理|主辦|指導)之?。?$")
# 「本會為審查議案，設…」: the purpose clause right before what is set up (「為應業務需要」 says no purpose).
# 「以一國為業務區域者，設代表處」 is a condition, and 「為掌理前條所列事項」 points elsewhere: neither is a mandate.
PURPOSE_OF_SET_UP = lazy(r"(?:^|[，；])(?P<lead>[^，；為]*)為(?P<purpose>[^，。；為]{4,60})，"
                               r"(?:特|爰|應|得|並|乃)?(?:分別)?$")
NEED = lazy(r"需要|需求|便利|者$|下列|左列|前[條項款]|本(?:條例|法|規程|通則)|^(?:利|期|使|求|符|配合|因應|適應)")
RESPECTIVE = lazy(r"分別掌理前條|分掌前條")
SUBORDINATE = lazy(r"次級機關|所屬機關|附屬機關")
# 「國家安全局組織另以法律定之」: a body that has a law of its own (not 「前項分臺」, 「各委員會」).
OWN_LAW = lazy(r"(?:^|[，。；])(?:本\S所屬)?(?P<name>(?!前[項條]|該|本)[^，。；、（）之各]{2,16}?"
                     r"(?:局|署|院|部|委員會|館|所|中心))之?組織，?另以法律定之")
# 「第一課掌理屏東縣議會…及其所屬機關之財務…審計，辦理下列事項：」,
# 「稅則處掌理…事項，依稅則章別分設三科辦理下列事項：」: what the subject is charged with before its list is
# a duty of it too (a clause setting up its sections is not).
OBJECT_CLAUSE = lazy(r"^[^，。；：除]{2,16}?(?:掌理|主管|負責)(?P<duty>[^。：；]{4,}?)"
                      r"(?:，(?:並|另)?(?:依[^，]{0,8})?"
                      r"分?設[^，。；：]{1,8})?，(?:並|另|其)?[^，。；：]{0,12}?(?:辦理|掌理|分掌|職掌)"
                      r"(?:下列|左列|如下|如左)")
# 「…總決算審核報告案之整體評估、分析事項，由各組共同辦理之。」: a duty given to every unit of a type,
# or to one named unit.
BY_UNITS = lazy(r"^(?P<duty>[^，。；：]{4,}?(?:事項|業務|事務|工作))，由(?P<who>[^，。；：]{2,12}?)"
                 r"(?:共同|分別|會同)?"
                 r"(?:辦理|掌理|負責)之?。?$")
# 「本院設內科部、外科部…」, 「本校設一般學科部」, 「本局設承保部」: a 部 is a division of a hospital, school or
# bureau; it is an agency only under a branch of government (行政院's 內政部) or as 國防部's 司令部 and 參謀本部.
AGENCY_DEPARTMENT = lazy(r"(?:司令|參謀本)部$")
# 「本校設…戰爭學院、…理工學院、管理學院」 (F0000049 國防大學): a university's 學院 is a college of it, no agency
# (司法院's 法官學院 is one).
SCHOOLS_COLLEGE = lazy(r"學院$")
SCHOOL = lazy(r"(?:大學|學校|學院)$")
DEPARTMENTS_ARE_AGENCIES = lazy(r"^(?:行政|立法|司法|考試|監察)院$|總統府$|國民政府$")
# A type word, no name: 小組, 組室, 處室, 委員會, 單位.
# 「本部得設下列常設性任務編組，…：」 (E0010001): a task force is a kind of unit, no name.
TYPE_WORD = lazy(rf"(?:{UNIT_SUFFIX_PATTERN})+|(?:內部)?單位|(?:常設性|臨時性|臨時)?任務編組")
# 「設治局於不牴觸中央及省之法令範圍內，得發布局令及單行規章。」 (D0000116), 「本署為執行警察業務，對各級警察機關得發布
# 署令。」 (D0000015, and four more 署 and 局, the 市政府 and 縣政府 of D0020014, D0020016): the body's power to issue
# its orders (not a post's: 「院長…得發布命令」).
ISSUES_ORDERS = lazy(r"得發布(?P<what>[^，。；、及]{1,2}令(?:及[^，。；]{2,8}(?:規章|規則))?)")
# 「本中心為負責戲劇、國樂之創作與展演…，得依聘用人員聘用條例之規定聘用專業人員」: the staff is hired for what
# the agency does (never for a unit it sets up on the way: 「本處為辦理材料試驗，得設材料試驗所，置主任」).
STAFFED_FOR = lazy(r"^\S{1,8}?為(?:負責|辦理|執行)(?P<duty>[^。；設]{4,80})，"
                         r"[^，。；設]{0,30}?(?:聘用|聘任|進用|酌用|置)")
NON_STRUCTURE_CHAPTER = lazy(r"文書|財務|庶務|人事管理|會議|分層負責|附則|服務守則|檔案|研考|出納|差勤|公文"
                                   r"|權責劃分")
# 「一、業務監理組。」: an item of a list of units may name one though 業務 starts it (never 之: prose).
LISTED_UNIT = lazy(rf"[^，。；：、（）「」\s及與暨之]{{2,12}}(?:{UNIT_SUFFIX_PATTERN})")
LISTED_NAME = lazy(rf"[^，。；：、（）「」\s及與暨]{{2,12}}(?:{'|'.join(s for s, _ in LISTED_UNIT_SUFFIXES)})")
# 「二、附屬醫療及社會福利機構管理會：辦理…事項」 (L0010053): an item of a list of units that says what its unit does
# names it with 及 and at some length.
LISTED_JOINED = lazy(rf"[^，。；：、（）「」\s暨之]{{2,16}}(?:{'|'.join(s for s, _ in LISTED_UNIT_SUFFIXES)})")
# 「經指派擔任客貨營運業務之人員，負責辦理下列事項：」 (the railway's 段 and 廠, a port's 辦事處): staff assigned to a
# line of work, no unit; the list is the office's duties, held by them.  Also 「經指派專任政風業務之人員」 (K0010091),
# 「經指派擔（兼）任人事業務之人員」 (K0010110), 「…鋼梁修護工程人員，」 without 之 (K0010098), a long line of work
# (「…軌道檢查車及淨空檢查車檢查維修業務之人員」) and an intro ending with 。 (「…負責辦理下列事項。」, K0010086).
ASSIGNED_STAFF = lazy(r"^經指派(?:[（(][^（）()]{1,4}[）)])?置?(?:擔|專)(?:[（(]兼[）)])?任"
                      r"(?P<work>[^，。；：]{1,40}?)之?人員[，,]?(?:負責)?(?:辦理|掌理)(?:下列|左列)事項[：:。]$")
# 「祕書承局長、副局長之命，協調本局各單位處理公務，其辦公處所稱祕書室，職掌如左：」 (K0010024), 「主任秘書及秘書之
# 辦公處稱秘書室，職掌如左：」 (K0010003): the office of a post, named, is a unit; the list is its duties.
# (「視察…，其辦公處所視察室，職掌如左：」, K0010020: 稱 left out)
POSTS_OFFICE = lazy(r"(?:^|[，；。])(?:其|[^，。；：]{2,16}?之)辦公處所?稱?"
                    r"(?P<name>[^，。；：、「」]{2,10}?室)(?=[，。；]|$)")
# 「本分局設斗六及嘉義辦事處」 (J0010032…34, J0010005): two places' offices sharing the word 辦事處; more places
# before 及 in turn (「本分局設蘇澳、五堵、馬祖及臺北港辦事處」, J0010030).
PLACES_OFFICES = lazy(r"(?P<a>[^、，及與]{2,8}(?:、[^、，及與]{2,8})*)及(?P<b>[^、，及與]{2,10})(?P<word>辦事處)")
# 「配合桃園地區…業務需要，本分局設桃園辦事處及臺灣桃園國際機場辦事處。」 (J0010031, J0010029, J0010032…34),
# 「為應產地檢驗業務之需要，本分局得設置嘉義，斗六辦事處。」 (J0010006): why the agency sets a unit up, said before
# it, is no part of the subject; 應 alone opens it too, and the work it names may run over a comma
# (「應宜蘭、五堵及馬祖地區…度政業務，及由臺北港輸出入商品檢驗業務需要，本分局設…」, J0010030).
LEADING_PURPOSE = lazy(r"^(?:為|配合|因應|應)[^。；：]{2,80}?需要，(?=本\S{1,4}?得?(?:增|分)?設)")
# 「各監理所為應轄區業務需要，得分設下列各監理站：」 (K0000126), 「各工程處得視業務需要，設立材料試驗所、測量隊…」
# (K0000038): the need a unit sets its own up for, said between it and 設, is no part of the sentence's frame.
NEED_AFTER_SUBJECT = lazy(r"^(?P<subject>[^，。；：、\s]{2,16}?)(?P<may>得|並得)?(?:視|因|依|為應|為因應|因應)"
                          r"[^，。；：]{0,14}?需要，(?=(?:並)?(?:得|應)?(?:分|增)?設)")
# 「各社政機構依其業務性質、適用法規及服務對象，分為老人之家及老人養護中心、教養院、兒童之家及少年之家三類，分別掌理
# 下列一款或數款事項：」 (D0000155): the classes a family's members fall into, said between it and its list, are no part
# of the sentence's frame.
CLASSES_AFTER_SUBJECT = lazy(rf"^(?P<subject>[^，。；：、\s]{{2,16}}?)依其[^，。；：]{{2,30}}，分為[^。；：]{{2,60}}?"
                             rf"[{CN_NUM}]+[類種級]，(?=分別(?:掌理|辦理))")
# 「第一課課長承分局長之命綜理課務，並督率所屬辦理左列事項：」, 「會計室主任承分局長之命兼受上級會計機構之指揮監督，
# 綜理室務，並督率所屬辦理左列事項：」, 「第一課課長，承分局長之命綜理課務，其職掌如左：」 (J0010005, J0010008): the
# head of a unit leads it, and what its staff do under them is the unit's list of duties.
# (「…綜理課務並督率所屬分辦左列事項。」: the intro may want its comma and end with 。)
HEAD_LEADS_UNIT = lazy(r"^(?P<unit>[^，。；：]{2,16}?[課組科室股])(?:課長|組長|科長|主任|股長)[，,]?"
                       r"(?:承[^，。；：]{1,12}?之(?:命|指揮監督)[，,]?(?:兼受[^，。；：]{1,24}?[，,]?)?)?"
                       r"綜理[課組科室股]務[，,]?(?:並)?(?:督率所屬(?:員工)?(?:分辦|辦理|掌理)|其職掌如)"
                       r"(?P<list>(?:左列|下列)事項|[左下])[：:。]?$")
# 「一、秘書室：掌理…」, 「一、總務課－掌理…」 (an old list's dash, written 「－－」, 「—」, 「─」 or 「-」 as the
# typist had it; an ASCII hyphen only after a Chinese name, not inside Latin words), 「一、國光劇團，分三科辦事。」
INLINE_UNIT = lazy(r"^(?P<name>[^：:，。；（）－—─–‐]{2,60}?)\s*(?:(?:[：:]|[－—─–‐]+|(?<=[\u4e00-\u9fff])\s*-+)"
                   r"\s*(?P<duties>.*)|[，,](?P<rest>.*)|。?)$")
# 「一、第一科 (衛生所功能再造科) ：」 (L0010011, L0010010), 「二、業務二、三股 (業務二股負責稅則第四十六章至第
# 九十七章，業務三股負責…) ：」 (G0310020): a unit's other name or an aside in brackets between an item's unit and
# its colon is no part of the name.  (A one-character alternate, 「輔導處（室）：」, is part of the name.)  So with no
# colon, the item's name alone and its duties as sub-items below: 「一、第一科 (藥品一科)」 (L0010005).
ITEM_HEAD_ASIDE = lazy(r"^(?P<name>[^：:，。；（）]{2,16}?)\s*（[^（）]{2,80}）\s*(?:[：:]\s*(?P<duties>.*))?$")
# 「五、心理衛生科、心理疾病之早期發現…等事項。」 (L0000042) in a list of units: 、 typed for ： after the name.
ITEM_NAME_COMMA = lazy(rf"^(?P<name>[^、，。；：:（）\s之]{{2,12}}?(?:{UNIT_SUFFIX_PATTERN}))、"
                       r"(?P<duties>[^：:]{6,}事項。?)$")
# 「三、維護組；掌理站屋及裝備之保養、修護事項。」 (K0000024), 「三、第三科；」 + its duties (K0010027): ； typed for
# ： after the item's unit.
ITEM_NAME_SEMICOLON = lazy(rf"^(?P<name>[^、，。；：:（）\s之]{{2,12}}?(?:{UNIT_SUFFIX_PATTERN}))[；;]"
                           r"\s*(?P<duties>.*)$")
# 「一、業務單位：行政組、保安組、…及勤務指揮中心。」 + 「二、輔助單位：督察室、…及法制室。」 (D0000159): an item
# headed by a category of units (業務單位, 輔助單位, 幕僚單位) whose text is the list of the units of that category,
# each set up by the list's owner; 「一、業務單位：指執行本機關目的之組織。」 (A0040004) defines the word, no list.
UNIT_CATEGORY = lazy(r"(?:內部)?(?:業務|輔助|幕僚|行政|技術|勤務)單位")
# 「二、學務處：設生活輔導、衛生保健二組。」: what follows the colon sets units up under the item's unit.
# 「一、教務處：設教學、註冊、設備三組；未滿二十四班得增設一組…」 (H0060015): or up to a semicolon, or a full stop
# after which it goes on (「一、港務組：設港灣、繫船、號誌三課及船舶管理所。並在號誌課下設…」, K0000086).
ITEM_SETS_UP = lazy(r"^(?:並|另)?(?:分|得)?設(?!計|備|施|定)(?:置|立)?(?P<list>[^，。；：]+?)"
                    r"(?:[，,；。](?P<rest>.*)|。?)$")
# An item that names a unit and opens the list of its duties: 「第一科辦理左列事項：」, 「規劃股之職掌如下：」; with
# their scope, as a paragraph may (「國內投資組掌理本局主管特種基金之下列事項：」):
# 「一、第一科辦理本國銀行金融檢查業務之左列事項：」 (G0310012).
UNIT_HEAD = lazy(r"^(?P<name>[^：:，。；（）]{2,30}?)(?:之)?(?:職掌|掌理|辦理|負責|掌管|執掌)"
                 r"(?:(?P<scope>[^：:，。；]{2,40}?)之(?=左列|下列))?"
                 r"(?:左列|下列|如左|如下)?(?:各款)?(?:事項|業務)?(?:如[下左])?[：:]?$")
# 「一、秘書處掌理機要、庶務…事項。」, 「一、第一審查小組審查關於…之修憲提案。」: an item of a list of units that names
# the unit and says what it does in one sentence; 「一、第一科掌本局施政計畫…事項。」 (J0010010): 掌 for 掌理.
ITEM_UNIT_DUTY = lazy(rf"^(?P<name>[^，。；：:、（）]{{2,16}}?(?:{UNIT_SUFFIX_PATTERN}))"
                            r"(?:(?:掌理|掌(?![理管握])|辦理|負責)(?P<duty>[^：:]{2,})|(?P<act>(?:審查|審議)[^：:]{2,}))$")
# 「一、秘書室　設文書、總務、法律事務三科」, 「一、車勤服務部並設高雄、花蓮、板橋分部。」 (K0000115): an item's
# unit and the sections it sets up.
NESTED_SET_UP = lazy(rf"^(?P<parent>[^設，：]{{2,16}}?(?:{UNIT_SUFFIX_PATTERN}))"
                           r"(?:並|另)?(?:下)?(?:分)?設(?P<list>[^，：]+)$")
NOT_A_NAME = lazy(r"事項|業務(?![一二三四五六七八九十]*(?:組|科|課|股|室|處|隊)$)|之|不屬|其他|其它")
# Prose that merely ends like a unit name (「…之其他應辦事項由提案庭書記科」); 業務課 and 之 are fine in a name.
# 「得設指揮、訓練、…、研究發展等機構及部隊」 (F0000041): 等 ends a list of kinds (not a class: 高等, 特等, 平等).
# 「指揮管制組」, 「指揮部」 (D0000099, D0090040) are names: 指揮 is prose only as a verb with its object (…指揮監督
# 所屬人員及機關, 指揮所屬職員及機關).  「消費者保護處」, 「身心障礙者展能及技能檢定組」 (A0020155, N0010003) are
# names too: 者 is prose where a condition ends (「…二班以上者得增設特教組」, 「…以內者可由課室…」); so is 由 but in
# 自由 (「自由貿易港區管理課」, K0010058).
PROSE_NAME = lazy(r"事項|事宜|不屬|其他|其它|者(?=$|[得應可須則並置設，之])|或|相當於|得另?設|各設|隸屬|^為(?!民)"
                  r"|等[一二三四五六七八九十]"
                  r"|(?<![一二三四五六七八九十特甲乙丙丁高中初平對均])等(?!級)"
                  r"|[^自]由|協同|[一二三四五六七八九十]人|^(?:並|指揮(?:監督|所屬|[、及並與])|所屬|中央主管|前項|本\S{1,2}各"
                  r"|(?:得|應)?於)|機關$|機構$|^各\S{1,2}$"  # 附屬機關 is no name
                  # 「本校得視實際需要分設有關科、班」 (有關科: the relevant ones, no name),
                  # 「本規程依相關事務區分為院本部」, 「隸屬國防部、得委任國防部後備司令部」,
                  # 「開拓輔導成立海外榮光聯誼會籌組」 (籌組: to form one)
                  r"|^有關|^本(?:規程|細則|條例|通則|準則|辦法)|^得(?:委任|委託|視|依|由)|籌組$"
                  # 「協助本會規劃建置電子化政府。」 (G0310022): a duty, led by its verb; 「對全國各郵區及各地郵局
                  # 辦理…」 (K0000007), 「檢察長對該檢察署辦理之案件」 (I0010014): 對, toward, before what it is about
                  r"|^協助|^對|長對"
                  # 「…及各種性質之任務編組」 (K0010041), 「必要時並得設各種專案小組」 (H0000038): any number of a
                  # kind, no name
                  r"|任務編組$|^各種")
FRAME = lazy(r"(?:左列|下列)(?P<what>[^，。：；、]{1,6}?)(?P<topic>(?:關於|有關)[^：:。]+?事項)[：:]?\s*$")
# 「設七組」, 「分四偵查分隊」: a count, no name (一般學科部, 三軍總醫院 start with a numeral and are names).
COUNTED = lazy(r"^(?!一般|一級|二級|三級|三軍|兩岸)[一二兩三四五六七八九十\d]")
# (部隊: 「得設…支援機構及部隊」, troops of any kind)
ONE_UNIT_WORD = lazy(rf"{UNIT_SUFFIX_PATTERN}|[中分小部]隊|單位")
# 「設電臺一所」, 「修理工場一所」, 「中繼台一台」: a count after the name is no part of it.
COUNT_AFTER = lazy(rf"(?<=[^第{CN_NUM}]{{2}})(?<=[場臺台庫廠站室隊館心所])[一二兩三四五]+(?:所|處|座|個|間|臺|台)$")
# 「…、保健物理組、分析組十一組，分別掌理…」 (J0000045): the count of the whole list after its last name.
COUNT_OF_LIST = lazy(rf"(?<=[^第{CN_NUM}]{{2}}(?P<word>[組科課股室處隊]))[{CN_NUM}]+(?P=word)$")
# 「設覆審室分組掌理…」: the unit is divided into groups, which names none.
DIVIDED_AFTER = lazy(r"(?<=\w[室科課隊廳])分(?:組|科|股|課)$")  # not 處: 管理處分組 is 管理處分 + 組
# 「地方法院與高等法院分設…」, 「各級檢察署及其檢察分署設…」: units named together, no one unit's name.
TOGETHER = lazy(rf"^各級|^\S{{2,}}?(?:{UNIT_SUFFIX_PATTERN})(?:與|及|暨)其?\S{{2,}}?(?:{UNIT_SUFFIX_PATTERN})$")
# 「各工務段」, 「各分局」, 「各大隊」: a family of a kind of unit (two characters or more) is one unit when the text
# names no member (never 各科, 各組, 各室: the sections a list set up).
FAMILY_OF_A_KIND = lazy(rf"(?=\S{{2}})(?:{UNIT_SUFFIX_PATTERN})")
# 「各監理站」, 「各區車輛行車事故鑑定會」: the units of one kind, named together.
COLLECTIVE = lazy(r"^(?:所屬)?各(?:區|地|級)?")
# 「人事室、會計室及統計室，分別依照法令辦理人事管理…事項」 (I0010011), 「行署秘書室、總務科、調查科，依監察委員行署
# 組織條例第六條第七條第八條之規定執行職務」 (A0020209), 「第一處、第二處各按其主管事業別掌理左列共同事項：」
# (J0150005): units named together, then by what rule or share each does its work, then the work.
UNITS_CHARGED_BY_RULE = lazy(r"^(?P<names>[^，。；：（）「」設置]{2,60}?)[，,]?(?:分別|各)?"
                             r"(?:依照?[^，。；：]{1,40}?(?:規定|法令)之?|按照?其?[^，。；：]{1,12}?別)[，,]?(?:分別)?"
                             r"(?=掌理|辦理|負責|執行職務)")
# 「學生（員）總隊分設一至三大隊」 (D0080004): a subject whose name holds an alternate in parentheses (not an item's
# number, not 「（以下簡稱…）」).
NAME_WITH_ALTERNATE = lazy(r"(?:[^，。：、（）「」]"
                           r"|（[^（）、，。\d一二三四五六七八九十以]{1,2}）(?=[^，。：、（）「」\s]))*")
# 「外交部為促進…實質關係，及保護旅居當地國人之權益，得在上述國家或地區設置駐外代表機構」
# 「…輔導會，為安置退除役官兵從事水產養殖工作，特依輔導會組織條例第十六條規定，設置魚殖管理處」 (F0000012): the law
# the agency is set up under, between its purpose and 設, is no part of either.
PURPOSE = lazy(r"為(?P<purpose>[^，。；]{4,60}?(?:，(?:及|並|與)[^，。；]{2,40}?)?)，(?:特|爰|應|得)?"
                r"(?:依[^，。；]{2,40}?，(?:特|爰)?)?"
                r"(?:(?:在|於)[^，。；]{1,12}?)?(?:設置|設立|成立|設|置)(?P<what>[^，。；]{2,40}?)(?:[（(，。；]|$)")
# 「…設內政部警政署處理流氓事件聲明異議審議委員會 (以下簡稱本會) ，審議流氓聲明異議事件。」 (D0000042): the cases the
# body is set up to review, after the name it is called by (a name that may hold 處理).
SET_UP_TO_REVIEW = lazy(r"設(?:置|立)?(?P<what>[^，。；（）()]{2,40})\s*[（(]以下(?:簡)?稱[^）)]{1,12}[）)]\s*[，,]\s*"
                        r"(?P<purpose>審議[^，。；：]{2,40}?(?:事件|案件))(?=[，。；]|$)")
# 「銓敘部…設訴願審議委員會（以下簡稱本會）處理訴願事件。」: what the body is set up to do.
SET_UP_TO = lazy(r"(?<![建增附假陳])設(?:置|立)?(?P<what>[^，。；（）()]{2,40}?)\s*"
                  r"(?:[（(]以下(?:簡)?稱[^）)]{1,12}[）)])?\s*[，,]?\s*"
                  r"(?:以|專責)?(?:處理|辦理|負責|掌理)(?P<purpose>[^，。；：]{2,60}?)(?:[，。；]|$)")

"""OCR misreads that are no word where they stand are mended in the page's text, one character for one,
so that labels (询问时间), authorities (人民政府) and dates (二〇二〇年六月) are found as printed."""

from __future__ import annotations

import pytest

from casefile_eval.ocr.confusables import mend_misreads, mend_text
from casefile_eval.ocr.doubt import mark_unreadable
from casefile_eval.ocr.page import OcrBox, OcrLine


@pytest.mark.parametrize(
    ("read", "mended"),
    [
        ("询间时间：2020年6月11日14时30分", "询问时间：2020年6月11日14时30分"),
        # holdout52's scans: a handwritten date's dots read as commas, a colon or a plus
        ("温志强 2021,5,31", "温志强 2021.5.31"),
        ("叶建平 17.9,15", "叶建平 17.9.15"),
        ("黄志坚 2026:1.5", "黄志坚 2026.1.5"),
        ("2025-05+12", "2025-05-12"),
        ("罚款1,234,567元", "罚款1,234,567元"),
        ("面积17.9,15.2平方米", "面积17.9,15.2平方米"),
        ("询问时间9:30", "询问时间9:30"),
        ("廖春生证号36072901003：曾凡宇证号36072901011", "廖春生证号36072901003；曾凡宇证号36072901011"),
        ("拟对你处罚款参佰元。", "拟对你处罚款叁佰元。"),  # h48-02's 告知笔录
        ("郑宏2017.3· 21", "郑宏2017.3. 21"),  # h48-08: a handwritten date's dot read as a middle dot
        ("浙F·88850", "浙F·88850"),
        ("参加听证会", "参加听证会"),
        ("检查时间 2021年7月30月9时15分至10时20分", "检查时间 2021年7月30日9时15分至10时20分"),  # h47-08
        ("询间人：陈志刚", "询问人：陈志刚"),
        ("物问人：赵青松 记录人：", "询问人：赵青松 记录人："),
        ("物间人：", "询问人："),
        ("物向人：", "询问人："),
        ("被检童人签章", "被检查人签章"),
        ("检童时间", "检查时间"),
        ("询问笔绿行", "询问笔录行"),
        ("询问人：谭永刚丶黎世伟", "询问人：谭永刚、黎世伟"),
        ("向潍坊市人既政府申请行政复议", "向潍坊市人民政府申请行政复议"),
        ("《中华人既共和围行政处罚法》", "《中华人民共和国行政处罚法》"),
        ("二〇二〇年大月三十日", "二〇二〇年六月三十日"),
        ("上O二四年四月二十三日", "二O二四年四月二十三日"),  # a seal's rim across the 落款's first 二
        ("向上级机关报告", "向上级机关报告"),
        ("自收到本决定书之日起大十日内向娄底市人民政府", "自收到本决定书之日起六十日内向娄底市人民政府"),
        (
            "可以在收到本决定书之日起六十吕内向东营市东营区人民政府",
            "可以在收到本决定书之日起六十日内向东营市东营区人民政府",
        ),
        ("之日起大个月内依法向人民法院提起行政诉讼", "之日起六个月内依法向人民法院提起行政诉讼"),
        ("你单位享有陈达申鲜的权利", "你单位享有陈述申辩的权利"),
        ("如需味达、申鞋", "如需味达、申鞋"),  # 味达 is too far from 陈述 to mend
        ("陈述、申辨", "陈述、申辩"),
        ("你单位享有陈述、中辩和要求听证的权利", "你单位享有陈述、申辩和要求听证的权利"),
        ("如有陈述中辩意见", "如有陈述申辩意见"),
        ("陈达、申辨的权利", "陈述、申辩的权利"),
        ("你（单位）有权进行陈道和申辩", "你（单位）有权进行陈述和申辩"),
        ("如你（单位）要求陈迹、申辩或者听证", "如你（单位）要求陈述、申辩或者听证"),
        ("陈迹", "陈迹"),  # no 申 after it: left as read
        ("遵义市汇川区鑫达建材有限贵任公司", "遵义市汇川区鑫达建材有限责任公司"),
        ("负贵人签字：", "负责人签字："),
        ("负费人签名：", "负责人签名："),
        ("机关负资人审批意见", "机关负责人审批意见"),
        ("当享人应当自收到本决定书之日起", "当事人应当自收到本决定书之日起"),
        ("询问人 侯亚楠热法证号：41100026005", "询问人 侯亚楠执法证号：41100026005"),
        ("扶法人员：侯亚楠、宋振", "执法人员：侯亚楠、宋振"),
        ("检查人员 陶俊执法让号：34040019032", "检查人员 陶俊执法证号：34040019032"),
        ("执法正号：34040019032", "执法证号：34040019032"),
        ("让号", "让号"),  # not after 执法: left as read
        ("送达文书名称 行政处罚快定书", "送达文书名称 行政处罚决定书"),
        ("本机关快定如下", "本机关决定如下"),
        ("尽快定期复查", "尽快定期复查"),  # 快定 in no title: left as read
        ("递达人", "送达人"),
        ("递达回证", "送达回证"),
        ("传递达到", "传递达到"),
        ("热法规定", "热法规定"),  # no 执法证 or 执法人员 after it: left as read
        (
            "当事人的上述行为连反了《互联网上网服务营业场所管理条例》",
            "当事人的上述行为违反了《互联网上网服务营业场所管理条例》",
        ),
        ("群众接连反映噪声扰民", "群众接连反映噪声扰民"),
        ("当享有的权利", "当享有的权利"),
        ("贵令改正通知书", "责令改正通知书"),
        ("行政处罚事先告知#", "行政处罚事先告知书"),  # a small 书 closing a title read as #
        ("行政处罚听证通知#", "行政处罚听证通知书"),
        ("档案盒号#3", "档案盒号#3"),
        # the same characters where they make words stay as they are
        ("贵州省贵阳市南明区", "贵州省贵阳市南明区"),
        ("珍贵文物", "珍贵文物"),
        ("货物问题", "货物问题"),
        ("儿童时间", "儿童时间"),
        ("负担检测费用", "负担检测费用"),
        ("房间时间表", "房间时间表"),
        ("本人既往无违法记录", "本人既往无违法记录"),
        ("农历大月三十日", "农历大月三十日"),
        ("大十字街", "大十字街"),
        ("辨认笔录", "辨认笔录"),
        ("2021年7月32月", "2021年7月32月"),  # no day 32: not a date's 日
    ],
)
def test_mend_text(read: str, mended: str) -> None:
    assert mend_text(read) == mended
    assert len(mend_text(read)) == len(read)


def test_a_line_keeps_its_boxes_and_character_positions() -> None:
    part = OcrBox("询间时间：", (10.0, 0.0, 110.0, 20.0), 0.97, (20.0, 40.0, 60.0, 80.0, 100.0), (1.0,) * 5)
    date = OcrBox("2024年5月16日", (120.0, 0.0, 260.0, 20.0), 0.99)
    line = OcrLine([part, date])
    mended = mend_misreads(line)
    assert mended.text == "询问时间：2024年5月16日"
    assert mended.parts[0].chars == part.chars
    assert mended.parts[0].scores == part.scores
    assert mended.parts[1] is date
    unchanged = OcrLine([date])
    assert mend_misreads(unchanged) is unchanged


def test_a_word_split_over_two_boxes_is_mended_in_the_box_that_holds_the_misread() -> None:
    words = OcrBox("行政处罚事先告知", (10.0, 0.0, 170.0, 20.0), 0.98)
    hash_ = OcrBox("#", (172.0, 0.0, 186.0, 20.0), 0.6)
    mended = mend_misreads(OcrLine([words, hash_]))
    assert [p.text for p in mended.parts] == ["行政处罚事先告知", "书"]
    assert mended.parts[0] is words
    assert mended.parts[1].box == hash_.box


def test_a_year_digit_read_far_less_surely_is_marked_unreadable() -> None:
    text = "二0二一年十月二十日"
    scores = (0.89, 0.34, 0.95, 0.27, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99)
    part = OcrBox(text, (856.0, 1197.0, 1052.0, 1226.0), 0.85, scores=scores)
    assert mark_unreadable(OcrLine([part]), []).parts[0].text == "二0二□年十月二十日"
    sure = OcrBox(text, (856.0, 1197.0, 1052.0, 1226.0), 0.85, scores=(0.31, 0.34, 0.95, 0.6, *scores[4:]))
    assert mark_unreadable(OcrLine([sure]), []).parts[0].text == text  # the century and a zero never

"""Who a document concerns and who issued it.

Party: a label (当事人, 被处罚人, 纳税人名称, 被检查人, 受送达人 …) with its value in the same block or the
next cell; else the addressee line of a letter ("浙江维拉利家具有限公司：（纳税人识别号：…）"); else an
organisation named at the start of the text ("X有限公司（以下简称…）…一案").
Agency: the 落款 name (the line with or before the closing date), else the header line above the title,
else the text of a seal image; `agency_kind` follows from the name.
"""

from __future__ import annotations

import re

from casefile_eval.codes import AgencyKind
from casefile_eval.extract.text import DocText, strip_spaces
from casefile_eval.model import DateFact, Evidence, ImageItem
from casefile_eval.parsers.header_rows import is_field_name

_PARTY_LABEL = re.compile(
    r"^(?:当事人(?:姓名或者?(?:单位)?名称|单位名称|名称|姓名)?|被处罚(?:人|单位)(?:名称|姓名)?|纳税人(?:名称|姓名)"
    r"|被检查(?:人|单位|对象)(?:名称)?|受送达人(?:名称)?|被调查(?:人|单位)|违法(?:行为)?(?:人|单位)(?:名称)?"
    r"|相对人(?:名称)?|行政相对人)(?:[(（][^)）]{0,12}[)）])?[:：]?"
)
_ID_PAREN = re.compile(r"[(（][^（）()]*?(?:代码|识别号|证号|身份证|证件号)[^（）()]*(?:[)）]|$)")
_UNCLOSED_PAREN = re.compile(r"[(（][^（）()]*$")
_ADDRESSEE = re.compile(r"^(?P<name>[^：:，,。；;（）()]{2,60})[:：]$")
_NOT_NAME = re.compile(
    r"(?:事实|证据|如下|决定|理由|依据|意见|情况|地址|住所|电话|时间|地点|附件|说明|备注|内容|结论|落款|签名|日期)$"
    # a signing row's label alone on its line (负责人审批：, 承办人：), addressed to nobody
    r"|(?:审批|审核|批示|签字|签章|盖章|负责人|承办人|经办人)$"
    r"|^(?:经查|根据|依据|关于|现|我|你|本)"
    # an approval's opinion written as a line of its own ("同意：　4.12", "见同意：")
    r"|^(?:见|拟)?(?:同意|不同意|如拟|批准|准予)"
    # the next field's value where a form prints each caption under its fill-in line: a way of service
    # (送达方式 直接送达), an address (迎丰西路188号)
    r"|^(?:直接|留置|邮寄|委托|公告|电子|转交)送达$|(?:路|街|道|巷|弄|村|组)[0-9０-９]+号(?:院|楼)?$"
    # where the party's field holds another field's value: an address or a 文号 ends in a number 号
    # (农贸市场12号, 随城执罚〔2017〕第122号), a case's name in 案 (某公司销售无标签预包装食品案)
    r"|[0-9０-９]+号(?:院|楼|室|铺)?$|(?<!档)案$"
)
_ORG_SUFFIX = (
    r"(?:公司|厂|店|部|社|中心|合作社|院|所|站|行|馆|场|个体工商户|协会|学校|医院|酒店|宾馆|超市|药房|药店|诊所"
    r"|餐厅|饭店|工作室|门市|经营部|商行|加油站|农场|养殖场|集团|银行|支行|分行)"
)
# the person a record questions, who may only speak for the party: "被调查人：綦立新，男，设备科科长，受莱州市
# 恒顺石材有限公司委托接受调查", "被询问人：李四，系某某有限公司员工"
_PERSON_LABEL = re.compile(r"^(?:被询问人|被调查人|被检查人)")
_ACTING_FOR = re.compile(
    rf"(?:受|系|为|是)(?P<org>[\u4e00-\u9fff()（）]{{2,40}}?{_ORG_SUFFIX})(?:的)?"
    r"(?:委托|授权|员工|职工|工作人员|法定代表人|负责人|股东|[\u4e00-\u9fff]{0,6}(?:长|经理|主任|主管|厂长|店长))"
)
# (not a field name ending in 所在地: 户籍所在地：…)
_ORG_START = re.compile(
    rf"^(?P<name>[\u4e00-\u9fff()（）A-Za-z0-9]{{2,40}}?{_ORG_SUFFIX})(?:[(（]以下简称|涉嫌|因|于|未|违反|存在|的|在(?!地))"
)
_VALUE_END = re.compile(
    r"[，,。；;]|(?:住所|住址|地址|法定代表人|(?:现场)?负责人|经营者|统一社会信用|身份证|驾驶证|准驾车型|联系电话|电话"
    r"|性别|年龄|职务)"
    # the date a person signed on after the name (被调查人：谢永福 2020.6.1; by hand 李新华 17.3.9)
    r"|(?:19|20)[0-9]{2}\s*[./\-年]|(?<![0-9])[0-9]{2}\s*[./]\s*(?:1[0-2]|0?[1-9])\s*[./]"
    # the next signer's label on the same line (当事人：李新华 17.3.9 勘测人：邓卫国)
    r"|(?<!被)(?:勘[验查察测]|检查|询问|记录|执法|承办|见证)人员?\s*[:：]"
)
# "当事人 | 个人 | 姓名 | 段浩涛": the first value is the kind of party, the name follows its own label.
_CATEGORY = re.compile(r"^(?:个人|单位|自然人|法人|其他组织|公民|个体工商户|法人或其他组织)$")
_SIGNING = re.compile(r"[(（](?:签名|签字|签章|盖章|捺印)")
_NAME_LABEL = re.compile(r"^(?:姓名|名称|单位名称|企业名称|经营者姓名|字号名称)[:：]?")
_NAME_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z]{2}")
_CODE = re.compile(r"[0-9A-Za-z]{15,20}")
# a bracket closing the name, or left open where the value was cut (陈美华（某小吃店经营者）: cut at 经营者)
_TRAILING_PAREN = re.compile(r"[(（][^()（）]*[)）]?$")
_AGENCY_SUFFIX = re.compile(
    r"(?:局|委员会|委|厅|部|署|办公室|办|队|支队|大队|中队|所|中心|政府|分局|稽查局|管理处|站|院|会|处|街道办事处"
    r"|海关|人民银行.*?行)$"
)
_SELF_REFERENCE = re.compile(r"[我本](?:局|委|厅|署|机关)")
_OWN_FORM = re.compile(
    r"《(?P<agency>[\u4e00-\u9fff]{2,30}?(?:局|委员会|厅|署))"
    r"[\u4e00-\u9fff（）()]{0,10}?(?:笔录|告知书|决定书|通知书|审批表|报告)》"
)
_UNIT_SUFFIX = re.compile(r"(?:支队|大队|中队|所)$")
_GENERIC_AGENCY = re.compile(r"^(?:行政|执法|税务|处罚|作出决定的?)?(?:机关|部门|单位)(?:名称)?$")
# an agency's name holds no digits, no 的 and no sentence marks: a narrative line ending in 办 or a form's row
# of labels and values (缴款人 … 执收单位 …) is no name
_NOT_AN_AGENCY = re.compile(
    r"[0-9０-９#＃的，,。；;、·:：]|(?:经营|门市|服务|销售|营业|项目|工程|业务)部$|地点|地址|住所|当事人"
)  # (nor a field's label and value: 当事人：某某经营部, 检查地点某某路某某经营部)
# a 落款 name cut short: a county, city or district and the words of its department (安乡县农业农村)
_CUT_AGENCY = re.compile(r"[\u4e00-\u9fff]{1,8}(?:县|市|区|旗)[\u4e00-\u9fff]{2,10}")
_LABEL_WORD = re.compile(r"(?:人|单位|名称|机关|部门|案情)[:：]?$")
_SEAL_MARK = re.compile(
    r"[(（\[【]\s*(?:印章|公章|盖章|章|签章|印)\s*[)）\]】]|[(（]?(?:印章|公章|盖章)[)）]?"
)
_TITLE_WORDS = re.compile(
    r"(?:行政处罚|税务行政处罚|税务处理|当场行政处罚|不予行政处罚)?(?:决定书|告知书|通知书|笔录|审批表|回证|报告|意见书|确认书"
    r"|登记表|清单|目录|记录)"
)
HEADER_BLOCKS = 8
RECORD_HEAD_BLOCKS = 12
_ROW_LABEL = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<label>被检查单位|被询问单位|被调查单位|单位名称|单位)\s*[:：]\s*"
    r"(?P<value>[^\s:：]+)"
)
# the next label run into a value ("某公司现场负责人", "张三性别"): the value stops before it
_ROW_VALUE_END = re.compile(
    r"(?:现场)?负责人|法定代表人|经营者|联系电话|电话|职务|性别|年龄|身份证|驾驶证|证件|住址|地址|询问人|记录人|检查人"
)
_SENTENCE = re.compile(r"[，,。；;：:！？!?]")
MAX_LABEL_WORDS = 6  # a label spaced out character by character ("当 事 人") spans several words
_KINDS: tuple[tuple[AgencyKind, re.Pattern[str]], ...] = (
    (AgencyKind.TAX, re.compile(r"税务|国税|地税")),
    (AgencyKind.CUSTOMS, re.compile(r"海关")),
    (
        AgencyKind.FINANCIAL,
        re.compile(r"银保监|保监|银监|证监|金融监[督管]|银行保险监督|证券监督|保险监督|人民银行"),
    ),
    (AgencyKind.FOREIGN_EXCHANGE, re.compile(r"外汇")),
    (AgencyKind.NATIONAL_SECURITY, re.compile(r"国家安全")),
    (AgencyKind.PUBLIC_SECURITY, re.compile(r"公安|派出所|交通警察|交警|出入境边防|边防检查|移民管理")),
    (
        AgencyKind.MARKET_REGULATION,
        re.compile(
            r"市场监督|市场监管|市场和质量|工商行政|工商局|质量技术监督|质监|食品药品|食药监|药品监督"
        ),
    ),
    (AgencyKind.ECOLOGY_ENVIRONMENT, re.compile(r"生态环境|环境保护|环保")),
    (AgencyKind.URBAN_MANAGEMENT, re.compile(r"城市管理|城管")),
    (AgencyKind.TRANSPORT, re.compile(r"交通运输|交通局|运输管理|路政|海事")),
    (AgencyKind.AGRICULTURE, re.compile(r"农业农村|农业|农牧|畜牧|渔业")),
    (AgencyKind.EMERGENCY, re.compile(r"应急管理|安全生产监督|安监")),
    (AgencyKind.HEALTH, re.compile(r"卫生健康|卫生和计划生育|卫生计生|卫健|卫生局")),
    (AgencyKind.NATURAL_RESOURCES, re.compile(r"自然资源|国土")),
    (AgencyKind.HOUSING_CONSTRUCTION, re.compile(r"住房和城乡建设|住房城乡建设|住建|建设局|城乡建设")),
    (AgencyKind.CULTURE_TOURISM, re.compile(r"文化|旅游|文旅|广电|体育")),
    # a 综合行政执法 body without a sector word is the town's 城管-style comprehensive enforcement; with one
    # (交通运输综合行政执法支队, 农业综合行政执法大队) the sector decides, so this pattern comes last
    (AgencyKind.URBAN_MANAGEMENT, re.compile(r"综合行政执法|综合执法")),
)


def agency_kind(name: str | None) -> AgencyKind | None:
    """The kind of agency a name denotes (税务 → TAX …); OTHER when none fits, None without a name."""
    if not name:
        return None
    for kind, pattern in _KINDS:
        if pattern.search(name):
            return kind
    return AgencyKind.OTHER


_ORGANISATION = re.compile(rf"{_ORG_SUFFIX}(?:[(（][^()（）]*[)）])?$")
_PERSON = re.compile(r"[\u4e00-\u9fff]{2,4}")


def is_organisation(name: str) -> bool:
    """Whether a party's name is an organisation's: it ends as a company's, a shop's or a unit's does."""
    return _ORGANISATION.search(name) is not None


def is_person(name: str) -> bool:
    """Whether a party's name is a person's: two to four Chinese characters, no organisation's ending."""
    return _PERSON.fullmatch(name) is not None and not is_organisation(name)


def _clean_party(value: str) -> str | None:
    value = _ID_PAREN.sub("", value)
    cut = _VALUE_END.search(value)
    name = value[: cut.start()] if cut else value
    name = _TRAILING_PAREN.sub("", name).strip("：:、 ")
    if not _NAME_CHARS.search(name) or _NOT_NAME.search(name) or ("年" in name and "月" in name):
        return None
    if _CODE.fullmatch(name):  # a 统一社会信用代码 or ID number read where the name should be
        return None
    if is_field_name(re.split(r"[:：\s]", name, maxsplit=1)[0]):  # the next field's name ("执法人员：")
        return None
    return name


def _row_value(text: str) -> str | None:
    """The value after a party label in a form row flattened into one line ("当事人  李小梅  身份证件号码 …",
    "当 事 人 李小梅"): the label is whole words of the line, the value is the next word."""
    words = text.split()
    label = ""
    for position, word in enumerate(words[:MAX_LABEL_WORDS]):
        label += word
        if _PARTY_LABEL.fullmatch(label):
            value = words[position + 1] if position + 1 < len(words) else ""
            cut = _ROW_VALUE_END.search(value)  # the next field run on, its gap lost (程立伟性别：男)
            value = value[: cut.start()].rstrip("（(：:、，, ") if cut and cut.start() > 0 else value
            return value if value and not _SENTENCE.search(value) else None
    return None


def _labelled_party(dt_: DocText) -> tuple[str, Evidence] | None:
    category = False
    for index in range(len(dt_.blocks)):
        text = dt_.squeezed(index)
        m = _PARTY_LABEL.match(text) or (_NAME_LABEL.match(text) if category else None)
        if not m or _SIGNING.search(m.group()):  # 当事人（签名）： is where the party signs
            continue
        value = text[m.end() :]
        if value and not m.group().endswith((":", "：")):
            in_row = _row_value(dt_.blocks[index])
            if in_row is None:
                continue
            value = in_row
        where = index
        if not value and index + 1 < len(dt_.blocks):
            value, where = dt_.squeezed(index + 1), index + 1
            if _PARTY_LABEL.match(value):
                continue
        name = _clean_party(value)
        if name and _CATEGORY.match(name):
            category = True
        elif name:
            acting = _ACTING_FOR.search(value) if _PERSON_LABEL.match(m.group()) else None
            return (acting["org"] if acting else name), dt_.block_evidence(where)
    return None


def _addressed_party(dt_: DocText) -> tuple[str, Evidence] | None:
    for index in range(min(HEADER_BLOCKS, len(dt_.blocks))):
        text = dt_.squeezed(index)
        if _UNCLOSED_PAREN.search(text) and index + 1 < len(dt_.blocks):
            text += dt_.squeezed(index + 1)  # "某公司（统一社会信用代码：" wrapped onto the next line
        text = _ID_PAREN.sub("", text)
        m = _ADDRESSEE.match(text)
        name = m.group("name") if m else ""
        if m and not _NOT_NAME.search(name) and not _PARTY_LABEL.match(text) and not is_field_name(name):
            return name, dt_.block_evidence(index)
        m = _ORG_START.match(text)
        # (a field's row, its name run into its value on a scan: 案件名称汇丰建材门市部未按期…案)
        if m and not any(is_field_name(text[:k]) for k in range(2, 7)):
            return m.group("name"), dt_.block_evidence(index)
    return None


def _row_party(dt_: DocText) -> tuple[str, Evidence] | None:
    """A 笔录's head rows "被询问人：张三  单位：某公司  现场负责人：李四": the unit named there is the party
    (the person questioned is often only its staff, so a person is not taken); the value ends where the
    next label of the row begins."""
    for index in range(min(RECORD_HEAD_BLOCKS, len(dt_.blocks))):
        for m in _ROW_LABEL.finditer(dt_.blocks[index]):
            name = _clean_party(_ROW_VALUE_END.split(m.group("value"), maxsplit=1)[0])
            if name:
                return name, dt_.block_evidence(index)
    return None


def find_party(dt_: DocText) -> tuple[str, Evidence] | None:
    """The party a document concerns, with evidence."""
    return _labelled_party(dt_) or _row_party(dt_) or _addressed_party(dt_)


def _agency_name(text: str) -> str | None:
    name = _SEAL_MARK.sub("", strip_spaces(text)).strip("：:")
    if (
        3 <= len(name) <= 40
        and _AGENCY_SUFFIX.search(name)
        and not _GENERIC_AGENCY.match(name)
        and not _NOT_AN_AGENCY.search(name)
    ):
        return name
    return None


def is_agency_name(name: str) -> bool:
    """Whether `name` has the shape of an agency's name (a place, a kind, 局/委员会/大队…)."""
    return _agency_name(name) == name


def _line_agency_name(text: str) -> str | None:
    """The agency named on a line: the whole line, else its last word (a form's row 缴款人 某公司
    执收单位 某局 ends in the collecting agency)."""
    words = text.split()
    if len(words) > 1 and any(_LABEL_WORD.search(word) for word in words[:-1]):
        return _agency_name(words[-1])
    return _agency_name(text) or (_agency_name(words[-1]) if len(words) > 1 else None)


def _luokuan_agency(dt_: DocText, dates: list[DateFact]) -> tuple[str, Evidence] | None:
    luokuan = next(
        (d for d in dates if d.label == "落款" and d.evidence and d.evidence.block is not None), None
    )
    if luokuan is None or luokuan.evidence is None or luokuan.evidence.block is None:
        return None
    block = luokuan.evidence.block
    own = dt_.blocks[block].replace(luokuan.raw, "")
    for index, text in ((block, own), (block - 1, None), (block - 2, None)):
        if index < 0:
            continue
        name = _line_agency_name(text if text is not None else dt_.blocks[index])
        if name:
            return name, dt_.block_evidence(index)
    # on a scan the name's last character may be lost under the seal (安乡县农业农村[局]): the name as read,
    # where it names a place and a kind of agency
    above = block - 1
    if above >= 0 and dt_.doc.blocks[above].confidence is not None:
        cut = strip_spaces(dt_.blocks[above])
        if _CUT_AGENCY.fullmatch(cut) and agency_kind(cut) not in (None, AgencyKind.OTHER):
            return cut, dt_.block_evidence(above)
    return None


def _header_agency(dt_: DocText) -> tuple[str, Evidence] | None:
    for index in range(min(3, len(dt_.blocks))):
        text = dt_.squeezed(index)
        title = _TITLE_WORDS.search(text)
        head = text[: title.start()] if title else text
        head = re.sub(r"(?:税务|行政|当场)$", "", head) if title else head
        name = _agency_name(head) if title else _line_agency_name(dt_.blocks[index])
        if name:
            return name, dt_.block_evidence(index)
    return None


def _seal_agency(images: list[ImageItem]) -> str | None:
    for image in images:
        if image.name and (name := _agency_name(image.name)):
            return name
    return None


def _self_named_agency(dt_: DocText) -> tuple[str, Evidence] | None:
    """A body that speaks as 我局/本局 and cites its own forms by name (《某市某局调查询问笔录》).

    Published texts often drop the 落款; the agency then still names itself in the 书名号 titles of
    the documents it made. The longest such name is taken (the full name over an abbreviation).
    """
    if not _SELF_REFERENCE.search(dt_.text):
        return None
    found: list[tuple[int, str, int]] = []
    for index, text in enumerate(dt_.blocks):
        for m in _OWN_FORM.finditer(strip_spaces(text)):
            name = _agency_name(m.group("agency"))
            if name and not _UNIT_SUFFIX.search(name):
                found.append((len(name), name, index))
    if not found:
        return None
    _, name, index = max(found, key=lambda f: (f[0], -f[2]))
    return name, dt_.block_evidence(index, name)


def find_agency(dt_: DocText, dates: list[DateFact]) -> tuple[str, Evidence] | None:
    """The issuing agency: 落款 name, else header line, else a seal image's text, else its own forms."""
    found = _luokuan_agency(dt_, dates) or _header_agency(dt_)
    if found:
        return found
    seal = _seal_agency(dt_.doc.images)
    if seal:
        return seal, dt_.block_evidence(len(dt_.blocks) - 1, seal)
    return _self_named_agency(dt_)

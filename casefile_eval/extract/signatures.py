"""Signature slots: where a role must sign, and whether someone did.

A slot is a printed label (被询问人签名, 执法人员签名, 负责人审批意见, 受送达人, 送达人, 见证人, 记录人 …).
Its value is the text after the label in the same block (up to the next label) or, when that is empty, the
next block (the value cell right of or below a label cell). A label cell wrapped over two PDF lines
("受送达人签名或盖" over "章", "负责人审批意" over "见") is joined back when the two pieces, left-aligned
one or two lines apart, form a label; the value is then what stands right of both pieces.
Within the value a 签名：/签字： sub-label, if present, decides. Filled: a name is left once blanks,
dates, 年 月 日, seal words ((盖章), 单位公章) and any following label ("送达时间：") are removed (method
text), or an image sits in the slot (see `slot_images`: method image, or seal for a seal image).
A refusal note (拒绝签名, 拒签) gives filled=False with the note as evidence.

Labels without a signing word (当事人, 受送达人, 执法人员 …) name people as well as ask for signatures;
they are slots only when the document has no explicit slot (…签名/签字/盖章) for the same role and
they stand in its last third (a header line "被询问人：张三，男…" is not a slot).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from casefile_eval.codes import Role
from casefile_eval.extract.dates import find_dates, signed_month_day
from casefile_eval.extract.line_geometry import offset_xs, token_end, words_under
from casefile_eval.extract.slot_images import (
    Place,
    assign_images,
    image_confidence,
    image_count,
    ink_width_of,
)
from casefile_eval.extract.text import DocText, norm, squeeze
from casefile_eval.model import Block, BlockKind, ImageItem, ImageKind, SignatureSlot
from casefile_eval.parsers.header_rows import is_field_name
from casefile_eval.segment.pagemarks import is_page_number_line
from casefile_eval.textnorm import AGENCY_SUFFIX, CLOSE_HEADING, is_agency_foot

_SIGN_WORD = r"(?:签名|签字|签章|签批|签押|盖章|签收|捺印|按手印|按指印|按印|指印|手印)"
_SIGN_JOIN = r"(?:或者?|并|及|和|、|/)?"  # 签名或盖章, 签名捺印, 签字并捺印, 签名/盖章
# the signing words after the first: joined (签名或盖章), apart (受送达人签收 | 签名: the value cell's
# caption) or in brackets (签字（捺印）, 签名(盖章)); a bracket whose words were cut at the end of the line
# (签名（盖 over 章）, wrapped in its cell) is the caption too
_SIGN_MORE = (
    rf"(?:(?:{_SIGN_JOIN}|[ \t]+){_SIGN_WORD}|[(（]{_SIGN_WORD}(?:{_SIGN_JOIN}{_SIGN_WORD})*[)）]"
    r"|[(（](?:盖|签|捺|按)(?=[\s_]*$))*"
)
_ROLES: tuple[tuple[Role, str], ...] = (
    (
        Role.PARTY,
        r"(?:当事人|被处罚人)[(（]?(?:或|及|或其|及其)?(?:委托)?代理人[)）]?|被询问人|被检查人|被调查人|被处罚人|当事人"
        r"|陈述人|申辩人|被听证人"
        # the party who asked for the hearing signs its record (听证笔录: 申请人签名); a driver stopped on
        # the road signs for the vehicle's operator (驾驶员签字, 驾驶人（签名）)
        r"|(?:听证)?申请人|驾驶[员人]"
        # the person in charge on the spot signs an inspection record for the party checked
        r"|(?:被检查|被调查|被询问)?(?:单位|企业|场所)?现场负责人",
    ),
    (Role.RECIPIENT, r"[受被]送达人|收件人|签收人|代收人"),
    (Role.SERVER, r"(?<!受)送达人"),
    (Role.WITNESS, r"见证人"),
    # 审核人员 only as a slot's name (审核人员（签名）, 审核人员：), not in a sentence
    (
        Role.REVIEWER,
        # (a qualifier in brackets is part of the name: 审核人员（具有法律职业资格）：; 审核人员 before more
        # words is a row's heading, not 审核人 followed by 员; alone in its cell or line it names the row
        # where the reviewer signs: 审核人员 | 签名：)
        r"法制审核人员?|审核人(?:员(?:[(（](?![^()（）]*签)[^()（）]{1,12}[)）])?"
        r"(?=[(（]?(?:签名|签字|签章)|\s*[:：]|[ \t]*(?:\n|$))|(?!员))|法制审核意见|审核意见",
    ),
    # a bare 记录： on a signing row ("询问人：[ink]　记录：[ink]"), not a record's name (询问记录：)
    (Role.RECORDER, r"记录人|记录员|书记员|(?<![问查场议上证话笔录行理达改况访谈审核批])记录(?=\s*[:：])"),
    (
        Role.APPROVER,
        r"(?:机关|单位|部门|分管|主要)?(?<!现场)负责人(?:审批|审核)?(?:意见)?|审批人|审批意见|批准人|领导审批(?:意见)?"
        r"|(?:分管|主管|副)?局长|(?:分管|主管|主要|局)领导",
    ),
    (
        Role.OFFICER,
        r"执法人员|(?<!被)(?:询问|检查|调查)人员?|承办人员?(?:意见)?|办案人员?|经办人员?|勘[验查察测]人员?|(?:卫生)?监督员"
        r"|执法员|(?:听证)?主持人|听证员|(?:交通|执勤)?(?:警察|民警)|(?:拍摄|提取)人",
    ),
)
# the year opening a date: 2020年, 二〇二〇年 (〇 read O or 0)
_YEAR_START = r"(?:19|20)\d\d\s*年|[一二][〇○Oo0零][一二三四五六七八九〇○Oo0零]{2}\s*年"
_DATED = re.compile(rf"\s*(?:{_YEAR_START})")
# A signing caption closed by its bracket needs nothing after it: on a scan the colon after 检查人员（签名）
# may be lost, the name read right after it ("检查人员（签名）郑宏伟2025年12月2日").
_CAPTION_CLOSED = r"(?<=签名[)）]|签字[)）]|签章[)）]|盖章[)）]|指印[)）]|手印[)）]|捺印[)）])"
# a sentence of the body (a record's question or answer, a finding): what a document's head stands before
_PROSE = re.compile(r"[\u4e00-\u9fff]{2}[^。？?]*[。？?]")
_NAMED_CERT = r"(?=[\u4e00-\u9fff]{2,4}(?:执法证|执法证件|工作证|证件)号)"
# what the signer does before signing: 确认, 核对无误后 (当事人（委托代理人）核对无误后签名), 阅后
_CHECKED = r"(?:(?:核对|核实|阅读|阅看|阅|确认)(?:无误|属实)?后?)?"
# A role and the signing it asks for, the two apart or not ("负责人　（签字）"); an opinion's heading
# keeps apart from a signing word after a gap (a PDF line holding the opinion cell and the signing cell).
_LABEL = re.compile(
    "(?:"
    + "|".join(
        rf"(?P<{role.value}>(?:{pattern}){_CHECKED}(?:(?:(?<!意见)\s+)?[(（]?{_SIGN_WORD}{_SIGN_MORE}[)）]?)?)"
        for role, pattern in _ROLES
    )
    + r")(?=\s*(?:[:：|_（(】\]〕)）]|$|\s)|(?<=意见|审批)(?:不|拟)?同意|(?<=意见|审批)(?:建议|如拟)"
    + rf"|{_YEAR_START}|{_CAPTION_CLOSED}|{_NAMED_CERT})"
)  # an opinion OCR ran into its label ("审批意见同意立案。") starts after it too; on a scan a caption
# whose brackets were lost runs into the date after it ("（记录员） 二〇二〇年六月九日" read
# "记录员二0二0年…"), and a printed name with its certificate number into the role before it
# ("执法人员 申红梅 执法证号…" read "执法人员申红梅执法证号…")
_ANY_ROLE = re.compile("|".join(pattern for _, pattern in _ROLES))
# On a scan, a name written between a role and its bracketed caption ("审核人[ink]（签字）") is read as a few
# Latin letters or digits inside the label ("审核人UMsh（签字)")
_INK_IN_LABEL = re.compile(
    rf"(?P<role>{_ANY_ROLE.pattern})(?P<ink>[A-Za-z0-9]{{1,6}})(?P<gap>\s*)(?P<caption>[(（]{_SIGN_WORD}[)）]?)"
)
# roles named only where the person signs (a party or a recipient may be a field's name)
_SIGNER_ROLES = r"审核人员?|审批人|批准人|见证人|(?<!受)送达人|记录人"
_EXPLICIT = re.compile(rf"{_SIGN_WORD}|{_SIGNER_ROLES}|意见|确认")
# a signing caption inside a slot's value (同意。 签名：…), not a date field (签收时间：)
_SUB_LABEL = re.compile(rf"{_SIGN_WORD}{_SIGN_MORE}(?!时间|日期)人?[)）]?\s*[:：]?")  # 签收人：
_REFUSED = re.compile(r"拒绝签|拒签|拒不签|拒绝在[^。]{0,10}签|拒绝盖章|拒不盖章")
_NOISE = re.compile(
    r"[_\s:：,，.。;；、()（）\[\]【】|/\\-]|年|月|日|时|分|签名|签字|签章|盖章|或|日期|时间|意见|以上|记录属实"
    r"|与受送达人的?关系|页|第|共|单位|公章|印章|指印|手印|捺印|按印|签收|本人"
)
# Who speaks in a record: a bare role label followed by a sentence is a turn of the dialogue
_SPEAKERS = frozenset({Role.PARTY, Role.OFFICER, Role.WITNESS, Role.RECORDER})
_STATEMENT = re.compile(r"[。？?！!]")
_ROW_LABEL = re.compile(r"^\s*[\u4e00-\u9fff]{2,10}\s*[:：]")
_NEXT_LABEL = re.compile(r"[\u4e00-\u9fff]{2,10}\s*[:：]")
_DATE_CAPTION = re.compile(r"(?:签[名字收署章]|送达|审核|审批|批准)?(?:日期|时间)\s*[:：]$")
# an officer's or reviewer's number after the name: 执法证号：, 法律职业资格证书编号：
_ID_FIELD = re.compile(  # in a grid the number stands in the next cell, after a gap ("证号  A2020…")
    r"[(（]?\s*(?:法律职业资格|职业资格|资格|执法|工作|身份)?证[书件]?(?:编号|号码?)(?:\s*[:：]|\s+(?=[A-Za-z0-9]))"
)
# (a number may open with the province's and agency's short names: 执法证号：琼综执0902117)
_LISTED_CERT = re.compile(r"证[件书]?(?:编号|号码?)\D{0,4}\d{4,}")  # a printed number: 执法证号豫C0412093
_ID_VALUE = re.compile(
    rf"(?:{_ID_FIELD.pattern})\s*(?:[\u4e00-\u9fff]{{1,4}}(?=[A-Za-z0-9]))?[A-Za-z0-9*＊-]*\s*[)）]?"
)

_TOKEN = re.compile(r"\S+")
# Short field names a form prints beside a slot; standing alone they are never a person's name.
_FIELD_WORDS = frozenset({"日期", "时间", "地点", "地址", "电话", "备注", "职务", "性别", "年龄"})
_BRACKET_READ = re.compile(r"[Cc]")
# book-title marks are print, never part of a name: a scan's read holding one is the next sheet's print
# showing through (a grease stain: "二策《" before the printed 同意：), not a signature
_TITLE_MARK = re.compile(r"[《》〈〉]")
_NOBODY = re.compile(r"[(（]?\s*无\s*[)）]?|[/／—－-]")  # the slot filled in as "none": (无), 无, a dash
_NAME_GAP = re.compile(r"[\s、，,;；/]+")
# certificate numbers, each perhaps after its province's one-character name (鲁070003215)
_PROVINCE = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_CERT_DIGITS = re.compile(rf"[{_PROVINCE}]?[A-Za-z]?\d{{6,}}")
_PRINTED_NUMBERS = re.compile(rf"(?:{_CERT_DIGITS.pattern})+")
# the signer's relation asked in brackets after the label ("收件人签名（与受送达人关系：工程部经理）："): a
# field of its own, printed or filled in, that is neither the next label nor a name
_RELATION = re.compile(r"[(（]\s*与[\u4e00-\u9fff]{2,6}的?关系\s*[:：]?[^()（）]{0,16}[)）]")
_REMARK_ONLY = re.compile(r"(?:以上|属实|无误|核对)?")  # what an attesting row's value holds beside _NOISE
_LONE_NAME = re.compile(r"[\u4e00-\u9fff·]{2,4}")
# fields a signer's name is printed before on one line ("询问人（签名）：陈建东　工作单位：…")
_GLUED_FIELDS = frozenset(
    {"工作单位", "单位", "性别", "职务", "联系电话", "电话", "日期", "时间", "年龄", "住址", "地址"}
    | {"执法证号", "证号"}
)
# words of a form's fields, no person's name (审核日期 is one field, not a name and 日期)
_FORM_WORD = re.compile(
    r"[审批核签收送达证号期间址话务龄别]|负责|意见|人员|单位|机关|部门|时间|当事|工作|联系|身份|执法"
)
_SENTENCE = re.compile(r"[^\s。；;！!]+[。；;！!]|[^\s。；;！!]+[，,][^\s。；;！!]+[。；;！!]?")
_OPINION_START = re.compile(r"\s*(?:拟?同意|不同意)")
# (at the start of a word, or right after the label's colon: 负责人意见：同意结案：陈志刚)
_OPINION_HEAD = re.compile(
    r"(?<![^\s:：])(?:拟?同意|不同意|批准|准予|不予|如拟|建议|拟)"
    r"(?:立案|结案|处罚|办理|执行|承办人?意见|承办机构意见|以上意见|上述意见|审核意见|该意见)?"
    r"(?:调查|查处|处理)?"
)
# an opinion or an attestation written with a colon before the name ("同意：沈家明 3.9", "建议立案：叶春燕",
# "以上情况属实：龙建华"): no field's name
_OPINION_COLON = re.compile(
    rf"(?:{_OPINION_HEAD.pattern}|(?<!\S)(?:以上|上述)[\u4e00-\u9fff，,]{{0,8}}(?:属实|无误|相符|一致))\s*[:：]"
)
_SEAL_LABEL = re.compile(r"盖章|签章")
# a scanned row named 机关负责人审批, its 意见 wrapped onto the next line (not 审批人)
_OPINION_ROW = re.compile(r"审批(?!人)")
# a label opened by a bracket, with only a rule or a gap before it on its line or after the label before it
# (on a scan the bracket may be read 【 or [ after the ink: "[ink] 【被询问人签名】"; 【审核意见】 opening a
# line is a heading)
_CAPTION_OPEN = re.compile(r"(?:^|[)）\]】\s_＿])[_＿\s]*[(（]\s*$|[)）\]】\s_＿][_＿\s]*[【\[]\s*$")
SIGNING = re.compile(_SIGN_WORD)
_SIGNS = re.compile(_SIGN_WORD + "|确认")  # a label asking for a signature: 被询问人确认：
_SIGNER_ROLE = re.compile(_SIGNER_ROLES)
_SIGN_ONLY = re.compile(_SIGN_WORD + r"|审批人|批准人")
# A cut line between a 回执 and its stub ("- - - 沿此线剪开 - - -", "———裁剪线———") is no value of the
# line above.
_CUT_LINE = re.compile(r"(?:[-－—–_]\s*){6,}|沿此线|剪开|裁剪线|骑缝")
_INK_BEFORE = re.compile(r"(?:^|[\s。；;])([\u4e00-\u9fff]{2,4})\s*$")
_SIGN_END = re.compile(rf"(?:{_SIGN_WORD})$")
_INK_DIGITS = re.compile(r"(?<![0-9])[0-9]{1,2}$")
# the agency's 落款 under a party's label (XX市市场监督管理局（印章）) is no signature of the party
_AGENCY_FOOT = re.compile(rf"{AGENCY_SUFFIX}(?:[(（]?(?:印章|公章|盖章)[)）]?)?$|[(（](?:印章|公章)")
MAX_INK_READ = 6  # characters OCR may make of a signature on the blank before a caption
MAX_LABEL_TAIL = 4  # characters of a label wrapped onto the next line
_BLANKS = re.compile(r"[_＿]{2,}")
_TURN = re.compile(r"^\s*[问答][:：]")  # a record's question or answer
ALIGN_PT = 6.0  # how far apart the x of two pieces of one label cell may be
# (a date written out, and the hour after it: 2016年05月17日14时30分)
_BLANK_DATE = re.compile(
    r"[0-9]{0,4}\s*年\s*[0-9]{0,2}\s*月\s*[0-9]{0,2}\s*日(?:\s*[0-9]{1,2}\s*[时点](?:\s*[0-9]{1,2}\s*分)?)?"
)
_BLANK_TAIL = re.compile(r"年\s*月\s*$")  # a blank date closing an OCR line, its 日 lost ("姜涛 审核人 年月")
MAX_SIGNER = 20
VALUE_REACH = 2.0  # line heights between a PDF label line and a value line below it
ABOVE_REACH = 2.5  # line heights between a line of captions and the signatures read above it
SIGNING_ROW_REACH = 5.0  # line heights between a signing row and the row of bare labels under it
CELL_REACH = 4.0  # ...or a value in the cell under a field name (its middle under the name)
CELL_RISE = 0.5  # line heights a value line may rise over the foot of the label's last line
SIGN_REACH = 6.0  # line heights between an opinion and the 签名： line at the foot of its (tall) cell
OCR_MARK_CONFIDENCE = 0.7  # a mark OCR read in a signature zone: most likely ink, worth a look
UNSURE_MARK = 0.5  # ink OCR found no surer than this (little or small) leaves a slot undecided
ROW_NAME_REACH = 2.5  # line heights under a row's name where the first caption of its value cell may start
DOWN_COLUMN = 1.5  # a row's name in a box narrower than this many line heights is written down a column...
SMALL_PRINT = 0.9  # a box's caption printed smaller than its row's name: at most this part of its height...
LOWER_IN_ROW = 0.3  # ...and its top at least this part of that height lower
COLUMN_PITCH = 1.5  # ...a character a line, at most this many character heights apart
OPINION_LINES = 4  # blocks from an opinion label to the signing label under its opinion
MAX_HEADING = 8  # characters of a column heading ("签章/日期", "审批人签名", "承办机构负责人")
# A signing strip under a form (承办人 | 承办机构 | 负责人审批, the signatures and the dates in the rows
# under it): a row of short column headings, each naming who signs there
_STRIP_WORDS = re.compile(r"机构|部门|科室|审批|审核|领导")
_STRIP_NOT = re.compile(r"[:：，,。；;、]")
_STRIP_ACT = re.compile(r"(?:确认|签名|签字|签章|盖章)$")


@dataclass
class _Slot:
    role: Role
    label: str
    blocks: tuple[int, ...]
    value: str
    explicit: bool
    start: int = 0  # offset of the label in its first block
    strip: bool = False  # a column heading of a signing strip
    caption: bool = False  # a caption in brackets after (or under) the blank it names: "＿＿（记录人签名）"


def _strip_heading(dt_: DocText, index: int) -> bool:
    """Whether block `index` is (in) the heading row of a signing strip: two or more short headings, each
    naming a signer (承办人, 负责人审批) or a unit that signs (承办机构), at least two of them roles, with
    no colon and no sentence; the signatures stand under them, not beside."""
    own = dt_.blocks[index].split()  # the block's own words first: most blocks end here, before a row walk
    if not own or any(len(h) > MAX_HEADING or _STRIP_NOT.search(h) for h in own):
        return False
    if dt_.doc.blocks[index].kind is BlockKind.CELL:
        row = [dt_.squeezed(i) for i in range(len(dt_.blocks)) if same_row(dt_, index, i)]
    else:  # a line, or (read by OCR column by column) lines side by side in one row
        row = [h for i in range(len(dt_.blocks)) if same_row(dt_, index, i) for h in dt_.blocks[i].split()]
    headings = [h for h in row if h]
    roles = sum(_ANY_ROLE.fullmatch(h) is not None for h in headings)
    if len(headings) == len(row):  # a row of headings only may add the act signed for (当事人确认 | 拍摄人)
        roles = max(roles, sum(_signer_heading(h) for h in headings))
    return (
        len(headings) >= 2
        and all(len(h) <= MAX_HEADING and not _STRIP_NOT.search(h) for h in headings)
        and all(_ANY_ROLE.search(h) or _STRIP_WORDS.search(h) for h in headings)
        and roles >= 2
    )


def _signer_heading(heading: str) -> bool:
    """A strip's heading naming a signer, perhaps with the act signed for (当事人确认, 拍摄人)."""
    return bool(heading) and _ANY_ROLE.fullmatch(_STRIP_ACT.sub("", heading)) is not None


def _cell_under(dt_: DocText, index: int) -> int | None:
    """For a heading cell of a strip whose every cell is a heading naming a signer (当事人确认 | 拍摄人), the
    cell of the next row in its column; None for any other block (a strip with a unit's heading among them,
    承办机构, leaves its pictures to be placed by their columns)."""
    cell = dt_.doc.blocks[index]
    if cell.kind is not BlockKind.CELL or cell.table is None or cell.row is None or cell.col is None:
        return None
    row = [dt_.squeezed(i) for i in range(len(dt_.blocks)) if same_row(dt_, index, i)]
    if not all(_signer_heading(h) for h in row):
        return None  # (a row of labels each with its value cell beside it: 送达人 | [ink] | 送达人 | [ink])
    return next(
        (
            k
            for k in range(index + 1, len(dt_.doc.blocks))
            if (b := dt_.doc.blocks[k]).kind is BlockKind.CELL
            and (b.source, b.table, b.row, b.col) == (cell.source, cell.table, cell.row + 1, cell.col)
        ),
        None,
    )


# a bracketed qualifier after a slot's name (与受送达人关系：本人); not a refusal or a signing word (拒签)
_QUALIFIER_ONLY = re.compile(r"\s*[(（](?![^()（）]*(?:拒|签|章|印|捺))[^()（）]{1,20}[)）]\s*[:：]?\s*")


def _value(dt_: DocText, index: int, text: str, end: int, start: int = 0) -> tuple[str, tuple[int, ...]]:
    rest = text[end:]
    nxt = _LABEL.search(rest)
    value = rest[: nxt.start()] if nxt else rest
    if _QUALIFIER_ONLY.fullmatch(value):
        value = ""  # 收件人签名或盖章（与受送达人关系：本人）: the slot's qualifier, not what was signed
    # printed blanks (＿＿＿＿) are the place to sign: what stands below them is no value of this slot
    if value.strip(":： \t_") or nxt or index + 1 >= len(dt_.blocks) or _BLANKS.search(value):
        return value, (index,)
    if (below := _signed_in_cell(dt_, (index,), index + 1)) is not None:
        return below[0], (index, *below[1])
    if not any(near(dt_, index, index + 1) for near in (_below, _in_cell_below, _ink_right_below)):
        return "", (index,)
    following = dt_.blocks[index + 1]
    row_label = _row_label(following) and not _SUB_LABEL.match(following.strip())
    # the next row's label (备注, 送达方式), a cut line or the page's footer ("— 1 / 2 —") is no value of
    # this one
    if (
        _LABEL.match(following.strip())
        or row_label
        or _TURN.match(following)
        or is_field_name(following)
        or _CUT_LINE.search(following)
        or is_page_number_line(following)
        or is_agency_foot(following)
        or _in_column_left(dt_, index, start)
    ):
        return "", (index,)
    cut = _LABEL.search(following)
    return (following[: cut.start()] if cut else following), (index, index + 1)


def _row_label(text: str) -> bool:
    """Whether a line opens with a field's name and its colon (备注：, 送达方式：), not with an opinion
    written before the name (同意：[ink])."""
    return _ROW_LABEL.match(text) is not None and _OPINION_COLON.match(text) is None


def _in_column_left(dt_: DocText, index: int, start: int) -> bool:
    """Whether the line after a label line starts with a field name standing left of where the label (at
    character `start`) starts: the next row's name in the column of row names, its value run into it on a
    scan ("审核人员 审核人员（具有法律职业资格）：" over "审核机构负责人同意。"), no value of the label."""
    following, label = dt_.doc.blocks[index + 1], dt_.doc.blocks[index].bbox
    if not dt_.blocks[index].rstrip().endswith((":", "：")):
        return False  # a role word ending a line of prose ("…所雇。当事人" over "未派员到场。"), no caption
    xs = offset_xs(dt_, index, [start]) if start > 0 else None
    if xs is None or label is None or following.bbox is None or following.page != dt_.doc.blocks[index].page:
        return False
    if following.bbox.x0 >= xs[0] - (label.bottom - label.top):
        return False
    text = dt_.blocks[index + 1].strip()
    if not re.match(r"[\u4e00-\u9fff]", text):
        return False  # a note in brackets under the labels ("（拒绝签名）"), no row's name
    ends = offset_xs(dt_, index + 1, list(range(1, len(text) + 1))) or []
    left = text[: sum(1 for x in ends if x <= xs[0])]
    return any(is_field_name(left[:n]) for n in range(2, len(left) + 1))


def _second_name(dt_: DocText, index: int, value: str) -> tuple[str, tuple[int, ...]]:
    """An officers' slot whose second name stands alone on the next line ("执法人员签名：薛刚桂" over
    "宋波强　二〇二三年五月六日"): both names are the slot's value."""
    following = index + 1
    if following >= len(dt_.blocks) or not _LONE_NAME.fullmatch(undated(value)):
        return value, (index,)
    name = undated(dt_.blocks[following])
    if not _LONE_NAME.fullmatch(name) or is_field_name(name) or not _below(dt_, index, following):
        return value, (index,)
    return f"{value} {dt_.blocks[following]}", (index, following)


def _without_dates(text: str) -> str:
    """The text with its blank dates dropped and each date made a space."""
    words = _BLANK_DATE.sub("", text)
    for date in reversed(find_dates(words)):
        words = words[: date.start] + " " + words[date.end :]
    return words


def undated(text: str) -> str:
    """The text without its dates and blank dates, gaps and colons ("" for a line holding only a date)."""
    return re.sub(r"[\s:：_]", "", _without_dates(text))


def _below(dt_: DocText, i: int, j: int, reach: float = VALUE_REACH) -> bool:
    """Whether block j can hold block i's value: on a PDF page, a line on the same page at most `reach`
    line heights below (a page number or the next row further down is not the value); in a table, a
    cell of the same row or of the same column (not the first cell of the next row under the last label)."""
    a, b = dt_.doc.blocks[i], dt_.doc.blocks[j]
    if a.kind is BlockKind.CELL and b.kind is BlockKind.CELL and a.table is not None and a.table == b.table:
        return a.row == b.row or a.col == b.col
    if a.kind is not BlockKind.LINE or a.bbox is None or b.bbox is None:
        return True
    if a.page != b.page:
        return False
    height = a.bbox.bottom - a.bbox.top
    return b.bbox.top - a.bbox.bottom <= reach * height


def _in_cell_below(dt_: DocText, i: int, j: int) -> bool:
    """Whether line j stands in the cell under the field name on line i (a grid's row of field names over
    tall cells, the name signed in the middle of its cell): on the same page, its middle under the name
    and at most CELL_REACH line heights below it."""
    a, b = dt_.doc.blocks[i].bbox, dt_.doc.blocks[j].bbox
    if a is None or b is None or dt_.doc.blocks[i].page != dt_.doc.blocks[j].page:
        return False
    height = a.bottom - a.top
    middle = (b.x0 + b.x1) / 2
    return a.x0 - height <= middle <= a.x1 + height and b.top - a.bottom <= CELL_REACH * height


def _ink_right_below(dt_: DocText, i: int, j: int) -> bool:
    """Whether line j is what was signed or stamped in the value cell right of a label standing alone at
    the top of its tall row or box ("受送达人签名或盖章" | a 收发专用章 seal, the name signed lower): right of
    the label's end, at most CELL_REACH line heights under it, and on a scan OCR's reading, short, and not
    the agency's own 落款; in a text layer a line holding only the date, written or left blank, with a
    signature's image placed on it (当事人（签名） at the top of a ruled box, the name signed below it and
    dated, or not, at its right)."""
    if not _right_below(dt_, (i,), j):
        return False
    text = dt_.squeezed(j)
    if dt_.doc.blocks[j].confidence is None:
        inked = any(im.kind is ImageKind.SIGNATURE and im.block_index == j for im in dt_.doc.images)
        return inked and bool(text) and not undated(text)
    return len(text) <= MAX_SIGNER and _AGENCY_FOOT.search(text) is None


def _right_below(dt_: DocText, label: tuple[int, ...], j: int) -> bool:
    """Whether line j stands in the value cell of a label at the top of its tall row (the label's lines):
    on the same page, right of the label and at most CELL_REACH line heights under its last line (its top
    may rise CELL_RISE of one over that line's foot: a scan's line box grows with the name written on it)."""
    boxes = [b for k in label if (b := dt_.doc.blocks[k].bbox) is not None]
    line = dt_.doc.blocks[j]
    if line.bbox is None or line.page != dt_.doc.blocks[label[-1]].page or len(boxes) < len(label):
        return False
    height = boxes[0].bottom - boxes[0].top
    return (
        line.bbox.x0 >= max(b.x1 for b in boxes)
        and -CELL_RISE * height <= line.bbox.top - boxes[-1].bottom <= CELL_REACH * height
    )


def _signed_in_cell(dt_: DocText, label: tuple[int, ...], j: int) -> tuple[str, tuple[int, ...]] | None:
    """A label standing alone at the top of its tall row whose value cell is signed lower down after a
    caption of its own ("受送达人签名或盖章" | "签收：[ink] 2016年04月06日"): the text after that caption
    on line j, right of the label's lines and at most CELL_REACH line heights under them, and the lines it
    is on; None when line j is not that. A name written there that the recogniser read as a line of its
    own, standing up over the caption's line (林春生 over 签收：2021年09月14日), is part of that value."""
    for k in (j, j + 1):
        if k >= len(dt_.blocks) or not _right_below(dt_, label, k):
            continue
        text = dt_.blocks[k].strip()
        caption = _SUB_LABEL.match(text)
        if caption is None:
            continue
        if k == j:
            return text[caption.end() :], (j,)
        if _over_caption(dt_.doc.blocks[j], dt_.doc.blocks[k]):
            return f"{dt_.blocks[j].strip()} {text[caption.end() :]}", (j, k)
    return None


def _over_caption(name: Block, row: Block) -> bool:
    """Whether a line stands up over a caption's line, in its cell: the two overlap in height (a name
    written large after 签收：) and it starts after the caption does."""
    if name.bbox is None or row.bbox is None:
        return False
    overlap = min(name.bbox.bottom, row.bbox.bottom) > max(name.bbox.top, row.bbox.top)
    return overlap and name.bbox.x0 >= row.bbox.x0


def _cut_label(text: str) -> str:
    nxt = _LABEL.search(text)
    return text[: nxt.start()] if nxt else text


def _aligned(dt_: DocText, i: int, j: int) -> bool:
    """Whether block j continues the label cell that starts block i (same page, same left edge, or a short
    tail centred under the label's start)."""
    a, b = dt_.doc.blocks[i], dt_.doc.blocks[j]
    if b.kind is not BlockKind.LINE or a.page != b.page:
        return False
    if a.bbox is None or b.bbox is None:
        return j == i + 1
    if abs(a.bbox.x0 - b.bbox.x0) <= ALIGN_PT:
        return True
    # a centred label cell wraps its last characters onto a shorter line centred under the first
    return b.bbox.x1 - b.bbox.x0 <= MAX_LABEL_TAIL * (b.bbox.bottom - b.bbox.top) * 1.5 and _under_start(
        a, b.bbox.x0, b.bbox.x1
    )


def _tail_beside_value(dt_: DocText, i: int, j: int) -> bool:
    """Whether block j starts with the tail of the label cell that starts block i, centred under the
    label's start, and goes on in the value cell beside it ("盖章 签收：" under "受送达人签名或"): its first
    word's extent from the characters' places or, where those are unknown, one line height a character."""
    a, b = dt_.doc.blocks[i], dt_.doc.blocks[j]
    first = _TOKEN.search(b.text)
    if b.kind is not BlockKind.LINE or a.page != b.page or a.bbox is None or b.bbox is None or first is None:
        return False
    if first.end() == len(b.text.rstrip()):
        return False  # one word: `_aligned` judges it
    xs = b.char_xs
    height = b.bbox.bottom - b.bbox.top
    if xs is not None and len(xs) == len(b.text):
        end = xs[first.end() - 1] + height / 2
    else:
        end = b.bbox.x0 + len(first.group()) * height
    return _under_start(a, b.bbox.x0, end)


def _under_start(label: Block, x0: float, x1: float) -> bool:
    """Whether the middle of x0..x1 lies under the first half of the label line (plus ALIGN_PT)."""
    assert label.bbox is not None
    box = label.bbox
    return box.x0 < (x0 + x1) / 2 < box.x0 + (box.x1 - box.x0) / 2 + ALIGN_PT


def _wrapped_label(dt_: DocText, i: int) -> _Slot | None:
    """A label cell wrapped over two PDF lines, starting block i, joined back into one slot. A line
    between (a value line under the label's first line) is passed over when it is no tail."""
    first = _TOKEN.search(dt_.blocks[i])
    if first is None or not _ANY_ROLE.search(first.group()):
        return None
    for j in (i + 1, i + 2):
        if j >= len(dt_.blocks):
            continue
        aligned = _aligned(dt_, i, j)
        if not aligned and not _tail_beside_value(dt_, i, j):
            continue
        slot = _joined_slot(dt_, i, j, first)
        if slot is not None or aligned:
            return slot
    return None


def _joined_slot(dt_: DocText, i: int, j: int, first: re.Match[str]) -> _Slot | None:
    """The slot of a label that block j ends (block i holds its first word `first`), or None when block j
    holds no tail that completes a label."""
    tail = _TOKEN.search(dt_.blocks[j])
    if tail is None or len(tail.group().rstrip(":：")) > MAX_LABEL_TAIL:
        return None
    joined = first.group() + tail.group().rstrip(":：")
    m = _LABEL.search(joined)  # the label may follow a unit's word in the cell (局领导审批意|见)
    if m is None or m.end() != len(joined) or m.start() >= len(first.group()):
        return None
    between = [dt_.blocks[i + 1]] if j == i + 2 else []
    value = " ".join(
        [_cut_label(dt_.blocks[i][first.end() :]), *between, _cut_label(dt_.blocks[j][tail.end() :])]
    )
    blocks = tuple(range(i, j + 1))
    if not value.strip(":： \t_") and (below := _signed_in_cell(dt_, blocks, j + 1)) is not None:
        value, blocks = below[0], (*blocks, *below[1])
    role = Role(m.lastgroup or "")
    explicit = _EXPLICIT.search(joined) is not None
    return _Slot(role, squeeze(joined), blocks, value, explicit, first.start())


def _extend_opinion(dt_: DocText, slot: _Slot) -> None:
    """On a PDF page, an opinion row whose label line holds only the opinion goes on in the lines
    below it inside the value column ("同意。" over "签名：何兰兰" over the date), up to the next label;
    a 签名： line right under the opinion belongs to it even where it starts at the label's edge (a grid
    whose field names stand above their values, read column by column)."""
    if _text_fill(slot.value, 2, True)[0]:
        return
    last = slot.blocks[-1]
    label = dt_.doc.blocks[slot.blocks[0]]
    if label.kind is BlockKind.CELL:
        _extend_opinion_cell(dt_, slot)
        return
    if label.kind is BlockKind.PARAGRAPH:
        _extend_opinion_paragraphs(dt_, slot)
        return
    while last + 1 < len(dt_.blocks):
        nxt = dt_.doc.blocks[last + 1]
        text = dt_.blocks[last + 1].strip()
        if nxt.kind is not BlockKind.LINE or label.bbox is None or nxt.bbox is None:
            return
        signing = _tail_then_signing(slot.label, text)
        if signing and nxt.bbox.x0 <= label.bbox.x0 + ALIGN_PT and _below(dt_, last, last + 1, SIGN_REACH):
            last += 1  # the label's wrapped word read into one line with the 签名 beside it (意见 签名韩立国)
            slot.value = f"{slot.value} {signing}"
            slot.blocks = (*slot.blocks, last)
            continue
        # 签名： under the opinion (a grid read by column), or its caption in brackets: （签名） [date]
        sign_here = _SUB_LABEL.match(text.lstrip("(（")) is not None
        if not _below(dt_, last, last + 1, SIGN_REACH if sign_here else VALUE_REACH):
            return
        if not text:  # a line emptied of a character of a label written down the column (承/办/人/意/见)
            last += 1
            slot.blocks = (*slot.blocks, last)
            continue
        if _label_tail(slot.label, text) and nxt.bbox.x0 <= label.bbox.x0 + ALIGN_PT:
            last += 1  # the label's last word wrapped under it (机关负责人审批同意立案。 over 意见)
            slot.blocks = (*slot.blocks, last)
            continue
        starts_row = _LABEL.match(text) or (_row_label(text) and not sign_here)
        if starts_row or (nxt.bbox.x0 <= label.bbox.x0 + ALIGN_PT and not sign_here):
            return
        last += 1
        slot.value = f"{slot.value} {_cut_label(text)}"
        slot.blocks = (*slot.blocks, last)


def _label_tail(label: str, text: str) -> bool:
    """Whether a line holds only the end of a label wrapped onto it: the label with it is a longer label
    (机关负责人审批 + 意见)."""
    tail = squeeze(text).rstrip(":：")
    if not tail or len(tail) > MAX_LABEL_TAIL:
        return False
    m = _LABEL.search(label + tail)
    return m is not None and m.end() == len(label + tail) and m.end() - m.start() > len(label)


def _tail_then_signing(label: str, text: str) -> str:
    """The signing part of a line that starts with the end of a wrapped label and goes on with a 签名
    label ("意见 签名韩立国 2023-04-17" under 机关负责人审批), else ""."""
    text = squeeze(text)
    for end in range(1, min(MAX_LABEL_TAIL, len(text)) + 1):
        if _SUB_LABEL.match(text, end) and _label_tail(label, text[:end]):
            return text[end:]
    return ""


def _extend_opinion_paragraphs(dt_: DocText, slot: _Slot) -> None:
    """In a .docx, an opinion heading on a paragraph of its own ("负责人审批意见") is followed by the opinion
    ("同意立案。") and the paragraph where the approver signs ("签名：[ink]"), before the next heading:
    up to that signing paragraph, the paragraphs belong to the opinion's slot; so does a paragraph right
    after it printing the approver's name before the ink ("韩立新：[ink] 20-04-07")."""
    last = slot.blocks[-1]
    for nxt in range(last + 1, min(slot.blocks[0] + OPINION_LINES, len(dt_.blocks) - 1) + 1):
        text = dt_.blocks[nxt].strip()
        if dt_.doc.blocks[nxt].kind is not BlockKind.PARAGRAPH or _LABEL.match(text):
            return
        if _SUB_LABEL.match(text):
            slot.value = " ".join([slot.value, *(dt_.blocks[i] for i in range(last + 1, nxt + 1))])
            slot.blocks = (*slot.blocks, *range(last + 1, nxt + 1))
            return
        if nxt == last + 1 and _named_signing_line(dt_, nxt):
            slot.blocks = (*slot.blocks, nxt)  # its ink signs the opinion; the printed name signs nothing
            return
        if _ROW_LABEL.match(text):
            return


def _named_signing_line(dt_: DocText, index: int) -> bool:
    """A paragraph that prints the signer's name with a colon before the place of the ink and the date
    ("韩立新：[ink] 20-04-07"), holding a picture."""
    text = dt_.blocks[index].strip()
    name = undated(text)
    return (
        re.match(r"[\u4e00-\u9fff]{2,4}[:：]", text) is not None
        and _LONE_NAME.fullmatch(name) is not None
        and not is_field_name(name)
        and any(image.block_index == index for image in dt_.doc.images)
    )


def _extend_opinion_cell(dt_: DocText, slot: _Slot) -> None:
    """In a table, an opinion cell is often followed by the cell where the approver signs ("签名：
    日期：…"), in the row below and the same column or further along the same row; or, further along the
    row, by the cell under a column headed for signing ("环节 | 意见 | 签章/日期") or by a cell holding only
    the date the approver writes beside the mark ("同意。 | 二〇一九年四月九日"): that cell belongs to the
    opinion's slot."""
    last = slot.blocks[-1]
    value = dt_.doc.blocks[last]
    if last + 1 >= len(dt_.blocks) or value.kind is not BlockKind.CELL:
        return
    nxt = dt_.doc.blocks[last + 1]
    text = dt_.blocks[last + 1].strip()
    if nxt.kind is not BlockKind.CELL or nxt.table != value.table:
        return
    below = nxt.col == value.col and nxt.row == (value.row or 0) + 1
    beside = nxt.row == value.row and (nxt.col or 0) > (value.col or 0)
    signs = _SUB_LABEL.match(text.lstrip("(（")) is not None  # 签名：, （签字）
    dated = beside and bool(text) and not undated(text)  # 同意。 | [ink] 二〇一九年四月九日
    if (below or beside) and (signs or dated or (beside and _signing_column(dt_, last + 1))):
        slot.value = f"{slot.value} {text}"
        slot.blocks = (*slot.blocks, last + 1)


def _signing_column(dt_: DocText, index: int) -> bool:
    """Whether a table cell stands under a column heading that asks for a signature ("签章/日期", "签名")."""
    return any(
        len(dt_.squeezed(i)) <= MAX_HEADING and re.search(_SIGN_WORD, dt_.squeezed(i)) is not None
        for i in dt_.cells_above(index)
    )


def _scan(dt_: DocText) -> list[_Slot]:
    slots: list[_Slot] = []
    for index in dt_.blocks_matching(_ANY_ROLE):
        text = dt_.blocks[index]
        read_by_ocr = dt_.doc.blocks[index].confidence is not None
        if read_by_ocr:
            text = _INK_IN_LABEL.sub(_ink_after_caption, text)
        strip = _strip_heading(dt_, index)
        line = dt_.doc.blocks[index].kind is BlockKind.LINE
        wrapped = _wrapped_label(dt_, index) if line and not strip else None
        if wrapped:
            slots.append(wrapped)
        previous = 0  # where the last caption of the line ended
        for m in _LABEL.finditer(text):
            if wrapped and m.start() < wrapped.start + len(wrapped.label):
                continue
            role = Role(m.lastgroup or "")
            label = squeeze(m.group())
            if strip:  # a column heading: what stands beside it is the next heading, not its value
                value, blocks = _value(dt_, index, text, len(text))
                under = _cell_under(dt_, index)  # a table's heading row: signed in the cell under
                if under is not None and under not in blocks:
                    value, blocks = dt_.blocks[under], (index, under)
                slots.append(_Slot(role, label, blocks, value, True, m.start(), strip=True))
                continue
            opened = _CAPTION_OPEN.search(text[: m.start()]) or (read_by_ocr and _open_lost(label))
            if not opened and text[m.end() :].lstrip()[:1] in (")", "）"):
                continue  # a role named in brackets in a sentence ("某公司（当事人）"), no caption
            if opened:  # signed before it: nothing after is its value
                label = label.rstrip(")）]】")
                # a caption naming a role that only ever signs (（审核人）, （记录人）) asks for a signature
                signs = _SIGNS.search(label) is not None or _SIGNER_ROLE.fullmatch(label) is not None
                written = text[previous : m.start()].strip(" \t_＿（(")
                if not signs and (len(written) > MAX_INK_READ or _among_field_captions(dt_, index)):
                    previous = m.end()
                    continue  # a field's name under or after its value ("张宝森，男，…（当事人）")
                # on a scan, what OCR read of the ink on the blank before it ("XR （当事人签名）")
                before = _ink_before(text, m.start(), previous) if read_by_ocr else ""
                # a role alone in brackets ("（询问人）") asks for a signature only on a signing row
                slots.append(_Slot(role, label, (index,), before, signs, m.start(), caption=True))
                previous = m.end()
                continue
            if read_by_ocr and _dated_caption(text, m):
                # a caption whose brackets were lost, the date after it ("孟晓雪 记录员二0二0年六月九日"):
                # what OCR read of the ink before it is its value
                before = _ink_before(text, m.start(), previous)
                slots.append(_Slot(role, label, (index,), before, True, m.start(), caption=True))
                previous = m.end()
                continue
            ahead = _name_ahead(text, m, previous) if read_by_ocr else None
            if ahead is not None:  # on a scan: "韩冬梅 记录人签名 二〇二〇年四月二十八日", its brackets lost
                slots.append(_Slot(role, label, (index,), ahead, True, m.start(), caption=True))
                previous = m.end()
                continue
            end = m.end()
            if text[end : end + 1] in CLOSE_HEADING:  # 【审批意见】: its value after the bracket
                end += 1
            if role in _SPEAKERS and not _EXPLICIT.search(label) and _STATEMENT.search(text[end:]):
                continue  # a speaker's turn in a record ("当事人：没有异议。"), no place to sign
            value, blocks = _value(dt_, index, text, end, m.start())
            if role is Role.OFFICER and blocks == (index,):
                value, blocks = _second_name(dt_, index, value)
            slots.append(_Slot(role, label, blocks, value, _EXPLICIT.search(label) is not None, m.start()))
    explicit_roles = {s.role for s in slots if s.explicit}
    # a bare role label (询问人：, 记录人：) is a slot on a signature row, i.e. beside an explicit label:
    # in its line, in another cell of its table row (被询问人签名 | 执法人员 | 执法人员 | 记录人), or on the
    # same printed line of the page; not where that row asks the same role to sign under a label of its
    # own (受送达人 | … | 收件人签收: the bare label is the addressee's name)
    signing = [s for s in slots if _SIGNS.search(s.label)]
    rows = _signing_rows_run_on(dt_, slots, {t.blocks[0] for t in signing})
    return [
        s
        for s in slots
        if not _listed_above(dt_, s, signing)
        and not _names_the_row(dt_, s, slots)
        and not _named_in_head(dt_, s, slots)
        and (
            s.explicit
            or s.strip
            or _caption_under(dt_, s)
            or (
                any(same_row(dt_, s.blocks[0], t.blocks[0]) for t in signing)
                and not any(t.role is s.role and same_row(dt_, s.blocks[0], t.blocks[0]) for t in signing)
            )
            or (s.role not in explicit_roles and (_in_tail(dt_, s, slots) or _page_foot(dt_, s, slots)))
            or _listed_after_body(dt_, s)
            or s.blocks[0] in rows
            or _under_opinion(s, slots)
            or _under_unit_opinion(dt_, s, slots)
            or _dated_signing_line(dt_, s, slots)
        )
    ]


def _caption_under(dt_: DocText, slot: _Slot) -> bool:
    """Whether a bare label's value is a signing caption on the line under it (局领导审批 over 签名：,
    受送达人 over 签名（盖章）： in the value column): the row is where that person signs."""
    return any(_SUB_LABEL.match(dt_.blocks[i].strip()) for i in slot.blocks[1:2])


def _named_in_head(dt_: DocText, slot: _Slot, slots: list[_Slot]) -> bool:
    """Whether a bare label of someone who signs names that person with a certificate number before the
    signing part of the document (a 笔录's head: 记录人 李冰（执法证号：41108110263）, its questions and
    answers after it): a listing, as the 询问人 row above it is, not a place to sign."""
    named = _LONE_NAME.search(_ID_VALUE.sub("", slot.value)) is not None  # (not a blank, then a number)
    return (
        not _SIGNS.search(slot.label)
        and named
        and _LISTED_CERT.search(slot.value) is not None
        and not _in_tail(dt_, slot, slots)
        and not _page_foot(dt_, slot, slots)
        and _prose_after(dt_, slot)
    )


def _prose_after(dt_: DocText, slot: _Slot) -> bool:
    """Whether a sentence of the body stands after the slot's lines."""
    return _any_prose(dt_.blocks[slot.blocks[-1] + 1 :])


def _any_prose(texts: list[str]) -> bool:
    return any(_PROSE.search(text) for text in texts)


def _listed_after_body(dt_: DocText, slot: _Slot) -> bool:
    """An officer printed with a certificate number after the document's last sentence, before its 落款
    (执法人员 申红梅 执法证号… under a 当场处罚决定书's remedy notice): where that officer signs."""
    return (
        slot.role is Role.OFFICER
        and _LISTED_CERT.search(slot.value) is not None
        and not _prose_after(dt_, slot)
        and _any_prose(dt_.blocks[: slot.blocks[0]])
    )


def _signing_rows_run_on(dt_: DocText, slots: list[_Slot], rows: set[int]) -> set[int]:
    """The lines of bare labels only that continue a signing row: each the next text line of its page
    under a signing row or under such a line (被询问人（签名）：　询问人：, then 询问人：　记录人： under
    it; or 被询问人签名（捺印）, 询问人, 询问人, 记录人 stacked, each with the ink under it)."""
    rows = set(rows)
    for index in sorted({t.blocks[0] for t in slots}):
        if index - 1 in rows and _labels_only(dt_, slots, index) and _next_line(dt_, index - 1, index):
            rows.add(index)
    return rows


def _next_line(dt_: DocText, above: int, index: int) -> bool:
    """Whether a placed line of a page stands within SIGNING_ROW_REACH line heights under another."""
    line, upper = dt_.doc.blocks[index], dt_.doc.blocks[above]
    placed = all(b.kind is BlockKind.LINE and b.bbox is not None for b in (line, upper))
    return placed and _below(dt_, above, index, SIGNING_ROW_REACH)


def _labels_only(dt_: DocText, slots: list[_Slot], index: int) -> bool:
    """Whether a line holds labels and nothing else but blank dates (询问人：　记录人：), not a field with
    a value (询问人：张三　记录人：李四)."""
    text = dt_.blocks[index]
    rest = "".join(text[prev:start] for prev, start in _gaps(slots, index, len(text)))
    return not _BLANK_DATE.sub("", rest).strip(" \t:：()（）_＿")


def _gaps(slots: list[_Slot], index: int, end: int) -> list[tuple[int, int]]:
    """The stretches of a block's text between the labels of the slots standing in it."""
    spans = sorted((t.start, t.start + len(t.label)) for t in slots if t.blocks[0] == index)
    gaps: list[tuple[int, int]] = []
    previous = 0
    for start, stop in spans:
        gaps.append((previous, start))
        previous = max(previous, stop)
    gaps.append((previous, end))
    return gaps


_SEPARATORS = re.compile(r"[\s:：]")


def _in_tail(dt_: DocText, slot: _Slot, slots: list[_Slot]) -> bool:
    """Whether a slot stands in the document's last third, or in the last third of its page on a row that
    asks two people of its role to sign (询问人：　询问人：　记录人： at the foot of each page of a 笔录)."""
    index = slot.blocks[0]
    if index >= len(dt_.blocks) * 2 // 3:
        return True
    page = dt_.doc.blocks[index].page
    pair = sum(t.role is slot.role and t.blocks[0] == index for t in slots) >= 2
    if page is None or not pair:
        return False
    on_page = [i for i, b in enumerate(dt_.doc.blocks) if b.page == page]
    return on_page.index(index) >= len(on_page) * 2 // 3


def _page_foot(dt_: DocText, slot: _Slot, slots: list[_Slot]) -> bool:
    """Whether a bare label stands in the signing rows at the foot of a page of a document going on over
    pages (被询问人：　日期：2025.11.5 / 询问人： / 记录人： before 共2页 第1页): in the last third of its
    page, on a line of labels, dates and at most a name written beside them (read from the ink on a
    scan), beside another such line or alone right before the page's number."""
    index = slot.blocks[0]
    page = dt_.doc.blocks[index].page
    if page is None or not _signing_line(dt_, slots, index):
        return False
    on_page = [i for i, b in enumerate(dt_.doc.blocks) if b.page == page]
    if on_page.index(index) < len(on_page) * 2 // 3:
        return False
    if any(other in on_page and _signing_line(dt_, slots, other) for other in (index - 1, index + 1)):
        return True
    # alone, the page's last line (before its number), the record going on over the next page: the party
    # signs each page (被询问人： / 共2页 第1页)
    goes_on = any(b.page is not None and b.page > page for b in dt_.doc.blocks)
    return goes_on and all(is_page_number_line(dt_.blocks[i]) for i in on_page if i > index)


def _signing_line(dt_: DocText, slots: list[_Slot], index: int) -> bool:
    """Whether a line opens with a label and holds nothing else but labels, dates (filled or blank) and
    their captions, and names of at most `MAX_INK_READ` characters."""
    text = dt_.blocks[index]
    if not any(t.blocks[0] == index and t.start == len(text) - len(text.lstrip()) for t in slots):
        return False
    rest = [text[prev:start] for prev, start in _gaps(slots, index, len(text))]
    for i, part in enumerate(rest):
        for date in find_dates(part):
            part = part.replace(date.raw, "")
        rest[i] = _BLANK_DATE.sub("", part).replace("日期", "").strip(" \t:：()（）_＿")
    return all(len(part) <= MAX_INK_READ for part in rest)


def _names_the_row(dt_: DocText, slot: _Slot, slots: list[_Slot]) -> bool:
    """Whether a label is the field name of a row whose value cell opens with the same role's own caption
    (受送达人签收 | 收件人签名或盖章：[ink]; 送达人 | 送达人签字：[ink]; 送达人 | [ink]（送达人）): the
    caption is the slot. Two captions of one role side by side (询问人签名 询问人签名, 执法人员： 执法人员：)
    stay two slots."""
    text = dt_.blocks[slot.blocks[0]]
    label = _SEPARATORS.sub("", slot.label)
    value = _SEPARATORS.sub("", slot.value)
    for t in slots:
        if t is slot or t.role is not slot.role:
            continue
        if _boxed_caption(dt_, slot, t):
            return True
        if t.blocks[0] == slot.blocks[0]:  # the caption on the label's line
            before = text[slot.start : t.start]
            # the row's name repeated as the caption (送达人 送达人：[ink]): only the caption has a colon
            repeated = t.label == slot.label and squeeze(text[t.start :]).startswith(f"{t.label}:")
            caption = (SIGNING.search(t.label) and t.label != slot.label) or (
                repeated and ":" not in norm(before)
            )
            if caption and t.start > slot.start and _SEPARATORS.sub("", before) == label:
                return True
        elif _row_name_of(dt_, slot, t) or _repeated_in_cell(dt_, slot, t):
            return True
        elif (SIGNING.search(t.label) and t.label != slot.label) or t.caption:
            # (a caption in brackets, "（受送达人签名或盖章）", "（送达人）": the value stops at its bracket)
            opens = not dt_.blocks[t.blocks[0]][: t.start].strip(" \t(（") or value.startswith(
                _SEPARATORS.sub("", t.label)
            )
            if t.blocks[0] in slot.blocks[1:] and opens:
                return True  # the caption opening the value cell beside the label's cell...
            if not value and t.start == 0 and slot.blocks == (t.blocks[0] - 1,):
                return same_row(dt_, slot.blocks[0], t.blocks[0])  # ...or in a cell of its own
    return False


def _repeated_in_cell(dt_: DocText, slot: _Slot, t: _Slot) -> bool:
    """A row's name in its own cell (送达人) whose value cell opens with the same name and a colon
    (送达人：[ink] 送达人：[ink]): the captions in the cell are the slots, the row's name is none."""
    beside = t.blocks[0] in slot.blocks[1:] or (
        t.blocks[0] == slot.blocks[-1] + 1 and same_row(dt_, slot.blocks[0], t.blocks[0])
    )
    if t.label != slot.label or t.start != 0 or not beside:
        return False
    if ":" in norm(dt_.blocks[slot.blocks[0]]):
        return False
    return squeeze(dt_.blocks[t.blocks[0]]).startswith(f"{t.label}:")


def _row_name_of(dt_: DocText, slot: _Slot, t: _Slot) -> bool:
    """A row's name alone on its line in a form's first column ("送达人", "受送达人签收") with a label of its
    role and a colon ("送达人：[ink]") starting a line right of it, on the row's first lines (the row's value
    cell in a PDF or a scan), or opening a later cell of its table row: that label is the slot, the row's
    name is none."""
    a, b = slot.blocks[0], t.blocks[0]
    between = sum(1 for k in range(a + 1, b) if dt_.blocks[k].strip())  # (lines emptied by a column name)
    if b <= a or between > 1 or slot.value.strip(" :：") or t.start != 0:
        return False
    if squeeze(dt_.blocks[a]) != squeeze(slot.label) or not squeeze(dt_.blocks[b]).startswith(f"{t.label}:"):
        return False
    name, caption = dt_.doc.blocks[a], dt_.doc.blocks[b]
    if name.kind is BlockKind.CELL and caption.kind is BlockKind.CELL:  # a table's row: 审核人员 | 审核人：
        return (name.table, name.row) == (caption.table, caption.row) and (caption.col or 0) > (name.col or 0)
    if name.bbox is None or caption.bbox is None or name.page != caption.page:
        return False
    height = name.bbox.bottom - name.bbox.top
    chars = len(squeeze(name.text))
    if name.bbox.x1 - name.bbox.x0 < DOWN_COLUMN * height < chars * height:
        # written down a narrow column a character a line (受/送/达/人/签/收): the row is as tall as the
        # name, and the caption's line began with one of its characters
        bottom = name.bbox.top + chars * COLUMN_PITCH * height
        beside = caption.bbox.x1 > name.bbox.x1 + height
        return beside and name.bbox.top - height <= caption.bbox.top <= bottom
    return (
        caption.bbox.x0 > name.bbox.x1
        and caption.bbox.top >= name.bbox.top - height
        and caption.bbox.top - name.bbox.bottom <= ROW_NAME_REACH * height
    )


def _boxed_caption(dt_: DocText, slot: _Slot, t: _Slot) -> bool:
    """A row's name alone on its line (送达人) with the same word alone in smaller print right of it and
    lower in the row: the caption in the corner of the row's value box, over the ink ("送达人 | ⌜送达人⌟
    [ink] date"). That caption is the slot, the row's name is none. Read into one line with the name, the
    caption is known by its narrower characters. Captions of one printed line (执法人员　执法人员) share
    their top and their size, and stay two slots."""
    a, b = slot.blocks[0], t.blocks[0]
    if t.label != slot.label:
        return False
    if a == b:
        if squeeze(dt_.blocks[a]) != slot.label * 2 or t.start <= slot.start:
            return False
        name = _pitch(dt_, a, slot.start, len(slot.label))
        caption = _pitch(dt_, a, t.start, len(t.label))
        return name is not None and caption is not None and caption < SMALL_PRINT * name
    if squeeze(dt_.blocks[a]) != slot.label or squeeze(dt_.blocks[b]) != t.label:
        return False
    row, box = dt_.doc.blocks[a], dt_.doc.blocks[b]
    if row.bbox is None or box.bbox is None or row.page != box.page:
        return False
    height = row.bbox.bottom - row.bbox.top
    return (
        box.bbox.x0 > row.bbox.x1 + height
        and box.bbox.bottom - box.bbox.top < SMALL_PRINT * height
        and row.bbox.top + LOWER_IN_ROW * height <= box.bbox.top < row.bbox.bottom
    )


def _pitch(dt_: DocText, index: int, start: int, length: int) -> float | None:
    """The width of a character of the label of `length` characters at `start` on a line whose characters'
    places are known (a PDF's character boxes, OCR's), else None."""
    if dt_.doc.blocks[index].char_xs is None or length < 2:
        return None
    xs = offset_xs(dt_, index, [start, start + length])
    return (xs[1] - xs[0]) / length if xs is not None else None


def _listed_above(dt_: DocText, slot: _Slot, signing: list[_Slot]) -> bool:
    """Whether a bare role label (见证人　林少鸿（村委会工作人员）, 记录人：王五 in a 笔录's head) lists who
    took part, the same role signing under a label of its own further down (见证人签名：)."""
    if SIGNING.search(slot.label) or "意见" in slot.label or slot.strip:
        return False
    return any(
        t.role is slot.role
        and t.blocks[0] > slot.blocks[-1]
        and not same_row(dt_, slot.blocks[0], t.blocks[0])
        for t in signing
    )


def _open_lost(label: str) -> bool:
    """Whether an OCR label ends in a closing bracket with no opening one: a caption in brackets whose
    opening bracket the scan lost ("杜金海 被询问人签名） 二〇二六年三月十三日")."""
    return label[-1:] in (")", "）") and "(" not in label and "（" not in label


def _name_ahead(text: str, m: re.Match[str], previous: int) -> str | None:
    """On an OCR line, the name written on the blank before a signing caption whose brackets were lost
    ("韩冬梅 记录人签名 二〇二〇年四月二十八日" for "[ink]（记录人签名） 二〇二〇年四月二十八日"): a word of
    two to four characters standing alone before a label that ends in a signing word or names a role that
    only signs ("姜涛 审核人 年月", "曲志强 送达人 二0二0年六月十九日"), with no colon after it and nothing
    but a date (or a blank one) up to the next label. None otherwise."""
    if not _SIGN_END.search(m.group()) and not _SIGNER_ROLE.fullmatch(m.group()):
        return None
    after = _to_next_label(text, m)
    if after.lstrip()[:1] in (":", "：") or _BLANK_TAIL.sub("", _without_dates(after)).strip(" \t_＿"):
        return None
    ahead = _INK_BEFORE.search(text[previous : m.start()])
    return ahead.group(1) if ahead else None


def _dated_caption(text: str, m: re.Match[str]) -> bool:
    """Whether a label on an OCR line is followed by a date and nothing else up to the next label
    ("记录员二0二0年六月九日"): a caption whose brackets were lost, not a role named in a sentence
    ("当事人2021年12月至2022年2月新招的…")."""
    after = _to_next_label(text, m)
    return _DATED.match(after) is not None and not _without_dates(after).strip(" \t_＿")


def _to_next_label(text: str, m: re.Match[str]) -> str:
    """What follows the label `m` on its line up to the next label (or the line's end)."""
    following = _LABEL.search(text, m.end())
    return text[m.end() : following.start() if following else len(text)]


def _ink_before(text: str, start: int, previous: int) -> str:
    """The words between the last caption's end (its closing bracket) and a caption's opening bracket: the
    blank's ink as OCR read it, when it is short (a name, or marks read as a few letters)."""
    words = text[previous:start].rstrip(" _＿（(【[").lstrip(" )）]】_＿")
    return words if 0 < len(words) <= MAX_INK_READ else ""


def _ink_after_caption(m: re.Match[str]) -> str:
    """The OCR line "审核人UMsh（签字)" as "审核人（签字) UMsh": the caption back on its role, the ink read
    after it, a space apart, as its value (the same length where a gap stood between ink and caption)."""
    return f"{m['role']}{m['caption']} {m['ink']}{m['gap'][1:]}"


def same_row(dt_: DocText, a: int, b: int) -> bool:
    """Whether two blocks stand in one row: the same block, cells of one table row, or lines of one page
    whose heights overlap by half the smaller."""
    if a == b:
        return True
    x, y = dt_.doc.blocks[a], dt_.doc.blocks[b]
    if x.kind is BlockKind.CELL and y.kind is BlockKind.CELL and x.table is not None and x.row is not None:
        return (x.table, x.row) == (y.table, y.row)
    if x.bbox is None or y.bbox is None or x.page != y.page:
        return False
    overlap = min(x.bbox.bottom, y.bbox.bottom) - max(x.bbox.top, y.bbox.top)
    return overlap >= 0.5 * min(x.bbox.bottom - x.bbox.top, y.bbox.bottom - y.bbox.top)


def _drop_opinion(words: str) -> str:
    """An opinion row's words without the opinion: sentences (closed by 。 or holding a comma) and
    opinion phrases (同意立案, 拟同意, 建议立案) standing at the start of a word."""
    return _OPINION_HEAD.sub(" ", _SENTENCE.sub(" ", words))


class _Fill(NamedTuple):
    """What a slot's written words say: signed, by whom, refused, how many names (None: not told), and
    whether it says there is no one to sign (见证人 （无）)."""

    filled: bool
    signer: str | None
    refused: bool
    names: int | None
    nobody: bool = False


def _text_fill(value: str, min_chars: int = 2, opinion: bool = False, officers: bool = False) -> _Fill:
    """The slot's fill from the value's words; a name has at least `min_chars` characters and is not only
    digits (a page number), nor, in an officers' slot (`officers`), only their printed certificate numbers.
    In an opinion row the opinion is not a name. Names are counted where each stands apart as two to four
    characters ("李明 王芳"); names run together are not counted."""
    sub = list(_SUB_LABEL.finditer(value))
    if sub:
        before, after = value[: sub[-1].start()].rstrip(), value[sub[-1].end() :]
        # a caption in brackets closing the value ("王建军 2016.6.2 （签名）"), or the date after it ("刘德胜
        # （指印） 2018.5.11"): the name stands before it
        caption_last = not _without_dates(after).strip(" \t\u3000)）") and before.endswith(("(", "（"))
        # on a scan, ink written across the signing line is read as a line of its own ahead of the label
        # ("同意。 凡东 签名 2019年6月4日"): a short word right before the label, when none follows it
        # (or with its date: "同意，按程序办理。 刘志宏 2016年05月11日 签批人")
        straddled = (
            min_chars == 1
            and not _without_dates(after).strip()
            and _INK_BEFORE.search(_without_dates(before).rstrip())
        )
        value = before[:-1] if caption_last else (straddled.group(1) if straddled else after)
    if _REFUSED.search(value):
        return _Fill(False, None, True, None)
    if _NOBODY.fullmatch(value.strip()):  # whatever ink a scan shows there is the 无 or its brackets
        return _Fill(False, None, False, None, nobody=True)
    # "钱晓燕执法证号：3305…": the name runs into the officer's number field; each name may have its own
    # ("石磊（执法证号：3610…） 龚平（执法证号：3610…）")
    value = _ID_VALUE.sub(" ", value)
    value = _RELATION.sub(" ", value)
    value = _OPINION_COLON.sub(" ", value)
    nxt = _NEXT_LABEL.search(value)
    if nxt:  # (a name the pen ran into the date's caption, read as one word: 黄小燕日期： is name, caption)
        glued = _DATE_CAPTION.search(nxt.group()) or _glued_field(nxt.group())
        value = value[: nxt.start() + (glued.start() if glued else 0)]
    # the next cell's field name after a gap ("法制机构负责人  审核日期  2024-09-20", "记录人签名  日期  …")
    # is no name
    value = _TOKEN.sub(lambda m: "" if _field_word(m[0]) else m[0], value)
    # OCR reads handwriting run into a date as a digit or two glued to its year ("22026年04月10日") or set
    # apart before it in a 签名 column ("同意结案。 3 2020年11月6日")
    inked = min_chars == 1 and any(
        _INK_DIGITS.search(value[: d.start].rstrip()) for d in find_dates(value) if d.value
    )
    words = _without_dates(value).rstrip()
    # the month and day written after the name (沈家明 3.9) are no part of it
    if (month_day := signed_month_day(words, alone=True)) is not None:
        words = words[: month_day.start]
    words = _drop_opinion(words) if opinion else words
    signer = _NOISE.sub("", words)
    if inked and (len(signer) < min_chars or signer.isdigit()):
        return _Fill(True, None, False, None)
    # on a scan a lone C is the bracket of a blank "(　　)" read through noise (C )): the ink decides;
    # officers' certificate numbers printed in the slot (执法人员（签名）：鲁070003215 鲁070003228) sign
    # nothing
    if (
        len(signer) < min_chars
        or signer.isdigit()
        or _BRACKET_READ.fullmatch(signer)
        or (min_chars == 1 and _TITLE_MARK.search(signer))
        or (officers and _PRINTED_NUMBERS.fullmatch(signer))
    ):
        return _Fill(False, None, False, None)
    tokens = [t for t in (_NOISE.sub("", w) for w in _NAME_GAP.split(words)) if t]
    names = len(tokens) if all(_LONE_NAME.fullmatch(t) for t in tokens) else None
    return _Fill(True, signer[:MAX_SIGNER], False, names)


def _printed_number_ink(dt_: DocText, slot: _Slot, image: ImageItem) -> bool:
    """Whether what the scan took for ink in a slot is its printed certificate number in a coloured ink (a
    carbon copy's violet: 执法人员（签名）：鲁070003215): no taller than a line of the slot holding such a
    number, and lying on that line."""
    box = image.bbox
    if box is None or image.kind is not ImageKind.SIGNATURE:
        return False
    for index in slot.blocks:
        block = dt_.doc.blocks[index]
        line, xs = block.bbox, block.char_xs
        number = _CERT_DIGITS.search(block.text)
        read = block.confidence is not None  # an image in a text layer is a picture put there, not print
        if not read or line is None or xs is None or len(xs) != len(block.text) or number is None:
            continue
        height = line.bottom - line.top
        overlap = min(box.bottom, line.bottom) - max(box.top, line.top)
        middle = (box.x0 + box.x1) / 2
        on_number = xs[number.start()] - height <= middle <= xs[number.end() - 1] + height
        if on_number and box.bottom - box.top <= 1.5 * height and overlap >= 0.6 * (box.bottom - box.top):
            return True
    return False


def _glued_field(label: str) -> re.Match[str] | None:
    """Where a field's name starts in a label-shaped run that begins with a name (OCR closes up the gap:
    "陈建东工作单位：" is the name 陈建东, then the field 工作单位): the first cut after two to four
    characters leaving a field's name; None where the run is one field's name."""
    words = label.rstrip(" \t:：")
    for cut in range(2, min(5, len(words) - 1)):
        name = words[:cut]
        if _LONE_NAME.fullmatch(name) and not _FORM_WORD.search(name) and words[cut:] in _GLUED_FIELDS:
            return re.search(re.escape(words[cut:]), label)
    return None


def _field_word(token: str) -> bool:
    return token in _FIELD_WORDS or (len(token) >= 4 and is_field_name(token))


def _opinion(slot: _Slot, slots: list[_Slot], ocr: bool) -> bool:
    """Whether the slot is an approver's or a reviewer's opinion row that is also where they sign (no
    …签名 slot of the role elsewhere): its opinion (同意立案。, 经审核，…) is then no name. In a text layer,
    an approver's name with the opinion after it on its line (机关负责人 同意。 over 签章：) is one too; on a
    scan such a row is read as before (its line may hold OCR's reading of the ink)."""
    if slot.role not in (Role.APPROVER, Role.REVIEWER):
        return False
    beside = (
        slot.role is Role.APPROVER
        and not ocr
        and len(slot.blocks) == 1
        and _OPINION_START.match(slot.value) is not None
    )
    # (on a scan the row's 意见 may have wrapped onto the next line, the opinion read into its name)
    if not _opinion_label(slot.label) and not beside:
        return False
    if slot.role is Role.REVIEWER:  # a reviewer's opinion row is where they sign when no other slot is
        return not any(s is not slot and s.role is Role.REVIEWER for s in slots)
    # (a 签名 slot of an earlier stage above it, 承办机构 负责人签名：, is not where this opinion is signed)
    return not any(
        s.role is Role.APPROVER and _SIGN_ONLY.search(s.label) and s.blocks[0] > slot.blocks[0] for s in slots
    )


def _ocr_read(dt_: DocText, slot: _Slot) -> bool:
    return dt_.doc.blocks[slot.blocks[0]].confidence is not None


def _words(dt_: DocText, slot: _Slot) -> str:
    return " ".join(dt_.blocks[i] for i in slot.blocks)


def _signed_below(slot: _Slot, slots: list[_Slot]) -> bool:
    """An opinion label whose value runs into (or, left empty, is followed by) a signing label of the same
    role ("审核意见" beside the opinion, then "法制审核人员签名：" in the row), or whose own line holds no
    words but a date and whose next label, a few lines down, is that signing label: that label is where the
    row is signed. A row named for the approval (负责人审批 | 同意结案。) is an opinion row too."""
    if not _opinion_label(slot.label):
        return False
    later = [(o.blocks[0], o.start) for o in slots if o is not slot and o.role is slot.role]
    bare = not slot.value.strip(" :：")
    if any(
        block in slot.blocks[1:]
        or (block == slot.blocks[0] and start > slot.start)
        or (bare and block == slot.blocks[-1] + 1)
        for block, start in later
    ):
        return True
    # the opinion's words on the lines under its label, then the signing label ("负责人审批意见" /
    # "同意立案。" / "审批人："); OCR may put the date of the cell above into the label's value
    after = [o for o in slots if (o.blocks[0], o.start) > (slot.blocks[0], slot.start)]
    nxt = min(after, key=lambda o: (o.blocks[0], o.start), default=None)
    if (
        nxt is not None
        and nxt.role is slot.role
        and nxt.blocks[0] - slot.blocks[0] <= OPINION_LINES
        and not _without_dates(slot.value).strip(" :：")
    ):
        return True
    # an opinion row holding only its opinion, its role's label a few lines under it (in a column of
    # stages side by side, other stages' labels may stand between: 承办人： 负责人：)
    own = min((o for o in after if o.role is slot.role), key=lambda o: (o.blocks[0], o.start), default=None)
    return (
        own is not None
        and own.blocks[0] - slot.blocks[0] <= OPINION_LINES
        # (the label under it may name the opinion too when it asks for the signature: 负责人意见 签名：)
        and (
            "意见" not in own.label
            or _SIGN_ONLY.search(own.label) is not None
            or _SUB_LABEL.match(own.value.lstrip(" \t:：")) is not None
        )
        and _opinion_words_only(slot)
    )


def _opinion_words_only(slot: _Slot) -> bool:
    """An opinion row (…意见, or a row named for the approval: 负责人审批) holding its opinion (同意，按程序
    办理。) and no name: not where it is signed."""
    return _opinion_label(slot.label) and not _text_fill(slot.value, 2, True).filled


def _opinion_label(label: str) -> bool:
    """Whether a slot's name names an opinion row: …意见, or the approval (负责人审批, 局领导审批)."""
    return "意见" in label or _OPINION_ROW.search(label) is not None


def _under_opinion(slot: _Slot, slots: list[_Slot]) -> bool:
    """A bare role label (负责人：) a few lines under an opinion row of its role that holds no name
    ("负责人意见 同意，按程序办理。" over "负责人：[ink] 2024年4月18日"): where the opinion is signed."""
    return any(
        t.role is slot.role and 0 < slot.blocks[0] - t.blocks[0] <= OPINION_LINES and _opinion_words_only(t)
        for t in slots
    )


def _dated_signing_line(dt_: DocText, slot: _Slot, slots: list[_Slot]) -> bool:
    """A bare label opening a line that holds a 日期 field or a date and nothing else but dates and a short
    name ("承办人：[ink]　日期：2017年3月8日" under a case summary, "收件人：[ink] 2021年10月12日" on a
    送达回执): a place to sign and date."""
    index = slot.blocks[0]
    after = dt_.blocks[index][slot.start :]
    return ("日期" in after or bool(find_dates(after))) and _signing_line(dt_, slots, index)


# a unit's opinion row: 承办机构意见, 承办科室审核意见, 法制机构意见, 执法大队意见
_UNIT_OPINION = re.compile(r"\s*[\u4e00-\u9fff]{0,4}(?:机构|科室|部门|科|股|处|室|所|队)(?:审核|审批)?意见")


def _under_unit_opinion(dt_: DocText, slot: _Slot, slots: list[_Slot]) -> bool:
    """A bare 负责人： (a field, with its colon: not a caption under ink) a few lines under a unit's
    opinion row ("承办机构意见 同意承办人意见。" over "负责人：[ink] 日期：…"), no other row's label between:
    the unit's head signs its opinion there."""
    start = slot.blocks[0]
    if slot.role is not Role.APPROVER or _ROW_LABEL.match(dt_.blocks[start]) is None:
        return False
    labels = {t.blocks[0] for t in slots}
    for i in range(start - 1, max(start - OPINION_LINES, 0) - 1, -1):
        if _UNIT_OPINION.match(dt_.blocks[i]):
            return True
        if i in labels:
            return False  # another row's label stands between: the opinion above is not this one's
    return False


# lines under a signing field's name (its wrapped tail between) where its value cell's label stands
OWN_CELL_LINES = 2


def _signed_in_own_cell(dt_: DocText, slot: _Slot, slots: list[_Slot]) -> bool:
    """A form's field that asks for a signature (受送达人签名或盖章, its value cell left of no words) whose
    value cell holds a label of the same role a line or two lower ("受送达人：[ink] 2016年3月29日"): the
    signature is that label's; the field is its row's name, no second slot."""
    if not SIGNING.search(slot.label) or slot.value.strip(" \t:："):
        return False
    field = dt_.doc.blocks[slot.blocks[-1]].bbox
    if field is None:
        return False
    for other in slots:
        if other is slot or other.role is not slot.role or other.caption or SIGNING.search(other.label):
            continue  # (a caption in the row's value is merged with the row: `_first_caption_in`)
        gap = other.blocks[0] - slot.blocks[-1]
        box = dt_.doc.blocks[other.blocks[0]].bbox
        # (below the field's lines and right of them: in its value cell, not a label beside it on its row)
        if 0 < gap <= OWN_CELL_LINES and box is not None and box.x0 > field.x1 and box.top >= field.bottom:
            return True
    return False


def _signed_in_strip(slot: _Slot, slots: list[_Slot]) -> bool:
    """An opinion row (负责人审批意见 | 同意立案。) whose role has a column of a signing strip further down:
    the strip is where that person signs."""
    return "意见" in slot.label and any(
        o.strip and o.role is slot.role and o.blocks[0] > slot.blocks[0] for o in slots
    )


_SIGN_LINE = re.compile(rf"\s*{_SIGN_WORD}\s*[:：]")


def _attest_then_sign(dt_: DocText, slots: list[_Slot]) -> None:
    """A row whose value only attests (【记录人】记录属实。) over a line opening with 签名： (its ink and
    date): that line is where the row is signed, its value too. In a table, the row is signed in its
    cells under a 签名 heading (审批环节及意见 | 签名 | 日期)."""
    labels = {s.blocks[0] for s in slots}
    for slot in slots:
        last = slot.blocks[-1]
        below = last + 1
        if (
            below >= len(dt_.blocks)
            or below in labels
            or not _REMARK_ONLY.fullmatch(_NOISE.sub("", slot.value))
        ):
            continue
        if dt_.doc.blocks[last].kind is BlockKind.CELL:
            slot.blocks = (*slot.blocks, *_signing_cells(dt_, last))
        elif _SIGN_LINE.match(dt_.blocks[below]) and dt_.doc.blocks[below].page == dt_.doc.blocks[last].page:
            slot.value = f"{slot.value} {dt_.blocks[below]}"
            slot.blocks = (*slot.blocks, below)


def _signing_cells(dt_: DocText, index: int) -> list[int]:
    """The empty cells of a cell's table row, right of it, whose column is headed by a signing word."""
    cell = dt_.doc.blocks[index]
    if cell.table is None or cell.row is None or cell.col is None:
        return []
    row = [
        j
        for j, b in enumerate(dt_.doc.blocks)
        if b.kind is BlockKind.CELL and b.source == cell.source and b.table == cell.table
    ]
    heads = {
        dt_.doc.blocks[j].col: dt_.blocks[j]
        for j in row
        if dt_.doc.blocks[j].row == 0 and dt_.doc.blocks[j].col is not None
    }
    return [
        j
        for j in row
        if dt_.doc.blocks[j].row == cell.row
        and (dt_.doc.blocks[j].col or 0) > cell.col
        and not dt_.blocks[j].strip()
        and re.fullmatch(rf"\s*{_SIGN_WORD}\s*", heads.get(dt_.doc.blocks[j].col, ""))
    ]


def _split_row_below(dt_: DocText, slots: list[_Slot]) -> None:
    """A line of labels with no values ("被检查人签字： 执法人员： 执法人员： 记录人：") whose last label took
    the line under it as its value: that line holds what was written under each label (handwritten names
    OCR read as one line), so each label gets the words standing in its column. Every label of the row
    keeps the line under it among its blocks (ink there is told apart by position)."""
    rows: dict[int, list[_Slot]] = {}
    for slot in slots:
        rows.setdefault(slot.blocks[0], []).append(slot)
    for index, row in rows.items():
        row.sort(key=lambda s: s.start)
        last = row[-1]
        if len(row) < 2 or len(last.blocks) != 2 or dt_.doc.blocks[index].kind is not BlockKind.LINE:
            continue
        below = last.blocks[1]
        if any(s.blocks != (index,) or s.value.strip(":： \t_") for s in row[:-1]):
            continue
        if last.value.strip() != dt_.blocks[below].strip():
            continue  # the line under holds a label of its own
        words = words_under(dt_, index, [s.start for s in row], below)
        if words is None:
            continue
        for slot, value in zip(row, words, strict=True):
            slot.value = value
            slot.blocks = (index, below)


def _signed_above_captions(dt_: DocText, slots: list[_Slot]) -> None:
    """A line of bracketed captions only ("（被询问人签名或盖章）　（询问人）") under the rules people sign
    on: on a scan OCR reads the handwriting on the line or two just above it, so each caption gets the
    words standing over it there."""
    rows: dict[int, list[_Slot]] = {}
    for slot in slots:
        rows.setdefault(slot.blocks[0], []).append(slot)
    for index, row in rows.items():
        if not all(s.caption and not s.value for s in row) or not _only_captions(dt_.blocks[index]):
            continue
        row.sort(key=lambda s: s.start)
        words: list[list[str]] = [[] for _ in row]
        for above in _lines_above(dt_, index):
            found = words_under(dt_, index, [s.start for s in row], above)
            for column, value in zip(words, found or [], strict=False):
                column.insert(0, value)
        for slot, column in zip(row, words, strict=True):
            slot.value = " ".join(w for w in column if w)


_CAPTION = re.compile(r"[(（][^()（）]{1,16}[)）]")


def _among_field_captions(dt_: DocText, index: int) -> bool:
    """Whether a line next to this one holds only a bracketed field name that names no signer ("（送达地点）",
    "（送达方式）"): a form that prints each field's name under its value, not a signing row."""
    for j in (index - 1, index + 1):
        if 0 <= j < len(dt_.blocks):
            line = dt_.blocks[j].strip()
            if _only_captions(line) and _CAPTION.search(line) and not _ANY_ROLE.search(line):
                return True
    return False


def _caption_of_row_above(dt_: DocText, slot: _Slot, slots: list[_Slot]) -> bool:
    """A role's caption alone on a line, right under a row of that role and standing right of the row's
    label (in its value cell): the caption printed under the rule the row is signed on ("送达人 | [ink]"
    over "（送达人）", its brackets maybe lost on a scan), not a slot of its own: the row is the slot. A
    second row of the role starts at the label column (its name, read on a line of its own between the
    two, makes the caption that row's)."""
    index = slot.blocks[0]
    block = dt_.doc.blocks[index]
    # on the line the row's label wrapped onto (受送达人签名或 / 盖章 [ink]（签收人） date), what stands
    # before the caption (read as its ink) may be that label's last word
    before = squeeze(_without_dates(slot.value))
    if slot.caption and any(
        row.role is slot.role and not row.caption and index in row.blocks[1:] and row.label.endswith(before)
        for row in slots
    ):
        return True
    if _without_dates(slot.value).strip() or len(slot.blocks) != 1 or block.kind is not BlockKind.LINE:
        return False
    if block.bbox is None:
        return False
    if _without_dates(squeeze(dt_.blocks[index])).strip("()（） ") != slot.label.strip("()（） "):
        return False  # the caption alone, or with its date after it ("（签收人） 二○一九年十一月五日")
    for row in slots:
        above = row.blocks[0]
        if row.role is not slot.role or row.caption or row is slot or not 1 <= index - above <= 2:
            continue
        if "意见" in row.label:  # an opinion row signed under a caption of its own (负责人意见 … （负责人）)
            continue
        if index - above == 2 and squeeze(dt_.blocks[above + 1]) == squeeze(row.label):
            continue  # the role's name between them starts a second row of the role: the caption is its
        row_box = dt_.doc.blocks[above].bbox
        if row_box is None or dt_.doc.blocks[above].page != block.page or block.bbox.top < row_box.bottom:
            continue  # a caption stands under its row, not beside it (two 检查人员签字 side by side)
        label_end = offset_xs(dt_, above, [token_end(dt_.doc.blocks[above].text, row.start)])
        if label_end and block.bbox.x0 >= label_end[0]:
            return True
    return False


def _only_captions(text: str) -> bool:
    return not _CAPTION.sub("", text).strip(" \t_＿")


def _lines_above(dt_: DocText, index: int) -> list[int]:
    """Up to two lines right above a line on its page, nearest first, that hold no label of their own,
    within `ABOVE_REACH` line heights of it."""
    below = dt_.doc.blocks[index]
    if below.bbox is None or below.kind is not BlockKind.LINE:
        return []
    height = below.bbox.bottom - below.bbox.top
    found: list[int] = []
    for j in (index - 1, index - 2):
        block = dt_.doc.blocks[j] if j >= 0 else None
        if (
            block is None
            or block.kind is not BlockKind.LINE
            or block.page != below.page
            or block.bbox is None
            or below.bbox.top - block.bbox.bottom > ABOVE_REACH * height
            or _ANY_ROLE.search(dt_.blocks[j])
        ):
            break
        found.append(j)
    return found


def _unsigned_listings(dt_: DocText, slots: list[_Slot], fills: list[_Fill]) -> set[int]:
    """The officer slots that print an officer's name and certificate number (执法人员 申红梅 执法证号…)
    with no handwriting on their lines, where another such slot of the document has its signature's image
    on its own (or, on a scan, the handwriting OCR read as a short line right under it): the form's
    officers sign at their printed names, and these did not (their indices)."""
    inked = {im.block_index for im in dt_.doc.images if im.kind is ImageKind.SIGNATURE}
    listed = [
        k
        for k, (slot, fill) in enumerate(zip(slots, fills, strict=True))
        if slot.role is Role.OFFICER and fill.filled and _LISTED_CERT.search(slot.value)
    ]
    signed = {k for k in listed if inked.intersection(slots[k].blocks) or _ink_read_under(dt_, slots[k])}
    return set(listed) - signed if signed else set()


def _ink_read_under(dt_: DocText, slot: _Slot) -> bool:
    """Whether the line right under a slot read by OCR is a few characters alone (a handwritten name read
    as 牛振工, or strokes read as letters), no label, field or date: the signature's ink."""
    last = slot.blocks[-1]
    under = last + 1
    if under >= len(dt_.blocks) or dt_.doc.blocks[under].confidence is None:
        return False
    words = re.sub(r"\s", "", dt_.blocks[under])
    return (
        0 < len(words) <= MAX_INK_READ
        and words == undated(dt_.blocks[under])
        and not _ANY_ROLE.search(words)
        and not is_field_name(words)
        and _below(dt_, last, under)
    )


def _signed_at_own_caption(slots: list[_Slot], fills: list[_Fill]) -> list[_Fill]:
    """A row's label (受送达人签名或盖章) whose value holds a signing caption of the same role under another
    word, with the signature after it (… 签收人：刘桂英): the row is signed there; so is a label whose value
    opens with a bracketed caption of its role signed before it ("送达人 | [ink] （送达人）", see
    `_first_caption_in`: that caption is then the label's slot, not one of its own). The same label twice
    (检查人员签字： 检查人员签字：) is two slots, each signed or not on its own."""
    out = list(fills)
    for k, (slot, fill) in enumerate(zip(slots, fills, strict=True)):
        if fill.filled or fill.refused or fill.nobody:
            continue
        for other, signed in zip(slots, fills, strict=True):
            if (
                signed.filled
                and other.role is slot.role
                and (
                    (squeeze(other.label) != squeeze(slot.label) and _inside(other, slot))
                    or _first_caption_in(other, slot, slots)
                )
            ):
                out[k] = signed
                break
    return out


def _inside(inner: _Slot, outer: _Slot) -> bool:
    """Whether `inner`'s label stands in `outer`'s blocks, after `outer`'s label."""
    return inner.blocks[0] in outer.blocks and (inner.blocks[0], inner.start) > (outer.blocks[0], outer.start)


def _first_caption_in(caption: _Slot, row: _Slot, slots: list[_Slot]) -> bool:
    """Whether `caption` is a bracketed caption of `row`'s role standing first among the slots in `row`'s
    value ("受送达人签名或 [ink] （签收人）", "送达人 [ink] （送达人）"): one slot, the ink that fills the
    row is the caption's. (A second caption after it, "（送达人） [ink] （送达人）", is a second signer's;
    so is a caption after another caption, "（检查人员） （检查人员）".)"""
    if not caption.caption or row.caption or caption.role is not row.role or not _inside(caption, row):
        return False
    at = (caption.blocks[0], caption.start)
    return not any(t is not caption and _inside(t, row) and (t.blocks[0], t.start) < at for t in slots)


def _little_ink(images: list[ImageItem]) -> float | None:
    """The confidence of a slot's images when they are only marks OCR found with little or small ink (no
    surer than UNSURE_MARK), else None."""
    sure = max(im.confidence for im in images)
    only_marks = all((im.name or "").startswith("ocr:") for im in images)
    return sure if only_marks and sure <= UNSURE_MARK else None


def find_signatures(dt_: DocText) -> list[SignatureSlot]:
    """Every signature slot of the document with whether it is signed."""
    scanned = _scan(dt_)
    slots = [
        s
        for s in scanned
        if not _signed_below(s, scanned)
        and not _signed_in_strip(s, scanned)
        and not _signed_in_own_cell(dt_, s, scanned)
    ]
    _split_row_below(dt_, slots)
    _attest_then_sign(dt_, slots)
    _signed_above_captions(dt_, slots)
    slots = [s for s in slots if not _caption_of_row_above(dt_, s, slots)]
    ocr = [_ocr_read(dt_, slot) for slot in slots]
    opinions = [_opinion(slot, slots, read) for slot, read in zip(slots, ocr, strict=True)]
    for k, (slot, opinion) in enumerate(zip(slots, opinions, strict=True)):
        if opinion:
            blocks, value = slot.blocks, slot.value
            _extend_opinion(dt_, slot)
            # a reviewer signs in the opinion's row only where it asks for a signature: a signing label
            # reached under the opinion (签押：) or a caption right after its own ("法制审核意见 （签字）");
            # else the written opinion is the review's mark, as before
            if slot.role is Role.REVIEWER:
                added = [dt_.blocks[b] for b in slot.blocks if b not in blocks]
                asks = _SUB_LABEL.match(value.lstrip(" \t:：(（")) or any(_SUB_LABEL.search(t) for t in added)
                opinions[k] = bool(asks)
    # Handwriting that OCR read comes out as a stray letter or two ("V", "NM"): any mark counts there.
    fills = [
        _text_fill(slot.value, 1 if read else 2, opinion, slot.role is Role.OFFICER)
        for slot, read, opinion in zip(slots, ocr, opinions, strict=True)
    ]
    fills = _signed_at_own_caption(slots, fills)
    # a caption first in a label's value is the label's slot, signed or not with it: counted once
    keep = [k for k, s in enumerate(slots) if not any(_first_caption_in(s, row, slots) for row in slots)]
    slots, fills, ocr = [slots[k] for k in keep], [fills[k] for k in keep], [ocr[k] for k in keep]
    places = [
        Place(
            s.blocks,
            s.start,
            f.filled or f.refused or f.nobody,
            s.role,
            _SEAL_LABEL.search(s.label) is not None,
            s.caption,
        )
        for s, f in zip(slots, fills, strict=True)
    ]
    images = assign_images(dt_, places)
    bare = _unsigned_listings(dt_, slots, fills)
    out: list[SignatureSlot] = []
    labels_on = Counter(s.blocks[0] for s in slots)  # slots whose label stands in each block
    for k, (slot, fill, own) in enumerate(zip(slots, fills, images, strict=True)):
        if k in bare:
            fill = _Fill(False, None, False, None)
        filled: bool | None = fill.filled
        signer = fill.signer
        method = "ocr" if filled and ocr[k] else "text"
        confidence = OCR_MARK_CONFIDENCE if method == "ocr" else 1.0
        count = fill.names if method == "text" else None
        ink_width = ink_width_of(own) if filled and method == "ocr" else None
        blank = not filled and not fill.refused and not fill.nobody
        if blank:
            own = [im for im in own if not _printed_number_ink(dt_, slot, im)]
        if blank and own:
            filled = True
            method = "seal" if all(im.kind is ImageKind.SEAL for im in own) else "image"
            confidence = image_confidence(own)
            # images among several labels of a paragraph without positions go by guess: not counted
            unplaced = labels_on[slot.blocks[0]] > 1 and dt_.doc.blocks[slot.blocks[0]].bbox is None
            count = None if unplaced else image_count(own)
            ink_width = ink_width_of(own)
            little = _little_ink(own)
            if little is not None:  # a table rule's junction, a speck: no telling it from a short stroke
                filled, confidence = None, little
        dates = [d.value for d in find_dates(slot.value) if d.value is not None]
        written = " ".join(im.reading for im in own if im.reading) if method == "image" else ""
        out.append(
            SignatureSlot(
                label=slot.label,
                role=slot.role,
                filled=filled,
                signer=signer,
                date=dates[-1] if dates else None,
                method=method,
                count=count,
                ink_width=ink_width,
                written=written or None,
                evidence=dt_.block_evidence(slot.blocks[0], _words(dt_, slot)),
                confidence=confidence,
            )
        )
    return out

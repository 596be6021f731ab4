"""What each date of a document dates: read from the words printed before it (the label) and from its
place (the 落款 at the end of a document), interpreted by document type.

The label of a date is the text between the previous date and this one in the same block; when that holds
no keyword, up to two short preceding blocks (a label cell left of or above a value cell) are read too.
Within that context the keyword nearest to the date decides; a bare 签名/盖章 only when no role word is there.
A date closing an opinion field belongs to the field's label even across the opinion's sentence (a PDF
flattens "负责人审批意见 | 同意结案。 2025年6月5日" into one line, or puts the label on the line above); a
date written "于…" inside a sentence is an event, labelled by nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from casefile_eval.codes import DateKind, DocumentType, Role
from casefile_eval.extract.cnnum import cn_to_int
from casefile_eval.extract.dates import (
    DateMatch,
    find_dates,
    hand_read_date,
    is_blank,
    join_wrapped,
    lost_figure_date,
    signed_month_day,
    yearless_line,
)
from casefile_eval.extract.line_geometry import column_cuts, offset_xs
from casefile_eval.extract.text import DocText, squeeze, strip_spaces
from casefile_eval.model import BlockKind, DateFact, ImageKind
from casefile_eval.textnorm import is_agency_foot

_T = DocumentType
# documents the agency issues under its seal
_ISSUED = {_T.DECISION, _T.SUMMARY_DECISION, _T.PRIOR_NOTICE, _T.HEARING_NOTICE, _T.ENFORCEMENT_MEASURE}
_TAGS: tuple[tuple[str, str], ...] = (
    (
        "served",
        r"送达(?:时间|日期)|收到(?:时间|日期)|签收(?:时间|日期|栏)|收件(?:时间|日期)|接收(?:时间|日期)"
        r"|[受被]送达人|收件人|签收人|代收人",
    ),
    ("server", r"(?<!受)送达人"),
    ("witness", r"见证人"),
    ("review", r"法制审核|审核人员?|审核意见|审核机构|审核(?:时间|日期)|法制机构"),
    ("discuss", r"讨论(?:时间|日期)|会议(?:时间|日期)|集体讨论"),
    ("hearing", r"听证(?:时间|日期)|举行听证"),
    (  # (审批日期 on an approval form: the day it was approved)
        "approve",
        r"负责人|审批意见|审批人|批准人|批准意见|领导意见|(?:审批|批准)(?:日期|时间)|审批|签发人|批示|局长(?:签|意见)",
    ),
    ("extension", r"延长"),
    (  # not an opinion naming the officer's ("同意按承办人意见处罚")
        "officer",
        r"(?<!按)(?:承办人|承办机构)|经办人|执法人员|办案人员?|(?<!被)询问人员?|(?<!被)检查人员?|(?<!被)调查人员?|勘[验查察测]人员?"
        r"|主持人",
    ),
    ("recorder", r"记录人"),
    ("party", r"被询问人|被检查人|被调查人|当事人|陈述人|申辩人|法定代表人|代理人|被处罚人"),
    ("told", r"告知(?:时间|日期)"),  # a 告知笔录's time: the notice given in person
    ("record", r"(?:询问|检查|复查|勘验|勘查|勘测|调查|笔录|起止)(?:时间|日期)|(?:^|(?<=[\s|]))时间"),
    # 填制日期: a 缴款书 filled in; 开票日期: the receipt made out for the payment
    ("paid", r"(?:缴款|缴纳|交款|入库|收款|缴费|填制|开票)(?:日期|时间)"),
    ("filed", r"立案(?:时间|日期)|受案(?:时间|日期)"),
    ("closed", r"结案(?:时间|日期)"),
    (
        "decided",
        r"(?:处罚)?决定(?:时间|日期)|作出(?:决定)?(?:时间|日期)|处罚日期",
    ),  # a form's field naming the decision's date
    # an archive stamp's date (已归档 2021.12.02), a certified copy's stamp (与原件核对无误 [ink] 2025.06.18)
    (
        "archived",
        r"归档(?:日期|时间)?|存档(?:日期|时间)?|与原件(?:核对|核实)?(?:无误|一致|相符)|(?:核对|核实)无误",
    ),
    ("signed", r"签名|签字|签章|签押|盖章|签收"),
)
# (a receipt's caption in brackets ends at its closing bracket: "（签收人）2019年11月5日", its "（" maybe
# lost in reading; not a field name's qualifier, "法定代表人（负责人）")
# the opinion after a row's name on its line ("局领导审批 同意。") ends the name too
_LABEL_END = (
    r"(?=\s*(?:[:：|（(\[【_]|(?<=签收人|送达人|代收人|收件人)[)）]|签|意见|审批|审核|不?同意|如拟|$))"
)
# a receipt's caption in brackets ("受送达人签名或盖章（签收）2022年06月09日"): the date after it is signed
_BRACKETED_SIGN = r"|(?<=[(（])签收(?=\s*[)）])"
_TAG_RE = re.compile(
    "|".join(
        f"(?P<{name}>(?:{pattern}){_LABEL_END}{_BRACKETED_SIGN if name == 'signed' else ''})"
        for name, pattern in _TAGS
    )
)
_ROLE_OF_TAG = {
    "served": Role.RECIPIENT,
    "server": Role.SERVER,
    "witness": Role.WITNESS,
    "review": Role.REVIEWER,
    "approve": Role.APPROVER,
    "officer": Role.OFFICER,
    "recorder": Role.RECORDER,
    "party": Role.PARTY,
}
_SIMPLE_KIND = {
    "server": DateKind.SIGNED,
    "witness": DateKind.SIGNED,
    "officer": DateKind.SIGNED,
    "recorder": DateKind.SIGNED,
    "party": DateKind.SIGNED,
    "signed": DateKind.SIGNED,
    "review": DateKind.REVIEWED,
    "discuss": DateKind.DISCUSSED,
    "hearing": DateKind.HEARING,
    "paid": DateKind.PAID,
    "extension": DateKind.EXTENSION,
}
RECORD_HEAD_BLOCKS = 12  # a 笔录's head (time, place, persons) lies within its first lines
_RECORD_TYPES = {
    _T.INQUIRY_RECORD,
    _T.INSPECTION_RECORD,
    _T.STATEMENT_RECORD,
    _T.EVIDENCE,
    _T.ENFORCEMENT_MEASURE,
    _T.CASE_SOURCE,
}
_LUOKUAN_KIND = {
    _T.DECISION: DateKind.DECIDED,
    _T.SUMMARY_DECISION: DateKind.DECIDED,
    _T.PRIOR_NOTICE: DateKind.NOTIFIED,
    _T.LEGAL_REVIEW: DateKind.REVIEWED,
}
_SENTENCE_PUNCT = re.compile(r"[。；;，,:：！？]")
_SEAL_MARK = re.compile(r"[(（\[【]\s*(?:印章|公章|盖章|章|签章|印)\s*[)）\]】]")
# 延长办案期限, 期限延长, 案件延期审批表 (not 延期缴纳罚款, a deferred payment)
_EXTENSION_DOC = re.compile(r"延长.{0,12}?期限|期限.{0,6}延长|(?:案件|办案|办理)(?:期限)?延期(?!\(?分期|缴)")
_EXTENSION_DAYS = re.compile(
    r"延长(?:[^。；;]{0,16}?期限)?[^。；;0-9一二三四五六七八九十]{0,6}"
    r"(?P<n>[0-9]{1,3}|[一二三四五六七八九十]{1,3})(?:个)?(?:工作日|日|天)"
)
_LABEL_PUNCT = re.compile(r"[\s:：|_]+")
# "当事人于2023年9月1日缴清": a date in a sentence, labelled by nothing; a person's birth date in their
# particulars (被处罚人 程立伟 性别：男 出生日期：1991年2月4日), no date of the case
_EVENT_DATE = re.compile(r"于\s*$|出生(?:日期|年月日?|时间)?\s*[:：]?\s*$|生日\s*[:：]?\s*$")
# 负责人审批 | 同意结案。 — 法制审核意见（签字） / 审核通过。 2024/3/28
# the field's name, then a separator or the opinion run into it by OCR ("机关负责人意见同意结案。")
_OPINION_LABEL = re.compile(r"(?:意见|审批|审核|批示|签批)(?=[\s:：|(（]|$|同意|不同意|拟同意|如拟|建议)")
_CLOSING_TAIL = re.compile(r"^[\s(（\[【)）\]】印章公签字名盖]*$")
LOOKBACK_BLOCKS = 2
# "签名：", or the line signed: a name or ink read as a few characters ("签名：张三", "签名：脉")
_SIGN_HERE = re.compile(
    r"(?:签名|签字|签章|签批)[:：]?\s*(?:[^\s，。；,;:：]{0,4}|[A-Za-z0-9.'`~|/\\_-][A-Za-z0-9.'`~|/\\_\s-]{0,9})"
)
_DATE_HERE = re.compile(r"(?:日期|时间)[:：]?")
WRAP_REMNANT = 2
_REMNANT = re.compile(rf"[\u4e00-\u9fff]{{0,{WRAP_REMNANT}}}")
_SPACED_LABEL = re.compile(r"(?:^|\s)((?:[\u4e00-\u9fff]\s+){1,7}[\u4e00-\u9fff])[\s:：]*$")
# a form row's first cell when it is only a short name set apart from the rest of the row
_ROW_HEAD = re.compile(r"[ \t|]*([\u4e00-\u9fff]{2,8})[ \t]*[ \t|][ \t]*(?=\S)")
# ...or a role and its colon, then the opinion the date closes: 法制审核人员：同意。 [ink] 2025/3/20
_OPINION_HEAD = re.compile(
    r"[ \t|]*([\u4e00-\u9fff]{2,8})[ \t]*[:：][ \t]*(?:拟同意|同意|不同意|如拟)[^，,；;]{0,30}$"
)
# a caption after a date that opens its line, then the slot: nothing, or a signature read as a few characters
_CAPTION_AFTER = re.compile(r"^[\s|｜]*([\u4e00-\u9fff（）()、]{2,14})\s*[:：]\s*\S{0,6}\s*$")
SIGNED_NAME = 4  # characters of a name signed before its date on the line under the label
# the name of a field of prose (案情简介, 简要案情, 违法事实): no signer's name
_PROSE_FIELD = re.compile(r"(?:案情|简介|摘要|概况|事实|经过|情况|来源|案由)$")
LABEL_WINDOW = 40
SHORT_BLOCK = 40


@dataclass
class _Found:
    match: DateMatch
    block: int
    tag: str | None
    label: str
    luokuan: bool = False


def _tag(context: str, *, strict: bool = True) -> tuple[str | None, str]:
    """The deciding keyword of a label context: the last role keyword, else a bare 签名-like word.

    A keyword followed by a clause break (，。；) with no signing word after the break is the start of a
    sentence or of a person's particulars (被询问人：赵六，男，1980年…), not the label of the date."""
    best: tuple[int, str, str] | None = None
    generic: tuple[str, str] | None = None
    for m in _TAG_RE.finditer(context):
        name = m.lastgroup or ""
        if name == "signed":
            generic = (name, m.group())
        elif best is None or m.start() >= best[0]:
            best = (m.start(), name, m.group())
    if best is not None:
        tail = context[best[0] :]
        cut = max(tail.rfind(ch) for ch in "，,。；;")
        if not strict or cut < 0 or _TAG_RE.search(tail, cut):
            return best[1], best[2]
    return generic if generic is not None else (None, "")


def _opinion_field(context: str, closes: bool) -> tuple[str | None, str]:
    """The label of a sign-off date closing an opinion field ("负责人审批意见 同意结案。 2025年6月5日"):
    a form row flattened into one line keeps the label, the opinion sentence and its date together."""
    if not closes:
        return None, ""
    m = _OPINION_LABEL.search(context)
    if m is None or _TAG_RE.search(context, m.end()):
        return None, ""
    tag, label = _tag(context, strict=False)
    if tag is None:  # "审核意见 事实清楚，…": the label ends where the opinion begins
        tag, label = _tag(context[: m.end()] + "：", strict=False)
    return (None, "") if tag in (None, "signed") else (tag, label)


# a signing label cut after its 或 at a line's end, its rest opening the next line (签名或者 / 盖章)
_CUT_AFTER_OR = re.compile(r"(?:签名|签字|签章)或者?$")
_LABEL_TAIL = re.compile(r"\s*(?:盖章|章|捺印|按?指印)")


def _context(
    dt_: DocText, block: int, before: str, dated: set[int], *, closes: bool = False
) -> tuple[str | None, str]:
    if _EVENT_DATE.search(before):
        return None, ""
    if block > 0 and _CUT_AFTER_OR.search(dt_.squeezed(block - 1)) and _LABEL_TAIL.match(before):
        before = dt_.squeezed(block - 1) + before  # "受送达人签名或者" / "盖章 杜永福 2022.5.23": one label
    tag, label = _tag(before[-LABEL_WINDOW:])
    spaced = _SPACED_LABEL.search(before) if tag is None else None
    if spaced is not None:  # "检 查 时 间 2023年…": a field name printed spaced out
        tag, label = _tag(strip_spaces(spaced.group(1)))
    if tag is None:
        tag, label = _opinion_field(before[-LABEL_WINDOW:], closes)
    if tag is None and closes:
        tag, label = _row_label_beside(dt_, block)
    head = _ROW_HEAD.match(before) or (_OPINION_HEAD.match(before) if closes else None)
    if tag in (None, "signed") and head is not None:
        # "机关负责人 | 同意立案。 签名：[ink] 2025.3.3": the row's first cell names whose date it is
        found, found_label = _tag(head.group(1) + "：", strict=False)
        if found not in (None, "signed") and head.group(1).endswith(found_label):
            tag, label = found, found_label
    own_words = _LABEL_PUNCT.sub("", before)
    wrapped = (
        len(own_words) <= WRAP_REMNANT
    )  # "受送达人签名或盖" / "章 2025.6.17": a label cut by the line end
    # "收件人签名（盖章）" / "赵立军 2024年10月16日": the name signed under the label, then its date
    # (not the name of a field of prose: "案情简介 2021年3月2日收到…" opens the field's text with a date)
    signed_under = (
        tag is None
        and len(own_words) <= SIGNED_NAME
        and own_words.isalpha()
        and not _PROSE_FIELD.search(own_words)
    )
    may_look_back = tag == "signed" or wrapped or signed_under or dt_.doc.blocks[block].kind is BlockKind.CELL
    back, reach = block - 1, LOOKBACK_BLOCKS
    signing = False  # a signing line passed on the way up (签名：, 签批人)
    while may_look_back and tag in (None, "signed") and back >= 0 and block - back <= reach:
        prev = dt_.squeezed(back)
        if len(prev) > SHORT_BLOCK or back in dated or is_agency_foot(prev):
            break  # a date under the agency's name is the 落款's, not the signing row's above it
        # "签名：[ink]", an empty cell for the ink, "日期" before the date, a label's last character wrapped
        # onto a line of its own ("负责人审批意" / "同意。" / "见"): not blocks of their own
        if _REMNANT.fullmatch(prev) or _SIGN_HERE.fullmatch(prev) or _DATE_HERE.fullmatch(prev):
            reach += 1
        signing = signing or _SIGN_HERE.fullmatch(prev) is not None
        if signing and prev.endswith("。") and not _OPINION_LABEL.search(prev):
            # an opinion's sentence over its signing line ("同意按承办人意见处罚。" / "签批人" / [ink] /
            # date): the roles it names are not the label; the row's label stands above it
            reach += 1
            back -= 1
            continue
        found, found_label = _tag(prev, strict=False)
        if found not in (None, "signed") or tag is None:
            tag, label = found, found_label
        back -= 1
    if (
        tag is None
        and closes
        and block > 0
        and block - 1 not in dated
        and len(dt_.squeezed(block - 1)) <= SHORT_BLOCK
    ):
        # "负责人审批意见" / "同意结案。 2025年6月5日": the opinion's label on the line above, read with its
        # gaps (with the opinion's first line: "审核意见 事实清楚，…" / "程序合法，同意。 2022年3月22日")
        tag, label = _opinion_field(dt_.blocks[block - 1], True)
    return tag, label


def _row_label_beside(dt_: DocText, block: int) -> tuple[str | None, str]:
    """The label of a grid row printed in the cell left of an opinion and its date, centred in a taller
    row so that it comes after them in reading order ("处罚决定已履行完毕。 2019年6月17日" / "承办人意见"):
    the next line, left of this one and reaching up into it."""
    if block + 1 >= len(dt_.blocks):
        return None, ""
    here, after = dt_.doc.blocks[block], dt_.doc.blocks[block + 1]
    if here.bbox is None or after.bbox is None or here.page != after.page:
        return None, ""
    beside = after.bbox.x1 < here.bbox.x0 and here.bbox.top <= after.bbox.top < here.bbox.bottom
    text = dt_.squeezed(block + 1)
    if not beside or len(text) > SHORT_BLOCK or _OPINION_LABEL.search(text) is None:
        return None, ""
    return _tag(text + "：", strict=False)


def _is_luokuan_block(text: str, match: DateMatch) -> bool:
    """A date on a short line of its own (with the agency, a seal mark): the 落款; never a span of hours."""
    if match.end_time is not None:
        return False
    rest = strip_spaces(text[: match.start] + text[match.end :])
    rest = _SEAL_MARK.sub("", rest)
    return len(rest) <= SHORT_BLOCK and not _SENTENCE_PUNCT.search(rest)


def _scan(dt_: DocText) -> list[_Found]:
    by_block: dict[int, list[DateMatch]] = {}
    for match in find_dates(join_wrapped(dt_.text)):
        index = dt_.block_at(match.start)
        offset = dt_.starts[index]
        local = replace(match, start=match.start - offset, end=match.end - offset)
        by_block.setdefault(index, []).append(local)
    month_day: set[int] = set()
    for index, text in enumerate(dt_.blocks):
        if index not in by_block and (yearless := yearless_line(text) or lost_figure_date(text)) is not None:
            by_block[index] = [yearless]  # a 落款 date read without (a figure of) its year under a seal
        elif (
            index not in by_block
            and dt_.doc.type in _MONTH_DAY_FORMS
            and (short := signed_month_day(text, alone=dt_.doc.blocks[index].confidence is not None))
        ):
            by_block[index] = [short]  # an approver's 5.4 after the name or the opinion; 7月22日
            month_day.add(index)
        elif (
            index not in by_block
            and dt_.doc.blocks[index].confidence is not None
            and (hand := hand_read_date(text, year_needed=dt_.doc.type not in _MONTH_DAY_FORMS))
        ):
            by_block[index] = [hand]  # on a scan, 2018.6.28 after the name read "2018 6:28" or "2018628"
            if hand.value is None:
                month_day.add(index)
    dated = set(by_block)
    sealed = _sealed_lines(dt_)
    found: list[_Found] = []
    for index, matches in sorted(by_block.items()):
        text = dt_.blocks[index]
        previous_end = 0
        for match in matches:
            if index in sealed and len(matches) == 1 and _is_luokuan_block(text, match):
                # the agency's seal on a date alone on its line: the 落款, whatever signing row is above
                # it (the agency's name under the seal unread)
                found.append(_Found(match, index, None, "", True))
                continue
            closes = _CLOSING_TAIL.match(text[match.end :]) is not None
            tag, label = _context(dt_, index, text[previous_end : match.start], dated, closes=closes)
            if tag is None and _served_row(dt_, text[previous_end : match.start]):
                tag, label = "served", "送达"
            if tag is None and index in month_day:  # (结案意见 | 同意结案： 5.25: the form's own approval)
                tag, label = "approve", ""
            if tag is None and not text[previous_end : match.start].strip():
                tag, label = _caption_after(text[match.end :])
            event = _EVENT_DATE.search(text[previous_end : match.start]) is not None
            # (a line of several dates is a span or a list of events, never a 落款)
            luokuan = tag is None and not event and len(matches) == 1 and _is_luokuan_block(text, match)
            found.append(_Found(match, index, tag, label, luokuan))
            previous_end = match.end
    return found


# forms signed with the month and day alone, the year left out: approvals, reviews and discussions whose
# opinions are signed so (周建国 5.4), and a 送达回证 whose recipient dates the signing (收件人签名 7月22日)
_MONTH_DAY_FORMS = frozenset(
    {
        _T.FILING_APPROVAL,
        _T.CLOSING_REPORT,
        _T.DECISION_APPROVAL,
        _T.LEGAL_REVIEW,
        _T.COLLECTIVE_DISCUSSION,
        _T.INVESTIGATION_REPORT,
        _T.SERVICE_RECEIPT,
    }
)


def _served_row(dt_: DocText, before: str) -> bool:
    """On a scanned 送达回证, a row holding 送达 and then a date alone: its field's name cut short by OCR
    (送达[时间] 2025年4月3日10时20分), the time it was served."""
    return (
        dt_.doc.type is _T.SERVICE_RECEIPT
        and strip_spaces(before) == "送达"
        and any(b.confidence is not None for b in dt_.doc.blocks)
    )


def _sealed_lines(dt_: DocText) -> set[int]:
    """The lines of a document the agency issues (a decision, a notice) that its seal was found on: on a
    scan, the line the seal's mark sits on and the lines its ring covers (the 落款's date under the name the
    seal sits on); a receipt's or a record's seal is the party's."""
    if dt_.doc.type not in _ISSUED:
        return set()
    seals = [im for im in dt_.doc.images if im.kind is ImageKind.SEAL]
    lines = {im.block_index for im in seals if im.block_index is not None}
    for index, block in enumerate(dt_.doc.blocks):
        box = block.bbox
        if box is None or block.confidence is None:
            continue
        middle = (box.top + box.bottom) / 2
        if any(
            im.bbox is not None
            and im.page == block.page
            and im.bbox.top <= middle <= im.bbox.bottom
            and box.x0 < im.bbox.x1
            and box.x1 > im.bbox.x0
            for im in seals
        ):
            lines.add(index)
    return lines


def _caption_after(after: str) -> tuple[str | None, str]:
    """The signing caption a date written first stands before ("2021.9.22　审批人：[ink]")."""
    m = _CAPTION_AFTER.match(after)
    if m is None:
        return None, ""
    return _tag(m.group(1) + "：", strict=False)


_DATE_ROW_LABEL = re.compile(r"(?:(?:审批|签名|签字|签署)?(?:日期|时间))?[:：]?")
COLUMN_LOOKBACK = 8  # lines from a row of dates up to the row naming the signers above it
SIGNER_CELL = 8  # characters of a signer's column heading (承办机构负责人)


def _by_columns(dt_: DocText, found: list[_Found]) -> None:
    """A row of dates under a row naming the signers (审批环节 | 承办人 | 承办机构负责人 | 机关负责人 over
    意见 / 签名 / 日期 rows, read line by line): each date is its column's, left to right. The signers' row
    holds one name per date, after an optional corner cell (审批环节)."""
    by_block: dict[int, list[_Found]] = {}
    for item in found:
        by_block.setdefault(item.block, []).append(item)
    for block, items in by_block.items():
        text = dt_.blocks[block]
        if len(items) < 2 or not _DATE_ROW_LABEL.fullmatch(strip_spaces(text[: items[0].match.start])):
            continue
        for above in range(block - 1, max(-1, block - 1 - COLUMN_LOOKBACK), -1):
            tags = _signer_columns(dt_.blocks[above], len(items))
            if tags is not None:
                for item, (tag, label) in zip(items, tags, strict=True):
                    item.tag, item.label = tag, label
                break


def _signer_columns(text: str, count: int) -> list[tuple[str, str]] | None:
    """The tags of a row naming `count` signers (承办人 承办机构负责人 机关负责人), after an optional corner
    cell; None when the row is not that."""
    cells = text.split()
    if len(cells) not in (count, count + 1):
        return None
    named = cells[-count:]
    tags = [_tag(cell) for cell in named]
    if any(
        len(cell) > SIGNER_CELL or tag not in _ROLE_OF_TAG for cell, (tag, _) in zip(named, tags, strict=True)
    ):
        return None
    return [(tag, label) for tag, label in tags if tag is not None]


HEADER_LOOKBACK = 3  # lines from a grid's value row up to its header row
HEADER_CELLS = 3  # fewest field names on a header row


def _under_header(dt_: DocText, found: list[_Found]) -> None:
    """A date no label names, in a grid's value row under a header row of field names that OCR read as
    lines of their own (送达文书 受送达人 送达地点 … 签收日期 送达人 备注 / 《…》 某公司 … 2023.6.30 …): the
    date is the field's it stands under, found by the characters' places across the page."""
    for item in found:
        if item.tag is not None:
            continue
        for above in range(item.block - 1, max(-1, item.block - 1 - HEADER_LOOKBACK), -1):
            starts = _header_starts(dt_.blocks[above])
            if starts is None:
                continue
            cuts = column_cuts(dt_, above, starts)
            xs = offset_xs(dt_, item.block, [item.match.start, item.match.end])
            if cuts is not None and xs is not None:
                cell = dt_.blocks[above][starts[sum((xs[0] + xs[1]) / 2 >= cut for cut in cuts)] :].split()[0]
                tag, label = _tag(cell + "：", strict=False)
                if tag is not None:
                    item.tag, item.label, item.luokuan = tag, label, False
            break


def _header_starts(text: str) -> list[int] | None:
    """Where each field name of a grid's header row starts; None when the line is not such a row (at least
    HEADER_CELLS short names without digits, two of them naming whose or what date a column holds)."""
    cells = list(re.finditer(r"\S+", text))
    if len(cells) < HEADER_CELLS or any(
        len(c.group()) > SIGNER_CELL or re.search(r"[0-9]", c.group()) for c in cells
    ):
        return None
    if sum(_tag(c.group() + "：", strict=False)[0] is not None for c in cells) < 2:
        return None
    return [c.start() for c in cells]


def _approval_kind(doc_type: DocumentType, extension: bool) -> DateKind:
    if doc_type is _T.FILING_APPROVAL:
        return DateKind.FILED
    if doc_type is _T.CLOSING_REPORT:
        return DateKind.CLOSED
    if doc_type is _T.LEGAL_REVIEW:
        return DateKind.REVIEWED
    if doc_type is _T.COLLECTIVE_DISCUSSION:
        return DateKind.DISCUSSED
    return DateKind.EXTENSION if extension else DateKind.APPROVED


def _kind(item: _Found, doc_type: DocumentType, extension: bool) -> tuple[DateKind, Role | None]:
    tag = item.tag
    role = _ROLE_OF_TAG.get(tag or "")
    if tag == "served":
        return (DateKind.SERVED if doc_type is _T.SERVICE_RECEIPT else DateKind.SIGNED), role
    if tag == "approve":
        return _approval_kind(doc_type, extension), role
    if tag == "told":
        return (DateKind.NOTIFIED if doc_type is _T.PRIOR_NOTICE else DateKind.OTHER), None
    if tag == "record":
        if doc_type in _RECORD_TYPES:
            return DateKind.RECORD_START, None
        if doc_type is _T.HEARING_RECORD:
            return DateKind.HEARING, None
        return (DateKind.DISCUSSED if doc_type is _T.COLLECTIVE_DISCUSSION else DateKind.OTHER), None
    if tag == "decided":  # 决定日期 on a 结案报告 names the decision's date, not the form's own
        return (DateKind.DECIDED if _LUOKUAN_KIND.get(doc_type) is DateKind.DECIDED else DateKind.OTHER), None
    if tag in ("filed", "closed"):
        wanted = _T.FILING_APPROVAL if tag == "filed" else _T.CLOSING_REPORT
        kind = DateKind.FILED if tag == "filed" else DateKind.CLOSED
        return (kind if doc_type is wanted else DateKind.OTHER), None
    if tag is not None:
        return _SIMPLE_KIND.get(tag, DateKind.OTHER), role
    if item.luokuan:
        return _LUOKUAN_KIND.get(doc_type, DateKind.ISSUED), None
    return DateKind.OTHER, None


def _settle(facts: list[DateFact], doc_type: DocumentType) -> None:
    """One FILED / CLOSED date per form: the last 负责人 approval; a 立案日期 field or the 落款 stands in
    only where no approval date is written."""
    for kind, wanted in ((DateKind.FILED, _T.FILING_APPROVAL), (DateKind.CLOSED, _T.CLOSING_REPORT)):
        if doc_type is not wanted:
            continue
        # (a head's date field left blank stays as it is: the date of the form is then the one written)
        approvals = [f for f in facts if f.kind is kind and f.role is Role.APPROVER and not is_blank(f)]
        fields = [f for f in facts if f.kind is kind and f.role is None]
        for extra in approvals[:-1]:
            extra.kind = DateKind.APPROVED
        if approvals:
            for f in fields:
                f.kind = DateKind.OTHER
        elif not fields:
            for f in facts:
                if f.kind is DateKind.ISSUED and f.label == "落款":
                    f.kind = kind


def is_extension_document(dt_: DocText) -> bool:
    """Whether the document asks for or approves a longer period for the decision (延长办案期限)."""
    head = (dt_.doc.title or "") + "".join(dt_.blocks[:3])
    return _EXTENSION_DOC.search(squeeze(head)) is not None


def extension_days(dt_: DocText) -> int | None:
    """The days of an extension named in an extension document (延长办案期限30日 → 30)."""
    if not is_extension_document(dt_):
        return None
    m = _EXTENSION_DAYS.search(dt_.flat)
    if m is None or "查封" in m.group() or "扣押" in m.group():
        return None
    return cn_to_int(m.group("n"))


def date_facts(dt_: DocText) -> list[DateFact]:
    """Every date of the document, tied to what it dates."""
    doc_type = dt_.doc.type
    found = _scan(dt_)
    _by_columns(dt_, found)
    _under_header(dt_, found)
    luokuan = [f for f in found if f.luokuan]
    for f in luokuan[:-1]:
        f.luokuan = False
    extension = is_extension_document(dt_)
    facts: list[DateFact] = []
    for item in found:
        kind, role = _kind(item, doc_type, extension)
        start = dt_.starts[item.block]
        facts.append(
            DateFact(
                kind=kind,
                value=item.match.value,
                raw=item.match.raw,
                earliest=item.match.earliest,
                latest=item.match.latest,
                month=item.match.month,
                day=item.match.day,
                label="落款" if item.luokuan else item.label,
                role=role,
                evidence=dt_.evidence(start + item.match.start, start + item.match.end),
            )
        )
    _settle(facts, doc_type)
    _record_span(found, facts, doc_type)
    return facts


def _record_span(found: list[_Found], facts: list[DateFact], doc_type: DocumentType) -> None:
    """A 笔录 whose 时间 field name OCR lost (a tiny label in a cell's corner): the first untagged date in
    its head written as a span of hours (20-04-09 9时30分至10时50分) is when the record was made."""
    if doc_type not in _RECORD_TYPES or any(f.kind is DateKind.RECORD_START for f in facts):
        return
    for item, fact in zip(found, facts, strict=True):
        if item.block >= RECORD_HEAD_BLOCKS:
            return
        if fact.kind is DateKind.OTHER and item.tag is None and item.match.end_time is not None:
            fact.kind = DateKind.RECORD_START
            return

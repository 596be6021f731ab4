"""Enforcement officers and their 执法证号.

Three layouts: inline "张三（执法证号：12345678）"; a names label followed by a numbers label in one line
("执法人员：张三、李四 执法证号：123、456"); and table cells ("执法人员 | 张三 李四", "执法证号 | 123 456"),
where names and numbers are paired in order. Labels: 执法证号/执法证件号/执法证编号/执法证件编号/证件号.
Within a line, labels are read left to right, so "询问人：甲，执法证号A1 记录人：乙，执法证号B2" gives each
name its own number. After a names label a bare code in brackets is the number ("甲（JZ-2019-044）").
Numbers may start with a province's character (鄂A09048). Label words (当事人签收, 税务, 证据 …) are
never names, and a names label with an empty value takes the next block only when that block is not
itself a labelled row.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from casefile_eval.codes import Role
from casefile_eval.extract.signatures import SIGNING, same_row, undated
from casefile_eval.extract.text import DocText, squeeze
from casefile_eval.model import Block, BlockKind, ImageKind, Officer, SignatureSlot
from casefile_eval.segment.pagemarks import find_marks, is_page_furniture


def _spaced(*words: str) -> str:
    """An alternation of words that forms may space out (询 问 人, 记 录 人)."""
    return "|".join(r"\s?".join(word) for word in words)


_OFFICER_WORDS = (
    "执法人员",
    "承办人",
    "办案人员",
    "办案人",
    "经办人",
    "执法人",
    "勘验人",
    "勘查人",
    "勘察人",
    "勘测人",  # 勘测人员：a land survey's officers
    "记录人",
    "送达人",
    "卫生监督员",  # 卫生监督员：程立军、马晓彤
    "监督员",
    "监察员",
)
_SIDED_WORDS = ("检查人", "询问人", "调查人")  # not when the party's: 被检查人, 被询问人
# 证号 alone too ("记录人 蔡亚男 证号：…"), not another certificate's (身份证号, 许可证号, 执照号, 登记证号,
# a driver's 驾驶证号), nor a heading of names and numbers (执法人员及证号)
_OTHER_CERT = r"(?<!身份)(?<!许可)(?<!执照)(?<!登记)(?<!驾驶)(?<!及)"
_CERT_LABEL = rf"(?:执法证(?:件)?(?:编)?号(?:码)?|执法证件|执法证|{_OTHER_CERT}证(?:件)?(?:编)?号(?:码)?)"
_PLAIN_NAME = re.compile(r"[\u4e00-\u9fff]{2,5}")
# a transliterated name whose parts a middle dot joins (艾尔肯·买买提, 阿卜杜热合曼·买买提明)
_DOTTED_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•・．][\u4e00-\u9fff]{1,8}){1,2}")
# 警号052217: a police officer's number; 江苏环境监察320981024: the issuing service's words before it;
# 陕环执证第06114号: a numbered certificate
_CERT = r"(?:警号|(?!电话|手机|联系)[\u4e00-\u9fff]{1,8})?[A-Za-z0-9][A-Za-z0-9\-]{3,23}(?:(?<=[0-9])号)?"
# the service that issued the certificate, before its words in the brackets (税务执法证号, 行政执法证号,
# 交通运输执法证号)
_ISSUER = r"(?:[\u4e00-\u9fff]{1,6}?)?"
_INLINE = re.compile(
    rf"(?P<name>[\u4e00-\u9fff·•・．]{{2,16}})\s*[(（]\s*{_ISSUER}{_CERT_LABEL}\s*"
    # (its bracket closed, or left open at the line's end: a scan's last character lost at the margin; or the
    # number's field left blank after its colon: 刘红（执法证号：　　　　）, an officer without a number)
    rf"(?:[:：]?\s*(?P<no>{_CERT})\s*(?:[)）]|$)|[:：][\s_＿]*[)）])"
)
# the field of the person questioned or checked, right before a name: no officer's
_PARTY_FIELD = re.compile(r"(?:被(?:询问|检查|调查|处罚|听证)人|当事人|陈述人|申辩人)\s*[:：]?\s*$")
# a number that is another certificate's or a telephone's (身份证号33252919790815053X), no officer's
_OTHER_NUMBER = re.compile(r"(?:居民)?身份证|驾驶证|许可证|执照|登记证|电话|手机|联系|(?:统一社会)?信用代码")
_BARE = re.compile(rf"(?P<name>[\u4e00-\u9fff·•・．]{{2,16}})\s*[(（]\s*(?P<no>{_CERT})\s*[)）]")
_NAMES_LABEL = re.compile(
    rf"(?P<word>(?<!受)(?<!受\s)(?:{_spaced(*_OFFICER_WORDS)})|(?<!被)(?<!被\s)(?:{_spaced(*_SIDED_WORDS)}))"
    r"(?:员)?(?:签名|签字)?(?:或盖章)?(?:\s*[:：]|\s+|$)"
)
_CERTS_LABEL = re.compile(rf"{_CERT_LABEL}\s*[:：]?")
# a line that is one more officer of the listing above it: "田雪　执法证号：13090324017" (or left blank)
_LISTED = re.compile(
    rf"^\s*(?P<name>[\u4e00-\u9fff·•・．]{{2,16}}?)\s*{_CERT_LABEL}\s*[:：]?\s*(?P<no>{_CERT})?\s*$"
)
# a cell holding only a name and a bare certificate number: 何佳颖 浙B-02251107
_BARE_PAIR = re.compile(rf"^\s*(?P<name>[\u4e00-\u9fff·•・．]{{2,16}}?)\s+(?P<no>{_CERT})\s*$")
_LISTING_WORDS = re.compile(r"^(?:分别|依次)?[为是]|(?<=[0-9])号$")
_PAIR_OPENS = rf"\s*[(（]\s*{_ISSUER}{_CERT_LABEL}"
_SPLIT = re.compile(r"[\s、，,/;；和及]+")
_RUN_OF_TWO = re.compile(r"[\u4e00-\u9fff]{6}")  # six characters in a names field: no one name so long
# a note on the officers' credentials in brackets after the names (曹文杰、邝丽（已出示执法证件）) or on
# an officer's part (何立新（主办）、曾慧（记录）), not a code (王成（32030018021）) nor a title
# (韦国良（总经理）) nor an item (第（一）项)
_BRACKET_NOTE = re.compile(
    r"(?<=[\u4e00-\u9fff])[（(](?:[^（）()0-9]*(?:证|出示)[^（）()0-9]*|记录[人员]?|[主协承]办人?)(?:[)）]|$)"
)
# Dates are no names, but 月 and 日 are common in given names (乌日娜, 张月): only date-shaped words are out.
_NOT_A_NAME = re.compile(
    r"[0-9〇○零一二三四五六七八九十][年月日]|^[年月日]|年.{0,3}月|月.{0,3}日|日期|年度"
    r"|签名|签字|盖章|执法|证号|证件|意见|时间|地点|记录|承办|单位|职务|无|同意|见|人员|号码|以下|以上"
    r"|签收|当事|税务|证据|询问|检查|调查|送达|审批|审核|负责|机关|部门|代表|电话|地址|住所|警号|页|备注"
    # a question's words (…可以申请回避，是否申请 with its ？ lost on a scan), prose wrapped after 执法人员
    # (当场出示), a certificate's words (鲁卫监证字)
    r"|是否|申请|回避|当场|出示|证字"
)
# the party's note that they read the record, above the signatures at its foot
_READING_NOTE = re.compile(
    r"(?:以上|上述)(?:笔录|记录|内容)[^。]{0,12}(?:看过|阅读|核对|宣读|读给|无异议|属实|无误)|与我(?:所)?说的(?:一样|相符|一致)"
)
NOTE_LINES = 3  # lines under the reading note that are the record's signing lines
_ROW_LABEL = re.compile(r"^\s*[\u4e00-\u9fff]{2,10}\s*[:：]")
_RUN_ON = re.compile(r"[\u4e00-\u9fff，,]$")  # a label word run on from the words before it
_SENTENCE_END = re.compile(r"[。？！?!]")
# where the names listed after the last pair end: a comma that opens a clause, not one before another
# name whose number follows in brackets (王海涛（3207…），李梦（ with 李梦's number on the next line)
_CLAUSE = re.compile(r"[，,；;。](?![\u4e00-\u9fff·]{2,5}\s*[(（])")
# the field's words run into the name on a scan: 执法人员及证号黄志斌（ZJ330726-0217）
_LABEL_PREFIX = re.compile(rf"^.*(?:{'|'.join(_OFFICER_WORDS + _SIDED_WORDS)}|签名|签字|盖章|证号|员)")
_ANY = re.compile(_CERT_LABEL + "|" + _spaced(*_OFFICER_WORDS, *_SIDED_WORDS))
NEAR_BLOCKS = 4


def name_shaped(token: str, longest: int = 5) -> bool:
    """Whether `token` has the shape of a person's name: two to `longest` Han characters, or parts of a
    transliterated name joined by middle dots."""
    plain = len(token) <= longest and _PLAIN_NAME.fullmatch(token) is not None
    return plain or _DOTTED_NAME.fullmatch(token) is not None


def _names(value: str) -> list[str]:
    names: list[str] = []
    # a note on credentials after the names (曹文杰、邝丽（已出示执法证件）) is no part of the last one
    for token in _SPLIT.split(_BRACKET_NOTE.sub(" ", value)):
        token = token.strip("：:（）()")
        if _person(token):
            names.append(token)
        elif _RUN_OF_TWO.fullmatch(token) and all(_person(half) for half in (token[:3], token[3:])):
            names += [token[:3], token[3:]]  # two names of three run together on a scan (汪启明田春生)
    return names


def _numbers_beside(value: str) -> dict[str, str]:
    """Names of a names field each followed by a bare certificate number (林晓东 33A0371、章建伟 33A0389),
    not by a date."""
    tokens = [t.strip("：:（）()") for t in _SPLIT.split(value)]
    return {
        name: number
        for name, number in itertools.pairwise(tokens)
        if _person(name)
        and re.fullmatch(_CERT, number)
        and re.search(r"[0-9]{3}", number)
        and undated(number)  # a date written after a signer's name (承办人：黄志斌 2018-08-24)
    }


def _number_words(value: str) -> list[str]:
    """A number field's value in words, the words that list numbers and a closing 号 taken off
    ("分别为鲁卫监证字第14820176号、…" gives 鲁卫监证字第14820176, …)."""
    return [_LISTING_WORDS.sub("", t.strip("：:（）()。；;")) for t in _SPLIT.split(value)]


def _certs(words: list[str]) -> list[str]:
    """The certificate numbers among a number field's words, in order."""
    return [t for t in words if re.fullmatch(_CERT, t)]


def _names_after_numbers(words: list[str], certs: list[str]) -> list[str]:
    """Names standing right after one of a number field's numbers ("证号：1　乙 证号：2" gives 乙)."""
    return [name for number, name in itertools.pairwise(words) if number in certs and _person(name)]


def _cut(text: str, start: int) -> str:
    """The value after a label: up to the next label of either kind."""
    rest = text[start:]
    nxt = [m.start() for p in (_NAMES_LABEL, _CERTS_LABEL) if (m := p.search(rest)) and m.start() > 0]
    return rest[: min(nxt)] if nxt else rest


def _value_after(dt_: DocText, index: int, m: re.Match[str]) -> tuple[str, int]:
    """The value after a label, on its line or, for a label ending its line, on the next line — unless
    the label word ends a line of prose run on to a sentence on the next ("你有申请执法人员 / 回避的
    权利，你是否申请回避？")."""
    text = dt_.blocks[index]
    value = _cut(text, m.end())
    if value.strip() or index + 1 >= len(dt_.blocks):
        return value, index
    following = dt_.blocks[index + 1]
    prose = _RUN_ON.search(text[: m.start()]) is not None and _SENTENCE_END.search(following) is not None
    # (a page's foot under the label: "武山县文化和旅游局 共6页　第2页" names no officer)
    if prose or _ROW_LABEL.match(following) or is_page_furniture(following) or find_marks([following]):
        return value, index
    return _cut(following, 0), index + 1


Pair = tuple[str, str | None, int, int]  # a name, its certificate number (None: left blank), start, end


def _inline(text: str, labelled: bool = False) -> list[Pair]:
    """(name, number, offset, end) written as 姓名（执法证号…）, or 姓名（code） after a names label (in the
    text, or `labelled`: the text is a names field's value)."""
    pairs = [(m.group("name"), m.group("no"), m.start(), m.end()) for m in _INLINE.finditer(text)]
    if not pairs and (labelled or _NAMES_LABEL.search(text)):
        pairs = [
            (m.group("name"), m.group("no"), m.start(), m.end())
            for m in _BARE.finditer(text)
            if re.search(r"\d", m.group("no"))
        ]
    elif pairs:  # "询问人：甲（税务执法证号：1）记录人：乙（2）": a names label of its own before a bare pair
        pairs = sorted(pairs + _bare_after_label(text, pairs), key=lambda pair: pair[2])
    out: list[Pair] = []
    for raw, no, at, end in pairs:
        name = _LABEL_PREFIX.sub("", raw)
        if _PARTY_FIELD.search(text[:at]) or (no is not None and _OTHER_NUMBER.match(no)):
            continue  # 被询问人：吴建新（身份证号…）: the party and their identity card
        if name_shaped(name, longest=4) and not _NOT_A_NAME.search(name):
            out.append((name, no, at + len(raw) - len(name), end))
    return out


def _bare_after_label(text: str, pairs: list[Pair]) -> list[Pair]:
    """Pairs 姓名（code） standing outside the numbered pairs found, each after a names label of its own
    that follows the pair before it."""
    out = []
    for m in _BARE.finditer(text):
        before = max([end for _, _, start, end in pairs if end <= m.start()], default=0)
        if (
            re.search(r"\d", m.group("no"))
            and not any(start < m.end() and m.start() < end for _, _, start, end in pairs)
            and _NAMES_LABEL.search(text, before, m.start())
        ):
            out.append((m.group("name"), m.group("no"), m.start(), m.end()))
    return out


def _after_pairs(dt_: DocText, index: int, inline: list[Pair]) -> tuple[list[str], str | None]:
    """Names listed after the last 姓名（执法证号…） of a names field without a number of their own
    ("何俊峰（执法证号：62050023008）、杨婷"), up to the next label, and the field that lists them: named
    before the first pair on the line, or in the cell before ("执法人员 | 何俊峰（…）、杨婷")."""
    text = dt_.blocks[index]
    label = _NAMES_LABEL.search(text)
    if label is None or label.start() > inline[0][2]:
        label = _NAMES_LABEL.fullmatch(dt_.blocks[index - 1].strip()) if index > 0 else None
    if label is None:
        return [], None
    tail = text[inline[-1][3] :]
    # the list goes on with 、 (和, 及); a comma after the last pair opens a clause ("…（执法证号：…），已向
    # 当事人出示执法证件"), whose first words are no name
    listed = _CLAUSE.split(_cut(text, inline[-1][3]), maxsplit=1)[0]
    # a name with a number field of its own is a pair whose number wrapped onto the next line
    names = [n for n in _names(listed) if not re.search(re.escape(n) + _PAIR_OPENS, tail)]
    return names, squeeze(label.group("word"))


def find_officers(dt_: DocText, signatures: Sequence[SignatureSlot] = ()) -> list[Officer]:
    """Officers named in the document, each with the 执法证号 written for them (None when not written)
    and the field that first names them. On a page read by OCR, what stands in an officer's or a
    recorder's signature slot (`signatures`) is handwriting read by OCR ("韩水" for 韩冰, "梁辰宅" for
    梁振宇), not an officer named in print."""
    found: dict[str, Officer] = {}
    pending: list[Officer] = []
    pending_at = -NEAR_BLOCKS - 1
    inked = _handwritten(dt_) | _signing_rows(dt_, signatures) | _under_reading_note(dt_)
    listing: tuple[str, int] | None = None  # the field that last named officers, and its line
    for index in dt_.blocks_matching(_ANY):
        if index in inked:
            continue
        text = _with_wrapped_close(dt_, index)
        listed = _LISTED.match(text)
        name = listed["name"] if listed else ""
        if listed and listing and index - listing[1] <= NEAR_BLOCKS and name not in found and _person(name):
            # one officer a line under the field's first: "执法人员：甲 执法证号：1" / "乙 执法证号：2"
            found[name] = Officer(
                name=name, cert_no=listed["no"], named_as=listing[0], evidence=dt_.block_evidence(index)
            )
            listing, pending = (listing[0], index), []
            continue
        inline = _inline(text)
        for name, no, at, _ in inline:
            known = found.get(name)
            if known is None:
                found[name] = Officer(
                    name=name,
                    cert_no=no,
                    named_as=_field_before(text, at),
                    evidence=dt_.block_evidence(index),
                )
            elif known.cert_no is None and no:  # named first without the number this line gives
                found[name] = known.model_copy(update={"cert_no": no})
        if inline:
            names, listed_as = _after_pairs(dt_, index, inline)
            for name in names:
                found.setdefault(
                    name, Officer(name=name, named_as=listed_as, evidence=dt_.block_evidence(index))
                )
            continue
        labels = sorted(
            [(m.start(), True, m) for m in _NAMES_LABEL.finditer(text)]
            + [(m.start(), False, m) for m in _CERTS_LABEL.finditer(text)],
            key=lambda t: t[0],
        )
        field: str | None = None
        for _, is_names, m in labels:
            value, where = _value_after(dt_, index, m)
            if is_names:
                field = squeeze(m.group("word"))
                names = [n for n in _names(value) if n not in found]
                below = where != index  # (a pair on the label's own line is read as inline above)
                cells = _row_after(dt_, index) if below else value
                coded = {name: no for name, no, _, _ in _inline(cells, labelled=True)} if below else {}
                if not names and coded:  # 询问人 | 吴少华（闽环监0913）　郑丽娟（闽环监0917）
                    names = [n for n in coded if n not in found]
                if names:
                    numbers = {**_numbers_beside(value), **coded}
                    pending = [
                        Officer(
                            name=n, cert_no=numbers.get(n), named_as=field, evidence=dt_.block_evidence(where)
                        )
                        for n in names
                    ] + [
                        Officer(name=n, cert_no=no, named_as=field, evidence=dt_.block_evidence(at))
                        for n, no, at in _rows_under(dt_, where)
                        if n not in found and n not in names
                    ]
                    pending_at = index
                    listing = (field, where)
                    found.update((o.name, o) for o in pending)
                continue
            words = _number_words(value)
            certs = _certs(words)
            if certs and pending and index - pending_at <= NEAR_BLOCKS:
                for officer, cert in zip(pending, certs, strict=False):
                    found[officer.name] = officer.model_copy(update={"cert_no": cert})
                pending = []
            # "甲 执法证号：1　乙 执法证号：2": a name after a number waits for the next number
            # (right after a number, not a word of the sentence the numbers stand in: 证号分别是1、2，现依法…)
            after = [n for n in _names_after_numbers(words, certs) if n not in found]
            if after and where == index:
                pending = [Officer(name=n, named_as=field, evidence=dt_.block_evidence(index)) for n in after]
                pending_at = index
                found.update((o.name, o) for o in pending)
        continued = _cell_continued(dt_, index, found)
        if continued is not None:
            found[continued.name] = continued
    return _without_run_together(list(found.values()))


# the rest of a bracket wrapped onto the next line ("记录人：王芳（浙卫监证字第331125008" / "号）",
# "白雪（河南省行政执" / "法证 41172726022）")
_WRAPPED_CLOSE = re.compile(r"^\s*[^()（）\n]{0,18}[)）]")


def _with_wrapped_close(dt_: DocText, index: int) -> str:
    """A line, with the start of the next line on its page when that closes a bracket the line left open."""
    text = dt_.blocks[index]
    opened = text.count("（") + text.count("(") - text.count("）") - text.count(")")
    following = index + 1
    if opened <= 0 or following >= len(dt_.blocks):
        return text
    if dt_.doc.blocks[following].page != dt_.doc.blocks[index].page:
        return text
    close = _WRAPPED_CLOSE.match(dt_.blocks[following])
    return text + close.group().strip() if close else text


def _row_after(dt_: DocText, index: int) -> str:
    """The cells after a label's cell in its table row up to the next label's cell (执法人员 | 王成（…） |
    | 李刚（…）), joined; the next block alone for a block that is no cell."""
    if dt_.doc.blocks[index].kind is not BlockKind.CELL:
        return dt_.blocks[index + 1] if index + 1 < len(dt_.blocks) else ""
    cells: list[str] = []
    for k in range(index + 1, len(dt_.blocks)):
        if not same_row(dt_, index, k) or _NAMES_LABEL.fullmatch(dt_.blocks[k].strip()):
            break
        cells.append(dt_.blocks[k])
    return "\u3000".join(cells)


def _cell_continued(dt_: DocText, index: int, found: dict[str, Officer]) -> Officer | None:
    """The officer on the line under a row of a flattened table, a name and a bare number alone, standing
    under the name of an officer found on that row: the second line of that officer's cell (勘测人员 | 张立斌
    闽国土执0521 / 黄志勇 闽国土执0533 | 记录人 | 黄志勇), named by the same field."""
    below = index + 1
    if below >= len(dt_.blocks):
        return None
    pair = _bare_officer(dt_.blocks[below])
    if pair is None:
        return None
    row, line = dt_.doc.blocks[index], dt_.doc.blocks[below]
    if not row.char_xs or not line.char_xs or row.bbox is None or line.page != row.page:
        return None
    first = len(line.text) - len(line.text.lstrip())
    if first >= len(line.char_xs):
        return None
    start, reach = line.char_xs[first], 0.6 * (row.bbox.bottom - row.bbox.top)
    for officer in found.values():
        at = row.text.find(officer.name)
        if officer.evidence is None or officer.evidence.block != index or at < 0:
            continue
        if at < len(row.char_xs) and abs(row.char_xs[at] - start) <= reach:
            known = found.get(pair["name"])
            return Officer(
                name=pair["name"],
                cert_no=pair["no"] if known is None or not known.cert_no else known.cert_no,
                named_as=officer.named_as,
                evidence=dt_.block_evidence(below),
            )
    return None


def _rows_under(dt_: DocText, index: int) -> list[tuple[str, str, int]]:
    """Officers in the rows under a table's officers row whose field cell is left empty, each a name and a
    bare number (执法人员 | 俞斌 浙B-02251086 / (empty) | 何佳颖 浙B-02251107): name, number, block."""
    out: list[tuple[str, str, int]] = []
    at = index + 1
    while at + 1 < len(dt_.blocks) and _empty_cell(dt_, at):
        pair = _bare_officer(dt_.blocks[at + 1])
        if pair is None:
            break
        out.append((pair["name"], pair["no"], at + 1))
        at += 2
    return out


def _bare_officer(text: str) -> re.Match[str] | None:
    """A line or cell holding only a person's name and a bare certificate number (何佳颖 浙B-02251107)."""
    pair = _BARE_PAIR.match(text)
    if pair is None or not _person(pair["name"]) or not re.search(r"[0-9]{3}", pair["no"]):
        return None
    return pair


def _empty_cell(dt_: DocText, index: int) -> bool:
    return dt_.doc.blocks[index].kind is BlockKind.CELL and not dt_.blocks[index].strip()


def _person(token: str) -> bool:
    """Whether a word is a person's name: name-shaped and no date or form word."""
    return name_shaped(token) and not _NOT_A_NAME.search(token)


def _handwritten(dt_: DocText) -> set[int]:
    """Lines read by OCR on which ink was found in a signature zone: what OCR made of the handwriting
    there ("询问人：扎西平玉海") is a signature, not an officer named in print. A line that gives an
    officer's certificate number and asks for no signature names the officer in print (a record's head:
    询问人 | 韩永军（执法证号：…） | 记录人 | 韩永军), whatever was taken for ink beside its field names."""
    return {
        im.block_index
        for im in dt_.doc.images
        if im.kind is ImageKind.SIGNATURE
        and (im.name or "").startswith("ocr:")  # marks OCR found (ocr/merge.py)
        and im.block_index is not None
        and dt_.doc.blocks[im.block_index].confidence is not None
        and not _printed_head(dt_.blocks[im.block_index])
    }


def _printed_head(text: str) -> bool:
    """A line naming officers with their certificate numbers (a number field, or a code in brackets after
    a name: 执法人员及证号 黄志斌（ZJ330726-0217）) and asking nobody to sign (a record's head)."""
    numbered = _CERTS_LABEL.search(text) is not None or bool(_inline(text))
    return numbered and SIGNING.search(text) is None


def _signing_rows(dt_: DocText, signatures: Sequence[SignatureSlot]) -> set[int]:
    """Label lines read by OCR of officers' and recorders' signature slots in a row where people sign
    (a label asking for a signature, or beside one: "执法人员 | 执法人员 | 记录人" after "被询问人签名"),
    that give no certificate number. A printed "记录人：陈浩" above the record names its clerk."""
    signing = {
        s.evidence.block
        for s in signatures
        if s.evidence is not None and s.evidence.block is not None and SIGNING.search(s.label)
    }
    rows: set[int] = set()
    blocks = sorted(
        {
            slot.evidence.block
            for slot in signatures
            if slot.role in (Role.OFFICER, Role.RECORDER)
            and slot.evidence is not None
            and slot.evidence.block is not None
            and dt_.doc.blocks[slot.evidence.block].confidence is not None
            and _CERTS_LABEL.search(dt_.blocks[slot.evidence.block]) is None
        }
    )
    for index in blocks:
        # on the signing row, or on the line right under it or under such a line (the row runs on:
        # "当事人签收 [ink] 执法人员：[ink]" over "执法人员：[ink]"; a date written under the ink between)
        above = _line_above(dt_, index)
        if any(same_row(dt_, index, block) for block in signing) or above in rows or above in signing:
            rows.add(index)
        elif _read_unsurely_after_label(dt_.doc.blocks[index]):
            rows.add(index)  # "勘验人：请测黎伟" at a record's foot: handwriting the engine read
    return rows


UNSURE_NAME = 0.8  # a name after its label read less surely than this, character by character, is handwriting


def _read_unsurely_after_label(block: Block) -> bool:
    """Whether what follows a line's opening label ("勘验人：") was read unsurely, on average over its
    characters: handwriting in the slot, not a name printed or typed in."""
    label = _ROW_LABEL.match(block.text)
    scores = block.char_scores
    if label is None or not scores or len(scores) != len(block.text):
        return False
    tail = zip(block.text[label.end() :], scores[label.end() :], strict=True)
    after = [score for char, score in tail if not char.isspace()]
    return bool(after) and sum(after) / len(after) < UNSURE_NAME


def _line_above(dt_: DocText, index: int) -> int | None:
    """The line above a block on its page, a line holding only a date passed over."""
    above = index - 1
    if above >= 1 and not undated(dt_.blocks[above]):
        above -= 1
    if above < 0 or dt_.doc.blocks[above].page != dt_.doc.blocks[index].page:
        return None
    return above


def _under_reading_note(dt_: DocText) -> set[int]:
    """Lines read by OCR just under a record's reading note ("以上笔录我已看过，与我说的相符"), on its page,
    that give no certificate number: the record's signing lines, where what OCR read beside 询问人 or
    记录人 is handwriting."""
    out: set[int] = set()
    for note in dt_.blocks_matching(_READING_NOTE):
        page = dt_.doc.blocks[note].page
        for index in range(note + 1, min(note + 1 + NOTE_LINES, len(dt_.blocks))):
            block = dt_.doc.blocks[index]
            if (
                block.page == page
                and block.confidence is not None
                and not _CERTS_LABEL.search(dt_.blocks[index])
            ):
                out.add(index)
    return out


def _field_before(text: str, at: int) -> str | None:
    """The officers' field ("询问人", "执法人员") named last before offset `at` of a line, if any."""
    fields = [squeeze(m.group("word")) for m in _NAMES_LABEL.finditer(text, 0, at)]
    return fields[-1] if fields else None


def _without_run_together(officers: list[Officer]) -> list[Officer]:
    """Drop a "name" that is two known officers' names run together ("邱明秦海燕": OCR lost the space);
    one that is a known officer's name run together with another name ("孙宏马骏" beside the recorder
    马骏) is that other name."""
    names = {o.name for o in officers}
    out: list[Officer] = []
    for officer in officers:
        others = names - {officer.name}
        if officer.cert_no:
            out.append(officer)
        elif not _joined(officer.name, others):
            rest = _beside_known(officer.name, others)
            out.append(officer if rest is None else officer.model_copy(update={"name": rest}))
    return out


# surnames of two characters: such a pair alone is no name, but the start of one (欧阳明华)
_COMPOUND_SURNAMES = frozenset(
    ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐")
)


def _beside_known(name: str, known: set[str]) -> str | None:
    """The other name in a run of a known name and another of two or three characters, else None."""
    for k in known:
        if len(k) < 2 or not 2 <= len(name) - len(k) <= 3:
            continue
        rest = name[: -len(k)] if name.endswith(k) else name[len(k) :] if name.startswith(k) else None
        if rest and rest not in known and rest not in _COMPOUND_SURNAMES and name_shaped(rest, 3):
            return rest
    return None


def _joined(name: str, known: set[str]) -> bool:
    if not name:
        return True
    return any(name.startswith(k) and _joined(name[len(k) :], known) for k in known if k)

"""What a 送达回证 serves: the name of the document (送达文书名称) and its type, read with a small title
lexicon of this module's own, and the number of the document served where the receipt gives one.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from casefile_eval.codes import DocumentType
from casefile_eval.extract.numbers import find_numbers
from casefile_eval.extract.text import DocText, squeeze

_LABEL = re.compile(  # "送达文书" alone on its line: a grid's field name over its value
    r"(?:送达|受送达)?(?:的)?(?:法律)?(?:文书|文件)名称(?:及文号|、文号)?[:：]?"
    r"|送达(?:的)?(?:法律)?(?:文书|文件)(?:[:：]|$)"
)
# A row flattened into a line keeps only a gap between label and value ("送达文书  行政处罚决定书").
_ROW_LABEL = re.compile(
    r"^\s*(?:送达|受送达)(?:的)?(?:法律)?(?:文书|文件)(?:名称)?(?:及文号|、文号)?(?:\s*[:：]\s*|\s+)(?=\S)"
)
# A value with its field name after it, in brackets ("行政处罚决定书 来国土资罚字(2016)第36号 （送达文书）"):
# a form that prints the label at the right end of the value's rule.
_LABEL_AFTER = re.compile(
    r"^(?P<value>\S.*?)\s*[(（](?:送达|受送达)?(?:的)?(?:法律)?(?:文书|文件)(?:名称)?(?:及文号|、文号)?[)）]\s*$"
)
_LIST_SEPARATOR = re.compile(r"[；;]|、(?=[\u4e00-\u9fff]{2,}(?:书|单|表|回执))")
_WRAPPED = re.compile(r"[（(、；;]$")
# A 回执 slip names what was served in a sentence, not a field: "兹收到××局《行政处罚决定书》（…号）一份。"
_RECEIVED = re.compile(
    r"(?:兹|今|现|已|业已)收到[^《\n]{0,30}《(?P<name>[^》]{2,30})》(?P<number>\s*[（(][^（()）\n]{2,30}[)）])?"
)
# A document's title in book-title marks, the closing one misread by OCR as a bracket: 《行政处罚决定书）
_TITLED = re.compile(r"《(?P<name>[^《》（()）\n]{2,30})[》）)]")
_NUMBER_LABEL = re.compile(r"(?:送达)?(?:文书)?(?:文号|编号|字号)[:：]?")
_TYPES: tuple[tuple[DocumentType, re.Pattern[str]], ...] = (
    (DocumentType.SUMMARY_DECISION, re.compile(r"当场|简易程序")),
    # the hearing's time and place (听证通知书, 听证会告知书); a 听证告知书 is the proposed penalty with the
    # right to a hearing, a prior notice
    (DocumentType.HEARING_NOTICE, re.compile(r"听证(?:会)?通知|听证会告知")),
    # 行政处罚事先（听证）告知书, 行政处罚意见告知书, 陈述申辩告知书: any 告知书 not of a 听证 alone (its 告
    # read 售/西 on a scan: 知书 after anything but 通)
    (DocumentType.PRIOR_NOTICE, re.compile(r"事先|处罚.{0,4}告知|陈述申辩|拟处罚|拟作出|(?<!通)知书")),
    (DocumentType.ENFORCEMENT_MEASURE, re.compile(r"查封|扣押|先行登记保存|强制措施")),
    (DocumentType.ADDRESS_CONFIRMATION, re.compile(r"送达地址确认")),
    (DocumentType.STATEMENT_RECORD, re.compile(r"复核")),
    (DocumentType.DECISION, re.compile(r"(?:处罚|处理)决定|决定书")),
    (DocumentType.PAYMENT_RECEIPT, re.compile(r"缴款|票据")),
)


def served_type(name: str) -> DocumentType:
    """The type of a document served, from its name."""
    for doc_type, pattern in _TYPES:
        if pattern.search(name):
            return doc_type
    return DocumentType.OTHER


def _parts(name: str) -> list[str]:
    """The documents named by a receipt that serves several ("决定书（…）；责令改正通知书（…）")."""
    return [p for p in _LIST_SEPARATOR.split(name) if p.strip("（）() ")]


def _main_part(name: str, parts: list[str]) -> str:
    """Of a receipt that serves several documents (`parts` of its `name`), the decision."""
    if len(parts) < 2:
        return name
    for preferred in (DocumentType.SUMMARY_DECISION, DocumentType.DECISION):
        for part in parts:
            if served_type(part) is preferred:
                return part
    return parts[0]


def _value(dt_: DocText, index: int, rest: str) -> str:
    if rest.strip(":： "):
        return rest
    after = dt_.squeezed(index + 1) if index + 1 < len(dt_.blocks) else ""
    before = dt_.squeezed(index - 1) if index > 0 else ""
    if _WRAPPED.search(before):  # a wrapped cell printed around its label, the label centred between
        return before + after
    return after


WRAPPED_NAME = 12  # characters at most of a document's name whose rest wrapped onto the next line
# a line that is a field of the receipt, not the rest of a value wrapped onto it
_FIELD_LINE = re.compile(r"^\s*(?:受送达|送达|收件|签收|代收|备注|[\u4e00-\u9fff]{2,6}\s*[:：])")


def _row_value(dt_: DocText, index: int, value: str) -> str:
    """A row's value naming no known document, with the next line when that is no field of its own: the
    name wrapped in its cell ("送达文书 行政处罚决" / "定书（罗农罚〔2018〕3号）")."""
    following = index + 1
    known = served_type(value) is not DocumentType.OTHER
    if known or len(value) > WRAPPED_NAME or following >= len(dt_.blocks):
        return value  # (a long value is a grid's header row read as one line, no name cut short)
    after = dt_.blocks[following]
    return value if _FIELD_LINE.match(after) else value + squeeze(after)


def _received(dt_: DocText) -> str | None:
    """The document a 回执 acknowledges: "兹收到《行政处罚决定书》（…号）一份" → its name and number."""
    for index in range(len(dt_.blocks)):
        if m := _RECEIVED.search(dt_.squeezed(index)):
            return m.group("name") + (m.group("number") or "")
    return None


def _titled(dt_: DocText) -> str | None:
    """The first document title in 《》 on the receipt that names a known type: a grid whose header row and
    value row OCR read as two lines (送达文书 受送达人 送达地点… / 《行政处罚决定书》（…号） 某公司 …)."""
    for index in range(len(dt_.blocks)):
        for m in _TITLED.finditer(dt_.squeezed(index)):
            if served_type(m.group("name")) is not DocumentType.OTHER:
                return m.group("name")
    return None


def _named(dt_: DocText) -> list[tuple[int, str]]:
    """(block, name written) for each 送达文书名称 label: one per row of a receipt listing several
    documents served."""
    out = []
    for index in range(len(dt_.blocks)):
        text = dt_.squeezed(index)
        if m := _LABEL.match(text):
            out.append((index, _value(dt_, index, text[m.end() :])))
    return out


def served_rows(dt_: DocText) -> list[tuple[int, DocumentType]]:
    """For a receipt listing several documents served, one per row: (block where each row's name label
    stands, the type of the document it names). Empty or one entry for a receipt serving one document."""
    return [(index, served_type(name)) for index, name in _named(dt_)]


class Served(NamedTuple):
    """What a receipt serves: the main document's name (with its number in brackets when written) and
    type, and the types of every document it names (a receipt listing the 告知书 and the 决定书 one a row
    serves both)."""

    name: str
    type: DocumentType
    all_types: tuple[DocumentType, ...]


def find_served(dt_: DocText) -> Served | None:
    """What the receipt serves, or None when it names no document."""
    names = [name for _, name in _named(dt_)]
    number: str | None = None
    for index in range(len(dt_.blocks)):
        text = dt_.squeezed(index)
        m = _LABEL.match(text)
        row = None if m or names else _ROW_LABEL.match(dt_.blocks[index])
        if row:
            names.append(_row_value(dt_, index, squeeze(dt_.blocks[index][row.end() :])))
        elif not m and not names and (after := _LABEL_AFTER.match(dt_.blocks[index].strip())):
            names.append(squeeze(after.group("value")))
        n = _NUMBER_LABEL.match(text)
        if number is None and n and not m:
            found = find_numbers(_value(dt_, index, text[n.end() :]))
            number = found[0].canonical if found else None
    name = "；".join(n for n in names if n) or _received(dt_)
    if not name or served_type(name) is DocumentType.OTHER:
        name = _titled(dt_) or name
    if not name:
        return None
    parts = _parts(name)
    all_types = tuple(dict.fromkeys(served_type(part) for part in parts))
    name = _main_part(name, parts)
    inline = find_numbers(name)
    if inline:
        number = number or inline[0].canonical
        name = name[: inline[0].start].rstrip("（(《") or name
    name = name.strip("《》（）() ")
    main = served_type(name)
    others = tuple(t for t in all_types if t is not main)
    return Served(f"{name}（{number}）" if number else name, main, (main, *others))

"""Signature labels among OCR lines and where their printed characters lie along a box.

A line may hold several labels ("被询问人签名：[ink]  询问人：[ink]  记录人：[ink]"). Each label's x extent
comes from the recogniser's character positions when the engine gave them, else from an estimate (a
full-width character one pitch, anything else half, laid out from the box's left edge).
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass

from casefile_eval.ocr.confusables import mend_text
from casefile_eval.ocr.page import OcrBox, OcrLine, apart

KEYWORD = r"签名|签字|签章|签批|签押|盖章|签收|捺印|指印|手印"
# Whose signature a role word asks for: a label with a colon ("询问人：") or a grid field alone in its box.
_ROLE_WORDS = (
    r"[受被]送达人|收件人|代收人|送达人|见证人|审批人|审核人|批准人|承办人员?|记录[人员]|被?询问人员?|被?检查人员?|执法人?员"
    r"|调查人员?|办案人员?|经办人员?|拍摄人|提取人"
    r"|(?<![问查场议上证话笔录行理达改况访谈审核批])记录(?=[:：])"
    r"|监督员|(?:听证)?主持人|听证员|书记员|勘[验查察测]人员?"
    r"|法制审核人员?"
)
_CANDIDATE = re.compile(
    # "签名或盖" or "签名（盖" also: a label cell wrapped its last characters (章）) onto the next line
    rf"(?P<kw>(?:{KEYWORD})(?:(?:或者?|并|及|和|、|/)?(?:签名|签字|盖章|签章|签押|捺印|指印|手印|盖|签)"
    r"|[(（](?:盖|签)(?=\s*$))*[)）]?[:：]?)"
    rf"|(?P<role>(?:{_ROLE_WORDS}|审核人员|负责人)(?:确认)?[:：])"
    r"|(?P<opinion>(?:负责人|审批|审核|承办人|承办机构|法制机构|部门)(?:审批|审核)?意见[:：]?"
    r"|负责人审[批核](?=\s*(?:拟?同意|如拟)))"
)
# The opinion printed in the label's own box ("负责人审批意见同意立案", "负责人意见 拟同意立案。"): the row is
# signed after it or under it, and its words are print.
_OPINION_WORDS = re.compile(r"\s*(?:拟?同意|如拟|批准|准予)[^；;:：0-9]{0,16}[。.]?\s*")
_ROLE_ALONE = re.compile(rf"((?:{_ROLE_WORDS})(?:[(（]签名[)）])?)")
# The heading row of a signing strip: 承办人 | 承办机构负责人 | 负责人, the signatures under them.
_STRIP_ROLE = re.compile(rf"(?:{_ROLE_WORDS}|(?:机关|单位|部门|分管|主要)?负责人)(?:审批|审核)?")
_STRIP_HEADING = re.compile(rf"(?:承办|办案)?(?:机构|部门|科室)?(?:{_ROLE_WORDS}|负责人|领导)?(?:审批|审核)?")
_STRAY = r"[A-Za-z0-9.,'`~|/\\-]"  # a mark the recogniser made of handwriting
# What may stand between a label and the next label (or the end) for the label to be an empty slot:
# blanks, underscores, a pause mark between two signers' slots (调查人：[ink]、[ink]), or a few stray marks
# the recogniser made of handwriting.
_FREE = re.compile(rf"[】\]〕]?[_\s、]*(?:{_STRAY}{{1,3}}[_\s、]*)?")  # (】: a heading in brackets)
# Another field on the line ("法制审核人员：[ink] 法律职业资格证号：A2018…") ends a role label's slot.
_FIELD = re.compile(
    r"[(（]?\s*(?:(?:法律职业资格|职业资格|资格|执法|工作|身份)?证[书件]?(?:编号|号码?)|日期|时间|联系电话|电话)[:：]"
)
_PHRASE_CHAR = re.compile(r"[\u4e00-\u9fff（）()]")
# A box holding only a colon and a few stray marks (the ink after it): a label whose words were lost.
_BARE_COLON = re.compile(rf"\s*([:：])(?:{_STRAY}|[()（）\s_]){{0,5}}")
# A printed field after a label in the same box ("见证人（签名）：[ink]　身份：村委会工作人员"): a field
# name of printed words and a colon. Handwriting the recogniser reads comes out short or unsure, with no
# colon.
_FIELD_AFTER = re.compile(r"[\u4e00-\u9fff]{2,6}[:：]")
_STRAY_CHAR = re.compile(_STRAY)
# Ink between a label's words and its bracketed signing word, read as a few stray marks: "负责人A(签字)".
_STRAY_BEFORE = re.compile(rf"{_STRAY}{{1,3}}(?=[(（]\Z)")
MAX_INK_CHARS = 4  # characters the recogniser may make of a signature after a role label...
INK_READ = 0.6  # ...each read less surely than this (printed characters read at 0.9 and more)
_MAX_PHRASE = 8  # characters of a label's words before its keyword (被询问人签名, 当事人（签名）)
# A printed date, in digits or in Chinese numerals (二〇二六年四月十三日, 〇 read as O or 0).
_DATE = re.compile(
    r"(?:19|20)\d{2}\s*[年.\-/]\s*\d{1,2}\s*[月.\-/]\s*\d{1,2}\s*日?"
    r"|[一二][〇○O0零一二三四五六七八九]{3}\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日"
)
_TEMPLATE_CHAR = re.compile(r"[_\s—:：()（）年月日时分秒号第页共]")
# A qualifier printed in brackets after a label ("见证人签名 （村委会）"): a phrase the recogniser read whole
# in both its brackets is print; handwriting is not written so.
QUALIFIER = re.compile(r"[(（][\u4e00-\u9fff]{2,8}[)）]")
# a label wrapped in its cell after the word joining it to the rest ("受送达人签名或 / 盖章", "签名及 / 日期")
_WRAP_JOIN = re.compile(r"\s*(?:或者?|及|和|与|/)\s*$")
# A row of captions under signing rules read as one box ("被检查人（签名…） 2023/12/12 执法人员"): a role
# word ending the box after a date or a label's closing bracket is a caption of its own.
_TRAILING_ROLE = re.compile(rf"(?:{_DATE.pattern}|[)）])\s*({_ROLE_WORDS})\s*$")


@dataclass(frozen=True)
class Label:
    """A signature label: its line, its box, where its words start and where the label ends (in text)."""

    line: int
    part: OcrBox
    start: int
    end: int
    opinion: bool


def labels_in(part: OcrBox) -> list[tuple[int, int, bool]]:
    """(phrase start, end, is an opinion) of each signature label printed in a box.

    A box that is only a colon and stray marks is a label whose words the recogniser lost ("签名：[ink]"
    read "：eb)"). A role label (询问人：) or an opinion (负责人意见) counts only when nothing but blanks or
    stray marks follows it up to the next label, a printed field or date (role) or the end; a long
    sentence that merely mentions 签名 has none.
    """
    text = mend_text(part.text)
    bare = _BARE_COLON.fullmatch(text)
    if bare:  # "签名：" whose words the recogniser lost: only the colon and the ink read as stray marks
        return [(bare.start(1), bare.end(1), False)]
    alone = _ROLE_ALONE.fullmatch(text.strip())
    if alone:  # a grid's field name in a box of its own: 送达人, 见证人
        return [(text.index(alone.group(1)), text.index(alone.group(1)) + len(alone.group(1)), False)]
    found = list(_CANDIDATE.finditer(text))
    out: list[tuple[int, int, bool]] = []
    for k, m in enumerate(found):
        label_end = m.end()
        if m.lastgroup != "kw":
            stop = found[k + 1].start() if k + 1 < len(found) and m.lastgroup == "role" else len(text)
            if m.lastgroup == "role":  # a field or a date printed after the slot ends it
                ends = [e.start() for e in (_FIELD.search(text, m.end()), _DATE.search(text, m.end())) if e]
                stop = min([stop, *ends])
            if m.lastgroup == "opinion" and _OPINION_WORDS.fullmatch(text, m.end(), stop):
                label_end = stop  # the opinion's printed words belong to the label
            elif not _FREE.fullmatch(text, m.end(), stop) and not _ink_read(part, text, m.end(), stop):
                continue
        if len(text) > 30 and m.group(0)[-1:] not in ":：":
            continue
        floor = out[-1][1] if out else 0
        start = m.start()
        stray = _STRAY_BEFORE.search(text, floor, start) if m.lastgroup == "kw" else None
        if stray and stray.start() > floor and _PHRASE_CHAR.match(text[stray.start() - 1]):
            start = stray.start()  # "负责人A(签字)": the ink between the words and 签字 read as a stray mark
        while start > max(floor, m.start() - _MAX_PHRASE) and _PHRASE_CHAR.match(text[start - 1]):
            start -= 1
        out.append((start, label_end, m.lastgroup == "opinion"))
    trailing = _TRAILING_ROLE.search(text)
    if trailing and all(end <= trailing.start(1) for _, end, _ in out):
        out.append((trailing.start(1), trailing.end(1), False))
    return out


def _ink_read(part: OcrBox, text: str, start: int, stop: int) -> bool:
    """Whether what follows a role label up to `stop` is handwriting the recogniser read as a few characters
    it was unsure of ("审批人：号号号", each at about 0.4): the slot is signed, not a printed name."""
    rest = text[start:stop]
    core = rest.strip(" _、")
    if not core or len(core) > MAX_INK_CHARS or len(part.scores) != len(part.text):
        return False
    first = start + len(rest) - len(rest.lstrip(" _、"))
    return all(score < INK_READ for score in part.scores[first : first + len(core)])


def _strip_headings(line: OcrLine) -> list[tuple[int, int, bool]] | None:
    """For the heading row of a signing strip (承办人 | 承办机构负责人 | 负责人: two or more boxes, each a
    short heading naming a signer, with no colon), a label over each box's whole text (the ink stands
    under the headings); None for any other line."""
    texts = [mend_text(part.text).strip() for part in line.parts]
    if len(texts) < 2 or not all(t and _STRIP_HEADING.fullmatch(t) for t in texts):
        return None
    if sum(_STRIP_ROLE.fullmatch(t) is not None for t in texts) < 2:
        return None
    return [(len(part.text) - len(part.text.lstrip()), len(part.text.rstrip()), False) for part in line.parts]


def find_labels(lines: list[OcrLine]) -> list[Label]:
    """Every signature label on the page, line by line, left to right."""
    found = []
    for i, line in enumerate(lines):
        strip = _strip_headings(line)
        for k, part in enumerate(line.parts):
            spans = [strip[k]] if strip is not None else labels_in(part)
            found += [Label(i, part, start, end, opinion) for start, end, opinion in spans]
    return found


def line_em(lines: list[OcrLine]) -> float:
    """The page's usual box height (pixels): the median over its lines' boxes."""
    heights = [p.box[3] - p.box[1] for line in lines for p in line.parts]
    return float(statistics.median(heights)) if heights else 20.0


def _units(char: str) -> float:
    return 1.0 if unicodedata.east_asian_width(char) in "FW" else 0.5


def char_spans(part: OcrBox, em: float) -> list[tuple[float, float]]:
    """The x extent (pixels) of each character of a box.

    With the engine's character centres: a pitch measured between neighbouring full-width characters
    (within [0.5, 1.0] em, 0.8 em when none are neighbours). Without: characters laid out from the box's
    left edge at the box's share per unit, at most 0.85 em (the engine pads boxes by about a quarter of
    the glyph size, and a box may have swallowed handwriting its text does not hold).
    """
    text = part.text
    units = [_units(c) for c in text]
    if text and len(part.chars) == len(text):
        steps = [
            b - a
            for a, b, u, v in zip(part.chars, part.chars[1:], units, units[1:], strict=False)
            if u == v == 1.0 and 0 < b - a < 1.3 * em
        ]
        pitch = min(max(sorted(steps)[len(steps) // 2], 0.5 * em), em) if steps else 0.8 * em
        return [(c - pitch * u / 2, c + pitch * u / 2) for c, u in zip(part.chars, units, strict=True)]
    x0, _, x1, _ = part.box
    pitch = min((x1 - x0) / max(sum(units), 0.5), 0.85 * em)
    spans, x = [], x0
    for u in units:
        spans.append((x, x + pitch * u))
        x += pitch * u
    return spans


def printed_spans(part: OcrBox, em: float) -> list[tuple[float, float]]:
    """x extents of the printed characters of a label box: its labels' words, dates, a qualifier in
    brackets after them and template marks (年 月 日, brackets, underscores). Anything else may be
    handwriting the recogniser read as text. The characters of a date have full-width extents (see
    `glyph_spans`)."""
    spans = char_spans(part, em)
    glyphs = glyph_spans(part, em)
    keep = [False] * len(part.text)
    text = mend_text(part.text)
    bare = _BARE_COLON.fullmatch(text)
    if bare:  # only the colon is print: "：eb)" is "签名：[ink]"
        return [spans[bare.start(1)]]
    found = labels_in(part)
    for start, end, _ in found:  # not the stray marks read from ink inside a label ("负责人A(签字)")
        keep[start:end] = [not _STRAY_CHAR.match(char) for char in text[start:end]]
        join = _WRAP_JOIN.match(text, end)
        if join is not None:
            keep[end : join.end()] = [True] * (join.end() - end)
    field = _field_start(text, found)
    if field is not None:
        keep[field:] = [True] * (len(text) - field)
    for m in _DATE.finditer(part.text):
        keep[m.start() : m.end()] = [True] * (m.end() - m.start())
        spans[m.start() : m.end()] = glyphs[m.start() : m.end()]
    for m in QUALIFIER.finditer(text, found[-1][1] if found else 0):
        keep[m.start() : m.end()] = [True] * (m.end() - m.start())
    for i, char in enumerate(part.text):
        keep[i] = keep[i] or bool(_TEMPLATE_CHAR.match(char))
    return [span for span, printed in zip(spans, keep, strict=True) if printed]


def field_after(part: OcrBox) -> int | None:
    """Where a printed field starts after the box's last label ("身份：…" in "见证人（签名）：　身份：…"):
    it ends that label's slot and is print, not ink; None without one."""
    return _field_start(mend_text(part.text), labels_in(part))


def _field_start(text: str, found: list[tuple[int, int, bool]]) -> int | None:
    m = _FIELD_AFTER.search(text, found[-1][1]) if found else None
    return m.start() if m else None


def glyph_spans(part: OcrBox, em: float) -> list[tuple[float, float]]:
    """`char_spans` widened to the box's widest character round each middle: a printed 〇 read as "O" or
    "0" is as wide as the characters round it."""
    spans = char_spans(part, em)
    full = max((b - a for a, b in spans), default=0.0)
    return [(min(a, (a + b - full) / 2), max(b, (a + b + full) / 2)) for a, b in spans]


def char_middles(line: OcrLine, em: float) -> tuple[float, ...]:
    """The x middle (pixels) of each character of the line's `text`, a space put between two parts
    standing in the middle of the gap between them."""
    out: list[float] = []
    for n, part in enumerate(line.parts):
        if n and apart(line.parts[n - 1], part):
            out.append((line.parts[n - 1].box[2] + part.box[0]) / 2)
        out.extend((a + b) / 2 for a, b in char_spans(part, em))
    return tuple(out)

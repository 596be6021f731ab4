"""Signature ink on a page image: for every printed signature label among the OCR lines (被询问人签名,
当事人（签名）, 受送达人签收, 负责人意见…), the zone to its right (or below) is inspected for ink that is
neither a recognised printed word nor a ruled line or underscores. (Seals: `ocr.seals`.)
"""

from __future__ import annotations

import re

import numpy as np

from casefile_eval.ocr.captions import rule_above, zone_over_rule
from casefile_eval.ocr.cells import value_cell
from casefile_eval.ocr.confusables import normalize_ocr_text
from casefile_eval.ocr.ink import STRONG, clear_holes, ink_levels, mend_broken_rules, zone_verdict
from casefile_eval.ocr.labels import (
    KEYWORD,
    QUALIFIER,
    Label,
    char_spans,
    field_after,
    find_labels,
    glyph_spans,
    labels_in,
    line_em,
    printed_spans,
)
from casefile_eval.ocr.page import Box, OcrBox, OcrLine, OcrMark
from casefile_eval.parsers.header_rows import is_field_name, is_header_row, row_label, starts_field
from casefile_eval.textnorm import CLOSE_HEADING, OPINION

_CJK = re.compile(r"[\u4e00-\u9fff]")
_PROSE_CHARS, _PROSE_CONFIDENCE = 8, 0.9
BORDER_SPAN = 0.9  # of a zone's width inked on one row: a table's rule across it
_OPINION_CONFIDENCE = 0.8  # an opinion's words read at least this surely
_OPINION_CHAR = 0.75  # ...each of its characters, where unsure characters run before it
_OPINION_END = re.compile(rf"({OPINION.pattern})[。.:：]?\s*$")
_SENTENCE = re.compile(r"[\u4e00-\u9fff]{2,}[，,、；;\u4e00-\u9fff]*。")  # (commas as OCR text has them)
_GRID_LINES = 16  # line heights a grid's column of records may reach below its header
_TEMPLATE = re.compile(
    r"^(?:日期|时间|[\s_—\-－.…:：/()（）年月日时分秒号第页共0-9〇一二三四五六七八九十])*$"
)
_DIGITS_READ = re.compile(r"[\d\s./\\-]{1,4}")
# A grid's column heading asking for signatures: 签章/日期, 签名, 签字及日期
_SIGN_HEADING = re.compile(r"(?:签名|签字|签章|盖章)(?:[/、及和]?(?:日期|时间))?")
# a signing caption cut at its line's end, its last characters wrapped onto the next line (（盖 / 章）)
_CUT_CAPTION = re.compile(r"(?:签名|签字)(?:([(（])|或者?)(?:盖|签)\s*$")
# A printed blank "(　　　)" read through noise: brackets, or a bracket read as 《 》 [ | C.
_BRACKETS = re.compile(r"^[\s()（）《》〈〉<>\[\]【】{}|Cc]+$")
CAPTION_REACH = 12.0  # line heights left of a caption after its blank where the blank may begin
RULE_BEFORE = 3.0  # line heights left of a bare "（签名）" that a rule to sign on covers
_CELL_BELOW = 2.2  # line heights under a label at the top of a tall cell where its signature may stand
_INNER_GAP = 1.5  # line heights between two characters of a label that leave a blank to sign on
HAND_TALL = 1.4  # label heights of a line written by hand where it starts in a label's zone
LARGE_HAND = 1.8  # label heights a line's box reaches when written by hand under it, not printed
PRINT_SLACK = 0.3  # ems by which ink may stand out of the printed characters of a label and still be print


def _printed(part: OcrBox) -> bool:
    """A box of print: template words, a sentence about signing, or a line of prose read with confidence
    (handwriting is not read as eight or more sure characters; a signature the engine swallowed into a
    label's box is handled by that label's own character spans)."""
    text = normalize_ocr_text(part.text)
    if _DIGITS_READ.fullmatch(text) and part.confidence < _PROSE_CONFIDENCE:
        return False  # handwriting read unsurely as a few digits ("38"): printed digits are read surely
    if _TEMPLATE.match(text) or _BRACKETS.match(text) or re.search(KEYWORD, text):
        return True
    if _qualifier(part):
        return True
    cjk = len(_CJK.findall(text))
    return cjk >= _PROSE_CHARS and cjk >= 0.6 * len(text) and part.confidence >= _PROSE_CONFIDENCE


def _qualifier(part: OcrBox) -> bool:
    """A qualifier in brackets read with confidence ("（村委会）" printed in the value cell after
    见证人签名)."""
    text = normalize_ocr_text(part.text).strip()
    return QUALIFIER.fullmatch(text) is not None and part.confidence >= _PROSE_CONFIDENCE


def _printed_sentence(part: OcrBox) -> bool:
    """A short sentence read with confidence to its full stop ("同意。" printed after 负责人意见):
    handwriting is not read with a full stop. Only its characters are print: the engine's box may have
    swallowed the signature written after it ("同意结案。[ink]")."""
    text = normalize_ocr_text(part.text)
    return part.confidence >= _PROSE_CONFIDENCE and _SENTENCE.fullmatch(text) is not None


def _opinion(part: OcrBox) -> bool:
    """A box read with some confidence as an opinion and nothing else ("同意", "同意立案。", "同意：",
    printed or written in an opinion row): the opinion is not the approver's name, and ink that is only an
    opinion signs nothing. (No name is read as an opinion's words: a handwritten 同意 read less surely
    than print still is one.)"""
    text = normalize_ocr_text(part.text).strip().rstrip("。.:：")
    return part.confidence >= _OPINION_CONFIDENCE and OPINION.fullmatch(text) is not None


def _opinion_tail(part: OcrBox) -> int | None:
    """Where an opinion read surely ends a box after characters read unsurely ("二策《同意：": the print
    of the next sheet showing through a grease stain, run into the printed 同意：): the index of its first
    character, whose glyphs and those after are print; None when the box does not end so."""
    if not part.scores or len(part.scores) != len(part.text):
        return None
    match = _OPINION_END.search(part.text)
    if match is None or match.start() == 0:
        return None
    words = part.scores[match.start() : match.start() + len(match.group(1))]
    if min(words) < _OPINION_CHAR or min(part.scores[: match.start()]) >= _OPINION_CHAR:
        return None
    return match.start()


def _handwriting_read(line: OcrLine) -> bool:
    """A line that may be handwriting the engine read as text ("#", "张三"): read unsurely, and neither
    print, a label nor a printed field."""
    return all(
        p.confidence < _PROSE_CONFIDENCE and not _printed(p) and not labels_in(p) and not starts_field(p.text)
        for p in line.parts
    )


def _may_be_handwriting(line: OcrLine, h: float) -> bool:
    """A line that may be handwriting: read unsurely (`_handwriting_read`), or written far taller than the
    print around it (a name and date written large under an opinion, "孔德华2022.9.14", read surely), and
    neither print, a label nor a printed field."""
    if _handwriting_read(line):
        return True
    return line.box[3] - line.box[1] >= LARGE_HAND * h and not any(
        _printed(p) or _printed_sentence(p) or labels_in(p) or starts_field(p.text) for p in line.parts
    )


def _printed_field(part: OcrBox) -> bool:
    """A box read with confidence that starts a printed field of its own ("法律职业资格证号：A2018…"):
    a field name and a colon (handwriting the engine reads comes out short or unsure, and has no colon)."""
    return part.confidence >= _PROSE_CONFIDENCE and starts_field(part.text)


def find_signatures(rgb: np.ndarray, lines: list[OcrLine]) -> list[OcrMark]:
    """A SIGNATURE mark for every signature label whose zone holds ink; nothing for a blank zone.

    Where a line holds several labels, each has its own zone: from the end of its words to the start of
    the next label's words on that line (the last one reaches 12 line heights or the page's edge).
    """
    labels = find_labels(lines)
    if not labels:
        return []
    em = line_em(lines)
    ink = ink_levels(rgb)
    clear_holes(ink, rgb, em)
    mend_broken_rules(ink, em)
    # each caption's own short rule, found before the print is blanked (the caption's box may reach it)
    rules = [_caption_rule(ink, label, em) for label in labels]
    for index, line in enumerate(lines):
        for part in line.parts:
            _blank_printed(ink, part, em)
        _blank_wrapped_tail(ink, lines, index, em)
        _blank_unread_tail(ink, lines, index, em)
    marks = []
    for label, rule in zip(labels, rules, strict=True):
        column = _signing_column(lines, label, em)
        if column is not None:  # a grid's column headed 签章/日期: each row's ink goes with its row
            marks += _column_marks(ink, lines, column, em)
            continue
        if _caption_after_blank(ink, label, em):  # "＿＿＿（被询问人签名）": signed on the rule left of it
            # ...or, printed under a short rule of its own, on that rule
            h = _label_height(label, em)
            verdict = _best(
                [_caption_verdict(ink, label, labels, em), _over_rule_verdict(ink, lines, label, rule, h)]
            )
            if verdict is not None:
                marks += [OcrMark("signature", box, verdict[0], label.line) for box in verdict[1]]
            continue
        starts = [
            char_spans(other.part, em)[other.start][0]
            for other in labels
            if other.line == label.line and other is not label
        ]
        # a field printed further along the line ends the zone too ("法律职业资格证号：…")
        # (where its first character stands: the box may have swallowed the handwriting before it)
        fields = [p for p in lines[label.line].parts if p is not label.part and _printed_field(p)]
        starts += [char_spans(p, em)[0][0] for p in fields]
        inside = field_after(label.part)  # ...or in the label's own box ("见证人（签名）：　身份：…")
        if inside is not None and inside >= label.end:
            starts.append(char_spans(label.part, em)[inside][0])
        verdict = _label_verdict(ink, lines, label, starts, em, labels, rule)
        if verdict is not None:
            marks += [OcrMark("signature", box, verdict[0], label.line) for box in verdict[1]]
    return marks


def _signing_column(lines: list[OcrLine], label: Label, em: float) -> Box | None:
    """For a column heading that asks for signatures in a grid's heading row ("环节 | 意见 | 签章/日期"),
    the column under it: from where the text of the column on its left ends to where the text on its
    right starts, down to a line reaching across it or `_GRID_LINES` line heights."""
    parts = lines[label.line].parts
    if len(parts) < 2 or not _SIGN_HEADING.fullmatch(normalize_ocr_text(label.part.text).replace(" ", "")):
        return None
    x0, top, x1, bottom = label.part.box
    centre, h = (x0 + x1) / 2, max(bottom - top, em)
    left, right, lower = 0.0, float("inf"), bottom + _GRID_LINES * h
    for line in lines[label.line + 1 :]:
        if line.box[1] >= lower:
            break
        if any(p.box[0] < centre < p.box[2] and p.box[2] - p.box[0] > 2 * (x1 - x0) for p in line.parts):
            lower = line.box[1]  # a line across the column ends the grid
            break
        left = max([left] + [p.box[2] for p in line.parts if p.box[2] < x0])
        right = min([right] + [p.box[0] for p in line.parts if p.box[0] > x1])
    right = min(right, x1 + (x1 - left))
    return (left, bottom + 0.2 * h, right, lower) if lower - bottom > 2 * h else None


def _column_marks(ink: np.ndarray, lines: list[OcrLine], column: Box, em: float) -> list[OcrMark]:
    """A mark for each signature in a signing column, on the line of its row (the line nearest it)."""
    verdict = zone_verdict(ink, column, em)
    if verdict is None:
        return []
    marks = []
    for box in verdict[1]:
        middle = (box[1] + box[3]) / 2
        row = min(range(len(lines)), key=lambda i: max(lines[i].box[1] - middle, middle - lines[i].box[3], 0))
        marks.append(OcrMark("signature", box, verdict[0], row))
    return marks


def on_printed_field(mark: OcrMark, lines: list[OcrLine], em: float) -> bool:
    """A signature mark lying within a field name printed and read surely ("备注" in the cell a grid's
    column of signatures reaches down to), between its first and last character: the print, not
    handwriting. (A signature label's own box is left alone: it may have swallowed the ink written beside
    the label; so may a field's box the ink written just before it.)"""
    if mark.kind != "signature":
        return False
    x0, top, x1, bottom = mark.box
    area = max((x1 - x0) * (bottom - top), 1.0)
    for line in lines:
        for part in line.parts:
            (px0, px1), (_, ptop, _, pbottom) = _printed_extent(part, em), part.box
            inside = max(0.0, min(x1, px1) - max(x0, px0)) * max(0.0, min(bottom, pbottom) - max(top, ptop))
            text = normalize_ocr_text(part.text).strip(" :：")
            if (
                inside >= 0.8 * area
                and part.confidence >= _PROSE_CONFIDENCE
                and is_field_name(text)
                and not labels_in(part)
            ):
                return True
    return False


def on_printed_label(mark: OcrMark, lines: list[OcrLine], em: float) -> bool:
    """A signature mark lying wholly over the words of a label box up to its colon ("签收人：", "签收日期：
    2024-8-9"): what is left of a printed character after its estimated span was blanked, not ink. A
    label's words end at its colon and the ink follows it (in the box, when the box swallowed it, or
    beyond); a box that is only a field name (签收时间, a grid's cell) is print throughout; any other label
    without a colon is left alone."""
    if mark.kind != "signature":
        return False
    x0, top, x1, bottom = mark.box
    slack = PRINT_SLACK * em
    for line in lines:
        for part in line.parts:
            ptop, pbottom = part.box[1], part.box[3]
            if min(bottom, pbottom) - max(top, ptop) < 0.8 * (bottom - top) or not labels_in(part):
                continue
            colon = max(part.text.rfind("："), part.text.rfind(":"))
            if colon < 0 and is_field_name(normalize_ocr_text(part.text)):
                colon = len(part.text) - 1  # a grid's field name in a box of its own (签收时间): all print
            words = char_spans(part, em)[: colon + 1]
            for a, b in _runs(words, slack):
                if a - slack <= x0 and x1 <= b + slack:
                    return True
    return False


def _runs(spans: list[tuple[float, float]], gap: float) -> list[tuple[float, float]]:
    """Spans joined where they touch or stand less than `gap` apart."""
    out: list[tuple[float, float]] = []
    for a, b in sorted(spans):
        if out and a - out[-1][1] < gap:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _blank_printed(ink: np.ndarray, part: OcrBox, em: float) -> None:
    """Remove the ink of printed words: in a label box only the printed characters, in a template box
    (a date, 年 月 日) read with character positions only its characters (the engine's box often swallows
    the handwriting beside a label or before a date, or reads it as stray characters); other printed
    boxes whole from their first character to their last (a box may have swallowed the signature written
    just before a printed field: "受送达人签名：[ink]与当事人关系：本人")."""
    top, bottom = part.box[1], part.box[3]
    rows = slice(max(round(top) - 1, 0), round(bottom) + 1)
    if labels_in(part):
        spans = printed_spans(part, em)
    elif _printed(part):
        spans = _template_glyphs(part, em) or [_printed_extent(part, em)]
    elif _printed_sentence(part) or _opinion(part):
        spans = glyph_spans(part, em)
    elif (tail := _opinion_tail(part)) is not None:
        spans = glyph_spans(part, em)[tail:]
    else:
        return
    for a, b in spans:
        ink[rows, max(round(a) - 1, 0) : round(b) + 1] = 0


def _blank_wrapped_tail(ink: np.ndarray, lines: list[OcrLine], index: int, em: float) -> None:
    """Remove the ink of a label's last character wrapped onto the next line of its cell ("受送达人签名或盖 /
    章 （签收）"): 章 or 字 opening line `index`, under the start of a box on the line above that ends in 盖
    or 签."""
    if index == 0 or not lines[index].parts:
        return
    first = lines[index].parts[0]
    text = first.text.lstrip()
    if not text or text[0] not in "章字" or (len(text) > 1 and not text[1].isspace()):
        return
    above = [p for p in lines[index - 1].parts if abs(p.box[0] - first.box[0]) <= em]
    if not any(p.text.rstrip().endswith(("盖", "签")) for p in above):
        return
    top, bottom = first.box[1], first.box[3]
    a, b = char_spans(first, em)[first.text.index(text[0])]
    ink[max(round(top) - 1, 0) : round(bottom) + 1, max(round(a) - 1, 0) : round(b) + 1] = 0


def _blank_unread_tail(ink: np.ndarray, lines: list[OcrLine], index: int, em: float) -> None:
    """Remove the ink of a caption's characters wrapped onto the next line of its cell when the engine did
    not read them: under a line ending in a cut caption ("受送达人签名（盖" over 章）, "签名或盖" over 章),
    the characters that complete it, at the start of the line below, where no line starts."""
    part = lines[index].parts[-1] if lines[index].parts else None
    cut = _CUT_CAPTION.search(part.text) if part is not None else None
    if part is None or cut is None:
        return
    x0, _, _, bottom = part.box
    h = min(part.box[3] - part.box[1], 1.2 * em)
    nearby = [line for line in lines[index + 1 :] if line.box[1] < bottom + 1.3 * h]
    if any(p.box[0] < x0 + h and p.box[2] > x0 for line in nearby for p in line.parts):
        return  # the tail was read (`_blank_wrapped_tail` takes it out) or something else stands there
    width = (2 if cut.group(1) else 1) * h
    columns = slice(max(round(x0 - 0.2 * h), 0), round(x0 + width + 0.2 * h))
    ink[round(bottom) : round(bottom + 1.3 * h), columns] = 0


def _printed_extent(part: OcrBox, em: float) -> tuple[float, float]:
    """A printed box's extent from its first character to its last where the engine gave their
    positions, else the whole box."""
    x0, _, x1, _ = part.box
    if len(part.chars) != len(part.text) or not part.text:
        return x0, x1
    glyphs = glyph_spans(part, em)
    return max(x0, glyphs[0][0]), min(x1, glyphs[-1][1])


def _template_glyphs(part: OcrBox, em: float) -> list[tuple[float, float]]:
    """The extents of the characters of a template box (a date, 年 月 日) read with character positions;
    empty for any other box."""
    if not _TEMPLATE.match(normalize_ocr_text(part.text)) or len(part.chars) != len(part.text):
        return []
    return [span for span, char in zip(glyph_spans(part, em), part.text, strict=True) if not char.isspace()]


def _label_height(label: Label, em: float) -> float:
    """A label's line height: its box's, at most 1.2 of the page's."""
    _, top, _, bottom = label.part.box
    return max(min(bottom - top, 1.2 * em), 8.0)


def _caption_rule(ink: np.ndarray, label: Label, em: float) -> tuple[float, float, float] | None:
    """The short rule a caption is printed under (see `ocr.captions`), or None; none for a label ending in
    a colon (主要负责人签字：): it is signed after the colon, and a rule over it is the row's border."""
    if label.part.text[label.end - 1 : label.end] in (":", "："):
        return None
    spans = char_spans(label.part, em)
    _, top, _, bottom = label.part.box
    return rule_above(
        ink, (spans[label.start][0], top, spans[label.end - 1][1], bottom), _label_height(label, em)
    )


def _label_verdict(
    ink: np.ndarray,
    lines: list[OcrLine],
    label: Label,
    starts: list[float],
    em: float,
    labels: list[Label],
    rule: tuple[float, float, float] | None,
) -> tuple[float, list[Box]] | None:
    """The best verdict over the zone right of a label (up to the next label's start among `starts`)
    and, for opinions, a label at the edge or one that ends its line, below it. An opinion whose right
    zone holds a signature label of its own (负责人意见 | 同意。 签名：) leaves the verdict to that label:
    the zone's other ink is the printed opinion. A caption printed under a short rule of its own (`rule`)
    is signed above the rule."""
    width = ink.shape[1]
    _, top, _, bottom = label.part.box
    h = _label_height(label, em)
    spans = char_spans(label.part, em)
    x0, start = spans[label.start][0], spans[label.end - 1][1]
    if label.part.text[label.end : label.end + 1] in CLOSE_HEADING and label.end < len(spans):
        start = spans[label.end][1]  # 【机关负责人意见】: the bracket is print
    stop = min([s for s in starts if s > start] + [start + 12 * h, float(width)])
    right = (start, top - 0.7 * h, stop, _right_foot(lines, label, (start, stop), h))
    verdicts = [_over_rule_verdict(ink, lines, label, rule, h)]
    column = _column_below(lines, label, h, width)
    if column is not None:
        verdicts.append(zone_verdict(ink, column, h))
        return _best(verdicts)
    inner = _gaps_within(label, spans, top - 0.7 * h, bottom + 0.7 * h, h)
    verdicts += [zone_verdict(ink, gap, h, floor=bottom) for gap in inner]
    if stop - start >= 1.5 * h and not (label.opinion and _holds_label(right, label, labels)):
        verdicts.append(zone_verdict(ink, right, h, floor=bottom))
    parts = lines[label.line].parts
    # a label that ends its line ("签名：" in a cell's corner, a label alone): the signature may be under it
    # (a qualifier printed after it, "见证人签名 （村委会）", asks for no signature of its own)
    after = parts[parts.index(label.part) + 1 :]
    ends_line = all(_qualifier(p) for p in after) and not label.part.text[label.end :].strip(" _:：")
    if stop - start < 3 * h or label.opinion or ends_line:
        verdicts.append(_below_verdict(ink, lines, label, x0, h))
    elif not any(verdicts):  # nothing beside a label at the top of a tall cell: under it
        verdicts.append(_cell_below(ink, lines, label, (x0, stop), h))
    if ends_line and not any(verdicts):  # signed anywhere in the wide ruled cell beside it (a 回证's)
        cell = value_cell(ink, label.part.box, start, h)
        verdicts.append(zone_verdict(ink, cell, h) if cell is not None else None)
    if label.opinion and not any(verdicts):
        verdicts.append(_date_row_verdict(ink, lines, label, labels, x0, h))
    return _best(verdicts)


def _right_foot(lines: list[OcrLine], label: Label, stretch: tuple[float, float], h: float) -> float:
    """The foot of the zone right of a label: 0.7 line heights under the label's line, or lower where a
    line written large by hand starts within that reach, wholly in the stretch beside the label (the
    收件人's name written a line and a half high, sitting on the row's foot): down to that line's foot."""
    x0, x1 = stretch
    foot = label.part.box[3] + 0.7 * h
    for line in lines[label.line + 1 :]:
        if line.box[1] >= foot:
            break
        if (
            line.box[3] > foot
            and line.box[3] - line.box[1] >= HAND_TALL * h
            and x0 - 0.5 * h <= line.box[0]
            and line.box[2] <= x1
            and not any(_printed(p) or labels_in(p) or starts_field(p.text) for p in line.parts)
        ):
            foot = min(line.box[3] + 0.2 * h, label.part.box[3] + 3 * h)
    return foot


_DATE_ONLY = re.compile(r"[\d〇○一二三四五六七八九十年月日./\-\s]{6,}")
OPINION_ROWS = 4  # lines under an opinion's label down to the row of its date


def _date_row_verdict(
    ink: np.ndarray, lines: list[OcrLine], label: Label, labels: list[Label], x0: float, h: float
) -> tuple[float, list[Box]] | None:
    """An opinion signed on its date's row with the 签名 caption under the ink unread (a fax: the name
    written across the caption): the zone left of the first line under the label that is only a date,
    from the label's left edge, when no other label stands between."""
    others = {other.line for other in labels if other is not label}
    for k in range(label.line + 1, min(label.line + 1 + OPINION_ROWS, len(lines))):
        if k in others:
            return None
        line = lines[k]
        if not _DATE_ONLY.fullmatch("".join(part.text for part in line.parts).strip()):
            continue
        zone = (x0, line.box[1] - 0.8 * h, line.box[0] - 0.3 * h, line.box[3] + 0.3 * h)
        return zone_verdict(ink, zone, h) if zone[2] - zone[0] > 2 * h else None
    return None


def _caption_after_blank(ink: np.ndarray, label: Label, em: float) -> bool:
    """Whether a label is a caption in brackets after the blank it names, with nothing but a rule before
    it in its box: "（被询问人签名）" (the signer named inside), or "（签名）" standing right after a printed
    rule (负责人 （签章）[seal] is one label signed after it)."""
    text = label.part.text
    words = text[label.start : label.end]
    if label.opinion or words[:1] not in ("（", "(") or words[-1:] not in ("）", ")"):
        return False
    if text[: label.start].strip(" _＿"):
        return False
    return re.match(KEYWORD, words[1:]) is None or _rule_before(ink, label, em)


def _rule_before(ink: np.ndarray, label: Label, em: float) -> bool:
    """Whether a printed rule ends just left of a label at its foot: a row of ink along most of the
    RULE_BEFORE line heights before the label."""
    h = _label_height(label, em)
    start = char_spans(label.part, em)[label.start][0]
    bottom = label.part.box[3]
    rows = ink[
        max(round(bottom - 0.5 * h), 0) : round(bottom + 0.3 * h),
        max(round(start - RULE_BEFORE * h), 0) : max(round(start - 0.2 * h), 0),
    ]
    return bool(rows.size) and float((rows > 0).mean(axis=1).max()) >= 0.8


def _caption_verdict(
    ink: np.ndarray, label: Label, labels: list[Label], em: float
) -> tuple[float, list[Box]] | None:
    """The zone left of a caption after its blank: from the end of the label before it on its line (or
    CAPTION_REACH line heights) to the caption's bracket, from a line height and a half over the caption
    (ink stands on the rule and rises over it) to its foot."""
    h = _label_height(label, em)
    _, top, _, bottom = label.part.box
    x1 = char_spans(label.part, em)[label.start][0]
    ends = [
        char_spans(other.part, em)[other.end - 1][1]
        for other in labels
        if other.line == label.line and other is not label
    ]
    x0 = max([e for e in ends if e < x1] + [x1 - CAPTION_REACH * h, 0.0])
    if x1 - x0 < 1.5 * h:
        return None
    return zone_verdict(ink, (x0, top - 1.5 * h, x1, bottom), h, floor=bottom)


def _best(verdicts: list[tuple[float, list[Box]] | None]) -> tuple[float, list[Box]] | None:
    """The surest of the zones' verdicts; None when every zone is blank."""
    found = [v for v in verdicts if v is not None]
    return max(found, key=lambda v: v[0]) if found else None


def _over_rule_verdict(
    ink: np.ndarray, lines: list[OcrLine], label: Label, rule: tuple[float, float, float] | None, h: float
) -> tuple[float, list[Box]] | None:
    """For a caption printed under a short rule of its own (受送达人（签字） under a blank line), the zone
    above the rule, up to the foot of the print above it; None where print stands on the rule."""
    if rule is None:
        return None
    a, y, b = rule
    if any(
        y - 1.5 * h < line.box[3] < y + 0.3 * h
        and line.box[0] < b
        and line.box[2] > a
        and all(part.confidence >= _PROSE_CONFIDENCE for part in line.parts)
        for line in lines[: label.line]
    ):
        return None  # a value read surely on the rule: a field filled in type (当事人 under "向海波")
    ceiling = max(
        [
            line.box[3]
            for line in lines[: label.line]
            if line.box[3] < y - 0.5 * h
            and line.box[0] < b
            and line.box[2] > a
            and not _may_be_handwriting(line, h)
        ],
        default=0.0,
    )
    zone = zone_over_rule(rule, h, ceiling)
    return zone_verdict(ink, zone, h) if zone is not None else None


def _cell_below(
    ink: np.ndarray, lines: list[OcrLine], label: Label, stretch: tuple[float, float], h: float
) -> tuple[float, list[Box]] | None:
    """For a label at the top of a tall cell whose blank beside it is empty ("被询问人签章：" over the ink,
    the next label further along the line), the band right under it: its stretch up to the next label,
    two line heights down or to the next line starting under it."""
    x0, x1 = stretch
    bottom = label.part.box[3]
    lower = bottom + _CELL_BELOW * h
    for line in lines[label.line + 1 :]:
        if line.box[1] < lower and line.box[0] < x1 and not _may_be_handwriting(line, h):
            lower = line.box[1]
            break
    # (ink cut by the band's foot is the top of a signature of the row below: not this label's)
    return (
        zone_verdict(ink, (x0, bottom + 0.2 * h, x1, lower - 1), h, floor=bottom)
        if lower - bottom > h
        else None
    )


def _gaps_within(
    label: Label, spans: list[tuple[float, float]], top: float, bottom: float, h: float
) -> list[Box]:
    """Zones between a label's words and its bracketed signing word standing apart ("负责人 [ink] （签字）":
    the blank to sign on printed inside the label, the engine's box read over the ink)."""
    text = label.part.text
    gaps = []
    for i in range(label.start + 1, label.end):
        if text[i] not in "（(":
            continue
        word = i - 1  # the last printed word before the bracket, past stray marks read from the ink
        while word > label.start and not _CJK.match(text[word]):
            word -= 1
        if spans[i][0] - spans[word][1] >= _INNER_GAP * h:
            gaps.append((spans[word][1], top, spans[i][0], bottom))
    return gaps


def _holds_label(zone: Box, label: Label, labels: list[Label]) -> bool:
    """True when another label's box lies in `zone` (on another line than `label`)."""
    x0, top, x1, bottom = zone
    for other in labels:
        ox0, otop, ox1, obottom = other.part.box
        if other.line != label.line and ox0 < x1 and ox1 > x0 and otop < bottom and obottom > top:
            return True
    return False


def _column_below(lines: list[OcrLine], label: Label, h: float, width: int) -> Box | None:
    """For a label in a grid's header row (受送达人签收 | 送达人 | 见证人), its column below: halfway to
    the neighbouring field names, down over the grid's records (a 回证 lists one document a row) to the
    next header or labelled line, or to a line reaching across the column's edge (a 备注 or a sentence
    under the grid), at most `_GRID_LINES` line heights. None where a row's own label stands under the
    first field name: the row was labels beside their values."""
    parts = lines[label.line].parts
    if not is_header_row([p.text for p in parts]):
        return None
    k = parts.index(label.part)
    left = (parts[k - 1].box[2] + parts[k].box[0]) / 2 if k > 0 else parts[k].box[0] - 4 * h
    right = (parts[k].box[2] + parts[k + 1].box[0]) / 2 if k + 1 < len(parts) else parts[k].box[2] + 4 * h
    bottom = label.part.box[3]
    lower = bottom + _GRID_LINES * h
    used = False
    for line in lines[label.line + 1 :]:
        if line.box[1] >= lower:
            break
        first = line.parts[0]
        if not used and row_label(first.text, first.box, parts[0].box, h):
            return None  # labels beside values: "被询问人签字 [ink] 记录人 [ink]" over "执法人员签字 [ink]"
        used = used or first.box[0] < parts[0].box[2]  # a record's first cell written under the first name
        across = any(p.box[0] < edge - h < edge + h < p.box[2] for p in line.parts for edge in (left, right))
        if is_header_row([p.text for p in line.parts]) or starts_field(line.text) or across:
            lower = line.box[1]
            break
    return (max(left, 0.0), bottom + 0.2 * h, min(right, float(width)), lower - 1)


def _below_verdict(
    ink: np.ndarray, lines: list[OcrLine], label: Label, x0: float, h: float
) -> tuple[float, list[Box]] | None:
    """The zone under a label, down to the next line that starts under the label (at most 4 lines) or a
    ruled line across it (`_border_under`). A
    line below that starts further right (法律职业资格证号：… beside the signature) ends the zone on the
    right instead. A line that may be the signature itself, read as text, ends nothing."""
    bottom = label.part.box[3]
    right = min(x0 + 14 * h, float(ink.shape[1]))
    lower = min(bottom + 4 * h, float(ink.shape[0]))
    for line in lines[label.line + 1 :]:
        if line.box[1] >= lower or line.box[2] <= x0 or line.box[0] >= right or _may_be_handwriting(line, h):
            continue
        if line.box[0] > x0 + 2 * h:
            right = line.box[0]
            continue
        lower = line.box[1]
        break
    lower = _border_under(ink, (x0, bottom + 0.2 * h, right, lower))
    if lower - 1 - bottom <= h or right - x0 <= h:
        return None
    return zone_verdict(ink, (x0, bottom + 0.2 * h, right, lower - 1), h)


def _border_under(ink: np.ndarray, zone: Box) -> float:
    """The foot of a zone under a label, raised to the first ruled line across it (`BORDER_SPAN` of its
    width inked on one row): the bottom of the label's cell, below which nothing is signed in it (a blot
    under a table is not the 送达人's ink)."""
    x0, top, x1, bottom = (max(round(v), 0) for v in zone)
    rows = ink[top:bottom, x0:x1] >= STRONG
    if not rows.size:
        return zone[3]
    across = np.nonzero(rows.mean(axis=1) >= BORDER_SPAN)[0]
    return float(top + across[0]) if across.size else zone[3]

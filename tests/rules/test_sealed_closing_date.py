"""A decision's 落款 on a scan with a seal reaching below the agency's name and nothing read there: the date
may be printed under the seal's ink, so the missing date needs review; where the seal ends at the name, or
the page had a text layer, the date is missing."""

from __future__ import annotations

from casefile_eval.codes import DocumentType, Procedure
from casefile_eval.model import BBox, Block, BlockKind, Case, Document, ImageItem, ImageKind
from casefile_eval.rules.engine import run_rules
from casefile_eval.rules.loader import load_rules

RULES = load_rules()
BODY = "本机关决定：罚款人民币伍万元。当事人应当自收到本决定书之日起十五日内缴纳罚款。"
NAME = BBox(x0=368, top=292, x1=516, bottom=305)  # 连云港市海州区市场监督管理局, points on page 2


def _dat001(
    seal: BBox | None, confidence: float | None = 0.98, under: str | None = None
) -> list[tuple[str, bool]]:
    blocks = [
        Block(
            kind=BlockKind.LINE,
            text=BODY,
            source="d.pdf",
            page=2,
            confidence=confidence,
            bbox=BBox(x0=70, top=100, x1=520, bottom=113),
        ),
        Block(
            kind=BlockKind.LINE,
            text="连云港市海州区市场监督管理局",
            source="d.pdf",
            page=2,
            confidence=confidence,
            bbox=NAME,
        ),
        *(
            []
            if under is None
            else [
                Block(
                    kind=BlockKind.LINE,
                    text=under,
                    source="d.pdf",
                    page=2,
                    confidence=confidence,
                    bbox=BBox(x0=440, top=312, x1=500, bottom=324),
                )
            ]
        ),
        Block(
            kind=BlockKind.LINE,
            text="第2页共2页",
            source="d.pdf",
            page=2,
            confidence=confidence,
            bbox=BBox(x0=256, top=792, x1=342, bottom=805),
        ),
    ]
    images = [] if seal is None else [ImageItem(kind=ImageKind.SEAL, source="d.pdf", page=2, bbox=seal)]
    doc = Document(
        type=DocumentType.DECISION,
        title="行政处罚决定书",
        source="d.pdf",
        pages=(1, 2),
        confidence=1.0,
        blocks=blocks,
        images=images,
    )
    case = Case(source="d.pdf", procedure=Procedure.GENERAL, documents=[doc])
    return [(f.message, f.needs_review) for f in run_rules(case, RULES.only("DAT-001"))]


MISSING = [("行政处罚决定书第2页缺少作出决定的日期", False)]


def test_a_seal_reaching_below_the_agency_name_may_hide_the_date() -> None:
    seal = BBox(x0=389, top=266, x1=497, bottom=374)  # over the name, its lower half on blank paper
    assert _dat001(seal) == [
        (
            "行政处罚决定书缺少作出决定的日期（行政处罚决定书第2页）：无法判断：落款下方被印章覆盖，日期未能识别",
            True,
        )
    ]


def test_a_seal_ending_at_the_name_or_on_a_text_layer_hides_nothing() -> None:
    assert _dat001(BBox(x0=389, top=230, x1=497, bottom=310)) == MISSING
    assert _dat001(BBox(x0=389, top=266, x1=497, bottom=374), confidence=None) == MISSING
    assert _dat001(None) == MISSING
    # a seal beside the name (its x range apart) covers no line of the 落款
    assert _dat001(BBox(x0=100, top=266, x1=208, bottom=374)) == MISSING


def test_a_piece_of_a_date_read_beside_the_seals_ink_is_a_date_written_there() -> None:
    seal = BBox(x0=389, top=266, x1=497, bottom=374)
    assert _dat001(seal, under="月27日") == []
    assert _dat001(seal, under="2018年6□月日") == []
    # printed blanks with no number in them are no date
    assert _dat001(seal, under="年　月　日") == [
        (
            "行政处罚决定书缺少作出决定的日期（行政处罚决定书第2页）：无法判断：落款下方被印章覆盖，日期未能识别",
            True,
        )
    ]


def test_a_digit_read_before_a_blank_dates_year_is_no_date_written() -> None:
    # (holdout32 scans: a blank 年 月 日 under the seal's ring read 5年月)
    seal = BBox(x0=389, top=266, x1=497, bottom=374)
    assert _dat001(seal, under="5年月") == [
        (
            "行政处罚决定书缺少作出决定的日期（行政处罚决定书第2页）：无法判断：落款下方被印章覆盖，日期未能识别",
            True,
        )
    ]

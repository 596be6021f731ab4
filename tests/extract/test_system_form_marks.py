"""Forms printed from a case-handling system (text PDFs built with reportlab, and .docx tables): a
signing caption in brackets dates its signing ("受送达人签名或盖章 （签收） 2022年06月09日"); a name
written in a box whose caption stands in the top corner ("被询问人签名") and the date in the bottom corner
is the caption's, not the label's right of it on the date line; an agency seal pressed on the 落款 that
only grazes the party's signing line with its rim signs nothing there; a 执法证号 with the place's short
name (琼综执0902117) is no signer's name, and one left empty after a hand-signed officer is reported; a
row named like the captions in its value cell is no slot of its own; an opinion naming the officer's
("同意按承办人意见处罚") dates no officer."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from casefile_eval.codes import DateKind, DocumentType, Procedure, Role
from casefile_eval.extract.dating import date_facts
from casefile_eval.extract.officers import find_officers
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import BBox, Block, BlockKind, Case, Document
from casefile_eval.rules import load_rules, run_rules
from tests.extract.docs import doc_from_lines, doc_from_rows, only_document
from tests.parsers.builders import seal_png

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
RULES = load_rules()


def _ink(seed: int) -> ImageReader:
    img = Image.new("RGB", (200, 80), "white")
    points = [(12 + i * 24, 18 + (i * 31 + seed * 17) % 44) for i in range(8)]
    ImageDraw.Draw(img).line(points, fill=(20, 20, 40), width=4)
    out = io.BytesIO()
    img.save(out, "PNG")
    return ImageReader(io.BytesIO(out.getvalue()))


def test_bracketed_signing_caption_dates_the_receipt() -> None:
    doc = doc_from_lines(
        [
            "送 达 回 证",
            "送达文书 行政处罚决定书",
            "受送达人签名或盖",
            "章 （签收） 2022年06月09日",
            "送达人：",
        ],
        DocumentType.SERVICE_RECEIPT,
    )
    assert [(f.kind, str(f.value)) for f in date_facts(DocText.of(doc))] == [(DateKind.SERVED, "2022-06-09")]


def _boxed_record(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 18)
    c.drawString(250, 780, "询问笔录")
    c.setFont(FONT, 11)
    c.drawString(72, 740, "询问人：杨立新（执法证号：230701） 记录人：金玉梅（执法证号：230709）")
    c.drawString(72, 710, "问：以上笔录请你核对，记录是否与你所说的一致？")
    c.drawString(72, 690, "答：我看过了，以上记录属实。")
    c.rect(52, 600, 200, 70)
    c.setFont(FONT, 8)
    c.drawString(55, 660, "被询问人签名")
    c.drawString(55, 604, "2019年4月12日")
    c.drawImage(_ink(1), 115, 608, width=60, height=30)
    c.setFont(FONT, 11)
    c.drawString(290, 606, "询问人：")
    c.drawImage(_ink(2), 340, 600, width=60, height=26)
    c.drawString(55, 560, "记录人：")
    c.drawImage(_ink(3), 100, 554, width=60, height=26)
    c.showPage()
    c.save()
    return path


def test_ink_in_a_box_under_its_corner_caption_is_the_captions(tmp_path: Path) -> None:
    doc = only_document(_boxed_record(tmp_path / "r.pdf"), DocumentType.INQUIRY_RECORD)
    slots = [
        (s.label, s.filled, s.count) for s in doc.facts.signatures if s.evidence and s.evidence.page == 1
    ]
    assert slots[-3:] == [("被询问人签名", True, 1), ("询问人", True, 1), ("记录人", True, 1)]


def _summary(path: Path, second_cert: str) -> Path:
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 14)
    c.drawString(218, 750, "当场行政处罚决定书")
    c.setFont(FONT, 11)
    c.drawString(226, 725, "琼海综执当罚〔2025〕0215号")
    c.drawString(69, 690, "当事人：符传平  住址：琼海市嘉积镇上埇村")
    c.drawString(69, 670, "违法事实：2025年8月12日10时15分，当事人在银海路人行道上摆设水果摊占道经营。")
    c.drawString(69, 650, "依据《城市市容和环境卫生管理条例》第三十六条第（二）项，罚款人民币壹佰伍拾元。")
    c.drawString(69, 630, "如不服本决定，可以在收到本决定书之日起六十日内向琼海市人民政府申请行政复议，")
    c.drawString(69, 612, "或者在六个月内依法向琼海市人民法院提起行政诉讼。")
    c.drawString(
        68,
        560,
        f"执法人员：            执法证号：琼综执0902117   执法人员：            执法证号：{second_cert}",
    )
    c.drawImage(_ink(4), 125, 555, width=57, height=25)
    c.drawImage(_ink(5), 355, 555, width=57, height=25)
    c.drawString(69, 520, "当事人签名：              2025年8月12日")
    c.drawString(385, 487, "琼海市综合行政执法局")
    c.drawString(406, 467, "2025年8月12日")
    c.drawImage(ImageReader(io.BytesIO(seal_png())), 388, 420, width=113, height=113, mask="auto")
    c.showPage()
    c.save()
    return path


def test_summary_decision_signed_by_hand(tmp_path: Path) -> None:
    doc = only_document(_summary(tmp_path / "s.pdf", ""), DocumentType.SUMMARY_DECISION)
    assert [(s.label, s.filled, s.method, s.signer) for s in doc.facts.signatures] == [
        ("执法人员", True, "image", None),
        ("执法人员", True, "image", None),
        ("当事人签名", False, "text", None),  # the agency's seal under it is the 落款's
    ]
    case = Case(source="s.pdf", procedure=Procedure.SUMMARY, documents=[doc])
    found = [(f.rule_id, f.message, f.evidence) for f in run_rules(case, RULES.only("OFF-002"))]
    assert found == [
        ("OFF-002", "当场行政处罚决定书第1页执法人员未注明执法证号", doc.blocks[-4].text),
    ]
    signed = _summary(tmp_path / "t.pdf", "琼综执0902118")
    case = Case(
        source="t.pdf",
        procedure=Procedure.SUMMARY,
        documents=[only_document(signed, DocumentType.SUMMARY_DECISION)],
    )
    assert run_rules(case, RULES.only("OFF-002")) == []


def test_row_named_like_the_captions_in_its_value_cell_is_no_slot() -> None:
    """送达人 | 送达人：[ink] 送达人：[ink]: the two captions are the servers' slots, the row's name none."""
    doc = doc_from_rows(
        [
            ["受送达人签名或盖章", "签收　2022年06月09日"],
            ["送达人", "送达人：　送达人："],
            ["备注", ""],
        ],
        DocumentType.SERVICE_RECEIPT,
        before=["送达回证"],
    )
    slots = [(s.label, s.role, s.filled) for s in find_signatures(DocText.of(doc))]
    assert slots == [
        ("受送达人签名或盖章", Role.RECIPIENT, False),  # (no ink in these cells)
        ("送达人", Role.SERVER, False),
        ("送达人", Role.SERVER, False),
    ]


def test_an_opinion_naming_the_officers_opinion_does_not_date_the_officer() -> None:
    doc = doc_from_rows(
        [
            ["承办人意见", "建议罚款八千元。\n承办人：张三　2022年06月20日"],
            ["机关负责人意见", "同意按承办人意见处罚。\n签名 　　　年　　月　　日"],
        ],
        DocumentType.DECISION_APPROVAL,
    )
    facts = [(f.kind, f.value, f.role) for f in date_facts(DocText.of(doc))]
    assert facts == [
        (DateKind.SIGNED, dt.date(2022, 6, 20), Role.OFFICER),
        (DateKind.APPROVED, None, Role.APPROVER),
    ]


def _row_with_stamp_under(path: Path) -> Path:
    """被询问人（签名并捺印）：[blank] 2017.5.12 执法人员（签名或盖章）：[ink]; under the row's start a name
    seal, then 记录员：[ink] further right."""
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 18)
    c.drawString(250, 780, "询问笔录")
    c.setFont(FONT, 11)
    c.drawString(63, 740, "询问人：马海青（执法证号：63020117004）、祁文斌（执法证号：63020117009）")
    c.drawString(63, 700, "以上笔录我看过，与我说的一致。")
    c.drawString(63, 565, "被询问人（签名并捺印）：           2017.5.12   执法人员（签名或盖章）：")
    c.drawImage(_ink(6), 467, 556, width=57, height=26)
    c.drawImage(_ink(7), 62, 519, width=34, height=34)
    c.drawString(151, 526, "记录员：")
    c.drawImage(_ink(8), 192, 519, width=57, height=26)
    c.showPage()
    c.save()
    return path


def test_ink_under_a_row_of_labels_is_not_the_first_labels(tmp_path: Path) -> None:
    doc = only_document(_row_with_stamp_under(tmp_path / "r.pdf"), DocumentType.INQUIRY_RECORD)
    slots = [(s.label, s.filled) for s in doc.facts.signatures if s.evidence and "2017" in s.evidence.text]
    assert slots == [("被询问人(签名并捺印)", False), ("执法人员(签名或盖章)", True)]


Line = tuple[str, tuple[float, float, float, float]]


def _scanned(lines: list[Line]) -> Document:
    """A one-page approval form as OCR reads it: (text, box) lines, each with a confidence."""
    blocks = [
        Block(
            kind=BlockKind.LINE,
            text=t,
            source="scan.pdf",
            page=1,
            confidence=0.95,
            bbox=BBox(x0=a, top=b, x1=c, bottom=d),
        )
        for t, (a, b, c, d) in lines
    ]
    return Document(
        type=DocumentType.DECISION_APPROVAL,
        title="行政处罚决定审批表",
        source="scan.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
    )


HEAD = [
    ("行政处罚决定审批表", (220.0, 60.0, 380.0, 76.0)),
    ("承办机构意见 同意。", (59.0, 423.0, 182.0, 438.0)),
]


@pytest.mark.parametrize(
    ("lines", "signer"),
    [
        pytest.param(  # the name written before the caption signs the row
            [
                ("机关负责人意见 同意按承办人意见处罚。", (59.0, 486.0, 264.0, 498.0)),
                ("王建军 2016.6.2", (159.0, 500.0, 313.0, 528.0)),
                ("（签名）", (167.0, 525.0, 192.0, 537.0)),
                ("第1页共1页", (261.0, 804.0, 334.0, 816.0)),
            ],
            "王建军",
            id="name-before-closing-caption",
        ),
        pytest.param(  # ink across the 签名 line, read as a line before it
            [
                ("机关负责人意见 同意按承办人意见处罚。", (51.0, 419.0, 251.0, 434.0)),
                ("凡东", (279.0, 437.0, 346.0, 471.0)),
                ("签名 2019年6月4日", (263.0, 446.0, 418.0, 463.0)),
                ("（第1页/共1页）", (484.0, 805.0, 541.0, 816.0)),
            ],
            "凡东",
            id="ink-read-before-signing-label",
        ),
    ],
)
def test_a_name_read_around_the_signing_caption_signs_the_opinion_row(lines: list[Line], signer: str) -> None:
    doc = _scanned([*HEAD, *lines])
    slots = [(s.label, s.filled, s.signer) for s in find_signatures(DocText.of(doc))]
    assert slots[-1] == ("机关负责人意见", True, signer)


def test_names_signed_on_a_row_run_on_under_the_signing_row_are_no_officers_list() -> None:
    """ "当事人签收 于海波 执法人员：杨立新", the date under the ink, then "执法人员：金玉梅": OCR read the
    handwriting of both officers; neither line lists who took part."""
    doc = _scanned(
        [
            ("解除查封决定书", (229.0, 72.0, 382.0, 89.0)),
            ("本局决定自即日起解除查封。", (56.0, 165.0, 523.0, 181.0)),
            ("当事人签收 于海波 执法人员：杨立新", (58.0, 181.0, 425.0, 219.0)),
            ("2019年5月22日", (58.0, 204.0, 112.0, 215.0)),
            ("执法人员：金玉梅", (52.0, 228.0, 178.0, 261.0)),
            ("伊春市生态环境局", (440.0, 282.0, 529.0, 296.0)),
        ]
    )
    dt_ = DocText.of(doc)
    assert find_officers(dt_, find_signatures(dt_)) == []


def _heading_row(path: Path) -> Path:
    """A row of column headings without colons, ink under 执法人员签字 and 记录员 on the line below, which
    holds the party's refusal and the witness's own caption with her ink after it."""
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 18)
    c.drawString(230, 780, "现场检查笔录")
    c.setFont(FONT, 9)
    c.drawString(67, 740, "检查人员 许文涛（执法证号：34020021056）、葛玲（执法证号：34020021093）")
    c.drawString(85, 560, "当事人对检查结果无异议，但拒绝在笔录上签名。已邀请见证人到场见证。")
    for x, heading in ((67, "被检查人签章/手印"), (180, "执法人员签字"), (290, "记录员"), (420, "见证人")):
        c.drawString(x, 530, heading)
    c.drawString(71, 509, "（拒绝签名）")
    c.drawImage(_ink(9), 180, 500, width=62, height=22)
    c.drawImage(_ink(10), 290, 500, width=62, height=22)
    c.drawString(420, 509, "见证人（签名）：")
    c.drawImage(_ink(11), 500, 500, width=55, height=22)
    c.showPage()
    c.save()
    return path


def test_ink_under_a_row_of_column_headings_goes_to_the_heading_over_it(tmp_path: Path) -> None:
    doc = only_document(_heading_row(tmp_path / "r.pdf"), DocumentType.INSPECTION_RECORD)
    slots = [(s.label, s.filled) for s in doc.facts.signatures if s.role is not None]
    assert slots[-4:] == [
        ("执法人员签字", True),
        ("记录员", True),
        ("见证人", False),
        ("见证人(签名)", True),
    ]


def test_an_approval_row_whose_name_wraps_before_its_opinion() -> None:
    """ "机关负责人审批同意结案。" over "意见 签名 2026年3月20日": OCR ran the opinion into the row's
    name, whose 意见 wrapped onto the next line; the opinion is no signature."""
    doc = _scanned(
        [
            *HEAD,
            ("承办人意见 处罚决定已执行完毕，建议结案。", (70.0, 235.0, 323.0, 250.0)),
            ("承办人：李德木2026年3月20日", (157.0, 254.0, 345.0, 286.0)),
            ("机关负责人审批同意结案。", (71.0, 333.0, 212.0, 348.0)),
            ("意见 签名 2026年3月20日", (69.0, 350.0, 432.0, 378.0)),
        ]
    )
    slots = [(s.label, s.filled) for s in find_signatures(DocText.of(doc))]
    assert slots[-1] == ("机关负责人审批", False)

"""Text PDFs whose signing rows share a line: the party's ink on a rule ahead of the officers' labels, its
caption "（当事人签名）" under the rule; and an approval form with the stages side by side as columns
("承办人意见 | 负责人审批意见", each opinion over its own "承办人：[ink]" / "负责人：[ink]")."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from casefile_eval.codes import DocumentType, Role
from tests.extract.docs import only_document, pen_ink

from ..embedded_font import FONT, needs_font

pytestmark = needs_font
LEFT = 70.0


@pytest.mark.parametrize("party_signs", [True, False])
def test_ink_ahead_of_the_officers_labels_signs_the_caption_under_it(
    tmp_path: Path, party_signs: bool
) -> None:
    path = tmp_path / "list.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 18)
    c.drawCentredString(297, 780, "查封（扣押）清单")
    c.setFont(FONT, 11)
    c.drawString(LEFT, 740, "当事人：某某石材加工有限公司　查封地点：某县某镇某村")
    c.drawString(LEFT, 720, "1.沉淀池底部排水PVC管道（直径110毫米，长约26米）及阀门1套；")
    c.drawString(LEFT, 705, "2.自吸式排水泵1台（型号ZX-3，编号1908215）。")
    c.drawString(LEFT, 690, "以上财物就地封存，加贴封条。")
    if party_signs:
        c.drawImage(pen_ink(1), LEFT + 15, 652, width=50, height=22)
    c.line(LEFT, 648, LEFT + 110, 648)
    c.drawString(LEFT + 135, 654, "执法人员：")
    c.drawImage(pen_ink(2), LEFT + 195, 650, width=50, height=22)
    c.drawString(LEFT + 275, 654, "执法人员：")
    c.drawImage(pen_ink(3), LEFT + 335, 650, width=50, height=22)
    c.setFont(FONT, 8)
    c.drawString(LEFT + 2, 638, "（当事人签名）")
    c.drawString(LEFT + 2, 626, "2020.5.12")
    c.showPage()
    c.save()
    doc = only_document(path, DocumentType.ENFORCEMENT_MEASURE)
    assert [(s.role, s.label, s.filled) for s in doc.facts.signatures] == [
        (Role.OFFICER, "执法人员", True),
        (Role.OFFICER, "执法人员", True),
        (Role.PARTY, "当事人签名", party_signs),
    ]


@pytest.mark.parametrize("head_signs", [True, False])
def test_stages_side_by_side_are_signed_under_their_opinions(tmp_path: Path, head_signs: bool) -> None:
    path = tmp_path / "closing.pdf"
    c = canvas.Canvas(str(path), pagesize=(842, 595))
    c.setFont(FONT, 18)
    c.drawCentredString(421, 540, "结案审批表")
    c.setFont(FONT, 11)
    c.drawString(LEFT, 500, "案由　某某公司非法占用土地案")
    c.drawString(LEFT, 470, "承办人意见")
    c.drawString(430, 470, "负责人审批意见")
    c.drawString(LEFT, 450, "处罚决定已履行完毕，建议结案。")
    c.drawString(430, 450, "同意结案。")
    c.drawString(LEFT, 415, "承办人：")
    c.drawImage(pen_ink(1), LEFT + 50, 410, width=50, height=22)
    c.drawString(430, 415, "负责人：")
    if head_signs:
        c.drawImage(pen_ink(2), 480, 410, width=50, height=22)
    c.drawString(LEFT + 40, 398, "2026年05月12日")
    c.drawString(470, 398, "2026年05月12日")
    c.showPage()
    c.save()
    doc = only_document(path, DocumentType.CLOSING_REPORT)
    assert [(s.role, s.label, s.filled) for s in doc.facts.signatures] == [
        (Role.OFFICER, "承办人", True),
        (Role.APPROVER, "负责人", head_signs),
    ]

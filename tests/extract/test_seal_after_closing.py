"""A .docx 当场行政处罚决定书 whose agency seal is a picture in an empty paragraph after the 落款 (agency,
date), right above the party's 当事人签收 line (holdout39 h39-05): the seal is the 落款's, and the party's
slot stays blank; a company's seal in an empty paragraph above its 当事人（盖章） line, with no 落款 above
it, is the party's mark."""

from __future__ import annotations

from casefile_eval.codes import DocumentType, Role
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import Block, BlockKind, Document, ImageItem, ImageKind


def _doc(lines: list[str], seal_at: int) -> Document:
    blocks = [Block(kind=BlockKind.PARAGRAPH, text=t, source="d.docx", page=1) for t in lines]
    seal = ImageItem(kind=ImageKind.SEAL, source="d.docx", page=1, block_index=seal_at, width=108, height=108)
    return Document(
        type=DocumentType.SUMMARY_DECISION,
        title=None,
        source="d.docx",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
        images=[seal],
    )


def _party(doc: Document) -> list[tuple[str, bool | None]]:
    return [(s.label, s.filled) for s in find_signatures(DocText.of(doc)) if s.role is Role.PARTY]


def test_the_agency_seal_after_the_closing_is_not_the_partys_mark() -> None:
    lines = [
        "当场行政处罚决定书",
        "当事人：郭建伟，公民身份号码：410482198707163516。",
        "你从车窗向外抛扔烟头、纸屑，违反了《城市市容和环境卫生管理条例》，决定罚款人民币50元。",
        "汝州市城市管理局",
        "2025年7月8日",
        "",
        "当事人签收：＿＿＿＿＿＿＿＿  日期：2025年7月8日 9时35分",
    ]
    assert _party(_doc(lines, 5)) == [("当事人签收", False)]


def test_a_companys_seal_above_its_own_line_is_its_mark() -> None:
    lines = [
        "送达回证",
        "送达文书 行政处罚决定书 龙环罚字〔2016〕9号",
        "送达地点 龙口市港城大道18号",
        "",
        "当事人（盖章）：",
        "送达人：",
    ]
    assert _party(_doc(lines, 3)) == [("当事人(盖章)", True)]

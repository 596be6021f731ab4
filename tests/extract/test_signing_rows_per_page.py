"""A 笔录 over several pages is signed at the foot of every page: a page's signing row asking two officers
to sign (询问人：　询问人：　记录人：) holds slots on each page, not only in the document's last third; the
same labels in a page's head (询问人：张三（执法证号…）) list who took part."""

from __future__ import annotations

from casefile_eval.codes import DocumentType, Role
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import Block, BlockKind, Document


def _page(page: int, head: bool) -> list[Block]:
    officers = "询问人：梁振华（执法证号：15090219052）、任燕（执法证号：15090219066）"
    lines = ["询问笔录", "询问时间：2019年7月11日9时", officers] if head else []
    lines += [f"问：第{page}页的问题{k}？" for k in range(8)]
    lines += ["被询问人签名：贾文斌", f"询问人：梁振华 询问人：{'' if page == 1 else '任燕'} 记录人：任燕"]
    return [Block(kind=BlockKind.LINE, text=t, source="r.pdf", page=page) for t in lines]


def test_each_pages_signing_row_holds_its_officers_slots() -> None:
    doc = Document(
        type=DocumentType.INQUIRY_RECORD,
        title="询问笔录",
        source="r.pdf",
        pages=(1, 2),
        confidence=1.0,
        blocks=_page(1, head=True) + _page(2, head=False),
    )
    officers = [
        (s.evidence.page if s.evidence else None, s.filled, s.signer)
        for s in find_signatures(DocText.of(doc))
        if s.role is Role.OFFICER
    ]
    assert officers == [(1, True, "梁振华"), (1, False, None), (2, True, "梁振华"), (2, True, "任燕")]

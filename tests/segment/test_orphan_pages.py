"""Untitled pages after a document: page marks that close it, field labels, and what stays a continuation."""

from __future__ import annotations

from casefile_eval.codes import DocumentType as T
from casefile_eval.segment import split_documents
from casefile_eval.segment.formlabels import form_type
from tests.segment.test_split import pdf

AGENCY = "临川县市场监督管理局"
QA = [
    "问：我们是临川县市场监督管理局的执法人员，现依法向你了解有关情况，你是否申请回避？",
    "答：不申请回避。",
    "问：你店内货架上陈列的散装白酒是从哪里进货的？有没有进货票据？",
    "答：是从邻县一个酒坊买来的，没有拿票据，也没有签合同。",
]
ID_COPY = [
    "姓 名  孙海峰",
    "性 别  男    民 族  汉",
    "住 址  临川县城关镇河西路17号",
    "公民身份号码  3610241979********",
    "此件经核对与原件一致  孙海峰",
]
BANK_SLIP = [
    "付款人全称  临川县醇香酒类经营部",
    "收款人全称  临川县财政局非税收入专户",
    "交易金额  叁仟元整  ¥3,000.00",
    "交易时间  2024-09-20 15:31:07",
    "流水号  88310920153107",
]
PHOTO_SHEET = [
    "[照片]",
    "拍摄地点  临川县城关镇建设路9号店内货架",
    "拍摄人  廖明  证明对象  散装白酒未标明生产者",
]


def test_page_marks_close_a_record_and_the_next_untitled_page_stands_alone() -> None:
    file = pdf(
        [
            [AGENCY, "询问笔录", "第1页 共2页", *QA],
            ["共2页 第2页", *QA[:2], "被询问人签名：孙海峰"],
            ID_COPY,
        ]
    )
    docs = split_documents([file])
    assert [(d.type, d.pages) for d in docs] == [(T.INQUIRY_RECORD, (1, 2)), (T.EVIDENCE, (3, 3))]
    assert docs[1].type_method == "labels"


def test_untitled_page_before_the_last_marked_page_continues() -> None:
    file = pdf(
        [
            [AGENCY, "询问笔录", *QA, "第一页 共三页"],
            [*QA, "第二页 共三页"],
            QA,  # its mark was lost: the record said it has a third page
        ]
    )
    assert [(d.type, d.pages) for d in split_documents([file])] == [(T.INQUIRY_RECORD, (1, 3))]


def test_unmarked_record_continues_over_prose_pages() -> None:
    file = pdf([[AGENCY, "询问笔录", *QA], QA, [*QA[1:], "被询问人签名：孙海峰"]])
    assert [(d.type, d.pages) for d in split_documents([file])] == [(T.INQUIRY_RECORD, (1, 3))]


def test_bank_slip_after_a_decision_and_after_a_photo_sheet() -> None:
    decision = [
        AGENCY,
        "行政处罚决定书",
        "临市监罚〔2024〕41号",
        "当事人：临川县醇香酒类经营部",
        "经查，当事人销售的散装白酒未标明生产者名称，违反了《中华人民共和国食品安全法》的规定。",
        "本局决定对当事人处以罚款人民币3000元。",
        AGENCY,
        "2024年9月18日",
    ]
    file = pdf([decision, BANK_SLIP, PHOTO_SHEET, BANK_SLIP])
    docs = split_documents([file])
    assert [(d.type, d.pages) for d in docs] == [
        (T.DECISION, (1, 1)),
        (T.PAYMENT_RECEIPT, (2, 2)),
        (T.EVIDENCE, (3, 3)),
        (T.PAYMENT_RECEIPT, (4, 4)),
    ]


def test_form_labels() -> None:
    assert form_type(BANK_SLIP) is T.PAYMENT_RECEIPT
    assert form_type(ID_COPY) is T.EVIDENCE
    assert form_type(PHOTO_SHEET) is T.EVIDENCE
    # A decision's party particulars are not a licence copy; words inside sentences are not labels.
    assert (
        form_type(
            ["当事人：临川县醇香酒类经营部", "统一社会信用代码：92361024MA3X  住所：临川县  经营者：孙海峰"]
        )
        is None
    )
    assert form_type(["请到指定银行缴纳罚款，交款人应当保存收款银行出具的票据。", *QA]) is None


def test_document_mark_beside_archive_numbering_on_the_same_page() -> None:
    archive = [f"卷内第{n}页，共6页" for n in range(1, 7)]
    remedy = (
        "如不服本决定，可以在收到本决定书之日起六十日内向临川县人民政府申请行政复议，"
        "也可以在六个月内向临川县人民法院提起行政诉讼。"
    )
    file = pdf(
        [
            [AGENCY, "现场检查笔录", "检查情况如下：", *QA[2:], "第1页/共2页", archive[0]],
            ["第2页/共2页", *QA[:2], "当事人签名：孙海峰", archive[1]],
            ["本人孙海峰，对执法人员现场检查的情况没有异议，店内散装白酒均由本人采购。", archive[2]],
            [
                AGENCY,
                "行政处罚决定书",
                "临市监罚〔2024〕41号",
                "本局决定对当事人处以罚款人民币3000元。",
                archive[3],
            ],
            [remedy, AGENCY, "2024年9月18日", archive[4]],
            [AGENCY, "结案审批表", "执行情况  已缴清", archive[5]],
        ]
    )
    docs = split_documents([file])
    # Page 3 has no title, mark or labels: only the record's own "第2页/共2页" says the record ended.
    assert [d.pages for d in docs] == [(1, 2), (3, 3), (4, 5), (6, 6)]
    assert [d.type for d in docs if d.title] == [T.INSPECTION_RECORD, T.DECISION, T.CLOSING_REPORT]


def test_page_number_lines() -> None:
    from casefile_eval.segment.pagemarks import is_page_number_line

    numbers = ["8", "-13-", "— 2 —", "第3页", "第2页共5页", "3/12", "第 2 页（共 3 页）", "共三页第二页"]
    assert [t for t in numbers if not is_page_number_line(t)] == []
    others = ["2025年", "同意", "(2022)", "(", "", "罚款8000元", "第3条"]
    assert [t for t in others if is_page_number_line(t)] == []

"""Grids whose field names stand in a row above their values are read label, value, label, value."""

from __future__ import annotations

import pytest

from casefile_eval.model import Block, BlockKind, ImageItem, ImageKind
from casefile_eval.parsers.header_rows import grid_reading_order, is_field_name, is_header_row


def cells(rows: list[list[str]]) -> list[Block]:
    return [
        Block(kind=BlockKind.CELL, text=text, source="a.docx", table=0, row=r, col=c * 2)
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "受送达人签收",
        "送达人",
        "见证人（签名）",
        "送达文书名称及文号",
        "送达时间",
        "负责人意见",
        "文化市场综合行政执法支队意见",
        "序号",
        "处罚决定",
    ],
)
def test_field_names(text: str) -> None:
    assert is_field_name(text)


@pytest.mark.parametrize(
    "text",
    [
        "张三",
        "沈国华（法定代表人）",
        "行政处罚决定书（单位）",
        "2023年10月12日",
        "送达人：",
        "同意。",
        "经审查认为当事人的行为违反规定应当立案查处人",
    ],
)
def test_not_field_names(text: str) -> None:
    assert not is_field_name(text)


def test_receipt_grid_pairs_each_field_with_the_cell_below() -> None:
    blocks = cells(
        [
            ["送达文书名称及文号", "受送达人"],
            ["行政处罚决定书 武市监罚〔2023〕157号", "成都锦悦餐饮管理有限公司"],
            ["受送达人签收", "送达人", "见证人"],
            ["2023年10月12日", "", "/"],
        ]
    )
    images = [
        ImageItem(kind=ImageKind.SIGNATURE, source="a.docx", block_index=7),
        ImageItem(kind=ImageKind.SIGNATURE, source="a.docx", block_index=8),
    ]
    ordered, placed = grid_reading_order(blocks, images)
    assert [b.text for b in ordered] == [
        "送达文书名称及文号",
        "行政处罚决定书 武市监罚〔2023〕157号",
        "受送达人",
        "成都锦悦餐饮管理有限公司",
        "受送达人签收",
        "2023年10月12日",
        "送达人",
        "",
        "见证人",
        "/",
    ]
    assert [ordered[i.block_index or 0].text for i in placed] == ["2023年10月12日", ""]


def test_label_value_rows_keep_their_order() -> None:
    blocks = cells(
        [["当事人", "个人"], ["姓名", "段浩涛", "身份证件号", "3177"], ["现场负责人", "沈国华（法定代表人）"]]
    )
    ordered, _ = grid_reading_order(blocks, [])
    assert ordered is blocks
    assert not is_header_row(["现场负责人", "沈国华（法定代表人）"])


def test_rows_repeating_the_header_columns_stay_in_their_columns() -> None:
    blocks = cells(
        [
            ["承办人意见", "执法监察支队意见", "负责人审批意见"],
            ["建议立案。", "同意立案调查。", "同意立案。"],
            ["签名：\n2024.02.07", "签名：\n2024.02.07", "签名：\n2024.02.08"],
            ["备注", "无"],
        ]
    )
    ordered, _ = grid_reading_order(blocks, [])
    assert [b.text for b in ordered] == [
        "承办人意见",
        "建议立案。",
        "签名：\n2024.02.07",
        "执法监察支队意见",
        "同意立案调查。",
        "签名：\n2024.02.07",
        "负责人审批意见",
        "同意立案。",
        "签名：\n2024.02.08",
        "备注",
        "无",
    ]


def test_a_receipt_listing_one_document_per_row_is_read_record_by_record() -> None:
    blocks = cells(
        [
            ["送达文书名称及文号", "送达时间", "送达方式", "受送达人签收", "送达人"],
            ["行政处罚告知书 临市监罚告〔2024〕27号", "2024 年 05 月 27 日", "直接送达", "", ""],
            ["行政处罚决定书 临市监处罚〔2024〕27号", "2024 年 06 月 14 日", "直接送达", "", ""],
        ]
    )
    images = [ImageItem(kind=ImageKind.SIGNATURE, source="a.docx", block_index=13)]
    ordered, placed = grid_reading_order(blocks, images)
    assert [b.text for b in ordered] == [
        "送达文书名称及文号",
        "行政处罚告知书 临市监罚告〔2024〕27号",
        "送达时间",
        "2024 年 05 月 27 日",
        "送达方式",
        "直接送达",
        "受送达人签收",
        "",
        "送达人",
        "",
        "送达文书名称及文号",
        "行政处罚决定书 临市监处罚〔2024〕27号",
        "送达时间",
        "2024 年 06 月 14 日",
        "送达方式",
        "直接送达",
        "受送达人签收",
        "",
        "送达人",
        "",
    ]
    assert [im.block_index for im in placed] == [17]  # the decision row's 受送达人签收 cell


def test_approval_steps_side_by_side_stay_one_record() -> None:
    blocks = cells(
        [
            ["承办人意见", "法制审核意见", "负责人审批意见"],
            ["建议立案。", "同意。", "同意立案。"],
            ["签名：", "签名：", "签名："],
        ]
    )
    ordered, _ = grid_reading_order(blocks, [])
    assert [b.text for b in ordered] == [
        "承办人意见",
        "建议立案。",
        "签名：",
        "法制审核意见",
        "同意。",
        "签名：",
        "负责人审批意见",
        "同意立案。",
        "签名：",
    ]


def test_a_struck_out_spare_row_is_no_record() -> None:
    """送达文书 | 受送达人 | 送达时间 | 送达方式 | 收件人签收 | 送达人 over one record and a spare row struck
    through with "／": one record, the strokes left after it."""
    blocks = cells(
        [
            ["送达文书", "受送达人", "送达时间", "送达方式", "收件人签收", "送达人"],
            ["行政处罚决定书津文旅罚（2022）第17号", "孟庆丰", "2022年6月2日15时40分", "直接送达", "", ""],
            ["／", "／", "／", "／", "／", "／"],
        ]
    )
    ordered, _ = grid_reading_order(blocks, [])
    assert [b.text for b in ordered] == [
        "送达文书",
        "行政处罚决定书津文旅罚（2022）第17号",
        "受送达人",
        "孟庆丰",
        "送达时间",
        "2022年6月2日15时40分",
        "送达方式",
        "直接送达",
        "收件人签收",
        "",
        "送达人",
        "",
        *["／"] * 6,
    ]


def test_records_with_a_struck_out_row_keep_what_follows_the_grid() -> None:
    blocks = cells(
        [
            ["检查人员", "执法证号"],
            ["储丹", "34080326011"],
            ["方磊", "34080326024"],
            ["—", "—"],
        ]
    )
    blocks.append(Block(kind=BlockKind.PARAGRAPH, text="记录人：汪洋", source="a.docx"))
    ordered, _ = grid_reading_order(blocks, [])
    assert [b.text for b in ordered] == [
        "检查人员",
        "储丹",
        "执法证号",
        "34080326011",
        "检查人员",
        "方磊",
        "执法证号",
        "34080326024",
        "—",
        "—",
        "记录人：汪洋",
    ]


def test_labels_beside_their_values_keep_their_order_when_the_next_row_has_its_own_label() -> None:
    """A row "被检查人签名 | [ink] | 见证人签名 | [ink]" over "检查人员签名 | [ink] 2019年8月5日": the second
    row opens with a label of its own, so the first is labels beside their values, not names over columns."""
    blocks = cells([["被检查人签名", "", "见证人签名", ""], ["检查人员签名", "2019年8月5日"]])
    images = [ImageItem(kind=ImageKind.SIGNATURE, source="a.docx", block_index=i) for i in (1, 3, 5)]
    ordered, moved = grid_reading_order(blocks, images)
    assert [b.text for b in ordered] == ["被检查人签名", "", "见证人签名", "", "检查人员签名", "2019年8月5日"]
    assert [im.block_index for im in moved] == [1, 3, 5]


def test_a_row_of_signatures_drawn_as_pictures_is_no_struck_out_row() -> None:
    """A signing strip (承办人 | 负责人 over a row of cells holding only signature pictures, then the
    dates): each heading is followed by its picture cell and its date, and no cell is lost."""
    blocks = cells([["承办人", "负责人"], ["", ""], ["2022-05-10", "2022-05-10"]])
    images = [
        ImageItem(kind=ImageKind.SIGNATURE, source="a.docx", block_index=2),
        ImageItem(kind=ImageKind.SIGNATURE, source="a.docx", block_index=2),
        ImageItem(kind=ImageKind.SIGNATURE, source="a.docx", block_index=3),
    ]
    ordered, placed = grid_reading_order(blocks, images)
    assert [b.text for b in ordered] == ["承办人", "", "2022-05-10", "负责人", "", "2022-05-10"]
    assert [(ordered[i.block_index or 0].row, ordered[i.block_index or 0].col) for i in placed] == [
        (1, 0),
        (1, 0),
        (1, 2),
    ]


def test_an_empty_spare_row_stays_in_the_reading() -> None:
    blocks = cells([["承办人", "负责人"], ["／", "／"], ["2022-05-10", "2022-05-10"]])
    ordered, _ = grid_reading_order(blocks, [])
    assert sorted(b.text for b in ordered) == sorted(b.text for b in blocks)


STEPS = [
    ["审批环节", "承办人", "承办机构负责人", "机关负责人"],
    ["意见", "建议立案调查。", "同意立案。", "同意立案，由唐明轩承办。"],
    ["签名", "证号51060020315", "", ""],
    ["日期", "2021 年 12 月 31 日", "2021 年 12 月 31 日", "年　月　日"],
]


def test_an_approval_grid_laid_out_by_step_is_read_column_by_column() -> None:
    blocks = cells([["案由", "超标排放水污染物案"], *STEPS])
    ink = [ImageItem(kind=ImageKind.SIGNATURE, source="a.docx", block_index=i) for i in (11, 12, 13)]
    ordered, images = grid_reading_order(blocks, ink)
    assert [b.text for b in ordered] == [
        "案由",
        "超标排放水污染物案",
        "审批环节",
        "意见",
        "签名",
        "日期",
        "承办人",
        "建议立案调查。",
        "证号51060020315",
        "2021 年 12 月 31 日",
        "承办机构负责人",
        "同意立案。",
        "",
        "2021 年 12 月 31 日",
        "机关负责人",
        "同意立案，由唐明轩承办。",
        "",
        "年　月　日",
    ]
    assert [im.block_index for im in images] == [8, 12, 16]


def test_a_single_row_under_signers_is_no_step_grid() -> None:
    blocks = cells(STEPS[:2])
    ordered, _ = grid_reading_order(blocks, [])
    assert [b.text for b in ordered] == [b.text for b in blocks]

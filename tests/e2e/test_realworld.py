"""Every real published decision in ../shared/realworld, read end to end through `casefile_eval.evaluate`.

Each is a lone decision: it is evaluated as a partial case, its number, party, agency and date read as
printed, and its remedy notice judged right for its agency and date (all of them are correct).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import casefile_eval
from casefile_eval.codes import DocumentType

# file, case number, party, agency, decided (None where the published text has no date)
DECISIONS = [
    (
        "tax/0d5f1a60c7c880da63d7.pdf",
        "二税稽处〔2025〕1号",
        "二连市坤益腾金属有限公司",
        "国家税务总局二连浩特市税务局稽查局",
        "2025-01-09",
    ),
    (
        "tax/4060a17dd4a3fa1c78ad.docx",
        "河市税二稽处〔2026〕12号",
        "广西苒炙机械设备有限公司",
        "国家税务总局河池市税务局第二稽查局",
        "2026-08-07",
    ),
    (
        "tax/78ea0c2f117a55b86c4a.pdf",
        "铁税一稽处〔2026〕35号",
        "辽宁恒慧专用车箱有限公司",
        "国家税务总局铁岭市税务局第一稽查局",
        "2026-07-03",
    ),
    (
        "tax/7b446ef1ecff49132d35.docx",
        "安市税稽罚〔2026〕1号",
        "贵州华泰宁安工程建筑设计有限责任公司",
        "国家税务总局安顺市税务局稽查局",
        "2026-01-16",
    ),
    (
        "tax/87779d6b81bd2cdfd477.pdf",
        "常税稽处〔2026〕73号",
        "常州市文杰车辆配件厂",
        "国家税务总局常州市税务局稽查局",
        "2026-03-09",
    ),
    (
        "tax/ae03e7931046b2a89bb9.docx",
        "河市税二稽罚〔2026〕6号",
        "广西苒炙机械设备有限公司",
        "国家税务总局河池市税务局第二稽查局",
        "2026-08-07",
    ),
    (
        "texts/doc01.txt",
        "津市场监管青竞罚〔2018〕17号",
        "天津市西青区金福家乐食品店",
        "天津市西青区市场和质量监督管理局",
        "2018-07-09",
    ),
    (
        "texts/doc02.txt",
        "玉国税稽罚〔2015〕86号",
        "浙江维拉利家具有限公司",
        "玉环县国家税务局稽查局",
        "2015-10-22",
    ),
    ("texts/doc04.txt", None, "上海羽展汽车销售有限公司", "上海保监局", "2018-05-21"),
    (
        "texts/doc06.txt",
        "银保监罚决字〔2021〕35号",
        "太平财产保险有限公司",
        "中国银行保险监督管理委员会",
        None,
    ),
]

WORD97 = [
    (
        "tax/15e48052d2422ea42494.doc",
        "南市税一稽处〔2026〕2号",
        "南宁洪谦金贸易有限公司",
        "国家税务总局南宁市税务局第一稽查局",
        "2026-01-06",
    ),
    (
        "tax/5fa3c64462e529c1942f.doc",
        "南市税三稽罚〔2026〕9号",
        "广西松柏建筑装饰设计有限公司",
        "国家税务总局南宁市税务局第三稽查局",
        "2026-07-16",
    ),
    (
        "tax/9ea878bf490799729d68.doc",
        "南市税三稽处〔2026〕19号",
        "广西威曼能源科技有限公司",
        "国家税务总局南宁市税务局第三稽查局",
        "2026-07-16",
    ),
    (
        "tax/bc6104f8d4fa8f7bf182.doc",
        "温税三稽处〔2026〕100号",
        "温作潘",
        "国家税务总局温州市税务局第三稽查局",
        "2026-05-25",
    ),
]

HAS_SOFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice"))


def _check(
    realworld: Path, name: str, number: str | None, party: str, agency: str, decided: str | None
) -> None:
    result = casefile_eval.evaluate(realworld / name)
    assert result.status == "ok", result.error
    assert result.case is not None
    assert result.documents is not None
    assert result.findings is not None
    case = result.case
    assert (case.case_number, case.party, case.agency, case.dates.decided) == (number, party, agency, decided)
    assert case.partial is True
    assert [d.type for d in result.documents] == [DocumentType.DECISION]
    assert [f for f in result.findings if f.defect == "missing_document"] == []
    assert [f.message for f in result.findings if f.defect == "remedy_notice_error"] == []


@pytest.mark.parametrize(("name", "number", "party", "agency", "decided"), DECISIONS)
def test_real_decision(
    realworld: Path, name: str, number: str | None, party: str, agency: str, decided: str | None
) -> None:
    _check(realworld, name, number, party, agency, decided)


@pytest.mark.skipif(not HAS_SOFFICE, reason="reading .doc needs LibreOffice (soffice)")
@pytest.mark.parametrize(("name", "number", "party", "agency", "decided"), WORD97)
def test_real_word97_decision(
    realworld: Path, name: str, number: str | None, party: str, agency: str, decided: str | None
) -> None:
    _check(realworld, name, number, party, agency, decided)


def test_word97_without_libreoffice_is_a_clear_error(
    realworld: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    result = casefile_eval.evaluate(realworld / WORD97[0][0])
    assert result.status == "error"
    assert result.error is not None
    assert result.error.code == "unsupported_format"
    assert result.error.message == "读取 .doc 文件需要安装 LibreOffice（soffice），本机未找到"


@pytest.mark.slow
def test_real_scanned_decision_read_by_ocr(realworld: Path) -> None:
    result = casefile_eval.evaluate(realworld / "tax" / "ae008038812b2e8bf38c.pdf")
    assert result.status == "ok"
    assert result.case is not None
    assert result.documents is not None
    assert (result.case.case_number, result.case.party, result.case.dates.decided) == (
        "穗番税退罚字〔2026〕1号",
        "广州赞荣服装有限公司",
        "2026-03-06",
    )
    assert [(d.type, d.pages) for d in result.documents] == [(DocumentType.DECISION, [1, 2])]
    case = casefile_eval.read_case(realworld / "tax" / "ae008038812b2e8bf38c.pdf")
    [seal] = case.documents[0].facts.seals
    assert (seal.method, seal.evidence.page if seal.evidence else None) == ("image", 2)
    assert result.findings == []

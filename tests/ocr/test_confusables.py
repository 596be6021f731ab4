from __future__ import annotations

import pytest

from casefile_eval.ocr.confusables import normalize_ocr_text


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("2O2l年3月6口", "2021年3月6日"),
        ("二○一五年十月二十二日", "二〇一五年十月二十二日"),
        ("二Ｏ一五年", "二〇一五年"),
        ("二零二一年十月", "二〇二一年十月"),
        ("一千零五元", "一千零五元"),
        ("穗番税退罚字〔2026]1号", "穗番税退罚字〔2026〕1号"),
        ("国税发(2008)32号", "国税发〔2008〕32号"),
        ("第l2条", "第12条"),
        ("91440113MA59AJFJ1J", "91440113MA59AJFJ1J"),
        ("己经送达", "已经送达"),
        ("巳于当日", "已于当日"),
        ("落款曰期", "落款日期"),
        ("末经许可", "未经许可"),
        ("士地管理", "土地管理"),
        ("Hello Old", "Hello Old"),
        ("ＡＢＣ　１２", "ABC 12"),
    ],
)
def test_normalize_ocr_text(raw: str, folded: str) -> None:
    assert normalize_ocr_text(raw) == folded

"""Recognise an untitled form page by the labels printed on it: a bank or fiscal payment slip (交款人,
收款银行, 金额（大写）…), a copy of a business licence or an identity card (统一社会信用代码, 住所, 经营范围,
公民身份号码…), a photo sheet (拍摄时间, 拍摄人, 证明内容…).

Such pages often carry no title at all (a 银行回单 or a 营业执照复印件 is filed as it is), so neither the
title lexicon nor the page marks can place them. A label counts only where it stands as a field name: at the
start of a line or after a column gap, followed by a gap, a colon or the end of the line; a word inside a
sentence ("到指定银行缴纳罚款") is never a label. Letter-spaced labels ("住 所") are joined first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from casefile_eval.codes import DocumentType
from casefile_eval.textnorm import normalize

MIN_LABELS = 3  # distinct labels of one kind needed before a page is that kind of form

_PAYMENT = (
    "交款人 缴款人 付款人 交款单位 缴款单位 付款单位 交款人名称 缴款人名称 "
    "付款人名称 付款人全称 收款人 收款单位 收款人名称 收款人全称 执收单位 "
    "执收单位名称 收款银行 收款人开户行 付款人开户行 收款账号 付款账号 "
    "收款人账号 付款人账号 交易流水号 流水号 交款日期 缴款日期 交易日期 "
    "交易时间 缴费日期 入账日期 金额(大写) 大写金额 金额大写 小写金额 "
    "金额(小写) 金额(元) 交易金额 收费项目 缴款码 票据号码 票据代码 "
    "校验码 缴款书号码 电子缴税付款凭证 非税收入 罚没收入 回单编号 交易渠道 "
    "附言"
)
# Party particulars (名称, 住所, 法定代表人…) head decisions and records too: they count towards a licence or
# identity card copy only beside a label such a copy alone prints, or beside a certified-copy mark.
_PARTICULARS = "统一社会信用代码 名称 住所 法定代表人 经营者 姓名 性别 民族 出生 住址"
_EVIDENCE_OWN = (
    "注册号 类型 经营场所 注册资本 成立日期 注册日期 营业期限 经营范围 "
    "登记机关 组成形式 公民身份号码 签发机关 有效期限 拍摄时间 拍摄人 "
    "拍摄地点 拍摄对象 照片说明 证明内容 证明对象 提取人 提取时间 提取地点 "
    "[照片] [图片]"
)
_KINDS: tuple[tuple[DocumentType, frozenset[str]], ...] = (
    (DocumentType.PAYMENT_RECEIPT, frozenset(_PAYMENT.split())),
    (DocumentType.EVIDENCE, frozenset(_PARTICULARS.split()) | frozenset(_EVIDENCE_OWN.split())),
)
_OWN_LABELS = {DocumentType.EVIDENCE: frozenset(_EVIDENCE_OWN.split())}
_COPY_MARK = re.compile(r"与原件(?:核对)?(?:一致|相符|无异)|经核对与原件|^\s*[(（]?复印件")
_FIELD_END = re.compile(r":$")
_SPACED_RUN = re.compile(r"(?<!\S)(?:\S(?: |$)){2,6}")


def _words(line: str) -> list[str]:
    """The words of a line, letter-spaced runs ("住 所") joined and a closing colon dropped."""
    text = normalize(line).replace("（", "(").replace("）", ")").strip()
    text = _SPACED_RUN.sub(lambda m: m.group().replace(" ", "") + " ", text)
    return [_FIELD_END.sub("", w) for w in text.split()]


def form_type(lines: Iterable[str]) -> DocumentType | None:
    """The kind of form the lines of one page are, by its field labels; None when the labels do not say."""
    seen: dict[DocumentType, set[str]] = {kind: set() for kind, _ in _KINDS}
    copy_mark = False
    for line in lines:
        copy_mark = copy_mark or _COPY_MARK.search(line) is not None
        for word in _words(line):
            label = word.split(":", 1)[0]
            for kind, labels in _KINDS:
                if label in labels:
                    seen[kind].add(label)
    best = max(_KINDS, key=lambda k: len(seen[k[0]]))[0]
    labels = frozenset(seen[best])
    own = _OWN_LABELS.get(best)
    if len(labels) >= MIN_LABELS and (own is None or copy_mark or labels & own):
        return best
    if copy_mark and len(seen[DocumentType.EVIDENCE]) >= 2:
        return DocumentType.EVIDENCE
    return None

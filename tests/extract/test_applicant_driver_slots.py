"""The party signs under other names: the hearing's applicant signs its record (申请人签名), a driver
stopped on the road signs the weighing slip for the vehicle's operator (驾驶员签字). A header naming the
applicant ("申请人：某砂石场") is no slot."""

from __future__ import annotations

from casefile_eval.codes import DocumentType, Role
from casefile_eval.extract import extract_document_facts
from casefile_eval.model import Block, BlockKind, Document

Slot = tuple[str, Role | None, bool | None]


def _signatures(doc_type: DocumentType, title: str, lines: list[str]) -> list[Slot]:
    blocks = [Block(kind=BlockKind.LINE, text=t, source="c.pdf", page=5) for t in lines]
    doc = Document(type=doc_type, title=title, source="c.pdf", pages=(5, 5), confidence=1.0, blocks=blocks)
    return [(s.label, s.role, s.filled) for s in extract_document_facts(doc).signatures]


def test_the_applicant_signs_the_hearing_record() -> None:
    lines = [
        "听 证 笔 录",
        "时间：2021年9月24日9:00—10:20 地点：三穗县自然资源局三楼会议室",
        "主持人：吴晓东 记录员：杨梅 案件调查人员：张宏、潘志勇",
        "申请人：三穗县八弓镇鑫达砂石场 经营者：邰光明",
        "调查人员陈述了违法事实、证据和处罚建议。申请人称砂石料堆场系临时用地，请求减轻处罚。",
        "主持人：申请人未能提供临时用地批准文件。听证结束，笔录交申请人核对。",
        "申请人签名：",
        "主持人：吴晓东",
        "记录员：杨梅",
    ]
    assert _signatures(DocumentType.HEARING_RECORD, "听证笔录", lines) == [
        ("申请人签名", Role.PARTY, False),
        ("主持人", Role.OFFICER, True),
        ("记录员", Role.RECORDER, True),
    ]


def test_the_driver_signs_the_weighing_slip() -> None:
    lines = [
        "丹寨县交通运输局",
        "车辆超限检测单",
        "检测时间 2022-03-14 08:42",
        "车牌号 贵H·D3576",
        "实测总质量 57.6吨",
        "检测人员 龙俊（贵交执2209187）、王家林（贵交执2209203）",
        "驾驶员签字",
    ]
    assert _signatures(DocumentType.EVIDENCE, "车辆超限检测单", lines) == [("驾驶员签字", Role.PARTY, False)]

"""Readings of holdout54's scans and text renditions: a 送达回证's label wrapped after its 或
(受送达人签名或者 / 盖章 杜永福 2022.5.23) dates the service, not a 落款 (h54-03's scan, DAT-003 raised
though the date was read)."""

from __future__ import annotations

import datetime as dt

from casefile_eval.codes import DateKind, DocumentType, Role
from casefile_eval.extract.dating import date_facts
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines


def test_a_receipts_label_wrapped_after_its_or_dates_the_service() -> None:
    doc = doc_from_lines(
        ["送达回证", "送达方式 直接送达", "受送达人签名或者", "盖章 杜永福 2022.5.23", "送达人 张海东"],
        DocumentType.SERVICE_RECEIPT,
    )
    facts = date_facts(DocText.of(doc))
    assert [(f.kind, f.value, f.role) for f in facts] == [
        (DateKind.SERVED, dt.date(2022, 5, 23), Role.RECIPIENT)
    ]

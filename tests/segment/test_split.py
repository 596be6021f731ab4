from __future__ import annotations

from casefile_eval.codes import DocumentType as T
from casefile_eval.model import Block, BlockKind, ImageItem, ImageKind, Page, ParsedFile
from casefile_eval.segment import split_documents


def line(text: str, page: int | None, source: str = "case.pdf") -> Block:
    return Block(kind=BlockKind.LINE, text=text, source=source, page=page)


def para(text: str, source: str, page: int = 1) -> Block:
    return Block(kind=BlockKind.PARAGRAPH, text=text, source=source, page=page)


def cell(text: str, source: str, row: int, col: int, table: int = 0, page: int = 1) -> Block:
    return Block(kind=BlockKind.CELL, text=text, source=source, page=page, table=table, row=row, col=col)


def pdf(pages: list[list[str]], printed: dict[int, int] | None = None) -> ParsedFile:
    printed = printed or {}
    return ParsedFile(
        source="case.pdf",
        format="pdf",
        sha256="0",
        pages=[
            Page(source="case.pdf", number=n, printed_number=printed.get(n)) for n in range(1, len(pages) + 1)
        ],
        blocks=[line(text, n) for n, texts in enumerate(pages, start=1) for text in texts],
    )


def docx(source: str, blocks: list[Block], pages: int = 1) -> ParsedFile:
    return ParsedFile(
        source=source,
        format="docx",
        sha256="0",
        pages=[Page(source=source, number=n) for n in range(1, pages + 1)],
        blocks=blocks,
    )


def summary(docs):  # type: ignore[no-untyped-def]
    return [(d.type, d.title, d.pages, d.type_method) for d in docs]


BODY = "经查，当事人于2024年1月至3月期间销售超过保质期的食品，违反了《中华人民共和国食品安全法》的规定。"


def test_one_docx_per_document_folder() -> None:
    files = [
        docx(
            "01立案审批表.docx",
            [para("立案审批表", "01立案审批表.docx"), cell("当事人", "01立案审批表.docx", 0, 0)],
        ),
        docx(
            "02询问笔录.docx",
            [
                para("询 问 笔 录", "02询问笔录.docx"),
                para("问：你是否申请回避？", "02询问笔录.docx"),
                para("答：不申请。", "02询问笔录.docx", page=2),
            ],
            pages=2,
        ),
        docx(
            "03行政处罚决定书.docx",
            [
                para("某市市场监督管理局", "03行政处罚决定书.docx"),
                para("行政处罚决定书", "03行政处罚决定书.docx"),
                para("某市监罚〔2024〕12号", "03行政处罚决定书.docx"),
                para(BODY, "03行政处罚决定书.docx"),
            ],
        ),
        docx("04送达回证.docx", [para("受送达人：某某公司", "04送达回证.docx")]),
    ]
    docs = split_documents(files)
    assert summary(docs) == [
        (T.FILING_APPROVAL, "立案审批表", (1, 1), "title"),
        (T.INQUIRY_RECORD, "询 问 笔 录", (1, 2), "title"),
        (T.DECISION, "行政处罚决定书", (1, 1), "title"),
        (T.SERVICE_RECEIPT, None, (1, 1), "filename"),
    ]
    assert [d.source for d in docs] == [f.source for f in files]
    assert [d.confidence for d in docs] == [0.98, 0.98, 0.98, 0.85]
    assert [b.text for b in docs[1].blocks] == ["询 问 笔 录", "问：你是否申请回避？", "答：不申请。"]
    assert all(d.facts.case_number is None for d in docs)


def test_pdf_with_toc_and_offset_printed_numbers() -> None:
    pages = [
        ["行政处罚案卷", "案由：销售过期食品案"],
        [
            "卷内目录",
            "序号 题名 日期 页号",
            "1 立案审批表 2024.3.4 1",
            "2 张三询问笔录 2024.3.6 2-3",
            "3 行政处罚决定书 2024.4.15 4-5",
            "4 送达回证 2024.4.16 6",
        ],
        ["立案审批表", "当事人：某某超市"],
        ["问：你是否申请回避？", "答：不申请。"],  # the inquiry record prints no title here
        ["问：货从哪里进的？", "答：批发市场。"],
        ["某市市场监督管理局", "行政处罚决定书", BODY],
        ["如不服本处罚决定，可以申请行政复议。"],
        ["送达回证", "送达文书名称：行政处罚决定书"],
        ["备考表", "本卷共6页"],
    ]
    docs = split_documents([pdf(pages, printed={n: n - 2 for n in range(3, 9)})])
    assert summary(docs) == [
        (T.COVER, "行政处罚案卷", (1, 1), "title"),
        (T.TOC, "卷内目录", (2, 2), "title"),
        (T.FILING_APPROVAL, "立案审批表", (3, 3), "toc"),
        (T.INQUIRY_RECORD, None, (4, 5), "toc"),
        (T.DECISION, "行政处罚决定书", (6, 7), "toc"),
        (T.SERVICE_RECEIPT, "送达回证", (8, 8), "toc"),
        (T.REMARKS, "备考表", (9, 9), "title"),
    ]
    assert [d.confidence for d in docs] == [0.98, 0.98, 0.99, 0.9, 0.99, 0.99, 0.98]


def test_toc_without_printed_numbers_fits_offset_to_titles() -> None:
    pages = [
        ["卷内文件目录"],
        ["立案审批表", "当事人：某某"],
        ["现场检查笔录", "检查时间：2024年3月6日"],
        ["检查情况：货架上有过期食品。"],
        ["结案审批表", "执行情况：已缴纳罚款。"],
    ]
    toc_cells = [
        cell("序号", "case.pdf", 0, 0, page=1),
        cell("题名", "case.pdf", 0, 1, page=1),
        cell("页号", "case.pdf", 0, 2, page=1),
        cell("1", "case.pdf", 1, 0, page=1),
        cell("立案审批表", "case.pdf", 1, 1, page=1),
        cell("1", "case.pdf", 1, 2, page=1),
        cell("2", "case.pdf", 2, 0, page=1),
        cell("现场检查笔录", "case.pdf", 2, 1, page=1),
        cell("2-3", "case.pdf", 2, 2, page=1),
        cell("3", "case.pdf", 3, 0, page=1),
        cell("结案审批表", "case.pdf", 3, 1, page=1),
        cell("4", "case.pdf", 3, 2, page=1),
    ]
    file = pdf(pages)
    file.blocks[1:1] = toc_cells
    docs = split_documents([file])
    assert summary(docs) == [
        (T.TOC, "卷内文件目录", (1, 1), "title"),
        (T.FILING_APPROVAL, "立案审批表", (2, 2), "toc"),
        (T.INSPECTION_RECORD, "现场检查笔录", (3, 4), "toc"),
        (T.CLOSING_REPORT, "结案审批表", (5, 5), "toc"),
    ]


def test_pdf_without_toc_uses_titles_and_page_marks() -> None:
    pages = [
        ["询问笔录", "询问时间：2024年3月6日", "第1页 共3页"],
        ["询问笔录", "问：你店的牛奶从哪里进货？", "第2页 共3页"],  # a repeated title on page 2
        ["答：从某批发市场。", "第3页共3页"],
        ["询问笔录（第二次）", "询问时间：2024年3月8日"],
        ["现场笔录", "检查时间：2024年3月6日", "第 1 页（共 2 页）"],
        ["检查情况：冷柜温度12度。", "第 2 页（共 2 页）"],
        ["国家税务总局某市税务局稽查局", "税务行政处罚决定书", "某税稽罚〔2024〕3号", BODY],
        ["如对本决定不服，可以申请行政复议。"],
    ]
    docs = split_documents([pdf(pages)])
    assert summary(docs) == [
        (T.INQUIRY_RECORD, "询问笔录", (1, 3), "title"),
        (T.INQUIRY_RECORD, "询问笔录（第二次）", (4, 4), "title"),
        (T.INSPECTION_RECORD, "现场笔录", (5, 6), "title"),
        (T.DECISION, "税务行政处罚决定书", (7, 8), "title"),
    ]
    assert [d.confidence for d in docs] == [0.98, 0.97, 0.98, 0.98]


def test_archive_wide_page_numbers_do_not_tie_documents() -> None:
    pages = [
        ["立案审批表", "第1页 共5页"],
        ["询问笔录", "第2页 共5页"],
        ["答：是的。", "第3页 共5页"],
        ["行政处罚决定书", "第4页 共5页"],
        ["送达回证", "第5页 共5页"],
    ]
    docs = split_documents([pdf(pages)])
    assert [(d.type, d.pages) for d in docs] == [
        (T.FILING_APPROVAL, (1, 1)),
        (T.INQUIRY_RECORD, (2, 3)),
        (T.DECISION, (4, 4)),
        (T.SERVICE_RECEIPT, (5, 5)),
    ]


def test_agency_prefixed_and_spaced_titles_and_table_first_row() -> None:
    source = "x.docx"
    files = [
        docx("a.docx", [para("长沙市芙蓉区行政执法局立案审批表", "a.docx")]),
        docx("b.docx", [para("行 政 处 罚 事 先 告 知 书", "b.docx"), para(BODY, "b.docx")]),
        docx(source, [cell("重大案件集体讨论记录", source, 0, 0), cell("讨论时间", source, 1, 0)]),
        docx("c.docx", [para("XX县农业农村局", "c.docx"), para("农业行政处罚决定书（存根）", "c.docx")]),
    ]
    docs = split_documents(files)
    assert summary(docs) == [
        (T.FILING_APPROVAL, "长沙市芙蓉区行政执法局立案审批表", (1, 1), "title"),
        (T.PRIOR_NOTICE, "行 政 处 罚 事 先 告 知 书", (1, 1), "title"),
        (T.COLLECTIVE_DISCUSSION, "重大案件集体讨论记录", (1, 1), "title"),
        (T.DECISION, "农业行政处罚决定书（存根）", (1, 1), "title"),
    ]
    assert [d.confidence for d in docs] == [0.97, 0.98, 0.98, 0.97]


def test_body_mentions_and_served_document_names_are_not_titles() -> None:
    source = "r.docx"
    files = [
        docx(
            "d.docx",
            [
                para("行政处罚决定书", "d.docx"),
                para("本局于2024年4月2日向当事人送达了", "d.docx"),
                para("行政处罚事先告知书，当事人未陈述申辩。", "d.docx", page=2),
            ],
            pages=2,
        ),
        docx(
            source,
            [
                para("送达回证", source),
                cell("送达文书名称", source, 0, 0),
                cell("行政处罚决定书", source, 0, 1),
                cell("受送达人", source, 1, 0),
            ],
        ),
        docx("s.docx", [cell("送达文书名称", "s.docx", 0, 0), cell("行政处罚决定书", "s.docx", 0, 1)]),
    ]
    docs = split_documents(files)
    assert [(d.type, d.title, d.pages) for d in docs[:2]] == [
        (T.DECISION, "行政处罚决定书", (1, 2)),
        (T.SERVICE_RECEIPT, "送达回证", (1, 1)),
    ]
    assert docs[2].title is None
    assert docs[2].type_method in ("classifier", "default")
    assert docs[2].type is not T.DECISION


def test_plain_text_splits_on_title_lines_with_agency_header() -> None:
    texts = [
        "某市市场监督管理局",
        "行政处罚决定书",
        "某市监罚〔2024〕1号",
        BODY,
        "某市市场监督管理局",
        "2024年4月15日",
        "某市市场监督管理局",
        "送达回证",
        "送达文书名称：行政处罚决定书",
    ]
    file = ParsedFile(
        source="case.txt", format="txt", sha256="0", blocks=[line(t, None, "case.txt") for t in texts]
    )
    docs = split_documents([file])
    assert summary(docs) == [
        (T.DECISION, "行政处罚决定书", None, "title"),
        (T.SERVICE_RECEIPT, "送达回证", None, "title"),
    ]
    assert [b.text for b in docs[1].blocks] == [
        "某市市场监督管理局",
        "送达回证",
        "送达文书名称：行政处罚决定书",
    ]


def test_unread_pages_join_previous_document_with_low_confidence() -> None:
    file = pdf([["行政处罚决定书", BODY], [], []])
    file.pages[1].needs_ocr = True
    file.pages[2].needs_ocr = True
    lead = pdf([[], ["立案审批表"]])
    lead.pages[0].needs_ocr = True
    docs = split_documents([file, lead])
    assert [(d.type, d.pages, d.confidence, d.type_method) for d in docs] == [
        (T.DECISION, (1, 3), 0.6, "title"),
        (T.OTHER, (1, 1), 0.2, "default"),
        (T.FILING_APPROVAL, (2, 2), 0.98, "title"),
    ]


def test_images_are_copied_and_reindexed() -> None:
    file = pdf([["立案审批表", "负责人签名："], ["送达回证", "受送达人签名："]])
    file.images = [
        ImageItem(kind=ImageKind.SIGNATURE, source="case.pdf", page=2, block_index=3),
        ImageItem(kind=ImageKind.SEAL, source="case.pdf", page=1, block_index=None),
    ]
    docs = split_documents([file])
    assert [(i.kind, i.block_index) for i in docs[0].images] == [(ImageKind.SEAL, None)]
    assert [(i.kind, i.block_index) for i in docs[1].images] == [(ImageKind.SIGNATURE, 1)]
    assert file.images[0].block_index == 3


def test_toc_rows_pointing_past_their_titles_do_not_type_the_pages() -> None:
    """A 目录 whose page numbers run one too high from its third row on: the titles decide, and the
    untitled photo page is not typed as the record the wrong row points at."""
    pages = [
        ["卷内目录", "1 立案审批表 2", "2 询问笔录 3", "3 现场检查笔录 5", "4 行政处罚决定书 7"],
        ["立案审批表", "案由：未取得许可从事经营活动"],
        ["询问笔录", "问：你是否知道需要取得许可？", "答：知道。"],
        ["现场检查笔录", "检查情况：店内有经营设备三台。"],
        ["证明对象 店内经营设备", "拍摄时间 2024年5月6日", "拍摄人 执法人员甲、乙", "当事人签名"],
        ["行政处罚决定书", "当事人：某某经营部"],
    ]
    docs = split_documents([pdf(pages)])
    assert [(d.type, d.title, d.pages) for d in docs][:4] == [
        (T.TOC, "卷内目录", (1, 1)),
        (T.FILING_APPROVAL, "立案审批表", (2, 2)),
        (T.INQUIRY_RECORD, "询问笔录", (3, 3)),
        (T.INSPECTION_RECORD, "现场检查笔录", (4, 4)),
    ]
    assert [(d.type, d.pages, d.type_method) for d in docs[4:]] == [
        (T.EVIDENCE, (5, 5), "labels"),
        (T.DECISION, (6, 6), "title"),
    ]


def test_a_records_own_page_numbers_do_not_place_the_toc() -> None:
    """A 笔录 numbering its own pages "— 1 —", "— 2 —" is not the archive's numbering: the 目录 counts
    from the page after it, as the titles show."""
    pages = [
        ["卷内目录", "1 立案审批表 1", "2 询问笔录 2-3", "3 行政处罚决定书 4"],
        ["立案审批表", "当事人：某某药房"],
        ["询问笔录", "问：你是否申请回避？", "— 1 —"],
        ["问：药品从哪里进的？", "答：供应站。", "— 2 —"],
        ["行政处罚决定书", BODY],
    ]
    docs = split_documents([pdf(pages, printed={3: 1, 4: 2})])
    assert summary(docs) == [
        (T.TOC, "卷内目录", (1, 1), "title"),
        (T.FILING_APPROVAL, "立案审批表", (2, 2), "toc"),
        (T.INQUIRY_RECORD, "询问笔录", (3, 4), "toc"),
        (T.DECISION, "行政处罚决定书", (5, 5), "toc"),
    ]


def test_a_page_headed_as_a_continuation_goes_on_with_its_record() -> None:
    """ "（续）询问笔录" heads page 2 of a two-page record: the same record, not a second one."""
    pages = [
        ["询问笔录", "询问时间：2024年3月12日14时30分至15时40分", "问：你单位有几名医师？"],
        ["（续）询问笔录", "答：两名。", "- 2/2 -"],
        ["案件调查终结报告", BODY],
    ]
    assert summary(split_documents([pdf(pages)])) == [
        (T.INQUIRY_RECORD, "询问笔录", (1, 2), "title"),
        (T.INVESTIGATION_REPORT, "案件调查终结报告", (3, 3), "title"),
    ]


def test_a_later_page_heading_itself_with_agency_and_title_again_continues_the_document() -> None:
    pages = [
        [
            "济源市交通运输局",
            "调查询问笔录",
            "（第1页 共2页）",
            "询问时间：2016年03月17日14时30分",
            "第 1 页 共 2 页",
        ],
        # the running head repeats the agency, then the title, then the page mark
        [
            "济源市交通运输局",
            "调查询问笔录",
            "（第2页 共2页）",
            "问：运费是多少？",
            "答：一趟800元。",
            "第 2 页 共 2 页",
        ],
        [
            "济源市交通运输局",
            "案件调查终结报告",
            "经调查，当事人未取得道路运输经营许可擅自从事道路货物运输经营。",
        ],
    ]
    docs = split_documents([pdf(pages)])
    assert summary(docs) == [
        (T.INQUIRY_RECORD, "调查询问笔录", (1, 2), "title"),
        (T.INVESTIGATION_REPORT, "案件调查终结报告", (3, 3), "title"),
    ]
    assert [b.text for b in docs[0].blocks][5:8] == ["济源市交通运输局", "调查询问笔录", "（第2页 共2页）"]


def test_a_running_head_atop_every_page_is_no_title() -> None:
    """An archive printed as one volume heads every form with "某某局 行政处罚案卷": that line is the
    volume's running head, and each page's title is the form's own below it."""
    head = "马鞍山市应急管理局　行政处罚案卷"
    pages = [
        [head, "现场检查笔录", "检查时间：2023年7月11日9时30分至10时40分"],
        [head, "立案审批表", "立案编号：马应急立〔2023〕17号"],
        [head, "行政处罚决定书", "马应急罚〔2023〕17号", BODY],
        [head, "送达回证", "受送达人：马鞍山市恒锐金属制品有限公司"],
    ]
    assert [(d.type, d.title, d.pages) for d in split_documents([pdf(pages)])] == [
        (T.INSPECTION_RECORD, "现场检查笔录", (1, 1)),
        (T.FILING_APPROVAL, "立案审批表", (2, 2)),
        (T.DECISION, "行政处罚决定书", (3, 3)),
        (T.SERVICE_RECEIPT, "送达回证", (4, 4)),
    ]
    # on a scan the head is read a little differently on each page (a character lost or misread)
    scanned = [
        ["国家税务总局沧州市运河区税务局行政处罚案卷", "税务事项通知书", "沧运税通〔2024〕2207号"],
        ["杭务局行政处罚案卷", "税务行政处罚决定书（简易）", "沧运税简罚〔2024〕136号"],
        ["国家税务总局沧州市运河区税务局行政处罚案卷", "送达回证", "受送达人：某某商贸有限公司"],
    ]
    assert [(d.type, d.pages) for d in split_documents([pdf(scanned)])] == [
        (T.OTHER, (1, 1)),
        (T.SUMMARY_DECISION, (2, 2)),
        (T.SERVICE_RECEIPT, (3, 3)),
    ]
    # the agency's name atop every form is a running head; a line printing a title after it is none
    agency = "衢州市应急管理局"
    headed = [
        [agency, "现场检查笔录", "检查时间：2021年3月2日"],
        [agency, "立案审批表", "立案编号：衢应急立〔2021〕5号"],
        [f"{agency}证据清单", "证据1 现场检查（勘验）笔录 证据2 调查询问笔录", "证据3 员工花名册"],
        [agency, "送达回证", "受送达人：衢州市某某化工有限公司"],
    ]
    assert [d.type for d in split_documents([pdf(headed)])] == [
        T.INSPECTION_RECORD,
        T.FILING_APPROVAL,
        T.EVIDENCE,
        T.SERVICE_RECEIPT,
    ]
    # a file of one record titled atop each of its pages keeps that title
    record = [["询问笔录", f"问：第{n}问？答：是的。", f"第{n}页 共4页"] for n in range(1, 5)]
    assert [(d.type, d.pages) for d in split_documents([pdf(record)])] == [(T.INQUIRY_RECORD, (1, 4))]


def test_an_untitled_page_opening_with_a_document_number_starts_the_document_the_classifier_reads() -> None:
    """holdout56 h56-04 (kazhi): a fold across the decision's title lost it on the scan. The page opens with
    the decision's 文号 under the record before it, titled: that page heads a document of its own, on the
    classifier's ordinary switching confidence rather than the clear one a titled record needs."""
    discussion = [
        "重大行政处罚案件集体讨论记录",
        "讨论时间：2016年11月8日　地点：局三楼会议室",
        "主持人：彭文华　参加人：万长青、祝晓东、刘敏",
        "讨论意见：事实清楚，证据确凿，同意责令停止生产并处罚款4万元。",
    ]
    decision = [  # (the page as OCR read it, the fold's doubled print read "环刊")
        "国环罚字（2016）第12号",
        "环刊",
        "当事人：固始县鑫源木业有限公司",
        "统一社会信用代码：91411525MA3X4T7B2L法定代表人：蒋国平",
        "地址：固始县城郊乡工业集聚区纬二路16号",
        "一、环境违法事实和证据",
        "我局于2016年10月8日对你公司进行现场检查，发现你公司年产3万立方米胶合板项目配套建",
        "设的喷漆废气治理设施未经环境保护验收，主体工程于2016年8月10日投入生产。以上事实有现",
        "场检查（勘察）笔录、调查询问笔录为证。我局于2016年11月7日向你公司送达了听证告知书。",
        "二、行政处罚的依据和种类",
        "你公司的行为违反了《建设项目环境保护管理条例》第二十三条的规定。依据《中华人民共",
        "和国环境保护法》第三十六条和《建设项目环境保护管理条例》第二十八条的规定，我局决定：",
        "责令你公司停止生产，并处罚款人民币肆万元整。",
        "三、履行方式和期限",
        "罚款自收到本决定书之日起十五日内缴至固始县财政局指定账户。逾期不缴纳的，每日按罚",
        "款数额的3%加处罚款。",
        "四、申请复议或者提起诉讼的途径和期限",
        "如不服本决定，可在收到本决定书之日起六十日内向固始县人民政府或者信阳市环境保护局",
        "申请行政复议，也可以在六个月内向固始县人民法院提起行政诉讼。",
        "固始县环境保护局",
        "二〇一六年十一月九日",
    ]
    docs = split_documents([pdf([discussion, decision])])
    assert [(d.type, d.pages) for d in docs] == [
        (T.COLLECTIVE_DISCUSSION, (1, 1)),
        (T.DECISION, (2, 2)),
    ]

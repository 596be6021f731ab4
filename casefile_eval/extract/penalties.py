"""The kinds of penalty a decision imposes (行政处罚法 art. 9): 警告, 通报批评, 罚款, 没收违法所得,
没收非法财物, 暂扣/吊销许可证件, 降低资质等级, 责令停产停业, 责令关闭, 限制从业, 行政拘留; and the
限期拆除 of the land and planning laws.

Read after the decision heading and outside quoted statute text; 责令改正 is not a penalty and is not listed.
"""

from __future__ import annotations

import re

from casefile_eval.extract.text import DocText, inside, quote_spans

_HEAD = re.compile(
    r"处罚决定如下|处罚如下|如下处罚|决定如下|[一二三四五六七八九十][、.]?(?:行政)?处罚(?:决定|的依据|种类)"
    r"|决定(?:对|给予|处以|作出|予以)"
)
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("警告", re.compile(r"(?<!预)警告")),
    ("通报批评", re.compile(r"通报批评")),
    ("罚款", re.compile(r"(?<!加处)(?<!缴纳)(?<!交纳)罚款(?!数额|代收|收缴|决定与|的百分之)")),
    ("没收违法所得", re.compile(r"没收(?:其|当事人)?(?:全部)?违法所得")),
    (
        "没收非法财物",
        re.compile(r"没收(?:其|当事人)?(?:全部)?(?:非法财物|违法(?:物品|财物|工具|产品|商品)|涉案|用于违法)"),
    ),
    ("暂扣许可证件", re.compile(r"暂扣[^。；，]{0,12}(?:许可证|执照|证件|驾驶证|资格证)")),
    ("吊销许可证件", re.compile(r"吊销[^。；，]{0,12}(?:许可证|执照|证件|驾驶证|资格证|证书)")),
    ("降低资质等级", re.compile(r"降低[^。；，]{0,6}资质等级")),
    ("责令停产停业", re.compile(r"责令[^。；，]{0,4}(?:停产停业|停产整顿|停业整顿|停止生产|停止营业)")),
    ("责令关闭", re.compile(r"责令[^。；，]{0,4}关闭")),
    ("限制从业", re.compile(r"限制(?:[^。；，]{0,8})?从业|禁止[^。；，]{0,8}从业")),
    ("行政拘留", re.compile(r"行政拘留|拘留[0-9一二三四五六七八九十]+日")),
    # 土地管理法 art. 77, 城乡规划法 art. 64: the buildings on the land taken or built without a permit
    ("限期拆除", re.compile(r"(?:限期|责令)[^。；，]{0,6}拆除")),
)


def find_penalties(dt_: DocText, has_fine: bool) -> list[str]:
    """Penalty kinds imposed, in the statute's order; 罚款 counts when a fine amount was read or named."""
    flat = dt_.flat
    head = _HEAD.search(flat)
    part_start = head.start() if head else 0
    quotes = quote_spans(flat)
    found: list[str] = []
    for name, pattern in _KINDS:
        hit = any(not inside(quotes, m.start()) for m in pattern.finditer(flat, part_start))
        if name == "罚款":
            hit = has_fine or (
                hit
                and re.search(r"(?:处以?|并处|给予)(?:[^。；，]{0,12})?罚款", flat[part_start:]) is not None
            )
        if hit:
            found.append(name)
    return found

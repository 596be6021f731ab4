"""Legal citations: 《…》第X条第X款第X项, with Chinese or Arabic numbers, 第（一）项, lists (第十条、第十二条,
also across a quoted article text), a parenthetical between title and article (version or issuing order),
abbreviations defined in the text ("（以下简称《保险法》）") and a normalised `law_key`.
"""

from __future__ import annotations

import re

from casefile_eval.extract.cnnum import CN_NUMBER_CLASS, cn_to_int
from casefile_eval.extract.text import DocText, inside, quote_spans
from casefile_eval.model import Citation

_N = rf"[0-9{CN_NUMBER_CLASS}]+"
# (on a scan the closing 》 at a line's end may be lost, "《中华人民共和国税收征收管理法 / 第六十二条": a
# law's name ended by 法, 条例, 规定, 办法 or 规则 right before the article closes the title)
_TITLE = re.compile(rf"《(?P<law>[^《》\n]{{2,80}}?)(?:》|(?<=[法例定则])(?=第{_N}条))")
_REF = re.compile(
    rf"第(?P<art>{_N})条(?:之(?P<sub>{_N}))?(?:第(?P<para>{_N})款)?"
    rf"(?:第?[（(](?P<item_b>{_N})[)）]项?|第(?P<item>{_N})项)?"
)
_JOINER = re.compile(r"(?:“[^”]{0,800}”|\"[^\"]{0,800}\")?(?:、|，|,|和|及|以及|或者?|与)")
_DEFINITION = re.compile(
    r"《(?P<full>[^《》]{2,80})》[（(]以下简称[“\"《]?(?P<short>[^”\"》）)]{1,30})[”\"》]?[）)]"
)
_VERSION = re.compile(
    r"(?P<v>(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:第[一二三四五六七八九十]+次)?(?:修订|修正|修改|版|施行|公布))"
)
# a parenthetical opening with a full date names the version adopted that day: （1989年12月26日）,
# （2014年4月24日第十二届全国人民代表大会常务委员会第八次会议修订）; a history listing several (…通过
# 2014年4月24日…修订), the last
_FULL_DATE = r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日"
_PAREN_DATE = re.compile(rf"^[（(]\s*{_FULL_DATE}")
_INNER_PAREN = re.compile(r"[（(][^（）()]*[)）]$")
_NATIONAL = "中华人民共和国"
# Regulations whose official title carries 中华人民共和国 though they are no 法 (tax, invoices).
_PREFIXED_REGULATIONS = re.compile(
    r"^(?:增值税|消费税|营业税|城镇土地使用税|印花税|契税|城市维护建设税|房产税|土地增值税|资源税|耕地占用税|车船税"
    r"|车辆购置税|进出口关税|发票管理)(?:暂行条例|条例|办法)(?:实施细则)?$"
)
PAREN_MAX = 400


def law_key(title: str, aliases: dict[str, str] | None = None) -> str:
    """The normalised title of a law: aliases resolved, spaces and a version parenthetical dropped,
    中华人民共和国 added to a national 法 (and its 实施条例/细则) cited by its short name."""
    key = re.sub(r"\s+", "", title)
    key = key.replace("〈", "《").replace("〉", "》")
    key = _INNER_PAREN.sub("", key) if _VERSION.search(key[-16:]) else key
    if aliases and key in aliases:
        key = aliases[key]
    if key.startswith(_NATIONAL):
        return key
    core = re.sub(r"(?:实施条例|实施细则|实施办法)$", "", key)
    national_law = core.endswith(("法", "法典")) and not core.endswith(("办法", "方法"))
    if national_law or _PREFIXED_REGULATIONS.match(key):
        return _NATIONAL + key
    return key


def _skip_parenthetical(flat: str, pos: int) -> tuple[int, str]:
    """Skip a balanced parenthetical right after a title; return the new position and its text."""
    if pos >= len(flat) or flat[pos] not in "（(":
        return pos, ""
    depth = 0
    for i in range(pos, min(len(flat), pos + PAREN_MAX)):
        if flat[i] in "（(":
            depth += 1
        elif flat[i] in "）)":
            depth -= 1
            if depth == 0:
                return i + 1, flat[pos : i + 1]
    return pos, ""


def _version_hint(law: str, paren: str) -> str | None:
    for text in (law, paren):
        m = _VERSION.search(text)
        if m:
            return m.group("v")
    return re.findall(_FULL_DATE, paren)[-1] if _PAREN_DATE.match(paren) else None


def _aliases(flat: str) -> dict[str, str]:
    return {m.group("short"): law_key(m.group("full")) for m in _DEFINITION.finditer(flat)}


def _citation(dt_: DocText, law: str, key: str, ref: re.Match[str], hint: str | None) -> Citation | None:
    article = cn_to_int(ref.group("art"))
    if article is None or article == 0:
        return None
    para = ref.group("para")
    item = ref.group("item") or ref.group("item_b")
    return Citation(
        law=law,
        law_key=key,
        article=article,
        paragraph=cn_to_int(para) if para else None,
        item=cn_to_int(item) if item else None,
        raw=f"《{law}》{ref.group()}",
        version_hint=hint,
        evidence=dt_.evidence(ref.start(), ref.end(), flat=True),
    )


# a law named again by reference to the one named last: 违反了《…法》第十六条，依据该法第六十条
LAW_NAMED_AGAIN = r"(?:该|同|上述)(?:法|条例|规定|办法|细则|规章)"
_BACK_REF = re.compile(rf"{LAW_NAMED_AGAIN}(?=第)")


def find_citations(dt_: DocText) -> list[Citation]:
    """Every article cited with its law, in order of appearance; "该法第六十条" cites the law named last
    before it."""
    flat = dt_.flat
    aliases = _aliases(flat)
    quotes = quote_spans(flat)
    found: list[tuple[int, Citation]] = []
    titles = [title for title in _TITLE.finditer(flat) if not inside(quotes, title.start())]
    for title in titles:
        law = title.group("law")
        pos, paren = _skip_parenthetical(flat, title.end())
        found += _articles(dt_, law, law_key(law, aliases), pos, _version_hint(law, paren))
    for back in _BACK_REF.finditer(flat):
        named = [title for title in titles if title.end() <= back.start()]
        if named and not inside(quotes, back.start()):
            law = named[-1].group("law")
            _, paren = _skip_parenthetical(flat, named[-1].end())
            found += _articles(dt_, law, law_key(law, aliases), back.end(), _version_hint(law, paren))
    return [citation for _, citation in sorted(found, key=lambda item: item[0])]


def _articles(dt_: DocText, law: str, key: str, pos: int, hint: str | None) -> list[tuple[int, Citation]]:
    """The articles of one law cited from `pos` on (第十条、第十二条…), each with where it stands."""
    out: list[tuple[int, Citation]] = []
    while (ref := _REF.match(dt_.flat, pos)) is not None:
        citation = _citation(dt_, law, key, ref, hint)
        if citation is not None:
            out.append((ref.start(), citation))
        joiner = _JOINER.match(dt_.flat, ref.end())
        if joiner is None:
            break
        pos = joiner.end()
    return out

"""Rates and direction words in the narrative against the amounts they compare.

- "2023年执行数为A万元，2024年预算安排B万元，比2023年执行数减少r%": r must be B/A − 1,
  the word must go the way the amounts go (增加 when B > A, 持平 when equal), and the
  reason that follows ("主要原因是：…经费增加") must not say the opposite.
- "全年预算为A万元，支出决算为B万元，完成全年预算的r%": r = B / A; "完成年初预算的r%"
  when 年初预算 is 0 has no rate at all. "决算数小于全年预算数" must hold for A and B.
- "总额T万元，…：X a万元，占r%": r = a / T.
A rate off by one unit in its last printed place is rounding (提示), more is an error; a
direction word against the amounts is an error. Words: `[words]` of audit.toml.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from ingest.checks.audit_words import words
from ingest.checks.audit_items import headline_amount
from ingest.checks.audit_text import AMOUNT, Paragraph, number, paragraphs, places, quote_ref, sentences
from ingest.checks.values import format_number
from ingest.model import Document, Finding, Verdict

_YEAR = r"((?:19|20)\d\d)年"
_MONEY = r"(亿元|万元|元)"


def _pair() -> re.Pattern:
    w = words()
    change = "|".join(map(re.escape, w["up"] + w["down"] + w["same"]))
    return re.compile(
        _YEAR + r"[^。；，\d]*?" + AMOUNT + _MONEY + r"[，,]" + _YEAR + r"[^。；，\d]*?" + AMOUNT + _MONEY
        + r"[，,]\s*(?:比|较)" + _YEAR + r"[^。；，\d]*?(" + change + r")\s*(?:" + AMOUNT + r"\s*%)?")


def rate_findings(document: Document) -> list[Finding]:
    """Every rate, completion rate, share and direction word of the narrative, checked."""
    found: list[Finding] = []
    for paragraph in paragraphs(document):
        found += pair_findings(paragraph)
        found += completion_findings(paragraph)
        found += share_findings(paragraph)
    return found


def is_pair_rate(sentence: str) -> bool:
    """Whether a sentence states both years' amounts and the rate between them (checked here)."""
    return bool(_pair().search(sentence))


# ---------------------------------------------------------------- two years' amounts and a rate


def pair_findings(paragraph: Paragraph, headline: float | None = None) -> list[Finding]:
    found = []
    for match in _pair().finditer(paragraph.text):
        year_a, a_raw, unit_a, year_b, b_raw, unit_b, base_year, word, rate_raw = match.groups()
        if unit_a != unit_b or base_year != year_a:
            continue
        a, b = number(a_raw), number(b_raw)
        quote = match.group(0)
        said = f"{year_b}年 {b_raw} {unit_b}，{year_a}年 {a_raw} {unit_a}"
        cells = (quote_ref(paragraph, quote, a_raw, unit_a), quote_ref(paragraph, quote, b_raw, unit_b))
        direction = _direction(word)
        actual = "same" if a == b else ("up" if b > a else "down")
        if direction != actual:
            found.append(_finding("direction", Verdict.ERROR, paragraph, quote, cells,
                                  f"{said}，{_how(actual, a, b, unit_a)}，原文却写“{word}”，方向与金额相反。"))
            continue
        reason = _reason_contradicts(paragraph.text[match.end():], actual)
        if reason:
            found.append(_finding("direction", Verdict.ERROR, paragraph, f"{quote}。{reason}", cells,
                                  f"{said}，{_how(actual, a, b, unit_a)}（{word}{rate_raw or ''}"
                                  f"{'%' if rate_raw else ''}），但所述原因“{reason}”说的是相反方向。"))
        if rate_raw:
            finding = _rate_finding(paragraph, quote, cells, said, a, b, rate_raw)
            headline = headline_amount(paragraph.text)
            if finding.verdict == Verdict.ERROR and headline not in (None, b) and a and \
                    judge(paragraph, quote, cells, "", abs(headline / a - 1) * 100, rate_raw).ok:
                continue  # the rate follows from the item's other amount: a two-amounts fault
            found.append(finding)
    return found


def _direction(word: str) -> str:
    w = words()
    return "up" if word in w["up"] else ("down" if word in w["down"] else "same")


def _how(actual: str, a: float, b: float, unit: str) -> str:
    if actual == "same":
        return "两者相等"
    return f"{'增加' if actual == 'up' else '减少'} {format_number(round(abs(b - a), 6))} {unit}"


def _reason_contradicts(after: str, actual: str) -> str:
    """The reason sentence right after the statement, when it only names the other direction."""
    w = words()
    head = after.lstrip("，,。；;")
    marks = "|".join(map(re.escape, w["reason"]))
    match = re.match(r"(?:[^。]{0,6}?)(?:" + marks + r")[：:]?([^。]*)", head)
    if not match or actual == "same":
        return ""
    reason = match.group(1)
    ups = any(x in reason for x in w["up"])
    downs = any(x in reason for x in w["down"]) or any(x in reason for x in w["same"])
    if actual == "down" and ups and not downs or actual == "up" and downs and not ups:
        return match.group(0).strip()
    return ""


def _rate_finding(paragraph, quote, cells, said, a, b, rate_raw) -> Finding:
    stated = number(rate_raw)
    rate_cell = quote_ref(paragraph, quote, rate_raw, "%")
    if a == 0:
        if stated == words()["zero_base_rate"]:
            return _finding("rate", Verdict.OK, paragraph, quote, cells + (rate_cell,),
                            f"{said}，上年为 0，按惯例写作 {rate_raw}%。")
        return _finding("rate", Verdict.WARNING, paragraph, quote, cells + (rate_cell,),
                        f"{said}，上年为 0，增减率 {rate_raw}% 无从计算。")
    computed = abs(b / a - 1) * 100
    return judge(paragraph, quote, cells + (rate_cell,), f"{said}，增减率为 {computed:.4f}%", computed, rate_raw)


def judge(paragraph: Paragraph, quote: str, cells, said: str, computed: float, printed: str,
          check: str = "rate") -> Finding:
    """A stated rate against the computed one: equal after rounding, off in the last place, or wrong."""
    digits = places(printed)
    rounded = Decimal(str(computed)).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)
    stated = number(printed)
    if float(rounded) == stated:
        return _finding(check, Verdict.OK, paragraph, quote, cells, f"{said}，四舍五入为 {rounded}%，与所述一致。")
    if abs(stated - computed) < 10.0 ** -digits:
        return _finding(check, Verdict.ROUNDING, paragraph, quote, cells,
                        f"{said}，应为 {rounded}%，所述 {printed}% 差在末位，属尾数差异。")
    return _finding(check, Verdict.ERROR, paragraph, quote, cells,
                    f"{said}，应为 {rounded}%，所述为 {printed}%，相差 {abs(stated - computed):.2f} 个百分点。")


# ---------------------------------------------------------------- completion of the budget (决算)

_BUDGET = {
    "年初": re.compile(r"年初预算(?:数)?为?" + AMOUNT + "万元"),
    "全年": re.compile(r"(?:全年预算|调整预算)(?:数)?为?" + AMOUNT + "万元"),
    "决算": re.compile(r"决算(?:数)?为?" + AMOUNT + "万元"),
}
_COMPLETION = re.compile(r"完成(年初|全年)?预算(?:数)?的" + AMOUNT + "%")


def _budget_amounts(text: str) -> dict[str, str]:
    return {name: m.group(1) for name, pattern in _BUDGET.items() if (m := pattern.search(text))}


def completion_findings(paragraph: Paragraph) -> list[Finding]:
    found = []
    for sentence in sentences(paragraph.text):
        amounts = _budget_amounts(sentence)
        if "决算" not in amounts:
            continue
        spent_raw = amounts["决算"]
        spent = number(spent_raw)
        for match in _COMPLETION.finditer(sentence):
            which = match.group(1) or ("全年" if "全年" in amounts else "年初")
            if which not in amounts:
                continue
            base_raw, rate_raw = amounts[which], match.group(2)
            cells = tuple(quote_ref(paragraph, sentence, amounts[k], "万元") for k in amounts) + (
                quote_ref(paragraph, sentence, rate_raw, "%"),)
            base = number(base_raw)
            if base == 0:
                other = ("全年" if which == "年初" else "年初")
                hint = ""
                if other in amounts and number(amounts[other]):
                    ratio = spent / number(amounts[other]) * 100
                    hint = (f"；{rate_raw}% 是决算 {spent_raw} 万元占{other}预算 {amounts[other]} 万元的比例"
                            f"（{ratio:.2f}%），应写“完成{other}预算的{rate_raw}%”")
                found.append(_finding("rate", Verdict.ERROR, paragraph, sentence, cells,
                                      f"{which}预算为 {base_raw} 万元，“完成{which}预算的{rate_raw}%”无从计算{hint}。"))
                continue
            found.append(judge(paragraph, sentence, cells,
                               f"决算 {spent_raw} 万元 / {which}预算 {base_raw} 万元 = {spent / base * 100:.4f}%",
                               spent / base * 100, rate_raw))
        found += _comparison_words(paragraph, sentence, amounts, spent_raw)
    return found


def _comparison_words(paragraph: Paragraph, sentence: str, amounts: dict[str, str], spent_raw: str) -> list[Finding]:
    """"决算数小于全年预算数", "决算数与全年预算数持平": the word against the two amounts; an
    unqualified 预算数 is the full-year budget when the sentence states one."""
    w = words()
    found = []
    rest = sentence
    following = paragraph.text[paragraph.text.find(sentence) + len(sentence):]
    for text in (rest, following.split("。")[0] if following else ""):
        for match in re.finditer(r"决算数?(" + "|".join(w["more"] + w["less"]) + r"|与)(年初|全年)?预算数?(持平)?", text):
            relation, which = match.group(1), match.group(2) or ("全年" if "全年" in amounts else "年初")
            if which not in amounts or (relation == "与" and not match.group(3)):
                continue
            spent, base = number(spent_raw), number(amounts[which])
            holds = (spent > base if relation in w["more"] else spent < base if relation in w["less"]
                     else spent == base)
            if not holds:
                cells = (quote_ref(paragraph, sentence, spent_raw, "万元"),
                         quote_ref(paragraph, sentence, amounts[which], "万元"))
                found.append(_finding("direction", Verdict.ERROR, paragraph, match.group(0), cells,
                                      f"决算 {spent_raw} 万元、{which}预算 {amounts[which]} 万元，"
                                      f"原文却写“{match.group(0)}”，与金额不符。"))
        if found:
            break
    return found


# ---------------------------------------------------------------- shares of a whole

_SHARE = re.compile(r"([^，；：。、]{2,40}?)" + AMOUNT + r"万元[，,]\s*占" + AMOUNT + "%")
_WHOLE = re.compile(r"^[^，；：。]*?" + AMOUNT + r"万元")
_OWN_SHARE = re.compile(r"[^；;。]*?占" + AMOUNT + "%")
_PART_SHARE = re.compile(r"万元[，,]\s*占")  # "…264.87万元，占86.05%": the share of a later amount


def share_findings(paragraph: Paragraph) -> list[Finding]:
    """"X a万元，占r%" (a bare 占, no named whole): r = a / the paragraph's opening amount."""
    whole = _WHOLE.match(paragraph.text)
    own = whole and _OWN_SHARE.match(paragraph.text, whole.end())
    if whole is None or (own and not _PART_SHARE.search(own.group(0))):
        return []  # an opening amount with a share of its own is a part, not the whole (s04's 因公出国)
    total_raw = whole.group(1)
    total = number(total_raw)
    found = []
    for match in _SHARE.finditer(paragraph.text, whole.end()):
        label, part_raw, rate_raw = match.groups()
        if total == 0:
            continue
        part = number(part_raw)
        cells = (quote_ref(paragraph, match.group(0), part_raw, "万元"),
                 quote_ref(paragraph, whole.group(0), total_raw, "万元"),
                 quote_ref(paragraph, match.group(0), rate_raw, "%"))
        found.append(judge(paragraph, match.group(0).strip("；;，, "), cells,
                           f"{label.strip('：:；; ')} {part_raw} 万元 / {total_raw} 万元 = {part / total * 100:.4f}%",
                           part / total * 100, rate_raw))
    return found


def _finding(check: str, verdict: Verdict, paragraph: Paragraph, quote: str, cells, message: str) -> Finding:
    return Finding(check, verdict, f"第 {paragraph.page} 页 {paragraph.where}：“{quote}”——{message}"
                   if paragraph.page else f"{paragraph.where}：“{quote}”——{message}",
                   paragraph.where, tuple(cells), page=paragraph.page)

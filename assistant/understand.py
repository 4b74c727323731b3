"""Question → Intent: what is asked (operation), about what (mentions), of which document and period.

All domain words come from `question_words.toml`; this module only applies them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from assistant.asked_documents import AskedDocuments, asked_documents, department_mentions
from assistant.linking import Mention, in_own_words, link_mentions, said_in_order, synonym_labels
from assistant.number_text import numbers_in
from assistant.question_words import first_word, left_out, normalise, places_part, question_words
from assistant.record_index import RecordIndex
from assistant.record_parts import sides_said
from ingest.units import MONEY_UNITS

_YEAR_NUMBER = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_OPERATION_ORDER = ("growth_rate", "per_unit", "share", "change", "max", "min", "difference", "list", "count_items",
                    "sum")


@dataclass(frozen=True)
class Intent:
    """What a question asks.

    :ivar question: the normalised question.
    :ivar operation: "lookup", "share", "growth_rate", "change", "max", "min", "difference",
        "count_items", "list", "sum" or "narrative".
    :ivar narrative: for narrative questions, "reason", "duty", "definition", "target", "purpose",
        "scope"; else "".
    :ivar mentions: record labels named, in question order.
    :ivar doc_ids: the documents it may be about.
    :ivar period: the year asked for when not the document's own ("2021"); "".
    :ivar base_year: the year a change is measured from (比2021年); 0 = the year before.
    :ivar counter: the count unit asked for ("辆", "人", …); "".
    :ivar wants_money: the question speaks of money (钱, 经费, 预算, …).
    :ivar refusal: "", "injection", "off_topic", "not_covered", "final_accounts",
        "other_year", "other_department", "no_domain" (nothing budget-related: off topic unless a follow-up).
    :ivar refusal_detail: what was not found, e.g. "2023年" or "福田社保分局".
    :ivar asserted: numbers the user stated (never repeated as fact).
    :ivar tables: table numbers the question names ("表1", "收支总表"), in question order.
    :ivar existence: answered first from the document's sentences: whether something exists
        ("有没有…"), which units or offices there are.
    :ivar names_subject: the question names what it is about itself (a figure, a table, a whole such
        as "支出结构" or "总预算"), so it is a new question, not a follow-up of the previous turn's figure.
    :ivar excluded: record labels the question leaves out ("除了一般公共服务支出，其余加起来多少").
    """

    question: str
    operation: str
    narrative: str
    mentions: tuple[Mention, ...]
    doc_ids: tuple[str, ...]
    period: str = ""
    base_year: int = 0
    counter: str = ""
    wants_money: bool = False
    refusal: str = ""
    refusal_detail: str = ""
    asserted: tuple[float, ...] = ()
    tables: tuple[int, ...] = ()
    existence: bool = False
    names_subject: bool = False
    excluded: tuple[Mention, ...] = ()

    @property
    def wants_number(self) -> bool:
        return self.operation != "narrative"


# A loaded department said without the district before it ("XX林场" for XX区XX林场, fB2 of the
# fresh batch) is said in this many characters at least (fewer is an organisation word alone: "林场").
_SHORT_DEPARTMENT_MIN = 4


# What a figure labelled with a unit's name and one of these words is: that unit's money.
# "XX第三小学项目1872万元" (fD1 of the second fresh batch): a project named after one of its schools.
_UNIT_FUNDS = ("经费", "预算", "资金", "拨款", "项目")


# A 款 or 项 code (5 or 7 digits) said as such, not an amount: "2080505的预算" (not "20805元").
_CODE = re.compile(r"(?<![\d.])(\d{5}|\d{7})(?![\d.,]|\s*(?:万|亿|元|人|辆|个|%|％|年|月|日|次|项|台|名))")


def _coded(text: str, index: RecordIndex, doc_ids: tuple[str, ...]) -> tuple[Mention, ...]:
    """A classification code the question says ("2080505的预算是多少"): the rows printed with it."""
    found = []
    for match in _CODE.finditer(text):
        labels = tuple(dict.fromkeys(normalise(r.label) for r in index.records
                                     if r.row_code == match.group(1) and r.doc_id in doc_ids))
        if labels:
            found.append(Mention(match.group(1), match.start(), labels, "label"))
    return tuple(found)


def _prints_unit(name: str, index: RecordIndex, doc_ids: tuple[str, ...]) -> bool:
    """Whether the documents `doc_ids` print the unit's own money ("XX幼儿园经费537.31万元") and
    the unit is not their own department said short."""
    if any(name in d.department for d in index.documents):
        return False
    labels = {record.label for record in index.records if record.doc_id in doc_ids}
    return any(f"{name}{word}" in label for label in labels for word in _UNIT_FUNDS)


def _department_said(department: str, text: str) -> str:
    """The department's name as the question says it: in full, its end without what comes before, or
    its initials ("XX建大" for XX建筑科技大学: its first characters and the initials after them; fF1 of the
    third fresh batch)."""
    if len(department) >= 2 and department in text:
        return department
    own = _OWN_LEVEL.sub("", department)
    for name in dict.fromkeys((department, own, own.replace("人民", ""))):
        tail = next((name[i:] for i in range(0, len(name) - _SHORT_DEPARTMENT_MIN + 1) if name[i:] in text), "")
        if tail:
            return tail
    return _initials_said(department, text)


# "XX区总工会本级" is XX区总工会 at its own level, asked without the level ("XX区总工会一共花了多少钱", fK1 of
# the sixth fresh batch); "XX区人民法院" is asked as XX区法院 (fN3 of the seventh).
_OWN_LEVEL = re.compile(r"(?:本级|本部)$")


# "XX建大": the first two characters of the name (its place), then at least two more in order.
_INITIALS_MIN = 4


def _initials_said(department: str, text: str) -> str:
    if len(department) < _INITIALS_MIN + 2:
        return ""
    start = text.find(department[:2])
    if start < 0:
        return ""
    run = re.match(r"[\u4e00-\u9fff]+", text[start:])
    said = ""
    for end in range(len(run.group(0)), _INITIALS_MIN - 1, -1):
        piece = run.group(0)[:end]
        if said_in_order(piece, department, max_gap=len(department)) and piece[-1] in department[-2:]:
            said = piece
            break
    return said


def understand(question: str, index: RecordIndex, fixed_docs: tuple[str, ...] = (),
               says: Callable[[str, str], bool] | None = None) -> Intent:
    """Read `question` against the ingested records; never raises. `says(doc_id, words)`: whether a
    document's text prints the words (see `asked_documents`)."""
    words = question_words()
    text = normalise(question)
    asked = asked_documents(text, index.documents, fixed_docs, says)
    # a loaded department's own name said in full is scope, not a label ("某县教育局…" is no 教育 row)
    # a unit the asked documents themselves print figures of ("含…XX幼儿园经费537.31万元", fA1 of the
    # fresh batch) is one of their labels, not another department
    named = department_mentions(text)
    funded = {m for m in named if _prints_unit(m, index, asked.doc_ids)}
    departments = tuple(m for m in named if m not in funded) + tuple(
        said for d in index.documents if (said := _department_said(d.department, text)))
    if asked.unknown_department in funded:
        asked = replace(asked, unknown_department="")
    tables, titles = tables_named(text, index)
    # what the question leaves out ("不含项目支出") is not what it asks for
    linked = link_mentions(text, index, skip=departments + titles)
    leaving = _left_out(text, linked)
    excluded = tuple(in_own_words(m, index, asked.doc_ids) for m in leaving)
    mentions = _heads(text, tuple(m for m in linked if m not in leaving)) + _coded(text, index, asked.doc_ids)
    mentions = tuple(in_own_words(m, index, asked.doc_ids) for m in mentions)
    if excluded and (rest := first_word(text, question_words()["operations"]["rest"])):
        # "除了X，其他支出一共多少": 其他支出 is the rest of the whole, not the row called 其他支出
        mentions = tuple(m for m in mentions if not m.text.startswith(rest))
    if compares_stages(text):  # "三公经费比年初预算省了多少": 年初预算 is the stage compared, not a figure
        mentions = tuple(m for m in mentions if m.text not in question_words()["stage_comparison"]["stages"])
    operation, narrative = _operation(text, mentions, tables if len(tables) >= 2 else (), bool(excluded))
    if operation != "share" and len(mentions) > 1:  # "三公经费里公车的钱": the whole places the part asked
        mentions = tuple(m for m in mentions if not places_part(text, m.start)) or mentions
    counter = _counter(text)
    mentions = tuple(_counted(m, counter, index, asked.doc_ids) for m in mentions)
    if not mentions and (kinds := _kinds_counted(text, index, asked.doc_ids)):
        mentions = kinds
        operation = "sum" if len(kinds) > 1 else operation
    if first_word(text, question_words()["units"]["money"]) and not counter:
        mentions = tuple(_costed(m, index, asked.doc_ids) for m in mentions)
    # "上年" inside a label ("上年结余、结转") is not the year asked about.
    unlabelled = "".join("\0" if any(m.start <= i < m.end for m in mentions) else ch
                         for i, ch in enumerate(text))
    period = _period(unlabelled, asked.years, index, asked.doc_ids, _carried_over(text))
    refusal, detail = _refusal(text, mentions, asked, index, period)
    codes = {float(m.text) for m in mentions if m.text.isdigit()}  # a code said is no figure stated
    asserted = tuple(n for n in numbers_in(_YEAR_NUMBER.sub("", text)) if n not in asked.years and n not in codes)
    return Intent(
        question=text, operation=operation, narrative=narrative, mentions=mentions,
        doc_ids=asked.doc_ids, period=period, base_year=asked.base_year, counter=counter,
        wants_money=bool(first_word(text, words["units"]["money"])),
        refusal=refusal, refusal_detail=detail, asserted=asserted, tables=tables, excluded=excluded,
        existence=bool(first_word(text, words["narrative"]["passage_first"])),
        names_subject=bool(mentions or tables or _names_whole(text)),
    )


# "公车的运维费用": at most this many characters ("的") between a modifier and the thing it narrows.
_MODIFIER_GAP = 2
# ...and only these characters between them ("三公经费里的接待费").
_MODIFIER_LINKS = "的之里中"


def _counted(mention: Mention, counter: str, index: RecordIndex, doc_ids: tuple[str, ...]) -> Mention:
    """A count asked of a word whose own labels count nothing in that unit ("公务接待…多少人次", where
    公务接待 is short for the 公务接待费 in 万元) also means the labels holding the word that do
    ("国内公务接待1205人次", seen in 三公 explanations of 决算 from several provinces)."""
    if not counter or counter == "%" or mention.how not in ("label", "partial"):
        return mention
    def counts(alias: str) -> bool:
        return any(r.unit == counter for r in index.in_docs(index.by_alias.get(alias, []), doc_ids))
    if any(counts(a) for a in mention.aliases):
        return mention
    counting = [a for a in index.labels_containing(mention.text) if a not in mention.aliases and counts(a)]
    return replace(mention, aliases=(*mention.aliases, *counting)) if counting else mention


# "几所学校", "多少个幼儿园": a count unit, then the kind of thing counted.
_COUNTED_KIND_NAMED = re.compile(r"(?:几|多少)(?P<unit>个|所|家|名|辆|项|台|座)(?P<noun>[\u4e00-\u9fff]{2,6}?)(?=[？?。，,呢吗啊]|$)")


def _kinds_counted(text: str, index: RecordIndex, doc_ids: tuple[str, ...]) -> tuple[Mention, ...]:
    """The counts printed of a kind of thing a question counts and names no label of: "几所学校" is
    "各级各类学校共有22所"; "几所幼儿园" is "2所中心幼儿园,12所村级幼儿园", added up (fC1, fD1 of the second
    fresh batch). A label that is the kind itself is all of them."""
    match = _COUNTED_KIND_NAMED.search(text)
    if not match:
        return ()
    noun = match.group("noun")
    labels = sorted({normalise(r.label) for r in index.records if r.doc_id in doc_ids and r.measure == "count"
                     and r.unit == match.group("unit") and normalise(r.label).endswith(noun)})
    if noun in labels:
        labels = [noun]
    return tuple(Mention(noun, match.start("noun"), (label,), "label") for label in labels)


def _costed(mention: Mention, index: RecordIndex, doc_ids: tuple[str, ...]) -> Mention:
    """Money asked of a word whose own labels count things ("车辆方面一共要花多少", where the document's
    车辆 is its 7 cars) means the money labels the synonym file gives the word (公务用车购置及运行费, seen
    in the street-office budget PDFs)."""
    if mention.how != "label":
        return mention
    def costs(alias: str) -> bool:
        return any(r.unit in MONEY_UNITS for r in index.in_docs(index.by_alias.get(alias, []), doc_ids))
    if any(costs(a) for a in mention.aliases):
        return mention
    costing = [a for a in synonym_labels(mention.text, index) if costs(a)]
    return replace(mention, aliases=tuple(dict.fromkeys(costing))) if costing else mention


def _left_out(text: str, linked: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The mentions the question leaves out: after an excluding word ("减去行政编"), and those joined to
    such a mention ("减去行政编和全额事业编")."""
    leaving: list[Mention] = []
    for mention in linked:
        joined = bool(leaving) and re.fullmatch(_JOINERS, text[leaving[-1].end:mention.start]) is not None
        if left_out(text, mention.start, mention.end) or joined:
            leaving.append(mention)
    return tuple(leaving)


# What joins the things of a list: "行政编和全额事业编", "A、B及C".
_JOINERS = r"[和与及、]|以及"


def _heads(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """Mentions with those that only narrow the next one folded into it: in "公车的运维费用" 公车 says
    whose 运维费 is meant (公车运行维护费), not a figure of its own (the number of cars); the next
    mention keeps only its aliases that contain the narrowing words."""
    kept: list[Mention] = []
    skip = False
    for k, mention in enumerate(mentions):
        if skip:
            skip = False
            continue
        head = mentions[k + 1] if k + 1 < len(mentions) else None
        # "公车的运维费用" narrows; "三公经费比年初预算" compares (比, 和, 与 … are no modifier's link)
        narrows = head is not None and 0 <= head.start - mention.end <= _MODIFIER_GAP and all(
            ch in _MODIFIER_LINKS for ch in text[mention.end:head.start])
        narrowed = () if not narrows else tuple(
            alias for alias in head.aliases if mention.text in alias and mention.text != alias)
        if narrowed:
            kept.append(replace(head, aliases=narrowed))
            skip = True
        else:
            kept.append(mention)
    return tuple(kept)


def _names_whole(text: str) -> bool:
    """Whether the question names a whole of the budget rather than a figure ("支出结构", "总预算")."""
    words = question_words()
    wholes = list(words["parts"]) + words["operations"]["breakdown"] + words["subjects"]["wholes"]
    return bool(first_word(text, [normalise(w) for w in wholes]))


def tables_named(text: str, index: RecordIndex) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Tables the question names by number ("表6") or title ("收支总表"), and the title spans to skip."""
    found = [(m.start(), int(m.group(1))) for m in re.finditer(r"表\s*(\d{1,2})", text)]
    titles: list[str] = []
    taken = text
    for title, number in sorted(index.table_titles().items(), key=lambda kv: -len(kv[0])):
        at = taken.find(title)
        if len(title) >= 4 and at >= 0:
            found.append((at, number))
            titles.append(title)
            taken = taken[:at] + "\0" * len(title) + taken[at + len(title):]
    ordered = [number for _, number in sorted(found)]
    return tuple(dict.fromkeys(ordered)), tuple(titles)


def _operation(text: str, mentions: tuple[Mention, ...], tables: tuple[int, ...] = (),
               excludes: bool = False) -> tuple[str, str]:
    words = question_words()
    narrative = words["narrative"]
    asks_number = bool(first_word(text, words["operations"]["number_words"]))
    if not mentions and first_word(text, words["operations"]["breakdown"]):
        return "list", ""
    if first_word(text, narrative["reason"]):
        return "narrative", "reason"
    if mentions and first_word(text, words["operations"]["breakdown"]):
        return "list", ""  # "基本支出都花在哪了": the named figure's parts
    for shape in ("purpose", "duty", "target", "definition", "scope"):
        if first_word(text, narrative[shape]) and not asks_number:
            if shape == "duty" and mentions:
                return "narrative", "purpose"  # "区财政安排项目是干什么的": what a budget item is for
            return "narrative", shape
    compared = _compares_figures(text, mentions) or compares_stages(text)
    text = _BY_THE_RATE.sub("", text)  # "照这个增幅算，2017年…是多少": the rate is the method, the figure is asked
    for name in _OPERATION_ORDER:
        if _says(text, words["operations"][name]) or (name == "change" and _YEAR_COMPARED.search(text)):
            if name == "change" and compared:
                name = "difference"  # "支出比收入多了多少": two figures, not one figure's change
            if _lacks_figures(name, text, mentions, tables) and not (name == "sum" and excludes):
                continue  # "除了X，其余加起来多少": a whole less what is left out
            return name, ""
    if len(mentions) >= 2 and (two := _two_figures(text)):
        return two, ""
    if not asks_number and not mentions:
        return "narrative", "scope"
    return "lookup", ""


def _two_figures(text: str) -> str:
    """What a question naming two figures asks with no operation word: one as a percentage of the other
    ("教育支出相当于财政拨款收入的百分之多少") or how far apart ("支出比收入多"); "" otherwise."""
    if _says(text, question_words()["operations"]["share_of_another"]):
        return "share"
    return "difference" if re.search(r"比.{1,24}?(多|少|高|低)", text) else ""


def _lacks_figures(name: str, text: str, mentions: tuple[Mention, ...], tables: tuple[int, ...]) -> bool:
    """A difference or a sum needs two figures: two mentions, two tables of one row, a colloquial word
    standing for several terms ("水电费一共" → 水费 + 电费), the two sides ("收入比支出多出多少": their
    totals), or one figure's two stages ("比预算少花了多少")."""
    if name not in ("difference", "sum") or len(mentions) >= 2:
        return False
    if name == "sum":
        several_terms = len(mentions) == 1 and len(mentions[0].terms) >= 2
        # "预算一共多少钱": the whole budget, not 收入总计 + 支出总计
        return not several_terms or mentions[0].text in question_words()["subjects"]["wholes"]
    return not (tables or len(sides_said(text)) == 2 or compares_stages(text))


def compares_stages(text: str) -> bool:
    """Whether the question sets one figure's 决算 against its 预算 ("比年初预算省了多少")."""
    return bool(first_word(text, question_words()["stage_comparison"]["words"]))


def _compares_figures(text: str, mentions: tuple[Mention, ...]) -> bool:
    """Whether 比 compares with another figure, not another year: it is followed by a named figure
    ("财政拨款收入比上年结转多多少") or a side of the budget ("花的比收的多了多少"), not by a year
    alone ("比上年多了多少", "比上年预算增加").
    """
    periods = question_words()["periods"]
    period_words = [w for key in ("last_year", "year_before_last", "this_year") for w in periods[key]]
    stages = [w for words in question_words()["stages"].values() for w in words] + ["数", "同期", "度"]
    side_words = [w for words in question_words()["totals"]["side_words"].values() for w in words]
    for at in (m.end() for m in re.finditer("比", text)):
        for mention in mentions:
            if mention.start != at:
                continue
            rest = mention.text
            for word in period_words:
                rest = rest.removeprefix(word)
            if rest and rest not in stages:
                return True
        if any(text.startswith(word, at) for word in side_words):
            return True
    return False


# "照这个增幅算", "按增长率推算" (fE2 of the third fresh batch): how to work the asked figure out.
# ... or by the stated change ("按收入预算的增减推算，…2021年收入预算是多少", fJ1 of the fifth fresh batch)
_BY_THE_RATE = re.compile(r"(?:照|按照?|根据)[^，,。？?]{0,8}(?:增幅|降幅|涨幅|减幅|增长率|下降率|比例|增减额?|增减变化|变化)"
                          r"(?:来)?(?:推算|计算|算)")


# A year named to compare with: "跟2014年比", "比2021年", "与2020年相比" (fD2 of the second fresh batch).
_YEAR_COMPARED = re.compile(r"(?:比|较|跟|和|与|同)(?:19|20)\d{2}年")


def _says(text: str, words: list[str]) -> bool:
    """Whether `text` says one of `words`; a word ending in 项 may not start 项目 ("多少项目支出")."""
    for word in words:
        at = text.find(word)
        while at >= 0:
            after = text[at + len(word): at + len(word) + 1]
            if not (word.endswith("项") and after == "目"):
                return True
            at = text.find(word, at + 1)
    return False


# 编制 as a verb: after a sum of money ("基本支出编制了多少", fJ1 of the fifth fresh batch) or with 了.
_COMPILED = re.compile(r"(?<=支出|收入|预算|经费)编制|编制(?=了)")


def _counter(text: str) -> str:
    """The count unit asked: a measure word said outright after 多少/几 ("多少个编制", "几个人": the
    longest such word), else the first unit whose words the question says ("编制有多少" → 人)."""
    text = _COMPILED.sub("", text)  # "基本支出编制了多少": money compiled, not posts
    said = [(word, unit) for unit, words in question_words()["counters"].items() for word in words if word in text]
    outright = [(word, unit) for word, unit in said if word.startswith(("多少", "几"))]
    if outright:
        return max(outright, key=lambda pair: len(pair[0]))[1]
    return said[0][1] if said else ""


def _period(text: str, years: tuple[int, ...], index: RecordIndex, doc_ids: tuple[str, ...],
            carried: bool = False) -> str:
    """The year asked for when it is not the document's own year."""
    doc_years = {d.year for d in index.documents if d.doc_id in doc_ids} or {d.year for d in index.documents}
    for year in years:
        if year not in doc_years:
            return str(year)
    periods = question_words()["periods"]
    latest = max(doc_years) if doc_years else 0
    if first_word(text, periods.get("year_before_last", [])) and latest:
        return str(latest - 2)
    if (first_word(text, periods["last_year"]) and not re.search(r"比(去年|上年|上一年)", text)
            and not carried):
        return str(latest - 1) if latest else ""
    return ""


# How far after 去年/上年 a carry-over word still says what was carried ("上年没花完结转过来的钱").
_CARRY_REACH = 6


def _carried_over(text: str) -> bool:
    """Last year's money carried into this year ("去年没花完结转过来的钱有多少") is a figure of the
    document's own year (上年结转), not one of last year."""
    periods = question_words()["periods"]
    for word in periods["last_year"]:
        at = text.find(word)
        if at >= 0 and first_word(text[at + len(word): at + len(word) + _CARRY_REACH], periods["carried_over"]):
            return True
    return False


def _refusal(text: str, mentions: tuple[Mention, ...], asked: AskedDocuments, index: RecordIndex,
             period: str) -> tuple[str, str]:
    refusal = question_words()["refusal"]
    lowered = text.lower()
    phrase = first_word(lowered, [w.replace(" ", "").lower() for w in refusal["injection"]])
    verb_and_object = (first_word(lowered, refusal["injection_verbs"])
                       and first_word(lowered, refusal["injection_objects"]))
    if phrase or verb_and_object:
        return "injection", ""
    if first_word(text, refusal["off_topic"]) and not mentions:
        return "off_topic", ""
    if word := first_word(_purposes_masked(text), refusal["not_covered"]):
        return "not_covered", word
    if (role := first_word(text, refusal["person_roles"])) and first_word(text, refusal["person_matters"]):
        return "not_covered", role
    if asked.unknown_department:
        return "other_department", asked.unknown_department
    if first_word(text, refusal["final_accounts"]):
        kinds = {d.kind for d in index.documents if d.doc_id in asked.doc_ids}
        own_years = {str(d.year) for d in index.documents if d.doc_id in asked.doc_ids}
        # a budget never holds its own year's execution, only (sometimes) last year's
        own_year_asked = (period in own_years or any(year in text for year in own_years)
                          or first_word(text, question_words()["periods"]["this_year"]))
        if "final" not in kinds and (own_year_asked or not _prints_execution(index, asked.doc_ids)):
            return "final_accounts", "决算"
    if period and not _period_known(period, index, asked.doc_ids):
        return "other_year", f"{period}年"
    if first_word(text, question_words()["periods"]["next_year"]):
        return "other_year", "明年"
    if not mentions and not first_word(text, refusal["domain"]) and not first_word(text, refusal["unit_words"]):
        return "no_domain", ""
    return "", ""


def _prints_execution(index: RecordIndex, doc_ids: tuple[str, ...]) -> bool:
    """Whether a budget in scope prints executed figures too (last year's 执行数 or 决算数)."""
    words = question_words()["refusal"]["final_accounts_printed"]
    for doc_id in doc_ids or tuple(d.doc_id for d in index.documents):
        for record in index.by_doc.get(doc_id, ()):
            if any(w in record.label or any(w in c for c in record.column_path) for w in words):
                return True
    return False


def _purposes_masked(text: str) -> str:
    """The question with its words asking what money is used for, or where the disclosure prints
    something, blanked: "主要用在哪里" asks a purpose and "报表在哪里看" a part of the document, not a
    place to go (seen in a 2024 决算 PDF and n14 of the development corpus)."""
    narrative = question_words()["narrative"]
    for word in sorted(narrative["purpose"] + narrative["in_document"], key=len, reverse=True):
        text = text.replace(word, "\0")
    return text


def _period_known(period: str, index: RecordIndex, doc_ids: tuple[str, ...]) -> bool:
    """Whether some record of the documents refers to `period` (a figure of that year or a change from it)."""
    year = int(period)
    if any(d.year == year for d in index.documents):
        return True
    for doc_id in doc_ids or tuple(d.doc_id for d in index.documents):
        for record in index.by_doc.get(doc_id, ()):
            if record.period == period or record.base_period == period:
                return True
    return False

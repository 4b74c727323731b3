"""Does an answer cover what was asked? An answer whose figure or sentence is about something
else than the question names is no answer: the disclosures do not hold it there (issue: refusal
by coverage). Two checks, both on what the answer itself shows (its facts and citations):

- a figure question is not answered by a sentence without a figure: a contents line, a heading,
  a title line whose only digits are its year ("XX局2021年度部门决算");
- a thing the question names by a printed label ("三公经费") must appear in the answer's facts
  or quotes; a department without 三公 spending is not answered with its 收入总计.
"""

from __future__ import annotations

import re

from assistant.answer import Answer
from assistant.linking import Mention, said_in_order
from assistant.number_text import label_states_count
from assistant.question_words import asked_kind, first_word, left_out, normalise, places_part, question_words
from assistant.record_index import RecordIndex, label_aliases, record_name
from assistant.understand import Intent
from index.lexical import cut_words
from index.synonyms import expand_terms
from ingest.units import MONEY_UNITS

# Questions that ask for a figure; a quoted sentence with no figure in it does not answer them.
FIGURE_OPERATIONS = ("lookup", "derived", "share", "per_unit", "change", "growth_rate", "difference", "rest", "sum",
                     "composite", "max", "min")
# "无公务用车购置和运行费" answers "公务接待费花了多少" without a digit: a sentence saying there is none.
_NONE_WORDS = re.compile(r"无|没有|未发生|未安排|为零|零元")
# A clause ending in a colon, at the end of a quote: it introduces a list or an explanation.
_INTRODUCTION = re.compile(r"[^。；;！!？?]*[：:]\s*$")
# Digits that are no figure: a year ("2021年", "2021年度"), a list number ("1.", "（3）", also after the
# list's introduction: "…的预算单位包括:1.某某本级"), a 表 number, a document number
# ("某财预〔2016〕112号", "某编委【2021】38号").
_NOT_FIGURES = re.compile(r"(?:19|20)\d\d\s*(?:年度?|—|-|至)|(?:^|[：:；;。])\s*\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[)）]|表\s*\d+"
                          r"|[〔\[【(（]\s*(?:19|20)\d\d\s*[〕\]】)）]\s*\d+\s*号")
# A number counting something: "2家单位", "在校学生1,200名", "教职工56人" (not "2023年", not "5.3万元").
_COUNTED = re.compile(r"\d\s*(?:人|名|位|个|所|辆|台|套|件|次|批|家|项|间|处|栋)")
# Mentions whose word is printed in some label of the loaded documents: a named thing the answer
# must show. Links and synonyms are everyday words a label stands for; they are not checked.
_CHECKED_MENTIONS = ("label",)
# Shorter labels ("基本", "职工", "项目") are everyday words of a question too ("给职工交的…"):
# checking them would refuse answers that are right.
MIN_CHECKED_CHARS = 3
# A name quoted as a title: 《…》 (a programme, a publication, a regulation).
_TITLE = re.compile(r"《([^《》]{2,30})》")
# A kind is told by the two characters before its word: 全额/差额, 在职/退休, 基本/项目.
MODIFIER_CHARS = 2
# Characters that join words in a question or ask it rather than name a kind ("交的", "和…", "今年",
# "几个", "多少").
_FUNCTION_CHARS = set("的了和与及或是有在给把被对从为今去明年月这那其中几多少个什么哪些")


def passage_states_no_figure(intent: Intent, passage: Answer) -> bool:
    """A figure was asked, but the sentence found states none (only years, list numbers, or no
    digits at all) and does not say there is none: no answer."""
    if intent.operation not in FIGURE_OPERATIONS or not passage.citations:
        return False
    quotes = " ".join(c.quote for c in passage.citations)
    # "无…支出的部门，作下述说明：" introduces what follows (a template's instruction): it says no "none"
    stated = " ".join(_INTRODUCTION.sub("", c.quote) for c in passage.citations)
    return not re.search(r"\d", _NOT_FIGURES.sub("", quotes)) and not _NONE_WORDS.search(stated)


def uncovered_mentions(intent: Intent, answer: Answer, index: RecordIndex) -> list[Mention]:
    """The question's printed-label mentions that appear nowhere in what the answer shows: not in
    its text, facts or quotes, neither as said nor as a label it stands for ("公车" → "公务用车"),
    nor as a short form of a fact's label."""
    shown = _shown(answer)
    names = {alias for f in answer.facts for part in " › ".join((f.label, f.row, f.column)).split(" › ")
             if part for alias in label_aliases(part)}
    return [m for m in _named_things(intent) if not _shows(m, shown, names, index)]


def uncovered_subjects(intent: Intent, answer: Answer) -> list[str]:
    """The `[coverage.subjects]` the question names (and does not leave out) that the answer shows
    none of the words of."""
    shown = _shown(answer)
    return [word for word, shows in question_words()["coverage"]["subjects"].items()
            if _named(intent.question, word) and not any(w in shown for w in shows)]


def _named(question: str, word: str) -> bool:
    at = question.find(word)
    return at >= 0 and not left_out(question, at) and not places_part(question, at)




def _shown(answer: Answer) -> str:
    """Everything the answer shows, normalised: its text, its facts' labels, its citations and quotes."""
    return normalise(" ".join(
        [answer.text]
        + [f"{f.label} {f.row} {f.column}" for f in answer.facts]
        + [f"{c.title} {c.quote}" for c in answer.citations]))


def _named_things(intent: Intent) -> list[Mention]:
    """The mentions an answer must show: printed labels of some length (understand() has dropped what
    the question leaves out)."""
    return [m for m in intent.mentions if m.how in _CHECKED_MENTIONS and len(m.text) >= MIN_CHECKED_CHARS]


def covers(intent: Intent, answer: Answer, index: RecordIndex) -> bool:
    """The answer shows every thing the question names: its printed labels, its subjects, and the
    year it asks about when that is not the document's own ("2025年的预算" of a 2024 budget)."""
    if intent.period and intent.period not in _shown(answer):
        return False
    if _count_given_as_money(intent, answer) or _money_given_as_count(intent, answer):
        return False
    return (not uncovered_mentions(intent, answer, index) and not uncovered_subjects(intent, answer)
            and not _contrasting_kind(intent, answer) and not _unshown_titles(intent, answer)
            and not _weight_for_score(intent, answer))


# "哪些农户", "哪几家单位": the kind of thing a list question asks for.


def unnamed_kind(question: str, answer: Answer) -> str:
    """The kind of thing a "哪些…" question asks for when the answer names no such thing ("哪些农户"
    answered by a sentence about the subsidy's total): "" when it does, or the question asks none."""
    kind = asked_kind(normalise(question))
    if not kind:
        return ""
    if kind in question_words()["coverage"]["any_kind"]:
        return ""
    # the kind, a word for it, or its head character ("组室": 办公室, 种子管理组)
    forms = [kind, kind[-1], *question_words()["narrative_equivalents"].get(kind, []), *expand_terms(kind)]
    shown = _shown(answer)
    return "" if any(normalise(form) in shown for form in forms) else kind


def _weight_for_score(intent: Intent, answer: Answer) -> bool:
    """"得了多少分" asks a score obtained: an indicator's 权重 or 分值 (what it can score at most) is no
    answer to it (seen in performance-target tables of the development corpus)."""
    words = question_words()["performance_figures"]
    if not answer.facts or not first_word(intent.question, words["obtained"]):
        return False
    return all(any(w in f"{f.label} {f.column}" for w in words["maximum"]) for f in answer.facts)


def _unshown_titles(intent: Intent, answer: Answer) -> list[str]:
    """Names the question quotes as titles ("《经开区新闻》电视栏目") that the answer never shows: a
    programme, a publication or a document is asked by its own name, not by a word of it."""
    titles = [normalise(t) for t in quoted_titles(intent.question)]
    if answer.facts:  # a figure shows the title in its own name; its sentence may name it beside others
        shown = normalise(" ".join([answer.text] + [f"{f.label} {f.row}" for f in answer.facts]))
        return [t for t in titles if t not in shown]
    # a quoted sentence answers a figure question only with a figure after the title
    quotes = _shown(answer)
    after = r"[^。；;]{0,20}?\d" if intent.operation in FIGURE_OPERATIONS else ""
    return [t for t in titles if not re.search(re.escape(t) + after, quotes)]


def quoted_titles(question: str) -> list[str]:
    """The names a question quotes as titles: "《经开区新闻》电视栏目" → ["经开区新闻"]."""
    return _TITLE.findall(question)


def _contrasting_kind(intent: Intent, answer: Answer) -> bool:
    """A word found inside longer labels, said with a modifier of its own that every figure shown has
    another one in its place: "差额事业编" is not answered by 全额事业编 (seen in a 决算 listing
    行政编, 全额事业编 and 差额… posts), "退休人员" not by 离休人员."""
    for mention in intent.mentions:
        said = _word_before(intent.question, mention.start)
        if (mention.how != "partial" or len(said) != MODIFIER_CHARS
                or not all("\u4e00" <= ch <= "\u9fff" and ch not in _FUNCTION_CHARS for ch in said)):
            continue
        # the figures' labels, or for a quoted sentence every place it prints the word
        texts = [normalise(f.label) for f in answer.facts] or [normalise(c.quote) for c in answer.citations]
        printed = [word for text in texts for word in _modifiers_before(text, mention.text)]
        # "行政运行完成全年预算": the word said may stand further before in a figure's label ("…行政运行(项)
        # 支出决算完成全年预算", the 决算 template's wording): then nothing is printed in its place
        named = bool(answer.facts) and all(said in text for text in texts)
        if printed and all(word and word != said for word in printed) and not named:
            return True
    return False


def _word_before(question: str, start: int) -> str:
    """The word ending right where a mention starts ("差额" in 差额|事业|编; "交" in 员工|交|养老保险)."""
    at = 0
    for token in cut_words(question):
        if at + len(token) == start:
            return token
        at += len(token)
    return ""


def _modifiers_before(text: str, word: str) -> list[str]:
    """The characters printed right before each `word` in `text` ("全额事业编" → ["全额"]); "" where none."""
    return [text[at - MODIFIER_CHARS:at] if at >= MODIFIER_CHARS else ""
            for at in (m.start() for m in re.finditer(re.escape(word), text))]


def _count_given_as_money(intent: Intent, answer: Answer) -> bool:
    """"几辆公车" asks a count: the 公务用车运行费 in 万元 is no answer to it, nor a sentence that
    counts nothing in the unit asked ("开支单位包括本级2家单位" answers "几家单位")."""
    if not intent.counter or intent.counter == "%" or intent.operation == "count_items" or _asks_money(intent):
        return False  # rows counted ("项目支出共5项") are a count whatever their figures are in
    if answer.facts:
        # "计划公务接待多少批次" is not answered in 辆 either ("个" counts anything, so it stays open)
        other_count = intent.counter != "个" and not any(
            _same_count_unit(f.unit, intent.counter) or label_states_count(f.label, f.value, intent.counter)
            for f in answer.facts)
        return all(f.unit in MONEY_UNITS for f in answer.facts) or other_count
    quotes = " ".join(c.quote for c in answer.citations)
    if not quotes:
        return False
    if intent.counter == "个":
        return not _COUNTED.search(quotes)
    # "计划公务接待多少批次" is not answered by a sentence counting only 辆 (seen in s10)
    units = {m.group(1)[:n] for m in re.finditer(r"\d\s*([\u4e00-\u9fff（）]{1,4})", quotes)
             for n in range(1, len(m.group(1)) + 1)}
    return not any(_same_count_unit(u, intent.counter) for u in units)


def _same_count_unit(unit: str, counter: str) -> bool:
    """The unit counts what the counter asks ("多少人" is answered in 人 or 名; 几台 in 台（套）)."""
    return unit == counter or any(unit in group and counter in group
                                  for group in question_words()["count_units"]["same"])


def _money_given_as_count(intent: Intent, answer: Answer) -> bool:
    """"公车费用" asks money: the number of cars is no answer to it."""
    return (not intent.counter and _asks_money(intent) and bool(answer.facts)
            and all(f.unit not in MONEY_UNITS and f.unit != "%" for f in answer.facts))


def _asks_money(intent: Intent) -> bool:
    """A money word outside the things named ("三公经费" names a thing; "花了多少钱" asks money)."""
    said = "".join(" " if any(m.start <= i < m.end for m in intent.mentions) else ch
                   for i, ch in enumerate(intent.question))
    return any(word in said for word in question_words()["units"]["money"])


def _shows(mention: Mention, shown: str, names: set[str], index: RecordIndex) -> bool:
    said = (mention.text, *mention.aliases)
    if any(a in names or said_in_order(normalise(a), shown) for a in said if a):
        return True  # also with a few words between: "一般公共预算[基本]支出" shows 一般公共预算支出
    labels = {normalise(part) for a in said for r in index.by_alias.get(a, ())
              for part in (r.label, record_name(r))}
    return any(label and label in shown for label in labels)

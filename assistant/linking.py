"""Entity linking: which record labels a question names, where, and through which word.

Three passes, each only over the part of the question the earlier ones left
uncovered: (1) a record label or one of its aliases printed in the question,
longest first; (2) a colloquial word of the synonym file (`index/synonyms.toml`,
公车 → 公务用车) mapped to the labels containing its canonical terms; (3) the
longest piece (≥ 3 characters) of the question that occurs inside a label
("养老保险缴费" inside "机关事业单位基本养老保险缴费").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from assistant.question_words import normalise, question_words
from assistant.record_index import RecordIndex, item_names
from index.lexical import cut_words
from index.synonyms import load_synonyms

_PERIOD_LABEL = re.compile(r"^(20\d\d年?|增减变化金额|增减|合计|总计|小计)$")
# A label read from a sentence with its comparison word ("比总支出") names what follows it, and a
# question saying "比总支出" compares with that: the comparison word starts no label.
_COMPARISON_START = re.compile(r"^(?:比|较)(?!例|重|率)")
# "比上年少了多少": a year compared with, not the label 上年 (a row of a table of two years).
_COMPARING = "比较与和跟同"
_PERIOD_ONLY = re.compile(r"^[上去本今]年度?数?$")
# Pieces of a question that never name a figure.
_QUESTION_CHARS = set("多少几什么哪吗呢请问的了是有和与及")
_MIN_PIECE = 3
# Labels this long are linked before the curated [links] phrases ("区财政安排项目" before "财政").
_LONG_LABEL = 5
# Words a question may put inside a longer label it names ("调整[了多少]项目支出").
_MAX_GAP = 3
# Synonym keys that are really question phrases ("一共多少钱", "多少人"): kept only when nothing else links.
_WEAK_KEY_WORDS = ("多少", "几", "一共")


@dataclass(frozen=True)
class Mention:
    """A span of the question that names something the records hold.

    :ivar text: the words as asked, e.g. "公车".
    :ivar start: position in the normalised question.
    :ivar aliases: the label aliases it may mean, best first, e.g. ("公务用车运行维护费", …).
    :ivar how: "label" (printed as is), "link" (a curated phrase of question_words [links]),
        "synonym" (the synonym file) or "partial".
    :ivar terms: for a synonym, the aliases of each canonical term it stands for
        ("水电" → (("水费",), ("电费", "邮电费"))); () otherwise.
    """

    text: str
    start: int
    aliases: tuple[str, ...]
    how: str
    terms: tuple[tuple[str, ...], ...] = ()

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def link_mentions(question: str, index: RecordIndex, skip: tuple[str, ...] = ()) -> tuple[Mention, ...]:
    """Mentions of record labels in the (normalised) question, in question order.

    `skip` are spans not to link (department names), so "罗湖分局" is scope, not a row.
    """
    covered = [False] * len(question)
    for text in skip:
        _cover(covered, question.find(text), len(text))
    words = _word_bounds(question)
    inside = _inside_longer_keys(question)
    mentions = _exact_mentions(question, index, covered, words, inside, min_length=_LONG_LABEL)
    mentions += _synonym_mentions(question, index, covered, curated=True)
    mentions += _exact_mentions(question, index, covered, words, inside)
    mentions += _synonym_mentions(question, index, covered)
    mentions += _partial_mentions(question, index, covered)
    # "三公经费年初预算": a stage said after a figure's name is its stage, not a piece of another label
    # ("…支出决算完成年初预算", a completion rate; seen in 决算 texts of the development corpus)
    stages = set(question_words()["stage_comparison"]["stages"])
    # ("…运行费的预算数": its stage too, after 的, fJ3 of the fifth fresh batch)
    ends = {end for m in mentions if m.how != "partial"
            for end in (m.end, m.end + 1) if end == m.end or question[m.end:end] == "的"}
    mentions = [m for m in mentions if not (m.how == "partial" and m.text in stages and m.start in ends)]
    generic = set(question_words()["linking"]["generic_labels"])
    strong = [m for m in mentions
              if not (m.how == "synonym"
                      and (any(w in m.text for w in _WEAK_KEY_WORDS) or m.text in generic))]
    return tuple(sorted(strong or mentions, key=lambda m: m.start))


def _cover(covered: list[bool], start: int, length: int) -> None:
    if start >= 0:
        for i in range(start, min(start + length, len(covered))):
            covered[i] = True


def _free(covered: list[bool], start: int, length: int) -> bool:
    return start >= 0 and not any(covered[start:start + length])


def _word_bounds(question: str) -> set[int]:
    """Positions where jieba puts a word boundary in the question."""
    bounds, at = {0}, 0
    for token in cut_words(question):
        at += len(token)
        bounds.add(at)
    return bounds


def _inside_longer_keys(question: str) -> list[tuple[int, int]]:
    """Spans of synonym / [links] keys in the question: a shorter label inside one is not linked
    ("退休" inside "离退休" is 离退休, not the 18 retired people)."""
    spans = []
    for key, _, _ in _synonym_table():
        at = question.find(key)
        while at >= 0:
            spans.append((at, at + len(key)))
            at = question.find(key, at + 1)
    return spans


# A label this short binds to the characters around it only as a word of its own ("职工" in "教职工").
_SHORT_ALIAS = 2


def _exact_mentions(question: str, index: RecordIndex, covered: list[bool], words: set[int],
                    inside: list[tuple[int, int]], min_length: int = 0) -> list[Mention]:
    found = []
    generic = set(question_words()["linking"]["generic_labels"])
    for alias in index.aliases:
        if (len(alias) < min_length or _PERIOD_LABEL.match(alias) or alias in generic
                or _COMPARISON_START.match(alias)):
            continue
        start = question.find(alias)
        while start >= 0:
            whole_word = alias not in index.short or (start in words and start + len(alias) in words)
            if start > 0 and question[start - 1] in _COMPARING and _PERIOD_ONLY.match(alias):
                whole_word = False
            end = start + len(alias)
            within_key = any(a <= start and end <= b and b - a > len(alias) for a, b in inside)
            # "正式教职工": a short label inside a longer one the question says in part (实际正式教职工)
            within_label = len(alias) <= _SHORT_ALIAS and _in_longer_label_piece(question, start, len(alias), index)
            if whole_word and not within_key and not within_label and _free(covered, start, len(alias)):
                # "三公经费预算" also means a document's 三公经费 when it prints no such label.
                named = sorted(item_names(alias) - {alias}, key=lambda a: -len(a))
                aliases = (alias, *_covering_labels(alias, question, index), *named)
                found.append(Mention(alias, start, aliases, "label"))
                _cover(covered, start, len(alias))
            start = question.find(alias, start + 1)
    return found


# "政府性基金[预算财政]拨款": the words a document may put inside what a question names.
_OWN_WORDS_GAP = 4
# The document's own labels tried for one mention, shortest first. A label's forms without its
# suffix take places too ("公车购置及运行" beside 公车购置及运行费 once a 决算 text states the budget
# it completes), so there are enough for the held count (局机关公车保有量) to stay among them.
_MAX_OWN_WORDS = 8


_AND_CHARS = {"和", "与"}


def in_own_words(mention: Mention, index: RecordIndex, doc_ids: tuple[str, ...]) -> Mention:
    """A label printed in other documents than those asked ("政府性基金拨款") also means the asked
    documents' labels that spell it with a few words between ("政府性基金预算财政拨款收入"), and
    then the labels the synonym file gives it ("公车" printed elsewhere: this document's 车辆)."""
    if not doc_ids or any(index.in_docs(index.by_alias.get(a, []), doc_ids) for a in mention.aliases):
        return mention
    if mention.how == "link":
        # "退休人员" links to the sample's 退休 row; a document printing 退休人员 itself means its own
        own_label = index.in_docs(index.by_alias.get(mention.text, []), doc_ids)
        return replace(mention, aliases=(*mention.aliases, mention.text)) if own_label else mention
    if mention.how != "label":
        return mention
    # (the 和/与 spellings of a label printed with 及 are for questions that say 和/与: not more own words)
    spelt = {a for doc in doc_ids for a in index.doc_aliases(doc) if said_in_order(mention.text, a, _OWN_WORDS_GAP)
             and (not set(a) & _AND_CHARS or set(mention.text) & _AND_CHARS)}
    own = sorted(spelt, key=lambda a: (mention.text not in a, len(a), a))  # said without gaps first
    synonyms = [a for a in synonym_labels(mention.text, index) if a not in mention.aliases and a not in own]
    added = (*own[:_MAX_OWN_WORDS], *synonyms)
    return replace(mention, aliases=(*mention.aliases, *added)) if added else mention


def _covering_labels(alias: str, question: str, index: RecordIndex) -> list[str]:
    """Longer labels containing `alias` whose every character the question also says
    ("调整了多少项目支出" → 调整项目支出; "面向中小企业的政府采购项目" → 面向中小企业政府采购项目)."""
    return [a for a in index.labels_containing(alias) if a != alias and said_in_order(a, question)]


def said_in_order(label: str, question: str, max_gap: int = _MAX_GAP) -> bool:
    """Whether the question says `label`'s characters in order with only short gaps between them
    ("调整了多少项目支出" says 调整项目支出; "办公的公用经费" does not say 办公费)."""
    for start in (i for i, ch in enumerate(question) if ch == label[0]):
        at, ok = start, True
        for ch in label[1:]:
            found = question.find(ch, at + 1, at + 2 + max_gap)
            if found < 0:
                ok = False
                break
            at = found
        if ok:
            return True
    return False


def synonym_labels(word: str, index: RecordIndex) -> list[str]:
    """The labels the synonym file gives a word ("公车": those holding 公务用车 or 车辆)."""
    terms = load_synonyms().get(word, ())
    return [a for term in terms for a in index.labels_containing(term)]


@lru_cache(maxsize=1)
def _synonym_table() -> list[tuple[str, list[str], bool]]:
    """(key, terms, exact): question_words [links] (exact labels), the synonym file (contained terms)."""
    table = [(normalise(k), v, True) for k, v in question_words()["links"].items()]
    table += [(normalise(k), v, False) for k, v in load_synonyms().items()]
    return sorted(table, key=lambda entry: -len(entry[0]))


def _synonym_mentions(question: str, index: RecordIndex, covered: list[bool],
                      curated: bool = False) -> list[Mention]:
    """Mentions through [links] (curated=True: before labels, they are phrases) or the synonym file."""
    found = []
    change_words = set(question_words()["linking"]["change_words"])
    for key, terms, exact in _synonym_table():
        if exact != curated or key in change_words:
            continue
        start = question.find(key)
        if not _free(covered, start, len(key)):
            continue
        if curated and _in_longer_label_piece(question, start, len(key), index):
            continue  # "区财政" names a label holding it (区财政安排项目), not what "财政" stands for
        aliases: list[str] = []
        groups: list[tuple[str, ...]] = []
        for term in terms:
            if exact:  # [links] name labels exactly, as the documents in scope print them
                group = [normalise(term)] if index.by_alias.get(normalise(term)) else []
            else:
                group = index.labels_containing(term)
            aliases.extend(a for a in group if a not in aliases)
            if group:
                groups.append(tuple(group))
        # "出国团组" where a table prints 单位出国团组: the synonyms' labels, then those printing the
        # word; a side's own totals ("收入" in 本年收入合计) before either
        own = [] if curated else [a for a in _own_labels_holding(key, index) if a not in aliases]
        # the word printed as a label of its own ("收入较上年增加…", g05) is what the document calls it
        printed = [key] if not curated and index.by_alias.get(key) else []
        totals = printed + [a for a in own if a in _side_totals(key)]
        aliases = totals + aliases + [a for a in own if a not in totals]
        if aliases:
            found.append(Mention(key, start, tuple(aliases), "link" if curated else "synonym", tuple(groups)))
            _cover(covered, start, len(key))
    return found


def _own_labels_holding(word: str, index: RecordIndex) -> list[str]:
    """The labels of the documents in scope that print a colloquial word itself ("出国" in 单位出国团组,
    "公车" in 单位共有公车): a side's totals first, then shortest first."""
    held = [a for a in index.labels_containing(word) if a != word and index.by_alias.get(a)]
    preferred = _side_totals(word)
    held.sort(key=lambda a: (preferred.index(a) if a in preferred else len(preferred), len(a), a))
    return held[:_MAX_OWN_WORDS]


def _side_totals(word: str) -> list[str]:
    """The totals of a side (`[totals] sides`: "收入" → 收入总计, 本年收入合计, …), in order of preference."""
    return question_words()["totals"]["sides"].get(word, [])


def _in_longer_label_piece(question: str, start: int, length: int, index: RecordIndex) -> bool:
    """Whether the key, with the words qualifying it (those just before it: Chinese puts modifiers
    first), occurs inside a record label: then the label is meant, not what the key stands for."""
    for begin in range(max(0, start - _MAX_GAP), start):
        piece = question[begin:start + length]
        if len(piece) >= _MIN_PIECE and not set(piece) & _QUESTION_CHARS and index.labels_containing(piece):
            return True
    return False


def _partial_mentions(question: str, index: RecordIndex, covered: list[bool]) -> list[Mention]:
    """Pieces of labels in the words left, the longest first, until none is left ("调整后比年初批复预算":
    年初批复预算, then 调整后)."""
    found: list[Mention] = []
    while True:
        hits = [(start, hit) for segment, start in _free_segments(question, covered)
                if (hit := _piece_in_labels(segment, index))]
        for start, (piece, offset, aliases) in hits:
            found.append(Mention(piece, start + offset, aliases, "partial"))
            _cover(covered, start + offset, len(piece))
        if not hits:
            return found


def _free_segments(question: str, covered: list[bool]) -> list[tuple[str, int]]:
    """Runs of uncovered Chinese characters that are not question words."""
    segments, start = [], -1
    for i, ch in enumerate(question + "。"):
        usable = (i < len(question) and not covered[i] and "\u4e00" <= ch <= "\u9fff"
                  and ch not in _QUESTION_CHARS and not _word_tail(question, covered, i)
                  and not (ch == "年" and i and question[i - 1].isdigit()))  # "2021年收入": a year's 年
        if usable and start < 0:
            start = i
        elif not usable and start >= 0:
            if i - start >= _MIN_PIECE or (i - start == _MIN_PIECE - 1 and _listed(question, start, i)):
                segments.append((question[start:i], start))
            start = -1
    return segments


def _listed(question: str, start: int, end: int) -> bool:
    """The words are an item of an enumeration ("养老保险、医疗和住房公积金"): a short item names a label too."""
    return (start > 0 and question[start - 1] == "、") or (end < len(question) and question[end] == "、")


# Characters that end a word ("招待费": a synonym key "招待" then 费) and never start one.
_WORD_TAILS = "费"


def _word_tail(question: str, covered: list[bool], at: int) -> bool:
    """The character just after a mention that ends that mention's word, not a new one."""
    return at > 0 and covered[at - 1] and question[at] in _WORD_TAILS


def _piece_in_labels(segment: str, index: RecordIndex) -> tuple[str, int, tuple[str, ...]] | None:
    """The longest run of whole words (jieba tokens) of `segment`, ≥ 3 characters (all of a shorter
    segment, a list item), found inside a label."""
    tokens = cut_words(segment)
    offsets = [0]
    for token in tokens:
        offsets.append(offsets[-1] + len(token))
    shortest = min(_MIN_PIECE, len(segment))  # a short list item ("、医疗和") is a piece of its own
    pieces = [(offsets[i], offsets[j]) for i in range(len(tokens)) for j in range(i + 1, len(tokens) + 1)
              if offsets[j] - offsets[i] >= shortest]
    for begin, end in sorted(pieces, key=lambda p: (p[0] - p[1], p[0])):
        aliases = index.labels_containing(segment[begin:end])
        if aliases:
            return segment[begin:end], begin, tuple(aliases)
    # jieba may glue a label's last word to the next ("服务项目"): fall back to 4+ characters.
    for length in range(len(segment), 3, -1):
        for begin in range(0, len(segment) - length + 1):
            aliases = index.labels_containing(segment[begin:begin + length])
            if aliases:
                return segment[begin:begin + length], begin, tuple(aliases)
    return _piece_with_words_left_out(segment, index)


# Words asking for everything at once, which start no label's name.
_IN_ALL = ("一共", "总共")


# A label the question says with a word of it left out ("调整后项目预算" for 调整预算后项目预算, seen in
# s18 of the development corpus): at most this many of the label's characters unsaid, the rest in order.
_UNSAID_MAX = 2


def _piece_with_words_left_out(segment: str, index: RecordIndex) -> tuple[str, int, tuple[str, ...]] | None:
    """The longest run of `segment` (3+ characters) whose characters stand in order in a label with at most
    `_UNSAID_MAX` more, beginning and ending on the run's first and last character."""
    chars = set(segment)
    near = [a for a in index.aliases if len(a) <= len(segment) + _UNSAID_MAX + _TAIL_MAX
            and len(chars.intersection(a)) >= _MIN_PIECE]  # one pass over the labels, then pieces of few
    for length in range(len(segment), _MIN_PIECE - 1, -1):
        for begin in range(0, len(segment) - length + 1):
            piece = segment[begin:begin + length]
            if piece.startswith(_IN_ALL):
                continue  # "一共预算了多少" asks the total: 一共 is no 一般公共 with 般 left out (fC1, second fresh batch)
            aliases = [a for a in near if len(a) <= len(piece) + _UNSAID_MAX + _TAIL_MAX and _in_order_within(piece, a)]
            if aliases:
                return piece, begin, tuple(sorted(aliases, key=len))
    return None


# Characters a label may carry after the run the question says ("调整后" → 调整预算后项目预算).
_TAIL_MAX = 6


def _in_order_within(piece: str, label: str) -> bool:
    """`piece`'s characters stand in `label` in order, starting where it starts, with at most
    `_UNSAID_MAX` characters of the label between them."""
    at = label.find(piece[0])
    if at < 0:
        return False
    unsaid = 0
    for ch in piece[1:]:
        found = label.find(ch, at + 1)
        if found < 0:
            return False
        unsaid += found - at - 1
        at = found
    return 0 < unsaid <= _UNSAID_MAX

"""Narrative questions (reasons, duties, definitions, targets, purposes) answered extractively.

The answer is the document's own sentence(s): candidate paragraphs (the
document's, and those `library.search` returns) are split into sentences
and clauses, each scored by the question's words (and their synonyms), its
section heading and the question's shape (a reason question prefers
"主要原因…", a definition "…：指…"); the best one, with its paragraph when
the paragraph is short, is the answer, citing its section or table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer import Answer, Citation, Status
from assistant.asked_documents import department_mentions
from assistant.number_text import numbers_in, text_states_number
from assistant.question_words import asked_kind, first_word, normalise, question_words
from index.passages import FULL_STOPS, split_sentences
from index.synonyms import expand_terms

_QUESTION_CHARS = set("多少几什么哪些吗呢请问的了是有和与及么怎为样啥")
# A paragraph this short is answered whole (a duty list, a definition, the reasons).
WHOLE_PARAGRAPH_CHARS = 260
MIN_COVERAGE = 0.3
# With this score the in-memory paragraphs answer without calling the passage search.
CONFIDENT = 0.75
MIN_TEXT_CELL = 10
MAX_LIST_ITEM_CHARS = 60
# How a paragraph introducing a list ends: "…目标包括：", or "…的单位包括" with no colon (seen in n13 of
# the development corpus).
LIST_INTRODUCTIONS = ("：", ":", "包括", "如下")
LONG_SENTENCE_CHARS = 80
LENGTH_PENALTY = 0.04
# A glossary (名词解释) says what a word means, not what the department did with it: its sentences
# lose this much for any question but "what is X" (it outweighs the bonus of starting with the term,
# so "三公经费花了多少" finds "本年度无“三公”经费财政拨款支出", not the definition of 三公经费);
# the lines of a table of contents lose it for every question.
GLOSSARY_PENALTY = 0.3
# The unit's own name in the question ("某乡中心学校下面管着哪些学校") is printed in many of its
# sentences (titles, openings): its bigrams count this much, so the sentence holding the question's
# other words answers (seen in n06 and s01 of the development corpus).
NAME_WEIGHT = 0.25
# A sentence listing several of the kind a "哪几条…" question asks for, each item ending in it ("1.坚持积极
# 稳妥原则；2.坚持综合预算原则；…"), beats one naming one of them (fF1 of the third fresh batch).
LISTED_KIND_BONUS = 0.15
# The numbered headings under a heading, joined ("1.坚持积极稳妥原则；2.…"): no sentence of their own, so
# they answer only a question asking for a kind of thing ("1、基本支出；2、专项项目支出" is no definition, fI1
# of the fifth fresh batch).
_HEADING_LIST = re.compile(r"1[.、．][^。；]+(?:；\d{1,2}[.、．][^。；]+)+")
# A reason sentence saying the figure moved the other way than the question says loses this much.
OTHER_DIRECTION_PENALTY = 0.2
_YEARS = re.compile(r"(?:19|20)\d\d年?")
# A reason announced at the very end of the text, with nothing after it (a copy cut off mid-sentence,
# seen in a 决算 page of the development corpus).
_REASON_CUT_OFF = re.compile(r"原因(?:是|为|如下|主要是)?[:：]?\s*$")
_NUMBERING = re.compile(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*")



# A paragraph of a document as (text, section path, ref): "第三部分", "表11".
Paragraph = tuple[str, tuple[str, ...], str]


@dataclass(frozen=True)
class CandidateParagraph:
    """A paragraph that may answer a narrative question: the document's own, or one a search hit
    points to (`rank` is the hit's place in the search results; 0 for the document's own)."""

    doc_id: str
    text: str
    ref: str
    section_path: tuple[str, ...]
    rank: int


def _bigrams(text: str) -> set[str]:
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff" or c.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:]) if not (a in _QUESTION_CHARS and b in _QUESTION_CHARS)}


@dataclass(frozen=True)
class QuestionTerms:
    """What a sentence should share with a narrative question: weighted bigrams, and everyday words
    (`[narrative_equivalents]`) each said by the word itself or one of the document words it stands for."""

    grams: dict[str, float]
    equivalents: tuple[tuple[str, tuple[str, ...]], ...] = ()
    direction: str = ""  # "up" or "down": which way the question says a figure moved
    kind: str = ""  # what a "哪几条…" question asks for ("原则")

    @property
    def total(self) -> float:
        return sum(self.grams.values()) + len(self.equivalents) or 1.0

    def found(self, sentence: str, heading: str = "") -> float:
        """The weight of the question's terms that `sentence` (or its heading) holds."""
        grams, head = _bigrams(sentence), _bigrams(heading)
        weight = sum(w for g, w in self.grams.items() if g in grams or g in head)
        return weight + sum(1.0 for _, words in self.equivalents
                            if any(w in sentence or w in heading for w in words))


def _content_bigrams(text: str) -> set[str]:
    """The bigrams of `text` without a question word's character ("哪些", "多少")."""
    return {g for g in _bigrams(text) if not (g[0] in _QUESTION_CHARS or g[1] in _QUESTION_CHARS)}


def question_terms(question: str, shape: str = "") -> QuestionTerms:
    """The bigrams a relevant sentence should share with the question, with weights: the question's
    own words 1 (the unit's name `NAME_WEIGHT`), words its synonyms and everyday expressions stand
    for 0.5; an everyday word of `[narrative_equivalents]` counts once, said in any of its forms.

    In a narrative question (a `shape`) a year is one word too ("为什么收支比2023年多了这么多": not
    four bigrams of digits outweighing 收支), and so it is in a "哪几条…" question; a figure question's
    sentence found in the text must
    still show the year's digits, so there they keep their weight."""
    text = normalise(question)
    words = question_words()
    said, equivalents = text, []
    for key, forms in sorted(words["narrative_equivalents"].items(), key=lambda item: -len(item[0])):
        if normalise(key) in said:  # the longest first: "下面管着" before "管着"
            said = said.replace(normalise(key), "\0")  # its bigrams are the equivalent's, counted once
            equivalents.append((key, (normalise(key), *(normalise(w) for w in forms))))
    for when in words["narrative"]["when"]:
        said = said.replace(when, "\0")
    said = _kind_as_self(said, equivalents)
    for year in dict.fromkeys(_YEARS.findall(said) if shape or asked_kind(text) else ()):
        said = said.replace(year, "\0")
        equivalents.append((year, (year[:4],)))
    own = {g for piece in said.split("\0") for g in _content_bigrams(piece)}
    names = {g for name in department_mentions(text) for g in _bigrams(name)}
    weights = {g: NAME_WEIGHT if g in names else 1.0 for g in own}
    expansions = words["narrative_expansions"]
    for term in expand_terms(text) + [t for key, terms in expansions.items() if key in text for t in terms]:
        for gram in _bigrams(normalise(term)):
            weights.setdefault(gram, 0.5)
    if not weights and not equivalents:
        weights = {g: 1.0 for g in _bigrams(text)}
    return QuestionTerms(weights, tuple(equivalents), _direction(text), asked_kind(text))


def _kind_as_self(said: str, equivalents: list) -> str:
    """A unit's kind said alone besides the equivalents ("幼儿园哪年成立的") is the unit itself, which its
    own text may call "我单位" ("我单位…成立于2020年", n10): said either way, it counts once. Beside other
    words ("学校设有哪些系") it stays a word the sentence shares."""
    words = question_words()
    kinds = [k for k in sorted(words["refusal"]["org_suffixes"], key=len, reverse=True) if len(k) > 1 and k in said]
    rest = said
    for kind in kinds:
        rest = rest.replace(kind, "\0")
    if not kinds or any("\u4e00" <= ch <= "\u9fff" and ch not in _QUESTION_CHARS for ch in rest):
        return said
    equivalents.extend((kind, (kind, *words["narrative"]["self"])) for kind in kinds)
    return rest


def _direction(text: str) -> str:
    """"up" or "down" when `text` says a figure moved one way only (`[narrative_directions]`), else ""."""
    said = [way for way, words in question_words()["narrative_directions"].items() if first_word(text, words)]
    return said[0] if len(said) == 1 else ""


def units_of(paragraph: str) -> list[str]:
    """What may be quoted as an answer: each sentence, and each "；" clause of a long sentence
    (a list of items, each with its purpose: "…；社保志愿服务17万元，用于开展社会保险志愿服务活动。")."""
    units = []
    for sentence in split_sentences(paragraph, ends=FULL_STOPS):  # reasons "一是…；二是…" stay whole
        units.append(sentence)
        clauses = [c for c in re.split(r"(?<=[；;])", sentence) if c.strip()]
        if len(sentence) > LONG_SENTENCE_CHARS and len(clauses) >= 2:
            units.extend(c.strip() for c in clauses)
    return units


_YEAR_OPENING = re.compile(r"^(?:19|20)\d{2}年度?[,，]?")


def _sentence_score(sentence: str, section: str, terms_asked: QuestionTerms, shape: str,
                    terms: tuple[str, ...], numbers: tuple[float, ...] = (), path: str = "") -> float:
    """How well one sentence answers: the weighted share of the question's terms it (or its
    section heading, which says what it is about) contains, plus shape, heading and figure cues."""
    words = question_words()
    score = terms_asked.found(normalise(sentence), normalise(section)) / terms_asked.total
    if _has_cue(sentence, shape):
        score += 0.15
    if shape == "reason" and terms_asked.direction and _direction(normalise(sentence)) not in ("", terms_asked.direction):
        score -= OTHER_DIRECTION_PENALTY  # why it fell, asked why it rose
    if any(cue in path for cue in words["narrative_sections"].get(shape, ())):
        score += 0.2
    if shape != "definition" and any(cue in path for cue in words["narrative_sections"]["definition"]):
        score -= GLOSSARY_PENALTY
    if any(normalise(path).startswith(cue) for cue in words["narrative_sections"]["contents"]):
        score -= GLOSSARY_PENALTY  # a line of the contents only names a part
    head = _NUMBERING.sub("", normalise(sentence))
    if shape == "reason":  # "2016年度“三公”经费支出决算减少的主要原因有…" (fC2, second fresh batch) is 三公经费's
        head = _YEAR_OPENING.sub("", head)
    head = head[:12]
    if any(term and head.startswith(term) for term in terms):
        score += 0.2  # the sentence is about the named thing ("基本支出：指…")
    if terms_asked.kind and len(re.findall(re.escape(terms_asked.kind) + r"(?=[；;、]|$)", normalise(sentence))) >= 2:
        score += LISTED_KIND_BONUS  # "哪几条原则": items ending in 原则 ("…原则；…原则") list them
    if numbers and all(text_states_number(sentence, n) for n in numbers):
        score += 0.15  # it states the figure the question is about ("为什么出国经费是0")
    return score - LENGTH_PENALTY * max(0, len(sentence) - 80) / 100  # long sentences match by chance


def _has_cue(text: str, shape: str) -> bool:
    return any(cue in text for cue in question_words()["narrative_cues"].get(shape, ()))


# A "sentence" this long with hardly any punctuation (fewer marks than one per `RUN_ON_PUNCT_EVERY`
# characters) is table cells run together, not prose: fF3 of the third fresh batch prints its OCR'd
# forms as one 1,500-character line ("…执行会计制度政府会计准则制度预算级次省级报表小类单户表…").
RUN_ON_CHARS = 300
RUN_ON_PUNCT_EVERY = 60
_PUNCTUATION = re.compile(r"[，,、；;。：:！？!?]")


def _is_run_on(sentence: str) -> bool:
    marks = len(_PUNCTUATION.findall(sentence))
    return len(sentence) > RUN_ON_CHARS and marks * RUN_ON_PUNCT_EVERY < len(sentence)


def best_sentence(question: str, shape: str, passages: list[CandidateParagraph],
                  terms: tuple[str, ...] = ()) -> tuple[float, CandidateParagraph, int, list[str]] | None:
    """(score, passage, sentence index, sentences) of the sentence that best answers, or None."""
    grams = question_terms(question, shape)
    numbers = tuple(numbers_in(_YEARS.sub("", normalise(question))))
    best: tuple[float, CandidateParagraph, int, list[str]] | None = None
    for passage in passages:
        if not grams.kind and _HEADING_LIST.fullmatch(passage.text):
            continue  # a heading's numbered items listed (see `document_paragraphs`) answer "哪几条…" only
        sentences = units_of(passage.text)
        section = passage.section_path[-1] if passage.section_path else ""
        # A short paragraph is answered whole: a cue in any of its sentences counts
        # ("…增加139万元。主要是因…").
        whole_cue = len(passage.text) <= WHOLE_PARAGRAPH_CHARS and _has_cue(passage.text, shape)
        for i, sentence in enumerate(sentences):
            if _is_run_on(sentence):
                continue  # table cells run together (an OCR'd form, a flattened table): nothing to read out
            score = _sentence_score(sentence, section, grams, shape, terms, numbers,
                                    " ".join(passage.section_path)) - 0.02 * passage.rank
            if whole_cue and not _has_cue(sentence, shape):
                score += 0.15
            if best is None or score > best[0]:
                best = (score, passage, i, sentences)
    return best


def answer_from_passages(question: str, shape: str, passages: list[CandidateParagraph],
                         terms: tuple[str, ...] = (), operation: str = "narrative") -> Answer | None:
    """The extractive Answer from the best sentence of `passages`, or None when none fits.

    For a "how many" question whose sentence is a numbered list ("1.…；2.…"), the items are counted.
    """
    best = best_sentence(question, shape, passages, terms)
    if best is None or best[0] < MIN_COVERAGE:
        return None
    score, passage, i, sentences = best
    text = _extract(passage.text, sentences, i)
    if shape == "reason":
        text = _reason_continued(text, sentences, i)
    if shape == "reason" and _REASON_CUT_OFF.search(text):
        return None  # "…增长15.46%,主要原因" and nothing after: the copy states no reason
    kind = "table" if passage.ref.startswith("表") else "section"
    citation = Citation(doc=passage.doc_id, kind=kind, ref=passage.ref,
                        title=" › ".join(passage.section_path), quote=text)
    lead = f"据公开文件{_where(passage)}："
    items = numbered_items(text)
    if operation == "count_items" and len(items) >= 2:
        lead = f"共{len(items)}条。{lead}"
    return Answer(status=Status.ANSWERED, text=f"{lead}{text}", citations=(citation,))


def numbered_items(text: str) -> list[str]:
    """The numbers of a numbered list in `text` ("1.…；2.…；3.…" → ["1", "2", "3"]), counting from 1."""
    numbers = re.findall(r"(?:^|[：:；;。，\s])(\d{1,2})[.、．]", text)
    items = []
    for number in numbers:
        if int(number) == len(items) + 1:
            items.append(number)
    return items


def _where(passage: CandidateParagraph) -> str:
    return passage.ref


def _reason_continued(text: str, sentences: list[str], i: int) -> str:
    """A reason that goes on after a semicolon in clauses stating no figure ("主要是为学习借鉴…先进经验,…;
    为学习借鉴…先进经验,…而增加经费;", fD2 of the second fresh batch) is given whole: up to the next
    clause that states a figure of its own."""
    for following in sentences[i + 1:]:
        if not text.rstrip().endswith((";", "；")) or re.search(r"\d", following) or following in text:
            break
        text += following
    return text


def _extract(paragraph: str, sentences: list[str], i: int) -> str:
    """The best sentence; its paragraph when short; the next sentence when it only introduces a list."""
    if len(paragraph) <= WHOLE_PARAGRAPH_CHARS:
        return paragraph.strip()
    chosen = sentences[i]
    if (chosen.endswith("：") or len(chosen) < 30) and i + 1 < len(sentences):
        chosen += sentences[i + 1]
    return chosen


def passages_from_hits(hits: list,
                       paragraphs: dict[str, list[Paragraph]]) -> list[CandidateParagraph]:
    """Search hits → paragraphs in memory: a sentence hit widened to the paragraph holding it, a
    paragraph hit to its paragraph with the list items joined to it (`document_paragraphs`); tables
    skipped."""
    found: list[CandidateParagraph] = []
    seen: set[str] = set()
    for rank, hit in enumerate(hits):
        if hit.kind == "table":
            continue
        text, path, ref = hit.text, hit.section_path, hit.ref
        for paragraph, p_path, p_ref in paragraphs.get(hit.doc_id, []):
            if _widens(hit, paragraph, p_path):
                text, path, ref = paragraph, p_path, p_ref
                break
        if text not in seen:
            seen.add(text)
            found.append(CandidateParagraph(hit.doc_id, text, ref, tuple(path), rank))
    return found


def _widens(hit, paragraph: str, path: tuple[str, ...]) -> bool:
    """Whether `paragraph` is what the hit stands for: the paragraph holding a sentence hit; for a
    paragraph hit, the same paragraph of the same section, perhaps with its list items joined."""
    if hit.kind == "sentence":
        return normalise(hit.text) in normalise(paragraph)
    return hit.kind == "paragraph" and tuple(path) == tuple(hit.section_path) and \
        normalise(paragraph).startswith(normalise(hit.text))


def document_paragraphs(document) -> list[Paragraph]:
    """(paragraph, section path, ref) of a Document, a paragraph ending in "：" joined with the
    numbered items under it ("主要工作目标包括：" + "1.…；2.…"), which the parser reads as sub-sections."""
    sections = list(document.sections)
    found = []
    absorbed: set[int] = set()
    for position, section in enumerate(sections):
        if position in absorbed:
            continue  # an item already joined to its list's introduction
        ref = section.part or (section.path[0] if section.path else "")
        if not section.paragraphs and (headings := _numbered_headings_below(sections, position)):
            # "(一)预算编制的基本原则" over "1.坚持积极稳妥原则" … "4.坚持勤俭节约原则", each with its text: the
            # headings are the heading's list ("哪几条原则", seen in fF1 of the third fresh batch)
            found.append(("；".join(headings), section.path, ref))
        for paragraph in section.paragraphs:
            text = paragraph.strip()
            if text.endswith(LIST_INTRODUCTIONS) and paragraph == section.paragraphs[-1]:
                items = _items_below(sections, position)
                text += "".join(sections[i].paragraphs[0].strip() for i in items if sections[i].paragraphs)
                absorbed.update(items)
                if not items:
                    text += "".join(_headings_alone_below(sections, position))
            found.append((text, section.path, ref))
    return found + table_text_paragraphs(document)


def table_text_paragraphs(document) -> list[Paragraph]:
    """Text cells of tables (表11's tasks and yearly goals) as "label：text" paragraphs citing the table."""
    found = []
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                text = "".join(cell.raw.split())
                if cell.value is None and len(text) >= MIN_TEXT_CELL:
                    found.append((f"{row.label}：{text}", (table.title, row.label), table.ref))
    return found


def _sections_below(sections: list, position: int) -> list:
    """The sections nested under sections[position], in order."""
    level = sections[position].level
    below = []
    for section in sections[position + 1:]:
        if section.level <= level:
            break
        below.append(section)
    return below


def _numbered_headings_below(sections: list, position: int) -> list[str]:
    """The titles of the sections under sections[position] when they are all one level, numbered from 1."""
    below = _sections_below(sections, position)
    titles = [section.title for section in below]
    numbered = all(section.level == below[0].level and re.match(rf"{number}[.、．]", normalise(section.title))
                   and len(section.title) <= MAX_LIST_ITEM_CHARS for number, section in enumerate(below, start=1))
    return titles if len(titles) >= 2 and numbered else []


def _headings_alone_below(sections: list, position: int) -> list[str]:
    """The items of a list printed as numbered headings on lines of their own under sections[position],
    their text following on other lines or none ("…的单位包括" then "1.某某医院(本级)"; seen in n08 and
    n13 of the development corpus): the headings, when every section below is such an item (one
    level, no sub-headings, numbered from 1); else []."""
    below = _sections_below(sections, position)
    found = []
    for number, section in enumerate(below, start=1):
        title = normalise(section.title)
        first = normalise(section.paragraphs[0]) if section.paragraphs else ""
        if section.level != below[0].level or not re.match(rf"{number}[.、．]", title) \
                or len(title) > MAX_LIST_ITEM_CHARS or first.startswith(title):
            return []
        found.append(section.title)
    return found


def _items_below(sections: list, position: int) -> list[int]:
    """Positions of the short one-paragraph sections nested under sections[position] (a numbered
    list such as the yearly goals); [] when the items are long sections of their own (projects)."""
    level = sections[position].level
    items = []
    for offset, section in enumerate(sections[position + 1:], start=position + 1):
        if section.level <= level:
            break
        if len(section.paragraphs) != 1 or len(section.paragraphs[0]) > MAX_LIST_ITEM_CHARS:
            return []
        items.append(offset)
    return items

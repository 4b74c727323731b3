"""Narrative lines -> section tree (第X部分 › 一、 › （一） › 1.) with joined paragraphs.

The PDF export hard-wraps lines and puts blank lines in the middle of
sentences, so a blank line is not a paragraph break. When the document marks
paragraph ends with a trailing space (the sample does), a paragraph ends at a
line ending with sentence-final punctuation and that mark; otherwise (excerpts
with one paragraph per line, PDF text without the mark) at a line ending with
sentence-final punctuation, a blank line, or a flattened table row ("… | …").
A heading always ends the paragraph before it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple, Sequence

from ingest.model import Section
from ingest.normalise import ends_with_space, tidy_spaces

_FINAL = "。；;！？!?：:"
_PART_MARK = re.compile(r"^(第[一二三四五六七八九十]{1,3}部分)[:：]?\s*")


@dataclass(frozen=True)
class _Rules:
    headings: tuple[tuple[int, re.Pattern[str]], ...]
    wrapper: re.Pattern[str]
    toc: re.Pattern[str]
    toc_title: str
    body_title: str
    listed: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]
    table_note: re.Pattern[str]
    preamble_title: str
    announces: re.Pattern[str]
    title_stop: re.Pattern[str]
    title_number: re.Pattern[str]
    title_max: int
    standalone: tuple[re.Pattern[str], ...]
    chrome: re.Pattern[str]
    title_line: re.Pattern[str]
    run_on_split: re.Pattern[str]


@cache
def _rules() -> _Rules:
    with open(Path(__file__).with_name("headings.toml"), "rb") as handle:
        data = tomllib.load(handle)
    patterns = [(h["level"], h["pattern"]) for h in data["heading"]]
    starts = "|".join(p for level, p in patterns if level <= 3)
    return _Rules(
        headings=tuple((level, re.compile(rf"^(?:{p})")) for level, p in patterns),
        wrapper=re.compile(data["wrappers"]["pattern"]),
        toc=re.compile(data["toc"]["pattern"]),
        toc_title=data["toc"]["title"],
        body_title=data["toc"]["body_title"],
        table_note=re.compile(data["table_note"]["pattern"]),
        listed=tuple((re.compile(c["entry"]), re.compile(c["opening"])) for c in data["toc"]["listed"]),
        preamble_title=data["preamble"]["title"],
        announces=re.compile(data["preamble"]["announces"]),
        title_stop=re.compile(data["title"]["stops"]),
        title_number=re.compile(rf"\s\d|\d[\d,.]*\s*{data['title']['units']}"),
        title_max=data["title"]["max_length"],
        standalone=tuple(re.compile(p) for p in data["standalone"]["patterns"]),
        chrome=re.compile("|".join(data["chrome"]["patterns"])),
        title_line=re.compile(data["title_line"]["pattern"]),
        run_on_split=re.compile(rf"\s+(?=(?:{starts}))"),
    )


def preamble_title() -> str:
    """The name of the text before a document's first heading ("前言"): its title lines."""
    return _rules().preamble_title


def untitled_parts() -> tuple[str, ...]:
    """The names of text under no heading: before the first ("前言") and after a contents list whose
    headings the body does not print ("正文")."""
    return _rules().preamble_title, _rules().body_title


# The opening of a sentence: its words up to its first figure, at most this long.
OPENING_CHARS = 40
_FIRST_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|元|%|人|个|辆)")


def opening_words(sentence: str) -> str:
    """"2020年本年收入合计3765.66万元,其中:…" → "2020年本年收入合计"."""
    first = re.split(r"[。；;!！?？]", sentence.strip(), maxsplit=1)[0]
    figure = _FIRST_FIGURE.search(first)
    return first[:figure.start() if figure else len(first)][:OPENING_CHARS].rstrip("，,:： ")


def heading_level(text: str) -> int:
    """The heading level of a stripped line (1 第X部分 … 5 (1)), 0 if it is no heading."""
    for level, pattern in _rules().headings:
        if pattern.match(text):
            return level
    return 0


@dataclass(frozen=True)
class Heading:
    """A heading line: its level, title, marker ("第三部分", "一、", "（一）") and inline content."""

    level: int
    title: str
    marker: str
    inline: str


def parse_heading(text: str, split_fragment: bool = False) -> Heading | None:
    """Read a heading from a stripped line; None if the line is no heading.

    "（一）人员支出 2,315 万元，主要包括：" → title "（一）人员支出", inline = the whole line.
    `split_fragment`: the line was cut out of a run-on line, where a space is a lost line break.
    """
    level = heading_level(text)
    if not level:
        return None
    marker = _rules().headings[level - 1][1].match(text).group(0).strip()
    rest = text[len(marker):].strip() if level > 1 else _PART_MARK.sub("", text)
    marker = _PART_MARK.match(text).group(1) if level == 1 else marker
    name = _title_part(rest, split_fragment)
    if level > 1 and not name:
        return None
    title = f"{marker} {tidy_spaces(name)}".strip() if level == 1 else marker + tidy_spaces(name)
    # "一、…情况说明。" is a heading closed by a full stop, not a sentence of its own
    inline = "" if tidy_spaces(rest).removesuffix("。") == tidy_spaces(name) else text
    return Heading(level=level, title=title, marker=_marker_key(marker), inline=inline)


def _title_part(rest: str, split_fragment: bool) -> str:
    rules = _rules()
    cut = len(rest)
    for pattern in (rules.title_stop, rules.title_number):
        match = pattern.search(rest)
        if match and match.start() > 0:
            cut = min(cut, match.start())
    if split_fragment and (space := re.search(r"(?<=[^\s\d])\s+(?=[^\s\d:：])", rest[:cut])):
        cut = space.start()
    name = rest[:cut].replace("|", " ").strip()
    return name if len(tidy_spaces(name)) <= rules.title_max else ""


def _marker_key(marker: str) -> str:
    return marker.replace("（", "(").replace("）", ")").replace(" ", "")


# A heading of this level or deeper ("（一）") may sit under an opening sentence of figures; the
# sentence's place in the stack.
_ITEM_LEVEL = 3
_LEAD = -1


@dataclass
class _Builder:
    """Accumulates sections while walking the lines."""

    sections: list[Section] = field(default_factory=list)
    stack: list[tuple[int, str]] = field(default_factory=list)
    start_line: int = 0
    level: int = 1
    title: str = ""
    paragraphs: list[str] = field(default_factory=list)
    paragraph_lines: list[int] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    piece_line: int = 0
    emit_empty: bool = True

    announced: str = ""  # opening words of a preamble paragraph that announced the lines after it
    listed: bool = False  # the body follows a contents list it prints no heading of

    def open_listed(self, path: tuple[str, ...], line_no: int) -> None:
        """Text under a contents entry the body does not print: "正文 › 第一部分概况 › 一、主要职责"."""
        self.close_section()
        self.stack = [(0, _rules().body_title), *((level, title) for level, title in enumerate(path, 1))]
        self.level, self.title, self.start_line, self.emit_empty = len(path), path[-1], line_no, True
        self.listed = True

    def add_text(self, line_no: int, text: str) -> None:
        if not self.pieces:
            if self.announced:
                self._open_announced(line_no)
            self.piece_line = line_no
        self.pieces.append(text)

    def end_paragraph(self) -> None:
        paragraph = tidy_spaces(" ".join(self.pieces))
        if paragraph:
            self.paragraphs.append(paragraph)
            self.paragraph_lines.append(self.piece_line)
            if self._in_preamble() and _rules().announces.search(paragraph) and _FIRST_FIGURE.search(paragraph):
                # "…的主要原因是:2018年…合计" is named by the words before its colon
                self.announced = re.split(r"[:：]", opening_words(paragraph))[0] or opening_words(paragraph)
        self.pieces = []

    def open_table_note(self, table_title: str, line_no: int) -> None:
        """A note printed under a table ("说明：…故本表无数据。") is about that table: it sits under its title."""
        self.close_section()
        self.stack = [(1, table_title)]
        self.level, self.title, self.start_line, self.emit_empty = 1, table_title, line_no, True

    def _in_preamble(self) -> bool:
        return [lv for lv, _ in self.stack] == [0] and self.title == _rules().preamble_title

    def _open_announced(self, line_no: int) -> None:
        """The lines after "…其中:" sit under its opening words, in the preamble, as a lead's items do."""
        lead, self.announced = self.announced, ""
        self.close_section()
        self.stack = [(0, _rules().preamble_title), (_LEAD, lead)]
        self.level, self.title, self.start_line, self.emit_empty = 1, lead, line_no, True

    def open_section(self, level: int, title: str, line_no: int, emit_empty: bool = True) -> None:
        lead = self._lead() if level >= _ITEM_LEVEL else ""
        self.announced = ""
        self.close_section()
        if level == 0:  # wrapper or preamble: a root of its own
            self.stack = [(0, title)]
        else:
            # a wrapper ("一、文字部分") or the preamble is never a heading's parent; an opening sentence of
            # figures is the parent of the numbered items right after it (until a higher heading), and
            # stays in the preamble it was printed in
            under_lead = level >= _ITEM_LEVEL and any(lv == _LEAD for lv, _ in self.stack)
            listed_body = self.listed and self.stack[:1] == [(0, _rules().body_title)]
            self.stack = [(lv, t) for lv, t in self.stack if lv > 0 or under_lead or listed_body]
            while self.stack and self.stack[-1][0] >= level:
                self.stack.pop()
            if lead:
                self.stack = [(0, _rules().preamble_title), (_LEAD, lead)]
            self.stack.append((level, title))
        self.level, self.title, self.start_line, self.emit_empty = max(level, 1), title, line_no, emit_empty

    def _lead(self) -> str:
        """"本单位2023年…财政拨款预算数3万元,其中:会议费0万元,…" before "(一)会议费…" with no heading above:
        the opening words of the preamble's last paragraph when it states figures (an excerpt starting
        mid-document, seen in s13 of the development corpus); "" otherwise."""
        self.end_paragraph()
        if not self._in_preamble() or not self.paragraphs:
            return ""
        last = self.paragraphs[-1]
        return opening_words(last) if _FIRST_FIGURE.search(last) else ""

    def close_section(self) -> None:
        self.end_paragraph()
        if self.title and (self.paragraphs or self.emit_empty):
            self.sections.append(Section(
                path=tuple(title for _, title in self.stack), title=self.title, level=self.level,
                paragraphs=tuple(self.paragraphs), line=self.start_line,
                paragraph_lines=tuple(self.paragraph_lines)))
        self.paragraphs, self.paragraph_lines, self.title = [], [], ""


class TableSpan(NamedTuple):
    """Where a table is printed among the text: its first line and title, the line of its last row and
    its row labels (a text column's cells, read as sentences, open with one of them)."""

    line: int
    title: str
    last_line: int = 0
    labels: frozenset[str] = frozenset()


def parse_sections(narrative_lines, all_lines: Sequence[str] = (),  # noqa: ANN001
                   tables: Sequence[tuple] = ()) -> list[Section]:
    """Build the section tree from (line number, normalised text) pairs outside tables; `all_lines`
    (the document's every line) give the table of contents when a reader took it for a table;
    `tables` (`TableSpan`s, or (first line, title) pairs) end a paragraph and own the notes printed
    under them and the sentences printed among their rows."""
    lines = _split_run_on_lines(list(narrative_lines))
    # looked up at every line: sorted once, last first
    spans = sorted((TableSpan(*t) for t in tables), key=lambda t: t.line, reverse=True)
    marks = _uses_end_marks(lines)
    toc_end = _toc_end(lines)
    parts = _contents_parts(lines, toc_end) or _contents_parts(
        [_Line(n, text) for n, text in enumerate(all_lines[:_CONTENTS_WITHIN], 1)],
        _CONTENTS_WITHIN)
    builder = _Builder()
    builder.open_section(0, _rules().preamble_title, lines[0].number if lines else 0, emit_empty=False)
    index = 0
    entries: tuple[_Entry, ...] = ()  # a contents list the body prints no heading of, and where it is
    at = -1
    while index < len(lines):
        if index == 0 and toc_end:
            _add_toc(builder, lines[:toc_end])
            index = toc_end
            body = lines[index].text.strip()
            if not parse_heading(body, lines[index].split_fragment) and not _names_part(body, parts):
                builder.open_section(0, _rules().body_title, lines[index].number, emit_empty=False)
                entries = _listed_entries(lines[:toc_end])
            continue
        text = lines[index].text.strip()
        if index and (table := _table_between(spans, lines[index - 1].number, lines[index].number)):
            builder.end_paragraph()  # text does not run on across a table
            title = tidy_spaces(table.title)
            if title and _rules().table_note.search(text) and parse_heading(text) is None:
                builder.open_table_note(title, lines[index].number)
        if (inside := _table_around(spans, lines[index].number, text)) and builder.title != tidy_spaces(inside.title):
            builder.open_table_note(tidy_spaces(inside.title), lines[index].number)
        if entries and not builder.pieces and text and parse_heading(text, lines[index].split_fragment) is None:
            following = _entry_about(text, entries, at)
            if following != at:
                at = following
                builder.open_listed(entries[at].path, lines[index].number)
        if _names_part(lines[index].text, parts):
            builder.open_section(1, tidy_spaces(lines[index].text), lines[index].number)
            index += 1
            continue
        index = _walk_line(builder, lines, index, marks)
    builder.close_section()
    return builder.sections


# Seen in two street-office budget PDFs of the development corpus: the contents number the parts
# ("四、部门预算编制说明 ……"), the body heads them without the number, sometimes with the year or
# the department's name before ("2025年部门预算编制说明", "XX街道办事处（部门）机构设置").
# Such a line opens a part; what it may carry before the contents' words is this long at most.
_PART_PREFIX_MAX = 30
# A table of contents read as a table is looked for in the document's first lines.
_CONTENTS_WITHIN = 80
_CONTENTS_ENTRY = re.compile(r"^(?:第[一二三四五六七八九十]{1,3}部分|[一二三四五六七八九十]{1,3}、)\s*"
                             r"(?P<name>[^.…·]+?)\s*[.…·]{3,}")
_PART_NAME_MIN = 4  # "名词解释": shorter names ("概况") end too many ordinary lines
_BRACKETS = re.compile(r"[（()）]")


def _contents_parts(lines: list[_Line], toc_end: int) -> tuple[str, ...]:
    """The names of the parts a table of contents (within the first `toc_end` lines) lists,
    without numbers, leaders and pages (its "1. …表" lines name tables, not parts)."""
    rules = _rules()
    start = next((i for i, line in enumerate(lines[:toc_end]) if rules.toc.match(tidy_spaces(line.text))), None)
    if start is None:
        return ()
    names = []
    for line in lines[start + 1:toc_end]:
        entry = _CONTENTS_ENTRY.match(tidy_spaces(line.text))
        if entry:
            name = _BRACKETS.sub("", entry["name"]).replace(" ", "")
            if len(name) >= _PART_NAME_MIN:
                names.append(name)
    return tuple(names)


def _names_part(text: str, parts: tuple[str, ...]) -> bool:
    """Whether a line that is no numbered heading heads a part the contents list (see above)."""
    if not parts:
        return False
    line = _BRACKETS.sub("", tidy_spaces(text)).replace(" ", "")
    if not line or line[-1] in _FINAL or parse_heading(text.strip()) is not None:
        return False
    return any(line.endswith(name) and len(line) - len(name) <= _PART_PREFIX_MAX for name in parts)


@dataclass(frozen=True)
class _Line:
    number: int
    text: str
    split_fragment: bool = False


def _split_run_on_lines(pairs: list[tuple[int, str]]) -> list[_Line]:
    """Cut a very long line holding several numbered parts (PDF text on one line) before each heading."""
    result: list[_Line] = []
    for number, text in pairs:
        if len(text) > 300 and re.search(r"\S\s+第[一二三四五六七八九十]{1,3}部分", text):
            parts = _rules().run_on_split.split(text)
            if len(parts) >= 3:
                result.extend(_Line(number, part.strip(), True) for part in parts)
                continue
        result.append(_Line(number, text))
    return result


def _uses_end_marks(lines: list[_Line]) -> bool:
    """Whether paragraph ends carry a trailing space (hard-wrapped PDF export)."""
    marked = unmarked = 0
    for line in lines:
        body = line.text.rstrip()
        if body and body[-1] in _FINAL:
            if ends_with_space(line.text):
                marked += 1
            else:
                unmarked += 1
    return marked >= 2 and marked >= unmarked


def _toc_end(lines: list[_Line]) -> int:
    """Index of the first line after a table of contents (0 if there is none)."""
    rules = _rules()
    start = next((i for i, line in enumerate(lines[:20]) if rules.toc.match(tidy_spaces(line.text))), None)
    if start is None:
        return 0
    first = None
    for i in range(start + 1, len(lines)):
        heading = parse_heading(lines[i].text.strip(), lines[i].split_fragment)
        if heading is None:
            if first is not None and _names_part(lines[i].text, _contents_parts(lines, i)):
                return i  # the first part, headed without its number
            continue
        if first is None:
            first = heading
        elif (heading.level, heading.marker) == (first.level, first.marker):
            return i
    return _contents_run_end(lines, start)


# A contents list is this many headings at least, one per line.
_CONTENTS_MIN_ENTRIES = 3


def _contents_run_end(lines: list[_Line], start: int) -> int:
    """Where the body starts when it repeats none of the contents' headings (a web page copied without its
    styled headings, seen in n08 of the development corpus): the first line after the run of headings
    below "目录" that is no heading; 0 when there is no such run."""
    entries = 0
    for i in range(start + 1, len(lines)):
        text = lines[i].text.strip()
        if not text:
            continue
        if parse_heading(text, lines[i].split_fragment) is not None:
            entries += 1
            continue
        return i if entries >= _CONTENTS_MIN_ENTRIES else 0
    return 0


@dataclass(frozen=True)
class _Entry:
    """A text entry of a contents list: its place ("第一部分概况", "一、主要职责") and the words that open
    a body paragraph about it."""

    path: tuple[str, ...]
    opening: re.Pattern[str]


_LEADERS = re.compile(r"\s*[.…·]{3,}.*$")


def _listed_entries(lines: list[_Line]) -> tuple[_Entry, ...]:
    """The contents list's entries about text, in order, each with the body words for it (see
    headings.toml [[toc.listed]]); the parts that list tables ("第四部分 2023年部门预算表") are left out."""
    rules, entries, part = _rules(), [], ""
    toc_at = next(i for i, line in enumerate(lines) if rules.toc.match(tidy_spaces(line.text)))
    for line in lines[toc_at + 1:]:
        heading = parse_heading(line.text.strip())
        if heading is None:
            continue
        title = tidy_spaces(_LEADERS.sub("", line.text.strip()))
        path = (title,) if heading.level == 1 or not part else (part, title)
        part = title if heading.level == 1 else part
        if any(_BRACKETS.sub("", t).endswith("表") for t in path):
            continue
        openings = [opening.pattern for entry, opening in rules.listed if entry.search(title)]
        if openings:
            entries.append(_Entry(path, re.compile("|".join(openings))))
    return tuple(entries)


def _entry_about(text: str, entries: tuple[_Entry, ...], at: int) -> int:
    """The entry a body paragraph starting with `text` is about: the current one (`at`) while its words
    open it, else the first later one whose words open it; `at` when none does."""
    first = re.split(r"[。；;]", text, maxsplit=1)[0]
    if at >= 0 and entries[at].opening.search(first):
        return at
    return next((i for i in range(at + 1, len(entries)) if entries[i].opening.search(first)), at)


def _table_around(tables: Sequence[TableSpan], number: int, text: str) -> TableSpan | None:
    """The table a text column's cell belongs to: "公务接待费：严格执行中央八项规定…" (a 增减原因 cell read as a
    sentence, fC3 of the second fresh batch) sits among the table's rows and opens with one's label."""
    label = text.partition("：")[0]
    return next((t for t in tables if t.title and t.line < number <= t.last_line and label in t.labels), None)


def _table_between(tables: Sequence[TableSpan], before: int, after: int) -> TableSpan | None:
    """The last table printed between two narrative lines, or None (`tables` last first)."""
    return next((t for t in tables if before < t.line < after), None)


def _add_toc(builder: _Builder, lines: list[_Line]) -> None:
    rules = _rules()
    toc_at = next(i for i, line in enumerate(lines) if rules.toc.match(tidy_spaces(line.text)))
    for line in lines[:toc_at + 1]:
        builder.add_text(line.number, line.text)
        builder.end_paragraph()
    builder.open_section(0, rules.toc_title, lines[toc_at].number, emit_empty=False)
    for line in lines[toc_at + 1:]:
        builder.add_text(line.number, line.text)
        builder.end_paragraph()


def _walk_line(builder: _Builder, lines: list[_Line], index: int, marks: bool) -> int:
    """Consume the line at `index` (and a wrapped heading's continuation); return the next index."""
    line = lines[index]
    text = line.text.strip()
    if not text:
        if not marks:
            builder.end_paragraph()
        return index + 1
    if _rules().chrome.search(text):  # a web page's or sharing site's own lines
        builder.end_paragraph()
        return index + 1
    if _rules().wrapper.match(text):
        builder.open_section(0, tidy_spaces(text), line.number, emit_empty=False)
        return index + 1
    heading = parse_heading(text, line.split_fragment)
    if heading is not None:
        return _open_heading(builder, lines, index, heading, marks)
    if titled := _title_on_next_line(lines, index):
        heading, after = titled
        builder.open_section(heading.level, heading.title, line.number)
        return after
    if any(p.match(text) for p in _rules().standalone):
        builder.end_paragraph()
        builder.add_text(line.number, text)
        builder.end_paragraph()
        return index + 1
    builder.add_text(line.number, text)
    if _ends_paragraph(line, marks):
        builder.end_paragraph()
    return index + 1


def _title_on_next_line(lines: list[_Line], index: int) -> tuple[Heading, int] | None:
    """"三、" alone on its line and its title on the next, "支出决算情况说明": one heading (seen in s14 of the
    development corpus), with the index after the title; None when the next line is no title (a sentence,
    a figure, another heading)."""
    text = lines[index].text.strip()
    level = heading_level(text)
    if level < 2 or _rules().headings[level - 1][1].match(text).end() != len(text):
        return None
    following = index + 1
    while following < len(lines) and not lines[following].text.strip():
        following += 1
    title = lines[following].text.strip() if following < len(lines) else ""
    if not title or heading_level(title) or title[-1] in _FINAL or re.search(r"\d", title):
        return None
    heading = parse_heading(text + title)
    return (heading, following + 1) if heading is not None and not heading.inline else None


def _open_heading(builder: _Builder, lines: list[_Line], index: int, heading: Heading, marks: bool) -> int:
    line = lines[index]
    title, after = heading.title, index + 1
    if not heading.inline and marks and not ends_with_space(line.text):
        title, after = _wrapped_title(lines, index, title)
    sentence, end = _heading_sentence(lines, index, heading)
    if sentence:
        title, after = sentence, end
        heading = Heading(heading.level, heading.title, heading.marker, sentence + "。")
    builder.open_section(heading.level, title, line.number)
    if heading.inline:
        builder.add_text(line.number, heading.inline)
        if _ends_paragraph(line, marks) or sentence:
            builder.end_paragraph()
    return after


# A wrapped heading's last piece ("出预算。"): this short, without figures.
_TAIL_MAX = 12


def _heading_sentence(lines: list[_Line], index: int, heading: Heading) -> tuple[str, int]:
    """A heading printed as one sentence without figures, "(二)按支出结构分类划分,分为基本支出预算和项目支
    出预算。" (hard-wrapped), is titled by the whole sentence, not cut at its comma (seen in the unit
    budgets of one province's template in the development corpus); ("", next line) otherwise."""
    none = ("", index + 1)
    if heading.level < 2 or not heading.inline:
        return none
    text, after = lines[index].text.strip(), index + 1
    if not text.endswith("。"):
        if text[-1] in _FINAL:
            return none
        following = index + 1
        while following < len(lines) and not lines[following].text.strip():
            following += 1
        tail = lines[following].text.strip() if following < len(lines) else ""
        if not tail or len(tail) > _TAIL_MAX or not tail.endswith("。") or heading_level(tail):
            return none
        text, after = text + tail, following + 1
    body = tidy_spaces(text).removesuffix("。")
    rest = body[len(heading.title):]
    if re.search(r"\d", rest) or "。" in body or len(body) > _rules().title_max or not re.match(r"[，,]", rest):
        return none
    return body, after


def _wrapped_title(lines: list[_Line], index: int, title: str) -> tuple[str, int]:
    """A title-only heading without the end mark continues on the next short line."""
    following = index + 1
    while following < len(lines) and not lines[following].text.strip():
        following += 1
    if following >= len(lines):
        return title, index + 1
    text = lines[following].text.strip()
    if (len(text) <= 12 and heading_level(text) == 0 and not re.search(r"\d", text)
            and ends_with_space(lines[following].text) and text[-1] not in _FINAL):
        return title + tidy_spaces(text), following + 1
    return title, index + 1


def _ends_paragraph(line: _Line, marks: bool) -> bool:
    body = line.text.rstrip()
    final = bool(body) and body[-1] in _FINAL
    if marks:
        return final and ends_with_space(line.text)
    return final or "|" in body or line.split_fragment or bool(_rules().title_line.search(body))

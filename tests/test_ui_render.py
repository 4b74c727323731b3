"""Answers, citations, tables and charts as HTML: escaping, highlighting, structure."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from assistant.answer import Answer, Citation, Fact, Status
from ingest.document import parse_document
from ingest.model import Cell, Document, Row, Section, Table
from ui.chart import render_chart
from ui.citations import render_citation
from ui.render import Turn, render_answer, render_transcript
from ui.tables_view import render_table_grid, render_table_page, table_choices

HOSTILE = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
DOC = "hostile-2022"


class _Elements(HTMLParser):
    """Collects start tags with their attributes, to see what a browser would build."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(html)
    return parser.tags


def hostile_document() -> Document:
    table = Table(number=3, title=f"支出总表{HOSTILE}", unit="万元",
                  columns=(("支出总计",), ("基本支出",), (HOSTILE,)),
                  rows=(Row(label=f"单位{HOSTILE}", path=(f"单位{HOSTILE}",),
                            cells=(Cell("10", 10, "万元"), Cell("7", 7, "万元"), Cell(HOSTILE))),))
    section = Section(path=("第一部分 部门概况", "一、部门职责"), title="一、部门职责", level=2,
                      paragraphs=(f"负责{HOSTILE}经办工作。",))
    return Document(doc_id=DOC, title="测试", department="测试局", year=2022, kind="budget", unit="万元",
                    source_name="hostile.txt", sha256="0", sections=(section,), tables=(table,))


def test_text_from_questions_answers_and_documents_is_escaped():
    document = hostile_document()
    answer = Answer(Status.ANSWERED, f"回答{HOSTILE}",
                    facts=(Fact(10, "万元", HOSTILE, DOC, "表3", f"单位{HOSTILE}", "支出总计"),),
                    citations=(Citation(DOC, "table", "表3", document.tables[0].title, HOSTILE),
                               Citation(DOC, "section", "第一部分", "第一部分 部门概况 › 一、部门职责",
                                        f"负责{HOSTILE}经办工作。")),
                    chart=((HOSTILE, 3.0), ("其他", 1.0)))
    html = render_transcript([Turn(f"问{HOSTILE}", answer)], {DOC: document}.get)
    html += render_table_page(document, "0")
    tags = {tag for tag, _ in elements(html)}
    assert "script" not in tags and "img" not in tags
    assert not any(name.startswith("on") for _, attrs in elements(html) for name in attrs)
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html


def test_error_turn_shows_the_message_instead_of_an_answer():
    html = render_transcript([Turn("公车有几辆？", None, "没有找到文档“x”。")], lambda _doc: None)
    assert "没有找到文档“x”。" in html and "公车有几辆？" in html


def test_empty_chat_shows_the_welcome_with_the_document():
    html = render_transcript([], lambda _doc: None, intro="某某局 2022年 预算")
    assert "某某局 2022年 预算" in html and "出处" in html


@pytest.fixture(scope="module")
def sample_document(sample_path) -> Document:
    return parse_document(sample_path)


def table_of(document: Document, number: int) -> Table:
    return next(t for t in document.tables if t.number == number)


def test_table_citation_highlights_the_cited_cell_in_its_row(sample_document):
    fact = Fact(231, "万元", "物业管理费", sample_document.doc_id, "表4",
                "商品和服务支出 › 物业管理费", "总计")
    citation = Citation(sample_document.doc_id, "table", "表4", "基本支出总表", "物业管理费 231 231 231")
    html = render_citation(citation, [fact], sample_document)
    assert "<details" in html and "基本支出总表" in html
    row = re.search(r'<tr class="[^"]*cited-row[^"]*"[^>]*>(.*?)</tr>', html).group(1)
    assert "物业管理费" in row
    assert re.search(r'<td class="num cited">231</td>', row)
    assert html.count('class="num cited"') == 1       # only the 总计 column is cited
    assert "商品和服务支出" in html                      # the parent row is shown for context
    assert "基本工资" not in html                        # far rows of the table are left out


def test_section_citation_marks_the_quoted_sentence(sample_document):
    citation = Citation(sample_document.doc_id, "section", "第五部分", "", "2022 年我单位持有 2 辆公务用车")
    html = render_citation(citation, [], sample_document)
    marked = re.search(r'<mark class="cited">(.*?)</mark>', html).group(1)
    assert "持有2辆公务用车" in marked.replace(" ", "")
    assert "第五部分" in html


def test_table_grid_merges_header_paths_and_indents_children(sample_document):
    table = table_of(sample_document, 8)  # 公务用车购置及运行维护费 spans 小计, 购置费, 运行维护费
    html = render_table_grid(table)
    header = [(tag, attrs) for tag, attrs in elements(html) if tag == "th"]
    assert ("th", {"colspan": "3"}) in header
    assert "公务用车购置及运行维护费" in html
    for label in ("2021年", "2022年", "增减变化金额"):
        assert label in html.replace(" ", "")
    grid4 = render_table_grid(table_of(sample_document, 4))
    by_label = {label: float(em)
                for em, label in re.findall(r'padding-left:([\d.]+)em"[^>]*>([^<]+)</td>', grid4)}
    assert by_label["物业管理费"] > by_label["商品和服务支出"]


def test_table_choices_list_every_table(sample_document):
    labels = [label for label, _ in table_choices(sample_document)]
    assert labels[0].startswith("表1") and any(label.startswith("表11") for label in labels)
    assert len(labels) == 11


def test_chart_draws_one_bar_per_part_scaled_to_the_largest():
    html = render_chart([("人员支出", 2315.0), ("公用支出", 492.0), ("项目支出", 804.0)], "万元")
    widths = [float(w) for w in re.findall(r'class="bar" style="width:([\d.]+)%"', html)]
    assert widths[0] == 100.0 and widths[1] == pytest.approx(492 / 2315 * 100, abs=0.1)
    assert "2,315 万元" in html and "804 万元" in html
    assert render_chart([]) == ""


def test_answer_card_shows_figures_status_and_no_chart_without_parts():
    answer = Answer(Status.NOT_FOUND, "没有找到。")
    html = render_answer(answer, lambda _doc: None)
    assert "公开文件中没有找到" in html and "answer-chart" not in html
    answer = Answer(Status.ANSWERED, "部门预算收入3,776万元。",
                    facts=(Fact(3776, "万元", "部门预算收入", "d", "第二部分"),))
    assert "3,776 万元" in render_answer(answer, lambda _doc: None)


def test_two_sided_table_shows_its_sides_as_group_rows(sample_document):
    html = render_table_grid(table_of(sample_document, 1))  # 表1 收支总表: 收入 left, 支出 right
    assert re.findall(r'<tr class="side"><td colspan="\d+">(.*?)</td>', html) == ["收入", "支出"]
    by_label = {label: float(em)
                for em, label in re.findall(r'padding-left:([\d.]+)em"[^>]*>([^<]+)</td>', html)}
    assert by_label["教育支出"] < by_label["进修及培训"] < by_label["培训支出"]


def test_chart_unit_comes_from_the_charted_facts_only():
    answer = Answer(Status.ANSWERED, "公务用车2辆；支出：教育支出4万元、住房保障支出650万元。",
                    facts=(Fact(2, "辆", "公务用车", "d", "第五部分"),
                           Fact(4, "万元", "教育支出", "d", "表1", "支出 › 教育支出", "2022年预算数"),
                           Fact(650, "万元", "住房保障支出", "d", "表1", "支出 › 住房保障支出",
                                "2022年预算数")),
                    chart=(("教育支出", 4.0), ("住房保障支出", 650.0)))
    html = render_answer(answer, lambda _doc: None)
    assert re.findall(r'<span class="bar-value">(.*?)</span>', html) == ["4 万元", "650 万元"]


def test_the_first_example_names_the_loaded_department_not_a_built_in_one():
    from ui.render import example_questions

    first, *general = example_questions(["某市统计局"])
    assert first == "某市统计局今年一共有多少钱？"
    assert "公车有几辆？" in general
    assert example_questions([])[0] == "今年一共有多少钱？"


def cite_head(html: str) -> str:
    return re.search(r'<div class="cite-head">(.*?)</div>', html).group(1)


def test_section_citation_names_its_part_once(sample_document):
    citation = Citation(sample_document.doc_id, "section", "第五部分", "第五部分 一般公共预算“三公”经费预算情况",
                        "2022年“三公”经费预算8万元")
    head = re.sub(r"<[^>]+>", " ", cite_head(render_citation(citation, [], sample_document)))
    assert head.count("第五部分") == 1 and "一般公共预算“三公”经费预算情况" in head


def test_table_row_quote_shows_the_row_label_and_its_figures(sample_document):
    fact = Fact(8, "万元", "三公经费（2022年）", sample_document.doc_id, "表8", "2022年", "总计")
    citation = Citation(sample_document.doc_id, "table", "表8", "一般公共预算“三公”经费支出表",
                        "2022 年 8 0 1 7 0 7")   # the row as the PDF's text prints it
    quote = re.search(r'<blockquote class="cite-quote">(.*?)</blockquote>',
                      render_citation(citation, [fact], sample_document)).group(1)
    assert "8 0 1 7" not in quote
    assert quote.startswith("2022年：")
    assert "总计 8" in quote and "公务接待费 1" in quote and "公务用车运行维护费 7" in quote


def test_table_citation_beside_a_text_figure_highlights_that_figure(sample_document):
    # The figure comes from 第五部分; 表4 prints the same figure in its 公务接待费 row.
    fact = Fact(1, "万元", "公务接待费", sample_document.doc_id, "第五部分")
    citation = Citation(sample_document.doc_id, "table", "表4", "基本支出总表",
                        "公务接待费 1 1 1 0 0 0 0 0 0 0 0 0")
    html = render_citation(citation, [fact], sample_document)
    row = re.search(r'<tr class="[^"]*cited-row[^"]*"[^>]*>(.*?)</tr>', html).group(1)
    assert "公务接待费" in row and html.count('class="num cited"') == 1
    assert "查看原表（高亮为引用的数字）" in html


def test_table_context_promises_highlighted_figures_only_where_one_is(sample_document):
    for citation, facts in [
            (Citation(sample_document.doc_id, "table", "表4", "基本支出总表"), []),
            (Citation(sample_document.doc_id, "table", "表4", "基本支出总表", "物业管理费 231 231 231"), []),
            (Citation(sample_document.doc_id, "table", "表4", "基本支出总表", "物业管理费 231 231 231"),
             [Fact(231, "万元", "物业管理费", sample_document.doc_id, "表4", "商品和服务支出 › 物业管理费",
                   "总计")])]:
        html = render_citation(citation, facts, sample_document)
        assert "查看原表" in html
        assert ("高亮为引用的数字" in html) == ('class="num cited"' in html), html

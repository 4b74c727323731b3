"""Document → passages: paragraphs, sentences with their section path, table title and row labels."""

from __future__ import annotations

from pathlib import Path

from index.passages import document_passages, split_sentences, table_passages
from ingest.document import parse_document
from ingest.model import Cell, Document, Row, Section, Table

PART5 = ("第五部分 一般公共预算“三公”经费预算情况",)
TEXT = """第五部分  一般公共预算“三公”经费预算
情况
2022 年“三公”经费预算 8 万元，比 2021 年预算增加 0 万
元，增长 0 %。根据深化车改精神，2022 年我单位持有 2 辆公务用车,
比 2021 年减少 1辆。"""


def _table8() -> Table:
    cells = tuple(Cell(v, float(v), "万元") for v in ("8", "0", "1", "7"))
    return Table(number=8, title="一般公共预算“三公”经费支出表", unit="万元",
                 columns=(("总计",), ("因公出国(境)费",), ("公务接待费",),
                          ("公务用车购置及运行维护费", "小计")),
                 rows=(Row(label="2022年", path=("2022年",), cells=cells, line=9),), line=7)


def _document() -> Document:
    paragraph = ("2022年“三公”经费预算8万元，比2021年预算增加0万元，增长0%。"
                 "根据深化车改精神，2022年我单位持有2辆公务用车,比2021年减少1辆。")
    section = Section(path=PART5, title=PART5[0], level=1, paragraphs=(paragraph,), line=1)
    return Document(doc_id="d", title="t", department="x", year=2022, kind="budget", unit="万元",
                    source_name="d.txt", sha256="0", sections=(section,), tables=(_table8(),), text=TEXT)


def test_paragraph_and_its_sentences_carry_the_section() -> None:
    narrative = [p for p in document_passages(_document()) if p.kind != "table"]
    assert [p.kind for p in narrative] == ["paragraph", "sentence", "sentence"]
    assert narrative[2].text == "根据深化车改精神，2022年我单位持有2辆公务用车,比2021年减少1辆。"
    assert all(p.section_path == PART5 and p.ref == "第五部分" for p in narrative)


def test_passage_line_is_where_it_starts_even_across_wrapped_lines() -> None:
    narrative = [p for p in document_passages(_document()) if p.kind != "table"]
    assert [p.line for p in narrative] == [3, 3, 4]


def test_table_gives_title_with_columns_and_row_labels() -> None:
    passages = table_passages(_table8())
    assert passages[0].text.startswith("表8 一般公共预算“三公”经费支出表：")
    assert "公务用车购置及运行维护费" in passages[0].text and "公务接待费" in passages[0].text
    assert passages[1].text == "表8 一般公共预算“三公”经费支出表：2022年"
    assert all(p.kind == "table" and p.ref == "表8" and p.table_no == 8 and p.section_path == ()
               for p in passages)


def test_heading_is_context_for_search_not_part_of_the_text() -> None:
    sentence = [p for p in document_passages(_document()) if p.kind == "sentence"][0]
    assert sentence.text.startswith("2022年")
    assert sentence.search_text.startswith(PART5[0])


def test_split_sentences_keeps_the_documents_words() -> None:
    assert split_sentences("一是罗湖区财政预算拨款纳入预算草案；二是增加社保志愿服务项目。") == [
        "一是罗湖区财政预算拨款纳入预算草案；", "二是增加社保志愿服务项目。"]
    assert split_sentences("收入3,776万元。好。") == ["收入3,776万元。好。"]


def test_sample_passages_cover_the_cars_sentence(sample_path: Path) -> None:
    passages = document_passages(parse_document(sample_path))
    cars = [p for p in passages if "持有2辆公务用车" in p.text.replace(" ", "")]
    assert cars and all(p.ref == "第五部分" for p in cars)
    assert len({(p.kind, p.text) for p in passages}) == len(passages)

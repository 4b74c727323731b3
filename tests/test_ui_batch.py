"""Batch question files for the staff desk: reading CSV/JSONL, refusing bad files, writing answers."""

from __future__ import annotations

import csv

import pytest

from assistant.answer import Answer, Citation, Fact, Status
from ui.batch import ANSWER_HEADER, BadBatchFile, BatchItem, answer_row, read_batch, write_answers_csv


def test_csv_with_header_reads_id_question_and_doc(tmp_path):
    path = tmp_path / "questions.csv"
    path.write_text("编号,问题,文件\nq1,公车有几辆？,luohu.txt\nq2,三公经费多少？,\n,,\n", encoding="utf-8")
    assert read_batch(path) == [BatchItem("q1", ("公车有几辆？",), "luohu.txt"),
                                BatchItem("q2", ("三公经费多少？",), "")]


def test_csv_without_header_takes_the_first_column_and_gbk_from_excel(tmp_path):
    path = tmp_path / "questions.csv"
    path.write_bytes("公车有几辆？,备注\n机关运行经费多少？\n".encode("gb18030"))
    assert [item.question for item in read_batch(path)] == ["公车有几辆？", "机关运行经费多少？"]


def test_jsonl_reads_questions_and_multi_turn_items(tmp_path):
    path = tmp_path / "questions.jsonl"
    path.write_text('{"id": "q204", "turns": ["公车有几辆？", "那2021年呢？"]}\n\n'
                    '{"question": "三公经费多少？", "doc": "luohu-2022"}\n', encoding="utf-8")
    items = read_batch(path)
    assert items[0] == BatchItem("q204", ("公车有几辆？", "那2021年呢？"))
    assert items[0].question == "那2021年呢？"
    assert items[1] == BatchItem("3", ("三公经费多少？",), "luohu-2022")


@pytest.mark.parametrize(("name", "content", "words"), [
    ("questions.xlsx", b"PK\x03\x04", "不支持的文件类型"),
    ("questions.csv", b"\x00\x01\x02binary", "不是文本文件"),
    ("questions.csv", b"", "没有找到问题"),
    ("questions.jsonl", '{"question": "公车有几辆？"}\n{oops\n'.encode(), "第 2 行不是有效的 JSON"),
    ("questions.jsonl", b'["a list"]\n', "第 1 行应是一个对象"),
    ("questions.jsonl", b'{"id": "q1"}\n', "第 1 行缺少问题"),
    ("questions.csv", ("问题\n" + "长" * 501 + "\n").encode(), "超过 500 字"),
])
def test_bad_batch_files_are_refused_with_a_chinese_message(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(BadBatchFile) as raised:
        read_batch(path)
    assert words in str(raised.value)


def test_answers_csv_has_figures_and_citations_and_opens_in_excel(tmp_path):
    item = BatchItem("q1", ("三公经费多少？",))
    answer = Answer(Status.ANSWERED, "2022年“三公”经费预算为8万元。",
                    facts=(Fact(8, "万元", "“三公”经费 › 合计", "luohu-2022", "表8", "2022年", "总计"),),
                    citations=(Citation("luohu-2022", "table", "表8", "一般公共预算“三公”经费支出表",
                                        "2022 年 8 0 1 7 0 7"),))
    rows = [answer_row(item, answer), answer_row(BatchItem("q2", ("x",)), None, "没有找到文件“y”。")]
    path = write_answers_csv(rows, tmp_path / "answers.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert tuple(table[0]) == ANSWER_HEADER
    assert table[1][:4] == ["q1", "三公经费多少？", "已回答", "2022年“三公”经费预算为8万元。"]
    assert "8 万元" in table[1][4] and "表8" in table[1][4] and "2022年 › 总计" in table[1][4]
    assert table[1][5].startswith("表8 一般公共预算“三公”经费支出表：")
    assert table[2][2:4] == ["出错", "没有找到文件“y”。"]

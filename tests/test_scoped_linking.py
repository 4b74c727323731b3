"""Question linking over the records of one real document: what the question names is read the
same whether or not other documents of the library print it (issue 14: a question reads the records
of the documents it is about only).

Expected values are read from the sentences quoted in the comments.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.record_answer import answer_from_records
from assistant.record_index import RecordIndex
from assistant.understand import understand
from index.types import DocumentInfo
from ingest.document import parse_document

DEV_TEXTS = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"


def _alone(name: str) -> tuple[RecordIndex, str]:
    document = parse_document(DEV_TEXTS / name)
    view = DocumentInfo(document.doc_id, document.title, document.department, document.year, document.kind)
    return RecordIndex.build(list(document.records), [view]), document.doc_id


@pytest.mark.parametrize(("name", "question", "value", "unit"), [
    # "…安排局机关1个单位出国团组1个、累计1人次" (a 2019 决算 text in traditional characters)
    ("s04-qingyuan-shengtaihuanjing-2019-final.txt", "2019年派了几个出国团组？", 1, "个"),
    # "2015年累计出国…136人次" (a 2015 决算 text): 出国累计 136 人次
    ("n07-neimenggu-wenhuating-2015-final.txt", "2015年出国一共多少人次？", 136, "人次"),
])
def test_a_colloquial_word_printed_inside_the_documents_labels_names_them(name, question, value, unit) -> None:
    index, doc = _alone(name)
    computation = answer_from_records(understand(question, index, (doc,)), index)
    assert computation is not None
    assert [(r.value, r.unit) for r in computation.records][:1] == [(value, unit)], computation


def test_a_template_item_the_document_does_not_print_is_not_answered_with_another_figure() -> None:
    # a 2019 决算 text whose explanations give 支出决算 without 基本支出 and 项目支出 figures
    index, doc = _alone("n05-xiaoyi-diliuzhongxue-2019-final.txt")
    assert not any("项目支出" in r.label for r in index.records)
    intent = understand("2019年的项目支出决算是多少？", index, (doc,))
    assert any(m.text.startswith("项目支出") for m in intent.mentions), intent.mentions
    computation = answer_from_records(intent, index)
    assert computation is None or not computation.records, computation

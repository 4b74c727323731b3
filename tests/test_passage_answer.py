"""Narrative questions answered with the document's own sentences, citing the section."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer import Status
from assistant.config import load_config
from assistant.conversation import Conversation
from assistant.passage_answer import CandidateParagraph, answer_from_passages, document_paragraphs, units_of
from index.library import open_library
from ingest import sample_path
from ingest.document import parse_document


@pytest.fixture(scope="module")
def conversation(sample_home: Path) -> Conversation:
    config = load_config(sample_home)
    return Conversation(open_library(config), config)


@pytest.mark.parametrize("question, phrase, ref", [
    ("为什么预算比去年多？", "罗湖区财政预算拨款纳入预算草案", "第二部分"),
    ("部门职责是什么？", "参保登记", "第一部分"),
    ("什么是基本支出？", "保障机构正常运转", "第九部分"),
    ("三公经费是什么意思？", "公务接待费", "第九部分"),
    ("2022年主要工作目标有哪些？", "党建", "第一部分"),
    ("预算准备金用于什么？", "临时增加工作所需开支", "第三部分"),
    ("社保业务管理为什么减少了？", "调整一级项目范畴", "第三部分"),
    ("什么是机关运行经费？", "购买货物和服务", "第九部分"),
    ("项目支出的绩效管理有什么要求？", "绩效监控", "第六部分"),
    ("有没有下属单位？", "无下属单位", "第一部分"),
    ("公务接待费主要用来干什么？", "社保政策的研讨", "第五部分"),
])
def test_narrative(conversation: Conversation, question: str, phrase: str, ref: str) -> None:
    answer = conversation.fresh().ask(question)
    assert answer.status is Status.ANSWERED
    assert phrase in answer.text
    assert answer.citations[0].ref == ref and answer.citations[0].kind == "section"


def test_answer_is_the_documents_own_sentence() -> None:
    document = parse_document(sample_path())
    paragraphs = document_paragraphs(document)
    passages = [CandidateParagraph(document.doc_id, text, ref, tuple(path), 0) for text, path, ref in paragraphs]
    answer = answer_from_passages("什么是项目支出？", "definition", passages)
    assert answer is not None
    quote = answer.citations[0].quote
    assert quote in document.text.replace("\n", "").replace(" ", "") or quote.replace(" ", "") in \
        "".join(document.text.split())


def test_list_introduction_joined_with_its_items() -> None:
    paragraphs = document_paragraphs(parse_document(sample_path()))
    intro = "深圳市社会保险基金管理局罗湖分局2022年主要工作目标"
    goals = next(text for text, _, _ in paragraphs if text.startswith(intro))
    assert "持之以恒抓好党建工作" in goals and "加大宣传力度" in goals


def test_reasons_are_not_split_at_semicolons() -> None:
    reasons = "支出增加的主要原因：一是新增了宣传项目；二是设备维护费用增加。"
    assert units_of(reasons + "其他支出与上年持平。") == [reasons, "其他支出与上年持平。"]


def test_nothing_relevant_is_none() -> None:
    passages = [CandidateParagraph("d", "公务接待费1万元。", "第五部分", ("第五部分",), 0)]
    assert answer_from_passages("火星上有几座山？", "scope", passages) is None


REAL_PDF = Path(__file__).parent / "fixtures" / "real_pdf"


def test_a_figure_question_is_not_answered_by_the_glossary_or_the_contents() -> None:
    # a 2024 决算 PDF of the development corpus: "…年度无“三公”经费财政拨款支出" in its explanations,
    # the definition of “三公”经费 in its 名词解释, and "七、财政拨款“三公”经费支出决算表" in its contents
    document = parse_document(next(REAL_PDF.glob("*年度部门决算.pdf")))
    passages = [CandidateParagraph(document.doc_id, text, ref, tuple(path), 0)
                for text, path, ref in document_paragraphs(document)]
    answer = answer_from_passages("三公经费花了多少？", "", passages, operation="lookup")
    assert answer is not None
    quote, where = answer.citations[0].quote, " ".join(answer.citations[0].title.split())
    assert ("无" in quote or "没有" in quote) and "指" not in quote, quote
    assert "名词解释" not in where and not where.startswith("目录"), where
    # "what is X" still reads the glossary
    defined = answer_from_passages("三公经费是什么？", "definition", passages)
    assert defined is not None and "指" in defined.citations[0].quote

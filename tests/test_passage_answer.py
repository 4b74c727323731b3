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


# --- narrative questions over real disclosures of the development corpus -------------------------
# Each phrase was typed from the document: the sentence that says what the question asks, which is
# not the opening of its paragraph (n11's "…是财政拨款的公益二类事业单位,…并入北京商贸学校…" follows
# no heading of its own; n10's "主要负责招收3-6岁适龄幼儿就读"; n14's list after "即:").
DEV_TEXTS = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"
SOCIAL_WORK_PDF = REAL_PDF / "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"
DEV_FILES = {
    "n06": DEV_TEXTS / "n06-nanchang-anyi-changjunxuexiao-2020-final.txt",
    "n08": DEV_TEXTS / "n08-tianjin-wuqing-hexiwuzhen-2023-budget.txt",
    "n10": DEV_TEXTS / "n10-lvliang-lishi-youeryuan-2022-budget.txt",
    "n11": DEV_TEXTS / "n11-beijing-shangmaoxuexiao-2022-final.txt",
    "n12": DEV_TEXTS / "n12-zibo-ligongxuexiao-2021-final.txt",
    "n13": DEV_TEXTS / "n13-tianjin-beichen-zhongyiyiyuan-2021-final.txt",
    "n14": DEV_TEXTS / "n14-beijing-tongjiju-2021-final.txt",
    "s01": DEV_TEXTS / "s01-nanzhang-zhaoshang-2019-final.txt",
    "s14": DEV_TEXTS / "s14-sichuan-baojianyuan-2020-final.txt",
    "pdf": SOCIAL_WORK_PDF,
}


@pytest.fixture(scope="module")
def dev_library(tmp_path_factory: pytest.TempPathFactory) -> tuple:
    """One home holding the development documents below; each question is asked of its own document."""
    from assistant.config import Config
    from index.ingest import ingest_files

    config = Config(home=tmp_path_factory.mktemp("dev-narratives"))
    results = ingest_files(config, list(DEV_FILES.values()))
    assert all(r.status == "added" for r in results), results
    doc_ids = {key: result.doc_id for key, result in zip(DEV_FILES, results)}
    return open_library(config), config, doc_ids


def _ask(dev_library: tuple, key: str, question: str):
    library, config, doc_ids = dev_library
    return Conversation(library, config, doc=doc_ids[key]).ask(question)


@pytest.mark.parametrize("key, question, phrase", [
    # what the unit is: "…是财政拨款的公益二类事业单位" (性质 said as 公益二类/事业单位)
    ("n11", "学校是什么性质的单位？", "公益二类事业单位"),
    # "…党校、…育种管理中心并入北京商贸学校" (并进 said as 并入)
    ("n11", "哪些单位并进了北京商贸学校？", "育种管理中心并入北京商贸学校"),
    # "主要职能职责是:开展相关专业的中等职业教育,…开发与研究SPF猪系统" (教书 said as 教育)
    ("n11", "学校除了教书还搞什么研究？", "开发与研究SPF猪系统"),
    # "主要负责招收3-6岁适龄幼儿就读" (收多大的孩子: 招收…岁…幼儿)
    ("n10", "收多大的孩子？", "招收3-6岁适龄幼儿就读"),
    # "以“顺应天性 滋养心灵 启迪心智”为办园理念": no budget word in the question, yet the document says it
    ("n10", "办园理念是什么？", "顺应天性"),
    # "全额拨款事业单位12个,即:北京市经济社会调查总队、北京市商业经济调查总队、…"
    ("n14", "统计局下面有哪些调查总队？", "北京市商业经济调查总队"),
    # "下属行政执法单位1个:北京市统计局统计执法检查大队。": a name is asked, not the count
    ("n14", "统计局的行政执法单位叫什么？", "北京市统计局统计执法检查大队"),
    # "长均中心学校下辖一所九年一贯制学校和七所小学。" (下面管着 said as 下辖)
    ("n06", "长均乡中心学校下面管着哪些学校？", "一所九年一贯制学校和七所小学"),
    # "…纳入…部门决算编范围的单位包括" followed by the numbered item "1.天津市北辰区中医医院(本级)"
    ("n13", "纳入2021年决算的单位有哪些？", "天津市北辰区中医医院(本级)"),
    # "河西务镇人民政府隶属于天津市武清区人民政府管辖" (归谁管 said as 隶属…管辖)
    ("n08", "这个镇政府归谁管？", "隶属于天津市武清区人民政府管辖"),
    # 一、部门职能: "招商服务中心担负着全县招商引资工作、…负责全县经济技术协作工作。"
    ("s01", "招商服务中心平时管些什么事？", "负责全县经济技术协作工作"),
    # "收入、支出变动较大的主要原因是2020年新增了605.99万元政府性基金预算财政拨款-抗疫特别国债资金"
    ("s14", "财政拨款为什么增长这么多？", "抗疫特别国债资金"),
    # 事业运行（项）: "决算数小于全年预算数的主要原因：单位2024年新成立，人员变动，按实际支出。"
    ("pdf", "事业运行的钱为啥比预算少那么多？", "单位2024年新成立"),
    # 其他社会工作事务支出（项）: "主要用于：新建部门开办费、基层政权和社区建设项目支出。" (not a place)
    ("pdf", "其他社会工作事务支出主要用在哪里？", "新建部门开办费"),
    # "淄博理工学校是首批国家级重点职业学校": "这所学校" is the document's own unit, not another school
    ("n12", "这所学校是什么级别的学校？", "首批国家级重点职业学校"),
    # "报表详见附件。" under 第一部分 2021年度部门决算报表: where the document prints it, not an address
    ("n14", "2021年部门决算报表在哪里看？", "报表详见附件"),
])
def test_the_sentence_that_says_it(dev_library: tuple, key: str, question: str, phrase: str) -> None:
    answer = _ask(dev_library, key, question)
    assert answer.status is Status.ANSWERED, answer.text
    assert phrase in answer.text, answer.text


def test_the_reason_comes_from_the_part_the_question_names(dev_library: tuple) -> None:
    # 一、收入支出决算总体情况说明: "与2023年度相比，收入支出总计增加307.82万元，增长100.00%。主要原因：单位于
    # 2024年成立。" (the same reason is also given for 机关运行经费, a part the question does not name)
    answer = _ask(dev_library, "pdf", "为什么收支比2023年多了这么多？")
    assert answer.status is Status.ANSWERED, answer.text
    assert "单位于2024年成立" in answer.text, answer.text
    assert "收入支出决算总体情况说明" in answer.citations[0].title, answer.citations


@pytest.mark.parametrize("key, question", [
    ("n10", "园长一个月工资多少？"),           # one person's pay
    ("n14", "统计局的办公地址在哪里？"),         # contact details
    ("n11", "学校食堂用的是什么牌子的油？"),     # a brand
    ("n10", "2025年的预算是多少？"),             # another year
    ("n14", "今天天气怎么样？"),                 # off topic
    ("n10", "火星上有几座山？"),                 # nothing of the document
])
def test_unanswerable_questions_stay_refused(dev_library: tuple, key: str, question: str) -> None:
    answer = _ask(dev_library, key, question)
    assert answer.status is not Status.ANSWERED, answer.text

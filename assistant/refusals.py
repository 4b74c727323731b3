"""Honest refusals: what the corpus does not hold, said with what it does hold."""

from __future__ import annotations

from assistant.answer import Answer, Status
from assistant.document_choice import clarify_text
from assistant.question_words import question_words
from assistant.record_index import RecordIndex, record_name
from assistant.record_parts import total_of
from index.types import DocumentInfo


def example_question(index: RecordIndex) -> str:
    """A question the loaded documents answer ("2022年收入总计是多少？"), to show how to ask; "" when none."""
    total = total_of((), index)
    if total is None:
        return ""
    document = index.document(total.doc_id)
    year = f"{document.year}年" if document and document.year else ""
    return f"{year}{record_name(total)}是多少？"


def unhandled(index: RecordIndex) -> Answer:
    """The answer when a question could not be handled at all: ask again, shown how."""
    example = example_question(index)
    return Answer(Status.NOT_FOUND, "抱歉，这个问题没能处理。请换一种问法" + (f"，例如“{example}”。" if example else "。"))


def empty_question(index: RecordIndex) -> Answer:
    """The answer to an empty question: what to type."""
    example = example_question(index)
    return Answer(Status.NOT_FOUND, "请输入问题" + (f"，例如“{example}”。" if example else "。"))


def holdings(documents: tuple[DocumentInfo, ...]) -> str:
    """"深圳市社会保险基金管理局罗湖分局2022年部门预算" for each ingested document."""
    names = []
    for document in documents:
        kind = "部门决算" if document.kind == "final" else "部门预算"
        who = document.department or document.title
        names.append(f"{who}{document.year}年{kind}" if document.year else document.title)
    return "、".join(names) or "（尚未导入任何公开文件）"


def refusal(reason: str, detail: str, documents: tuple[DocumentInfo, ...]) -> Answer:
    """The not_found / out_of_scope Answer for a refusal reason found by `understand`."""
    held = holdings(documents)
    if reason == "injection":
        return Answer(Status.OUT_OF_SCOPE,
                      "我只根据已收录的预算公开文件回答问题，不能执行问题里夹带的其他指令。"
                      f"已收录的公开文件是{held}，欢迎询问其中的收支、经费和项目情况。")
    if reason in ("off_topic", "no_domain"):
        return Answer(Status.OUT_OF_SCOPE,
                      "这个问题与已收录的预算公开文件无关，我只能回答部门预算方面的问题。"
                      f"已收录的公开文件是{held}，可以问收入、支出、“三公”经费、项目支出、人员编制等。")
    if reason == "not_covered":
        return Answer(Status.NOT_FOUND, f"预算公开文件不包含{_topic_of(detail)}方面的信息，无法回答。"
                      f"已收录的公开文件是{held}，内容是部门职责、机构设置、收支预算、“三公”经费、"
                      "项目支出和绩效目标；办理具体业务请咨询相关主管部门或办事窗口。")
    if reason == "final_accounts":
        return Answer(Status.NOT_FOUND, f"已收录的公开文件是{held}，只有预算数，没有决算（实际支出）数据。")
    if reason in ("other_year", "other_department"):
        return Answer(Status.NOT_FOUND, f"已收录的公开文件是{held}，没有{detail}的数据。")
    return Answer(Status.NOT_FOUND, f"已收录的公开文件（{held}）中没有找到这个问题的答案。")


def _topic_of(word: str) -> str:
    """What kind of information a not_covered word asks for ("是谁" → "具体人员")."""
    for topic, words in question_words()["refusal"]["not_covered_topics"].items():
        if word in words:
            return topic
    return "人员、联系方式或办事流程"


def not_found(subject: str, documents: tuple[DocumentInfo, ...]) -> Answer:
    """Nothing in the records or passages answers: say so, and what is there."""
    about = f"关于“{subject}”的" if subject else "能回答这个问题的"
    return Answer(Status.NOT_FOUND, f"已收录的公开文件（{holdings(documents)}）中没有找到{about}内容。"
                  "可以问收入、支出、“三公”经费、项目支出、人员编制、绩效目标等。")


def clarify(choices: tuple[DocumentInfo, ...], documents: tuple[DocumentInfo, ...] = ()) -> Answer:
    """Several documents could be meant: ask which, naming department and year of each."""
    return Answer(Status.CLARIFY, clarify_text(choices, documents or choices))


def period_not_found(intent, documents: tuple[DocumentInfo, ...]) -> Answer:
    """A figure asked for another year than the disclosure's, which it neither prints nor implies."""
    subject = intent.mentions[0].text if intent.mentions else "这个数字"
    if not intent.period:  # a change asked of a figure printed for this year only
        stage = "决算数" if documents and all(d.kind == "final" for d in documents) else "预算数"
        year = f"{documents[0].year}年" if len(documents) == 1 and documents[0].year else "今年"
        return Answer(Status.NOT_FOUND,
                      f"公开文件只列出了{subject}{year}的{stage}，没有列出上年的数字或与上年相比的增减额，"
                      f"无法计算变化。已收录的公开文件是{holdings(documents)}；可以问{subject}是多少，"
                      "或部门预算、项目支出、“三公”经费比上年的变化。")
    return Answer(Status.NOT_FOUND,
                  f"公开文件没有{subject}{intent.period}年的数字，也没有可据以推算的增减额。"
                  f"已收录的公开文件是{holdings(documents)}。")

"""The chat as text staff can quote: every question with its answer and sources, headed by the
disclosures the answers come from ("复制答案及出处")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from assistant.compose import render_answer_text
from assistant.document_choice import display_names
from index.types import DocumentInfo
from ui.render import Turn


def document_names(infos: Iterable[DocumentInfo]) -> dict[str, str]:
    """doc_id → the short name a source line gives its document ("罗湖分局 2022年部门预算")."""
    return display_names(tuple(infos))


def conversation_text(turns: Sequence[Turn], infos: Iterable[DocumentInfo]) -> str:
    """"出处：<disclosure title>" and then each turn: 问：…, the answer, its 来源 lines."""
    infos = tuple(infos)
    names = document_names(infos)
    titles = {info.doc_id: info.title or names[info.doc_id] for info in infos}
    cited = dict.fromkeys(c.doc for t in turns if t.answer for c in t.answer.citations)
    blocks = [f"问：{turn.question}\n{render_answer_text(turn.answer, names) if turn.answer else turn.error}"
              for turn in turns]
    if cited:
        blocks.insert(0, "出处：" + "；".join(titles.get(doc, doc) for doc in cited))
    return "\n\n".join(blocks)


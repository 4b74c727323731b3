"""ingest: a disclosure file becomes a `Document` (sections, tables, records, checks).

Pure parsing: no stores, no network. Entry point: `parse_document(path)`.
"""
import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path


def sample_path() -> Path:
    """The built-in sample disclosure (2022 budget of the Luohu social insurance branch)."""
    return Path(str(resources.files("ingest") / "sample" / "luohu-social-insurance-2022-budget.txt"))


@lru_cache(maxsize=1)
def parser_version() -> str:
    """A fingerprint of the parser (its code and data files).

    Stored with every indexed document, so re-ingesting an unchanged file after
    the parser improved re-parses it instead of keeping the old reading.
    """
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".toml") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]

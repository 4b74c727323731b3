"""ingest: a disclosure file becomes a `Document` (sections, tables, records, checks).

Pure parsing: no stores, no network. Entry point: `parse_document(path)`.
"""
from importlib import resources
from pathlib import Path


def sample_path() -> Path:
    """The built-in sample disclosure (2022 budget of the Luohu social insurance branch)."""
    return Path(str(resources.files("ingest") / "sample" / "luohu-social-insurance-2022-budget.txt"))

"""Uploaded files are the staff's drafts: delete Gradio's copy as soon as it has been used.

Gradio keeps every upload in its temporary folder (one sub-folder per file) until
the server stops; a draft disclosure must not linger there after it is ingested
or checked.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger("budgetqa.ui")


def discard_upload(path: Path) -> None:
    """Delete an uploaded file and its folder when that is left empty; a failure is only logged."""
    try:
        path.unlink(missing_ok=True)
        if not any(path.parent.iterdir()):
            path.parent.rmdir()
    except OSError as error:
        log.warning("could not delete the uploaded file %s: %s", path, error)

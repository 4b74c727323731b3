"""Where the `budgetqa` loggers write: a log file under the home folder, never the user's terminal."""

from __future__ import annotations

import logging
from pathlib import Path

LOG_NAME = "budgetqa.log"


def log_to_home(home: Path) -> Path:
    """Send the `budgetqa` loggers to HOME/budgetqa.log (once per process); returns the path."""
    path = Path(home) / LOG_NAME
    logger = logging.getLogger("budgetqa")
    if any(getattr(h, "baseFilename", None) == str(path.resolve()) for h in logger.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:  # an unwritable home must not turn a log line into a crash
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return path

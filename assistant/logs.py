"""Where the `budgetqa` loggers write: a log file under the home folder, never the user's terminal."""

from __future__ import annotations

import logging
from pathlib import Path

LOG_NAME = "budgetqa.log"


class HomeLog(logging.FileHandler):
    """The home's log file. A record it cannot write (a full disk) is dropped, not printed as
    Python's "--- Logging error ---" traceback on the terminal; `failed` remembers it."""

    failed = False

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        self.failed = True


def log_to_home(home: Path) -> Path:
    """Send the `budgetqa` loggers to HOME/budgetqa.log (once per process); returns the path."""
    path = Path(home) / LOG_NAME
    logger = logging.getLogger("budgetqa")
    if any(getattr(h, "baseFilename", None) == str(path.resolve()) for h in logger.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = HomeLog(path, encoding="utf-8")
    except OSError:  # an unwritable home must not turn a log line into a crash
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return path


def log_written(path: Path) -> bool:
    """Whether every record logged so far reached `path` (False when the log could not be written)."""
    logger = logging.getLogger("budgetqa")
    target = str(Path(path).resolve())
    return any(isinstance(h, HomeLog) and h.baseFilename == target and not h.failed for h in logger.handlers)

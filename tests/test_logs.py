"""Logs go to the home folder, never to the user's terminal."""

import logging

from assistant.logs import log_to_home


def test_budgetqa_loggers_write_to_the_home_log_only(tmp_path, capsys):
    logger = logging.getLogger("budgetqa")
    before, propagate = list(logger.handlers), logger.propagate
    try:
        path = log_to_home(tmp_path)
        assert log_to_home(tmp_path) == path  # a second call adds no second handler
        assert len(logger.handlers) == len(before) + 1
        logging.getLogger("budgetqa.assistant").error("a problem for the log file")
        for handler in logger.handlers:
            handler.flush()
        assert "a problem for the log file" in path.read_text(encoding="utf-8")
        assert "a problem for the log file" not in capsys.readouterr().err
    finally:
        for handler in logger.handlers[len(before):]:
            logger.removeHandler(handler)
            handler.close()
        logger.propagate = propagate

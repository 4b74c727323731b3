"""Errors a user can act on. Messages are Simplified Chinese and name the cause.

Library code raises these and never prints or exits; the CLI and the web app
show `str(error)` to the user.
"""


class BudgetQAError(Exception):
    """Base of every error shown to a user."""


class UnreadableDocument(BudgetQAError):
    """The file cannot be read or is not a disclosure we can parse (binary, empty, bad encoding)."""


class UnsupportedFormat(BudgetQAError):
    """The file is of a format we do not read (or needs OCR)."""

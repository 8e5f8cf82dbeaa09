"""The exceptions of vigie, mapped from the Rust error enum.

Every error vigie raises is a :class:`VigieError`, except those the system
raises about files (a missing gazetteer file is a :class:`FileNotFoundError`).
"""

from __future__ import annotations

from typing import Optional


class VigieError(Exception):
    """The base class of vigie's errors."""


class GazetteerError(VigieError, ValueError):
    """A gazetteer table is malformed; ``file`` and ``line`` say where."""

    def __init__(self, message: str, file: Optional[str] = None, line: Optional[int] = None) -> None:
        super().__init__(message)
        self.file = file
        self.line = line

    def __reduce__(self):  # keeps file and line through pickling (multiprocessing)
        return (type(self), (str(self), self.file, self.line))


class InvalidDateError(VigieError, ValueError):
    """A reference date is not a date: give a ``datetime.date`` or ``"YYYY-MM-DD"``."""

    def __init__(self, text: str, file: Optional[str] = None, line: Optional[int] = None) -> None:
        super().__init__(f"invalid date {text!r}: expected a datetime.date or 'YYYY-MM-DD'")
        self.text = text

    def __reduce__(self):
        return (type(self), (self.text,))

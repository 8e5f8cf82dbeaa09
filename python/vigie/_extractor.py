"""The extractor: gazetteers and automata built once, used for any number of texts."""

from __future__ import annotations

import datetime as _dt
import os
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from ._document import Document
from ._errors import InvalidDateError
from ._vigie import NativeExtractor

PathLike = Union[str, "os.PathLike[str]"]
DateLike = Union[_dt.date, str, None]

#: The kinds of gazetteer a user can add to the embedded ones.
GAZETTEER_KINDS = ("country", "nationality", "place", "person", "rank", "role", "organization")


def _iso(value: DateLike) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise InvalidDateError(repr(value))


def _tables(gazetteers: Optional[Mapping[str, Union[PathLike, Sequence[PathLike]]]]) -> List[Tuple[str, str, str]]:
    """Reads the user's gazetteer files into ``(kind, name, text)`` triples, so
    that a pickled extractor carries its data to machines that lack the files."""
    if not gazetteers:
        return []
    tables = []
    for kind, paths in gazetteers.items():
        if kind not in GAZETTEER_KINDS:
            raise ValueError(f"unknown gazetteer kind {kind!r}: expected one of {', '.join(GAZETTEER_KINDS)}")
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        for path in paths:
            with open(path, encoding="utf-8") as f:
                tables.append((kind, os.fspath(path), f.read()))
    return tables


class Extractor:
    """Finds people, ranks, countries, nationalities, places, organisations,
    dates and meetings in French text.

    Build it once and reuse it: building parses the gazetteers. ``gazetteers``
    adds user tables to the embedded ones, as ``{kind: path or [paths]}``
    with kind one of :data:`GAZETTEER_KINDS` (same TSV columns as the
    embedded table of that kind). An extractor pickles: it carries its
    tables and rebuilds itself, in multiprocessing, Dask or Spark workers.

    >>> from vigie import Extractor
    >>> ex = Extractor()
    >>> [d.reference_date.isoformat() for d in ex.extract_batch(["Il est venu hier."], reference_dates=["2017-03-28"])]
    ['2017-03-28']
    """

    __slots__ = ("_tables", "_native")

    def __init__(self, *, gazetteers: Optional[Mapping[str, Union[PathLike, Sequence[PathLike]]]] = None) -> None:
        self._tables = _tables(gazetteers)
        self._native = NativeExtractor(self._tables)

    def extract(self, text: str, *, reference_date: DateLike = None) -> Document:
        """Extracts one text. Relative dates resolve against ``reference_date``
        (a :class:`datetime.date` or ``"YYYY-MM-DD"``), else against a date the
        text itself gives at its top (a dateline), else stay relative."""
        if not isinstance(text, str):
            raise TypeError(f"extract takes a str, not {type(text).__name__}")
        return Document(text, self._native.extract(text, _iso(reference_date)))

    def extract_batch(
        self,
        texts: Iterable[str],
        *,
        reference_dates: Optional[Iterable[DateLike]] = None,
        threads: Optional[int] = None,
    ) -> List[Document]:
        """Extracts many texts in parallel, with the GIL released, and returns
        their documents in order. ``threads`` defaults to the number of cores."""
        texts = list(texts)
        for i, t in enumerate(texts):
            if not isinstance(t, str):
                raise TypeError(f"text {i} is a {type(t).__name__}, not a str")
        dates = None if reference_dates is None else [_iso(d) for d in reference_dates]
        if threads is None:
            threads = os.cpu_count() or 1
        if threads < 1:
            raise ValueError("threads must be at least 1")
        jsons = self._native.extract_batch(texts, dates, threads)
        return [Document(t, j) for t, j in zip(texts, jsons)]

    def __reduce__(self) -> Any:
        return (_rebuild, (self._tables,))

    def __repr__(self) -> str:
        extra = f", {len(self._tables)} user gazetteer{'s' if len(self._tables) > 1 else ''}" if self._tables else ""
        return f"<vigie.Extractor embedded gazetteers{extra}>"


def _rebuild(tables: List[Tuple[str, str, str]]) -> Extractor:
    extractor = Extractor.__new__(Extractor)
    extractor._tables = list(tables)
    extractor._native = NativeExtractor(extractor._tables)
    return extractor


_default: Optional[Extractor] = None


def _default_extractor() -> Extractor:
    global _default
    if _default is None:
        _default = Extractor()
    return _default


def extract(text: str, *, reference_date: DateLike = None) -> Document:
    """Extracts one text with the embedded gazetteers.

    >>> import vigie
    >>> doc = vigie.extract("Poutine a reçu Erdogan à Moscou hier.", reference_date="2017-03-11")
    >>> doc.meetings[0].host.name, doc.meetings[0].date.start.isoformat()
    ('Vladimir Poutine', '2017-03-10')
    """
    return _default_extractor().extract(text, reference_date=reference_date)


def extract_frame(texts: Any, *, reference_dates: Optional[Iterable[DateLike]] = None,
                  threads: Optional[int] = None, extractor: Optional[Extractor] = None) -> Any:
    """Extracts a column of articles (a list or a pandas Series) into one
    DataFrame of entities; its ``doc`` column holds each article's index
    (the Series' index when given a Series)."""
    from ._frames import entities_frame

    index = list(texts.index) if hasattr(texts, "index") and not isinstance(texts, (list, tuple)) else None
    docs = (extractor or _default_extractor()).extract_batch(list(texts), reference_dates=reference_dates, threads=threads)
    return entities_frame(docs, index=index)

"""Results as pandas DataFrames (pandas is optional: imported only here)."""

from __future__ import annotations

from typing import Any, List, Optional, Sequence


def _pandas() -> Any:
    try:
        import pandas  # type: ignore[import-untyped,unused-ignore]
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("DataFrames need pandas: pip install pandas (or vigie[pandas])") from e
    return pandas


#: Columns of :func:`entities_frame`, in order; norm fields a kind lacks are empty.
ENTITY_COLUMNS = ["doc", "id", "kind", "start", "end", "text", "name", "country", "rank", "role", "nato",
                  "date_start", "date_end", "grain", "anchor", "duration", "rule"]

MEETING_COLUMNS = ["doc", "id", "status", "date_start", "date_end", "place", "country", "participants",
                   "participant_countries", "host", "mode", "cameo", "confidence", "summary"]


def entities_frame(docs: Sequence[Any], index: Optional[List[Any]] = None) -> Any:
    pd = _pandas()
    rows = []
    for i, doc in enumerate(docs):
        key = index[i] if index is not None else i
        for e in doc.entities:
            n = e.norm
            rows.append((key, e.id, e.kind, e.start, e.end, e.text, n.get("name"), n.get("country"), n.get("rank"),
                         n.get("role"), n.get("nato"), n.get("start"), n.get("end"), n.get("grain"),
                         n.get("anchor"), n.get("duration"), e.rule))
    frame = pd.DataFrame.from_records(rows, columns=ENTITY_COLUMNS)
    return frame.astype({"kind": "category"}) if len(frame) else frame


def meetings_frame(docs: Sequence[Any], index: Optional[List[Any]] = None) -> Any:
    pd = _pandas()
    rows = []
    for i, doc in enumerate(docs):
        key = index[i] if index is not None else i
        for m in doc.meetings:
            rows.append((key, m.id, m.status, m.date.start if m.date else None, m.date.end if m.date else None,
                         m.place.name if m.place else None, m.country,
                         "; ".join(p.name for p in m.participants), "; ".join(m.participant_countries),
                         m.host.name if m.host else None, m.mode, m.cameo, m.confidence, m.summary))
    return pd.DataFrame.from_records(rows, columns=MEETING_COLUMNS)

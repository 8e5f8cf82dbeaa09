"""Rich display: self-contained HTML for Jupyter (no JavaScript, every piece
of text escaped) and the dict spaCy's displaCy renders."""

from __future__ import annotations

from html import escape
from typing import Any, Dict, List

#: One colour per kind, shared by the highlighted text and the legend.
COLOURS: Dict[str, str] = {
    "person": "#ffd166",
    "rank": "#f4a261",
    "country": "#8ecae6",
    "nationality": "#bde0fe",
    "place": "#95d5b2",
    "organization": "#d8bbff",
    "date": "#ffafcc",
}
_OTHER = "#e0e0e0"

_STYLE = (
    "<style>"
    ".vigie-doc{font-family:system-ui,sans-serif;line-height:1.9;}"
    ".vigie-doc mark{padding:0.1em 0.3em;border-radius:0.3em;}"
    ".vigie-doc mark small{font-size:0.65em;font-weight:600;margin-left:0.3em;text-transform:uppercase;opacity:0.7;}"
    ".vigie-doc table{border-collapse:collapse;margin-top:0.8em;font-size:0.9em;}"
    ".vigie-doc th,.vigie-doc td{border:1px solid #ccc;padding:0.2em 0.6em;text-align:left;vertical-align:top;}"
    ".vigie-text{white-space:pre-wrap;}"
    "</style>"
)


def _mark(kind: str, text: str, title: str) -> str:
    colour = COLOURS.get(kind, _OTHER)
    return (f'<mark style="background:{colour}" title="{escape(title)}">{escape(text)}'
            f"<small>{escape(kind)}</small></mark>")


def _title(e: Any) -> str:
    return ", ".join(f"{k}: {v.isoformat() if hasattr(v, 'isoformat') else v}" for k, v in e.norm.items())


def highlighted_text(doc: Any) -> str:
    parts: List[str] = []
    pos = 0
    for e in doc.entities:
        if e.start < pos:  # overlapping spans cannot nest in flat HTML; the first wins
            continue
        parts.append(escape(doc.text[pos:e.start]))
        parts.append(_mark(e.kind, doc.text[e.start:e.end], _title(e)))
        pos = e.end
    parts.append(escape(doc.text[pos:]))
    return "".join(parts)


def _legend(kinds: List[str]) -> str:
    items = "".join(f'<mark style="background:{COLOURS.get(k, _OTHER)}">{escape(k)}</mark> ' for k in kinds)
    return f'<div class="vigie-legend">{items}</div>'


def _table(headers: List[str], rows: List[List[Any]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape('' if c is None else str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def document_html(doc: Any) -> str:
    present = [k for k in COLOURS if any(e.kind == k for e in doc.entities)]
    present += sorted({e.kind for e in doc.entities} - set(COLOURS))
    html = [_STYLE, '<div class="vigie-doc">', _legend(present),
            f'<div class="vigie-text">{highlighted_text(doc)}</div>']
    people = doc.people
    if people:
        html.append("<h4>People</h4>")
        html.append(_table(["name", "country", "rank", "role", "mentions"],
                           [[p.name, p.country, p.rank, p.role, len(p.mentions)] for p in people]))
    meetings = doc.meetings
    if meetings:
        html.append("<h4>Meetings</h4>")
        rows = []
        for m in meetings:
            date = "" if m.date is None else (m.date.start.isoformat() if m.date.start == m.date.end
                                              else f"{m.date.start.isoformat()} – {m.date.end.isoformat()}")
            rows.append([m.status, date, m.place.name if m.place else "", m.country,
                         ", ".join(p.name + (f" ({p.country})" if p.country else "") for p in m.participants)
                         or ", ".join(m.participant_countries),
                         m.host.name if m.host else "", m.cameo, m.summary])
        html.append(_table(["status", "date", "place", "country", "participants", "host", "CAMEO", "summary"], rows))
    ref = doc.reference_date
    if ref is not None:
        html.append(f"<p><small>Reference date {escape(ref.isoformat())} ({escape(doc.reference_date_source or '')})</small></p>")
    html.append("</div>")
    return "".join(html)


def displacy_dict(doc: Any) -> Dict[str, Any]:
    ents = []
    pos = 0
    for e in doc.entities:
        if e.start < pos:
            continue
        ents.append({"start": e.start, "end": e.end, "label": e.kind.upper()})
        pos = e.end
    return {"text": doc.text, "ents": ents, "title": None}

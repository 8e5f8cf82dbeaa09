"""Results as Python objects: :class:`Document`, :class:`Entity`,
:class:`Person`, :class:`Meeting`.

A document keeps the JSON the native extractor produced and builds its
objects the first time they are asked for, so that a batch costs no more
than the extraction itself until its results are looked at.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any, Dict, List, NamedTuple, Optional, Tuple, Union


def _date(value: Optional[str]) -> Optional[_dt.date]:
    return _dt.date.fromisoformat(value) if value else None


class Entity:
    """One thing found in the text: its kind, its span and its normalised value.

    ``start`` and ``end`` are Python string offsets (code points) into the
    document's text, so ``doc.text[e.start:e.end] == e.text``. ``norm`` holds
    the normalised fields of the kind (``name``, ``country``, ``rank``,
    ``role``, ``nato``, ``start``/``end``/``grain`` as :class:`datetime.date`
    for dates, ``duration`` for durations, ``relative`` for unresolved dates).
    """

    __slots__ = ("id", "kind", "start", "end", "text", "norm", "rule")

    def __init__(self, id: str, kind: str, start: int, end: int, text: str, norm: Dict[str, Any], rule: str) -> None:
        self.id = id
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.norm = norm
        self.rule = rule

    @classmethod
    def _from_json(cls, e: Dict[str, Any]) -> "Entity":
        norm = dict(e.get("norm") or {})
        if e["kind"] == "date":
            for key in ("start", "end"):
                if key in norm:
                    norm[key] = _date(norm[key])
        return cls(e["id"], e["kind"], e["start"], e["end"], e["text"], norm, e.get("rule", ""))

    @property
    def span(self) -> Tuple[int, int]:
        """``(start, end)``."""
        return (self.start, self.end)

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={_short(v)}" for k, v in self.norm.items())
        return f"<Entity {self.kind} {self.text!r} [{self.start}:{self.end}]{' ' + fields if fields else ''}>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Entity):
            return NotImplemented
        return (self.kind, self.start, self.end, self.text, self.norm) == (other.kind, other.start, other.end, other.text, other.norm)

    def __hash__(self) -> int:
        return hash((self.kind, self.start, self.end, self.text))


def _short(v: Any) -> str:
    return v.isoformat() if isinstance(v, _dt.date) else str(v)


class Person:
    """One person, with every mention of them in the document."""

    __slots__ = ("name", "country", "rank", "role", "mentions")

    def __init__(self, name: str, country: Optional[str], rank: Optional[str], role: Optional[str], mentions: List[Entity]) -> None:
        self.name = name
        self.country = country
        self.rank = rank
        self.role = role
        self.mentions = mentions

    def __repr__(self) -> str:
        details = ", ".join(x for x in (self.country, self.rank, self.role) if x)
        return f"<Person {self.name}{' (' + details + ')' if details else ''}, {len(self.mentions)} mention{'s' if len(self.mentions) != 1 else ''}>"


class Participant(NamedTuple):
    """A person taking part in a meeting (or hosting it)."""

    name: str
    country: Optional[str]
    rank: Optional[str]
    role: Optional[str]
    actor: Optional[str]
    entity: Optional[str]


class Place(NamedTuple):
    """Where a meeting took place."""

    name: str
    country: Optional[str]
    entity: Optional[str]


class DateRange(NamedTuple):
    """An inclusive interval of days and its grain (day, week, month…)."""

    start: _dt.date
    end: _dt.date
    grain: str


def _participant(p: Dict[str, Any]) -> Participant:
    return Participant(p.get("name", ""), p.get("country"), p.get("rank"), p.get("role"), p.get("actor"), p.get("entity"))


class Meeting:
    """A meeting: who met whom, who hosted, where, when, and whether it took place.

    ``status`` is ``held``, ``planned`` or ``cancelled``; ``cameo`` the CAMEO
    code (040 consult, 042 visit, 043 host, 044 third location); ``summary``
    one readable line.
    """

    __slots__ = ("id", "status", "participants", "participant_countries", "host", "place", "country", "date",
                 "trigger", "sentence", "event_type", "mode", "cameo", "confidence", "summary")

    def __init__(self, m: Dict[str, Any]) -> None:
        self.id: str = m["id"]
        self.status: str = m["status"]
        self.participants: List[Participant] = [_participant(p) for p in m.get("participants", [])]
        self.participant_countries: List[str] = list(m.get("participant_countries", []))
        self.host: Optional[Participant] = _participant(m["host"]) if "host" in m else None
        place = m.get("place")
        self.place: Optional[Place] = Place(place.get("name", ""), place.get("country"), place.get("entity")) if place else None
        self.country: Optional[str] = m.get("country")
        date = m.get("date")
        self.date: Optional[DateRange] = (
            DateRange(_date(date["start"]), _date(date["end"]), date.get("grain", "day"))  # type: ignore[arg-type]
            if date and "start" in date else None
        )
        trigger = m.get("trigger", {})
        self.trigger: Tuple[int, int, str] = (trigger.get("start", 0), trigger.get("end", 0), trigger.get("text", ""))
        sentence = m.get("sentence", {})
        self.sentence: Tuple[int, int] = (sentence.get("start", 0), sentence.get("end", 0))
        self.event_type: str = m.get("event_type", "CONSULT")
        self.mode: str = m.get("mode", "")
        self.cameo: str = m.get("cameo", "")
        self.confidence: float = m.get("confidence", 0.0)
        self.summary: str = m.get("summary", "")

    def __repr__(self) -> str:
        return f"<Meeting {self.status}: {self.summary}>"


class Document:
    """The result of extracting one text.

    >>> import vigie
    >>> doc = vigie.extract("Le général Hulusi Akar a reçu son homologue à Ankara le 7 mars 2017.")
    >>> [(e.kind, e.text) for e in doc.entities]
    [('rank', 'général'), ('person', 'Hulusi Akar'), ('place', 'Ankara'), ('date', 'le 7 mars 2017')]
    """

    __slots__ = ("text", "_json", "_data", "_entities", "_meetings")

    def __init__(self, text: str, json_text: Union[str, bytes]) -> None:
        self.text = text
        self._json: Optional[Union[str, bytes]] = json_text
        self._data: Optional[Dict[str, Any]] = None
        self._entities: Optional[List[Entity]] = None
        self._meetings: Optional[List[Meeting]] = None

    def _parsed(self) -> Dict[str, Any]:
        if self._data is None:
            self._data = json.loads(self._json or "{}")
        return self._data

    @property
    def entities(self) -> List[Entity]:
        """Every entity, in text order."""
        if self._entities is None:
            self._entities = [Entity._from_json(e) for e in self._parsed().get("entities", [])]
        return self._entities

    @property
    def people(self) -> List[Person]:
        """One :class:`Person` per person named, with all their mentions, in order of first mention."""
        by_name: Dict[str, Person] = {}
        for e in self.entities:
            if e.kind != "person":
                continue
            name = e.norm.get("name", e.text)
            person = by_name.get(name)
            if person is None:
                by_name[name] = Person(name, e.norm.get("country"), e.norm.get("rank"), e.norm.get("role"), [e])
            else:
                person.mentions.append(e)
                person.country = person.country or e.norm.get("country")
                person.rank = person.rank or e.norm.get("rank")
                person.role = person.role or e.norm.get("role")
        return list(by_name.values())

    @property
    def meetings(self) -> List[Meeting]:
        """The meetings told in the text (held, planned or cancelled)."""
        if self._meetings is None:
            self._meetings = [Meeting(m) for m in self._parsed().get("events", []) if m.get("kind") == "meeting"]
        return self._meetings

    @property
    def reference_date(self) -> Optional[_dt.date]:
        """The date relative dates were resolved against, if any."""
        return _date(self._parsed().get("reference_date"))

    @property
    def reference_date_source(self) -> Optional[str]:
        """Where the reference date came from: ``given`` or ``detected`` (a dateline), or None."""
        return self._parsed().get("reference_date_source")

    def to_dict(self) -> Dict[str, Any]:
        """The document in the JSON output contract, as a dict (plus ``text``)."""
        data = json.loads(self.to_json())
        if data.get("id") is None:
            data.pop("id", None)
        return {"text": self.text, **data}

    def to_json(self, *, indent: Optional[int] = None) -> str:
        """The document in the JSON output contract (without its text)."""
        if indent is None and self._json is not None:
            return self._json.decode("utf-8") if isinstance(self._json, bytes) else self._json
        return json.dumps(self._parsed(), ensure_ascii=False, indent=indent)

    def to_displacy(self) -> Dict[str, Any]:
        """The dict that ``spacy.displacy.render(..., style="ent", manual=True)`` takes."""
        from ._display import displacy_dict

        return displacy_dict(self)

    def _repr_html_(self) -> str:
        from ._display import document_html

        return document_html(self)

    def entities_frame(self) -> Any:
        """The entities as a pandas DataFrame, one row each (needs pandas)."""
        from ._frames import entities_frame

        return entities_frame([self])

    def meetings_frame(self) -> Any:
        """The meetings as a pandas DataFrame, one row each (needs pandas)."""
        from ._frames import meetings_frame

        return meetings_frame([self])

    def __len__(self) -> int:
        return len(self.entities)

    def __repr__(self) -> str:
        counts: Dict[str, int] = {}
        for e in self.entities:
            counts[e.kind] = counts.get(e.kind, 0) + 1
        parts = ", ".join(f"{n} {k}" for k, n in counts.items())
        meetings = len(self.meetings)
        ref = self.reference_date
        return (f"<Document {len(self.text)} chars: {parts or 'no entity'}"
                f"{f', {meetings} meeting' + ('s' if meetings > 1 else '') if meetings else ''}"
                f"{f', reference {ref.isoformat()}' if ref else ''}>")

    def __getstate__(self) -> Dict[str, Any]:
        return {"text": self.text, "json": self.to_json()}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.text = state["text"]
        self._json = state["json"]
        self._data = None
        self._entities = None
        self._meetings = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return self.text == other.text and self._parsed() == other._parsed()

    __hash__ = None  # type: ignore[assignment]

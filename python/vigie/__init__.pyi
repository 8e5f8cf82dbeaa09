import datetime
import os
from typing import Any, Dict, Iterable, List, Mapping, NamedTuple, Optional, Sequence, Tuple, Union

__version__: str
__all__ = [
    "GAZETTEER_KINDS",
    "DateRange",
    "Document",
    "Entity",
    "Extractor",
    "GazetteerError",
    "InvalidDateError",
    "Meeting",
    "Participant",
    "Person",
    "Place",
    "VigieError",
    "__version__",
    "extract",
    "extract_frame",
    "fold",
    "normalize",
]

_PathLike = Union[str, os.PathLike[str]]
_DateLike = Union[datetime.date, str, None]
_Gazetteers = Mapping[str, Union[_PathLike, Sequence[_PathLike]]]

GAZETTEER_KINDS: Tuple[str, ...]

class VigieError(Exception): ...

class GazetteerError(VigieError, ValueError):
    file: Optional[str]
    line: Optional[int]
    def __init__(self, message: str, file: Optional[str] = None, line: Optional[int] = None) -> None: ...

class InvalidDateError(VigieError, ValueError):
    text: str
    def __init__(self, text: str, file: Optional[str] = None, line: Optional[int] = None) -> None: ...

class Entity:
    id: str
    kind: str
    start: int
    end: int
    text: str
    norm: Dict[str, Any]
    rule: str
    def __init__(self, id: str, kind: str, start: int, end: int, text: str, norm: Dict[str, Any], rule: str) -> None: ...
    @property
    def span(self) -> Tuple[int, int]: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Person:
    name: str
    country: Optional[str]
    rank: Optional[str]
    role: Optional[str]
    mentions: List[Entity]
    def __init__(
        self, name: str, country: Optional[str], rank: Optional[str], role: Optional[str], mentions: List[Entity]
    ) -> None: ...

class Participant(NamedTuple):
    name: str
    country: Optional[str]
    rank: Optional[str]
    role: Optional[str]
    actor: Optional[str]
    entity: Optional[str]

class Place(NamedTuple):
    name: str
    country: Optional[str]
    entity: Optional[str]

class DateRange(NamedTuple):
    start: datetime.date
    end: datetime.date
    grain: str

class Meeting:
    id: str
    status: str
    participants: List[Participant]
    participant_countries: List[str]
    host: Optional[Participant]
    place: Optional[Place]
    country: Optional[str]
    date: Optional[DateRange]
    trigger: Tuple[int, int, str]
    sentence: Tuple[int, int]
    event_type: str
    mode: str
    cameo: str
    confidence: float
    summary: str
    def __init__(self, m: Dict[str, Any]) -> None: ...

class Document:
    text: str
    def __init__(self, text: str, json_text: Union[str, bytes]) -> None: ...
    @property
    def entities(self) -> List[Entity]: ...
    @property
    def people(self) -> List[Person]: ...
    @property
    def meetings(self) -> List[Meeting]: ...
    @property
    def reference_date(self) -> Optional[datetime.date]: ...
    @property
    def reference_date_source(self) -> Optional[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self, *, indent: Optional[int] = None) -> str: ...
    def to_displacy(self) -> Dict[str, Any]: ...
    def entities_frame(self) -> Any: ...
    def meetings_frame(self) -> Any: ...
    def __len__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    def __getstate__(self) -> Dict[str, Any]: ...
    def __setstate__(self, state: Dict[str, Any]) -> None: ...

class Extractor:
    def __init__(self, *, gazetteers: Optional[_Gazetteers] = None) -> None: ...
    def extract(self, text: str, *, reference_date: _DateLike = None) -> Document: ...
    def extract_batch(
        self,
        texts: Iterable[str],
        *,
        reference_dates: Optional[Iterable[_DateLike]] = None,
        threads: Optional[int] = None,
    ) -> List[Document]: ...
    def __reduce__(self) -> Any: ...

def extract(text: str, *, reference_date: _DateLike = None) -> Document: ...
def extract_frame(
    texts: Any,
    *,
    reference_dates: Optional[Iterable[_DateLike]] = None,
    threads: Optional[int] = None,
    extractor: Optional[Extractor] = None,
) -> Any: ...
def normalize(text: str) -> str: ...
def fold(text: str) -> str: ...

"""vigie: structured facts from French news.

People (with rank, role and nationality), military ranks (NATO STANAG 2116),
countries and nationalities (ISO 3166-1 alpha-3), places, dates resolved to
ISO intervals, and meetings as events, each pointing back to its exact span
in the text.

>>> import vigie
>>> doc = vigie.extract("Le président Poutine recevait le président turc Recep Tayyip Erdogan à Moscou le 10 mars 2017.")
>>> [p.name for p in doc.people]
['Vladimir Poutine', 'Recep Tayyip Erdogan']
>>> doc.meetings[0].summary
'Moscou (RUS), 10 mars 2017 : Vladimir Poutine (RUS, président), Recep Tayyip Erdogan (TUR, président)'
"""

from ._document import DateRange, Document, Entity, Meeting, Participant, Person, Place
from ._errors import GazetteerError, InvalidDateError, VigieError
from ._extractor import GAZETTEER_KINDS, Extractor, extract, extract_frame
from ._vigie import __version__, fold, normalize

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

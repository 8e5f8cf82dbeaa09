"""The corpus files the Rust tests run (tests/corpus/*.toml and
tests/events/meetings.toml), run again through the Python package: the same
expectations must hold on this side of the bindings, offsets included."""

import datetime
import re
import sys

import pytest

import vigie

from conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

KINDS = {"person", "rank", "country", "nationality", "place", "organization", "date"}
TAG = re.compile(r"<(/?)([a-z]+)((?:\s+[a-z_]+=\"[^\"]*\")*)\s*>")
ATTR = re.compile(r"([a-z_]+)=\"([^\"]*)\"")


def parse_tagged(tagged):
    """Strips the inline tags: (plain text, [(kind, start, end, attrs)]) with
    Python string offsets."""
    text, expected, open_tags, pos = [], [], [], 0
    length = 0
    for m in TAG.finditer(tagged):
        if m.group(2) not in KINDS:
            continue
        chunk = tagged[pos:m.start()]
        text.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(1):
            kind, start, attrs = open_tags.pop()
            assert kind == m.group(2), f"mismatched tags in {tagged!r}"
            expected.append((kind, start, length, attrs))
        else:
            open_tags.append((m.group(2), length, dict(ATTR.findall(m.group(3)))))
    text.append(tagged[pos:])
    assert not open_tags, f"unclosed tag in {tagged!r}"
    return "".join(text), sorted(expected, key=lambda e: (e[1], e[2]))


def norm_value(entity, key):
    value = entity.norm.get(key)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def corpus_cases():
    for path in sorted((REPO / "tests" / "corpus").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data["case"]:
            yield pytest.param(data["kinds"], data.get("reference_date"), case["text"], id=f"{path.stem}:{case['name']}")


@pytest.fixture(scope="module")
def extractor():
    return vigie.Extractor()


@pytest.mark.parametrize("kinds, reference, tagged", list(corpus_cases()))
def test_corpus_case(extractor, kinds, reference, tagged):
    text, expected = parse_tagged(tagged)
    doc = extractor.extract(text, reference_date=reference)
    problems = []
    for kind, start, end, attrs in expected:
        found = [e for e in doc.entities if e.kind == kind and e.start == start and e.end == end]
        if not found:
            problems.append(f"missing {kind} {text[start:end]!r}")
            continue
        for key, want in attrs.items():
            got = norm_value(found[0], key)
            if got != want:
                problems.append(f"{kind} {text[start:end]!r}: {key} = {got!r}, expected {want!r}")
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text
        if e.kind in kinds and not any(k == e.kind and s == e.start and t == e.end for k, s, t, _ in expected):
            problems.append(f"unexpected {e.kind} {e.text!r} ({e.rule})")
    assert not problems, "; ".join(problems)


def meeting_cases():
    data = tomllib.loads((REPO / "tests" / "events" / "meetings.toml").read_text(encoding="utf-8"))
    for case in data["case"]:
        yield pytest.param(data["reference_date"], case["text"], case.get("meeting", []), id=case["name"])


@pytest.mark.parametrize("reference, text, expected", list(meeting_cases()))
def test_meeting_case(extractor, reference, text, expected):
    doc = extractor.extract(text, reference_date=datetime.date.fromisoformat(reference))
    assert len(doc.meetings) == len(expected), [m.summary for m in doc.meetings]
    for want, got in zip(expected, doc.meetings):
        assert [p.name for p in got.participants] == want["participants"]
        assert got.participant_countries == want.get("participant_countries", [])
        actual = {
            "host": got.host.name if got.host else None,
            "place": got.place.name if got.place else None,
            "country": got.country,
            "status": got.status,
            "start": got.date.start.isoformat() if got.date else None,
            "end": got.date.end.isoformat() if got.date else None,
        }
        for key, value in actual.items():
            if key in want:
                assert value == want[key], f"{key}: {value!r}, expected {want[key]!r}"


def test_tags_are_parsed():
    text, expected = parse_tagged('à <place country="TUR">Antalya</place>, en <country>Turquie</country> <b>')
    assert text == "à Antalya, en Turquie <b>"
    assert expected == [("place", 2, 9, {"country": "TUR"}), ("country", 14, 21, {})]

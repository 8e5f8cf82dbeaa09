"""The Python API: documents, entities, people, meetings, dates, errors."""

import datetime
import json
import pathlib

import pytest

import vigie


def test_seed_entities_point_at_their_text(seed):
    assert len(seed.entities) > 50
    for e in seed.entities:
        assert seed.text[e.start:e.end] == e.text
        assert e.span == (e.start, e.end)


def test_seed_meetings(seed):
    antalya, chiefs_2013, moscow = seed.meetings
    assert chiefs_2013.participants == [] and chiefs_2013.participant_countries == ["RUS", "USA"]
    assert chiefs_2013.date == vigie.DateRange(datetime.date(2013, 1, 1), datetime.date(2013, 12, 31), "year")
    assert [p.name for p in antalya.participants] == ["Joseph Dunford", "Valeri Guérassimov", "Hulusi Akar"]
    assert [p.country for p in antalya.participants] == ["USA", "RUS", "TUR"]
    assert antalya.place.name == "Antalya" and antalya.country == "TUR"
    assert antalya.date == vigie.DateRange(datetime.date(2017, 3, 7), datetime.date(2017, 3, 8), "day")
    assert antalya.host is None and antalya.status == "held"
    assert moscow.host.name == "Vladimir Poutine"
    assert {p.name for p in moscow.participants} == {"Vladimir Poutine", "Recep Tayyip Erdogan"}
    assert moscow.place == vigie.Place("Moscou", "RUS", moscow.place.entity)
    assert moscow.date.start == moscow.date.end == datetime.date(2017, 3, 10)
    assert moscow.cameo == "043"
    assert "Antalya (TUR)" in antalya.summary


def test_seed_reference_date_is_detected(seed):
    assert seed.reference_date == datetime.date(2017, 3, 28)
    assert seed.reference_date_source == "detected"


def test_people_group_mentions(seed):
    dunford = next(p for p in seed.people if p.name == "Joseph Dunford")
    assert (dunford.country, dunford.rank) == ("USA", "général")
    assert len(dunford.mentions) >= 2
    assert all(m.kind == "person" for m in dunford.mentions)


def test_dates_are_datetime_dates():
    doc = vigie.extract("Ils se sont vus hier.", reference_date=datetime.date(2017, 3, 28))
    (date,) = [e for e in doc.entities if e.kind == "date"]
    assert date.norm["start"] == date.norm["end"] == datetime.date(2017, 3, 27)
    assert doc.reference_date_source == "given"


def test_reference_date_forms_agree():
    text = "La réunion a eu lieu lundi dernier."
    forms = [datetime.date(2017, 3, 28), datetime.datetime(2017, 3, 28, 12, 30), "2017-03-28"]
    docs = [vigie.extract(text, reference_date=f) for f in forms]
    assert docs[0] == docs[1] == docs[2]


def test_relative_dates_without_reference_stay_relative():
    doc = vigie.extract("Il est arrivé hier.")
    (date,) = [e for e in doc.entities if e.kind == "date"]
    assert date.norm == {"relative": True}
    assert doc.reference_date is None


def test_offsets_are_python_offsets_beyond_the_bmp():
    text = "😀🇫🇷 « Le général Hulusi Akar » est à Ankara\u202fle 7\u00a0mars 2017 — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"
    doc = vigie.extract(text)
    assert {e.text for e in doc.entities} >= {"Hulusi Akar", "Ankara", "le 7\u00a0mars 2017"}
    for e in doc.entities:
        assert text[e.start:e.end] == e.text


def test_to_dict_and_to_json_follow_the_contract(seed):
    data = seed.to_dict()
    assert data["text"] == seed.text
    assert data["reference_date"] == "2017-03-28"
    assert {"kind", "start", "end", "text", "norm"} <= set(data["entities"][0])
    assert data["events"][0]["kind"] == "meeting"
    parsed = json.loads(seed.to_json())
    assert parsed["entities"] == data["entities"]
    assert json.loads(seed.to_json(indent=2)) == parsed


def test_reprs_read_well(seed):
    assert repr(seed).startswith("<Document 3174 chars: ")
    assert "3 meetings" in repr(seed)
    assert repr(seed.meetings[0]).startswith("<Meeting held: Antalya (TUR)")
    assert repr(seed.people[2]) == "<Person Joseph Dunford (USA, général, chef d'état-major), 3 mentions>"
    assert "Entity place 'Antalya'" in repr([e for e in seed.entities if e.kind == "place"][0])


def test_normalize_and_fold():
    assert vigie.normalize("l’« empire »\u00a0britannique — 7\u202fmars") == "l'\" empire \" britannique - 7 mars"
    assert vigie.fold("États-Unis") == vigie.fold("Etats-Unis")
    assert vigie.fold("Erdoğan") == "erdogan"


def test_empty_and_hostile_inputs_give_documents():
    for text in ["", " ", "\x00\x01\x02", "\ud7ff" * 3, "é" * 100_000, "Mars " * 10_000, "<script>alert(1)</script>"]:
        doc = vigie.extract(text)
        for e in doc.entities:
            assert text[e.start:e.end] == e.text


def test_lone_surrogates_are_an_error_not_a_crash():
    with pytest.raises(UnicodeEncodeError):
        vigie.extract("abc\udc80def")


def test_wrong_types_raise_type_error():
    with pytest.raises(TypeError):
        vigie.extract(b"Poutine")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        vigie.Extractor().extract_batch(["ok", 3])  # type: ignore[list-item]


def test_invalid_reference_dates():
    for bad in ["2017-13-01", "hier", "", 20170328]:
        with pytest.raises(vigie.InvalidDateError) as info:
            vigie.extract("hier", reference_date=bad)  # type: ignore[arg-type]
        assert isinstance(info.value, vigie.VigieError) and isinstance(info.value, ValueError)


def test_bad_gazetteer_names_file_and_line(tmp_path: pathlib.Path):
    path = tmp_path / "places.tsv"
    path.write_text("# source: notes | licence: CC0 | retrieved: 2026-01-01\nid\tname\tcountry\tvariants\tpopulation\tflags\nx1 Camp Bastion\n",
                    encoding="utf-8")
    with pytest.raises(vigie.GazetteerError) as info:
        vigie.Extractor(gazetteers={"place": path})
    assert info.value.file == str(path)
    assert info.value.line == 3
    assert str(path) in str(info.value)


def test_missing_gazetteer_is_file_not_found(tmp_path: pathlib.Path):
    with pytest.raises(FileNotFoundError):
        vigie.Extractor(gazetteers={"place": tmp_path / "missing.tsv"})
    with pytest.raises(ValueError, match="unknown gazetteer kind"):
        vigie.Extractor(gazetteers={"planet": tmp_path / "missing.tsv"})


def test_user_gazetteer_is_used(tmp_path: pathlib.Path):
    path = tmp_path / "places.tsv"
    path.write_text("# source: notes | licence: CC0 | retrieved: 2026-01-01\nid\tname\tcountry\tvariants\tpopulation\tflags\nx1\tCamp Bastion\tAFG\t\t0\t\n",
                    encoding="utf-8")
    doc = vigie.Extractor(gazetteers={"place": [path]}).extract("Ils ont quitté Camp Bastion hier.")
    assert [(e.text, e.norm.get("country")) for e in doc.entities if e.kind == "place"] == [("Camp Bastion", "AFG")]

"""Rich display: HTML for Jupyter, displaCy, DataFrames."""

import datetime
import re

import pytest

import vigie


def test_html_highlights_entities_with_a_legend(seed):
    html = seed._repr_html_()
    assert html.count("<mark") >= len(seed.entities)
    for kind in {e.kind for e in seed.entities}:
        assert f"<small>{kind}</small>" in html
    assert "<h4>People</h4>" in html and "<h4>Meetings</h4>" in html
    assert "Guérassimov" in html
    assert "<script" not in html.lower()


def test_html_is_inert_on_hostile_text():
    text = 'Le général <script>alert("x")</script> Hulusi Akar <img src=x onerror=alert(1)> à Ankara & "Moscou"'
    html = vigie.extract(text)._repr_html_()
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "&lt;script&gt;" in html
    assert "&amp;" in html


def test_html_text_round_trips(seed):
    """Removing the markup and unescaping gives back the text."""
    import html as html_lib

    body = re.search(r'<div class="vigie-text">(.*?)</div>', seed._repr_html_(), re.S).group(1)
    body = re.sub(r"<small>.*?</small>", "", body)
    assert html_lib.unescape(re.sub(r"<[^>]+>", "", body)) == seed.text


def test_displacy_dict(seed):
    d = seed.to_displacy()
    assert d["text"] == seed.text
    assert len(d["ents"]) == len(seed.entities)
    for ent, e in zip(d["ents"], seed.entities):
        assert (ent["start"], ent["end"], ent["label"]) == (e.start, e.end, e.kind.upper())


def test_frames(seed):
    pd = pytest.importorskip("pandas")
    frame = seed.entities_frame()
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == len(seed.entities)
    assert (frame["text"] == [seed.text[s:e] for s, e in zip(frame["start"], frame["end"])]).all()
    assert set(frame["kind"]) >= {"person", "rank", "place", "date"}
    meetings = seed.meetings_frame()
    assert meetings["place"].tolist()[::2] == ["Antalya", "Moscou"] and pd.isna(meetings["place"][1])
    assert meetings["participant_countries"][1] == "RUS; USA"
    assert meetings["date_start"][0] == datetime.date(2017, 3, 7)


def test_extract_frame_keeps_the_series_index(seed_text):
    pd = pytest.importorskip("pandas")
    articles = pd.Series([seed_text, "Rien à signaler.", "Erdogan est à Ankara."], index=["a", "b", "c"])
    frame = vigie.extract_frame(articles)
    assert set(frame["doc"]) == {"a", "c"}
    assert (frame[frame["doc"] == "c"]["text"].tolist()) == ["Erdogan", "Ankara"]
    assert len(vigie.extract_frame(["Erdogan"])) == 1

"""Batches: order, reference dates, threads, the GIL, pickling."""

import multiprocessing
import pickle
import threading
import time

import pytest

import vigie

SENTENCES = [
    "Le président Poutine recevait le président turc Recep Tayyip Erdogan à Moscou le 10 mars.",
    "Le général Joseph Dunford s'est rendu à Antalya, en Turquie.",
    "",
    "La ministre des Armées Florence Parly s'est entretenue hier avec son homologue allemande à Berlin.",
]


def test_batch_matches_single_extraction_in_order():
    ex = vigie.Extractor()
    texts = SENTENCES * 25
    dates = ["2017-03-28"] * len(texts)
    for threads in (1, 2, 3):
        batch = ex.extract_batch(texts, reference_dates=dates, threads=threads)
        assert [d.text for d in batch] == texts
        assert batch == [ex.extract(t, reference_date="2017-03-28") for t in texts]


def test_batch_accepts_any_iterable_and_checks_lengths():
    ex = vigie.Extractor()
    assert len(ex.extract_batch(iter(SENTENCES))) == len(SENTENCES)
    assert ex.extract_batch([]) == []
    with pytest.raises(ValueError, match="reference dates"):
        ex.extract_batch(SENTENCES, reference_dates=["2017-03-28"])
    with pytest.raises(ValueError):
        ex.extract_batch(SENTENCES, threads=0)


def test_batch_releases_the_gil(seed_text):
    """While a long batch runs, another Python thread keeps running."""
    ex = vigie.Extractor()
    texts = [seed_text] * 400
    ticks = 0
    done = threading.Event()

    def count():
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    started = time.perf_counter()
    ex.extract_batch(texts, threads=1)
    elapsed = time.perf_counter() - started
    done.set()
    counter.join()
    # A thread sleeping 1 ms per tick gets dozens of ticks in any batch that
    # lasts more than a few tens of ms, unless the GIL is held throughout.
    assert elapsed > 0.02
    assert ticks >= 5, (ticks, elapsed)


def test_extractor_pickles_with_its_gazetteers(tmp_path):
    path = tmp_path / "places.tsv"
    path.write_text("# source: notes | licence: CC0 | retrieved: 2026-01-01\nid\tname\tcountry\tvariants\tpopulation\tflags\nx1\tCamp Bastion\tAFG\t\t0\t\n",
                    encoding="utf-8")
    ex = vigie.Extractor(gazetteers={"place": path})
    path.unlink()  # the copy rebuilds without the file
    clone = pickle.loads(pickle.dumps(ex))
    text = "Ils ont quitté Camp Bastion hier."
    assert clone.extract(text) == ex.extract(text)
    assert any(e.text == "Camp Bastion" for e in clone.extract(text).entities)


def test_document_pickles(seed):
    clone = pickle.loads(pickle.dumps(seed))
    assert clone == seed
    assert clone.meetings[0].summary == seed.meetings[0].summary


def _tag(args):
    extractor, text = args
    return [(e.kind, e.text) for e in extractor.extract(text).entities]


def test_extractor_works_in_worker_processes():
    ex = vigie.Extractor()
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        results = pool.map(_tag, [(ex, t) for t in SENTENCES])
    assert results == [_tag((ex, t)) for t in SENTENCES]

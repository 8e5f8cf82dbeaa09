#!/usr/bin/env python3
"""Python batch throughput against the Rust CLI, in one run.

Splits a corpus into documents at blank lines (default: the news articles of
../shared/bench/news-winer-dev.txt), repeats it to a few MB, and times
(median of --runs):

- the CLI, ``vigie extract --jsonl`` over the same documents, pinned to one core;
- ``Extractor.extract_batch(threads=1)``, the process pinned to one core;
- ``Extractor.extract_batch(threads=2)`` on two cores.

Run it with a Python that has the wheel installed, from the repository:

    target/venv-test/bin/python scripts/bench_python.py
"""

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import vigie

REPO = pathlib.Path(__file__).resolve().parents[1]


def median_seconds(run, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "bench" / "news-winer-dev.txt"))
    parser.add_argument("--repeat", type=int, default=24, help="copies of the corpus in one batch")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cli", default=str(REPO / "target" / "release" / "vigie"))
    args = parser.parse_args()

    text = pathlib.Path(args.corpus).read_text(encoding="utf-8")
    docs = [d for d in text.split("\n\n") if d.strip()] * args.repeat
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    print(f"{len(docs)} documents, {mb:.2f} MB ({args.repeat} × {pathlib.Path(args.corpus).name})")

    rows = []
    if not pathlib.Path(args.cli).exists():
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        for i, d in enumerate(docs):
            f.write(json.dumps({"id": str(i), "text": d}, ensure_ascii=False) + "\n")
        jsonl = f.name
    try:
        def cli():
            with open(jsonl, "rb") as inp:
                subprocess.run(["taskset", "-c", "0", args.cli, "extract", "--jsonl", "--quiet"], stdin=inp,
                               stdout=subprocess.DEVNULL, check=True)
        cli_s = median_seconds(cli, args.runs)
    finally:
        os.unlink(jsonl)
    rows.append(("CLI `vigie extract --jsonl`, 1 core", cli_s))

    extractor = vigie.Extractor()
    extractor.extract_batch(docs[:50], threads=1)  # warm-up
    affinity = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(affinity)})
    one = median_seconds(lambda: extractor.extract_batch(docs, threads=1), args.runs)
    os.sched_setaffinity(0, affinity)
    rows.append(("Python `extract_batch(threads=1)`, 1 core", one))
    two = median_seconds(lambda: extractor.extract_batch(docs, threads=2), args.runs)
    rows.append((f"Python `extract_batch(threads=2)`, {len(affinity)} cores", two))

    print("| run | seconds | MB/s |")
    print("|---|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.3f} | {mb / seconds:.1f} |")
    print(f"\nextract_batch, 1 thread / CLI per core: {cli_s / one:.0%}")
    print(f"extract_batch, 2 threads / 1 thread: {one / two:.2f}×")


if __name__ == "__main__":
    sys.exit(main())

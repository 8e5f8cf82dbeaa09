"""Tags a JSONL file of articles on a Dask cluster of worker processes.

Each input line is ``{"id", "text", "reference_date"?, ...}`` (the shape of
``examples/articles.jsonl`` and of the evaluation sets); each output line is
the vigie JSON of that article, with its ``id``. The extractor is built once
on the client and pickled to the workers, which rebuild it (with any user
gazetteers it carries).

    pip install "dask[bag]" distributed
    python examples/dask_tag.py examples/articles.jsonl /tmp/articles.vigie.jsonl --workers 2
"""

import argparse
import json
import sys

import dask.bag as db
from dask.distributed import Client, LocalCluster

import vigie


def tag_partition(lines, extractor):
    """One partition of input lines → one output line each (an error record
    for a line that is not a JSON article, so that no line is lost)."""
    records = []
    for line in lines:
        if not line.strip():
            continue
        try:
            article = json.loads(line)
            doc = extractor.extract(article["text"], reference_date=article.get("reference_date"))
            record = json.loads(doc.to_json())
            record["id"] = article.get("id")
        except (ValueError, KeyError, TypeError) as e:
            record = {"id": None, "source": line[:80], "error": f"{type(e).__name__}: {e}"}
        records.append(json.dumps(record, ensure_ascii=False))
    return records


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partitions", type=int, default=8)
    args = parser.parse_args(argv)

    extractor = vigie.Extractor()
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        lines = db.read_text(args.input, encoding="utf-8").repartition(npartitions=args.partitions)
        tagged = lines.map_partitions(tag_partition, extractor).compute()
        workers = len(client.scheduler_info()["workers"])
    with open(args.output, "w", encoding="utf-8") as out:
        for record in tagged:
            out.write(record + "\n")
    meetings = sum(len(json.loads(r).get("events", [])) for r in tagged)
    print(f"{len(tagged)} articles tagged on {workers} worker processes, {meetings} meetings → {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()

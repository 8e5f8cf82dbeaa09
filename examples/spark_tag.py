"""Tags a JSONL file of articles with PySpark, ``mapInPandas`` over a
DataFrame of articles; writes one JSON line per article (its vigie JSON).

    pip install pyspark pandas pyarrow      # and a Java runtime
    python examples/spark_tag.py examples/articles.jsonl /tmp/articles-spark

The extractor is pickled to the executors, which rebuild it once per task.
"""

import argparse
import json
import os
import sys

import pandas as pd
from pyspark.sql import SparkSession

import vigie


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    args = parser.parse_args(argv)

    # Local workers run the Python that runs this script (the one with vigie).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.appName("vigie").master("local[2]").getOrCreate()
    articles = spark.read.json(args.input).select("id", "text", "reference_date")
    extractor = vigie.Extractor()

    def tag(batches):
        for batch in batches:
            docs = extractor.extract_batch(
                batch["text"].fillna("").tolist(),
                reference_dates=[d if isinstance(d, str) else None for d in batch["reference_date"]],
                threads=1,
            )
            out = []
            for id_, doc in zip(batch["id"], docs):
                record = json.loads(doc.to_json())
                record["id"] = id_
                out.append(json.dumps(record, ensure_ascii=False))
            yield pd.DataFrame({"id": batch["id"], "vigie": out,
                                "meetings": [len(d.meetings) for d in docs]})

    tagged = articles.mapInPandas(tag, schema="id string, vigie string, meetings long")
    tagged.select("vigie").write.mode("overwrite").text(args.output)
    print(tagged.groupBy().sum("meetings").collect())
    spark.stop()


if __name__ == "__main__":
    main()

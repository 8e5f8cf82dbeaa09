#!/usr/bin/env bash
# Archive throughput of `vigie extract` in batch mode: the benchmark corpus
# split into documents (lines grouped to about 4 KB), written as JSON
# lines, tagged on 1 and 2 threads; then the same corpus repeated 10 times
# (about 500 MB) to show that peak memory does not grow with the input.
#   scripts/bench_batch.sh [FILE]   (default: ../shared/bench/eltec-fra-50mb.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-../shared/bench/eltec-fra-50mb.txt}
[ -f "$file" ] || { echo "no $file"; exit 0; }
cargo build --release --quiet
bin=$PWD/target/release/vigie
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$file" "$work/docs.jsonl" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
with open(sys.argv[2], "w", encoding="utf-8") as out:
    doc, n = [], 0
    for para in text.split("\n"):
        doc.append(para)
        if sum(map(len, doc)) >= 4000:
            n += 1
            out.write(json.dumps({"id": f"d{n}", "text": "\n".join(doc)}, ensure_ascii=False) + "\n")
            doc = []
    if doc:
        n += 1
        out.write(json.dumps({"id": f"d{n}", "text": "\n".join(doc)}, ensure_ascii=False) + "\n")
PY
for i in $(seq 10); do cat "$work/docs.jsonl"; done > "$work/docs-x10.jsonl"
docs=$(wc -l < "$work/docs.jsonl")
text_bytes=$(stat -c %s "$file")

# Median of 3 whole-process runs: "seconds peak_rss_kb".
measure() {
  local runs=()
  for i in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2>&1
    runs+=("$(cat "$work/time")")
  done
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p
}
one=$(measure taskset -c 0 "$bin" extract "$work/docs.jsonl" -o "$work/out.jsonl" --threads 1 --quiet)
two=$(measure taskset -c 0,1 "$bin" extract "$work/docs.jsonl" -o "$work/out.jsonl" --threads 2 --quiet)
big=$(measure taskset -c 0,1 "$bin" extract "$work/docs-x10.jsonl" -o "$work/out.jsonl" --threads 2 --quiet)
lines=$(wc -l < "$work/out.jsonl")
printf '| run | input | seconds | MB/s of text | peak RSS |\n|---|---|---|---|---|\n'
awk -v b="$text_bytes" -v d="$docs" -v one="$one" -v two="$two" -v big="$big" 'BEGIN {
  split(one, a, " "); split(two, c, " "); split(big, g, " ");
  printf "| 1 thread (1 core) | %d docs, %.1f MB | %.2f | %.1f | %.0f MB |\n", d, b/1e6, a[1], b/1e6/a[1], a[2]/1024;
  printf "| 2 threads (2 cores) | same | %.2f | %.1f | %.0f MB |\n", c[1], b/1e6/c[1], c[2]/1024;
  printf "| 2 threads (2 cores) | ×10: %d docs, %.0f MB | %.2f | %.1f | %.0f MB |\n", d*10, b*10/1e6, g[1], b*10/1e6/g[1], g[2]/1024;
  printf "\n2-thread speed-up: %.2f×\n", a[1]/c[1];
}'
echo "output lines of the ×10 run: $lines (expected $((docs * 10)))"

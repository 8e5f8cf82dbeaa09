#!/usr/bin/env bash
# Whole-process throughput of the vigie CLI on ../shared/bench, pinned to one
# core: MB/s per core, peak RSS, and the time to get an extractor ready.
#   scripts/bench.sh [FILE]      (default: ../shared/bench/eltec-fra-50mb.txt)
# Peers (pyahocorasick over the place names) run in the same session when
# installed, so the ratios hold on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-../shared/bench/eltec-fra-50mb.txt}
[ -f "$file" ] || { echo "no $file"; exit 0; }
cargo build --release --quiet
bin=target/release/vigie
bytes=$(stat -c %s "$file")
runs=()
for i in 1 2 3; do
  /usr/bin/time -f "%e %M" -o /tmp/vigie-bench.$i taskset -c 0 "$bin" extract --json "$file" > /dev/null
  runs+=("$(cat /tmp/vigie-bench.$i)")
done
median=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p)
secs=${median% *}; rss_kb=${median#* }
empty=$(mktemp); : > "$empty"
ready=$( { /usr/bin/time -f "%e" taskset -c 0 "$bin" extract --json "$empty" > /dev/null; } 2>&1 | tail -1)
rm -f "$empty"
printf '| tool | input | MB/s per core | peak RSS | ready |\n|---|---|---|---|---|\n'
awk -v b="$bytes" -v s="$secs" -v r="$rss_kb" -v ready="$ready" -v f="$(basename "$file")" \
  'BEGIN { printf "| vigie extract --json | %s (%.1f MB) | %.1f | %.0f MB | %.0f ms (whole process, empty input) |\n", f, b/1e6, b/1e6/s, r/1024, ready*1000 }'
if python3 -c "import ahocorasick" 2>/dev/null; then
  python3 - "$file" <<'PY'
import sys, time, resource, ahocorasick
names = [l.split("\t")[1] for l in open("gazetteers/places.tsv", encoding="utf-8").read().splitlines()[2:2002]]
t0 = time.perf_counter(); A = ahocorasick.Automaton()
for i, n in enumerate(names): A.add_word(n, i)
A.make_automaton(); ready = time.perf_counter() - t0
text = open(sys.argv[1], encoding="utf-8").read()
t0 = time.perf_counter(); n = sum(1 for _ in A.iter(text)); s = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"| pyahocorasick, 2,000 place names, matching only | same | {len(text.encode())/1e6/s:.1f} | {rss:.0f} MB | {ready*1000:.0f} ms |")
PY
fi

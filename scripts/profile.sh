#!/usr/bin/env bash
# Where the time of a whole run goes, sampled by perf on the clock (no
# hardware counters needed, so it works in a virtual machine), on a release
# build with line tables, pinned to one core. Instruction counts
# (scripts/bench_instructions.sh) do not see what this sees: the waits for
# memory. A binary search across a long document's entities cost 1.6 % of
# the run on the 50 MB book, a few hundred thousand instructions.
#   scripts/profile.sh [FILE]      (default: ../shared/bench/eltec-fra-50mb.txt)
# Then, for the lines of one function:
#   perf annotate -i target/profile/perf.data --stdio -l -s vigie::recognize::scan
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-../shared/bench/eltec-fra-50mb.txt}
command -v perf > /dev/null || { echo "perf is not installed"; exit 0; }
[ -f "$file" ] || { echo "no $file"; exit 0; }
target=target/profile
CARGO_PROFILE_RELEASE_DEBUG=line-tables-only cargo build --release --quiet --target-dir "$target"
perf record -q -e cpu-clock -F 10000 -o "$target/perf.data" taskset -c 0 "$target/release/vigie" extract --json --quiet "$file" > /dev/null
perf report -i "$target/perf.data" --no-children --stdio -g none --percent-limit 0.5 2> /dev/null | grep '%'

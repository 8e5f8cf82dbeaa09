#!/usr/bin/env bash
# Instructions per byte of text for the CLI, counted by valgrind's callgrind:
# a figure that does not move with the load of a shared machine, to compare
# two builds. The count of a run on an empty file (start-up: gazetteers,
# automata) is taken off. Then the misses of a core's L2 cache (512 KiB, as
# on this machine), simulated by cachegrind as its last level, per KB of text:
# cachegrind does not prefetch, so sequential passes count in full there
# though the hardware hides most of them (a build with 46 % fewer of these
# misses ran no faster): read it for random accesses, beside wall time.
#   scripts/bench_instructions.sh [FILE] [BYTES]   (default: 4 MB of the 50 MB book)
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-../shared/bench/eltec-fra-50mb.txt}
bytes=${2:-4000000}
command -v valgrind > /dev/null || { echo "valgrind is not installed"; exit 0; }
[ -f "$file" ] || { echo "no $file"; exit 0; }
cargo build --release --quiet
bin=target/release/vigie
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the first BYTES of the file, cut after a line break so that it stays UTF-8
head -c "$bytes" "$file" | sed '$d' > "$tmp/sample.txt"
: > "$tmp/empty.txt"
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" extract --json --quiet "$1" 2>&1 > /dev/null | awk '/Collected/ { print $4 }'
}
sample=$(count "$tmp/sample.txt")
empty=$(count "$tmp/empty.txt")
size=$(stat -c %s "$tmp/sample.txt")
l2() {
  valgrind --tool=cachegrind --cache-sim=yes --LL=524288,8,64 --cachegrind-out-file=/dev/null "$bin" extract --json --quiet "$1" 2>&1 > /dev/null | awk '/LL misses/ { gsub(",", "", $4); print $4 }'
}
l2_sample=$(l2 "$tmp/sample.txt")
l2_empty=$(l2 "$tmp/empty.txt")
awk -v s="$sample" -v e="$empty" -v b="$size" -v ls="$l2_sample" -v le="$l2_empty" 'BEGIN {
  printf "| input | instructions | start-up | per byte of text | L2 misses per KB of text |\n|---|---|---|---|---|\n"
  printf "| %.1f MB | %.0f M | %.0f M | %.1f | %.0f |\n", b / 1e6, s / 1e6, e / 1e6, (s - e) / b, (ls - le) / (b / 1000) }'

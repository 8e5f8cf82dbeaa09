#!/usr/bin/env bash
# Instructions per byte of text for the CLI, counted by valgrind's callgrind:
# a figure that does not move with the load of a shared machine, to compare
# two builds. The count of a run on an empty file (start-up: gazetteers,
# automata) is taken off.
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
awk -v s="$sample" -v e="$empty" -v b="$size" 'BEGIN {
  printf "| input | instructions | start-up | per byte of text |\n|---|---|---|---|\n"
  printf "| %.1f MB | %.0f M | %.0f M | %.1f |\n", b / 1e6, s / 1e6, e / 1e6, (s - e) / b }'

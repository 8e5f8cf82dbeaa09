#!/usr/bin/env bash
# Whole-process throughput of two builds on a shared machine: the build of a
# git revision and this tree's, alternated round by round in a random order
# (each round a median of RUNS runs pinned to one core, as scripts/bench.sh
# measures), so that both see the same load. The same binary runs from 40 to
# 65 MB/s within an hour here, so what compares two builds is the ratio of
# their times within each round, whose median this prints beside the
# throughputs. Even that ratio scatters: on the first 12 MB of the book, one
# run each, its standard deviation was 12 % from round to round, and the
# median of 80 rounds (under two minutes) lay within 3 % either way of its
# value (95 % of bootstrap resamples). A difference of a few per cent between
# two builds needs hundreds of rounds to show. Each binary is copied afresh
# before its runs, so that where one file's pages happen to lie in memory
# (and so in the caches, which physical addresses index) cannot favour it
# round after round: two copies of one binary, run from their own files in
# random order, were 6 % apart in median over 25 rounds, the same one faster
# in 17.
#   scripts/bench_compare.sh REV [ROUNDS] [FILE] [RUNS]
#   (defaults: 20 rounds of 3 runs on the 50 MB book; for a quick answer:
#    head -c 12000000 BOOK | sed '$d' > /tmp/s12.txt; scripts/bench_compare.sh REV 80 /tmp/s12.txt 1)
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: scripts/bench_compare.sh REV [ROUNDS] [FILE] [RUNS]}
rounds=${2:-20}
file=${3:-../shared/bench/eltec-fra-50mb.txt}
runs=${4:-3}
[ -f "$file" ] || { echo "no $file"; exit 0; }
cargo build --release --quiet
work=$(mktemp -d)
trap 'git worktree remove --force "$work/tree" > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --quiet --detach "$work/tree" "$rev"
(cd "$work/tree" && cargo build --release --quiet --bin vigie --target-dir "$work/target")
cp "$work/target/release/vigie" "$work/base"
cp target/release/vigie "$work/head"
bytes=$(stat -c %s "$file")
# MB/s of the median of $runs runs of a fresh copy of binary $1
round() {
  local times=() s e
  rm -f "$work/run"
  cp "$1" "$work/run"
  for _ in $(seq "$runs"); do
    s=$(date +%s%N)
    taskset -c 0 "$work/run" extract --json --quiet "$file" > /dev/null
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p" | awk -v b="$bytes" '{ printf "%.1f", b / $1 }'
}
for k in $(seq "$rounds"); do
  if (( RANDOM % 2 )); then
    b=$(round "$work/base"); h=$(round "$work/head")
  else
    h=$(round "$work/head"); b=$(round "$work/base")
  fi
  echo "$b $h"
done | awk -v rev="$rev" '
  { base[NR] = $1; head[NR] = $2; ratio[NR] = $1 / $2; if ($2 > $1) wins++; if ($1 >= 50) b50++; if ($2 >= 50) h50++ }
  function median(a, n,   i, j, t, c) {
    for (i = 1; i <= n; i++) c[i] = a[i]
    for (i = 2; i <= n; i++) for (j = i; j > 1 && c[j - 1] > c[j]; j--) { t = c[j]; c[j] = c[j - 1]; c[j - 1] = t }
    return n % 2 ? c[(n + 1) / 2] : (c[n / 2] + c[n / 2 + 1]) / 2
  }
  function low(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] < m) m = a[i]; return m }
  function high(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }
  END {
    printf "| build | median MB/s per core | range | rounds at 50 or more |\n|---|---|---|---|\n"
    printf "| %s | %.1f | %.1f–%.1f | %d of %d |\n", rev, median(base, NR), low(base, NR), high(base, NR), b50, NR
    printf "| this tree | %.1f | %.1f–%.1f | %d of %d |\n", median(head, NR), low(head, NR), high(head, NR), h50, NR
    printf "this tree faster in %d rounds of %d; median ratio of its time to %s'"'"'s within a round: %.3f\n", wins, NR, rev, median(ratio, NR)
  }'

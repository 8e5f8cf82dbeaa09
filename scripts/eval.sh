#!/usr/bin/env bash
# Scores a release build on the evaluation sets in ../shared/eval (when present).
#   scripts/eval.sh            all sets
#   scripts/eval.sh dev|winer|timebank|duckling
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=../shared/eval
[ -d "$eval_dir" ] || { echo "no $eval_dir: nothing to score"; exit 0; }
cargo build --release --quiet
bin=target/release/vigie
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
what=${1:-all}
if [ "$what" = all ] || [ "$what" = dev ]; then
  python3 - "$eval_dir/dev" > "$tmp/dev.in.jsonl" <<'PY'
import json, sys, pathlib
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.gold.json")):
    g = json.loads(p.read_text(encoding="utf-8"))
    print(json.dumps({"id": g["id"], "text": (p.parent / g["text_file"]).read_text(encoding="utf-8")}, ensure_ascii=False))
PY
  "$bin" extract --jsonl --quiet < "$tmp/dev.in.jsonl" > "$tmp/dev.out.jsonl"
  echo "## dev (seed article and annotated news)"
  python3 "$eval_dir/score.py" "$eval_dir/dev" "$tmp/dev.out.jsonl" | cut -c1-3000
fi
for set in winer timebank; do
  if [ "$what" = all ] || [ "$what" = "$set" ]; then
    "$bin" extract --jsonl --quiet < "$eval_dir/$set-dev.jsonl" > "$tmp/$set.out.jsonl"
    echo "## $set-dev"
    python3 "$eval_dir/score.py" "$eval_dir/$set-dev.jsonl" "$tmp/$set.out.jsonl" | cut -c1-3000
  fi
done
if [ "$what" = all ] || [ "$what" = duckling ]; then
  "$bin" extract --jsonl --quiet < "$eval_dir/duckling-fr-dev.jsonl" > "$tmp/duckling.out.jsonl"
  echo "## duckling-fr-dev"
  python3 "$eval_dir/dates.py" "$eval_dir/duckling-fr-dev.jsonl" "$tmp/duckling.out.jsonl"
fi

#!/usr/bin/env bash
# Runs every test of vigie on a fresh machine: the Rust unit, integration and
# documentation tests (cargo fetches the crates it needs).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release --all-targets
cargo test --release --doc

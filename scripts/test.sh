#!/usr/bin/env bash
# Runs every test of vigie on a fresh machine: the Rust unit, integration and
# documentation tests, then the Python package: it builds the wheel with
# maturin in a fresh virtual environment (target/venv-test, with everything
# python/requirements-test.txt lists), installs it, checks the type stubs
# against it, and runs pytest (corpus, API, display, batches, the notebook and
# the Dask example) against the installed wheel.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release --all-targets
cargo test --release --doc

PYTHON=${PYTHON:-python3}
VENV=target/venv-test
rm -rf "$VENV" target/wheels
"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet -r python/requirements-test.txt
"$VENV/bin/maturin" build --release --quiet -m python/Cargo.toml -o target/wheels
"$VENV/bin/python" -m pip install --quiet --force-reinstall --no-deps target/wheels/vigie-*.whl
# From a folder without the sources, so that only the installed wheel is seen.
(cd target && "venv-test/bin/python" -m mypy.stubtest vigie)
"$VENV/bin/python" -m pytest -q -p no:cacheprovider python/tests
"$VENV/bin/python" -m pytest -q -p no:cacheprovider --doctest-modules --pyargs vigie

#!/usr/bin/env bash
# Set up .venv and start the web chat on http://127.0.0.1:7860 (the built-in sample
# disclosure is loaded when nothing else was ingested). Extra arguments go to
# `budgetqa serve` (e.g. --port 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
. .venv/bin/activate
python -m pip install -q --upgrade pip
python -m pip install -q -e .
exec budgetqa serve "$@"

#!/usr/bin/env bash
# Set up everything the tests need on a fresh machine and run the whole test suite.
#   - Debian packages: chromium (browser tests), CJK fonts (PDF tests, screenshots)
#   - .venv with the project, its test extras and the optional sentence-transformers
#     backend (CPU torch pinned: an unpinned torch pulls a multi-GB CUDA build)
# Extra arguments go to pytest (e.g. `bash scripts/test.sh -k tables`).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  if [ ! -x /usr/bin/chromium ] || [ ! -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk fonts-wqy-zenhei >/dev/null
  fi
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
. .venv/bin/activate
python -m pip install -q --upgrade pip
python -m pip install -q "torch==2.13.0"
python -m pip install -q -e '.[test,st]'

# The known-answer eval on the sample, with the LlamaIndex baseline beside it; exits 1 below the floors.
if [ "$#" = 0 ]; then
  eval_home="$(mktemp -d)"
  budgetqa ingest ingest/sample/*.txt --home "$eval_home" >/dev/null
  budgetqa eval eval/sample_set.jsonl --check-floors --home "$eval_home"
  rm -rf "$eval_home"
  # The real-document development set (50 documents of other departments): overall ≥ 95 %,
  # citations ≥ 98 %, refusals ≥ 95 %.
  dev_home="$(mktemp -d)"
  budgetqa ingest tests/fixtures/dev_corpus/texts/*.txt tests/fixtures/real_pdf/*.pdf --jobs 2 --home "$dev_home" >/dev/null
  budgetqa eval eval/dev_set.jsonl --no-baseline --check-floors --overall-floor 0.95 --home "$dev_home"
  rm -rf "$dev_home"
fi

set +e
python -m pytest -q "$@"
status=$?
set -e
if [ "$status" = 5 ]; then
  echo "pytest collected no tests" >&2
  exit 1
fi
exit "$status"

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

# The project is installed editable, so code changes need no reinstall; only pyproject.toml
# (dependencies, entry points) does. pip costs seconds and pages of warnings even when there
# is nothing to do, so it runs only when pyproject.toml differs from the last installed one.
stamp=.venv/budgetqa-pyproject.sha256
wanted="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$wanted" ]; then
  echo "正在安装依赖（首次启动或 pyproject.toml 有变化，约需一两分钟）……"
  log=.venv/pip-install.log
  if ! { python -m pip install -q --disable-pip-version-check --upgrade pip \
         && python -m pip install -q --disable-pip-version-check -e .; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "安装失败，详见上面的 pip 输出（也保存在 $log）。" >&2
    exit 1
  fi
  echo "$wanted" >"$stamp"
fi
exec budgetqa serve "$@"

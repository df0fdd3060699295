#!/usr/bin/env bash
# Executes every notebook in notebooks/ (Debian's Jupyter, the tslab kernel) and checks it with
# scripts/notebooks.py: no cell errors or writes to stderr, every chart carries a PNG beside its
# SVG, and the notebook exported to HTML still shows its charts. The stored notebooks are not
# modified.
#
# Usage: npm run notebooks   (builds copsim first; set up the kernel once with
#        scripts/setup-notebooks.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=/usr/bin/python3

kernels=$("$PYTHON" -m jupyter_client.kernelspecapp list 2>/dev/null || true)
if ! grep -q '^ *tslab ' <<<"$kernels"; then
  echo "The tslab kernel is not registered with Jupyter; run scripts/setup-notebooks.sh first." >&2
  exit 1
fi
# The notebooks import 'copsim' through this link (see scripts/setup-notebooks.sh).
mkdir -p notebooks/node_modules
ln -sfn ../.. notebooks/node_modules/copsim

shopt -s nullglob
notebooks=(notebooks/*.ipynb)
if [ ${#notebooks[@]} -eq 0 ]; then
  echo "No notebooks found in notebooks/." >&2
  exit 1
fi

# Debugger warnings of ipykernel's frozen-module check are noise here.
export PYDEVD_DISABLE_FILE_VALIDATION=1
exec "$PYTHON" scripts/notebooks.py "${notebooks[@]}"

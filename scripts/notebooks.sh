#!/usr/bin/env bash
# Executes every notebook in notebooks/ with `jupyter execute` (Debian's Jupyter, the tslab
# kernel) and fails on the first cell that errors. The stored notebooks are not modified:
# `jupyter execute` runs them without writing their outputs back.
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
log=$(mktemp)
trap 'rm -f "$log"' EXIT
failed=0
for nb in "${notebooks[@]}"; do
  start=$(date +%s)
  if "$PYTHON" -m jupyter execute --kernel_name=tslab --timeout=300 "$nb" 2>"$log"; then
    echo "ok      $nb ($(($(date +%s) - start)) s)"
  else
    echo "FAILED  $nb ($(($(date +%s) - start)) s)" >&2
    # The failing cell and its error, without the Python traceback that leads to it.
    if grep -q 'CellExecutionError:' "$log"; then sed -n '/CellExecutionError:/,$p' "$log" >&2; else cat "$log" >&2; fi
    # tslab reports compile errors on the cell's stderr, which the error above leaves out.
    "$PYTHON" - "$nb" >&2 <<'PY' || true
import os, sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
cwd = {"metadata": {"path": os.path.dirname(sys.argv[1])}}
NotebookClient(nb, kernel_name="tslab", timeout=300, allow_errors=True, resources=cwd).execute()
for i, cell in enumerate(nb.cells):
    for out in cell.get("outputs", []):
        if out.get("name") == "stderr" or out.get("output_type") == "error":
            print(f"cell {i}: " + (out.get("text") or f"{out.get('ename')}: {out.get('evalue')}"))
PY
    failed=1
  fi
done
exit "$failed"

"""Executes notebooks with the tslab kernel and checks what they show (scripts/notebooks.sh).

For each notebook given: every cell runs without an error and writes nothing to stderr; every
chart (an output with an SVG) also carries a PNG and an HTML <img> of it; and the notebook
exported to HTML by this system's nbconvert still shows every chart as an image (Debian's
nbconvert 6.5 empties inline SVG, jupyter/nbconvert#1849). The stored notebooks are not
modified. Prints one line per notebook; exits 1 if any failed.

Usage: python3 scripts/notebooks.py notebooks/01-quickstart.ipynb [...]
"""

import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter


def problems_of(path):
    """Executes the notebook at `path`; returns (problems, number of charts)."""
    nb = nbformat.read(path, as_version=4)
    resources = {"metadata": {"path": os.path.dirname(os.path.abspath(path))}}
    NotebookClient(nb, kernel_name="tslab", timeout=300, allow_errors=True, resources=resources).execute()
    problems = []
    charts = 0
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            kind = out.get("output_type")
            if kind == "error":
                problems.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}")
            elif kind == "stream" and out.get("name") == "stderr":
                problems.append(f"cell {i}: stderr: {out.get('text', '').strip()}")
            data = out.get("data", {})
            if "image/svg+xml" in data:
                charts += 1
                missing = [t for t in ("image/png", "text/html") if t not in data]
                if missing:
                    problems.append(f"cell {i}: a chart without {' and '.join(missing)} (show it with showChart)")
    html, _ = HTMLExporter().from_notebook_node(nb)
    images = html.count('<img src="data:image/png;base64,')
    if images < charts:
        problems.append(f"exported to HTML, {images} of {charts} charts are images")
    return problems, charts


def main(paths):
    failed = False
    for path in paths:
        start = time.monotonic()
        problems, charts = problems_of(path)
        took = f"{time.monotonic() - start:.0f} s, {charts} chart{'' if charts == 1 else 's'}"
        if problems:
            failed = True
            print(f"FAILED  {path} ({took})", file=sys.stderr)
            for problem in problems:
                print(f"  {problem}", file=sys.stderr)
        else:
            print(f"ok      {path} ({took})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env bash
# Sets up the TypeScript notebooks: installs the tslab kernel outside the clone (so copsim's own
# dependencies stay free of install scripts, and deleting a clone does not break the kernel),
# registers it with Debian's Jupyter for the current user, and links the project into
# notebooks/node_modules, so the notebooks import 'copsim' exactly as a project that installed
# it from npm would. Every clone shares the one kernel: it loads copsim from the notebook's own
# folder.
#
# tslab goes to $COPSIM_TOOLS/tslab-VERSION (default ~/.cache/copsim/tslab-VERSION).
#
# Needs Debian's Jupyter first:  sudo apt install jupyter-notebook python3-ipykernel jupyter-nbconvert fonts-dejavu-core
# Run from anywhere:             scripts/setup-notebooks.sh
# Runs without prompts; the kernel is registered for you only (root included), never system-wide.
set -euo pipefail
cd "$(dirname "$0")/.."

TSLAB_VERSION=1.0.22
PYTHON=/usr/bin/python3
tools="${COPSIM_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/copsim}/tslab-$TSLAB_VERSION"

if ! "$PYTHON" -c 'import notebook, nbclient, nbconvert, jupyter_client, ipykernel' 2>/dev/null; then
  echo "Jupyter is missing from $PYTHON. Install Debian's packages first:" >&2
  echo "  sudo apt install jupyter-notebook python3-ipykernel jupyter-nbconvert fonts-dejavu-core" >&2
  exit 1
fi

# zeromq, tslab's messaging library, ships prebuilt binaries for Linux, macOS and Windows; its
# install script only checks them (or compiles from source), so it is not run.
mkdir -p "$tools"
npm install --prefix "$tools" --ignore-scripts --no-audit --no-fund --loglevel=error \
  "tslab@$TSLAB_VERSION" >/dev/null
if ! (cd "$tools" && node -e 'require("zeromq")') 2>/dev/null; then
  echo "tslab's zeromq has no prebuilt binary for $(node -p 'process.platform + "-" + process.arch')." >&2
  exit 1
fi

"$tools/node_modules/.bin/tslab" install --user --python="$PYTHON" --binary="$tools/node_modules/.bin/tslab" >/dev/null

mkdir -p notebooks/node_modules
ln -sfn ../.. notebooks/node_modules/copsim

echo "tslab $TSLAB_VERSION registered with Jupyter for $(id -un) (kernel 'tslab', shown as TypeScript), from $tools."
[ -f dist/index.js ] || echo "Build copsim before opening the notebooks: npm run build"
echo "Open the notebooks with: jupyter notebook notebooks/"

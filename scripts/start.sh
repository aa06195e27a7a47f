#!/usr/bin/env bash
# The main job: install, make the bundled corpus if missing, ingest it, build the site and serve it.
#   bash scripts/start.sh            (PORT=4173 HOST=127.0.0.1 by default)
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*" >&2; }

log "Installing dependencies (npm ci)"
npm ci --no-audit --no-fund --loglevel=warn

if npm run --loglevel=notice | grep -q '^  corpus$'; then
	log "Synthetic demo corpus (generated only when missing)"
	npm run --silent corpus
fi

log "Blank form for download"
npm run --silent form

log "Ingesting data/pdfs → static/data"
# Exit 1 means some input files were rejected (the demo corpus has a few broken files on purpose):
# the dataset was still written and the ingest log says which files and why.
set +e
npm run --silent ingest
status=$?
set -e
if [ "$status" -eq 1 ]; then
	echo "Some files were rejected; see the ingest log on the Data page." >&2
elif [ "$status" -ne 0 ]; then
	echo "Ingest failed (exit $status)" >&2
	exit "$status"
fi

log "Building the dashboard"
npm run --silent build

log "Serving build/ (precompressed, cached; scripts/serve.js)"
exec node scripts/serve.js --dir build --host "${HOST:-127.0.0.1}" --port "${PORT:-4173}"

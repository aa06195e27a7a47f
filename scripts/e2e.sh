#!/usr/bin/env bash
# End-to-end tests against the built site, in Debian Chromium (see tests/e2e/).
# Makes sure the data and the blank form exist, builds, serves the build with `vite preview` on
# a free port, runs the e2e tests, and always stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f static/data/programmes.parquet ]; then
	echo "e2e: static/data is missing; running the ingest on data/pdfs" >&2
	# Exit code 1 means some inputs were rejected but the dataset was written.
	npm run ingest || [ $? -eq 1 ]
fi
npm run form
npm run build

PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
node node_modules/vite/bin/vite.js preview --port "$PORT" --strictPort --host 127.0.0.1 >/tmp/kotokartta-e2e-preview.log 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT

for _ in $(seq 1 60); do
	if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/"; then break; fi
	sleep 0.5
done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" || { echo "e2e: the preview server did not start" >&2; cat /tmp/kotokartta-e2e-preview.log >&2; exit 1; }

KK_BASE_URL="http://127.0.0.1:$PORT" npx vitest run --config vitest.e2e.config.ts "$@"

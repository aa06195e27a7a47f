#!/usr/bin/env bash
# End-to-end tests against the built site, in Debian Chromium (see tests/e2e/).
# Makes sure the data and the blank form exist, builds, serves the build with `vite preview` on
# a free port, runs the e2e tests, and always stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."

# tests/e2e/xss.test.ts needs a hostile form (answers holding <script>, <img onerror>, javascript:
# links) ingested together with the bundled data; it is written outside data/pdfs (gitignored).
hostile=tests/fixtures/out/hostile-form.pdf
npx tsx tests/fixtures/hostile-form.ts "$hostile"

if [ ! -f static/data/programmes.parquet ] || ! npx tsx tests/fixtures/hostile-form.ts --check static/data; then
	echo "e2e: running the ingest on data/pdfs and the hostile test form" >&2
	# Exit code 1 means some inputs were rejected but the dataset was written.
	npm run ingest -- data/pdfs "$hostile" || [ $? -eq 1 ]
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

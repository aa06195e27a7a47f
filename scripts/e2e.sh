#!/usr/bin/env bash
# End-to-end tests against the built site, in Debian Chromium (see tests/e2e/).
# Makes sure the data and the blank form exist, builds, serves the build with the production
# server (scripts/serve.js: precompressed files, cache headers) on a free port, runs the e2e
# tests (arguments are passed to vitest), and always stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."

# The synthetic demo corpus (gitignored) gives every page data to show; generated only when missing.
if npm run --loglevel=notice | grep -q '^  corpus$'; then
	npm run --silent corpus
fi

# tests/e2e/xss.test.ts needs a hostile form (answers holding <script>, <img onerror>, javascript:
# links) ingested together with the bundled data; it is written outside data/pdfs (gitignored).
hostile=tests/fixtures/out/hostile-form.pdf
npx tsx tests/fixtures/hostile-form.ts "$hostile"

# Ingest when there is no dataset, or when inputs or the code that reads them (or writes the summary tables) are newer than it
# (the tests compare the pages with Node queries over the same files, so any data will do, but
# stale files would test yesterday's ingest).
manifest=static/data/manifest.json
if [ ! -f "$manifest" ] || [ -n "$(find data/pdfs data/reference ingest src/lib/programme src/lib/dataset src/lib/db/summaries.ts tests/fixtures/word-processor -type f -newer "$manifest" -print -quit 2>/dev/null)" ] ||
	! npx tsx tests/fixtures/hostile-form.ts --check static/data; then
	echo "e2e: (re)ingesting data/pdfs and the hostile test form → static/data" >&2
	# Exit code 1 means some inputs were rejected (the corpus has broken files on purpose); the dataset was written.
	npm run --silent ingest -- data/pdfs "$hostile" tests/fixtures/word-processor/no-municipality.pdf || [ $? -eq 1 ]
fi
npm run --silent form
npm run build

PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
LOG=$(mktemp -t kotokartta-e2e-serve.XXXXXX)
node scripts/serve.js --dir build --port "$PORT" --host 127.0.0.1 >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; rm -f "$LOG"' EXIT

for _ in $(seq 1 60); do
	if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; then break; fi
	sleep 0.5
done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" || { echo "e2e: the server (scripts/serve.js) did not start" >&2; cat "$LOG" >&2; exit 1; }

KK_BASE_URL="http://127.0.0.1:$PORT" npx vitest run --config vitest.e2e.config.ts "$@"

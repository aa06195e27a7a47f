#!/usr/bin/env bash
# Every test: unit and integration in Node (vitest), then end-to-end against the built site.
set -euo pipefail
cd "$(dirname "$0")/.."
npx vitest run
if [ -d tests/e2e ]; then
	bash scripts/e2e.sh
fi

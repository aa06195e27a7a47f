#!/usr/bin/env bash
# Every test: unit and integration in Node (vitest), then end-to-end against the built site in Chromium.
# Installs the system packages the tests need when they are missing (Debian, as root): chromium for the
# browser tests, qpdf (encrypted-PDF fixtures), poppler-utils (pdftotext/pdftoppm checks, OCR page images),
# tesseract-ocr with Finnish and Swedish (OCR of scanned programmes), Voikko
# (libvoikko1 voikko-fi python3-libvoikko: the gazetteer's Finnish case forms are checked against it).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v qpdf >/dev/null || missing+=(qpdf)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v tesseract >/dev/null || missing+=(tesseract-ocr)
{ command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx fin; } || missing+=(tesseract-ocr-fin)
{ command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx swe; } || missing+=(tesseract-ocr-swe)
/usr/bin/python3 -c 'import libvoikko; libvoikko.Voikko("fi")' 2>/dev/null || missing+=(libvoikko1 voikko-fi python3-libvoikko)
if [ ${#missing[@]} -gt 0 ]; then
	echo "Installing ${missing[*]} (apt-get)" >&2
	apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2
fi
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=warn

npx vitest run
if [ -d tests/e2e ]; then
	bash scripts/e2e.sh
fi

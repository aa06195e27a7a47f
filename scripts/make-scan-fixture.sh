#!/usr/bin/env bash
# A scanned copy of Aura's real programme for the OCR tests: pages 1–6 (header, sections 1–2)
# rendered at 150 dpi in grey, turned slightly (as a sheet fed at an angle), speckled with noise,
# saved as JPEG as scanners do, and wrapped into a PDF of page images with no text layer.
# Needs poppler-utils, imagemagick and img2pdf. Output: tests/fixtures/documents/aura-scan.pdf
set -euo pipefail
cd "$(dirname "$0")/.."
src=data/pdfs/aura-2024-11-18.pdf
out=tests/fixtures/documents/aura-scan.pdf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pdftoppm -r 150 -gray -f 1 -l 6 "$src" "$tmp/page"
angles=(0.6 -0.4 0.8 -0.7 0.5 -0.3)
i=0
for f in "$tmp"/page-*.pgm; do
	convert "$f" -seed $((i + 11)) -background white -rotate "${angles[$i]}" -gravity center -extent 1240x1754 \
		-attenuate 0.35 +noise Gaussian -blur 0x0.4 -quality 80 "${f%.pgm}.jpg"
	i=$((i + 1))
done
img2pdf --pagesize A4 --creationdate 2024-11-20 --moddate 2024-11-20 -o "$out" "$tmp"/page-*.jpg
echo "wrote $out ($(stat -c %s "$out") bytes, $i pages)"

/**
 * pdf.js for Node: the legacy build and its standard fonts, and OCR for scanned pages
 * (ingest/ocr.ts), as extractProgramme's deps. Settings from the environment:
 * KOTOKARTTA_OCR=off (no OCR), KOTOKARTTA_OCR_MAX_PAGES (page cap per document, default 60),
 * KOTOKARTTA_OCR_PAGE_SECONDS (time limit per page, default 60), KOTOKARTTA_OCR_DPI (default 200).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ExtractDeps } from '../src/lib/programme/extract';
import { listImagePages, tesseractOcr } from './ocr';

let cached: Promise<ExtractDeps> | null = null;

function envNumber(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number (got "${raw}")`);
	return n;
}

/** `ocrTurn`: see TesseractOptions.turn (the ingest's readers pass one; the first call's is kept). */
export function nodeExtractDeps(ocrTurn?: () => Promise<void>): Promise<ExtractDeps> {
	cached ??= (async () => {
		const nativePush = Array.prototype.push;
		const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
		// The legacy build's core-js swaps Array.prototype.push, process-wide, for a JavaScript
		// version (for a V8 quirk with read-only array lengths that neither pdf.js nor we meet):
		// every push in the reader, pdf.js's own and the enrichment's, then costs about twice as
		// much (a 10 MB field is parsed char by char with push). Put the native one back.
		if (Array.prototype.push !== nativePush) Array.prototype.push = nativePush;
		const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
		// pdf.js in Node reads this as a file path; it must end with a separator.
		const standardFontDataUrl = join(dirname(pkg), 'standard_fonts') + '/';
		const ocrOff = process.env.KOTOKARTTA_OCR === 'off';
		return {
			pdfjs,
			standardFontDataUrl,
			ocr: ocrOff ? undefined : tesseractOcr({ dpi: envNumber('KOTOKARTTA_OCR_DPI', 200), pageSeconds: envNumber('KOTOKARTTA_OCR_PAGE_SECONDS', 60), turn: ocrTurn }),
			imagePages: ocrOff ? undefined : (bytes: Uint8Array) => listImagePages(bytes),
			ocrMaxPages: envNumber('KOTOKARTTA_OCR_MAX_PAGES', 60)
		};
	})();
	return cached;
}

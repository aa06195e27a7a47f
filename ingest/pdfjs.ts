/**
 * pdf.js for Node: the legacy build and its standard fonts, and OCR for scanned pages
 * (ingest/ocr.ts), as extractProgramme's deps. Settings from the environment:
 * KOTOKARTTA_OCR=off (no OCR), KOTOKARTTA_OCR_MAX_PAGES (page cap per document, default 60),
 * KOTOKARTTA_OCR_PAGE_SECONDS (time limit per page, default 60), KOTOKARTTA_OCR_DPI (default 200).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ExtractDeps } from '../src/lib/programme/extract';
import { tesseractOcr } from './ocr';

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
		const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
		const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
		// pdf.js in Node reads this as a file path; it must end with a separator.
		const standardFontDataUrl = join(dirname(pkg), 'standard_fonts') + '/';
		const ocrOff = process.env.KOTOKARTTA_OCR === 'off';
		return {
			pdfjs,
			standardFontDataUrl,
			ocr: ocrOff ? undefined : tesseractOcr({ dpi: envNumber('KOTOKARTTA_OCR_DPI', 200), pageSeconds: envNumber('KOTOKARTTA_OCR_PAGE_SECONDS', 60), turn: ocrTurn }),
			ocrMaxPages: envNumber('KOTOKARTTA_OCR_MAX_PAGES', 60)
		};
	})();
	return cached;
}

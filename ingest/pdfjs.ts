/** pdf.js for Node: the legacy build and its standard fonts, as extractProgramme's deps. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ExtractDeps } from '../src/lib/programme/extract';

let cached: Promise<ExtractDeps> | null = null;

export function nodeExtractDeps(): Promise<ExtractDeps> {
	cached ??= (async () => {
		const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
		const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
		// pdf.js in Node reads this as a file path; it must end with a separator.
		const standardFontDataUrl = join(dirname(pkg), 'standard_fonts') + '/';
		return { pdfjs, standardFontDataUrl };
	})();
	return cached;
}

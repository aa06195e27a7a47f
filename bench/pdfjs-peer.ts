/**
 * The ingest benchmark's pdf.js peer: one Node process that reads every given PDF with pdf.js
 * (the legacy build, as the ingest uses) — its form fields and every page's text — and nothing
 * else. Run as `tsx bench/pdfjs-peer.ts FILE…`; prints the number of pages read to stdout.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const standardFontDataUrl = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
let pages = 0;
for (const file of process.argv.slice(2)) {
	const task = pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), standardFontDataUrl, verbosity: 0 });
	try {
		const doc = await task.promise;
		await doc.getFieldObjects();
		for (let p = 1; p <= doc.numPages; p++) {
			const page = await doc.getPage(p);
			await page.getTextContent();
			page.cleanup();
			pages++;
		}
	} catch {
		// a file pdf.js cannot read costs what it cost; the peer only reads
	} finally {
		await task.destroy();
	}
}
process.stdout.write(`${pages}\n`);

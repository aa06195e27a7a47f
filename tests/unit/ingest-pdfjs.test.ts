/**
 * pdf.js for Node (ingest/pdfjs.ts): the legacy build's core-js replaces Array.prototype.push
 * process-wide with a slower JavaScript version; the ingest puts the native one back, and
 * pdf.js still reads a programme with it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeExtractDeps } from '../../ingest/pdfjs';
import { extractProgramme } from '../../src/lib/programme/extract';
import { AURA_FIXTURE } from '../helpers/programme-pdfs';

// Captured before pdf.js is first loaded (ingest/pdfjs.ts imports it on first use).
const nativePush = Array.prototype.push;

describe('pdf.js in the ingest', () => {
	it('leaves the native Array.prototype.push in place, and reads Aura with it', async () => {
		const deps = await nodeExtractDeps();
		// (core-js dresses its own push up as "[native code]": compare the function itself.)
		expect(Array.prototype.push).toBe(nativePush);
		const p = await extractProgramme(new Uint8Array(readFileSync(AURA_FIXTURE)), deps);
		expect(p.answers.length).toBeGreaterThan(30);
	});
});

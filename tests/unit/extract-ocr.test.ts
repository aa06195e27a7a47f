/**
 * Scanned programmes read by OCR (tesseract fin+swe through ingest/ocr.ts): a scan of Aura's
 * real programme (tests/fixtures/documents/aura-scan.pdf, made by scripts/make-scan-fixture.sh:
 * 150 dpi grey JPEG page images, turned 0.3–0.8°, with noise, no text layer) compared with the
 * born-digital original; a mixed document (text pages and scanned pages); OCR absent.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listImagePages, parseTesseractTsv, tesseractOcr } from '../../ingest/ocr';
import { nodeExtractDeps } from '../../ingest/pdfjs';
import { extractProgramme, type ExtractDeps } from '../../src/lib/programme/extract';
import { ocrTextPage } from '../../src/lib/programme/ocr';
import { readingAccount } from '../../src/lib/programme/account';
import type { Programme } from '../../src/lib/programme/types';
import { AURA_FIXTURE, ROOT, renderTestForm } from '../helpers/programme-pdfs';
import { wordOverlap as overlap } from '../helpers/word-overlap';

const SCAN = join(ROOT, 'tests/fixtures/documents/aura-scan.pdf');
/** The scan holds pages 1–6 of the original: the header and sections 1 and 2. */
const SCANNED_KEYS = ['header.municipalities', 'header.coordinator', 'header.contact', 'header.partners', 'header.updated', 'header.process', 'header.approval', 's1.a', 's1.b1', 's1.b2', 's1.c', 's2.a', 's2.b1', 's2.b2', 's2.c'];

let deps: ExtractDeps;
let original: Programme;
let scan: Programme;

beforeAll(async () => {
	deps = await nodeExtractDeps();
	original = await extractProgramme(new Uint8Array(readFileSync(AURA_FIXTURE)), deps);
	scan = await extractProgramme(new Uint8Array(readFileSync(SCAN)), { ...deps, ocr: tesseractOcr({ log: null }) });
}, 240_000);

describe('a scanned copy of Aura’s programme', () => {
	it('is a scan read by OCR, page by page, with confidence and language per page', () => {
		expect(scan.inputKind).toBe('scan');
		expect(scan.ocr).toBeDefined();
		expect(scan.ocr!.pages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5, 6]);
		for (const p of scan.ocr!.pages) {
			expect(p.language).toBe('fi');
			expect(p.confidence).toBeGreaterThan(0.8);
			expect(p.words).toBeGreaterThan(30);
		}
		expect(scan.ocr!.meanConfidence).toBeGreaterThan(0.85);
		expect(scan.ocr!.skipped).toEqual([]);
		expect(scan.warnings.find((w) => w.code === 'ocr')?.message).toMatch(/^Read by OCR: 6 page\(s\).*mean confidence 0\.\d\d; check the text against the PDF\.$/);
	});

	it('finds every part the pages hold, each at ≥ 0.9 word overlap with the born-digital original', () => {
		const byKey = new Map(scan.answers.map((a) => [a.key, a]));
		const scores: Record<string, number> = {};
		for (const key of SCANNED_KEYS) {
			const a = byKey.get(key);
			expect(a, key).toBeDefined();
			const o = original.answers.find((x) => x.key === key)!;
			scores[key] = overlap(o.text, a!.text);
			expect(a!.status, key).toBe(o.status);
		}
		console.log('word overlap with the original:', Object.entries(scores).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', '));
		for (const [key, score] of Object.entries(scores)) expect(score, `${key}: ${score.toFixed(3)}`).toBeGreaterThanOrEqual(0.9);
		// The scan has no sections 3–7: those parts are missing, not invented.
		expect(scan.answers.filter((a) => !SCANNED_KEYS.includes(a.key))).toEqual([]);
	});

	it('finds the municipality and the updated date', () => {
		expect(scan.answers.find((a) => a.key === 'header.municipalities')?.text).toBe('Auran kunta');
		expect(scan.answers.find((a) => a.key === 'header.updated')?.text).toBe('18.11.2024');
	});

	it('marks every answer as read by OCR, with its page and box', () => {
		for (const a of scan.answers) {
			expect(a.ocr, a.key).toBe(true);
			expect(a.source.page, a.key).toBeGreaterThanOrEqual(1);
		}
		for (const a of scan.answers.filter((x) => x.status === 'filled')) expect(a.source.rect, a.key).toHaveLength(4);
		expect(original.answers.some((a) => a.ocr)).toBe(false);
	});

	it('gives the log a one-line account of the reading', () => {
		expect(readingAccount(scan)).toMatch(/^scan: OCR 6 pages, mean confidence 0\.\d\d; 8 of 30 parts, header 7 of 7 fields(, \d+ unmapped)?$/);
	});
});

describe('a mixed document: text pages and scanned pages', () => {
	it('reads the text pages from their text layer and only the image pages by OCR', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'kotokartta-mixed-'));
		try {
			writeFileSync(join(dir, 'text.pdf'), await renderTestForm({ mode: 'flattened' }));
			execFileSync('qpdf', ['--empty', '--pages', join(dir, 'text.pdf'), '1-4', SCAN, '5-6', '--', join(dir, 'mixed.pdf')]);
			const asked: number[][] = [];
			const ocr = tesseractOcr({ log: null });
			const p = await extractProgramme(new Uint8Array(readFileSync(join(dir, 'mixed.pdf'))), {
				...deps,
				ocr: (bytes, pages) => (asked.push([...pages]), ocr(bytes, pages))
			});
			expect(asked).toEqual([[5, 6]]);
			expect(p.inputKind).toBe('flattened-form');
			expect(p.ocr!.pages.map((x) => x.page)).toEqual([5, 6]);
			const s1 = p.answers.filter((a) => a.key.startsWith('s1.'));
			const s2 = p.answers.filter((a) => a.key.startsWith('s2.'));
			expect(s1.map((a) => a.key)).toEqual(['s1.a', 's1.b1', 's1.b2', 's1.c']);
			expect(s1.every((a) => !a.ocr)).toBe(true);
			expect(s2.map((a) => a.key)).toEqual(['s2.a', 's2.b1', 's2.b2', 's2.c']);
			expect(s2.every((a) => a.ocr)).toBe(true);
			for (const a of s2) expect(overlap(original.answers.find((o) => o.key === a.key)!.text, a.text), a.key).toBeGreaterThanOrEqual(0.9);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}, 120_000);
});

describe('finding the scanned pages, and reading them one after another', () => {
	it('lists the pages that paint an image without decoding them (pdfimages), none for a text PDF, null for what it cannot read', async () => {
		expect(await listImagePages(new Uint8Array(readFileSync(SCAN)))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
		expect(await listImagePages(new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/word-processor/lieto.pdf'))))).toEqual(new Set());
		expect(await listImagePages(new TextEncoder().encode('not a pdf'))).toBeNull();
	});

	it('the next page renders while one is read; a page that cannot be rendered is reported and the others are read, in order', async () => {
		const out = await tesseractOcr({ log: null })(new Uint8Array(readFileSync(SCAN)), [2, 99, 1]);
		expect(out.map((o) => [o.page, 'image' in o])).toEqual([
			[2, true],
			[99, false],
			[1, true]
		]);
		const bad = out[1];
		expect('error' in bad && bad.error.code).toBe('failed');
		for (const o of [out[0], out[2]]) expect('image' in o && o.image.words.length).toBeGreaterThan(30);
	}, 60_000);
});

describe('limits and a missing OCR engine', () => {
	it('pages over the cap are left unread and reported', async () => {
		const p = await extractProgramme(new Uint8Array(readFileSync(SCAN)), { ...deps, ocr: tesseractOcr({ log: null }), ocrMaxPages: 1 });
		expect(p.ocr!.pages.map((x) => x.page)).toEqual([1]);
		expect(p.ocr!.skipped.map((s) => s.page)).toEqual([2, 3, 4, 5, 6]);
		expect(p.warnings.find((w) => w.code === 'ocr-pages-skipped')?.message).toMatch(/5 scanned page\(s\) were not read by OCR: page 2 \(over the OCR page cap of 1 pages\)/);
	}, 60_000);

	it('without tesseract: the scan is still a programme record, and the warning says how to install it', async () => {
		const path = process.env.PATH;
		process.env.PATH = '/nonexistent';
		try {
			const p = await extractProgramme(new Uint8Array(readFileSync(SCAN)), { ...deps, ocr: tesseractOcr({ log: null }) });
			expect(p.inputKind).toBe('scan');
			expect(p.answers).toEqual([]);
			expect(p.ocr).toBeUndefined();
			const w = p.warnings.find((x) => x.code === 'scan')!.message;
			expect(w).toMatch(/^scanned PDF: no text layer; OCR is not available: tesseract was not found: install tesseract/);
			expect(w).toContain('apt-get install -y tesseract-ocr tesseract-ocr-fin tesseract-ocr-swe');
		} finally {
			process.env.PATH = path;
		}
	});
});

describe('OCR words to text items', () => {
	it('parses tesseract TSV and puts a skewed line on one baseline in PDF space', () => {
		const tsv = [
			'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
			'1\t1\t0\t0\t0\t0\t0\t0\t1000\t2000\t-1\t',
			'4\t1\t1\t1\t1\t0\t100\t100\t400\t40\t-1\t',
			'5\t1\t1\t1\t1\t1\t100\t100\t150\t30\t96.5\tKuvaus',
			'5\t1\t1\t1\t1\t2\t260\t104\t120\t30\t91\tpalvelusta:',
			'5\t1\t1\t1\t1\t3\t400\t110\t5\t40\t95\t|',
			'5\t1\t2\t1\t1\t1\t100\t200\t50\t30\t40\tAura',
			'5\t1\t3\t1\t1\t1\t100\t300\t300\t30\t90\tnelli.suominenGaura.fi'
		].join('\n');
		const parsed = parseTesseractTsv(tsv);
		expect(parsed.width).toBe(1000);
		expect(parsed.words.map((w) => [w.text, w.confidence, w.line])).toEqual([
			['Kuvaus', 0.965, '1.1.1'],
			['palvelusta:', 0.91, '1.1.1'],
			['|', 0.95, '1.1.1'],
			['Aura', 0.4, '2.1.1'],
			['nelli.suominenGaura.fi', 0.9, '3.1.1']
		]);
		const page = ocrTextPage(1, { ...parsed, seconds: 0 }, 500, 1000);
		// Rules dropped; an e-mail address's at sign read as "G" repaired.
		expect(page.items.map((i) => i.str)).toEqual(['Kuvaus', 'palvelusta:', 'Aura', 'nelli.suominen@aura.fi']);
		const [a, b, c] = page.items;
		expect(a.y).toBe(b.y);
		expect(a.x).toBe(50);
		expect(b.x).toBe(130);
		expect(c.y).toBeLessThan(a.y);
	});
});

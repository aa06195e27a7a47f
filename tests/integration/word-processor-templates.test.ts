/**
 * Municipalities' own programme documents as a real word processor prints them: each written by
 * hand in its own template (tests/fixtures/word-processor/*.fodt, *.docx; Finnish and Swedish),
 * printed to PDF by LibreOffice (make.sh; the PDFs are committed). Beside each source, its
 * expected answers (*.expected.json), written by hand from the source, not from what the reader
 * gives:
 *
 * - `header`: header fields, compared exactly (up to whitespace);
 * - `parts`: each part's answer as the source has it, compared by word overlap (≥ 0.95); a part
 *   the form splits into several questions but the document answers once (one "Vastuutaho" for
 *   1b) is under the part's first key (s1.b1), as the reader files it;
 * - `together`: questions the document prints together with the first one (no answer of their own);
 * - `table`: the responsibility table's cells, exactly (empty cells empty).
 *
 * Every field and part the document has must be read, and nothing it does not have. Each
 * document's account ("read 17 of 17 parts, header 5 of 5 fields") is printed, and the ingest
 * log's one line per document is checked against the same counts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeExtractDeps } from '../../ingest/pdfjs';
import { ingestEnricher, runIngest } from '../../ingest/run';
import { readingAccount } from '../../src/lib/programme/account';
import { extractProgramme } from '../../src/lib/programme/extract';
import type { Programme } from '../../src/lib/programme/types';
import { wordOverlap } from '../helpers/word-overlap';

const DIR = join(import.meta.dirname, '../fixtures/word-processor');
const PART_OVERLAP = 0.95;

interface Expected {
	document: string;
	source: string;
	language: 'fi' | 'sv';
	template: string;
	header: Record<string, string>;
	parts: Record<string, string>;
	together?: Record<string, string[]>;
	table?: Record<string, string>;
}

const expectations: Expected[] = readdirSync(DIR)
	.filter((n) => n.endsWith('.expected.json'))
	.sort()
	.map((n) => JSON.parse(readFileSync(join(DIR, n), 'utf8')) as Expected);

const ws = (s: string) => s.replace(/\s+/g, ' ').trim();
const programmes = new Map<string, Programme>();
const accounts: string[] = [];

beforeAll(async () => {
	const deps = await nodeExtractDeps();
	for (const e of expectations) programmes.set(e.document, await extractProgramme(new Uint8Array(readFileSync(join(DIR, e.document))), deps));
}, 180_000);

afterAll(() => {
	if (accounts.length > 0) console.log(`Own-template documents read against their sources:\n${accounts.join('\n')}`);
});

it('has at least six templates, Finnish and Swedish', () => {
	expect(expectations.length).toBeGreaterThanOrEqual(6);
	expect(new Set(expectations.map((e) => e.language))).toEqual(new Set(['fi', 'sv']));
});

describe.each(expectations.map((e) => [e.document, e] as const))('%s', (_, e) => {
	const p = () => programmes.get(e.document)!;
	const answer = (key: string) => p().answers.find((a) => a.key === key);

	it('is read as an own-template document', () => {
		expect(p().inputKind).toBe('own-template');
	});

	it('reads every header field the document has, exactly', () => {
		for (const [key, text] of Object.entries(e.header)) {
			expect(answer(key), key).toBeDefined();
			expect(ws(answer(key)!.text), key).toBe(ws(text));
		}
	});

	it(`reads every part the document has (word overlap ≥ ${PART_OVERLAP}), each under its own key`, () => {
		const scores: string[] = [];
		for (const [key, text] of Object.entries(e.parts)) {
			const a = answer(key);
			expect(a, key).toBeDefined();
			const score = wordOverlap(text, a!.text);
			if (score < 1) scores.push(`${key} ${score.toFixed(3)}`);
			expect(score, `${key}: "${a!.text}"`).toBeGreaterThanOrEqual(PART_OVERLAP);
			expect(a!.status, key).toBe('filled');
		}
		if (scores.length > 0) console.log(`${e.document}: parts read with other words: ${scores.join(', ')}`);
	});

	it('reads nothing the document does not have', () => {
		const has = new Set([...Object.keys(e.header), ...Object.keys(e.parts), ...Object.keys(e.table ?? {})]);
		expect(p().answers.map((a) => a.key).filter((k) => !has.has(k))).toEqual([]);
		expect(p().unmapped).toEqual([]);
	});

	it('questions printed together have no answer of their own, and say so', () => {
		for (const [first, keys] of Object.entries(e.together ?? {})) {
			for (const k of keys) expect(answer(k), k).toBeUndefined();
			const note = p().warnings.find((w) => w.code === 'missing-subquestion' && w.message.includes(first.slice(0, -1)) && keys.every((k) => w.message.includes(k)));
			expect(note, first).toBeDefined();
		}
	});

	it(e.table ? 'reads the responsibility table cell by cell' : 'has no responsibility table, and none is read', () => {
		if (!e.table) expect(p().answers.filter((a) => a.section === 'table')).toEqual([]);
		for (const [key, text] of Object.entries(e.table ?? {})) {
			expect(answer(key), key).toBeDefined();
			expect(ws(answer(key)!.text), key).toBe(ws(text));
			expect(answer(key)!.status, key).toBe(text.trim() === '' ? 'empty' : 'filled');
		}
	});

	it('accounts for what it read', () => {
		const parts = Object.keys(e.parts);
		const header = Object.keys(e.header);
		const readParts = parts.filter((k) => answer(k) && wordOverlap(e.parts[k], answer(k)!.text) >= PART_OVERLAP).length;
		const readHeader = header.filter((k) => answer(k) && ws(answer(k)!.text) === ws(e.header[k])).length;
		const cells = Object.keys(e.table ?? {});
		const readCells = cells.filter((k) => answer(k) && ws(answer(k)!.text) === ws(e.table![k])).length;
		accounts.push(
			`  ${e.document.padEnd(18)} (${e.language}) read ${readParts} of ${parts.length} parts, header ${readHeader} of ${header.length} fields` +
				(cells.length > 0 ? `, table ${readCells} of ${cells.length} cells` : '')
		);
		expect([readParts, readHeader, readCells]).toEqual([parts.length, header.length, cells.length]);
		const total = (keys: string[]) => keys.length;
		expect(readingAccount(p())).toBe(
			`own template: ${total(parts)} of 30 parts, header ${total(header)} of 7 fields` + (cells.length > 0 ? `, table ${cells.length} of 16 cells` : '')
		);
	});
});

describe('a Swedish filled form and a Swedish own-template document', () => {
	// narpes-form.pdf: the Swedish form (our translation) printed by LibreOffice, made fillable and
	// filled with Närpes's answers (narpes-form.fields.json); narpes.pdf: the town's own document.
	let form: Programme;
	beforeAll(async () => {
		form = await extractProgramme(new Uint8Array(readFileSync(join(DIR, 'narpes-form.pdf'))), await nodeExtractDeps());
	});
	const filled = (p: Programme) => new Map(p.answers.filter((a) => a.status === 'filled' && a.section !== 'table').map((a) => [a.key, a.text]));

	it('the form is read from its fields, every field mapped, none unmapped', () => {
		expect(form.inputKind).toBe('fillable-form');
		expect(form.unmapped).toEqual([]);
		expect(form.answers.filter((a) => a.section !== 'table')).toHaveLength(37);
	});

	it('both read to the same canonical keys, with the same answers', () => {
		const own = filled(programmes.get('narpes.pdf')!);
		const fromForm = filled(form);
		expect([...fromForm.keys()]).toEqual([...own.keys()]);
		for (const [key, text] of own) expect(wordOverlap(text, fromForm.get(key)!), key).toBeGreaterThanOrEqual(PART_OVERLAP);
		const e = expectations.find((x) => x.document === 'narpes.pdf')!;
		for (const [key, text] of Object.entries(e.header)) expect(ws(fromForm.get(key) ?? ''), key).toBe(ws(text));
	});
});

describe('the ingest log', () => {
	it('gives each document its reading kind and a one-line account of what was read', async () => {
		const out = await mkdtemp(join(tmpdir(), 'kotokartta-wpt-'));
		try {
			await runIngest({
				inputs: expectations.map((e) => join(DIR, e.document)),
				out: join(out, 'data'),
				root: DIR,
				enrich: ingestEnricher()
			});
			const db = await (await DuckDBInstance.create(':memory:')).connect();
			const rows = (await db.runAndReadAll(`SELECT file, reason FROM read_parquet('${join(out, 'data/ingest_log.parquet')}') WHERE code = 'ok' ORDER BY file`)).getRowObjectsJS() as {
				file: string;
				reason: string;
			}[];
			db.closeSync();
			expect(rows.map((r) => r.file)).toEqual(expectations.map((e) => e.document).sort());
			for (const e of expectations) {
				const cells = Object.keys(e.table ?? {}).length;
				expect(rows.find((r) => r.file === e.document)?.reason, e.document).toBe(
					`own template: ${Object.keys(e.parts).length} of 30 parts, header ${Object.keys(e.header).length} of 7 fields` + (cells > 0 ? `, table ${cells} of 16 cells` : '')
				);
			}
		} finally {
			await rm(out, { recursive: true, force: true });
		}
	}, 180_000);
});

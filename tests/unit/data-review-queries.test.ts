/**
 * The Data page's "needs review" SQL (src/lib/db/queries/data.ts needsReview) run in Node against
 * the synthetic fixture's Parquet; the expected list is computed from the fixture rows in plain
 * JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE, writeFixtureDataset, type FixtureRow } from '../fixtures/make-dataset';
import { openNodeDatabase, type NodeDatabase } from '../../src/lib/db/node.server';
import { needsReview } from '../../src/lib/db/queries';
import { REVIEW_THRESHOLD } from '../../src/lib/programme/enrich/confidence';

let dir: string;
let db: NodeDatabase;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-review-'));
	await writeFixtureDataset(dir);
	db = await openNodeDatabase(dir);
});
afterAll(() => {
	db?.close();
	rmSync(dir, { recursive: true, force: true });
});

/** The same list in JavaScript: [fact_type, file, key, confidence]. */
function expected(threshold: number): [string, string, string, number | null][] {
	const fileOf = new Map(FIXTURE.programmes.map((p) => [p.programme_id, p.file as string]));
	const low = (t: string, rows: FixtureRow[]) =>
		rows.filter((r) => (r.confidence as number) < threshold).map((r) => [t, fileOf.get(r.programme_id)!, r.key as string, r.confidence as number] as [string, string, string, number]);
	const out: [string, string, string, number | null][] = [
		...low('responsibility', FIXTURE.responsibilities),
		...low('language', FIXTURE.languages),
		...low('cooperation', FIXTURE.cooperation),
		...low('grade', FIXTURE.completeness),
		...FIXTURE.programmes
			.filter((p) => p.municipality_confidence === null || (p.municipality_confidence as number) < threshold)
			.map((p) => ['municipality', p.file as string, 'header.municipalities', p.municipality_confidence as number | null] as [string, string, string, number | null])
	];
	return out.sort((a, b) => (a[3] ?? -1) - (b[3] ?? -1) || a[1].localeCompare(b[1]) || a[2].localeCompare(b[2]));
}

describe('needs review', () => {
	it('lists every fact below the threshold and every programme with a weak or no municipality, least sure first', async () => {
		const rows = await db.run(needsReview(REVIEW_THRESHOLD));
		const want = expected(REVIEW_THRESHOLD);
		expect(want.length).toBeGreaterThanOrEqual(4); // the fixture has low facts of several kinds
		expect(rows.map((r) => [r.fact_type, r.file, r.key, r.confidence])).toEqual(want);
		expect(rows.every((r) => r.total === want.length)).toBe(true);
	});

	it('carries the evidence: snippet, span and the page of the answer; the municipality code for the profile link', async () => {
		const rows = await db.run(needsReview(REVIEW_THRESHOLD));
		const r = rows.find((x) => x.fact_type === 'responsibility')!;
		expect([r.fact, r.snippet, r.span_start, r.span_end]).toEqual(['Turun työllisyysalue', 'Turku', 0, 5]);
		const answer = FIXTURE.answers.find((a) => a.programme_id === r.programme_id && a.key === 's4.b')!;
		expect(r.page).toBe(answer.page);
		expect(r.code).toBe('430'); // programme 2 covers 853 and 430: the lowest code
		expect(r.is_synthetic).toBe(true);
		const none = rows.find((x) => x.fact_type === 'municipality' && x.confidence === null)!;
		expect(none.code).toBeNull();
		expect(none.file).toBe('testi/testikunta-6.pdf');
	});

	it('a higher threshold lists more, the limit caps the rows but not the total', async () => {
		const more = await db.run(needsReview(0.9));
		expect(more.length).toBe(expected(0.9).length);
		expect(more.length).toBeGreaterThan(expected(REVIEW_THRESHOLD).length);
		const capped = await db.run(needsReview(0.9, 2));
		expect(capped.length).toBe(2);
		expect(capped[0].total).toBe(more.length);
	});
});

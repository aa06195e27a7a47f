/**
 * The SQL of programmes over time, run in Node against the synthetic fixture (tests/fixtures/
 * make-dataset.ts: programme 5 is Aura's older version, 2024-05-01, of programme 1, 2024-11-18),
 * with expectations computed from its rows in plain JavaScript: the "recent changes" list, the
 * profile's history and changes, the "updated since" filter on the overview and the gap matrix,
 * and the last update per municipality.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, writeFixtureDataset, type FixtureRow, type FixtureTables } from '../fixtures/make-dataset';
import { writeExtendedDataset } from '../fixtures/gaps-profile-dataset';
import { openNodeDatabase, type NodeDatabase } from '../../src/lib/db/node.server';
import {
	gapMatrix,
	loadOverview,
	municipalityChanges,
	municipalityHistory,
	recentChanges,
	type GapRow,
	type HistoryVersion,
	type ProgrammeChange,
	type RecentChange
} from '../../src/lib/db/queries';
import { EMPTY_FILTERS, type Filters } from '../../src/lib/db/filters';

let dir: string;
let db: NodeDatabase;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-changes-'));
	await writeFixtureDataset(dir);
	db = await openNodeDatabase(dir);
});
afterAll(() => {
	db?.close();
	rmSync(dir, { recursive: true, force: true });
});

const pid = (n: number) => n.toString(16).padStart(64, '0');
const f = (over: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...over });
const count = (rows: FixtureRow[], pred: (c: FixtureRow) => boolean) => rows.filter(pred).length;

describe('recent changes', () => {
	it('lists each update once, with what changed counted from programme_changes', async () => {
		const rows = await db.run<RecentChange>(recentChanges(EMPTY_FILTERS));
		expect(rows.map((r) => [r.from_programme_id, r.to_programme_id, r.codes])).toEqual([[pid(5), pid(1), ['019']]]);
		const c = FIXTURE.programme_changes;
		expect(c.length).toBeGreaterThan(0);
		const r = rows[0];
		expect([r.updated, r.previous_updated, r.names_fi, r.is_current]).toEqual(['2024-11-18', '2024-05-01', ['Aura'], true]);
		expect(r.text_parts).toBe(count(c, (x) => x.change === 'text'));
		expect(r.providers_added).toBe(count(c, (x) => x.change === 'provider' && x.direction === 'added'));
		expect(r.providers_removed).toBe(count(c, (x) => x.change === 'provider' && x.direction === 'removed'));
		expect(r.languages_added + r.languages_removed).toBe(count(c, (x) => x.change === 'language'));
		const rank: Record<string, number> = { answered: 4, thin: 3, placeholder: 2, empty: 1, missing: 0 };
		expect(r.grades_better).toBe(count(c, (x) => x.change === 'grade' && rank[x.grade_after as string] > rank[x.grade_before as string]));
		expect(r.grades_better + r.grades_worse).toBe(count(c, (x) => x.change === 'grade'));
	});

	it('follows the filters: municipality filters, "updated since" and synthetic on the later version', async () => {
		const n = async (over: Partial<Filters>) => (await db.run<RecentChange>(recentChanges(f(over)))).length;
		expect(await n({ region: ['02'] })).toBe(1); // Aura is in Varsinais-Suomi (02)
		expect(await n({ region: ['01'] })).toBe(0);
		expect(await n({ since: '2024-11-18' })).toBe(1);
		expect(await n({ since: '2024-11-19' })).toBe(0);
		expect(await n({ synthetic: 'real' })).toBe(0);
	});
});

describe('the profile’s history and changes', () => {
	it('gives Aura’s versions in order, and every change of the pair', async () => {
		const history = await db.run<HistoryVersion>(municipalityHistory('019'));
		expect(history.map((h) => [h.programme_id, h.version, h.is_latest, h.previous_programme_ids])).toEqual([
			[pid(5), 1, false, []],
			[pid(1), 2, true, [pid(5)]]
		]);
		const changes = await db.run<ProgrammeChange>(municipalityChanges('019'));
		expect(changes).toHaveLength(FIXTURE.programme_changes.length);
		expect(changes.every((c) => c.from_programme_id === pid(5) && c.to_programme_id === pid(1))).toBe(true);
		expect(await db.run<ProgrammeChange>(municipalityChanges('091'))).toEqual([]);
	});
});

describe('"updated since" on the overview and the gap matrix', () => {
	const plausible = (p: FixtureRow) => p.updated !== null && ['ok', 'month'].includes(p.updated_status as string);
	const current = FIXTURE.programmes.filter((p) => p.is_current);

	it('keeps only programmes drawn up or updated on or after the date', async () => {
		for (const since of ['2024-12-01', '2025-01-15', '2025-01-16']) {
			const o = await loadOverview(db, f({ since }));
			expect(o.figures.programmes, since).toBe(current.filter((p) => plausible(p) && (p.updated as string) >= since).length);
		}
	});

	it('gives the map each municipality’s last update, read without the filter itself', async () => {
		const o = await loadOverview(db, f({ since: '2025-01-01' }));
		const aura = o.municipalities.find((m) => m.code === '019')!;
		// Aura's current programme (2024-11-18) is out of the filtered scope, but its date is still known.
		expect([aura.programmes, aura.all_programmes, aura.last_update]).toEqual([0, 1, '2024-11-18']);
		const loimaa = o.municipalities.find((m) => m.code === '430')!;
		expect([loimaa.programmes, loimaa.last_update]).toEqual([1, '2025-01-15']);
		const pedersore = o.municipalities.find((m) => m.code === '599')!;
		expect([pedersore.all_programmes, pedersore.last_update]).toEqual([1, null]); // programme 4 is undated
	});

	it('shows the last update per municipality in the gap matrix, and the filter empties the rest', async () => {
		const all = await db.run<GapRow>(gapMatrix(EMPTY_FILTERS));
		expect(all.find((r) => r.code === '019')!.last_update).toBe('2024-11-18');
		const since = await db.run<GapRow>(gapMatrix(f({ since: '2025-01-01' })));
		expect(since.find((r) => r.code === '019')!.programme_id).toBeNull();
		expect(since.find((r) => r.code === '853')!.last_update).toBe('2025-01-15');
	});

	it('never counts a date that is not plausible (here a programme dated 31.12.9999)', async () => {
		const hostileDir = mkdtempSync(join(tmpdir(), 'kk-changes-hostile-'));
		const tables = Object.fromEntries(Object.entries(FIXTURE).map(([k, v]) => [k, v.map((r) => ({ ...r }))])) as FixtureTables;
		const base = tables.programmes.find((p) => p.programme_id === pid(3))!;
		tables.programmes.push({ ...base, programme_id: pid(99), file: 'testi/kaikki.pdf', municipality_codes: ['020'], updated: '9999-12-31', updated_text: '31.12.9999', updated_status: 'future' });
		await writeExtendedDataset(hostileDir, tables);
		const hostile = await openNodeDatabase(hostileDir);
		try {
			const o = await loadOverview(hostile, EMPTY_FILTERS);
			expect(o.figures.programmes).toBe(current.length + 1);
			expect(o.figures.latest_update).toBe(current.filter(plausible).map((p) => p.updated as string).sort().at(-1));
			expect(o.municipalities.find((m) => m.code === '020')!.last_update).toBeNull();
			// "Updated since" any date leaves it out.
			expect((await loadOverview(hostile, f({ since: '2025-01-01' }))).figures.programmes).toBe(current.filter((p) => plausible(p) && (p.updated as string) >= '2025-01-01').length);
		} finally {
			hostile.close();
			rmSync(hostileDir, { recursive: true, force: true });
		}
	});
});

/**
 * The municipality profile's SQL (src/lib/db/queries.ts: municipalityProgrammes,
 * programmeAnswers, the fact queries and the peer benchmark) run in Node against the extended
 * synthetic fixture. Expectations are computed from the rows in plain JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENDED, writeExtendedDataset, type FixtureRow } from '../fixtures/gaps-profile-dataset';
import { REFERENCE } from '../fixtures/make-dataset';
import { openNodeDatabase, type NodeDatabase } from '../../src/lib/db/node.server';
import {
	loadProfileDetails,
	municipalityProgrammes,
	peerLanguages,
	peerProviderKinds,
	peerSummary,
	programmeAnswers,
	programmeCooperation,
	programmeLanguages,
	programmeResponsibilities,
	type PeerCount,
	type PeerSummary,
	type ProfileAnswer,
	type ProfileProgramme
} from '../../src/lib/db/queries';
import { ANSWER_FIELDS } from '../../src/lib/programme/form-tem-2024';

let dir: string;
let db: NodeDatabase;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-profile-'));
	await writeExtendedDataset(dir);
	db = await openNodeDatabase(dir);
});
afterAll(() => {
	db?.close();
	rmSync(dir, { recursive: true, force: true });
});

const pid = (n: number) => n.toString(16).padStart(64, '0');
const muniByCode = new Map(REFERENCE.map((m) => [m.code, m]));

function score(programmeId: string): number | null {
	const rows = EXTENDED.completeness.filter((c) => c.programme_id === programmeId && c.mandatory);
	return rows.length ? rows.reduce((s, c) => s + (c.score as number), 0) / rows.length : null;
}

/** Best current programme of a mainland municipality (no filters), as the gap matrix picks it. */
function best(code: string): FixtureRow | null {
	if (muniByCode.get(code)?.aland) return null;
	const covering = EXTENDED.programmes.filter((p) => p.is_current && (p.municipality_codes as string[]).includes(code));
	covering.sort((a, b) => {
		const d = (score(b.programme_id as string) ?? -1) - (score(a.programme_id as string) ?? -1);
		if (d) return d;
		const ua = (a.updated as string | null) ?? '';
		const ub = (b.updated as string | null) ?? '';
		if (ua !== ub) return ub < ua ? -1 : 1;
		return (a.programme_id as string) < (b.programme_id as string) ? -1 : 1;
	});
	return covering[0] ?? null;
}

function peersOf(code: string, group: string): string[] {
	const s = muniByCode.get(code)!;
	const attr = (m: typeof s) => (group === 'area' ? m.employmentAreaCode : group === 'region' ? m.regionCode : m.populationClass);
	return REFERENCE.filter((m) => attr(m) === attr(s) && m.aland === s.aland).map((m) => m.code);
}

function median(xs: number[]): number | null {
	if (!xs.length) return null;
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

describe('programmes of a municipality', () => {
	it('lists current programmes first, then older versions, with the coordinator and the score', async () => {
		const rows = await db.run<ProfileProgramme>(municipalityProgrammes('019'));
		expect(rows.map((r) => [r.programme_id, r.is_current])).toEqual([
			[pid(1), true],
			[pid(5), false]
		]);
		const coordinator = EXTENDED.answers.find((a) => a.programme_id === pid(1) && a.key === 'header.coordinator')!;
		expect(rows[0]).toMatchObject({
			file: 'testi/testikunta-1.pdf',
			input_kind: 'fillable-form',
			updated: '2024-11-18',
			is_synthetic: true,
			coordinator: coordinator.text,
			municipality_codes: ['019']
		});
		expect(rows[0].mandatory_score).toBeCloseTo(score(pid(1))!, 10);
	});

	it('lists first the programme the gap matrix shows (best score, then latest update)', async () => {
		expect((await db.run<ProfileProgramme>(municipalityProgrammes('091'))).map((r) => r.programme_id)).toEqual([pid(3), pid(7)]);
		expect((await db.run<ProfileProgramme>(municipalityProgrammes('599'))).map((r) => r.programme_id)).toEqual([pid(8), pid(4)]);
		for (const code of ['091', '092', '599', '020', '019']) {
			const [first] = await db.run<ProfileProgramme>(municipalityProgrammes(code));
			expect(first.programme_id, code).toBe(best(code)?.programme_id);
		}
	});

	it('lists every programme that covers the municipality, joint ones included', async () => {
		for (const code of ['091', '092', '853', '430', '599', '020']) {
			const rows = await db.run<ProfileProgramme>(municipalityProgrammes(code));
			const expected = EXTENDED.programmes.filter((p) => (p.municipality_codes as string[]).includes(code)).map((p) => p.programme_id);
			expect(rows.map((r) => r.programme_id).sort()).toEqual(expected.sort());
		}
	});

	it('has no rows for a municipality without a programme, nor for a hostile code', async () => {
		expect(await db.run(municipalityProgrammes('005'))).toEqual([]);
		expect(await db.run(municipalityProgrammes("019' OR '1'='1"))).toEqual([]);
	});
});

describe('answers of a programme', () => {
	it('gives every part of the form in order, the missing ones without text, then unmapped fields', async () => {
		const rows = await db.run<ProfileAnswer>(programmeAnswers(pid(7)));
		const mapped = rows.filter((r) => r.key !== 'unmapped');
		expect(mapped.map((r) => r.key)).toEqual(ANSWER_FIELDS.map((f) => f.key));
		for (const r of mapped) {
			const a = EXTENDED.answers.find((x) => x.programme_id === pid(7) && x.key === r.key);
			const c = EXTENDED.completeness.find((x) => x.programme_id === pid(7) && x.key === r.key)!;
			expect({ key: r.key, text: r.text, grade: r.grade, mandatory: r.mandatory }).toEqual({
				key: r.key,
				text: a ? a.text : null,
				grade: c.grade,
				mandatory: c.mandatory
			});
		}
		expect(rows.at(-1)).toMatchObject({ key: 'unmapped', field_name: 'Lisätietoja', text: 'Kenttä, jota lomakkeessa ei ole.', grade: null });
	});

	it('a part the document lacks is there, graded missing, without text', async () => {
		const rows = await db.run<ProfileAnswer>(programmeAnswers(pid(2)));
		const missing = EXTENDED.completeness.filter((c) => c.programme_id === pid(2) && c.grade === 'missing').map((c) => c.key);
		expect(missing.length).toBeGreaterThan(0);
		expect(rows.filter((r) => r.text === null).map((r) => [r.key, r.grade])).toEqual(missing.map((k) => [k, 'missing']));
		expect(rows).toHaveLength(ANSWER_FIELDS.length);
	});

	it('gives the answers of an ungraded programme without grades', async () => {
		const rows = await db.run<ProfileAnswer>(programmeAnswers(pid(9)));
		expect(rows).toHaveLength(ANSWER_FIELDS.length);
		expect(rows.every((r) => r.grade === null && r.text !== null)).toBe(true);
	});
});

describe('facts with evidence', () => {
	const strip = (r: FixtureRow, drop: string[]) => Object.fromEntries(Object.entries(r).filter(([k]) => !drop.includes(k)));
	const byEvidence = (a: FixtureRow, b: FixtureRow) =>
		String(a.key).localeCompare(String(b.key)) || (a.span_start as number) - (b.span_start as number);

	it('languages, providers and cooperation of a programme, each row with its span and snippet', async () => {
		for (const [query, table] of [
			[programmeLanguages, 'languages'],
			[programmeResponsibilities, 'responsibilities'],
			[programmeCooperation, 'cooperation']
		] as const) {
			const rows = await db.run(query(pid(1)));
			const exp = EXTENDED[table].filter((r) => r.programme_id === pid(1)).map((r) => strip(r, ['programme_id']));
			expect(exp.length).toBeGreaterThan(0);
			expect([...rows].sort(byEvidence)).toEqual([...exp].sort(byEvidence));
		}
	});
});

describe('peer benchmark', () => {
	it.each(['019', '853', '091', '599', '005'])('completeness percentile among peers of %s', async (code) => {
		const rows = await db.run<PeerSummary>(peerSummary(code));
		expect(rows.map((r) => r.peer_group)).toEqual(['area', 'region', 'population']);
		const own = best(code);
		const ownScore = own ? score(own.programme_id as string) : null;
		for (const r of rows) {
			const peers = peersOf(code, r.peer_group);
			const bests = peers.map((c) => ({ code: c, p: best(c) }));
			const others = bests
				.filter((b) => b.code !== code && b.p)
				.map((b) => score(b.p!.programme_id as string))
				.filter((s): s is number => s !== null);
			const all = bests.map((b) => (b.p ? score(b.p.programme_id as string) : null)).filter((s): s is number => s !== null);
			expect(r.municipalities).toBe(peers.length);
			expect(r.with_programme).toBe(bests.filter((b) => b.p).length);
			expect(r.graded_peers).toBe(others.length);
			if (ownScore === null) expect(r.score).toBeNull();
			else expect(r.score).toBeCloseTo(ownScore, 10);
			const m = median(all);
			if (m === null) expect(r.median_score).toBeNull();
			else expect(r.median_score).toBeCloseTo(m, 10);
			if (ownScore === null || !others.length) expect(r.percentile).toBeNull();
			else {
				const below = others.filter((s) => s < ownScore).length;
				const equal = others.filter((s) => s === ownScore).length;
				expect(r.percentile).toBeCloseTo((below + equal / 2) / others.length, 10);
			}
			// The synthetic share of the peers, and the same comparison among real programmes only.
			const graded = bests.filter((b) => b.p && score(b.p.programme_id as string) !== null);
			const realOthers = graded.filter((b) => b.code !== code && b.p!.is_synthetic !== true).map((b) => score(b.p!.programme_id as string)!);
			expect(r.synthetic_peers).toBe(graded.filter((b) => b.code !== code && b.p!.is_synthetic === true).length);
			expect(r.real_graded_peers).toBe(realOthers.length);
			expect(r.synthetic_peers + r.real_graded_peers).toBe(r.graded_peers);
			expect(r.self_synthetic).toBe(own ? own.is_synthetic === true : null);
			const realAll = graded.filter((b) => b.p!.is_synthetic !== true).map((b) => score(b.p!.programme_id as string)!);
			const rm = median(realAll);
			if (rm === null) expect(r.real_median_score).toBeNull();
			else expect(r.real_median_score).toBeCloseTo(rm, 10);
			if (ownScore === null || !realOthers.length) expect(r.real_percentile).toBeNull();
			else {
				const below = realOthers.filter((x) => x < ownScore).length;
				const equal = realOthers.filter((x) => x === ownScore).length;
				expect(r.real_percentile).toBeCloseTo((below + equal / 2) / realOthers.length, 10);
			}
		}
	});

	it('Aura is compared with the other municipalities of its employment area', async () => {
		const [area] = await db.run<PeerSummary>(peerSummary('019'));
		expect(area).toMatchObject({ peer_group: 'area', group_code: muniByCode.get('019')!.employmentAreaCode });
		// Turku and Loimaa (programme 2) are in the same area and score lower than Aura.
		expect(area.graded_peers).toBeGreaterThanOrEqual(2);
		expect(area.percentile).toBe(1);
	});

	it('orientation languages and provider kinds named by peers, and whether the municipality names them', async () => {
		for (const [query, table, value, filter] of [
			[peerLanguages, 'languages', 'language_code', (r: FixtureRow) => r.context === 'orientation'],
			[peerProviderKinds, 'responsibilities', 'provider_kind', () => true]
		] as const) {
			const rows = await db.run<PeerCount>(query('019'));
			for (const group of ['area', 'region', 'population']) {
				const counts = new Map<string, Set<string>>();
				for (const c of peersOf('019', group)) {
					const b = best(c);
					if (!b) continue;
					for (const r of EXTENDED[table]) {
						if (r.programme_id !== b.programme_id || !filter(r)) continue;
						const set = counts.get(r[value] as string) ?? new Set();
						set.add(c);
						counts.set(r[value] as string, set);
					}
				}
				const got = rows.filter((r) => r.peer_group === group).map((r) => [r.value, r.municipalities, r.self]);
				const exp = [...counts].map(([v, set]) => [v, set.size, set.has('019')]);
				expect(got.sort()).toEqual(exp.sort());
			}
		}
	});

	it('loads everything below the header in one call, and only the benchmark without a programme', async () => {
		const d = await loadProfileDetails(db, '019', pid(1));
		expect(d.answers).toHaveLength(ANSWER_FIELDS.length);
		expect(d.languages.length).toBe(EXTENDED.languages.filter((l) => l.programme_id === pid(1)).length);
		expect(d.peers).toHaveLength(3);
		const none = await loadProfileDetails(db, '005', null);
		expect([none.answers, none.languages, none.responsibilities, none.cooperation]).toEqual([[], [], [], []]);
		expect(none.peers).toHaveLength(3);
	});
});

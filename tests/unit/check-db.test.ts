/**
 * The /check benchmark SQL (src/lib/db/check.ts) run in Node against the synthetic fixture's
 * Parquet; every expectation is computed in plain JavaScript from the fixture rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE, REFERENCE, writeFixtureDataset, type FixtureRow } from '../fixtures/make-dataset';
import { openNodeDatabase, type NodeDatabase } from '../../src/lib/db/node.server';
import { loadCheckBenchmark, type CheckPeerGroup } from '../../src/lib/db/check';
import type { Municipality } from '../../src/lib/reference/index';

let dir: string;
let db: NodeDatabase;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-check-db-'));
	await writeFixtureDataset(dir);
	db = await openNodeDatabase(dir);
});
afterAll(() => {
	db?.close();
	rmSync(dir, { recursive: true, force: true });
});

const GROUP_OF: Record<CheckPeerGroup, (m: Municipality) => string> = {
	area: (m) => m.employmentAreaCode,
	region: (m) => m.regionCode,
	population: (m) => m.populationClass
};

/** Each municipality's best current programme: highest mandatory score, then latest, then id. */
function bestProgrammes(): Map<string, FixtureRow> {
	const mainland = new Set(REFERENCE.filter((m) => !m.aland).map((m) => m.code));
	const score = (pid: unknown) => {
		const rows = FIXTURE.completeness.filter((c) => c.programme_id === pid && c.mandatory);
		return rows.length ? rows.reduce((s, c) => s + (c.score as number), 0) / rows.length : -1;
	};
	const best = new Map<string, FixtureRow>();
	for (const p of FIXTURE.programmes.filter((p) => p.is_current)) {
		for (const code of p.municipality_codes as string[]) {
			if (!mainland.has(code)) continue;
			const cur = best.get(code);
			const better =
				!cur ||
				score(p.programme_id) > score(cur.programme_id) ||
				(score(p.programme_id) === score(cur.programme_id) &&
					(((p.updated as string) ?? '') > ((cur.updated as string) ?? '') ||
						((p.updated ?? '') === (cur.updated ?? '') && (p.programme_id as string) < (cur.programme_id as string))));
			if (better) best.set(code, p);
		}
	}
	return best;
}

function expected(code: string) {
	const self = REFERENCE.find((m) => m.code === code)!;
	const best = bestProgrammes();
	// A group without any other municipality (e.g. an employment area of one) has no row.
	return (['area', 'region', 'population'] as const).map((g) => {
		const peers = REFERENCE.filter((m) => m.code !== code && m.aland === self.aland && GROUP_OF[g](m) === GROUP_OF[g](self));
		const withProgramme = peers.filter((m) => best.has(m.code));
		const answered = new Map<string, Set<string>>();
		const graded = new Map<string, Set<string>>();
		const languages = new Map<string, Set<string>>();
		for (const m of withProgramme) {
			const pid = best.get(m.code)!.programme_id;
			for (const c of FIXTURE.completeness.filter((c) => c.programme_id === pid && c.mandatory)) {
				const k = c.key as string;
				(graded.get(k) ?? graded.set(k, new Set()).get(k)!).add(m.code);
				if (c.grade === 'answered') (answered.get(k) ?? answered.set(k, new Set()).get(k)!).add(m.code);
			}
			for (const l of FIXTURE.languages.filter((l) => l.programme_id === pid && l.context === 'orientation')) {
				const k = l.language_code as string;
				(languages.get(k) ?? languages.set(k, new Set()).get(k)!).add(m.code);
			}
		}
		return { g, peers: peers.length, withProgramme: withProgramme.length, synthetic: withProgramme.length, answered, graded, languages };
	}).filter((w) => w.peers > 0);
}

describe('check benchmark SQL', () => {
	for (const code of ['019', '853', '091']) {
		it(`peers of ${code}: groups, parts answered, languages — as computed in JavaScript`, async () => {
			const got = await loadCheckBenchmark(db, code);
			const want = expected(code);
			expect(got.groups.map((g) => [g.peer_group, g.peers, g.with_programme, g.synthetic])).toEqual(
				want.map((w) => [w.g, w.peers, w.withProgramme, w.synthetic])
			);
			for (const w of want) {
				const parts = got.parts.filter((p) => p.peer_group === w.g);
				expect(Object.fromEntries(parts.map((p) => [p.key, [p.answered, p.graded]]))).toEqual(
					Object.fromEntries([...w.graded].map(([k, s]) => [k, [w.answered.get(k)?.size ?? 0, s.size]]))
				);
				const langs = got.languages.filter((l) => l.peer_group === w.g);
				expect(Object.fromEntries(langs.map((l) => [l.value, l.municipalities]))).toEqual(
					Object.fromEntries([...w.languages].map(([k, s]) => [k, s.size]))
				);
			}
		});
	}

	it('never counts the municipality itself among its peers', async () => {
		// 019 has the fixture's programme 1; its region and area peers must not include it.
		const got = await loadCheckBenchmark(db, '019');
		const self = REFERENCE.find((m) => m.code === '019')!;
		const area = REFERENCE.filter((m) => m.employmentAreaCode === self.employmentAreaCode && !m.aland);
		expect(got.groups.find((g) => g.peer_group === 'area')!.peers).toBe(area.length - 1);
	});

	it('names providers other than the municipality itself', async () => {
		const got = await loadCheckBenchmark(db, '019');
		expect(got.providers.every((p) => p.detail !== 'municipality')).toBe(true);
		const expectedNames = new Set(
			FIXTURE.responsibilities.filter((r) => r.provider_kind !== 'municipality' && (r.programme_id as string) === FIXTURE.programmes.find((p) => (p.municipality_codes as string[]).includes('853'))!.programme_id).map((r) => r.provider)
		);
		const region = got.providers.filter((p) => p.peer_group === 'region').map((p) => p.value);
		for (const n of expectedNames) expect(region).toContain(n);
	});

	it('binds the code as a parameter, never in the SQL text', async () => {
		const { checkQueries } = await import('../../src/lib/db/check');
		for (const q of Object.values(checkQueries("0'9"))) {
			expect(q.sql).not.toContain("0'9");
			expect(q.params).toContain("0'9");
		}
	});
});

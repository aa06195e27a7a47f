/**
 * The demo corpus plan: every mainland municipality is considered, Aura stays real, the
 * patterns the issue asks for occur at plausible rates, and the same seed gives the same plan.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReference, makePlan, type Reference } from '../../corpus/generate';
import { genitiveFi, orgNameFi, slug } from '../../corpus/names';
import { AURA, type CorpusPlan } from '../../corpus/plan';
import { Rng } from '../../corpus/random';

const ROOT = join(__dirname, '..', '..');
let ref: Reference;
let plan: CorpusPlan;

beforeAll(async () => {
	ref = await loadReference(ROOT);
	plan = makePlan('2025', ref);
});

const mainland = () => ref.municipalities.filter((m) => !m.aland);
const byCode = () => new Map(ref.municipalities.map((m) => [m.code, m]));

describe('seeded randomness', () => {
	it('gives the same stream for the same label and different streams for different labels', () => {
		const a = new Rng('x');
		const b = new Rng('x');
		const c = new Rng('y');
		const seqA = Array.from({ length: 20 }, () => a.nextUint32());
		expect(Array.from({ length: 20 }, () => b.nextUint32())).toEqual(seqA);
		expect(Array.from({ length: 20 }, () => c.nextUint32())).not.toEqual(seqA);
	});

	it('forks by label, independently of how much the parent has drawn', () => {
		const a = new Rng('p');
		const b = new Rng('p');
		for (let i = 0; i < 100; i++) a.next();
		expect(a.fork('k').nextUint32()).toBe(b.fork('k').nextUint32());
	});

	it('keeps int() within bounds and covers them', () => {
		const r = new Rng('ints');
		const seen = new Set<number>();
		for (let i = 0; i < 2000; i++) {
			const v = r.int(3, 7);
			expect(v).toBeGreaterThanOrEqual(3);
			expect(v).toBeLessThanOrEqual(7);
			seen.add(v);
		}
		expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
	});
});

describe('municipality names', () => {
	it('inflects irregular genitives', () => {
		const cases: [string, string][] = [
			['Helsinki', 'Helsingin'],
			['Turku', 'Turun'],
			['Lappeenranta', 'Lappeenrannan'],
			['Ikaalinen', 'Ikaalisten'],
			['Uusikaupunki', 'Uudenkaupungin'],
			['Mänttä-Vilppula', 'Mänttä-Vilppulan'],
			['Seinäjoki', 'Seinäjoen'],
			['Riihimäki', 'Riihimäen'],
			['Lieto', 'Liedon'],
			['Kempele', 'Kempeleen'],
			['Vihti', 'Vihdin'],
			['Hanko', 'Hangon'],
			['Loimaa', 'Loimaan'],
			['Aura', 'Auran']
		];
		for (const [name, gen] of cases) expect(genitiveFi(name), name).toBe(gen);
		expect(orgNameFi('Loimaa')).toBe('Loimaan kaupunki');
		expect(orgNameFi('Aura')).toBe('Auran kunta');
		expect(orgNameFi('Pedersören kunta')).toBe('Pedersören kunta');
	});

	it('gives every mainland municipality a genitive and an ASCII slug', () => {
		for (const m of mainland()) {
			expect(genitiveFi(m.nameFi), m.nameFi).toMatch(/n( Tl)?$/);
			expect(slug(m.nameFi), m.nameFi).toMatch(/^[a-z0-9-]+$/);
		}
	});
});

describe('corpus plan', () => {
	it('considers every one of the 292 mainland municipalities and no Åland one', () => {
		expect(mainland()).toHaveLength(292);
		expect(plan.coverage.size).toBe(292);
		for (const m of mainland()) expect(plan.coverage.has(m.code), m.code).toBe(true);
		const aland = new Set(ref.municipalities.filter((m) => m.aland).map((m) => m.code));
		for (const d of plan.docs) for (const c of d.codes) expect(aland.has(c), `${d.id} covers Åland ${c}`).toBe(false);
	});

	it('covers each municipality marked "document" and none marked "gap"', () => {
		const covered = new Set(plan.docs.flatMap((d) => d.codes));
		for (const [code, how] of plan.coverage) {
			if (how === 'document') expect(covered.has(code), code).toBe(true);
			else expect(covered.has(code), code).toBe(false);
		}
		expect(plan.gaps.length).toBeGreaterThanOrEqual(5);
		expect(plan.gaps.length).toBeLessThanOrEqual(20);
	});

	it('never generates Aura, and keeps its partners consistent with its real 54 § arrangement (host Loimaa)', () => {
		expect(plan.coverage.get(AURA.code)).toBe('real');
		for (const d of plan.docs) expect(d.codes).not.toContain(AURA.code);
		for (const code of [AURA.host, ...AURA.partners]) {
			const docs = plan.docs.filter((d) => d.codes.includes(code));
			expect(docs.length, code).toBeGreaterThan(0);
			for (const d of docs) {
				expect(d.host).toBe(AURA.host);
				expect(d.agreementMembers).toContain(AURA.code);
			}
		}
	});

	it('puts 54 § hosts and their members in the same employment area', () => {
		const m = byCode();
		const hosted = plan.docs.filter((d) => d.host);
		expect(hosted.length).toBeGreaterThan(40);
		for (const d of hosted) {
			for (const member of d.agreementMembers) {
				expect(m.get(member)!.employmentAreaCode, `${d.id}: ${member} vs host ${d.host}`).toBe(m.get(d.host!)!.employmentAreaCode);
			}
		}
		// Members are smaller than their host.
		for (const d of plan.docs.filter((x) => x.model === 'member_54')) {
			expect(m.get(d.codes[0])!.population).toBeLessThan(m.get(d.host!)!.population);
		}
	});

	it('has the situations a reader expects: own services in large cities, joint documents, updated versions', () => {
		const m = byCode();
		for (const d of plan.docs.filter((x) => m.get(x.codes[0])!.population >= 100_000)) {
			expect(['own', 'host_54', 'joint_54', 'joint_area']).toContain(d.model);
			expect(d.model).not.toBe('member_54');
		}
		expect(plan.docs.filter((d) => d.codes.length > 1).length).toBeGreaterThanOrEqual(3);
		const later = plan.docs.filter((d) => d.version >= 2);
		expect(later.filter((d) => d.version === 2).length).toBeGreaterThanOrEqual(20);
		expect(later.filter((d) => d.version === 3).length).toBeGreaterThanOrEqual(5);
		for (const d of later) {
			const before = plan.docs.find((x) => x.id === d.supersedes)!;
			expect(before.version).toBe(d.version - 1);
			expect(before.supersededBy).toBe(d.id);
			expect(d.date.iso > before.date.iso).toBe(true);
			expect(d.codes).toEqual(before.codes);
			expect(d.update).not.toBeNull();
			// Every demo date is in the past for an ingest today (nothing is flagged as in the future).
			expect(d.date.iso <= '2025-12-19').toBe(true);
		}
		// The reform histories: a 2024 first version naming the TE office, an update after 1.1.2025.
		const reform = later.filter((d) => d.update!.reform);
		expect(reform.length).toBeGreaterThanOrEqual(5);
		for (const d of reform) {
			const v1 = plan.docs.find((x) => x.id === d.supersedes)!;
			expect([v1.era, v1.date.iso < '2025-01-01', d.date.iso >= '2025-01-01']).toEqual(['te', true, true]);
		}
	});

	it('writes Swedish-majority municipalities in Swedish and bilingual ones partly in Swedish', () => {
		const m = byCode();
		const svMajority = plan.docs.filter((d) => m.get(d.codes[0])!.languageStatus === 'sv-fi');
		expect(svMajority.length).toBeGreaterThan(5);
		expect(svMajority.filter((d) => d.language === 'sv').length / svMajority.length).toBeGreaterThan(0.6);
		for (const d of svMajority) expect(d.language).not.toBe('fi');
		for (const d of plan.docs.filter((x) => x.codes.every((c) => m.get(c)!.languageStatus === 'fi'))) expect(d.language).toBe('fi');
		expect(plan.docs.some((d) => d.language === 'sv' && d.kind === 'own-template')).toBe(true);
		expect(plan.docs.some((d) => d.language === 'sv' && d.kind === 'fillable-form')).toBe(true);
	});

	it('mixes input kinds at realistic rates, with every broken kind present', () => {
		const n = plan.docs.length;
		const count = (k: string) => plan.docs.filter((d) => d.kind === k).length;
		expect(n).toBeGreaterThan(230);
		expect(count('fillable-form') / n).toBeGreaterThan(0.55);
		expect(count('fillable-form') / n).toBeLessThan(0.8);
		expect(count('flattened-form') / n).toBeGreaterThan(0.05);
		expect(count('flattened-form') / n).toBeLessThan(0.2);
		expect(count('own-template') / n).toBeGreaterThan(0.08);
		expect(count('own-template') / n).toBeLessThan(0.25);
		const broken = ['truncated', 'not-pdf', 'empty-file', 'scan'].map(count);
		for (const b of broken) expect(b).toBeGreaterThanOrEqual(1);
		expect(broken.reduce((a, b) => a + b, 0) / n).toBeLessThan(0.06);
	});

	it('is deterministic: same seed, same plan; another seed, another plan', () => {
		const again = makePlan('2025', ref);
		expect(JSON.stringify(again.docs)).toBe(JSON.stringify(plan.docs));
		expect(again.gaps).toEqual(plan.gaps);
		const other = makePlan('7', ref);
		expect(JSON.stringify(other.docs)).not.toBe(JSON.stringify(plan.docs));
	});
});

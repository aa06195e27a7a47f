/**
 * The comparison views' SQL (src/lib/db/queries.ts: responsibilities, languages, cooperation,
 * area report, compare) run in Node against the views' synthetic dataset. Expectations are
 * computed in plain JavaScript from the fixture rows, never written down as results.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REFERENCE, type FixtureRow } from '../fixtures/make-dataset';
import { VIEWS_FIXTURE as FX, writeViewsDataset } from '../fixtures/views-dataset';
import { openNodeDatabase, type NodeDatabase } from '../../src/lib/db/node.server';
import {
	areaCoverage,
	areaLanguages,
	areaMembers,
	areaProviders,
	arrangementsByRegion,
	compareFacts,
	compareParts,
	compareProgrammes,
	cooperationEvidence,
	cooperationNetwork,
	CLIENT_GROUP_IDS,
	EXCERPT_CHARS,
	EXPECTED_SERVICES,
	jointProgrammes,
	languageEvidence,
	languageGroupTotals,
	languageMap,
	languageNone,
	languagesByGroup,
	loadArea,
	loadCompare,
	loadCooperation,
	loadLanguages,
	loadResponsibilities,
	responsibilityDisagreements,
	responsibilityEvidence,
	responsibilityGaps,
	responsibilityKinds,
	type AreaMember,
	type AreaProviderRow,
	type CompareFact,
	type ComparePart,
	type CompareProgramme,
	type EvidenceRow,
	type NetworkLink,
	type ResponsibilityDisagreement,
	type ResponsibilityGap,
	type ResponsibilityKindCount
} from '../../src/lib/db/queries';
import { EMPTY_FILTERS, type Filters } from '../../src/lib/state/filters';
import { parseEmploymentAreas } from '../../src/lib/reference/index';

let dir: string;
let db: NodeDatabase;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-views-'));
	await writeViewsDataset(dir);
	db = await openNodeDatabase(dir);
});
afterAll(() => {
	db?.close();
	rmSync(dir, { recursive: true, force: true });
});

const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });
const muni = new Map(REFERENCE.map((m) => [m.code, m]));
const TURKU_AREA = muni.get('853')!.employmentAreaCode;

// ——— the filter semantics in plain JavaScript (as documented in queries.ts)
function scope(filters: Filters) {
	const inMuni = (code: string) => {
		const m = muni.get(code);
		if (!m || m.aland) return false;
		if (filters.region.length && !filters.region.includes(m.regionCode)) return false;
		if (filters.wellbeing.length && !filters.wellbeing.includes(m.wellbeingCountyCode)) return false;
		if (filters.area.length && !filters.area.includes(m.employmentAreaCode)) return false;
		if (filters.languageStatus.length && !filters.languageStatus.includes(m.languageStatus)) return false;
		if (filters.populationClass.length && !filters.populationClass.includes(m.populationClass)) return false;
		return true;
	};
	const muniFiltered =
		filters.region.length + filters.wellbeing.length + filters.area.length + filters.languageStatus.length + filters.populationClass.length > 0;
	const programmes = FX.programmes.filter((p) => {
		if (!p.is_current) return false;
		if (filters.inputKind.length && !filters.inputKind.includes(p.input_kind as never)) return false;
		if (filters.synthetic === 'real' && p.is_synthetic) return false;
		if (filters.synthetic === 'synthetic' && !p.is_synthetic) return false;
		return muniFiltered ? (p.municipality_codes as string[]).some(inMuni) : true;
	});
	const ids = new Set(programmes.map((p) => p.programme_id as string));
	const coverage = programmes.flatMap((p) =>
		(p.municipality_codes as string[]).filter(inMuni).map((code) => ({ pid: p.programme_id as string, code }))
	);
	return { programmes, ids, coverage, inMuni, munis: REFERENCE.filter((m) => inMuni(m.code)) };
}

/** Responsibilities in scope, `both` expanded into the two groups. */
function respRows(filters: Filters) {
	const { ids } = scope(filters);
	return FX.responsibilities
		.filter((r) => ids.has(r.programme_id as string))
		.flatMap((r) => (r.client_group === 'both' ? [...CLIENT_GROUP_IDS] : [r.client_group as string]).map((grp) => ({ ...r, grp }) as FixtureRow & { grp: string }));
}
const unitOf = (r: FixtureRow) => `${r.provider_kind}${r.provider_municipality_code ? `:${r.provider_municipality_code}` : ''}`;

const FILTER_CASES: [string, Filters][] = [
	['no filters', EMPTY_FILTERS],
	['region Varsinais-Suomi', f({ region: ['02'] })],
	['region Uusimaa', f({ region: ['01'] })],
	['Turku employment area', f({ area: [TURKU_AREA] })],
	['population ≥100k', f({ populationClass: ['≥100k'] })],
	['input kind own-template', f({ inputKind: ['own-template'] })],
	['only real programmes', f({ synthetic: 'real' })]
];

const key = (...parts: unknown[]) => parts.join('|');
const sortRows = <T>(rows: T[], k: (r: T) => string) => [...rows].sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0));

describe('responsibilities', () => {
	it('the fixture holds a disjoint and a partial disagreement, an agreeing pair and a provider named for both groups', () => {
		const rows = respRows(EMPTY_FILTERS);
		const pairs = new Map<string, { table: Set<string>; prose: Set<string> }>();
		for (const r of rows) {
			const k = key(r.programme_id, r.service, r.grp);
			const p = pairs.get(k) ?? { table: new Set(), prose: new Set() };
			(r.from_table ? p.table : p.prose).add(unitOf(r));
			pairs.set(k, p);
		}
		const both = [...pairs.values()].filter((p) => p.table.size && p.prose.size);
		const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
		expect(both.some((p) => same(p.table, p.prose))).toBe(true);
		expect(both.some((p) => ![...p.table].some((x) => p.prose.has(x)))).toBe(true);
		expect(both.some((p) => !same(p.table, p.prose) && [...p.table].some((x) => p.prose.has(x)))).toBe(true);
		expect(FX.responsibilities.some((r) => r.client_group === 'both')).toBe(true);
	});

	it.each(FILTER_CASES)('disagreements between the table and the prose: %s', async (_n, filters) => {
		const got = await db.run<ResponsibilityDisagreement>(responsibilityDisagreements(filters));
		const groups = new Map<string, FixtureRow[]>();
		for (const r of respRows(filters)) {
			const k = key(r.programme_id, r.service, r.grp);
			groups.set(k, [...(groups.get(k) ?? []), r]);
		}
		const expected = [...groups.values()].flatMap((rows) => {
			const table = new Set(rows.filter((r) => r.from_table).map(unitOf));
			const prose = new Set(rows.filter((r) => !r.from_table).map(unitOf));
			if (!table.size || !prose.size) return [];
			const tableOnly = [...table].filter((u) => !prose.has(u)).sort();
			const proseOnly = [...prose].filter((u) => !table.has(u)).sort();
			if (!tableOnly.length && !proseOnly.length) return [];
			const shared = [...table].some((u) => prose.has(u));
			return [
				{
					k: key(rows[0].programme_id, rows[0].service, rows[0].grp),
					table_only: tableOnly,
					prose_only: proseOnly,
					severity: shared ? 'partial' : 'disjoint',
					table_providers: [...new Set(rows.filter((r) => r.from_table).map((r) => r.provider as string))].sort().join('; '),
					prose_providers: [...new Set(rows.filter((r) => !r.from_table).map((r) => r.provider as string))].sort().join('; ')
				}
			];
		});
		const norm = got.map((r) => ({
			k: key(r.programme_id, r.service, r.client_group),
			table_only: r.table_only,
			prose_only: r.prose_only,
			severity: r.severity,
			table_providers: r.table_providers,
			prose_providers: r.prose_providers
		}));
		expect(sortRows(norm, (r) => r.k)).toEqual(sortRows(expected, (r) => r.k));
		// Disjoint ones come first: they are the ones to look at.
		const firstPartial = got.findIndex((r) => r.severity === 'partial');
		if (firstPartial >= 0) expect(got.slice(firstPartial).every((r) => r.severity === 'partial')).toBe(true);
	});

	it.each(FILTER_CASES)('expected services with no named provider: %s', async (_n, filters) => {
		const got = await db.run<ResponsibilityGap>(responsibilityGaps(filters));
		const rows = respRows(filters);
		const expected: string[] = [];
		for (const p of scope(filters).programmes) {
			for (const service of EXPECTED_SERVICES) {
				const missing = CLIENT_GROUP_IDS.filter(
					(g) => !rows.some((r) => r.programme_id === p.programme_id && r.service === service && r.grp === g)
				);
				if (missing.length) expected.push(key(p.programme_id, service, missing.length === 2 ? 'both' : missing[0]));
			}
		}
		expect(got.map((r) => key(r.programme_id, r.service, r.client_group)).sort()).toEqual(expected.sort());
	});

	it('a gap carries the answer that should have named the provider', async () => {
		const got = await db.run<ResponsibilityGap>(responsibilityGaps(EMPTY_FILTERS));
		const aura = got.find((r) => r.programme_id === FX.programmes[0].programme_id && r.service === 'training');
		expect(aura).toMatchObject({ client_group: 'others', key: 's4.b' });
		const answer = FX.answers.find((a) => a.programme_id === aura!.programme_id && a.key === 's4.b');
		expect(aura!.text).toBe((answer!.text as string).slice(0, EXCERPT_CHARS));
	});

	it.each(FILTER_CASES)('provider kinds per service and group, with "none": %s', async (_n, filters) => {
		const got = await db.run<ResponsibilityKindCount>(responsibilityKinds(filters));
		const { programmes, coverage } = scope(filters);
		const counts = new Map<string, { p: Set<string>; m: Set<string> }>();
		const add = (k: string, pid: string) => {
			const c = counts.get(k) ?? { p: new Set(), m: new Set() };
			c.p.add(pid);
			for (const cv of coverage) if (cv.pid === pid) c.m.add(cv.code);
			counts.set(k, c);
		};
		const rows = respRows(filters);
		for (const r of rows) add(key(r.service, r.grp, r.provider_kind), r.programme_id as string);
		for (const p of programmes)
			for (const s of EXPECTED_SERVICES)
				for (const g of CLIENT_GROUP_IDS)
					if (!rows.some((r) => r.programme_id === p.programme_id && r.service === s && r.grp === g)) add(key(s, g, 'none'), p.programme_id as string);
		const expected = [...counts].map(([k, c]) => `${k}|${c.p.size}|${c.m.size}`).sort();
		expect(got.map((r) => key(r.service, r.client_group, r.provider_kind, r.programmes, r.municipalities)).sort()).toEqual(expected);
	});

	it('evidence for a selection: every row matches it and its snippet is the answer text at the span', async () => {
		const rows = await db.run<EvidenceRow & { provider_kind: string; client_group: string; service: string }>(
			responsibilityEvidence(EMPTY_FILTERS, { service: 'assessment', clientGroup: 'jobseekers' })
		);
		const expected = respRows(EMPTY_FILTERS).filter((r) => r.service === 'assessment' && r.grp === 'jobseekers');
		expect(rows.length).toBe(expected.length);
		for (const r of rows) {
			expect(r.service).toBe('assessment');
			expect(['jobseekers', 'both']).toContain(r.client_group);
			expect(r.text!.slice(r.span_start, r.span_end)).toBe(r.snippet);
		}
		const byKind = await db.run(responsibilityEvidence(EMPTY_FILTERS, { providerKind: 'host_municipality' }));
		expect(byKind.length).toBe(FX.responsibilities.filter((r) => r.provider_kind === 'host_municipality').length);
	});

	it('binds the selection: a hostile value matches nothing', async () => {
		expect(await db.run(responsibilityEvidence(EMPTY_FILTERS, { service: "x' OR true OR 'x" }))).toEqual([]);
	});
});

describe('languages', () => {
	const orientation = (filters: Filters) => {
		const { ids } = scope(filters);
		return FX.languages.filter((l) => l.context === 'orientation' && ids.has(l.programme_id as string));
	};

	it.each(FILTER_CASES)('by region, area and wellbeing county: %s', async (_n, filters) => {
		for (const [grouping, attr] of [
			['region', 'regionCode'],
			['area', 'employmentAreaCode'],
			['wellbeing', 'wellbeingCountyCode']
		] as const) {
			const got = await db.run(languagesByGroup(filters, grouping));
			const { coverage } = scope(filters);
			const counts = new Map<string, Set<string>>();
			for (const l of orientation(filters))
				for (const c of coverage.filter((c) => c.pid === l.programme_id)) {
					const k = key(muni.get(c.code)![attr], l.language_code);
					counts.set(k, (counts.get(k) ?? new Set()).add(c.code));
				}
			expect(got.map((r) => key(r.group_code, r.language_code, r.municipalities)).sort()).toEqual(
				[...counts].map(([k, s]) => `${k}|${s.size}`).sort()
			);
		}
	});

	it.each(FILTER_CASES)('totals and the municipalities that name none: %s', async (_n, filters) => {
		const { coverage, munis } = scope(filters);
		const naming = new Set(orientation(filters).map((l) => l.programme_id));
		const covered = new Set(coverage.map((c) => c.code));
		const namesAny = new Set(coverage.filter((c) => naming.has(c.pid)).map((c) => c.code));
		const totals = await db.run(languageGroupTotals(filters, 'region'));
		const exp = new Map<string, [number, number, number]>();
		for (const m of munis) {
			const t = exp.get(m.regionCode) ?? [0, 0, 0];
			t[0]++;
			if (covered.has(m.code)) t[1]++;
			if (covered.has(m.code) && !namesAny.has(m.code)) t[2]++;
			exp.set(m.regionCode, t);
		}
		expect(totals.map((r) => key(r.group_code, r.municipalities, r.covered, r.naming_none)).sort()).toEqual(
			[...exp].map(([k, t]) => key(k, ...t)).sort()
		);
		const none = await db.run(languageNone(filters));
		const expNone = coverage.filter((c) => !namesAny.has(c.code)).map((c) => key(c.code, c.pid));
		expect(none.map((r) => key(r.code, r.programme_id)).sort()).toEqual(expNone.sort());
	});

	it('a municipality that names none is listed with its 3A answer, and Pedersöre (no languages) is one', async () => {
		const none = await db.run(languageNone(EMPTY_FILTERS));
		const ped = none.find((r) => r.code === '599');
		expect(ped).toBeDefined();
		expect(ped!.key).toBe('s3.a2');
	});

	it('the map of one language marks exactly the covered municipalities whose programmes name it', async () => {
		const rows = await db.run(languageMap(EMPTY_FILTERS, 'so'));
		expect(rows.length).toBe(REFERENCE.length);
		const { coverage } = scope(EMPTY_FILTERS);
		const naming = new Set(orientation(EMPTY_FILTERS).filter((l) => l.language_code === 'so').map((l) => l.programme_id));
		const expected = new Set(coverage.filter((c) => naming.has(c.pid)).map((c) => c.code));
		expect(new Set(rows.filter((r) => r.names_language).map((r) => r.code))).toEqual(expected);
		// Somali for training only (Testikunta 1) does not count for orientation.
		expect(rows.find((r) => r.code === '019')!.names_language).toBe(false);
		expect(rows.filter((r) => !r.in_scope).every((r) => muni.get(r.code as string)!.aland)).toBe(true);
	});

	it('evidence per group: the programmes in the group that name the language', async () => {
		const ukr = await db.run<EvidenceRow>(languageEvidence(EMPTY_FILTERS, { language: 'uk', context: 'orientation', grouping: 'region', group: '02' }));
		const { coverage } = scope(EMPTY_FILTERS);
		const inRegion = new Set(coverage.filter((c) => muni.get(c.code)!.regionCode === '02').map((c) => c.pid));
		const expected = orientation(EMPTY_FILTERS).filter((l) => l.language_code === 'uk' && inRegion.has(l.programme_id as string));
		expect(ukr.map((r) => r.programme_id).sort()).toEqual(expected.map((l) => l.programme_id).sort());
		expect(ukr.length).toBeGreaterThan(0);
	});
});

describe('cooperation', () => {
	it.each(FILTER_CASES)('host–member links of 54 § agreements: %s', async (_n, filters) => {
		const got = await db.run<NetworkLink>(cooperationNetwork(filters));
		const expected = new Set<string>();
		for (const p of scope(filters).programmes) {
			const rows = FX.cooperation.filter(
				(c) => c.programme_id === p.programme_id && c.arrangement_type === 'kuntalaki_54' && c.partner_municipality_code && ['host', 'member'].includes(c.role as string)
			);
			if (!rows.length) continue;
			const own = p.municipality_codes as string[];
			const named = rows.filter((c) => c.role === 'host').map((c) => c.partner_municipality_code as string);
			const hosts = named.length ? named : own;
			const members = [...rows.filter((c) => c.role === 'member').map((c) => c.partner_municipality_code as string), ...(named.length ? own : [])];
			for (const h of hosts) for (const m of members) if (h !== m) expected.add(key(h, m));
		}
		expect(new Set(got.map((r) => key(r.host_code, r.member_code)))).toEqual(expected);
		for (const r of got) expect(r.text!.slice(r.span_start, r.span_end)).toBe(r.snippet);
	});

	it('the network has Loimaa hosting Aura and Helsinki hosting Vantaa, and no edge without a resolved host', async () => {
		const got = await db.run<NetworkLink>(cooperationNetwork(EMPTY_FILTERS));
		const edges = got.map((r) => `${r.host_code}→${r.member_code}`);
		expect(edges).toContain('430→019');
		expect(edges).toContain('430→561');
		expect(edges).toContain('091→092');
		// A member is never taken for the host of another member.
		expect(edges).not.toContain('019→561');
		expect(got.some((r) => r.member_code === '599' || r.host_code === '599')).toBe(false);
	});

	it.each(FILTER_CASES)('arrangement types by region: %s', async (_n, filters) => {
		const got = await db.run(arrangementsByRegion(filters));
		const { coverage } = scope(filters);
		const counts = new Map<string, Set<string>>();
		for (const c of FX.cooperation)
			for (const cv of coverage.filter((cv) => cv.pid === c.programme_id)) {
				const k = key(muni.get(cv.code)!.regionCode, c.arrangement_type);
				counts.set(k, (counts.get(k) ?? new Set()).add(cv.pid));
			}
		expect(got.map((r) => key(r.region_code, r.arrangement_type, r.programmes)).sort()).toEqual([...counts].map(([k, s]) => `${k}|${s.size}`).sort());
	});

	it.each(FILTER_CASES)('joint programmes cover more than one municipality: %s', async (_n, filters) => {
		const got = await db.run(jointProgrammes(filters));
		const expected = scope(filters).programmes.filter((p) => (p.municipality_codes as string[]).length > 1);
		expect(got.map((r) => r.programme_id).sort()).toEqual(expected.map((p) => p.programme_id).sort());
		for (const r of got) {
			const areas = [...new Set((r.municipality_codes as string[]).map((c) => muni.get(c)!.employmentAreaCode))].sort();
			expect(r.area_codes).toEqual(areas);
			expect(r.one_area).toBe(areas.length === 1);
		}
	});

	it('evidence per arrangement type and region', async () => {
		const rows = await db.run<EvidenceRow>(cooperationEvidence(EMPTY_FILTERS, { arrangementType: 'ngo_parish', region: '02' }));
		expect(rows.map((r) => r.snippet).sort()).toEqual(['MLL', 'SPR']);
		for (const r of rows) expect(r.text!.slice(r.span_start, r.span_end)).toBe(r.snippet);
	});
});

describe('employment area report', () => {
	const areas = parseEmploymentAreas(readFileSync('data/reference/employment_areas.csv', 'utf8'));

	it('lists every member of the area, with the programme that covers it', async () => {
		const got = await db.run<AreaMember>(areaMembers(EMPTY_FILTERS, TURKU_AREA));
		const members = REFERENCE.filter((m) => m.employmentAreaCode === TURKU_AREA && !m.aland);
		expect(got.map((r) => r.code).sort()).toEqual(members.map((m) => m.code).sort());
		// The reference list of the area agrees with the municipalities' own area codes.
		expect(areas.find((a) => a.code === TURKU_AREA)!.memberCodes.sort()).toEqual(members.map((m) => m.code).sort());
		const { coverage } = scope(EMPTY_FILTERS);
		for (const r of got) {
			const covering = coverage.filter((c) => c.code === r.code).map((c) => c.pid);
			expect(r.programmes).toBe(covering.length);
			if (covering.length) expect(covering).toContain(r.programme_id);
			else expect(r.programme_id).toBeNull();
		}
	});

	it('flags services whose providers members name differently, ignoring case and spacing', async () => {
		const got = await db.run<AreaProviderRow>(areaProviders(EMPTY_FILTERS, TURKU_AREA));
		const at = (service: string, group: string) => got.filter((r) => r.service === service && r.client_group === group);
		// Aura: the municipality itself / Loimaa; Turku and Loimaa: Turku → different.
		expect(at('assessment', 'others').every((r) => r.differs)).toBe(true);
		expect(at('assessment', 'others').map((r) => r.code).sort()).toEqual(['019', '430', '853']);
		// All name the Turku employment area (once with a double space) → the same.
		expect(at('training', 'jobseekers').length).toBe(3);
		expect(at('training', 'jobseekers').every((r) => !r.differs && r.variants === 1)).toBe(true);
	});

	it('grades each member’s mandatory parts and gathers the languages offered across the area', async () => {
		const data = await loadArea(db, EMPTY_FILTERS, TURKU_AREA);
		const mandatory = FX.completeness.filter((c) => c.mandatory && c.programme_id === FX.programmes[0].programme_id);
		expect(data.coverage.filter((r) => r.code === '019').length).toBe(mandatory.length);
		const uk = data.languages.find((l) => l.language_code === 'uk' && l.context === 'orientation');
		expect(uk!.member_codes).toEqual(['019', '430', '853']);
		const so = data.languages.find((l) => l.language_code === 'so' && l.context === 'orientation');
		expect(so!.member_codes).toEqual(['430', '853']);
		expect(await db.run(areaCoverage(f({ synthetic: 'real' }), TURKU_AREA))).toEqual([]);
		expect((await db.run(areaLanguages(f({ synthetic: 'real' }), TURKU_AREA))).length).toBe(0);
	});

	it('every mainland area has members, and a bad area code is refused', async () => {
		const mainland = areas.filter((a) => a.code !== '46');
		expect(mainland.length).toBe(45);
		for (const a of mainland.slice(0, 5)) expect((await db.run(areaMembers(EMPTY_FILTERS, a.code))).length).toBe(a.memberCodes.length);
		expect(() => areaMembers(EMPTY_FILTERS, "41' OR 1=1")).toThrow(/area code/);
	});
});

describe('compare', () => {
	it('lines up each municipality with its programme, parts and facts', async () => {
		const data = await loadCompare(db, EMPTY_FILTERS, ['019', '091', '092']);
		expect(data.programmes.map((p: CompareProgramme) => p.code)).toEqual(['019', '091', '092']);
		const [aura, hki, vantaa] = data.programmes;
		expect(aura.programme_id).toBe(FX.programmes[0].programme_id);
		expect(hki.programme_id).toBe(FX.programmes[2].programme_id);
		expect(vantaa.programme_id).toBeNull();
		const auraParts = data.parts.filter((p: ComparePart) => p.code === '019');
		const graded = FX.completeness.filter((c) => c.programme_id === aura.programme_id);
		const extraAnswers = FX.answers.filter((a) => a.programme_id === aura.programme_id && !graded.some((c) => c.key === a.key));
		expect(auraParts.length).toBe(graded.length + extraAnswers.length);
		const s3a2 = auraParts.find((p) => p.key === 's3.a2')!;
		expect(s3a2.text).toBe(FX.answers.find((a) => a.programme_id === aura.programme_id && a.key === 's3.a2')!.text);
		const facts = data.facts as CompareFact[];
		expect(facts.filter((x) => x.code === '019' && x.fact_type === 'language').map((x) => x.fact).sort()).toEqual(
			FX.languages.filter((l) => l.programme_id === aura.programme_id).map((l) => `${l.context}:${l.language_code}`).sort()
		);
		expect(facts.some((x) => x.code === '091' && x.fact === 'kuntalaki_54')).toBe(true);
		expect(facts.some((x) => x.code === '019' && x.fact === 'assessment:jobseekers:employment_authority')).toBe(true);
	});

	it('ignores municipality filters (the user names the municipalities) but keeps the programme filters', async () => {
		const filtered = await db.run<CompareProgramme>(compareProgrammes(f({ region: ['19'] }), ['019', '091']));
		expect(filtered.every((p) => p.programme_id !== null)).toBe(true);
		const real = await db.run<CompareProgramme>(compareProgrammes(f({ synthetic: 'real' }), ['019', '091']));
		expect(real.every((p) => p.programme_id === null)).toBe(true);
		expect(await db.run(compareParts(f({ synthetic: 'real' }), ['019']))).toEqual([]);
		expect(await db.run(compareFacts(f({ synthetic: 'real' }), ['019']))).toEqual([]);
	});

	it('refuses anything but municipality codes', () => {
		expect(() => compareProgrammes(EMPTY_FILTERS, ['019', "1') OR (1=1"])).toThrow(/bad municipality code/);
	});
});

describe('page loaders', () => {
	it('run every query of the views without error on the dataset and on empty enrichment tables', async () => {
		await loadResponsibilities(db, EMPTY_FILTERS);
		await loadCooperation(db, EMPTY_FILTERS);
		for (const g of ['national', 'region', 'area', 'wellbeing'] as const) await loadLanguages(db, EMPTY_FILTERS, g);
		// Enrichment not produced yet: the views must still run (empty tables of the declared shape).
		const empty = mkdtempSync(join(tmpdir(), 'kk-views-empty-'));
		await writeViewsDataset(empty);
		for (const t of ['responsibilities', 'languages', 'cooperation', 'completeness']) rmSync(join(empty, `${t}.parquet`));
		const none = await openNodeDatabase(empty);
		try {
			const r = await loadResponsibilities(none, EMPTY_FILTERS);
			// No responsibilities at all = not enriched yet: no "nobody named" claims either.
			expect(r.kinds).toEqual([]);
			expect(r.gaps).toEqual([]);
			expect((await loadCooperation(none, EMPTY_FILTERS)).network).toEqual([]);
			const area = await loadArea(none, EMPTY_FILTERS, TURKU_AREA);
			expect(area.members.filter((m) => m.programme_id).map((m) => m.code).sort()).toEqual(['019', '430', '853']);
			expect(area.providers).toEqual([]);
			expect((await loadCompare(none, EMPTY_FILTERS, ['019', '091'])).parts.length).toBeGreaterThan(0);
		} finally {
			none.close();
			rmSync(empty, { recursive: true, force: true });
		}
	});
});

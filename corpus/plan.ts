/**
 * The programme situation of every mainland municipality: who publishes which document, in
 * which language and form, alone or with others, and who has none.
 *
 * Patterns follow what municipalities actually do: small municipalities often buy their
 * integration services from a nearby town under a cooperation agreement (Kuntalaki 410/2015
 * 54 §, "vastuukunta"), inside their employment area; large cities run their own services; a
 * few employment areas write one joint programme; Swedish-majority municipalities answer in
 * Swedish; some programmes were updated later; a few municipalities have none at all.
 */
import type { EmploymentArea, Municipality } from '../src/lib/reference/index';
import type { Rng } from './random';

/** How a document was generated. The first four are readable; the last three are broken on purpose. */
export const DOC_KINDS = ['fillable-form', 'flattened-form', 'own-template', 'scan', 'truncated', 'not-pdf', 'empty-file'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/**
 * - own: the municipality runs its services itself (with the employment authority);
 * - member_54: it buys them from a host municipality under a 54 § agreement;
 * - host_54: it is the host for others and describes its own programme;
 * - joint_54: one document for the host and its members;
 * - joint_area: one document for (most of) an employment area.
 */
export type SituationModel = 'own' | 'member_54' | 'host_54' | 'joint_54' | 'joint_area';

export interface DocDate {
	/** ISO date the document says it was made or updated. */
	iso: string;
	/** As written in the header; `parseable` false when it names only a month. */
	text: string;
	parseable: boolean;
}

/**
 * What an update changes in the version before it (versions 2 and 3): the generator rewrites only
 * these parts and keeps every other answer word for word, as municipalities do.
 */
export interface UpdatePlan {
	/** An orientation language is added (the need appeared since). */
	languages: boolean;
	/** The employment services moved to the employment area on 1.1.2025: the parts naming the TE office are rewritten. */
	reform: boolean;
	/** Probability that each mandatory part left unanswered is filled in. */
	fill: number;
	/** How many answered parts are reworded. */
	edits: number;
}

export interface DocPlan {
	/** Stable id: `<lead code>-v<version>`. */
	id: string;
	model: SituationModel;
	/** Municipalities the document covers; the first is the lead (coordinator, file name). */
	codes: string[];
	/** The 54 § host, if the situation has one. */
	host: string | null;
	/** All members of the 54 § agreement (excluding the host), including any without a document. */
	agreementMembers: string[];
	areaCode: string;
	/** Language of the answers: Finnish, Swedish, or Finnish with Swedish passages. */
	language: 'fi' | 'sv' | 'fi+sv';
	kind: DocKind;
	/** 1, 2 or 3: the place in the municipality's history. */
	version: number;
	supersedes: string | null;
	supersededBy: string | null;
	/** For versions 2 and 3: what changed since the previous version. */
	update: UpdatePlan | null;
	/** `te`: written before the employment-area reform, naming the TE office (the first version of a reform history). */
	era: 'te' | 'now';
	date: DocDate;
	/** Probability that a mandatory part is properly answered (the rest is thin, placeholder or empty). */
	diligence: number;
	tableFilled: boolean;
	/** For broken files: which variant of the kind (0, 1, …), so each variant occurs. */
	variant: number;
}

export interface CorpusPlan {
	docs: DocPlan[];
	/** Mainland municipalities with no programme at all (coverage gaps to be found). */
	gaps: string[];
	/** Municipalities covered by a real document instead (never generated). */
	real: { code: string; file: string }[];
	/** Every mainland code → how it is covered. */
	coverage: Map<string, 'document' | 'gap' | 'real'>;
}

/** Aura (019) is the real seed programme: its 54 § host is Loimaa, with Oripää and Pöytyä. */
export const AURA = { code: '019', file: 'aura-2024-11-18.pdf', host: '430', partners: ['561', '636'] } as const;

const GAP_COUNT = 12;
const BROKEN: readonly DocKind[] = ['truncated', 'truncated', 'not-pdf', 'not-pdf', 'empty-file', 'scan', 'scan', 'scan'];

type Point = [number, number];

/** Rough centroids (mean of the outer ring of the largest polygon) from the boundary GeoJSON. */
export function centroids(geojsonText: string): Map<string, Point> {
	const gj = JSON.parse(geojsonText) as {
		features: { properties: { kunta: string }; geometry: { type: string; coordinates: unknown } }[];
	};
	const out = new Map<string, Point>();
	for (const f of gj.features) {
		const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
		const ring = polys.map((p) => p[0]).sort((a, b) => b.length - a.length)[0];
		const [sx, sy] = ring.reduce(([x, y], [px, py]) => [x + px, y + py], [0, 0]);
		out.set(f.properties.kunta, [sx / ring.length, sy / ring.length]);
	}
	return out;
}

function distance(a: Point | undefined, b: Point | undefined): number {
	if (!a || !b) return Infinity;
	// Longitude degrees are about half as long as latitude degrees at Finland's latitudes.
	const dx = (a[0] - b[0]) * 0.5;
	const dy = a[1] - b[1];
	return Math.sqrt(dx * dx + dy * dy);
}

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2024, 8, 16); // 16.9.2024
const LAST_DAY = Date.UTC(2025, 11, 19); // 19.12.2025: every demo date is in the past for an ingest run today
const REFORM_DAY = Date.UTC(2025, 0, 1); // the employment services moved to the employment areas
/** Share of documents whose programme gets later versions, and of those, the share with a third. */
const UPDATED_SHARE = 0.12;
const THIRD_VERSION_SHARE = 0.3;
const MONTHS_FI = ['tammikuu', 'helmikuu', 'maaliskuu', 'huhtikuu', 'toukokuu', 'kesäkuu', 'heinäkuu', 'elokuu', 'syyskuu', 'lokakuu', 'marraskuu', 'joulukuu'];
const MONTHS_SV = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

export function makeDate(rng: Rng, ms: number, language: 'fi' | 'sv' | 'fi+sv'): DocDate {
	const d = new Date(ms);
	const [y, mo, da] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
	const iso = `${y}-${String(mo).padStart(2, '0')}-${String(da).padStart(2, '0')}`;
	const plain = `${da}.${mo}.${y}`;
	const style = rng.weighted<string>([
		['plain', 0.8],
		['padded', 0.06],
		['suffix', 0.06],
		['iso', 0.03],
		['month', 0.05]
	]);
	const sv = language === 'sv';
	switch (style) {
		case 'padded':
			return { iso, text: `${String(da).padStart(2, '0')}.${String(mo).padStart(2, '0')}.${y}`, parseable: true };
		case 'suffix':
			return {
				iso,
				text: sv ? `${plain} (kommunstyrelsen)` : rng.pick([`${plain} (kunnanhallitus)`, `${plain}, käsitelty kunnanhallituksessa`, `${plain} luonnos`]),
				parseable: true
			};
		case 'iso':
			return { iso, text: iso, parseable: true };
		case 'month':
			return { iso, text: sv ? `${MONTHS_SV[mo - 1]} ${y}` : `${MONTHS_FI[mo - 1]} ${y}`, parseable: false };
		default:
			return { iso, text: plain, parseable: true };
	}
}

function answerLanguage(rng: Rng, lead: Municipality, others: readonly Municipality[]): DocPlan['language'] {
	if (lead.languageStatus === 'sv-fi' || lead.languageStatus === 'sv') return rng.chance(0.85) ? 'sv' : 'fi+sv';
	if (lead.languageStatus === 'fi-sv') return rng.chance(0.6) ? 'fi+sv' : 'fi';
	// A joint document with a Swedish-speaking member answers partly in Swedish.
	if (others.some((m) => m.languageStatus !== 'fi')) return 'fi+sv';
	return 'fi';
}

function pickKind(rng: Rng, language: DocPlan['language']): DocKind {
	if (language === 'sv') {
		return rng.weighted<DocKind>([
			['own-template', 0.5],
			['fillable-form', 0.4],
			['flattened-form', 0.1]
		]);
	}
	return rng.weighted<DocKind>([
		['fillable-form', 0.74],
		['flattened-form', 0.13],
		['own-template', 0.13]
	]);
}

/** The form of an updated document: a fillable form or its flattened print; an own template stays one. */
function pickUpdateKind(rng: Rng, prev: DocPlan): DocKind {
	if (prev.kind === 'own-template') return 'own-template';
	if (prev.kind === 'fillable-form') return 'flattened-form';
	if (prev.kind === 'flattened-form') return 'fillable-form';
	return rng.chance(0.8) ? 'fillable-form' : 'flattened-form';
}

function pickDiligence(rng: Rng): number {
	return rng.weighted<number>([
		[0.96, 0.5],
		[0.82, 0.35],
		[0.55, 0.15]
	]);
}

interface Situation {
	model: SituationModel;
	codes: string[];
	host: string | null;
	agreementMembers: string[];
	areaCode: string;
}

/**
 * Decides the situation of every mainland municipality. Pure: the same reference data and rng
 * label give the same plan.
 */
export function planCorpus(
	rng: Rng,
	municipalities: readonly Municipality[],
	areas: readonly EmploymentArea[],
	points: Map<string, Point>
): CorpusPlan {
	const mainland = municipalities.filter((m) => !m.aland).sort((a, b) => a.code.localeCompare(b.code));
	const byCode = new Map(mainland.map((m) => [m.code, m]));
	const situations: Situation[] = [];
	const assigned = new Set<string>();

	// The Aura agreement: real document for Aura; Loimaa (host) and its other partners are synthetic.
	assigned.add(AURA.code);
	situations.push({ model: 'host_54', codes: [AURA.host], host: AURA.host, agreementMembers: [AURA.code, ...AURA.partners], areaCode: byCode.get(AURA.host)!.employmentAreaCode });
	for (const p of AURA.partners) {
		situations.push({ model: 'member_54', codes: [p], host: AURA.host, agreementMembers: [AURA.code, ...AURA.partners], areaCode: byCode.get(p)!.employmentAreaCode });
	}
	assigned.add(AURA.host);
	for (const p of AURA.partners) assigned.add(p);

	for (const area of [...areas].filter((a) => a.inTeReform).sort((a, b) => a.code.localeCompare(b.code))) {
		const arng = rng.fork(`area:${area.code}`);
		const members = area.memberCodes.filter((c) => byCode.has(c) && !assigned.has(c)).sort();
		if (members.length === 0) continue;
		const pops = members.map((c) => byCode.get(c)!.population);
		const largest = members[pops.indexOf(Math.max(...pops))];
		const jointChance = area.organisationModel.startsWith('kuntayhtymä') ? 0.6 : members.length >= 2 && members.length <= 6 && Math.max(...pops) < 60_000 ? 0.15 : 0;
		if (arng.chance(jointChance)) {
			const lead = area.hostMunicipalityCode && members.includes(area.hostMunicipalityCode) ? area.hostMunicipalityCode : largest;
			const hosted = arng.chance(0.5);
			situations.push({
				model: 'joint_area',
				codes: [lead, ...members.filter((c) => c !== lead)],
				host: hosted ? lead : null,
				agreementMembers: hosted ? members.filter((c) => c !== lead) : [],
				areaCode: area.code
			});
			members.forEach((c) => assigned.add(c));
			continue;
		}
		// Candidate hosts: towns of some size in the area, or the area's largest municipality.
		let hosts = members.filter((c) => byCode.get(c)!.population >= 12_000 || c === area.hostMunicipalityCode);
		if (hosts.length === 0) hosts = [largest];
		const hostedBy = new Map<string, string[]>();
		for (const c of members) {
			if (hosts.includes(c)) continue;
			const pop = byCode.get(c)!.population;
			const p = pop < 3000 ? 0.6 : pop < 6000 ? 0.45 : pop < 10_000 ? 0.15 : 0;
			if (!arng.fork(`54:${c}`).chance(p)) continue;
			const host = [...hosts].sort((a, b) => distance(points.get(c), points.get(a)) - distance(points.get(c), points.get(b)) || a.localeCompare(b))[0];
			hostedBy.set(host, [...(hostedBy.get(host) ?? []), c]);
		}
		for (const c of members) {
			if (assigned.has(c)) continue;
			const hosted = hostedBy.get(c);
			if (hosted) {
				if (arng.fork(`joint54:${c}`).chance(0.3)) {
					situations.push({ model: 'joint_54', codes: [c, ...hosted], host: c, agreementMembers: hosted, areaCode: area.code });
					hosted.forEach((h) => assigned.add(h));
				} else {
					situations.push({ model: 'host_54', codes: [c], host: c, agreementMembers: hosted, areaCode: area.code });
					for (const h of hosted) {
						situations.push({ model: 'member_54', codes: [h], host: c, agreementMembers: hosted, areaCode: area.code });
						assigned.add(h);
					}
				}
				assigned.add(c);
			}
		}
		for (const c of members) {
			if (assigned.has(c)) continue;
			situations.push({ model: 'own', codes: [c], host: null, agreementMembers: [], areaCode: area.code });
			assigned.add(c);
		}
	}

	// Coverage gaps: small municipalities that publish nothing (never a host, never Aura's partners).
	const protectedCodes = new Set<string>([AURA.code, AURA.host, ...AURA.partners]);
	const gapCandidates = situations
		.filter((s) => (s.model === 'own' || s.model === 'member_54') && s.codes.length === 1 && !protectedCodes.has(s.codes[0]))
		.map((s) => s.codes[0])
		.filter((c) => byCode.get(c)!.population < 15_000)
		.sort();
	const gaps = rng.fork('gaps').sample(gapCandidates, GAP_COUNT).sort();
	const gapSet = new Set(gaps);
	const kept = situations.filter((s) => !(s.codes.length === 1 && gapSet.has(s.codes[0])));

	// Documents: one per situation, v1; a few get a later v2.
	const docs: DocPlan[] = [];
	for (const s of kept) {
		const lead = byCode.get(s.codes[0])!;
		const drng = rng.fork(`doc:${lead.code}`);
		const language = answerLanguage(drng, lead, s.codes.slice(1).map((c) => byCode.get(c)!));
		const kind = pickKind(drng, language);
		const start = FIRST_DAY + drng.int(0, 262) * DAY;
		const diligence = pickDiligence(drng);
		docs.push({
			id: `${lead.code}-v1`,
			model: s.model,
			codes: s.codes,
			host: s.host,
			agreementMembers: s.agreementMembers,
			areaCode: s.areaCode,
			language,
			kind,
			version: 1,
			supersedes: null,
			supersededBy: null,
			update: null,
			era: 'now',
			date: makeDate(drng, start, language),
			diligence,
			tableFilled: drng.chance(kind === 'own-template' ? 0.25 : 0.2 + 0.25 * diligence),
			variant: 0
		});
	}

	// Broken files: a fixed small number, on single-municipality Finnish documents.
	const brokenRng = rng.fork('broken');
	const brokenCandidates = docs.filter((d) => d.codes.length === 1 && d.language === 'fi' && d.kind === 'fillable-form' && !protectedCodes.has(d.codes[0]));
	const broken = brokenRng.sample(brokenCandidates, BROKEN.length);
	broken.forEach((d, i) => {
		d.kind = BROKEN[i];
		d.variant = BROKEN.slice(0, i).filter((k) => k === BROKEN[i]).length;
	});

	// Updated versions: about 12 % of programmes get a second version, a third of those a third,
	// each dated 2–8 months after the one before; two broken first versions are re-published.
	const versionRng = rng.fork('versions');
	const readable = docs.filter((d) => !BROKEN.includes(d.kind));
	const updated = [...versionRng.sample(readable, Math.round(docs.length * UPDATED_SHARE)), ...versionRng.sample(broken, 2)];
	const isoMs = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
	for (const v1 of updated.sort((a, b) => a.id.localeCompare(b.id))) {
		const hrng = rng.fork(`history:${v1.codes[0]}`);
		const wanted = hrng.chance(THIRD_VERSION_SHARE) ? 3 : 2;
		let prev = v1;
		for (let version = 2; version <= wanted; version++) {
			const vrng = rng.fork(`v${version}:${v1.codes[0]}`);
			const prevMs = isoMs(prev.date.iso);
			const room = Math.floor((LAST_DAY - prevMs) / DAY) - (wanted - version) * 45;
			if (room < 45) break;
			const ms = prevMs + vrng.int(45, Math.min(240, room)) * DAY;
			// A first version from 2024 that names the TE office, updated after the reform.
			const reform = prev.version === 1 && prevMs < REFORM_DAY && ms >= REFORM_DAY && vrng.chance(0.7);
			if (reform) v1.era = 'te';
			const next: DocPlan = {
				...prev,
				id: `${v1.codes[0]}-v${version}`,
				// Most updates keep the document's form; some are printed flat from the form, or the other way round.
				kind: BROKEN.includes(prev.kind) || vrng.chance(0.2) ? pickUpdateKind(vrng, prev) : prev.kind,
				version,
				supersedes: prev.id,
				supersededBy: null,
				era: 'now',
				update: {
					languages: vrng.chance(0.55),
					reform,
					fill: vrng.pick([0.3, 0.5, 0.8]),
					edits: vrng.int(0, 3)
				},
				date: makeDate(vrng, ms, v1.language),
				diligence: Math.min(0.98, prev.diligence + 0.1),
				tableFilled: prev.tableFilled,
				variant: 0
			};
			prev.supersededBy = next.id;
			docs.push(next);
			prev = next;
		}
	}
	docs.sort((a, b) => a.id.localeCompare(b.id));

	const coverage = new Map<string, 'document' | 'gap' | 'real'>();
	for (const m of mainland) coverage.set(m.code, gapSet.has(m.code) ? 'gap' : m.code === AURA.code ? 'real' : 'document');
	for (const d of docs) for (const c of d.codes) if (gapSet.has(c)) throw new Error(`corpus plan: gap ${c} is covered by ${d.id}`);
	const covered = new Set(docs.flatMap((d) => d.codes));
	for (const [code, how] of coverage) {
		if (how === 'document' && !covered.has(code)) throw new Error(`corpus plan: municipality ${code} was not assigned a document`);
	}
	return { docs, gaps, real: [{ code: AURA.code, file: AURA.file }], coverage };
}

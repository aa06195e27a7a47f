/**
 * Writes one planned document: decides who does what, which languages are offered and how
 * well each part is answered, then lets the phrase banks write the answers. Returns the values
 * by canonical key and every fact with the key and span it was written at.
 */
import { ALL_FIELDS, ANSWER_FIELDS, TABLE_ROWS, CLIENT_GROUPS } from '../src/lib/programme/form-tem-2024';
import type { EmploymentArea, Municipality } from '../src/lib/reference/index';
import { type Ctx } from './context';
import { concat, join, type Actor, type Fact, type LanguageContext, type Piece, type Service } from './facts';
import { genitiveFi, orgNameFi, orgNameSv, orgWordFi, placeFi } from './names';
import { buildCast, teEraEmployment } from './phrases/actors';
import { PLACEHOLDERS_FI, PLACEHOLDERS_SV, THIN_FI, THIN_SV } from './phrases/common';
import { FI_WRITERS, tableCellFi } from './phrases/fi';
import { pickOrientationLanguages } from './phrases/languages';
import { SV_PASSAGES, SV_WRITERS, tableCellSv } from './phrases/sv';
import type { DocPlan } from './plan';
import type { Rng } from './random';

export const GRADES = ['answered', 'thin', 'placeholder', 'empty', 'missing'] as const;
export type Grade = (typeof GRADES)[number];

/** The service a provider fact is about when its phrase does not say: by the key it was written in. */
export function serviceOfKey(key: string): Service {
	if (key.startsWith('table.')) return key.split('.')[1] as Service;
	const map: Record<string, Service> = {
		's1.a': 'assessment',
		's1.b1': 'assessment',
		's1.b2': 'multi_assessment',
		's1.c': 'assessment',
		's2.a': 'plan',
		's2.b1': 'plan',
		's2.b2': 'multi_plan',
		's2.c': 'plan'
	};
	if (map[key]) return map[key];
	const section = key.slice(0, 2);
	return (
		({ s3: 'orientation', s4: 'training', s5: 'other_training', s6: 'guidance', s7: 'other_services' } as Record<string, Service>)[section] ??
		'follow_up'
	);
}

export interface KeyedFact {
	key: string;
	fact: Fact;
	start: number;
	end: number;
}

export interface Composed {
	/** Values by canonical key (ALL_FIELDS keys, table cells included). Absent keys are not written. */
	values: Record<string, string>;
	/** Keys whose field is left out of the form entirely (grade `missing`). */
	omitKeys: string[];
	facts: KeyedFact[];
	grades: Record<string, Grade>;
	/** Letterhead / author: "Auran kunta", "Närpes stad". */
	organisation: string;
	/** Language the answers are written in; `fi+sv` = Finnish with Swedish passages. */
	answerLanguage: 'fi' | 'sv' | 'fi+sv';
	tableFilled: boolean;
	includeTable: boolean;
	/** Orientation languages the document offers (an update starts from these). */
	orientation: string[];
}

export interface ComposeInput {
	plan: DocPlan;
	byCode: ReadonlyMap<string, Municipality>;
	area: EmploymentArea;
	/** This document's stream: wording, grades, table. */
	rng: Rng;
	/**
	 * The situation's stream, shared by the versions of one programme: named actors, the
	 * coordinator's title, how orientation is organised, languages offered. An update keeps them.
	 */
	situationRng: Rng;
	/** An update: the previous version's orientation languages (the situation's otherwise). */
	orientation?: readonly string[];
}

const COORDINATORS_FI = ['maahanmuuttokoordinaattori', 'kotoutumiskoordinaattori', 'kotoutumisohjaaja', 'maahanmuuttajatyön ohjaaja', 'monikulttuurisuusohjaaja'];
const COORDINATORS_SV = ['integrationskoordinator', 'invandrarkoordinator', 'integrationshandledare'];

function buildCtx(input: ComposeInput, lang: 'fi' | 'sv', rng: Rng): Ctx {
	const srng = input.situationRng;
	const { plan, byCode, area } = input;
	const lead = byCode.get(plan.codes[0])!;
	const covered = plan.codes.map((c) => byCode.get(c)!);
	const host = plan.host ? byCode.get(plan.host)! : null;
	const agreementMembers = plan.agreementMembers.map((c) => byCode.get(c)!).filter(Boolean);
	const castRng = srng.fork(`cast:${lang}`);
	// Members see the host from outside; hosts and joint documents see themselves.
	const cast = buildCast(castRng, lead, area, plan.model === 'member_54' ? host : null, lang);
	if (plan.era === 'te') cast.employment = teEraEmployment(lang);
	const sv = lang === 'sv';
	const coordinator = srng.fork(`coordinator:${lang}`).pick(sv ? COORDINATORS_SV : COORDINATORS_FI);
	const hostName = (m: Municipality) => (sv ? orgNameSv(m.nameSv, m.nameFi) : orgNameFi(m.nameFi));
	const hostGen = (m: Municipality) => (sv ? `${hostName(m)}s` : `${genitiveFi(m.nameFi)} ${orgWordFi(m.nameFi).gen}`);

	let others: Actor;
	let hostActor: Actor | null = null;
	let viaAgreement = false;
	switch (plan.model) {
		case 'member_54':
			others = cast.host!;
			hostActor = cast.host!;
			viaAgreement = true;
			break;
		case 'host_54':
			others = cast.self;
			hostActor = { ...cast.self, kind: 'host_municipality' };
			break;
		case 'joint_54':
		case 'joint_area':
			if (host) {
				others = { name: hostName(host), gen: hostGen(host), kind: 'host_municipality', code: host.code };
				hostActor = others;
				viaAgreement = true;
			} else {
				others = sv
					? { name: 'varje kommun', gen: 'varje kommuns', kind: 'municipality', code: null }
					: { name: 'kukin kunta', gen: 'kunkin kunnan', kind: 'municipality', code: null };
			}
			break;
		default:
			others = cast.self;
	}
	const unitBase = others.code === null ? (sv ? 'varje kommuns' : 'kunkin kunnan') : others.gen;
	const urng = srng.fork(`unit:${lang}`);
	const othersUnit =
		others.code !== null && urng.chance(0.3)
			? (() => {
					const units = others.kind === 'host_municipality' && plan.model === 'member_54' ? cast.hostUnits : cast.selfUnits.slice(2);
					const u = urng.pick(units.length ? units : cast.selfUnits);
					const actor = { ...u, kind: others.kind, code: others.code };
					return { nom: u.name, gen: u.gen, actor };
				})()
			: { nom: `${unitBase} ${coordinator}`, gen: sv ? `${unitBase} ${coordinator}s` : `${unitBase} ${coordinator}n`, actor: others };

	const population = covered.reduce((s, m) => s + m.population, 0);
	const bilingual = covered.some((m) => m.languageStatus !== 'fi');
	const lrng = srng.fork('languages'); // shared by both languages of a mixed document and by its versions
	const picked = pickOrientationLanguages(lrng, { population, bilingual });
	const orientation = input.orientation ? [...input.orientation] : picked;
	// An update may add a language the need for which has appeared since.
	if (plan.update?.languages) {
		const vrng = srng.fork(`languages-v${plan.version}`);
		const candidates = ['ar', 'ru', 'en', 'prs', 'so', 'fa', 'ckb', 'ti', 'vi', 'th', 'uk'].filter((x) => !orientation.includes(x));
		if (candidates.length) orientation.push(vrng.pick(candidates));
	}
	const training: string[] = [];
	if (bilingual && lrng.chance(0.5)) training.push('sv');
	if (population > 30_000 && lrng.chance(0.4)) training.push('en');
	if (population > 50_000 && lrng.chance(0.4)) training.push(...lrng.sample(['ar', 'so', 'prs', 'uk'], 2).filter((x) => !training.includes(x)));
	const guidance: string[] = [];
	if (lrng.chance(0.45)) {
		guidance.push('fi');
		if (bilingual) guidance.push('sv');
		if (lrng.chance(0.7)) guidance.push('en');
		const extra = orientation.filter((x) => !guidance.includes(x) && x !== 'sv' && x !== 'fi');
		if (extra.length && lrng.chance(0.5)) guidance.push(lrng.pick(extra));
	}
	const other = lrng.chance(0.25) ? lrng.sample(orientation.filter((x) => x !== 'fi' && x !== 'sv'), lrng.int(1, 2)) : [];
	const langs: Record<LanguageContext, string[]> = { orientation, training, guidance, other };

	return {
		rng,
		plan,
		model: plan.model,
		lead,
		covered,
		host,
		agreementMembers,
		cast,
		place: placeFi(lead.nameFi),
		placeGen: genitiveFi(lead.nameFi),
		word: orgWordFi(lead.nameFi),
		coordinator,
		others,
		othersUnit,
		viaAgreement,
		orientation: lrng.weighted<Ctx['orientation']>([
			['own', 0.35],
			['purchased', 0.25],
			['education', 0.2],
			['area', 0.2]
		]),
		hostActor,
		generic: sv
			? { name: 'kommunen', gen: 'kommunens', kind: 'municipality', code: lead.code }
			: { name: 'kunta', gen: 'kunnan', kind: 'municipality', code: lead.code },
		langs,
		cyrillic: (orientation.includes('uk') || orientation.includes('ru')) && lrng.chance(0.3)
	};
}

/** How likely a mandatory part is skipped relative to the others (final test and stage are often left out). */
const SKIP_FACTOR: Record<string, number> = {
	'header.contact': 0.3,
	'header.partners': 0.6,
	's3.a3': 2.2,
	's4.a3': 2.5,
	's1.c': 1.4,
	's2.c': 1.4,
	's3.c': 1.3,
	's4.c': 1.4,
	's5.c': 1.5,
	's6.c': 1.5,
	's5.a2': 1.3
};

function decideGrades(rng: Rng, plan: DocPlan): { grades: Record<string, Grade>; omit: string[] } {
	const grades: Record<string, Grade> = {};
	const omit: string[] = [];
	const form = plan.kind === 'fillable-form' || plan.kind === 'flattened-form';
	// A few fillable documents come from a printing without section 7 or the approval field.
	const omitSection7 = form && rng.chance(0.03);
	const omitApproval = form && rng.chance(0.03);
	const skipSection7 = rng.chance(0.15 + (1 - plan.diligence) * 0.5);
	for (const f of ANSWER_FIELDS) {
		const key = f.key;
		if ((omitSection7 && f.section === '7') || (omitApproval && key === 'header.approval')) {
			grades[key] = 'missing';
			omit.push(key);
			continue;
		}
		if (key === 'header.municipalities' || key === 'header.updated') {
			grades[key] = 'answered';
			continue;
		}
		let pAnswered: number;
		if (key === 'header.approval') pAnswered = 0.45;
		else if (f.section === '7') pAnswered = skipSection7 ? 0.05 : 0.85 * plan.diligence;
		else pAnswered = 1 - (1 - plan.diligence) * (SKIP_FACTOR[key] ?? 1);
		if (rng.chance(pAnswered)) {
			grades[key] = 'answered';
			continue;
		}
		grades[key] =
			f.section === '7' && skipSection7
				? 'empty'
				: rng.weighted<Grade>([
						['thin', 0.35],
						['placeholder', 0.33],
						['empty', 0.32]
					]);
	}
	return { grades, omit };
}

/** Appends a piece's facts to `facts` under `key`, stamping the service where the phrase left it out. */
function collect(key: string, piece: Piece, facts: KeyedFact[]): void {
	for (const f of piece.facts) {
		const fact = f.fact.type === 'provider' && !f.fact.service ? { ...f.fact, service: serviceOfKey(key) } : f.fact;
		facts.push({ key, fact, start: f.start, end: f.end });
	}
}

/** A phrase that interpolated an object or a missing value into plain text is a bug, not an answer. */
function checked(key: string, text: string): string {
	if (/\[object Object\]|\bundefined\b|\bnull\b|\bNaN\b/.test(text)) throw new Error(`compose: ${key} contains a broken interpolation: ${text.slice(0, 120)}`);
	return text;
}

export function composeDocument(input: ComposeInput): Composed {
	const { plan, rng } = input;
	const mainLang = plan.language === 'sv' ? 'sv' : 'fi';
	const c = buildCtx(input, mainLang, rng.fork('write'));
	const cSv = plan.language === 'fi+sv' ? buildCtx(input, 'sv', rng.fork('write-sv')) : null;
	const { grades, omit } = decideGrades(rng.fork('grades'), plan);
	const filler = rng.fork('filler');
	const values: Record<string, string> = {};
	const facts: KeyedFact[] = [];

	for (const f of ANSWER_FIELDS) {
		const grade = grades[f.key];
		if (grade === 'missing') continue;
		let piece: Piece;
		switch (grade) {
			case 'answered':
				piece = writeAnswer(f.key, c, cSv, input.situationRng);
				break;
			case 'thin':
				piece = concat(filler.pick(mainLang === 'sv' ? THIN_SV : THIN_FI));
				break;
			case 'placeholder':
				piece = concat(filler.pick(mainLang === 'sv' ? PLACEHOLDERS_SV : PLACEHOLDERS_FI));
				break;
			default:
				piece = concat(filler.chance(0.15) ? ' ' : '');
		}
		values[f.key] = checked(f.key, piece.text);
		collect(f.key, piece, facts);
	}

	// Responsibility table: filled by some, left empty by others; own templates print it only on request.
	const includeTable = plan.kind !== 'own-template' || plan.tableFilled;
	const trng = rng.fork('table');
	for (const row of TABLE_ROWS) {
		for (const group of CLIENT_GROUPS) {
			const key = `table.${row.id}.${group.id}`;
			if (!includeTable) {
				grades[key] = 'missing';
				continue;
			}
			if (!plan.tableFilled || trng.chance(0.1)) {
				grades[key] = 'empty';
				continue;
			}
			const cell = mainLang === 'sv' ? tableCellSv(c, row.id, group.id) : tableCellFi(c, row.id, group.id);
			values[key] = checked(key, cell.text);
			grades[key] = 'answered';
			collect(key, cell, facts);
		}
	}
	for (const f of ALL_FIELDS) if (!(f.key in grades)) throw new Error(`compose: no grade for ${f.key}`);

	const lead = input.byCode.get(plan.codes[0])!;
	const names = plan.codes.map((code) => input.byCode.get(code)!);
	const organisation =
		plan.codes.length === 1
			? mainLang === 'sv'
				? orgNameSv(lead.nameSv, lead.nameFi)
				: orgNameFi(lead.nameFi)
			: mainLang === 'sv'
				? names.map((m) => m.nameSv).join(', ')
				: plan.host
					? `${orgNameFi(lead.nameFi)} ja sopimuskunnat`
					: names.map((m) => placeFi(m.nameFi)).join(', ');
	return { values, omitKeys: omit, facts, grades, organisation, answerLanguage: plan.language, tableFilled: plan.tableFilled, includeTable, orientation: c.langs.orientation };
}

/** A part answered properly: the writer of its language, and in a mixed document sometimes a Swedish passage. */
function writeAnswer(key: string, c: Ctx, cSv: Ctx | null, situationRng: Rng): Piece {
	const piece = (c.plan.language === 'sv' ? SV_WRITERS : FI_WRITERS)[key](c);
	const passage = cSv ? SV_PASSAGES[key] : undefined;
	// Which answers get a Swedish passage is part of the situation (versions agree).
	if (passage && cSv && situationRng.fork(`sv:${key}`).chance(0.55)) return join([piece, passage(cSv)], '\n\n');
	return piece;
}

const TE_NAMES = /^TE-/;

/** Sentences an update appends to a part it keeps: what was revised, without new facts. */
const REVISION_NOTES: Record<'fi' | 'sv', readonly string[]> = {
	fi: [
		'Kuvausta on päivitetty ensimmäisen toimintavuoden kokemusten perusteella.',
		'Toimintatapoja on tarkennettu asiakaspalautteen ja yhteistyökumppaneiden kanssa käytyjen keskustelujen pohjalta.',
		'Palvelun sisältöä arvioidaan uudelleen seuraavan päivityksen yhteydessä.',
		'Käytännöt on käyty läpi yhdessä yhteistyötahojen kanssa, eikä niihin tullut muutoksia.'
	],
	sv: [
		'Beskrivningen har uppdaterats utifrån erfarenheterna från det första verksamhetsåret.',
		'Arbetssätten har preciserats utifrån kundresponsen och diskussionerna med samarbetsparterna.',
		'Tjänstens innehåll utvärderas på nytt i samband med nästa uppdatering.'
	]
};

/**
 * The same text with each mention of the TE office replaced by the employment area's services in
 * the same form (name or genitive, singular or plural), as an update after the reform does it:
 * the facts move with their mentions, and every other fact keeps its place (shifted).
 */
function replaceTeOffice(text: string, facts: KeyedFact[], after: readonly Actor[]): { text: string; facts: KeyedFact[] } {
	const [area, , services] = after;
	const spans = [...new Set(facts.filter((f) => f.fact.type === 'provider' && TE_NAMES.test(f.fact.actor.name)).map((f) => `${f.start}:${f.end}`))]
		.map((s) => s.split(':').map(Number) as [number, number])
		.sort((a, b) => a[0] - b[0]);
	let out = '';
	let at = 0;
	let shift = 0;
	const moved = new Map<string, { start: number; end: number; actor: Actor }>();
	for (const [start, end] of spans) {
		const f = facts.find((x) => x.start === start && x.end === end && x.fact.type === 'provider')!;
		const old = (f.fact as { actor: Actor }).actor;
		const plural = /palvelut$|tjänsterna$/.test(old.name);
		const actor = plural ? (services ?? area) : area;
		const written = text.slice(start, end);
		const word = written === old.gen ? actor.gen : actor.name;
		const sentenceStart = /(^|[.!?:]\s+|\n\s*)$/u.test(text.slice(0, start));
		const replacement = sentenceStart ? word.charAt(0).toUpperCase() + word.slice(1) : word;
		out += text.slice(at, start) + replacement;
		moved.set(`${start}:${end}`, { start: start + shift, end: start + shift + replacement.length, actor });
		shift += replacement.length - (end - start);
		at = end;
	}
	out += text.slice(at);
	const shifted = facts.map((f) => {
		const m = moved.get(`${f.start}:${f.end}`);
		if (m) {
			const fact = f.fact.type === 'provider' ? { ...f.fact, actor: m.actor } : f.fact.type === 'arrangement' && f.fact.partner ? { ...f.fact, partner: m.actor } : f.fact;
			return { ...f, fact, start: m.start, end: m.end };
		}
		const before = spans.filter(([, e]) => e <= f.start);
		const delta = before.reduce((n, [s0, e0]) => n + moved.get(`${s0}:${e0}`)!.end - moved.get(`${s0}:${e0}`)!.start - (e0 - s0), 0);
		return { ...f, start: f.start + delta, end: f.end + delta };
	});
	return { text: out, facts: shifted };
}

/**
 * A later version of a programme (`input.plan.update` says what changes): every answer of the
 * previous version is kept word for word except what the update changes, as municipalities edit:
 * the date and approval are rewritten; with `languages`, the parts that list orientation
 * languages (now one more) are rewritten; with `reform`, each mention of the TE office becomes
 * the employment area's services in place; the unanswered mandatory parts it fills in (`fill`)
 * get an answer; and `edits` answered parts get a revision note appended or are reworded.
 */
export function updateDocument(prev: Composed, input: ComposeInput): Composed {
	const { plan, rng } = input;
	const update = plan.update;
	if (!update) throw new Error(`compose: ${plan.id} is not an update`);
	const mainLang = plan.language === 'sv' ? 'sv' : 'fi';
	const withLanguages = { ...input, orientation: prev.orientation };
	const c = buildCtx(withLanguages, mainLang, rng.fork('write'));
	const cSv = plan.language === 'fi+sv' ? buildCtx(withLanguages, 'sv', rng.fork('write-sv')) : null;
	const pick = rng.fork('update');

	const rewrite = new Set<string>(['header.updated']);
	if (prev.grades['header.approval'] === 'answered') rewrite.add('header.approval');
	const added = c.langs.orientation.filter((x) => !prev.orientation.includes(x));
	if (added.length > 0) {
		for (const f of prev.facts) if (f.fact.type === 'language' && f.fact.context === 'orientation') rewrite.add(f.key);
		if (prev.grades['s3.a2'] !== 'missing') rewrite.add('s3.a2');
	}
	for (const f of ANSWER_FIELDS) {
		const g = prev.grades[f.key];
		if (f.mandatory && (g === 'thin' || g === 'placeholder' || g === 'empty') && pick.chance(update.fill)) rewrite.add(f.key);
	}
	const answered = ANSWER_FIELDS.filter((f) => prev.grades[f.key] === 'answered' && !rewrite.has(f.key) && !f.key.startsWith('header.')).map((f) => f.key);
	const edited = pick.sample(answered, Math.min(update.edits, answered.length));
	const noted = new Set(edited.filter(() => pick.chance(0.6)));
	for (const key of edited) if (!noted.has(key)) rewrite.add(key);

	const values = { ...prev.values };
	const grades = { ...prev.grades };
	let facts = prev.facts.filter((f) => !rewrite.has(f.key));
	for (const f of ANSWER_FIELDS) {
		if (!rewrite.has(f.key) || prev.grades[f.key] === 'missing') continue;
		const piece = writeAnswer(f.key, c, cSv, input.situationRng);
		values[f.key] = checked(f.key, piece.text);
		grades[f.key] = 'answered';
		collect(f.key, piece, facts);
	}
	for (const key of noted) values[key] = `${values[key].trimEnd()}\n\n${pick.pick(REVISION_NOTES[mainLang])}`;
	// After the reform, every kept part (and table cell) that named the TE office names the area's services.
	if (update.reform) {
		const keys = new Set(facts.filter((f) => f.fact.type === 'provider' && TE_NAMES.test(f.fact.actor.name)).map((f) => f.key));
		for (const key of keys) {
			const own = facts.filter((f) => f.key === key);
			const r = replaceTeOffice(values[key], own, c.cast.employment);
			values[key] = checked(key, r.text);
			facts = [...facts.filter((f) => f.key !== key), ...r.facts];
		}
	}
	const order = new Map(ALL_FIELDS.map((f, i) => [f.key, i]));
	facts.sort((a, b) => order.get(a.key)! - order.get(b.key)! || a.start - b.start);
	return { ...prev, values, grades, facts, orientation: c.langs.orientation };
}

/**
 * Ground truth of the demo corpus, checked against the text it describes (without rendering):
 * every fact sits at a span of the value it was written in, every offered language is named in
 * the text in a recognisable form, vocabularies are the dataset's, and empty/placeholder/thin
 * answers, tables, distractors and Cyrillic text occur at the intended rates.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GRADES, type Composed } from '../../corpus/compose';
import { ARRANGEMENT_TYPES, GENERATED_ARRANGEMENT_TYPES, PROVIDER_KINDS, SERVICES } from '../../corpus/facts';
import { composer, fileNames, loadReference, makePlan, type Reference } from '../../corpus/generate';
import { PLACEHOLDERS_FI, PLACEHOLDERS_SV, THIN_FI, THIN_SV } from '../../corpus/phrases/common';
import { LANGUAGE_BY_CODE } from '../../corpus/phrases/languages';
import type { CorpusPlan, DocPlan } from '../../corpus/plan';
import { buildTruth, type TruthDocument } from '../../corpus/truth';
import { ALL_FIELDS, ANSWER_FIELDS, MANDATORY_KEYS, TEMPLATE_ID } from '../../src/lib/programme/form-tem-2024';

const ROOT = join(__dirname, '..', '..');
let ref: Reference;
let plan: CorpusPlan;
let docs: { plan: DocPlan; composed: Composed; truth: TruthDocument }[];

beforeAll(async () => {
	ref = await loadReference(ROOT);
	plan = makePlan('2025', ref);
	const byCode = new Map(ref.municipalities.map((m) => [m.code, m]));
	const names = fileNames(plan, byCode);
	const compose = composer('2025', ref, plan);
	const byId = new Map(plan.docs.map((d) => [d.id, d]));
	docs = plan.docs.map((d) => {
		const composed = compose(d);
		const truth = buildTruth({
			file: names.get(d.id)!,
			plan: d,
			composed,
			fileById: names,
			generator: { name: 't', version: '1', seed: '2025' },
			template: TEMPLATE_ID,
			unmapped: [],
			previous: d.supersedes ? compose(byId.get(d.supersedes)!) : null
		});
		return { plan: d, composed, truth };
	});
});

const readable = () => docs.filter((d) => d.truth.expected_ingest.outcome === 'programme' && d.truth.kind !== 'scan');

/** Word stems a language may be written with (any inflection starts with one of them). */
function stems(code: string): string[] {
	const l = LANGUAGE_BY_CODE.get(code)!;
	const fi = [l.fiNom, l.fiTransl, l.fiGen, l.fiPart].map((s) => s.slice(0, Math.max(3, s.length - 3)));
	const sv = [l.sv, l.svStem].map((s) => s.slice(0, Math.max(3, s.length - 2)));
	if (code === 'ckb') fi.push('soran');
	return [...fi, ...sv].map((s) => s.toLowerCase());
}

describe('ground truth against the text', () => {
	it('places every fact at a span of the value of its key, with that text', () => {
		let n = 0;
		for (const { truth } of readable()) {
			const spans = [...truth.languages, ...truth.distractors, ...truth.providers, ...truth.arrangements, ...truth.municipality_mentions];
			for (const s of spans) {
				const value = truth.values[s.key];
				expect(value, `${truth.file} ${s.key}`).toBeDefined();
				expect(s.span[1]).toBeGreaterThan(s.span[0]);
				expect(value.slice(s.span[0], s.span[1]), `${truth.file} ${s.key}`).toBe(s.text);
				n++;
			}
		}
		expect(n).toBeGreaterThan(10_000);
	});

	it('names every offered language in the text, in a form of that language', () => {
		let n = 0;
		for (const { truth } of readable()) {
			for (const l of truth.languages) {
				const text = l.text.toLowerCase();
				expect(
					stems(l.code).some((s) => text.includes(s)),
					`${truth.file} ${l.key}: "${l.text}" does not name ${l.code}`
				).toBe(true);
				n++;
			}
		}
		expect(n).toBeGreaterThan(500);
	});

	it('writes languages in varied inflections', () => {
		const forms = new Set(readable().flatMap((d) => d.truth.languages.map((l) => l.text.toLowerCase())));
		for (const expected of ['ukrainaksi', 'ukrainan', 'ukraina', 'ukrainska', 'soraniksi', 'arabian-', 'arabisk']) {
			expect([...forms].some((f) => f.startsWith(expected)), expected).toBe(true);
		}
		expect([...forms].some((f) => f.endsWith('kielisille'))).toBe(true);
	});

	it('uses only the dataset vocabularies', () => {
		const services = new Set<string>(SERVICES);
		const groups = new Set(['jobseekers', 'others', 'both']);
		const kinds = new Set<string>(PROVIDER_KINDS);
		const types = new Set<string>(ARRANGEMENT_TYPES);
		const grades = new Set<string>(GRADES);
		const bad: string[] = [];
		for (const { truth } of readable()) {
			for (const p of truth.providers) {
				if (!services.has(p.service) || !groups.has(p.client_group) || !kinds.has(p.provider_kind) || p.provider.length < 2) {
					bad.push(`${truth.file} ${p.key}: ${p.service}/${p.client_group}/${p.provider_kind}/${p.provider}`);
				}
				if (p.provider_kind === 'host_municipality' && !/^\d{3}$/.test(p.provider_municipality_code ?? '')) bad.push(`${truth.file} ${p.key}: host without code`);
			}
			for (const a of truth.arrangements) {
				if (!types.has(a.arrangement_type) || !['host', 'member', 'partner'].includes(a.role)) bad.push(`${truth.file} ${a.key}: ${a.arrangement_type}/${a.role}`);
			}
			for (const p of truth.parts) if (!grades.has(p.grade)) bad.push(`${truth.file} ${p.key}: grade ${p.grade}`);
			expect(truth.parts.map((p) => p.key)).toEqual(ALL_FIELDS.map((f) => f.key));
			expect(truth.synthetic).toBe(true);
		}
		expect(bad).toEqual([]);
	});

	it('records the 54 § host of every hosted document and the municipalities it covers', () => {
		for (const { truth, plan: d } of readable()) {
			expect(truth.municipality_codes).toEqual(d.codes);
			const header = truth.municipality_mentions.map((m) => m.code);
			expect(header, truth.file).toEqual(d.codes);
			if (d.host && d.model === 'member_54' && truth.parts.find((p) => p.key === 'header.partners')!.grade === 'answered') {
				const hosts = truth.arrangements.filter((a) => a.arrangement_type === 'kuntalaki_54' && a.role === 'host');
				expect(hosts.length, truth.file).toBeGreaterThan(0);
				for (const h of hosts) expect(h.partner_municipality_code).toBe(d.host);
			}
		}
	});

	it('grades match what was written: placeholders, thin answers and empties', () => {
		for (const { truth } of readable()) {
			for (const p of truth.parts) {
				const v = truth.values[p.key];
				if (p.grade === 'missing') expect(v, `${truth.file} ${p.key}`).toBeUndefined();
				else if (p.grade === 'empty') expect((v ?? '').trim()).toBe('');
				else if (p.grade === 'placeholder') expect([...PLACEHOLDERS_FI, ...PLACEHOLDERS_SV]).toContain(v);
				else if (p.grade === 'thin') expect([...THIN_FI, ...THIN_SV]).toContain(v);
				else expect(v.trim().length, `${truth.file} ${p.key}`).toBeGreaterThan(p.key.startsWith('header.') ? 1 : 5);
			}
		}
	});

	it('fills mandatory parts at realistic rates', () => {
		const grades = readable().flatMap((d) => d.truth.parts.filter((p) => MANDATORY_KEYS.includes(p.key)).map((p) => p.grade));
		const rate = (g: string) => grades.filter((x) => x === g).length / grades.length;
		expect(rate('answered')).toBeGreaterThan(0.75);
		expect(rate('answered')).toBeLessThan(0.95);
		for (const g of ['thin', 'placeholder', 'empty']) {
			expect(rate(g), g).toBeGreaterThan(0.01);
			expect(rate(g), g).toBeLessThan(0.1);
		}
		// Optional section 7 is skipped far more often.
		const s7 = readable().flatMap((d) => d.truth.parts.filter((p) => p.key.startsWith('s7.')).map((p) => p.grade));
		expect(s7.filter((g) => g === 'answered').length / s7.length).toBeLessThan(rate('answered'));
		// A few printings leave parts out entirely.
		expect(readable().some((d) => d.truth.parts.some((p) => p.grade === 'missing' && !p.key.startsWith('table.')))).toBe(true);
	});

	it('fills the responsibility table in some documents and leaves it empty in others', () => {
		const forms = readable().filter((d) => d.truth.kind !== 'own-template');
		const filled = forms.filter((d) => d.truth.table_filled).length / forms.length;
		expect(filled).toBeGreaterThan(0.2);
		expect(filled).toBeLessThan(0.6);
		expect(readable().some((d) => d.truth.providers.some((p) => p.from_table))).toBe(true);
	});

	it('includes distractors, named actors and Cyrillic text', () => {
		const all = readable();
		const why = new Set(all.flatMap((d) => d.truth.distractors.map((x) => x.why)));
		for (const w of ['population', 'official-languages', 'consultation', 'negated']) expect(why.has(w), w).toBe(true);
		const kinds = new Set(all.flatMap((d) => d.truth.providers.map((p) => p.provider_kind)));
		for (const k of ['municipality', 'host_municipality', 'employment_authority', 'wellbeing_county', 'ely_keha', 'education_provider', 'ngo_parish', 'private_company']) {
			expect(kinds.has(k as never), k).toBe(true);
		}
		const types = new Set(all.flatMap((d) => d.truth.arrangements.map((a) => a.arrangement_type)));
		for (const t of GENERATED_ARRANGEMENT_TYPES) expect(types.has(t), t).toBe(true);
		const cyrillic = all.filter((d) => Object.values(d.truth.values).some((v) => /[\u0400-\u04ff]/.test(v)));
		expect(cyrillic.length).toBeGreaterThan(3);
		expect(all.some((d) => Object.values(d.truth.values).some((v) => /Kuntalain \(410\/2015\) 54 §|kuntalain 54 §/i.test(v)))).toBe(true);
	});

	it('gives contact details that cannot reach a real person', () => {
		let n = 0;
		for (const { truth } of readable()) {
			for (const v of Object.values(truth.values)) {
				for (const m of v.matchAll(/[\w.+-]+@([\w.-]+)/g)) {
					expect(m[1], `${truth.file}: ${m[0]}`).toMatch(/\.example$/);
					n++;
				}
				for (const m of v.matchAll(/\+358[\d ]+/g)) expect(m[0], truth.file).toMatch(/^\+358 00 /);
			}
		}
		expect(n).toBeGreaterThan(100);
	});

	it('keeps the situation across versions: the update names the same actors and at least the same orientation languages', () => {
		const pairs = docs.filter((d) => d.plan.version >= 2).map((v2) => [docs.find((d) => d.plan.id === v2.plan.supersedes)!, v2] as const);
		expect(pairs.length).toBeGreaterThan(5);
		let compared = 0;
		for (const [v1, v2] of pairs) {
			if (v1.truth.kind === 'scan' || v1.truth.expected_ingest.outcome === 'error') continue;
			// Compare what each version says in s3.a2 when both answer it.
			const g1 = v1.truth.parts.find((p) => p.key === 's3.a2')!.grade;
			const g2 = v2.truth.parts.find((p) => p.key === 's3.a2')!.grade;
			if (g1 !== 'answered' || g2 !== 'answered') continue;
			const langs = (d: typeof v1) => new Set(d.truth.languages.filter((l) => l.key === 's3.a2' && l.context === 'orientation').map((l) => l.code));
			for (const code of langs(v1)) expect(langs(v2).has(code), `${v2.truth.file} dropped ${code}`).toBe(true);
			compared++;
		}
		expect(compared).toBeGreaterThan(3);
	});

	it('updates as municipalities do: unchanged parts word for word, the date always, and what the update says', () => {
		const updates = docs.filter((d) => d.plan.version >= 2);
		expect(updates.filter((d) => d.plan.version === 3).length).toBeGreaterThanOrEqual(5);
		let kept = 0;
		let reform = 0;
		let added = 0;
		let filled = 0;
		for (const cur of updates) {
			const prev = docs.find((d) => d.plan.id === cur.plan.supersedes)!;
			const changed = new Set(cur.truth.changes!.filter((c) => c.change === 'text').map((c) => c.key));
			expect(changed.has('header.updated'), cur.truth.file).toBe(true);
			for (const f of ALL_FIELDS) {
				const a = prev.composed.values[f.key] ?? '';
				const b = cur.composed.values[f.key] ?? '';
				// The truth's text changes are exactly the parts whose text differs (whitespace runs as one).
				expect(changed.has(f.key), `${cur.truth.file} ${f.key}`).toBe(a.replace(/\s+/g, ' ').trim() !== b.replace(/\s+/g, ' ').trim());
				if (a === b) kept++;
			}
			// After the reform no part names the TE office, and the change says which provider left.
			if (cur.plan.update!.reform) {
				reform++;
				expect(cur.composed.facts.some((f) => f.fact.type === 'provider' && /^TE-/.test(f.fact.actor.name)), cur.truth.file).toBe(false);
				expect(cur.truth.changes!.some((c) => c.change === 'provider' && c.direction === 'removed' && /^TE-/.test(c.provider ?? ''))).toBe(true);
			}
			const newLanguages = cur.composed.orientation.filter((x) => !prev.composed.orientation.includes(x));
			if (newLanguages.length) added++;
			filled += cur.truth.changes!.filter((c) => c.change === 'grade' && c.grade_after === 'answered').length;
		}
		// Most of a programme stays as it was; each kind of change occurs.
		expect(kept / (updates.length * ALL_FIELDS.length)).toBeGreaterThan(0.8);
		expect(reform).toBeGreaterThanOrEqual(5);
		expect(added).toBeGreaterThanOrEqual(10);
		expect(filled).toBeGreaterThanOrEqual(30);
		// A first version has no changes; every update's changes are relative to the version before it.
		for (const d of docs) expect(d.truth.changes === null).toBe(d.plan.version === 1);
	});

	it('has no fact for broken files and scans, whose text cannot be read', () => {
		const unreadable = docs.filter((d) => d.truth.kind === 'scan' || d.truth.expected_ingest.outcome === 'error');
		expect(unreadable.length).toBeGreaterThan(0);
		for (const { truth } of unreadable) {
			expect(truth.languages).toEqual([]);
			expect(truth.providers).toEqual([]);
			expect(truth.values).toEqual({});
			expect(truth.municipality_codes.length).toBeGreaterThan(0);
		}
	});

	it('answers every form key for readable documents (or grades it missing)', () => {
		for (const { truth } of readable()) {
			for (const f of ANSWER_FIELDS) {
				const grade = truth.parts.find((p) => p.key === f.key)!.grade;
				expect(grade === 'missing' || typeof truth.values[f.key] === 'string', `${truth.file} ${f.key}`).toBe(true);
			}
		}
	});
});

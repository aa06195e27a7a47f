/**
 * The independent evaluation set: hand-written passages in tests/golden/prose/*.txt, written in the
 * ways municipalities write (not by the corpus generator or its phrase banks), each with the facts a
 * careful reader takes from it. `npm run eval` and tests/unit/enrich-prose-golden.test.ts score the
 * enricher on them, apart from the synthetic corpus.
 *
 * A passage file is a few `name: value` lines, a line `---`, then the passage (the answer to `key`):
 *
 *   lang: fi                                  fi | sv (what the passage is written in)
 *   title: …                                  optional: the PDF's title (metadata)
 *   header.municipalities: …                  optional: any other answer of the programme, by key
 *   key: s1.c                                 the answer the passage is
 *   municipality: Pirkkala                    expected programme municipalities (Finnish or Swedish names)
 *   partners: Lempäälä                        expected other municipalities the passage names as partners or providers
 *   languages: ar, ru                         expected orientation languages (ISO 639-1), read from the passage
 *   providers: municipality, ngo_parish       expected provider kinds read from the passage
 *
 * An absent or empty expectation line means "none". Names resolve through the reference list, so a
 * misspelt name is an error, not a silent miss.
 */
import type { Municipality } from '../../src/lib/reference/index';
import type { Enricher } from '../../src/lib/programme/enrich/index';
import type { Answer, Programme } from '../../src/lib/programme/types';
import { FIELD_BY_KEY } from '../../src/lib/programme/form-tem-2024';

export interface GoldenPassage {
	file: string;
	lang: 'fi' | 'sv';
	title: string | null;
	key: string;
	text: string;
	/** Other answers of the programme (header fields), by key. */
	answers: Record<string, string>;
	municipality: string[];
	partners: string[];
	languages: string[];
	providers: string[];
}

export const GOLDEN_FACT_TYPES = ['programme municipality', 'partner municipalities', 'orientation languages', 'providers'] as const;
export type GoldenFactType = (typeof GOLDEN_FACT_TYPES)[number];

const EXPECTATIONS = new Set(['municipality', 'partners', 'languages', 'providers']);

export function parseGoldenPassage(file: string, source: string, municipalities: readonly Municipality[]): GoldenPassage {
	const fail = (why: string): never => {
		throw new Error(`${file}: ${why}`);
	};
	const sep = source.search(/^---[ \t]*$/m);
	if (sep < 0) fail('no line "---" between the fields and the passage');
	const head = source.slice(0, sep);
	const text = source
		.slice(sep)
		.replace(/^---[ \t]*\r?\n/, '')
		.replace(/\r\n?/g, '\n')
		.trim();
	if (text === '') fail('the passage is empty');
	const fields = new Map<string, string>();
	for (const line of head.split(/\r?\n/)) {
		if (line.trim() === '' || line.startsWith('#')) continue;
		const m = /^([a-z_.0-9]+):[ \t]*(.*)$/.exec(line);
		if (!m) fail(`cannot read the line "${line}" (expected "name: value")`);
		fields.set(m![1], m![2].trim());
	}
	const byName = new Map<string, string>();
	for (const m of municipalities) {
		byName.set(m.nameFi, m.code);
		byName.set(m.nameSv, m.code);
	}
	const list = (name: string) =>
		(fields.get(name) ?? '')
			.split(',')
			.map((s) => s.trim())
			.filter((s) => s !== '');
	const codes = (name: string) =>
		list(name).map((n) => byName.get(n) ?? fail(`${name}: "${n}" is no municipality in data/reference/municipalities.csv`));
	const lang = fields.get('lang');
	if (lang !== 'fi' && lang !== 'sv') fail('lang must be fi or sv');
	const key = fields.get('key') ?? fail('no key');
	if (!FIELD_BY_KEY.has(key)) fail(`key "${key}" is no answer of the form`);
	const answers: Record<string, string> = {};
	for (const [k, v] of fields) {
		if (FIELD_BY_KEY.has(k)) answers[k] = v;
		else if (!['lang', 'title', 'key'].includes(k) && !EXPECTATIONS.has(k)) fail(`unknown field "${k}"`);
	}
	const municipality = codes('municipality');
	if (municipality.length === 0) fail('every passage names its programme municipality');
	return {
		file,
		lang: lang as 'fi' | 'sv',
		title: fields.get('title') || null,
		key,
		text,
		answers,
		municipality: [...new Set(municipality)].sort(),
		partners: [...new Set(codes('partners'))].sort(),
		languages: [...new Set(list('languages'))].sort(),
		providers: [...new Set(list('providers'))].sort()
	};
}

/** The passage as a programme: its header answers, then the passage under its key. */
export function goldenProgramme(p: GoldenPassage): Programme {
	const answer = (key: string, text: string): Answer => {
		const f = FIELD_BY_KEY.get(key)!;
		return { key, section: f.section, part: f.part, text, status: text.trim() === '' ? 'empty' : 'filled', source: { fieldName: f.fieldName, page: null, rect: null } };
	};
	const order = [...FIELD_BY_KEY.keys()];
	const all = { ...p.answers, [p.key]: p.text };
	return {
		id: `golden:${p.file}`,
		inputKind: 'own-template',
		template: null,
		pageCount: 1,
		metadata: { title: p.title, author: null, subject: null, keywords: null, creator: null, producer: null },
		isSynthetic: false,
		answers: Object.keys(all)
			.sort((a, b) => order.indexOf(a) - order.indexOf(b))
			.map((k) => answer(k, all[k])),
		unmapped: [],
		warnings: []
	};
}

export interface GoldenScore {
	type: GoldenFactType;
	truth: number;
	predicted: number;
	truePositives: number;
	precision: number | null;
	recall: number | null;
}

export interface GoldenEvaluation {
	passages: number;
	scores: GoldenScore[];
	/** `file: fact` per miss and per false positive. */
	missed: string[];
	falsePositives: string[];
}

/** What the enricher reads from one passage, in the terms of the expectations. */
export function goldenFacts(p: GoldenPassage, enrich: Enricher): Record<GoldenFactType, string[]> {
	const e = enrich(goldenProgramme(p));
	const own = new Set(e.municipalityCodes);
	const partners = new Set<string>();
	for (const r of e.cooperation) if (r.key === p.key && r.partner_municipality_code && !own.has(r.partner_municipality_code)) partners.add(r.partner_municipality_code);
	for (const r of e.responsibilities)
		if (r.key === p.key && r.provider_municipality_code && !own.has(r.provider_municipality_code)) partners.add(r.provider_municipality_code);
	return {
		'programme municipality': [...own].sort(),
		'partner municipalities': [...partners].sort(),
		'orientation languages': [...new Set(e.languages.filter((l) => l.key === p.key && l.context === 'orientation').map((l) => l.language_code))].sort(),
		providers: [...new Set(e.responsibilities.filter((r) => r.key === p.key).map((r) => r.provider_kind))].sort()
	};
}

export function evaluateGolden(passages: readonly GoldenPassage[], enrich: Enricher): GoldenEvaluation {
	const count = Object.fromEntries(GOLDEN_FACT_TYPES.map((t) => [t, { truth: 0, predicted: 0, tp: 0 }])) as Record<GoldenFactType, { truth: number; predicted: number; tp: number }>;
	const missed: string[] = [];
	const falsePositives: string[] = [];
	for (const p of passages) {
		const got = goldenFacts(p, enrich);
		const want: Record<GoldenFactType, string[]> = {
			'programme municipality': p.municipality,
			'partner municipalities': p.partners,
			'orientation languages': p.languages,
			providers: p.providers
		};
		for (const t of GOLDEN_FACT_TYPES) {
			const g = new Set(got[t]);
			const w = new Set(want[t]);
			count[t].truth += w.size;
			count[t].predicted += g.size;
			for (const x of w) {
				if (g.has(x)) count[t].tp++;
				else missed.push(`${p.file}: ${t} ${x}`);
			}
			for (const x of g) if (!w.has(x)) falsePositives.push(`${p.file}: ${t} ${x}`);
		}
	}
	return {
		passages: passages.length,
		scores: GOLDEN_FACT_TYPES.map((type) => {
			const { truth, predicted, tp } = count[type];
			return { type, truth, predicted, truePositives: tp, precision: predicted ? tp / predicted : null, recall: truth ? tp / truth : null };
		}),
		missed,
		falsePositives
	};
}

export function formatGoldenEvaluation(r: GoldenEvaluation): string {
	const f = (x: number | null) => (x === null ? '   – ' : x.toFixed(3));
	const lines = [`Independent set (tests/golden/prose): ${r.passages} hand-written passages`, 'fact type                truth  pred    TP  precision  recall'];
	for (const s of r.scores) {
		lines.push(`${s.type.padEnd(24)} ${String(s.truth).padStart(5)} ${String(s.predicted).padStart(5)} ${String(s.truePositives).padStart(5)}      ${f(s.precision)}   ${f(s.recall)}`);
	}
	if (r.missed.length) lines.push('missed:', ...r.missed.map((m) => `  ${m}`));
	if (r.falsePositives.length) lines.push('false positives:', ...r.falsePositives.map((m) => `  ${m}`));
	return lines.join('\n');
}

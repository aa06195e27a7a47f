/**
 * What changed between consecutive versions of a programme: the `programme_changes` table.
 * Isomorphic, pure: computed from the dataset's own rows (programme_versions, answers,
 * completeness, responsibilities, languages, cooperation), so it says nothing the other tables
 * do not, only side by side.
 *
 * Pairs: every (previous, programme) of programme_versions — each version and the one dated just
 * before it for some municipality (a joint programme that splits gives one pair per member's next
 * programme; a tie on the earlier date gives a pair with each). Per pair:
 * - `grade`: a part whose completeness grade differs (`changed`);
 * - `text`: a part whose text differs once runs of whitespace count as one (a reflowed line is no
 *   change): `added` (nothing written before), `removed` (nothing written after) or `changed`,
 *   with the word diff (../programme/word-diff.ts) and the words added and removed;
 * - `provider`, `language`, `arrangement`: a fact found in only one of the two versions, `added`
 *   or `removed`. A provider is service × client group × organisation, an arrangement type × role
 *   × partner organisation, where the organisation (`organisation()`) is a municipality by its
 *   code, the wellbeing services county as one (a programme has one county, under many names: its
 *   own, a brand, "hyvinvointialueen sosiaaliohjaaja"), the employment authority as the TE office
 *   before the 2025 reform or the employment area's services after it, anyone else by name — so a
 *   reworded mention is no change, and a provider that moved from the TE office to the employment
 *   area is one. A language is language × context.
 * Evidence on both sides: the part and the span of the changed words (text and grade rows) or the
 * fact's first mention (facts: only the side that has it), with the snippet, as in the fact tables.
 */
import { ALL_FIELDS } from '../programme/form-tem-2024';
import { changedSpans, countWords, wordDiff } from '../programme/word-diff';
import type { Dataset, Row } from './rows';

const FIELD_ORDER = new Map(ALL_FIELDS.map((f, i) => [f.key, i]));
const ordinalOf = (key: string) => FIELD_ORDER.get(key) ?? ALL_FIELDS.length;

/** The kinds of change and their directions (programme_changes.change / .direction). */
export const CHANGE_KINDS = ['grade', 'text', 'provider', 'language', 'arrangement'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_DIRECTIONS = ['changed', 'added', 'removed'] as const;

/** The diff as stored: `[op, text]` with op `=` (kept), `-` (removed) or `+` (added). */
export type StoredDiff = [('=' | '-' | '+'), string][];

const norm = (t: string) => t.replace(/\s+/gu, ' ').trim();

/** The state's TE office and its services: the employment authority before 1.1.2025. */
const TE_OFFICE = /^(?:TE-|työ-\s*ja\s+elinkeino|arbets-\s*och\s+näringsbyrå)/iu;

/** Which organisation a provider or partner is (see the header). */
export function organisation(kind: string | null, municipalityCode: string | null, name: string | null): string {
	if (municipalityCode) return `municipality:${municipalityCode}`;
	if (kind === 'wellbeing_county') return 'wellbeing_county';
	if (kind === 'employment_authority') return TE_OFFICE.test(name ?? '') ? 'employment_authority:te-office' : 'employment_authority:area';
	return `${kind ?? ''}:${(name ?? '').toLocaleLowerCase('fi')}`;
}

interface Side {
	key: string;
	span_start: number;
	span_end: number;
	snippet: string;
}

const EMPTY_FACT = {
	grade_before: null,
	grade_after: null,
	words_added: null,
	words_removed: null,
	diff: null,
	service: null,
	client_group: null,
	provider: null,
	provider_kind: null,
	language_code: null,
	context: null,
	arrangement_type: null,
	partner: null,
	role: null
};

function evidence(prefix: 'from' | 'to', side: Side | null): Row {
	return {
		[`${prefix}_key`]: side?.key ?? null,
		[`${prefix}_span_start`]: side?.span_start ?? null,
		[`${prefix}_span_end`]: side?.span_end ?? null,
		[`${prefix}_snippet`]: side?.snippet ?? null
	};
}

function byProgramme(rows: readonly Row[] | undefined): Map<string, Row[]> {
	const out = new Map<string, Row[]>();
	for (const r of rows ?? []) {
		const id = r.programme_id as string;
		const list = out.get(id);
		if (list) list.push(r);
		else out.set(id, [r]);
	}
	return out;
}

/** The consecutive pairs of programme_versions with the municipalities each is consecutive for. */
export function versionPairs(versions: readonly Row[]): { from: string; to: string; codes: string[] }[] {
	const pairs = new Map<string, { from: string; to: string; codes: string[] }>();
	for (const v of versions) {
		for (const prev of (v.previous_programme_ids as string[]) ?? []) {
			const key = `${prev}|${v.programme_id}`;
			const pair = pairs.get(key) ?? { from: prev, to: v.programme_id as string, codes: [] };
			pair.codes.push(v.code as string);
			pairs.set(key, pair);
		}
	}
	return [...pairs.values()].map((p) => ({ ...p, codes: [...new Set(p.codes)].sort() }));
}

/** One programme's rows that a change compares (as in the dataset's tables). */
export type ChangeSource = Pick<Dataset, 'answers' | 'completeness' | 'responsibilities' | 'languages' | 'cooperation'>;

export function changeRows(data: Dataset): Row[] {
	const tables = ['answers', 'completeness', 'responsibilities', 'languages', 'cooperation'] as const;
	const by = Object.fromEntries(tables.map((t) => [t, byProgramme(data[t])])) as Record<(typeof tables)[number], Map<string, Row[]>>;
	const source = (id: string): ChangeSource => Object.fromEntries(tables.map((t) => [t, by[t].get(id) ?? []])) as ChangeSource;
	const out: Row[] = [];
	// A loop, not push(...rows): the rows of one pair can be many.
	for (const pair of versionPairs(data.programme_versions ?? [])) for (const row of pairChangeRows(pair, source(pair.from), source(pair.to))) out.push(row);
	return out;
}

/**
 * The changes of one pair of versionPairs, from the rows of its two programmes (the ingest loads
 * them pair by pair instead of holding every programme's rows).
 */
export function pairChangeRows(pair: { from: string; to: string; codes: string[] }, fromRows: ChangeSource, toRows: ChangeSource): Row[] {
	const rowsOf = (id: string) => (id === pair.from ? fromRows : toRows);
	const facts = {
		provider: (id: string) => rowsOf(id).responsibilities,
		language: (id: string) => rowsOf(id).languages,
		arrangement: (id: string) => rowsOf(id).cooperation
	};
	const out: Row[] = [];
	const base = { from_programme_id: pair.from, to_programme_id: pair.to, municipality_codes: pair.codes };
	const text = (id: string) => new Map(rowsOf(id).answers.filter((a) => a.key !== 'unmapped').map((a) => [a.key as string, a.text as string]));
	const before = text(pair.from);
	const after = text(pair.to);

	// Text: every part either version wrote something in.
	const spans = new Map<string, { from: Side | null; to: Side | null }>();
	for (const key of [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => ordinalOf(a) - ordinalOf(b) || (a < b ? -1 : 1))) {
		const x = before.get(key) ?? '';
		const y = after.get(key) ?? '';
		if (norm(x) === norm(y)) continue;
		const where = changedSpans(x, y)!;
		const side = (has: boolean, t: string, s: [number, number]): Side | null => (has ? { key, span_start: s[0], span_end: s[1], snippet: t.slice(s[0], s[1]) } : null);
		const from = side(before.has(key), x, where.before);
		const to = side(after.has(key), y, where.after);
		spans.set(key, { from, to });
		const ops = wordDiff(x, y, { whitespace: 'ignore' });
		out.push({
			...base,
			change: 'text',
			direction: norm(x) === '' ? 'added' : norm(y) === '' ? 'removed' : 'changed',
			key,
			ordinal: ordinalOf(key),
			...EMPTY_FACT,
			words_added: countWords(ops, 'added'),
			words_removed: countWords(ops, 'removed'),
			diff: JSON.stringify(ops.map((o) => [o.op === 'same' ? '=' : o.op === 'added' ? '+' : '-', o.text])),
			...evidence('from', from),
			...evidence('to', to)
		});
	}

	// Grades: parts graded differently (the evidence is the changed text, else the whole answer).
	const gradeOf = (id: string) => new Map(rowsOf(id).completeness.map((c) => [c.key as string, c.grade as string]));
	const g0 = gradeOf(pair.from);
	const g1 = gradeOf(pair.to);
	for (const key of [...new Set([...g0.keys(), ...g1.keys()])]) {
		const a = g0.get(key) ?? null;
		const b = g1.get(key) ?? null;
		if (a === b || a === null || b === null) continue;
		const whole = (m: Map<string, string>): Side | null => {
			const t = m.get(key);
			if (t === undefined) return null;
			const start = t.length - t.trimStart().length;
			const end = t.trimEnd().length;
			return { key, span_start: start, span_end: Math.max(start, end), snippet: t.slice(start, Math.max(start, end)) };
		};
		const changed = spans.get(key);
		out.push({
			...base,
			change: 'grade',
			direction: 'changed',
			key,
			ordinal: ordinalOf(key),
			...EMPTY_FACT,
			grade_before: a,
			grade_after: b,
			...evidence('from', changed ? changed.from : whole(before)),
			...evidence('to', changed ? changed.to : whole(after))
		});
	}

	// Facts found in only one of the two versions.
	const identity: Record<'provider' | 'language' | 'arrangement', (r: Row) => string> = {
		provider: (r) => JSON.stringify([r.service, r.client_group, organisation(r.provider_kind as string, r.provider_municipality_code as string | null, r.provider as string)]),
		language: (r) => JSON.stringify([r.language_code, r.context]),
		arrangement: (r) =>
			JSON.stringify([r.arrangement_type, r.role, organisation(r.partner_kind as string, r.partner_municipality_code as string | null, r.partner as string)])
	};
	const describe: Record<'provider' | 'language' | 'arrangement', (r: Row) => Row> = {
		provider: (r) => ({ service: r.service, client_group: r.client_group, provider: r.provider, provider_kind: r.provider_kind }),
		language: (r) => ({ language_code: r.language_code, context: r.context }),
		arrangement: (r) => ({ arrangement_type: r.arrangement_type, partner: r.partner, role: r.role })
	};
	for (const kind of ['provider', 'language', 'arrangement'] as const) {
		const firstMentions = (id: string) => {
			const m = new Map<string, Row>();
			const rows = [...facts[kind](id)].sort(
				(a, b) => ordinalOf(a.key as string) - ordinalOf(b.key as string) || (a.span_start as number) - (b.span_start as number)
			);
			for (const r of rows) if (!m.has(identity[kind](r))) m.set(identity[kind](r), r);
			return m;
		};
		const f0 = firstMentions(pair.from);
		const f1 = firstMentions(pair.to);
		const side = (r: Row): Side => ({ key: r.key as string, span_start: r.span_start as number, span_end: r.span_end as number, snippet: r.snippet as string });
		for (const [id, r] of f0) {
			if (f1.has(id)) continue;
			out.push({ ...base, change: kind, direction: 'removed', key: r.key, ordinal: ordinalOf(r.key as string), ...EMPTY_FACT, ...describe[kind](r), ...evidence('from', side(r)), ...evidence('to', null) });
		}
		for (const [id, r] of f1) {
			if (f0.has(id)) continue;
			out.push({ ...base, change: kind, direction: 'added', key: r.key, ordinal: ordinalOf(r.key as string), ...EMPTY_FACT, ...describe[kind](r), ...evidence('from', null), ...evidence('to', side(r)) });
		}
	}
	return out;
}

/** The stored diff back as ops (pages render it as text, never as HTML). */
export function parseStoredDiff(json: string | null): { op: 'same' | 'added' | 'removed'; text: string }[] {
	if (!json) return [];
	try {
		const parsed = JSON.parse(json) as StoredDiff;
		return parsed.map(([op, text]) => ({ op: op === '+' ? 'added' : op === '-' ? 'removed' : 'same', text: String(text) }));
	} catch {
		return [];
	}
}

/**
 * Form field names → canonical keys, decided on the whole set of a document's fields.
 *
 * Other printings of the form (and other PDF tools saving it) change the field names slightly:
 * whitespace, line breaks, colons, case, the point where a long name is cut. Matching one
 * label at a time would go wrong where two fields differ only in such details (e.g. the bare
 * "4A" next to "4A Kuvaus palvelusta"), so the fields are assigned together, in passes from
 * the most to the least certain:
 *
 * 1. the exact name, then the normalised name (whitespace, trailing colons), then the loose
 *    name (case, punctuation, hyphenation) — the first document field in document order wins;
 * 2. within a structural code ("1A", "2B", …): the remaining fields of that code are assigned
 *    to the remaining keys of that code so that word similarity is highest, ties broken by
 *    document order (this is how the bare "4A" and names cut at another length find their key);
 * 3. fields without a code (header, responsibility table): the most similar remaining key,
 *    if clearly better than the next one.
 *
 * Whether the document is this form at all is decided from the confident matches only
 * (passes 1 and similar-enough names in 2–3): a tax form whose boxes are called "1A" and "2B"
 * must not be read as a programme.
 */
import { ALL_FIELDS, type FormField } from './form-tem-2024';
import { CLIENT_GROUP_LABELS_SV, PART_LABELS_SV, QUESTIONS_SV, TABLE_ROW_LABELS_SV } from './form-tem-2024-sv';
import { labelWords, looseLabel, normaliseLabel, wordSimilarity } from './labels';

export type MatchMethod = 'exact' | 'normalised' | 'similar' | 'position';

export interface FieldAssignment {
	/** The document's field name as given. */
	name: string;
	/** Canonical key, or null when the field maps to no part of the form. */
	key: string | null;
	method: MatchMethod | null;
	/** Word similarity of the name to the key's label or question (1 for exact matches). */
	similarity: number;
	/** Why the field has no key, when it has none. */
	note?: string;
}

export interface FieldMapping {
	/** One per input name, in input order. */
	assignments: FieldAssignment[];
	/** Number of fields matched confidently (exact, normalised, or similar wording). */
	confident: number;
	/** Do the fields look like this form? Decided from the confident matches only. */
	looksLikeForm: boolean;
}

/** Word similarity at or above which a match counts as confident. */
const CONFIDENT = 0.5;
/** Minimum similarity, and margin over the runner-up, for fields without a structural code. */
const UNCODED_MIN = 0.6;
const UNCODED_MARGIN = 0.1;
/** Exhaustive assignment within a code up to this many document fields; greedy above. */
const EXHAUSTIVE_LIMIT = 8;

interface SchemaEntry {
	field: FormField;
	index: number;
	normalised: string;
	loose: string;
	code: string | null;
	/** Word lists to compare against: the field name, the Finnish question, the Swedish question. */
	texts: string[][];
}

/** "1A", "2 b", "3A:" at the start of a loose label → "1a"; null if none. */
export function structuralCode(loose: string): string | null {
	const m = /^([1-7]) ?([abc])(?: |$)/.exec(loose);
	return m ? m[1] + m[2] : null;
}

function keyCode(key: string): string | null {
	const m = /^s([1-7])\.([abc])/.exec(key);
	return m ? m[1] + m[2] : null;
}

/** Words of a label without its structural code. */
function wordsWithoutCode(loose: string, code: string | null): string[] {
	const rest = code ? loose.replace(/^[1-7] ?[abc](?: |$)/, '') : loose;
	return labelWords(rest);
}

function swedishTexts(field: FormField): string[] {
	if (field.section === 'table') {
		const [row, group] = field.part.split('.');
		return [`${TABLE_ROW_LABELS_SV[row] ?? ''} ${CLIENT_GROUP_LABELS_SV[group] ?? ''}`];
	}
	const sv = QUESTIONS_SV[field.key];
	if (!sv) return [];
	const texts = [sv.question];
	// A form names a field by its label alone, up to the colon ("Processen för att utarbeta … i kommunen:",
	// "Slutprov i språkkunskaper (integrationslagen 26 §):").
	const label = /^[^:?]*:/.exec(sv.question)?.[0];
	if (label && label !== sv.question) texts.push(label);
	// A part's first question goes with the part's label, as the Finnish question carries "A. Kuvaus
	// palvelusta:"; and a form may name the field by the label alone ("3A Beskrivning av tjänsten").
	if (/^[abc]1?$/.test(field.part)) {
		const partLabel = PART_LABELS_SV[field.part[0] as 'a' | 'b' | 'c'];
		texts.push(`${partLabel} ${sv.question}`, partLabel);
	}
	return texts;
}

function buildSchema(schema: readonly FormField[]): SchemaEntry[] {
	return schema.map((field, index) => {
		const loose = looseLabel(field.fieldName);
		const code = keyCode(field.key);
		return {
			field,
			index,
			normalised: normaliseLabel(field.fieldName),
			loose,
			code,
			texts: [wordsWithoutCode(loose, code), ...[field.question, ...swedishTexts(field)].map((t) => labelWords(t))]
		};
	});
}

const DEFAULT_SCHEMA = buildSchema(ALL_FIELDS);

function similarity(words: readonly string[], entry: SchemaEntry): number {
	let best = 0;
	for (const t of entry.texts) best = Math.max(best, wordSimilarity(words, t));
	return best;
}

interface DocEntry {
	i: number;
	name: string;
	normalised: string;
	loose: string;
	code: string | null;
	words: string[];
}

/**
 * Map a document's field names (in document order) to canonical keys.
 * `schema` defaults to the TEM 3.9.2024 form (answer fields and responsibility table).
 */
export function mapFieldNames(names: readonly string[], schema: readonly FormField[] = ALL_FIELDS): FieldMapping {
	const entries = schema === ALL_FIELDS ? DEFAULT_SCHEMA : buildSchema(schema);
	const docs: DocEntry[] = names.map((name, i) => {
		const loose = looseLabel(name);
		const code = structuralCode(loose);
		return { i, name, normalised: normaliseLabel(name), loose, code, words: wordsWithoutCode(loose, code) };
	});
	const result: FieldAssignment[] = names.map((name) => ({ name, key: null, method: null, similarity: 0 }));
	const taken = new Set<number>();
	const open = () => docs.filter((d) => result[d.i].key === null);
	const assign = (d: DocEntry, e: SchemaEntry, method: MatchMethod, sim: number) => {
		result[d.i] = { name: d.name, key: e.field.key, method, similarity: sim };
		taken.add(e.index);
	};

	// 1. Equal names: exact, normalised, loose. First field in document order wins a key.
	const passes: [MatchMethod, (d: DocEntry, e: SchemaEntry) => boolean][] = [
		['exact', (d, e) => d.name === e.field.fieldName],
		['normalised', (d, e) => d.normalised === e.normalised],
		['normalised', (d, e) => d.loose === e.loose]
	];
	for (const [method, equal] of passes) {
		for (const d of open()) {
			const e = entries.find((x) => !taken.has(x.index) && equal(d, x));
			if (e) assign(d, e, method, 1);
		}
	}

	// 2. Within each structural code: best total similarity, then document order.
	const codes = [...new Set(open().flatMap((d) => (d.code ? [d.code] : [])))];
	for (const code of codes) {
		const group = open().filter((d) => d.code === code);
		const slots = entries.filter((e) => e.code === code && !taken.has(e.index));
		if (slots.length === 0) {
			for (const d of group) result[d.i].note = `the form's part ${code.toUpperCase()} has no further field`;
			continue;
		}
		const sims = group.map((d) => slots.map((s) => similarity(d.words, s)));
		const choice = group.length <= EXHAUSTIVE_LIMIT ? bestAssignment(sims) : greedyAssignment(sims);
		choice.forEach((slot, gi) => {
			if (slot === null) {
				result[group[gi].i].note = `more fields named ${code.toUpperCase()} than the form has`;
				return;
			}
			const sim = sims[gi][slot];
			assign(group[gi], slots[slot], sim >= CONFIDENT ? 'similar' : 'position', sim);
		});
	}

	// 3. Fields without a code: most similar remaining key, if clearly the best.
	const uncoded = open().filter((d) => d.code === null);
	const pairs: { d: DocEntry; e: SchemaEntry; sim: number }[] = [];
	for (const d of uncoded) {
		const ranked = entries
			.filter((e) => !taken.has(e.index))
			.map((e) => ({ e, sim: similarity(d.words, e) }))
			.sort((a, b) => b.sim - a.sim || a.e.index - b.e.index);
		const [best, second] = ranked;
		if (!best || best.sim < UNCODED_MIN) continue;
		if (second && best.sim - second.sim < UNCODED_MARGIN) {
			result[d.i].note = `the name fits "${normaliseLabel(best.e.field.fieldName)}" and "${normaliseLabel(second.e.field.fieldName)}" equally well`;
			continue;
		}
		pairs.push({ d, e: best.e, sim: best.sim });
	}
	pairs.sort((a, b) => b.sim - a.sim || a.d.i - b.d.i);
	for (const { d, e, sim } of pairs) {
		if (result[d.i].key === null && !taken.has(e.index)) assign(d, e, 'similar', sim);
	}

	const confident = result.filter((r) => r.method === 'exact' || r.method === 'normalised' || r.method === 'similar').length;
	const looksLikeForm = confident >= 3 || (confident >= 1 && confident * 2 >= names.length);
	if (!looksLikeForm) {
		// Without confident matches, a position inside a code proves nothing.
		for (const r of result) {
			if (r.method === 'position') Object.assign(r, { key: null, method: null, note: 'the document does not look like the form' });
		}
	}
	return { assignments: result, confident, looksLikeForm };
}

/**
 * Exhaustive assignment of document fields (rows) to slots (columns): most fields assigned,
 * then highest total similarity, then most pairs in the same order in the document and the form.
 */
function bestAssignment(sims: number[][]): (number | null)[] {
	const m = sims.length;
	const n = sims[0]?.length ?? 0;
	let best: { choice: (number | null)[]; count: number; total: number; order: number } | null = null;
	const choice: (number | null)[] = [];
	const used = new Set<number>();
	const visit = (row: number) => {
		if (row === m) {
			let count = 0;
			let total = 0;
			let order = 0;
			const assigned: number[] = [];
			choice.forEach((slot, r) => {
				if (slot === null) return;
				count++;
				total += sims[r][slot];
				for (const earlier of assigned) if (earlier < slot) order++;
				assigned.push(slot);
			});
			total = Math.round(total * 1e6) / 1e6;
			if (
				!best ||
				count > best.count ||
				(count === best.count && total > best.total) ||
				(count === best.count && total === best.total && order > best.order)
			) {
				best = { choice: [...choice], count, total, order };
			}
			return;
		}
		for (let s = 0; s < n; s++) {
			if (used.has(s)) continue;
			used.add(s);
			choice.push(s);
			visit(row + 1);
			choice.pop();
			used.delete(s);
		}
		// Leaving a field unassigned only makes sense when there are more fields than slots.
		if (m - row > n - used.size) {
			choice.push(null);
			visit(row + 1);
			choice.pop();
		}
	};
	visit(0);
	return best ? (best as { choice: (number | null)[] }).choice : sims.map(() => null);
}

/** Highest similarity first, document order on ties. */
function greedyAssignment(sims: number[][]): (number | null)[] {
	const pairs = sims.flatMap((row, r) => row.map((sim, s) => ({ r, s, sim })));
	pairs.sort((a, b) => b.sim - a.sim || a.r - b.r || a.s - b.s);
	const choice: (number | null)[] = sims.map(() => null);
	const used = new Set<number>();
	for (const { r, s } of pairs) {
		if (choice[r] !== null || used.has(s)) continue;
		choice[r] = s;
		used.add(s);
	}
	return choice;
}

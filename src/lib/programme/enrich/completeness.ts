/**
 * Completeness: how well each part of the form is answered, by the rubric in
 * docs/completeness-rubric.md (basis: KotoL 681/2023 13 §, the TEM 3.9.2024 form and
 * kotoutuminen.fi's checklist for the programme).
 *
 * Grades: `answered` (1), `thin` (0.5: something, but too little to say how the service is
 * arranged), `placeholder` (0: "-", "ei", "x", "tulossa", "TBD", "ks. edellinen"…), `empty` (0),
 * `missing` (0: the document has no such part). Mandatory parts (sections 1–6 and the header
 * except the approval process) are scored; optional ones (section 7, approval, the responsibility
 * table) are graded and reported but never lower a score.
 */
import { ALL_FIELDS, SECTIONS, type SectionId } from '../form-tem-2024';
import type { Answer } from '../types';
import type { CompletenessRow } from './types';

export type Grade = 'answered' | 'thin' | 'placeholder' | 'empty' | 'missing';

export const GRADE_SCORE: Readonly<Record<Grade, number>> = {
	answered: 1,
	thin: 0.5,
	placeholder: 0,
	empty: 0,
	missing: 0
};

/** Whole answers that say nothing (compared after lower-casing and trimming punctuation and space). */
export const PLACEHOLDERS: ReadonlySet<string> = new Set([
	'', '-', '--', '---', '–', '—', 'x', 'xx', 'xxx', 'ei', 'ei ole', 'ei mitään', 'ei tiedossa', 'ei tietoa', 'tulossa',
	'tulossa myöhemmin', 'täydennetään', 'täydennetään myöhemmin', 'myöhemmin', 'puuttuu', 'avoin', 'kesken', 'tbd', 'tba',
	'todo', 'n/a', 'na', 'ks edellinen', 'ks. edellinen', 'katso edellinen', 'ks yllä', 'ks. yllä', 'katso yllä', 'ks ed',
	'ks. ed', 'sama kuin yllä', 'sama kuin edellä', 'sama kuin edellinen', 'kuten yllä', 'kuten edellä', 'sama', 'samat',
	'…', '...', '.', '?', '??', '0', 'nej', 'ingen', 'inget', 'kommer', 'kommer senare', 'saknas', 'se ovan', 'samma som ovan',
	'som ovan', 'se föregående', 'öppen', 'lorem ipsum'
]);

/** An answer that only points elsewhere: "ks. kohta 2B", "katso liite 1", "se punkt 3". */
const CROSS_REFERENCE = /^(?:ks\.?|katso|kts\.?|viittaus|se|jfr\.?)\s+(?:kohta|kohdat|kohdassa|kohtaa|liite|liitteet|liitteessä|yllä|edellä|edellinen|punkt|bilaga|ovan)\b[^.]{0,30}\.?$/iu;

/**
 * The rubric's reasons as codes, so pages can say them in the UI language (message
 * `gaps.reason.<code>` with `params`); `reason` keeps the English wording for the data.
 */
export type ReasonKey =
	| 'missing'
	| 'empty'
	| 'placeholder'
	| 'cross-reference'
	| 'municipalities'
	| 'no-municipality'
	| 'date'
	| 'no-date'
	| 'contact'
	| 'no-contact'
	| 'languages'
	| 'languages-unrecognised'
	| 'no-language'
	| 'provider'
	| 'no-provider'
	| 'short-responsible'
	| 'short-partners'
	| 'too-short'
	| 'answered';

export const REASON_KEYS: readonly ReasonKey[] = [
	'missing', 'empty', 'placeholder', 'cross-reference', 'municipalities', 'no-municipality', 'date', 'no-date', 'contact',
	'no-contact', 'languages', 'languages-unrecognised', 'no-language', 'provider', 'no-provider', 'short-responsible',
	'short-partners', 'too-short', 'answered'
];

export type ReasonParams = Record<string, string | number>;

export interface GradeResult {
	grade: Grade;
	reason: string;
	reasonKey: ReasonKey;
	/** Values for the message's placeholders (`n` a count, `text` a quoted piece, `bodies` names). */
	reasonParams: ReasonParams;
}

const r = (grade: Grade, reasonKey: ReasonKey, reason: string, reasonParams: ReasonParams = {}): GradeResult => ({
	grade,
	reason,
	reasonKey,
	reasonParams
});

const words = (t: string) => t.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];

/** A date the header field may hold: 18.11.2024, 2024-11-18, 11/2024, "marraskuu 2024". */
const DATE =
	/\b\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{4}\b|(?:tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)(?:kuu|kuussa|kuuta)\s+\d{4}|(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s+\d{4}/iu;

export interface GradeContext {
	/** Municipalities resolved from the header (for `header.municipalities`). */
	municipalityCount: number;
	/** Languages found in s3.a2 (for the language question, where a short list is a full answer). */
	languageCount: number;
	/**
	 * Bodies named in each answer (by key): a B part ("Vastuutaho: which bodies?") that names one is
	 * answered however short; so is a C part that names a partner other than the municipality itself.
	 */
	namedBodies?: ReadonlyMap<string, readonly string[]>;
	/** The grade's confidence from how the part was read (confidence.ts); 1 when not given. */
	confidenceOf?: (answer: Answer | undefined) => number;
}

/** Grade one part. `answer` undefined means the document has no such part. */
export function gradeAnswer(key: string, answer: Answer | undefined, ctx: GradeContext): GradeResult {
	if (!answer) return r('missing', 'missing', 'The document has no such part.');
	const text = answer.text.trim();
	if (text === '') return r('empty', 'empty', 'The part is empty.');
	const norm = text.toLowerCase().replace(/^[\s"'“”«»]+|[\s"'“”«»!:;,]+$/g, '').replace(/\s+/g, ' ');
	if (PLACEHOLDERS.has(norm) || PLACEHOLDERS.has(norm.replace(/\.$/, '')) || /^[-–—_.…x?\s]+$/iu.test(norm)) {
		const quoted = text.slice(0, 40);
		return r('placeholder', 'placeholder', `A placeholder ("${quoted}"), not an answer.`, { text: quoted });
	}
	if (CROSS_REFERENCE.test(norm)) {
		const quoted = text.slice(0, 60);
		return r('placeholder', 'cross-reference', `Only refers elsewhere ("${quoted}").`, { text: quoted });
	}
	const w = words(text);
	const letters = text.replace(/[^\p{L}]/gu, '').length;
	switch (key) {
		case 'header.municipalities': {
			const n = ctx.municipalityCount;
			return n > 0
				? r('answered', 'municipalities', `Names ${n} municipalit${n === 1 ? 'y' : 'ies'}.`, { n })
				: r('thin', 'no-municipality', 'Names no municipality that could be resolved.');
		}
		case 'header.updated':
			return DATE.test(text) ? r('answered', 'date', 'Gives a date.') : r('thin', 'no-date', 'Gives no date that can be read.');
		case 'header.contact':
			return /@|\+?\d[\d\s-]{5,}/.test(text) || w.length >= 2
				? r('answered', 'contact', 'Names a contact.')
				: r('thin', 'no-contact', 'Too short to identify a contact.');
		case 's3.a2': {
			const n = ctx.languageCount;
			if (n > 0) return r('answered', 'languages', `Names ${n} language${n === 1 ? '' : 's'}.`, { n });
			return w.length >= 3
				? r('answered', 'languages-unrecognised', 'Answers in words but names no language we recognise.')
				: r('thin', 'no-language', 'Names no language.');
		}
	}
	if (key.startsWith('table.')) {
		return w.some((x) => x.length >= 3) ? r('answered', 'provider', 'Names a provider.') : r('thin', 'no-provider', 'Too short to name a provider.');
	}
	if (w.length < 5 || letters < 30) {
		const bodies = ctx.namedBodies?.get(key) ?? [];
		if (bodies.length > 0 && /^s\d\.[bc]\d?$/.test(key)) {
			const responsible = key.includes('.b');
			const names = bodies.join(', ');
			return r(
				'answered',
				responsible ? 'short-responsible' : 'short-partners',
				`Short, but names ${responsible ? 'the responsible body' : 'the partners'}: ${names}.`,
				{ bodies: names }
			);
		}
		const n = w.length;
		return r('thin', 'too-short', `Only ${n} word${n === 1 ? '' : 's'}: too little to say how the service is arranged.`, { n });
	}
	return r('answered', 'answered', `Answered (${w.length} words).`, { n: w.length });
}

/** Every part of the form, graded, in form order (ordinal = position in ALL_FIELDS). */
export function completenessRows(programmeId: string, answers: readonly Answer[], ctx: GradeContext): CompletenessRow[] {
	const byKey = new Map(answers.map((a) => [a.key, a]));
	return ALL_FIELDS.map((f, ordinal) => {
		const answer = byKey.get(f.key);
		const { grade, reason, reasonKey, reasonParams } = gradeAnswer(f.key, answer, ctx);
		return {
			programme_id: programmeId,
			ordinal,
			key: f.key,
			section: f.section,
			mandatory: f.mandatory,
			grade,
			score: GRADE_SCORE[grade],
			reason,
			reason_key: reasonKey,
			reason_params: JSON.stringify(reasonParams),
			chars: answer ? answer.text.length : 0,
			confidence: ctx.confidenceOf ? ctx.confidenceOf(answer) : 1
		};
	});
}

export interface SectionScore {
	section: SectionId;
	mandatory: boolean;
	/** Mean score of the section's mandatory parts; null for optional sections. */
	score: number | null;
	parts: number;
	answered: number;
	/** Mandatory parts that are not answered (thin, placeholder, empty, missing). */
	gaps: string[];
}

/** Per-section scores: the mean of the section's mandatory parts. */
export function sectionScores(rows: readonly Pick<CompletenessRow, 'key' | 'section' | 'mandatory' | 'grade' | 'score'>[]): SectionScore[] {
	return SECTIONS.map((s) => {
		const parts = rows.filter((r) => r.section === s.id);
		const scored = parts.filter((r) => r.mandatory);
		return {
			section: s.id,
			mandatory: s.mandatory && scored.length > 0,
			score: scored.length > 0 ? round(scored.reduce((n, r) => n + r.score, 0) / scored.length) : null,
			parts: parts.length,
			answered: parts.filter((r) => r.grade === 'answered').length,
			gaps: scored.filter((r) => r.grade !== 'answered').map((r) => r.key)
		};
	});
}

/** Programme score: the mean of the mandatory sections' scores (header and 1–6 weigh the same). */
export function programmeScore(rows: readonly Pick<CompletenessRow, 'key' | 'section' | 'mandatory' | 'grade' | 'score'>[]): number {
	const scores = sectionScores(rows)
		.map((s) => s.score)
		.filter((s): s is number => s !== null);
	return scores.length ? round(scores.reduce((a, b) => a + b, 0) / scores.length) : 0;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

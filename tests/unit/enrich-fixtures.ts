/**
 * Test fixtures for enrichment: the reference data and Aura's programme built from the seed
 * (no PDF needed), plus a helper to build a Programme from a few answers.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSeedProgramme } from '../../scripts/seed';
import { FIELD_BY_KEY } from '../../src/lib/programme/form-tem-2024';
import type { Answer, Programme } from '../../src/lib/programme/types';
import { parseEmploymentAreas, parseMunicipalities } from '../../src/lib/reference/index';
import type { EnrichmentReference } from '../../src/lib/programme/enrich/index';

const root = fileURLToPath(new URL('../../', import.meta.url));

export const reference: EnrichmentReference = {
	municipalities: parseMunicipalities(readFileSync(`${root}data/reference/municipalities.csv`, 'utf8')),
	employmentAreas: parseEmploymentAreas(readFileSync(`${root}data/reference/employment_areas.csv`, 'utf8'))
};

export function answer(key: string, text: string): Answer {
	const f = FIELD_BY_KEY.get(key);
	if (!f) throw new Error(`unknown key ${key}`);
	return {
		key,
		section: f.section,
		part: f.part,
		text,
		status: text.trim() === '' ? 'empty' : 'filled',
		source: { fieldName: f.fieldName, page: null, rect: null }
	};
}

export function programme(answers: Record<string, string>, opts: { id?: string; title?: string | null } = {}): Programme {
	return {
		id: opts.id ?? 'test',
		inputKind: 'fillable-form',
		template: 'tem-2024-09-03',
		pageCount: 17,
		metadata: { title: opts.title ?? null, author: null, subject: null, keywords: null, creator: null, producer: null },
		isSynthetic: false,
		answers: Object.entries(answers).map(([k, v]) => answer(k, v)),
		unmapped: [],
		warnings: []
	};
}

/** Aura's programme (18.11.2024) from the seed, answers in form order, as the extractor would give them. */
export function auraProgramme(): Programme {
	const seed = readFileSync(`${root}data/seeds/000_810836d28a172589.txt`, 'utf8');
	const values = parseSeedProgramme(seed);
	return {
		...programme({}, { id: 'aura-seed' }),
		answers: values.map((v) => answer(v.key, v.value.replace(/\r\n?/g, '\n')))
	};
}

/**
 * Long answers for the scaling test and benchmark (bench/enrich-scaling.ts), built from whole units
 * so a text of 10× the units holds 10× the same sentences:
 * - `aura`: Aura's own answers (Finnish prose, sentences and paragraphs), one unit per copy;
 * - `no-breaks`: one endless sentence of language names, list joiners and clause breaks, no full stop.
 */
export const LONG_TEXT_UNITS = {
	aura: () =>
		auraProgramme()
			.answers.filter((a) => a.section !== 'header' && a.section !== 'table' && a.text.trim() !== '')
			.map((a) => a.text)
			.join('\n\n') + '\n\n',
	'no-breaks': () => 'suomi, ruotsi, englanti, arabia, venäjä, somali, ukrainaksi, persia ja dari kielillä jos tarvitaan; '
} as const;
export type LongTextKind = keyof typeof LONG_TEXT_UNITS;

/** Whole units of `kind` repeated to at least `chars` characters; returns the text and the unit count. */
export function longText(kind: LongTextKind, chars: number): { text: string; units: number } {
	const unit = LONG_TEXT_UNITS[kind]();
	const units = Math.max(1, Math.round(chars / unit.length));
	return { text: unit.repeat(units), units };
}

/** A programme with Aura in the header and one long answer (s3.a1). */
export function longAnswerProgramme(text: string): Programme {
	return programme({ 'header.municipalities': 'Aura', 's3.a1': text }, { id: 'long' });
}

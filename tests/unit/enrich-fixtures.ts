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

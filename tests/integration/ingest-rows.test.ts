/**
 * Programmes → dataset rows: header facts, ingest_log, the enrichment plug-in point (required), row
 * validation; and the committed data dictionary being up to date.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDictionary } from '../../src/lib/dataset/dictionary';
import { buildDataset, capFacts, MAX_FACTS_PER_TABLE, parseDate, validateRows, type FileOutcome } from '../../src/lib/dataset/rows';
import { COMPLETENESS, PROGRAMMES, TABLES } from '../../src/lib/dataset/tables';
import { FIELD_BY_KEY } from '../../src/lib/programme/form-tem-2024';
import type { Programme } from '../../src/lib/programme/types';
import { parseMunicipalities } from '../../src/lib/reference';
import { ROOT } from '../helpers/programme-pdfs';
import { ingestEnricher } from '../../ingest/enrich';

/** The ingest's enrichment: the one municipality resolver. */
const enrich = ingestEnricher();
const municipalities = parseMunicipalities(readFileSync(join(ROOT, 'data/reference/municipalities.csv'), 'utf8'));

function programme(id: string, header: Record<string, string>, extra: Partial<Programme> = {}): Programme {
	return {
		id,
		inputKind: 'fillable-form',
		template: 'tem-2024-09-03',
		pageCount: 3,
		metadata: { title: null, author: null, subject: null, keywords: null, creator: null, producer: null },
		isSynthetic: false,
		answers: Object.entries(header).map(([key, text]) => {
			const f = FIELD_BY_KEY.get(key)!;
			return { key, section: f.section, part: f.part, text, status: text.trim() ? 'filled' : 'empty', source: { fieldName: f.fieldName, page: 1, rect: null } };
		}),
		unmapped: [],
		warnings: [],
		...extra
	};
}

const file = (p: Programme, name: string): FileOutcome => ({ file: name, bytes: 100, kind: 'programme', programme: p });

describe('header facts', () => {
	it('parses the update date only when exactly one valid date is written', () => {
		expect(parseDate('18.11.2024')).toBe('2024-11-18');
		expect(parseDate('Päivitetty 2.1.2025 (kunnanhallitus)')).toBe('2025-01-02');
		expect(parseDate('2025-03-04')).toBe('2025-03-04');
		expect(parseDate('31.2.2024')).toBeNull();
		expect(parseDate('1.1.2024 ja päivitetty 1.6.2025')).toBeNull();
		expect(parseDate('syksy 2024')).toBeNull();
	});

	it('an older programme of the same municipalities is not current; unrelated and undated ones are', () => {
		const data = buildDataset({
			files: [
				file(programme('a', { 'header.municipalities': 'Aura', 'header.updated': '18.11.2024' }), 'a.pdf'),
				file(programme('b', { 'header.municipalities': 'Aura, Pöytyä', 'header.updated': '1.2.2025' }), 'b.pdf'),
				file(programme('c', { 'header.municipalities': 'Pöytyä', 'header.updated': 'tulossa' }), 'c.pdf'),
				file(programme('d', { 'header.municipalities': 'Loimaa', 'header.updated': '1.1.2024' }), 'd.pdf')
			],
			enrich,
			municipalities
		});
		expect(data.programmes.map((r) => [r.programme_id, r.municipality_codes, r.updated, r.is_current])).toEqual([
			['a', ['019'], '2024-11-18', false],
			['b', ['019', '636'], '2025-02-01', true],
			['c', ['636'], null, true],
			['d', ['430'], '2024-01-01', true]
		]);
	});
});

describe('ingest_log rows', () => {
	it('an ok row, then one warning row per programme warning and enrichment warning', () => {
		const p = programme('x', { 'header.municipalities': 'Aura, Atlantis' }, { warnings: [{ code: 'unmapped-field', message: 'Field "Liite" …' }] });
		const data = buildDataset({ files: [file(p, 'x.pdf'), { file: 'y.pdf', bytes: 0, kind: 'error', code: 'empty', reason: 'The file is empty.' }], municipalities, enrich });
		expect(data.ingest_log.map((r) => [r.file, r.seq, r.status, r.code])).toEqual([
			['x.pdf', 0, 'ok', 'ok'],
			['x.pdf', 1, 'warning', 'unmapped-field'],
			['x.pdf', 2, 'warning', 'unresolved-municipality'],
			['y.pdf', 0, 'error', 'empty']
		]);
		expect(data.ingest_log[2].reason).toContain('Atlantis');
	});
});

describe('the enrichment plug-in point', () => {
	it('an enricher’s rows and municipality codes land in their tables, validated and sorted', () => {
		const p = programme('p1', { 'header.municipalities': 'Auran kunta' });
		const data = buildDataset({
			files: [file(p, 'p.pdf')],
			municipalities,
			enrich: (prog) => ({
				municipalityCodes: ['019', '430'],
				completeness: ['s1.b1', 's1.a'].map((key) => ({
					programme_id: prog.id,
					ordinal: key === 's1.a' ? 7 : 8,
					key,
					section: '1',
					mandatory: true,
					grade: 'answered',
					score: 1,
					reason: 'answered',
					reason_key: 'answered',
					reason_params: '{"n":2}',
					chars: 10,
					confidence: 0.95
				})),
				municipalityConfidence: 0.8,
				warnings: [{ code: 'unresolved-municipality', message: 'x' }]
			})
		});
		expect(data.programmes[0].municipality_codes).toEqual(['019', '430']);
		expect(data.programmes[0].municipality_confidence).toBe(0.8);
		expect(data.completeness.map((r) => r.key)).toEqual(['s1.a', 's1.b1']);
		expect(data.ingest_log.map((r) => r.code)).toEqual(['ok', 'unresolved-municipality']);
	});

	it('a programme with 300,000 mentions is built with the first 1000 and a warning (a hostile 10 MB answer once overflowed the call stack)', () => {
		const p = programme('p1', { 'header.municipalities': 'Auran kunta' });
		const row = (i: number) => ({ programme_id: 'p1', key: 's3.a2', span_start: i, span_end: i + 1, snippet: 'x', language_code: 'uk', language_name_fi: 'ukraina', context: 'orientation', confidence: 1 });
		const many = Array.from({ length: 300_000 }, (_, i) => row(i));
		const data = buildDataset({ files: [file(p, 'p.pdf')], municipalities, enrich: () => ({ languages: many }) });
		expect(data.languages.length).toBe(MAX_FACTS_PER_TABLE);
		expect(data.languages.map((r) => r.span_start)).toEqual(many.slice(0, MAX_FACTS_PER_TABLE).map((r) => r.span_start));
		expect(data.ingest_log.filter((r) => r.code === 'too-many-facts').map((r) => r.reason)).toEqual([expect.stringMatching(/300000 languages facts; only the first 1000/)]);
		// Capping is idempotent (readers cap before the parent does).
		expect(capFacts(capFacts({ languages: many }))).toEqual(capFacts({ languages: many }));
	});

	it('rows that do not fit the table are refused with the table, row and column named', () => {
		expect(() =>
			buildDataset({
				files: [file(programme('p1', {}), 'p.pdf')],
				municipalities,
				enrich: () => ({ completeness: [{ programme_id: 'p1', ordinal: 1, key: 's1.a' }] })
			})
		).toThrow(/completeness row 0, column section: missing/);
		expect(() => validateRows(PROGRAMMES, [{ programme_id: 1 }])).toThrow(/unknown column|expected a string/);
		expect(() => validateRows(COMPLETENESS, [{ bogus: 1 }])).toThrow(/unknown column "bogus"/);
	});

	it('a programme with neither a reader\'s enrichment nor an enricher is an error naming its file (no second, weaker resolver)', () => {
		expect(() => buildDataset({ files: [file(programme('p1', { 'header.municipalities': 'Aura' }), 'aura.pdf')], municipalities })).toThrow(/aura\.pdf: programme p1 has no enrichment/);
	});

	it('builds every table of tables.ts, empty where there is nothing', () => {
		const data = buildDataset({ files: [], municipalities });
		expect(Object.keys(data).sort()).toEqual(TABLES.map((t) => t.name).sort());
		expect(data.municipalities.length).toBe(municipalities.length);
	});
});

describe('the data dictionary', () => {
	it('docs/data-dictionary.md is generated from tables.ts and up to date (regenerate: npm run ingest writes it next to the data)', () => {
		expect(readFileSync(join(ROOT, 'docs/data-dictionary.md'), 'utf8')).toBe(dataDictionary());
	});

	it('describes every column of every table', () => {
		const md = dataDictionary();
		for (const t of TABLES) {
			expect(md).toContain(`## ${t.name}`);
			for (const c of t.columns) expect(md).toContain(`| \`${c.name}\` | ${c.type} |`);
		}
	});
});

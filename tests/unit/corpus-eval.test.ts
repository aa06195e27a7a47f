/**
 * The evaluation behind `npm run eval`: precision and recall per fact type from hand-made truth
 * and dataset rows, so each number can be checked by hand.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, formatEvaluation, type DatasetRows } from '../../corpus/evaluate';
import { TRUTH_SCHEMA, type TruthDocument } from '../../corpus/truth';
import { ALL_FIELDS } from '../../src/lib/programme/form-tem-2024';

function truthDoc(file: string, over: Partial<TruthDocument> = {}): TruthDocument {
	const values: Record<string, string> = { 's3.a2': 'Ukrainaksi ja dariksi.', 's1.b1': 'Loimaan kaupunki ja työllisyysalue.' };
	return {
		schema: TRUTH_SCHEMA,
		file,
		synthetic: true,
		generator: { name: 't', version: '1', seed: '1' },
		doc_id: file,
		kind: 'fillable-form',
		expected_ingest: { outcome: 'programme', input_kind: 'fillable-form', template: 'tem-2024-09-03', error_codes: [] },
		situation: { model: 'member_54', lead_code: '561', host_code: '430', agreement_member_codes: ['561'], employment_area_code: '41' },
		municipality_codes: ['561'],
		municipalities_text: 'Oripää',
		updated: '2024-11-01',
		updated_month: null,
		updated_text: '1.11.2024',
		document_language: 'fi',
		answer_language: 'fi',
		version: { number: 1, supersedes: null, superseded_by: null, is_current: true },
		changes: null,
		table_filled: false,
		parts: ALL_FIELDS.map((f) => ({ key: f.key, grade: f.key === 's3.a3' ? 'placeholder' : 'answered', mandatory: f.mandatory, chars: 10 })),
		languages: [
			{ key: 's3.a2', span: [0, 10], text: 'Ukrainaksi', code: 'uk', name_fi: 'ukraina', context: 'orientation' },
			{ key: 's3.a2', span: [14, 21], text: 'dariksi', code: 'prs', name_fi: 'dari', context: 'orientation' }
		],
		distractors: [],
		providers: [
			{
				key: 's1.b1',
				span: [0, 16],
				text: 'Loimaan kaupunki',
				service: 'assessment',
				client_group: 'both',
				provider: 'Loimaan kaupunki',
				provider_kind: 'host_municipality',
				provider_municipality_code: '430',
				from_table: false
			}
		],
		arrangements: [
			{
				key: 's1.b1',
				span: [0, 16],
				text: 'Loimaan kaupunki',
				arrangement_type: 'kuntalaki_54',
				partner: 'Loimaan kaupunki',
				partner_kind: 'host_municipality',
				partner_municipality_code: '430',
				role: 'host'
			}
		],
		municipality_mentions: [],
		unmapped_fields: [],
		values,
		...over
	};
}

function rows(over: Partial<DatasetRows> = {}): DatasetRows {
	return {
		programmes: [
			{ programme_id: 'p1', file: 'data/pdfs/demo/a.pdf', input_kind: 'fillable-form', municipality_codes: ['561'], updated: '2024-11-01', is_synthetic: true, is_current: true },
			{ programme_id: 'p9', file: 'data/pdfs/aura.pdf', input_kind: 'fillable-form', municipality_codes: ['019'], updated: null, is_synthetic: false, is_current: true }
		],
		languages: [
			{ programme_id: 'p1', key: 's3.a2', language_code: 'uk', context: 'orientation', snippet: 'Ukrainaksi' },
			{ programme_id: 'p1', key: 's3.a2', language_code: 'ru', context: 'orientation', snippet: 'venäjäksi' },
			// Not in the truth's files: ignored, not a false positive.
			{ programme_id: 'p9', key: 's3.a2', language_code: 'uk', context: 'orientation', snippet: 'Ukrainan kielellä' }
		],
		responsibilities: [{ programme_id: 'p1', key: 's1.b1', service: 'assessment', client_group: 'others', provider: 'Loimaan kaupunki', provider_kind: 'host_municipality', snippet: 'Loimaan kaupunki' }],
		cooperation: [],
		completeness: [{ programme_id: 'p1', key: 's3.a3', grade: 'placeholder', mandatory: true }],
		ingest_log: [
			{ file: 'data/pdfs/demo/a.pdf', seq: 0, programme_id: 'p1', status: 'ok', code: 'ok', reason: '' },
			{ file: 'data/pdfs/demo/b.pdf', seq: 0, programme_id: null, status: 'error', code: 'truncated', reason: 'cut off' }
		],
		...over
	};
}

const score = (e: ReturnType<typeof evaluate>, type: string) => e.scores.find((s) => s.type === type)!;

describe('evaluate', () => {
	const truth = [
		truthDoc('a.pdf'),
		truthDoc('b.pdf', {
			kind: 'truncated',
			expected_ingest: { outcome: 'error', input_kind: null, template: null, error_codes: ['truncated'] },
			languages: [],
			providers: [],
			arrangements: [],
			values: {}
		})
	];
	const e = evaluate(truth, rows());

	it('scores languages by (file, code, context), ignoring documents outside the truth', () => {
		const s = score(e, 'languages');
		expect(s).toMatchObject({ truth: 2, predicted: 2, truePositives: 1, precision: 0.5, recall: 0.5 });
	});

	it('expands client group "both" to job-seekers and others on both sides', () => {
		// Truth: both → 2 facts; prediction: others → 1 fact, correct.
		expect(score(e, 'providers')).toMatchObject({ truth: 2, predicted: 1, truePositives: 1, precision: 1, recall: 0.5 });
	});

	it('scores ingest outcomes, municipalities, dates and unanswered parts', () => {
		expect(score(e, 'ingest outcome')).toMatchObject({ truth: 2, predicted: 2, truePositives: 2 });
		expect(score(e, 'municipalities')).toMatchObject({ truth: 1, truePositives: 1, recall: 1 });
		expect(score(e, 'updated date')).toMatchObject({ truth: 1, truePositives: 1 });
		expect(score(e, 'parts not answered')).toMatchObject({ truth: 1, predicted: 1, truePositives: 1 });
	});

	it('scores an empty table honestly: recall 0, precision unmeasurable', () => {
		expect(score(e, 'arrangements')).toMatchObject({ truth: 1, predicted: 0, truePositives: 0, precision: null, recall: 0 });
		expect(score(e, '54 § hosts')).toMatchObject({ truth: 1, predicted: 0, recall: 0 });
	});

	it('lists misses and false findings with an example', () => {
		expect(e.missed.map((m) => `${m.type}: ${m.signature}`)).toContain('languages: prs / orientation');
		expect(e.falsePositives.map((m) => `${m.type}: ${m.signature}`)).toContain('languages: ru / orientation');
		const text = formatEvaluation(e);
		expect(text).toContain('languages');
		expect(text).toContain('50.0%');
	});

	it('flags demo programmes that the dataset does not mark synthetic', () => {
		const unmarked = evaluate(truth, rows({ programmes: rows().programmes.map((p) => ({ ...p, is_synthetic: false })) }));
		expect(unmarked.notMarkedSynthetic).toEqual(['a.pdf']);
		expect(formatEvaluation(unmarked)).toContain('NOT marked is_synthetic');
		expect(e.notMarkedSynthetic).toEqual([]);
	});
});

describe('version links and change records', () => {
	const v1 = truthDoc('v1.pdf', { version: { number: 1, supersedes: null, superseded_by: 'v2.pdf', is_current: false } });
	const v2 = truthDoc('v2.pdf', {
		updated: '2025-06-01',
		version: { number: 2, supersedes: 'v1.pdf', superseded_by: null, is_current: true },
		changes: [
			{ change: 'text', direction: 'changed', key: 'header.updated' },
			{ change: 'language', direction: 'added', key: 's3.a2', language_code: 'so', context: 'orientation' },
			{ change: 'grade', direction: 'changed', key: 's3.a3', grade_before: 'placeholder', grade_after: 'answered' }
		]
	});
	// A broken first version of another programme: its update cannot be compared with it.
	const b1 = truthDoc('b1.pdf', {
		kind: 'truncated',
		expected_ingest: { outcome: 'error', input_kind: null, template: null, error_codes: ['truncated'] },
		version: { number: 1, supersedes: null, superseded_by: 'b2.pdf', is_current: false },
		languages: [],
		providers: [],
		arrangements: [],
		values: {}
	});
	const b2 = truthDoc('b2.pdf', { version: { number: 2, supersedes: 'b1.pdf', superseded_by: null, is_current: true }, changes: [{ change: 'text', direction: 'changed', key: 's1.a' }] });
	const change = (from: string, to: string, c: Record<string, string | null>) => ({
		from_programme_id: from,
		to_programme_id: to,
		service: null,
		client_group: null,
		provider_kind: null,
		language_code: null,
		context: null,
		arrangement_type: null,
		...c
	}) as NonNullable<DatasetRows['programme_changes']>[number];
	const base = rows();
	const data = rows({
		programmes: [
			...base.programmes,
			{ programme_id: 'q1', file: 'demo/v1.pdf', input_kind: 'fillable-form', municipality_codes: ['561'], updated: '2024-11-01', is_synthetic: true, is_current: false },
			{ programme_id: 'q2', file: 'demo/v2.pdf', input_kind: 'fillable-form', municipality_codes: ['561'], updated: '2025-06-01', is_synthetic: true, is_current: true },
			{ programme_id: 'r2', file: 'demo/b2.pdf', input_kind: 'fillable-form', municipality_codes: ['561'], updated: '2025-06-01', is_synthetic: true, is_current: true }
		],
		programme_versions: [
			{ code: '561', programme_id: 'q1', previous_programme_ids: [] },
			{ code: '561', programme_id: 'q2', previous_programme_ids: ['q1'] },
			// A wrong link (b2 after v2): a false finding.
			{ code: '561', programme_id: 'r2', previous_programme_ids: ['q2'] }
		],
		programme_changes: [
			change('q1', 'q2', { change: 'text', direction: 'changed', key: 'header.updated' }),
			change('q1', 'q2', { change: 'language', direction: 'added', key: 's3.a2', language_code: 'so', context: 'orientation' }),
			// Not in the truth: a false finding.
			change('q1', 'q2', { change: 'text', direction: 'changed', key: 's1.a' }),
			// Plain municipal cooperation has no truth: left out.
			change('q1', 'q2', { change: 'arrangement', direction: 'added', key: 's1.c', arrangement_type: 'municipal_cooperation' })
		]
	});
	const e = evaluate([v1, v2, b1, b2], data);

	it('links consecutive readable versions; a broken version before a document gives no link to judge', () => {
		expect(score(e, 'version links')).toMatchObject({ truth: 1, predicted: 2, truePositives: 1, precision: 0.5, recall: 1 });
	});

	it('scores change records per pair and by kind of change', () => {
		// Truth: 3 changes of v2 (b2's are relative to an unreadable version: not judged); found 3, 2 right.
		expect(score(e, 'change records')).toMatchObject({ truth: 3, predicted: 3, truePositives: 2 });
		expect(score(e, 'changes: languages')).toMatchObject({ truth: 1, predicted: 1, truePositives: 1 });
		expect(score(e, 'changes: grade')).toMatchObject({ truth: 1, predicted: 0, recall: 0 });
		expect(score(e, 'changes: text')).toMatchObject({ truth: 1, predicted: 2, truePositives: 1, precision: 0.5 });
		expect(e.missed.map((m) => m.signature)).toContain('v1.pdf | grade s3.a3');
	});

	it('scores a month-only date by its month', () => {
		const month = truthDoc('m.pdf', { updated: null, updated_month: '2025-11', updated_text: 'marraskuu 2025' });
		const r = rows({
			programmes: [{ programme_id: 'm', file: 'm.pdf', input_kind: 'fillable-form', municipality_codes: ['561'], updated: '2025-11-01', updated_status: 'month', is_synthetic: true, is_current: true }],
			ingest_log: [{ file: 'm.pdf', seq: 0, programme_id: 'm', status: 'ok', code: 'ok', reason: '' }]
		});
		expect(score(evaluate([month], r), 'updated date')).toMatchObject({ truth: 1, predicted: 1, truePositives: 1 });
	});
});

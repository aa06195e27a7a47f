/**
 * Version identity (src/lib/programme/enrich/versions.ts): every rule written in its header,
 * one case each — order by date, joint programmes that split and merge, ties, undated documents,
 * real and synthetic kept apart — and the table the dataset writes from it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMunicipalities } from '../../src/lib/reference/index';
import { versionHistory, type VersionCandidate } from '../../src/lib/programme/enrich/versions';
import { buildDataset, type FileOutcome } from '../../src/lib/dataset/rows';
import type { Programme } from '../../src/lib/programme/types';

const p = (id: string, codes: string[], updated: string | null, isSynthetic = false): VersionCandidate => ({ id, municipalityCodes: codes, updated, isSynthetic });

/** code → [programme, version, previous, latest] in the order the table holds them. */
function table(programmes: VersionCandidate[]) {
	const out: Record<string, [string, number | null, string, boolean][]> = {};
	for (const v of versionHistory(programmes)) (out[v.code] ??= []).push([v.programmeId, v.version, v.previousIds.join('+'), v.isLatest]);
	return out;
}

describe('version identity', () => {
	it('orders a municipality’s programmes by their date, whatever order the files came in', () => {
		expect(table([p('c', ['019'], '2026-03-01'), p('a', ['019'], '2024-11-18'), p('b', ['019'], '2025-06-30')])).toEqual({
			'019': [
				['a', 1, '', false],
				['b', 2, 'a', false],
				['c', 3, 'b', true]
			]
		});
	});

	it('follows a joint programme that splits: each member’s next version is its own programme', () => {
		const h = table([p('joint', ['019', '430'], '2024-12-01'), p('aura', ['019'], '2025-09-01'), p('loimaa', ['430'], '2025-10-01')]);
		expect(h['019']).toEqual([
			['joint', 1, '', false],
			['aura', 2, 'joint', true]
		]);
		expect(h['430']).toEqual([
			['joint', 1, '', false],
			['loimaa', 2, 'joint', true]
		]);
	});

	it('and one that merges: the joint programme is the next version of each member’s own', () => {
		const h = table([p('aura', ['019'], '2024-11-18'), p('loimaa', ['430'], '2024-12-10'), p('joint', ['019', '430'], '2025-08-01')]);
		expect(h['019'].map((r) => r.slice(0, 3))).toEqual([
			['aura', 1, ''],
			['joint', 2, 'aura']
		]);
		expect(h['430'].map((r) => r.slice(0, 3))).toEqual([
			['loimaa', 1, ''],
			['joint', 2, 'loimaa']
		]);
	});

	it('gives documents of the same date one version number and the same previous version', () => {
		expect(table([p('a', ['019'], '2024-11-18'), p('y', ['019'], '2025-05-05'), p('x', ['019'], '2025-05-05')])['019']).toEqual([
			['a', 1, '', false],
			['x', 2, 'a', true],
			['y', 2, 'a', true]
		]);
		// …and a later version follows both of them.
		expect(table([p('x', ['019'], '2025-05-05'), p('y', ['019'], '2025-05-05'), p('z', ['019'], '2026-01-01')])['019'][2]).toEqual(['z', 2, 'x+y', true]);
	});

	it('does not place an undated document, and never makes it anyone’s previous version', () => {
		expect(table([p('undated', ['019'], null), p('a', ['019'], '2024-11-18'), p('b', ['019'], '2025-01-01')])['019']).toEqual([
			['a', 1, '', false],
			['b', 2, 'a', true],
			['undated', null, '', false]
		]);
	});

	it('keeps real and synthetic histories apart', () => {
		const h = versionHistory([p('real', ['019'], '2024-11-18'), p('demo', ['019'], '2025-02-02', true)]);
		expect(h.map((v) => [v.programmeId, v.version, v.previousIds, v.isLatest])).toEqual([
			['demo', 1, [], true],
			['real', 1, [], true]
		]);
	});

	it('is written as the programme_versions table, one row per municipality and programme', () => {
		const programme = (id: string, municipality: string, updated: string): Programme =>
			({
				id,
				inputKind: 'fillable-form',
				template: 'tem-2024-09-03',
				pageCount: 1,
				answers: [
					{ key: 'header.municipalities', section: 'header', part: null, text: municipality, status: 'filled', source: { fieldName: 'Kunta', page: 1, rect: null } },
					{ key: 'header.updated', section: 'header', part: null, text: updated, status: 'filled', source: { fieldName: 'Päivitetty', page: 1, rect: null } }
				],
				unmapped: [],
				warnings: [],
				metadata: { title: null, author: null, subject: null, keywords: null, creator: null, producer: null },
				isSynthetic: false
			}) as unknown as Programme;
		const files: FileOutcome[] = [
			{ file: 'new.pdf', bytes: 1, kind: 'programme', programme: programme('b'.repeat(64), 'Aura', '1.3.2026') },
			{ file: 'old.pdf', bytes: 1, kind: 'programme', programme: programme('a'.repeat(64), 'Aura', '18.11.2024') }
		];
		const municipalities = parseMunicipalities(readFileSync('data/reference/municipalities.csv', 'utf8'));
		const data = buildDataset({ files, municipalities, enrich: () => ({ municipalityCodes: ['019'] }) });
		expect(data.programme_versions).toEqual([
			{ code: '019', programme_id: 'a'.repeat(64), version: 1, previous_programme_ids: [], is_latest: false },
			{ code: '019', programme_id: 'b'.repeat(64), version: 2, previous_programme_ids: ['a'.repeat(64)], is_latest: true }
		]);
	});
});

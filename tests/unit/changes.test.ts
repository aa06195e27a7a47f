/**
 * The change records (src/lib/dataset/changes.ts) from hand-made rows: which pairs, each kind of
 * change, and evidence on both sides that is exactly the answer text at its span.
 */
import { describe, expect, it } from 'vitest';
import { changeRows, parseStoredDiff, versionPairs } from '../../src/lib/dataset/changes';
import type { Row } from '../../src/lib/dataset/rows';
import { versionHistory } from '../../src/lib/programme/enrich/versions';
import { changedSpans, wordDiff } from '../../src/lib/programme/word-diff';

const answer = (programme_id: string, key: string, text: string): Row => ({ programme_id, key, text });
const grade = (programme_id: string, key: string, g: string): Row => ({ programme_id, key, grade: g });
const fact = (programme_id: string, key: string, text: string, snippet: string, extra: Row): Row => {
	const start = text.indexOf(snippet);
	return { programme_id, key, span_start: start, span_end: start + snippet.length, snippet, ...extra };
};
const versions = (list: [string, string[], string][]) =>
	versionHistory(list.map(([id, codes, updated]) => ({ id, municipalityCodes: codes, updated, isSynthetic: false }))).map((v) => ({
		code: v.code,
		programme_id: v.programmeId,
		version: v.version,
		previous_programme_ids: v.previousIds,
		is_latest: v.isLatest
	}));

const OLD_S4 = 'Koulutusta järjestää TE-toimisto. Kieliä: ukraina.';
const NEW_S4 = 'Koulutusta järjestää Turun työllisyysalue.\nKieliä: ukraina, somali.';

const data = {
	programme_versions: versions([
		['v1', ['019'], '2024-11-18'],
		['v2', ['019'], '2025-06-03']
	]),
	answers: [
		answer('v1', 'header.updated', '18.11.2024'),
		answer('v2', 'header.updated', '3.6.2025'),
		answer('v1', 's1.a', 'Arvio tehdään\nkuukauden sisällä.'),
		answer('v2', 's1.a', 'Arvio tehdään kuukauden   sisällä.'),
		answer('v1', 's2.a', '-'),
		answer('v2', 's2.a', 'Suunnitelma laaditaan yhdessä asiakkaan kanssa.'),
		answer('v1', 's4.a1', OLD_S4),
		answer('v2', 's4.a1', NEW_S4),
		answer('v1', 's7.a1', 'Poistuva palvelu.'),
		answer('v1', 'unmapped', 'Muistiinpano'),
		answer('v2', 'unmapped', 'Toinen muistiinpano')
	],
	completeness: [
		grade('v1', 's1.a', 'answered'),
		grade('v2', 's1.a', 'answered'),
		grade('v1', 's2.a', 'placeholder'),
		grade('v2', 's2.a', 'answered'),
		grade('v1', 's4.a1', 'answered'),
		grade('v2', 's4.a1', 'answered'),
		grade('v1', 's7.a1', 'thin'),
		grade('v2', 's7.a1', 'missing')
	],
	responsibilities: [
		fact('v1', 's4.a1', OLD_S4, 'TE-toimisto', { service: 'training', client_group: 'jobseekers', provider: 'TE-toimisto', provider_kind: 'employment_authority' }),
		fact('v2', 's4.a1', NEW_S4, 'Turun työllisyysalue', { service: 'training', client_group: 'jobseekers', provider: 'Turun työllisyysalue', provider_kind: 'employment_authority' })
	],
	languages: [
		fact('v1', 's4.a1', OLD_S4, 'ukraina', { language_code: 'uk', context: 'training' }),
		fact('v2', 's4.a1', NEW_S4, 'ukraina', { language_code: 'uk', context: 'training' }),
		fact('v2', 's4.a1', NEW_S4, 'somali', { language_code: 'so', context: 'training' })
	],
	cooperation: [fact('v1', 's4.a1', OLD_S4, 'TE-toimisto', { arrangement_type: 'employment_area', partner: 'TE-toimisto', role: 'partner' })]
};

const TEXTS: Record<string, string> = Object.fromEntries(data.answers.map((a) => [`${a.programme_id}|${a.key}`, a.text as string]));

describe('change records', () => {
	const rows = changeRows(data);
	const brief = rows.map((r) => [r.change, r.direction, r.key]);

	it('one row per change between the two versions, and nothing for what only moved whitespace', () => {
		expect(brief.sort()).toEqual(
			[
				['arrangement', 'removed', 's4.a1'],
				['grade', 'changed', 's2.a'],
				['grade', 'changed', 's7.a1'],
				['language', 'added', 's4.a1'],
				['provider', 'added', 's4.a1'],
				['provider', 'removed', 's4.a1'],
				['text', 'changed', 'header.updated'],
				['text', 'changed', 's2.a'],
				['text', 'changed', 's4.a1'],
				['text', 'removed', 's7.a1']
			].sort()
		);
		// s1.a was only rewrapped; the unmapped fields are not parts of the form.
		expect(rows.some((r) => r.key === 's1.a' || r.key === 'unmapped')).toBe(false);
		expect(rows.every((r) => r.from_programme_id === 'v1' && r.to_programme_id === 'v2' && JSON.stringify(r.municipality_codes) === '["019"]')).toBe(true);
	});

	it('every evidence snippet is the answer text at its span, on both sides', () => {
		for (const r of rows) {
			for (const side of ['from', 'to'] as const) {
				const key = r[`${side}_key`];
				if (key === null) continue;
				const text = TEXTS[`${r[`${side === 'from' ? 'from' : 'to'}_programme_id`]}|${key}`];
				expect(text.slice(r[`${side}_span_start`] as number, r[`${side}_span_end`] as number), `${r.change} ${r.key} ${side}`).toBe(r[`${side}_snippet`]);
			}
		}
	});

	it('a grade change says both grades; a removed part has evidence only before', () => {
		const g = rows.find((r) => r.change === 'grade' && r.key === 's2.a')!;
		expect([g.grade_before, g.grade_after, g.from_snippet, g.to_snippet]).toEqual(['placeholder', 'answered', '-', 'Suunnitelma laaditaan yhdessä asiakkaan kanssa.']);
		const removed = rows.find((r) => r.change === 'text' && r.key === 's7.a1')!;
		expect([removed.from_snippet, removed.to_key, removed.words_removed, removed.words_added]).toEqual(['Poistuva palvelu.', null, 2, 0]);
	});

	it('a text change carries the word diff, which rebuilds both texts', () => {
		const t = rows.find((r) => r.change === 'text' && r.key === 's4.a1')!;
		const ops = parseStoredDiff(t.diff as string);
		expect(ops.filter((o) => o.op !== 'removed').map((o) => o.text).join('')).toBe(NEW_S4);
		expect(ops.filter((o) => o.op === 'removed').map((o) => o.text.trim())).toEqual(['TE-toimisto.', 'ukraina.']);
		expect(ops.filter((o) => o.op === 'added').map((o) => o.text.trim())).toEqual(['Turun työllisyysalue.', 'ukraina, somali.']);
		expect([t.words_added, t.words_removed]).toEqual([4, 2]);
	});

	it('facts name what was added or removed, with the side that has it', () => {
		const p = rows.filter((r) => r.change === 'provider').map((r) => [r.direction, r.provider, r.provider_kind, r.service, r.client_group, r.from_snippet, r.to_snippet]);
		expect(p).toEqual(
			expect.arrayContaining([
				['removed', 'TE-toimisto', 'employment_authority', 'training', 'jobseekers', 'TE-toimisto', null],
				['added', 'Turun työllisyysalue', 'employment_authority', 'training', 'jobseekers', null, 'Turun työllisyysalue']
			])
		);
		expect(rows.filter((r) => r.change === 'language').map((r) => [r.language_code, r.context])).toEqual([['so', 'training']]);
	});

	it('pairs follow the versions: a joint programme that splits gives one pair per member', () => {
		const v = versions([
			['joint', ['019', '430'], '2024-12-01'],
			['aura', ['019'], '2025-09-01'],
			['loimaa', ['430'], '2025-10-01'],
			['aura2', ['019'], '2025-09-01']
		]);
		expect(versionPairs(v).sort((a, b) => (a.to < b.to ? -1 : 1))).toEqual([
			{ from: 'joint', to: 'aura', codes: ['019'] },
			{ from: 'joint', to: 'aura2', codes: ['019'] },
			{ from: 'joint', to: 'loimaa', codes: ['430'] }
		]);
		// A joint programme followed by a joint one: one pair for both members.
		expect(versionPairs(versions([['j1', ['019', '430'], '2024-12-01'], ['j2', ['019', '430'], '2025-12-01']]))).toEqual([{ from: 'j1', to: 'j2', codes: ['019', '430'] }]);
	});
});

describe('the word diff', () => {
	it('keeps whole words and ignores rewrapping when asked', () => {
		expect(wordDiff('a b\nc', 'a b c', { whitespace: 'ignore' })).toEqual([{ op: 'same', text: 'a b c' }]);
		expect(wordDiff('Ukrainan kielellä. ', 'Ukrainan ja somalin kielellä.', { whitespace: 'ignore' })).toEqual([
			{ op: 'same', text: 'Ukrainan ' },
			{ op: 'added', text: 'ja somalin ' },
			{ op: 'same', text: 'kielellä.' }
		]);
	});

	it('finds the span that changed on each side, or none', () => {
		expect(changedSpans('a b\nc', 'a  b c')).toBeNull();
		const s = changedSpans('Koulutus: TE-toimisto vastaa.', 'Koulutus: Turun työllisyysalue vastaa.')!;
		expect(['Koulutus: TE-toimisto vastaa.'.slice(...s.before), 'Koulutus: Turun työllisyysalue vastaa.'.slice(...s.after)]).toEqual(['TE-toimisto', 'Turun työllisyysalue']);
	});
});

/**
 * Plausibility (issue 9, item 5), with hand-made inputs: dates as municipalities write them
 * (Finnish and Swedish, with and without days, with councils' notes around them), dates that
 * cannot be (in the future, before the Act), several dates, no date; re-saved copies with the same
 * answers in other bytes; a header that lists the whole country. Each case checks the dataset
 * rows the ingest writes: programmes, programme_versions and ingest_log.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readUpdated, todayInFinland } from '../../src/lib/dataset/dates';
import { buildDataset, type FileOutcome, type Row } from '../../src/lib/dataset/rows';
import { createEnricher } from '../../src/lib/programme/enrich/index';
import type { Answer, Programme } from '../../src/lib/programme/types';
import { parseEmploymentAreas, parseMunicipalities } from '../../src/lib/reference/index';

const MUNICIPALITIES = parseMunicipalities(readFileSync('data/reference/municipalities.csv', 'utf8'));
const AREAS = parseEmploymentAreas(readFileSync('data/reference/employment_areas.csv', 'utf8'));
const TODAY = '2026-12-06';

describe('reading "laadittu tai päivitetty"', () => {
	const cases: [string, string | null, string][] = [
		['18.11.2024', '2024-11-18', 'ok'],
		['18. 11. 2024', '2024-11-18', 'ok'],
		['02.01.2025', '2025-01-02', 'ok'],
		['18.11.24', '2024-11-18', 'ok'],
		['2025-03-04', '2025-03-04', 'ok'],
		['Kunnanhallitus 2.12.2024 § 215', '2024-12-02', 'ok'],
		['Hyväksytty kunnanvaltuustossa 16. joulukuuta 2024', '2024-12-16', 'ok'],
		['Godkänd av kommunfullmäktige 3 februari 2025', '2025-02-03', 'ok'],
		['marraskuu 2025', '2025-11-01', 'month'],
		['Päivitetty lokakuussa 2025', '2025-10-01', 'month'],
		['november 2025', '2025-11-01', 'month'],
		['päivitetty 03/2025', '2025-03-01', 'month'],
		['2025-11', '2025-11-01', 'month'],
		['', null, 'missing'],
		['   ', null, 'missing'],
		['syksy 2024', null, 'unparseable'],
		['tulossa', null, 'unparseable'],
		['31.2.2025', null, 'unparseable'],
		['Laadittu 1.1.2024, päivitetty 1.6.2025', null, 'unparseable'],
		['1.1.2030', '2030-01-01', 'future'],
		['31.12.9999', '9999-12-31', 'future'],
		['joulukuu 2027', '2027-12-01', 'future'],
		['12.5.2019', '2019-05-12', 'before-2024'],
		['Kotouttamisohjelma 2019–2021, päivitetty 1.3.2021', '2021-03-01', 'before-2024']
	];
	for (const [text, iso, status] of cases) {
		it(`${JSON.stringify(text)} → ${status}${iso ? ` ${iso}` : ''}`, () => {
			const r = readUpdated(text, TODAY);
			expect([r.iso, r.status]).toEqual([iso, status]);
			// Every date that is not used says so, naming what was written.
			if (['unparseable', 'future', 'before-2024'].includes(status)) expect(r.problem?.message).toContain(JSON.stringify(text.trim()));
			else expect(r.problem).toBeNull();
		});
	}

	it('says why an unparseable date is not one', () => {
		expect(readUpdated('31.2.2025', TODAY).problem?.message).toMatch(/31\.2\.2025 is not a date in the calendar/);
		expect(readUpdated('Laadittu 1.1.2024, päivitetty 1.6.2025', TODAY).problem?.message).toMatch(/several different dates \(2024-01-01, 2025-06-01\)/);
		expect(readUpdated('syksy 2024', TODAY).problem?.code).toBe('unparseable-date');
	});

	it('today is the reference date: a date on it is plausible, the day after is not', () => {
		expect(readUpdated('6.12.2026', TODAY).status).toBe('ok');
		expect(readUpdated('7.12.2026', TODAY).status).toBe('future');
		// Without a reference date nothing is in the future (the check page has none).
		expect(readUpdated('1.1.2030').status).toBe('ok');
	});

	it('"today" is the date in Finland, not in UTC', () => {
		expect(todayInFinland(new Date('2026-12-31T22:30:00Z'))).toBe('2027-01-01');
		expect(todayInFinland(new Date('2026-06-30T20:59:00Z'))).toBe('2026-06-30');
	});
});

// ————————————————————————————————————————— the dataset

let n = 0;
function programme(answers: Record<string, string>, opts: { id?: string; isSynthetic?: boolean; title?: string | null } = {}): Programme {
	const list: Answer[] = Object.entries(answers).map(([key, text]) => ({
		key,
		section: key.startsWith('header') ? 'header' : key.slice(1, 2),
		part: key.split('.')[1] ?? null,
		text,
		status: text.trim() ? 'filled' : 'empty',
		source: { fieldName: key, page: 1, rect: null }
	})) as unknown as Answer[];
	return {
		id: opts.id ?? (++n).toString(16).padStart(64, '0'),
		inputKind: 'fillable-form',
		template: 'tem-2024-09-03',
		pageCount: 3,
		answers: list,
		unmapped: [],
		warnings: [],
		metadata: { title: opts.title ?? null, author: null, subject: null, keywords: null, creator: null, producer: null },
		isSynthetic: opts.isSynthetic ?? false
	} as unknown as Programme;
}

const file = (name: string, p: Programme): FileOutcome => ({ file: name, bytes: 1000, kind: 'programme', programme: p });
const enricher = createEnricher({ municipalities: MUNICIPALITIES, employmentAreas: AREAS });
const build = (files: FileOutcome[]) => buildDataset({ files, municipalities: MUNICIPALITIES, enrich: (p) => enricher(p), referenceDate: TODAY });
const byId = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.programme_id as string, r]));
const log = (rows: Row[], f: string) => rows.filter((r) => r.file === f).map((r) => [r.status, r.code, r.reason]);

const AURA_ANSWERS = {
	'header.municipalities': 'Auran kunta',
	'header.updated': '18.11.2024',
	'header.coordinator': 'Auran kunnan sosiaalitoimi',
	's3.a2': 'Perehdytystä tarjotaan ukrainaksi ja arabiaksi.',
	's4.a1': 'Kotoutumiskoulutusta järjestää Loimaan kaupunki ostopalveluna.'
};

describe('dates that cannot be', () => {
	it('a programme dated in the future never supersedes the real one, and is flagged', () => {
		const real = programme(AURA_ANSWERS);
		const future = programme({ ...AURA_ANSWERS, 'header.updated': '1.1.2030', 's3.a2': 'Perehdytystä tarjotaan vain suomeksi.' });
		const data = build([file('aura.pdf', real), file('aura-2030.pdf', future)]);
		const p = byId(data.programmes);
		expect([p[real.id].is_current, p[real.id].updated_status]).toEqual([true, 'ok']);
		expect([p[future.id].updated, p[future.id].updated_status, p[future.id].updated_text]).toEqual(['2030-01-01', 'future', '1.1.2030']);
		const v = byId(data.programme_versions);
		expect([v[real.id].version, v[real.id].is_latest]).toEqual([1, true]);
		expect([v[future.id].version, v[future.id].is_latest, v[future.id].previous_programme_ids]).toEqual([null, false, []]);
		expect(log(data.ingest_log, 'aura-2030.pdf')).toContainEqual(['warning', 'date-in-future', expect.stringContaining('"1.1.2030" (2030-01-01), after the ingest\'s reference date 2026-12-06')]);
		// No change record pairs it with anything.
		expect(data.programme_changes.filter((c) => c.to_programme_id === future.id || c.from_programme_id === future.id)).toEqual([]);
	});

	it('a programme dated before 2024 is flagged and not placed; the plausible one is the first version', () => {
		const old = programme({ ...AURA_ANSWERS, 'header.updated': '12.5.2019' });
		const real = programme(AURA_ANSWERS);
		const data = build([file('a-old.pdf', old), file('aura.pdf', real)]);
		const v = byId(data.programme_versions);
		expect([v[real.id].version, v[real.id].previous_programme_ids, v[real.id].is_latest]).toEqual([1, [], true]);
		expect(v[old.id].version).toBeNull();
		expect(byId(data.programmes)[old.id].updated_status).toBe('before-2024');
		expect(log(data.ingest_log, 'a-old.pdf')).toContainEqual(['warning', 'date-before-2024', expect.stringContaining('"12.5.2019" (2019-05-12), before 2024')]);
	});

	it('an unparseable date is warned, naming the text, instead of becoming NULL silently', () => {
		const p = programme({ ...AURA_ANSWERS, 'header.updated': 'syksyllä, kun valtuusto on käsitellyt' });
		const data = build([file('aura-syksy.pdf', p)]);
		expect([data.programmes[0].updated, data.programmes[0].updated_status]).toEqual([null, 'unparseable']);
		expect(log(data.ingest_log, 'aura-syksy.pdf')).toContainEqual(['warning', 'unparseable-date', expect.stringContaining('"syksyllä, kun valtuusto on käsitellyt": no date')]);
	});

	it('a missing date is no warning (the completeness grade says it), an ok date neither', () => {
		const data = build([file('a.pdf', programme({ ...AURA_ANSWERS, 'header.updated': '' })), file('b.pdf', programme({ ...AURA_ANSWERS, 'header.municipalities': 'Loimaa' }))]);
		expect(data.ingest_log.filter((r) => /date/.test(r.code as string))).toEqual([]);
		expect(data.programmes.map((r) => r.updated_status).sort()).toEqual(['missing', 'ok']);
	});

	it('a month-only date orders versions by its month, and ties with a day of the same month', () => {
		const v1 = programme(AURA_ANSWERS);
		const v2 = programme({ ...AURA_ANSWERS, 'header.updated': 'toukokuu 2025', 's3.a2': 'Perehdytystä tarjotaan ukrainaksi, arabiaksi ja somaliksi.' });
		const data = build([file('v1.pdf', v1), file('v2.pdf', v2)]);
		const v = byId(data.programme_versions);
		expect([v[v2.id].version, v[v2.id].previous_programme_ids]).toEqual([2, [v1.id]]);
		expect(byId(data.programmes)[v1.id].is_current).toBe(false);
		const same = programme({ ...AURA_ANSWERS, 'header.updated': '20.5.2025', 's4.a1': 'Loimaan kaupunki.' });
		const tied = byId(build([file('v1.pdf', v1), file('v2.pdf', v2), file('v3.pdf', same)]).programme_versions);
		expect([tied[v2.id].version, tied[same.id].version, tied[same.id].is_latest, tied[v2.id].is_latest]).toEqual([2, 2, true, true]);
	});
});

describe('the whole country in "Kunta tai kunnat"', () => {
	const everyone = MUNICIPALITIES.map((m) => m.nameFi).join(', ');

	it('is flagged and not taken as the coverage; with a future date it supersedes nothing either', () => {
		const real = programme(AURA_ANSWERS);
		const hostile = programme({ ...AURA_ANSWERS, 'header.municipalities': everyone, 'header.updated': '31.12.9999' });
		const data = build([file('aura.pdf', real), file('kaikki.pdf', hostile)]);
		const p = byId(data.programmes);
		// Not 292 municipalities: only Aura, which its coordinator answer names.
		expect(p[hostile.id].municipality_codes).toEqual(['019']);
		expect(p[real.id].is_current).toBe(true);
		expect(data.programme_versions.filter((r) => r.programme_id === hostile.id).map((r) => [r.code, r.version, r.is_latest])).toEqual([['019', null, false]]);
		expect(data.programme_versions.filter((r) => r.programme_id === real.id).map((r) => [r.code, r.version, r.is_latest])).toEqual([['019', 1, true]]);
		const codes = log(data.ingest_log, 'kaikki.pdf').map((r) => r[1]);
		expect(codes).toContain('implausible-coverage');
		expect(codes).toContain('date-in-future');
		expect(log(data.ingest_log, 'kaikki.pdf').find((r) => r[1] === 'implausible-coverage')?.[2]).toMatch(new RegExp(`names ${MUNICIPALITIES.length} municipalities`));
	});

	it('falls back to other evidence when there is some (here the PDF title)', () => {
		const hostile = programme({ ...AURA_ANSWERS, 'header.municipalities': everyone }, { title: 'Loimaan kaupungin kotoutumisohjelma' });
		const data = build([file('kaikki.pdf', hostile)]);
		expect(data.programmes[0].municipality_codes).toEqual(['430']);
		expect(log(data.ingest_log, 'kaikki.pdf').map((r) => r[1])).toEqual(expect.arrayContaining(['implausible-coverage', 'municipality-from-other-evidence']));
	});

	it('a real joint programme of a whole employment area is no such list', () => {
		const area = MUNICIPALITIES.filter((m) => m.employmentAreaCode === '41' && !m.aland);
		expect(area.length).toBeGreaterThan(20);
		const joint = programme({ ...AURA_ANSWERS, 'header.municipalities': area.map((m) => m.nameFi).join(', ') });
		const data = build([file('joint.pdf', joint)]);
		expect((data.programmes[0].municipality_codes as string[]).length).toBe(area.length);
		expect(log(data.ingest_log, 'joint.pdf').map((r) => r[1])).not.toContain('implausible-coverage');
	});
});

describe('duplicates by content', () => {
	it('a re-saved copy (same answers, other bytes) is one programme, logged as a duplicate of the first, naming it', () => {
		const first = programme(AURA_ANSWERS);
		// The copy's text layer wraps lines differently: still the same answers.
		const copy = programme({ ...AURA_ANSWERS, 's4.a1': 'Kotoutumiskoulutusta järjestää\nLoimaan kaupunki  ostopalveluna.' });
		const data = build([file('aura.pdf', first), file('tallennettu/aura (1).pdf', copy)]);
		expect(data.programmes.map((r) => r.programme_id)).toEqual([first.id]);
		expect(data.programme_versions.map((r) => [r.programme_id, r.version, r.is_latest])).toEqual([[first.id, 1, true]]);
		expect(data.ingest_log.filter((r) => r.file === 'tallennettu/aura (1).pdf')).toEqual([
			{
				file: 'tallennettu/aura (1).pdf',
				seq: 0,
				programme_id: first.id,
				status: 'warning',
				code: 'duplicate-content',
				reason: expect.stringContaining('Same answers as aura.pdf, in a file with other bytes')
			}
		]);
		expect(data.programme_changes).toEqual([]);
	});

	it('is not a duplicate when one word differs, or when it is another municipality’s (mapped) copy', () => {
		const first = programme(AURA_ANSWERS);
		const edited = programme({ ...AURA_ANSWERS, 's3.a2': 'Perehdytystä tarjotaan ukrainaksi ja venäjäksi.' });
		expect(build([file('a.pdf', first), file('b.pdf', edited)]).programmes).toHaveLength(2);
		const blankHeader = { ...AURA_ANSWERS, 'header.municipalities': '' };
		const x = programme(blankHeader, { title: 'Auran kunta' });
		const y = programme(blankHeader, { title: 'Loimaan kaupunki' });
		expect(build([file('x.pdf', x), file('y.pdf', y)]).programmes).toHaveLength(2);
	});

	it('documents with nothing written are never each other’s duplicates', () => {
		const a = programme({ 'header.municipalities': '', 's1.a': '' }, { title: 'Auran kunta' });
		const b = programme({ 'header.municipalities': '', 's1.a': ' ' }, { title: 'Auran kunta' });
		expect(build([file('a.pdf', a), file('b.pdf', b)]).programmes).toHaveLength(2);
	});

	it('a synthetic copy of a real programme is not its duplicate', () => {
		const real = programme(AURA_ANSWERS);
		const demo = programme(AURA_ANSWERS, { isSynthetic: true });
		expect(build([file('real.pdf', real), file('demo.pdf', demo)]).programmes).toHaveLength(2);
	});
});

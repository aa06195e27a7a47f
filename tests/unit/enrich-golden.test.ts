/**
 * Aura's enrichment against the hand-written golden file, and the evidence invariant on it.
 * On failure the message lists the rows missing from the output and the unexpected ones, one per line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enrichProgramme, programmeScore, type Enrichment } from '../../src/lib/programme/enrich/index';
import { auraProgramme, reference } from './enrich-fixtures';

const golden = JSON.parse(readFileSync(new URL('../golden/aura.enrichment.json', import.meta.url), 'utf8'));
const aura = auraProgramme();
const out: Enrichment = enrichProgramme(aura, reference);

type Row = Record<string, unknown>;

function line(row: Row, fields: string[]): string {
	return fields.map((f) => (f === 'snippet' ? `«${row[f]}»` : String(row[f]))).join(' | ');
}

/** Compare as multisets of one-line rows; report what is missing and what is unexpected. */
function diff(expected: Row[], actual: Row[], fields: string[]): string {
	const exp = expected.map((r) => line(r, fields));
	const act = actual.map((r) => line(r, fields));
	const left = [...act];
	const missing: string[] = [];
	for (const e of exp) {
		const i = left.indexOf(e);
		if (i >= 0) left.splice(i, 1);
		else missing.push(e);
	}
	if (missing.length === 0 && left.length === 0) return '';
	return [
		`fields: ${fields.join(' | ')}`,
		...missing.map((m) => `- missing:    ${m}`),
		...left.map((u) => `+ unexpected: ${u}`)
	].join('\n');
}

describe('Aura enrichment matches the hand-written golden file', () => {
	it('municipality codes and warnings', () => {
		expect(out.municipalityCodes).toEqual(golden.municipalityCodes);
		expect(out.warnings).toEqual(golden.warnings);
	});

	it('languages', () => {
		const d = diff(golden.languages, out.languages, ['key', 'language_code', 'context', 'snippet']);
		expect(d, d).toBe('');
	});

	it('providers by service and client group', () => {
		const fields = ['key', 'service', 'client_group', 'provider', 'provider_kind', 'provider_municipality_code', 'snippet'];
		const d = diff(golden.responsibilities, out.responsibilities, fields);
		expect(d, `\n${d}`).toBe('');
	});

	it('cooperation arrangements', () => {
		const fields = ['arrangement_type', 'role', 'partner', 'partner_kind', 'partner_municipality_code', 'partner_area_code', 'key', 'snippet'];
		const d = diff(golden.cooperation, out.cooperation, fields);
		expect(d, `\n${d}`).toBe('');
	});

	it('completeness grades of every part', () => {
		const expected: Record<string, string> = golden.completeness;
		const mismatches: string[] = [];
		for (const row of out.completeness) {
			const want = row.key.startsWith('table.') ? expected['table.*'].split(' ')[0] : expected[row.key];
			if (want !== row.grade) mismatches.push(`${row.key}: expected ${want}, got ${row.grade} (${row.reason})`);
		}
		expect(mismatches, mismatches.join('\n')).toEqual([]);
		expect(programmeScore(out.completeness)).toBe(golden.scores.programme);
	});

	it('the 54 § agreement: host Loimaa, members Aura, Oripää and Pöytyä', () => {
		const k54 = out.cooperation.filter((r) => r.arrangement_type === 'kuntalaki_54');
		expect(k54.filter((r) => r.role === 'host').map((r) => r.partner_municipality_code)).toEqual(['430']);
		expect(k54.filter((r) => r.role === 'member').map((r) => r.partner_municipality_code).sort()).toEqual(['019', '561', '636']);
	});

	it('every row carries evidence: snippet = answer text [span_start, span_end)', () => {
		const text = new Map(aura.answers.map((a) => [a.key, a.text]));
		const rows = [...out.responsibilities, ...out.languages, ...out.cooperation];
		expect(rows.length).toBeGreaterThan(50);
		for (const r of rows) {
			expect(r.programme_id).toBe(aura.id);
			expect(r.span_end, `${r.key} ${r.snippet}`).toBeGreaterThan(r.span_start);
			expect(text.get(r.key)!.slice(r.span_start, r.span_end)).toBe(r.snippet);
		}
	});
});

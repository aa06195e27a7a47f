/**
 * The gazetteer's Finnish case forms (finnish.ts) checked against Voikko, the Finnish morphology
 * library (Debian libvoikko1, voikko-fi, python3-libvoikko; tests/voikko/analyse.py): every form we
 * generate for a municipality name that Voikko knows must analyse back to that name, in the case
 * we say it is. Forms Voikko does not know are the spare variants the rules produce on purpose
 * (both i- and e-stems…); names Voikko does not know at all are listed in
 * tests/golden/voikko-unknown-names.txt (reviewed as a diff).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeNameForms, type FiCase } from '../../src/lib/programme/enrich/finnish';
import { reference } from './enrich-fixtures';

const VOIKKO_CASE: Record<FiCase, string> = {
	nom: 'nimento', gen: 'omanto', par: 'osanto', ine: 'sisaolento', ela: 'sisaeronto', ill: 'sisatulento',
	ade: 'ulkoolento', abl: 'ulkoeronto', all: 'ulkotulento', ess: 'olento', tra: 'tulento'
};
/** The cases programmes put municipality names in. */
const CASES: FiCase[] = ['nom', 'gen', 'ine', 'ela', 'ill', 'ade', 'abl', 'all'];

const names = [...new Set(reference.municipalities.map((m) => m.nameFi.replace(/ kunta$/, '')))].filter((n) => !/\s/.test(n)).sort();
const formsOf = new Map(names.map((n) => [n, placeNameForms(n).filter((f) => CASES.includes(f.case))]));

function analyse(words: string[]): Record<string, [string, string, string][]> {
	const r = spawnSync('/usr/bin/python3', [join(import.meta.dirname, '../voikko/analyse.py')], { input: JSON.stringify(words), encoding: 'utf8', maxBuffer: 64 << 20 });
	if (r.status !== 0) throw new Error(`Voikko is not available (install libvoikko1 voikko-fi python3-libvoikko): ${r.stderr || r.error}`);
	return JSON.parse(r.stdout);
}

describe('Finnish case forms of municipality names against Voikko', () => {
	const words = [...new Set([...formsOf.values()].flat().map((f) => f.form))];
	const analyses = analyse(words);
	const known = names.filter((n) => (analyses[n] ?? []).some(([base, cls]) => base === n && cls === 'paikannimi'));

	it('lists the names Voikko does not know', () => {
		const unknown = names.filter((n) => !known.includes(n));
		const file = readFileSync(join(import.meta.dirname, '../golden/voikko-unknown-names.txt'), 'utf8');
		const listed = file.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
		expect(unknown).toEqual(listed);
		expect(known.length).toBeGreaterThan(250);
	});

	it('every generated form Voikko knows analyses back to its name, in the case we give it (reviewed exceptions aside)', () => {
		const wrong: string[] = [];
		let checked = 0;
		for (const n of known) {
			for (const f of formsOf.get(n)!) {
				const as = analyses[f.form] ?? [];
				if (as.length === 0) continue; // a spare variant nobody writes
				checked++;
				if (!as.some(([base, , c]) => base?.toLowerCase() === n.toLowerCase() && c === VOIKKO_CASE[f.case])) wrong.push(`${n}: ${f.form} (${f.case})`);
			}
		}
		const file = readFileSync(join(import.meta.dirname, '../golden/voikko-disagreements.txt'), 'utf8');
		const listed = file.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).map((l) => l.replace(/\s+—.*$/, ''));
		expect(checked).toBeGreaterThan(1500);
		expect([...wrong].sort()).toEqual([...listed].sort());
	});

	it('the genitive we generate is one Voikko knows, for nearly every name it knows', () => {
		const missing = known.filter(
			(n) => !formsOf.get(n)!.some((f) => f.case === 'gen' && (analyses[f.form] ?? []).some(([base, , c]) => base?.toLowerCase() === n.toLowerCase() && c === 'omanto'))
		);
		expect(missing.length / known.length).toBeLessThan(0.03);
	});
});

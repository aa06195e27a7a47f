/**
 * The /check page's pure logic (src/lib/check): the checker runs the ingest's extraction and
 * enrichment (here in Node with the ingest's pdf.js deps), the record follows the dataset's
 * row schema, read errors keep their ProgrammeReadError codes, the word diff and the peer gaps.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { nodeExtractDeps } from '../../ingest/pdfjs';
import { ingestEnricher, REPO_ROOT } from '../../ingest/run';
import { createChecker, recordJson } from '../../src/lib/check/run';
import { programmeDiff, tokenize, wordDiff } from '../../src/lib/check/diff';
import { checkParts, mandatoryScore, namedByPeers, peerGaps } from '../../src/lib/check/parts';
import { TABLES } from '../../src/lib/dataset/tables';
import { validateRows } from '../../src/lib/dataset/rows';
import { ANSWER_FIELDS } from '../../src/lib/programme/form-tem-2024';
import { reasonText } from '../../src/lib/components/gaps/reason';
import { translator } from '../../src/lib/i18n';
import { ProgrammeReadError } from '../../src/lib/programme/types';
import { parseEmploymentAreas, parseMunicipalities } from '../../src/lib/reference/index';
import { encryptPdf, truncate } from '../helpers/programme-pdfs';

const reference = {
	municipalities: parseMunicipalities(readFileSync(join(REPO_ROOT, 'data/reference/municipalities.csv'), 'utf8')),
	employmentAreas: parseEmploymentAreas(readFileSync(join(REPO_ROOT, 'data/reference/employment_areas.csv'), 'utf8'))
};
const aura = new Uint8Array(readFileSync(join(REPO_ROOT, 'data/pdfs/aura-2024-11-18.pdf')));

describe('checker', () => {
	it('reads Aura as the ingest does: same programme id, same enrichment, rows valid for every table', async () => {
		const checker = createChecker(await nodeExtractDeps(), reference);
		const steps: string[] = [];
		const r = await checker.check('aura.pdf', aura, (s) => steps.push(s));
		expect(steps).toEqual(['extract', 'enrich', 'record']);
		expect(r.programme.id).toBe(createHash('sha256').update(aura).digest('hex'));
		expect(r.programme.inputKind).toBe('fillable-form');
		expect(r.enrichment.municipalityCodes).toEqual(['019']);
		expect(r.municipalities.map((m) => m.code)).toEqual(['019']);
		// The ingest's enricher over the same programme gives the same rows.
		const ingest = ingestEnricher()(r.programme, reference.municipalities);
		expect(r.enrichment.completeness).toEqual(ingest.completeness);
		expect(r.enrichment.languages).toEqual(ingest.languages);
		expect(r.enrichment.responsibilities).toEqual(ingest.responsibilities);
		expect(r.enrichment.cooperation).toEqual(ingest.cooperation);
		expect(r.enrichment.languages.map((l) => [l.key, l.language_code, l.snippet])).toContainEqual(['s3.a2', 'uk', 'Ukrainan kielellä']);
		// The JSON record: every table but the reference, each row valid against tables.ts.
		const json = JSON.parse(recordJson(r));
		expect(Object.keys(json.tables).sort()).toEqual(TABLES.map((t) => t.name).filter((n) => n !== 'municipalities').sort());
		for (const t of TABLES.filter((t) => t.name !== 'municipalities')) expect(() => validateRows(t, json.tables[t.name])).not.toThrow();
		expect(json.tables.programmes[0].municipality_codes).toEqual(['019']);
		expect(json.tables.programmes[0].file).toBe('aura.pdf');
	});

	it('keeps the ProgrammeReadError codes for encrypted, truncated and non-PDF files', async () => {
		const checker = createChecker(await nodeExtractDeps(), reference);
		const code = (bytes: Uint8Array) =>
			checker.check('x.pdf', bytes).then(
				() => 'read',
				(e) => (e instanceof ProgrammeReadError ? e.code : `other: ${e}`)
			);
		expect(await code(encryptPdf(aura))).toBe('encrypted');
		expect(await code(truncate(aura))).toBe('truncated');
		expect(await code(new TextEncoder().encode('Hei, tämä on tekstitiedosto.'))).toBe('not-pdf');
		expect(await code(new Uint8Array())).toBe('empty');
	});
});

describe('word diff', () => {
	it('tokens join back to the text', () => {
		const t = 'Kotoutumisohjelma  päivitetään\nvuosittain, tarvittaessa.';
		expect(tokenize(t).join('')).toBe(t);
	});

	it('marks added and removed words, and both sides rebuild from the ops', () => {
		const a = 'Ohjaus tehdään suomeksi ja ruotsiksi.';
		const b = 'Ohjaus tehdään suomeksi, ukrainaksi ja ruotsiksi.';
		const ops = wordDiff(a, b);
		expect(ops.filter((o) => o.op !== 'added').map((o) => o.text).join('')).toBe(a);
		expect(ops.filter((o) => o.op !== 'removed').map((o) => o.text).join('')).toBe(b);
		expect(ops.filter((o) => o.op === 'added').map((o) => o.text.trim())).toContain('suomeksi, ukrainaksi');
	});

	it('compares two programmes part by part', () => {
		const ans = (key: string, text: string) => ({ key, text }) as never;
		const before = { answers: [ans('s1.a', 'Arvio tehdään.'), ans('s2.a', 'Sama teksti.'), ans('s3.a1', 'Poistuva.')] };
		const after = { answers: [ans('s1.a', 'Arvio tehdään kuukauden sisällä.'), ans('s2.a', 'Sama teksti.'), ans('s4.a1', 'Uusi.')] };
		const byKey = Object.fromEntries(programmeDiff(before, after).map((c) => [c.key, [c.status, c.added, c.removed]]));
		expect(byKey).toEqual({ 's1.a': ['changed', 3, 1], 's2.a': ['unchanged', 0, 0], 's3.a1': ['removed', 0, 1], 's4.a1': ['added', 1, 0] });
	});
});

describe('parts and peers', () => {
	const row = (key: string, grade: 'answered' | 'thin' | 'missing', score: number) => ({
		programme_id: 'x', ordinal: 0, key, section: key.split('.')[0], mandatory: !key.startsWith('s7'), grade, score, reason: grade, reason_key: 'answered', reason_params: '{}', chars: 1, confidence: 0.95
	});
	const completeness = [row('s1.a', 'answered', 1), row('s2.a', 'thin', 0.5), row('s7.a1', 'missing', 0)];

	it('lists every part of the form, parts the document lacks as missing', () => {
		const parts = checkParts(completeness);
		expect(parts.map((p) => p.key)).toEqual(ANSWER_FIELDS.map((f) => f.key));
		expect(parts.find((p) => p.key === 's2.a')!.grade).toBe('thin');
		expect(parts.find((p) => p.key === 's5.a1')!.grade).toBe('missing');
		expect(parts.find((p) => p.key === 's1.a')!.law).toBe('KotoL 14 ja 15 §');
		expect(mandatoryScore(completeness)).toBe(0.75);
	});

	it('carries the reason code, and says a missing part in the UI language', () => {
		const parts = checkParts([{ ...row('s2.a', 'thin', 0.5), reason_key: 'answered', reason_params: '{"n":3}' }]);
		const thin = parts.find((p) => p.key === 's2.a')!;
		expect([thin.reason_key, thin.reason_params]).toEqual(['answered', '{"n":3}']);
		const missing = parts.find((p) => p.key === 's5.a1')!;
		expect(reasonText(translator('sv'), missing)).toBe(translator('sv').t('gaps.reason.missing'));
		expect(reasonText(translator('sv'), missing)).not.toBe(missing.reason);
	});

	it('reports parts most peers answer but the draft does not', () => {
		const parts = checkParts(completeness);
		const peers = [
			{ peer_group: 'area', key: 's1.a', graded: 4, answered: 4 },
			{ peer_group: 'area', key: 's2.a', graded: 4, answered: 3 },
			{ peer_group: 'area', key: 's5.a1', graded: 4, answered: 1 },
			{ peer_group: 'region', key: 's5.a1', graded: 2, answered: 2 }
		];
		expect(peerGaps(parts, peers, 'area').map((g) => [g.key, g.grade, g.share])).toEqual([['s2.a', 'thin', 0.75]]);
		expect(peerGaps(parts, peers, 'region').map((g) => g.key)).toEqual(['s5.a1']);
		expect(namedByPeers([{ peer_group: 'area', value: 'uk', detail: null, municipalities: 3 }], 'area', new Set(['uk']))[0].inDraft).toBe(true);
	});
});

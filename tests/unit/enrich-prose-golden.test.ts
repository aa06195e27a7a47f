/**
 * The independent evaluation set (tests/golden/prose, hand-written, not from the corpus
 * generator): the enricher meets the issue-10 targets on it, and every passage file is well formed.
 */
import { describe, expect, it } from 'vitest';
import { evaluateGolden, goldenFacts, goldenProgramme, parseGoldenPassage } from '../golden/prose-eval';
import { loadGoldenPassages, loadGoldenReference } from '../golden/prose-load';
import { createEnricher } from '../../src/lib/programme/enrich/index';

const reference = loadGoldenReference();
const passages = loadGoldenPassages();
const enrich = createEnricher(reference);

describe('independent evaluation set', () => {
	it('has at least 40 passages in Finnish and Swedish', () => {
		expect(passages.length).toBeGreaterThanOrEqual(40);
		expect(passages.filter((p) => p.lang === 'sv').length).toBeGreaterThanOrEqual(10);
		expect(passages.filter((p) => p.lang === 'fi').length).toBeGreaterThanOrEqual(20);
	});

	it('meets the targets', () => {
		const r = evaluateGolden(passages, enrich);
		const s = Object.fromEntries(r.scores.map((x) => [x.type, x]));
		expect(s['programme municipality'].precision).toBe(1);
		expect(s['programme municipality'].recall).toBe(1);
		expect(s['partner municipalities'].precision).toBeGreaterThanOrEqual(0.95);
		expect(s['partner municipalities'].recall).toBeGreaterThanOrEqual(0.9);
		expect(s['orientation languages'].precision).toBeGreaterThanOrEqual(0.98);
		expect(s['orientation languages'].recall).toBeGreaterThanOrEqual(0.9);
		expect(s.providers.precision).toBeGreaterThanOrEqual(0.95);
		expect(s.providers.recall).toBeGreaterThanOrEqual(0.9);
	});

	it('finds plain cooperation as its own arrangement, with the name as written', () => {
		const p = passages.find((x) => x.file.startsWith('02-'))!;
		const rows = enrich(goldenProgramme(p)).cooperation.filter((r) => r.arrangement_type === 'municipal_cooperation');
		expect(rows.map((r) => [r.partner_municipality_code, r.snippet]).sort()).toEqual([
			['499', 'Mustasaaren kuntien'],
			['905', 'Vaasan']
		].sort());
	});

	it('does not take places of residence or a river for partners', () => {
		for (const prefix of ['18-', '20-']) {
			const p = passages.find((x) => x.file.startsWith(prefix))!;
			expect(goldenFacts(p, enrich)['partner municipalities']).toEqual([]);
		}
	});

	it('rejects a passage file that names an unknown municipality, or has no passage', () => {
		expect(() => parseGoldenPassage('x.txt', 'lang: fi\nkey: s1.c\nmunicipality: Atlantis\n---\nTeksti.', reference.municipalities)).toThrow(/x\.txt: municipality: "Atlantis"/);
		expect(() => parseGoldenPassage('y.txt', 'lang: fi\nkey: s1.c\nmunicipality: Aura\n', reference.municipalities)).toThrow(/y\.txt: no line "---"/);
		expect(() => parseGoldenPassage('z.txt', 'lang: fi\nkey: s9.z\nmunicipality: Aura\n---\nTeksti.', reference.municipalities)).toThrow(/z\.txt: key "s9\.z"/);
	});
});

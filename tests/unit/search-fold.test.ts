import { describe, expect, it } from 'vitest';
import { foldQuery, foldText, unfoldRange } from '../../src/lib/search/fold';

describe('folding', () => {
	it('lowercases and drops diacritics without changing length for Finnish and Swedish text', () => {
		const text = 'Yhteistyö ÅLAND Häme Öljy Pärnä';
		const f = foldText(text);
		expect(f.text).toBe('yhteistyo aland hame oljy parna');
		expect(f.starts).toBeUndefined();
	});

	it('maps positions back when folding changes the length', () => {
		const text = 'Große Straße';
		const f = foldText(text);
		expect(f.text).toBe('grosse strasse');
		const at = f.text.indexOf('strasse');
		expect(unfoldRange(f, at, at + 'strasse'.length)).toEqual([6, 12]);
		expect(text.slice(...unfoldRange(f, at, at + 'strasse'.length))).toBe('Straße');
	});

	it('keeps a decomposed combining mark with its letter', () => {
		const text = 'ka\u0308y ta\u0308na\u0308a\u0308n';
		const f = foldText(text);
		expect(f.text).toBe('kay tanaan');
		const at = f.text.indexOf('tanaan');
		expect(text.slice(...unfoldRange(f, at, at + 6))).toBe('ta\u0308na\u0308a\u0308n');
		expect(text.slice(...unfoldRange(f, 0, 3))).toBe('ka\u0308y');
	});

	it('keeps every position in ordinary text, a leading byte order mark and control characters included', () => {
		for (const text of ['\uFEFFÄlä ÖLJY', 'a\u0000b\tC\r\nD', 'Ωmega Ärrä Åland Ø', 'x'.repeat(10_000) + 'Ä']) {
			const f = foldText(text);
			expect(f.starts).toBeUndefined();
			expect(f.text).toHaveLength(text.length);
			expect(f.text).toBe([...text].map((c) => foldText(c).text).join(''));
		}
		expect(foldText('\uFEFFÄlä').text).toBe('\uFEFFala');
	});

	it('takes the general path for emoji and gives the same text as folding each character', () => {
		const text = 'Ää 😀 Straße';
		expect(foldText(text).text).toBe('aa 😀 strasse');
	});

	it('is idempotent, so Fuse folding the folded text again changes nothing', () => {
		for (const s of ['Große Ärger İstanbul ŁÓDŹ ﬁ', 'ukrainaksi', 'Þórr Æsir']) {
			const once = foldQuery(s);
			expect(foldQuery(once)).toBe(once);
			expect(once).toBe(once.toLowerCase());
			expect(once.normalize('NFD')).toBe(once);
		}
	});
});

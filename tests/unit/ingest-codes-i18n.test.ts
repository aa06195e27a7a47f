/**
 * Every ingest_log code the dictionary declares has a few words in each UI language, so the Data
 * page's ingest log never shows a bare code or English words on a Finnish or Swedish page.
 */
import { describe, expect, it } from 'vitest';
import { INGEST_LOG_CODES } from '../../src/lib/dataset/dictionary';
import { INGEST_CODE_WORDS, ingestCodeWords } from '../../src/lib/dataset/ingest-codes-i18n';

describe('ingest_log codes in words', () => {
	it.each(INGEST_LOG_CODES.map((c) => c.code))('%s: fi, sv and en, each its own words', (code) => {
		const words = INGEST_CODE_WORDS[code];
		expect(words, `no words for ${code}`).toBeDefined();
		for (const locale of ['fi', 'sv', 'en'] as const) expect(words[locale].trim().length).toBeGreaterThan(2);
		expect(words.fi).not.toBe(words.en);
		expect(words.sv).not.toBe(words.en);
	});
	it('an unknown code is shown as it is', () => {
		expect(ingestCodeWords('something-new', 'fi')).toBe('something-new');
		expect(ingestCodeWords('encrypted', 'sv')).toBe('PDF-filen kräver lösenord');
	});
});

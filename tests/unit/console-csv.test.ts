import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/lib/console/csv';
import { parseCsv } from '../../src/lib/reference/index';

describe('console CSV export', () => {
	it('quotes fields with commas, quotes and line breaks (RFC 4180) and ends lines with CRLF', () => {
		const csv = toCsv(['key', 'text'], [['s3.a2', 'Ukrainan kielellä, "arabia"\nja dari'], ['s1.a', null]], { bom: false });
		expect(csv).toBe('key,text\r\ns3.a2,"Ukrainan kielellä, ""arabia""\nja dari"\r\ns1.a,\r\n');
		// A strict reader gets the values back.
		expect(parseCsv(csv)).toEqual([
			{ key: 's3.a2', text: 'Ukrainan kielellä, "arabia"\nja dari' },
			{ key: 's1.a', text: '' }
		]);
	});

	it('defuses text that a spreadsheet would run as a formula', () => {
		for (const attack of ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
			const field = csvField(attack);
			expect(field.replace(/^"/, '').startsWith("'")).toBe(true);
		}
		expect(csvField('=1,2')).toBe(`"'=1,2"`);
		// Numbers are data, not formulas; text that merely contains = is fine.
		expect(csvField(-5)).toBe('-5');
		expect(csvField('a=b')).toBe('a=b');
		expect(csvField(true)).toBe('true');
	});

	it('defuses a formula in a column name too', () => {
		expect(toCsv(['=cmd'], [], { bom: false })).toBe("'=cmd\r\n");
	});

	it('starts with a byte order mark by default so spreadsheets read UTF-8', () => {
		expect(toCsv(['ä'], [['ö']]).startsWith('\uFEFFä\r\nö')).toBe(true);
	});
});

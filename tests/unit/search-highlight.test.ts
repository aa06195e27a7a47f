import { describe, expect, it } from 'vitest';
import { expandToWords, highlightSegments, normalizeRanges } from '../../src/lib/search/highlight';

describe('highlight segments', () => {
	it('splits text into segments that join back to the text', () => {
		const text = 'Loimaan kaupungin maahanmuuttokoordinaattori';
		const segments = highlightSegments(text, [[18, 44], [0, 7]]);
		expect(segments.map((s) => s.text).join('')).toBe(text);
		expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['Loimaan', 'maahanmuuttokoordinaattori']);
	});

	it('merges ranges that overlap or are separated only by spaces', () => {
		const text = 'Loimaan maahanmuuttokoordinaattori vastaa';
		expect(normalizeRanges(text, [[8, 34], [0, 7], [3, 5]])).toEqual([[0, 34]]);
		expect(normalizeRanges(text, [[0, 7], [35, 41]])).toEqual([[0, 7], [35, 41]]);
	});

	it('clamps bad ranges and never splits a surrogate pair', () => {
		const text = 'a😀b';
		expect(normalizeRanges(text, [[-5, 2], [9, 12], [3, 3]])).toEqual([[0, 3]]);
		expect(normalizeRanges(text, [[2, 4]])).toEqual([[1, 4]]);
	});

	it('keeps markup in answers as text: segments carry the characters, never HTML', () => {
		const text = '<img src=x onerror="alert(1)"> ukrainaksi <script>x()</script>';
		const segments = highlightSegments(text, [[31, 41]]);
		expect(segments).toEqual([
			{ text: '<img src=x onerror="alert(1)"> ', hit: false },
			{ text: 'ukrainaksi', hit: true },
			{ text: ' <script>x()</script>', hit: false }
		]);
	});

	it('gives one plain segment when nothing is highlighted', () => {
		expect(highlightSegments('abc', [])).toEqual([{ text: 'abc', hit: false }]);
		expect(highlightSegments('', [])).toEqual([{ text: '', hit: false }]);
	});

	it('widens fuzzy matches to whole words but leaves short fragments alone', () => {
		const text = 'järjestetään TE-palvelupiste, asiakirja';
		expect(expandToWords(text, [[13, 24]])).toEqual([[13, 28]]);
		expect(expandToWords(text, [[37, 39]])).toEqual([[37, 39]]);
	});
});

import { describe, expect, it } from 'vitest';
import { PASSAGE_MAX, passageRanges, splitAnswer } from '../../src/lib/search/passages';
import { auraAnswers } from './search-fixtures';

/** Every non-space character of the text lies in exactly one passage. */
function coverage(text: string, ranges: [number, number][]): number[] {
	const seen = new Array<number>(text.length).fill(0);
	for (const [s, e] of ranges) for (let i = s; i < e; i++) seen[i]++;
	return seen;
}

describe('passages', () => {
	it('cut every Aura answer into in-order passages that lose nothing and stay bounded', () => {
		const answers = auraAnswers();
		let total = 0;
		for (const a of answers) {
			const passages = splitAnswer(a);
			total += passages.length;
			const ranges = passages.map((p) => [p.start, p.end] as [number, number]);
			for (const p of passages) {
				expect(p.text).toBe(a.text.slice(p.start, p.end));
				expect(p.text.length).toBeLessThanOrEqual(PASSAGE_MAX);
				expect(p.text).toBe(p.text.trim());
				expect(p.programmeId).toBe(a.programmeId);
				expect(p.key).toBe(a.key);
			}
			for (let i = 1; i < ranges.length; i++) expect(ranges[i][0]).toBeGreaterThanOrEqual(ranges[i - 1][1]);
			const seen = coverage(a.text, ranges);
			for (let i = 0; i < a.text.length; i++) {
				if (/\S/.test(a.text[i])) expect(seen[i], `${a.key} char ${i}`).toBe(1);
			}
		}
		// Aura has long multi-paragraph answers: more passages than answers.
		expect(total).toBeGreaterThan(answers.filter((a) => a.text.trim()).length);
	});

	it('merges short lines (a list) into one passage and marks what comes before and after', () => {
		const text = 'Kielet:\n- arabia\n- dari\n- ukraina';
		const [p, ...rest] = splitAnswer({ programmeId: 'p', key: 's3.a2', section: '3', text });
		expect(rest).toHaveLength(0);
		expect(p.text).toBe(text);
		expect(p.before).toBe(false);
		expect(p.after).toBe(false);
	});

	it('splits a long paragraph at sentence ends, not inside abbreviations like "esim."', () => {
		const sentence = 'Palvelu järjestetään esim. kirjastossa ja muissa kunnan tiloissa joka viikko. ';
		const text = sentence.repeat(12).trim();
		const ranges = passageRanges(text);
		expect(ranges.length).toBeGreaterThan(1);
		for (const [s, e] of ranges) {
			expect(text.slice(s, e)).toMatch(/^Palvelu järjestetään/);
			expect(text.slice(s, e)).toMatch(/viikko\.$/);
		}
		const passages = splitAnswer({ programmeId: 'p', key: 'k', section: '1', text });
		expect(passages[0].before).toBe(false);
		expect(passages[0].after).toBe(true);
		expect(passages.at(-1)!.before).toBe(true);
		expect(passages.at(-1)!.after).toBe(false);
	});

	it('cuts text with no spaces hard, without splitting a surrogate pair', () => {
		const text = '😀'.repeat(400);
		const ranges = passageRanges(text, 101);
		for (const [s, e] of ranges) {
			expect(e - s).toBeLessThanOrEqual(101);
			expect(s % 2).toBe(0);
			expect(e % 2).toBe(0);
		}
		expect(ranges.at(-1)![1]).toBe(text.length);
	});

	it('gives nothing for empty and whitespace-only answers', () => {
		expect(passageRanges('')).toEqual([]);
		expect(passageRanges(' \n\t \n')).toEqual([]);
	});
});

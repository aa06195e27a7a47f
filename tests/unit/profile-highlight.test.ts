/**
 * Evidence highlighting on the profile: the pure segmenter (src/lib/components/evidence-spans.ts)
 * and the component that renders it (EvidenceText.svelte, rendered on the server here): overlapping
 * spans, spans at the edges of the text, spans that do not match their snippet, and hostile text
 * that must stay text.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import EvidenceText from '../../src/lib/components/EvidenceText.svelte';
import { checkSpan, evidenceSegments, type EvidenceSpan } from '../../src/lib/components/evidence-spans';

const AURA_S3A2 = 'Ukrainan kielellä. ';
const span = (fact: string, text: string, piece: string, from = 0): EvidenceSpan => {
	const start = text.indexOf(piece, from);
	if (start < 0) throw new Error(`"${piece}" not in text`);
	return { fact, start, end: start + piece.length, snippet: piece };
};
const joined = (text: string, spans: EvidenceSpan[]) =>
	evidenceSegments(text, spans)
		.map((s) => s.text)
		.join('');

describe('evidence segments', () => {
	it('marks Aura’s language fact at the very start of the answer', () => {
		const segs = evidenceSegments(AURA_S3A2, [span('l0', AURA_S3A2, 'Ukrainan kielellä')]);
		expect(segs).toEqual([
			{ text: 'Ukrainan kielellä', start: 0, end: 17, facts: ['l0'] },
			{ text: '. ', start: 17, end: 19, facts: [] }
		]);
	});

	it('handles a span that ends the text and one that is the whole text', () => {
		const text = 'Kielet: arabia';
		expect(evidenceSegments(text, [span('a', text, 'arabia')])).toEqual([
			{ text: 'Kielet: ', start: 0, end: 8, facts: [] },
			{ text: 'arabia', start: 8, end: 14, facts: ['a'] }
		]);
		expect(evidenceSegments('dari', [{ fact: 'd', start: 0, end: 4, snippet: 'dari' }])).toEqual([
			{ text: 'dari', start: 0, end: 4, facts: ['d'] }
		]);
	});

	it('splits overlapping spans of different facts so each piece names every fact it supports', () => {
		const text = 'Loimaan kaupungin maahanmuuttokoordinaattori vastaa.';
		const provider = span('r0', text, 'Loimaan kaupungin maahanmuuttokoordinaattori');
		const host = span('c0', text, 'Loimaan kaupungin');
		const segs = evidenceSegments(text, [provider, host]);
		expect(segs.map((s) => [s.text, s.facts])).toEqual([
			['Loimaan kaupungin', ['r0', 'c0']],
			[' maahanmuuttokoordinaattori', ['r0']],
			[' vastaa.', []]
		]);
		expect(joined(text, [provider, host])).toBe(text);
	});

	it('handles partly overlapping and nested spans, and the same span for two facts', () => {
		const text = 'abcdefghij';
		const spans: EvidenceSpan[] = [
			{ fact: 'x', start: 1, end: 5 },
			{ fact: 'y', start: 3, end: 8 },
			{ fact: 'z', start: 4, end: 5 },
			{ fact: 'w', start: 3, end: 8 }
		];
		expect(evidenceSegments(text, spans).map((s) => [s.text, s.facts])).toEqual([
			['a', []],
			['bc', ['x']],
			['d', ['x', 'y', 'w']],
			['e', ['x', 'y', 'z', 'w']],
			['fgh', ['y', 'w']],
			['ij', []]
		]);
	});

	it('keeps two touching spans of one fact as one mark, and gives back the text with no spans', () => {
		const text = 'ukrainaksi ja venäjäksi';
		expect(evidenceSegments(text, [{ fact: 'a', start: 0, end: 5 }, { fact: 'a', start: 5, end: 10 }])[0]).toEqual({
			text: 'ukrainaksi',
			start: 0,
			end: 10,
			facts: ['a']
		});
		expect(evidenceSegments(text, [])).toEqual([{ text, start: 0, end: text.length, facts: [] }]);
		expect(evidenceSegments('', [{ fact: 'a', start: 0, end: 3 }])).toEqual([{ text: '', start: 0, end: 0, facts: [] }]);
	});

	it('never draws a span on the wrong words: a stale span moves to its snippet, an unknown snippet is dropped', () => {
		const text = 'Orientaatio arabiaksi ja ukrainaksi.';
		// Offsets point at "arabiaksi", the snippet says "ukrainaksi": the snippet wins.
		const stale: EvidenceSpan = { fact: 'u', start: 12, end: 21, snippet: 'ukrainaksi' };
		expect(checkSpan(text, stale)).toEqual({ ok: true, start: 25, end: 35, moved: true });
		expect(evidenceSegments(text, [stale]).filter((s) => s.facts.length).map((s) => s.text)).toEqual(['ukrainaksi']);
		expect(checkSpan(text, { fact: 's', start: 0, end: 6, snippet: 'somaliksi' })).toEqual({ ok: false, reason: 'mismatch' });
		expect(checkSpan(text, { fact: 'o', start: 30, end: 99 })).toEqual({ ok: false, reason: 'outside' });
		expect(checkSpan(text, { fact: 'n', start: 5, end: 5 })).toEqual({ ok: false, reason: 'outside' });
		expect(checkSpan(text, { fact: 'f', start: 1.5, end: 4 })).toEqual({ ok: false, reason: 'outside' });
		expect(evidenceSegments(text, [{ fact: 's', start: 0, end: 6, snippet: 'somaliksi' }])).toEqual([
			{ text, start: 0, end: text.length, facts: [] }
		]);
	});

	it('of several copies of a snippet takes the one nearest the stored offset', () => {
		const text = 'arabia, dari, arabia';
		expect(checkSpan(text, { fact: 'a', start: 13, end: 14, snippet: 'arabia' })).toEqual({ ok: true, start: 14, end: 20, moved: true });
	});

	it('does not split a surrogate pair', () => {
		const text = 'kieli 😀 tässä';
		const at = text.indexOf('😀');
		const segs = evidenceSegments(text, [{ fact: 'e', start: at + 1, end: at + 2 }]);
		expect(segs.find((s) => s.facts.length)?.text).toBe('😀');
		expect(segs.map((s) => s.text).join('')).toBe(text);
	});
});

const HOSTILE =
	'<script>alert(1)</script> <img src=x onerror=alert(1)> <a href="javascript:alert(1)">linkki</a> {@html "<b>x</b>"} &amp; ukrainaksi';

describe('EvidenceText renders hostile text as text', () => {
	it('escapes every segment, marked or not, and adds no element but <p> and <mark>', () => {
		const spans: EvidenceSpan[] = [
			span('s', HOSTILE, '<script>alert(1)</script>'),
			span('i', HOSTILE, 'onerror=alert(1)>'),
			span('u', HOSTILE, 'ukrainaksi')
		];
		const { body } = render(EvidenceText, { props: { text: HOSTILE, spans, describe: (f: readonly string[]) => `"><img src=x onerror=alert(2)> ${f.join()}` } });
		const html = body.replace(/<!--[^>]*-->/g, '');
		const tags = [...html.matchAll(/<\/?([a-z][a-z0-9]*)/gi)].map((m) => m[1].toLowerCase());
		expect(new Set(tags)).toEqual(new Set(['p', 'mark']));
		expect(html).toContain('&lt;script>alert(1)&lt;/script>');
		expect(html).not.toMatch(/<script|<img|<a\s|<b>/i);
		expect(html).toContain('{@html "&lt;b>x&lt;/b>"}');
		expect(html).toContain('&amp;amp;');
		// Three marks, the first of each fact anchored, the attribute value escaped too.
		expect(html.match(/<mark/g)).toHaveLength(3);
		expect(html).toContain('id="ev-s"');
		expect(html).toContain('title="&quot;>&lt;img src=x onerror=alert(2)> s"');
	});

	it('keeps the text exactly: stripping the marks gives back the original characters', () => {
		const { body } = render(EvidenceText, { props: { text: HOSTILE, spans: [span('u', HOSTILE, 'ukrainaksi')] } });
		const inner = body
			.replace(/<!--[^>]*-->/g, '')
			.replace(/^<p[^>]*>|<\/p>$/g, '')
			.replace(/<\/?mark[^>]*>/g, '');
		const decoded = inner.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
		expect(decoded).toBe(HOSTILE);
	});
});

describe('EvidenceText anchors', () => {
	it('gives every fact an anchor, also when several facts start at the same mark', () => {
		const text = 'Kauhava toimii vastuukuntana; jäseninä Alajärvi, Alavus ja Evijärvi.';
		const from = text.indexOf('jäseninä');
		const spans: EvidenceSpan[] = [
			span('host', text, 'Kauhava toimii'),
			{ fact: 'a', start: from, end: text.indexOf('Alajärvi') + 8, snippet: '' },
			{ fact: 'b', start: from, end: text.indexOf('Alavus') + 6, snippet: '' },
			{ fact: 'c', start: from, end: text.length - 1, snippet: '' }
		];
		const { body } = render(EvidenceText, { props: { text, spans, anchorSuffix: 'header.partners' } });
		const ids = [...body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
		expect(ids.sort()).toEqual(['ev-a-header.partners', 'ev-b-header.partners', 'ev-c-header.partners', 'ev-host-header.partners']);
		// The text itself is unchanged by the extra anchors.
		expect(body.replace(/<!--[^>]*-->/g, '').replace(/<[^>]+>/g, '')).toBe(text);
	});
});

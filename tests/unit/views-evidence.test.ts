import { describe, expect, it } from 'vitest';
import { excerpt, highlight, profileHref, withParams } from '../../src/lib/components/views/evidence';

describe('highlight', () => {
	const text = 'Orientaatiota tarjotaan suomeksi, ukrainaksi ja arabiaksi. Tulkkaus järjestetään tarvittaessa muille kielille.';

	it('marks the span and keeps the text around it', () => {
		const s = text.indexOf('ukrainaksi');
		const h = highlight(text, s, s + 10, 'ukrainaksi');
		expect(h.mark).toBe('ukrainaksi');
		expect(h.before + h.mark + h.after).toBe(text);
		expect(h.relocated).toBe(false);
	});

	it('cuts long text at word boundaries around the mark, with ellipses', () => {
		const long = `${'sana '.repeat(60)}Loimaan kaupunki${' toinen'.repeat(60)}`;
		const s = long.indexOf('Loimaan');
		const h = highlight(long, s, s + 16, 'Loimaan kaupunki', 30);
		expect(h.mark).toBe('Loimaan kaupunki');
		expect(h.before.startsWith('…')).toBe(true);
		expect(h.after.endsWith('…')).toBe(true);
		expect(h.before.slice(1)).toMatch(/^\S/);
		expect(h.before.length).toBeLessThan(50);
		expect(long.includes(h.before.slice(1) + h.mark + h.after.slice(0, -1))).toBe(true);
	});

	it('finds the snippet when the span is off, and falls back to the snippet alone', () => {
		const h = highlight(text, 0, 5, 'arabiaksi');
		expect(h).toMatchObject({ mark: 'arabiaksi', relocated: true });
		expect(h.before.endsWith('ukrainaksi ja ')).toBe(true);
		expect(highlight(null, 0, 3, 'MLL')).toEqual({ before: '', mark: 'MLL', after: '', relocated: true });
		expect(highlight(text, 0, 3, 'ei tekstissä')).toMatchObject({ mark: 'ei tekstissä', before: '', after: '' });
	});

	it('leaves markup as text (the page renders the parts escaped)', () => {
		const hostile = 'Alku <img src=x onerror=alert(1)> loppu';
		const h = highlight(hostile, 5, 34, '<img src=x onerror=alert(1)>');
		expect(h.mark).toBe('<img src=x onerror=alert(1)>');
	});
});

describe('links', () => {
	it('profile links point at the answer', () => {
		expect(profileHref('019', 's3.a2')).toBe('/municipality/019#s3.a2');
		expect(profileHref('019')).toBe('/municipality/019');
		expect(() => profileHref('javascript:alert(1)')).toThrow();
	});

	it('withParams sets and removes page parameters and keeps the rest', () => {
		const next = withParams(new URLSearchParams('region=02&service=plan&lang=sv'), { service: 'training', group: 'others', kind: null });
		expect(next.get('region')).toBe('02');
		expect(next.get('lang')).toBe('sv');
		expect(next.get('service')).toBe('training');
		expect(next.get('group')).toBe('others');
		expect(withParams(next, { service: null, group: '' }).toString()).toBe('region=02&lang=sv');
	});

	it('excerpt flattens whitespace and cuts at a word', () => {
		expect(excerpt('a\n\nb   c')).toBe('a b c');
		const e = excerpt('sana '.repeat(100), 40);
		expect(e.endsWith('…')).toBe(true);
		expect(e.length).toBeLessThanOrEqual(41);
		expect(excerpt(null)).toBe('');
	});
});

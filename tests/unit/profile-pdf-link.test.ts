/** Links from a profile to the published programme PDF (src/lib/components/profile/pdf-link.ts). */
import { describe, expect, it } from 'vitest';
import { pdfHref, publishedPdfPath } from '../../src/lib/components/profile/pdf-link';

describe('published PDF paths', () => {
	it('drops the default input folder and keeps sub-folders', () => {
		expect(publishedPdfPath('data/pdfs/aura-2024-11-18.pdf')).toBe('aura-2024-11-18.pdf');
		expect(publishedPdfPath('data/pdfs/demo/fi/Pöytyä.PDF')).toBe('demo/fi/Pöytyä.PDF');
		expect(publishedPdfPath('tests/fixtures/out/hostile.pdf')).toBe('tests/fixtures/out/hostile.pdf');
	});

	it('refuses paths that could leave the folder, and files that are not PDFs', () => {
		for (const bad of ['', '/etc/passwd.pdf', '../secret.pdf', 'data/pdfs/../../x.pdf', 'a//b.pdf', 'a\\b.pdf', 'C:/x.pdf', 'a/./b.pdf', 'notes.txt', null, undefined]) {
			expect(publishedPdfPath(bad), String(bad)).toBeNull();
		}
	});
});

describe('PDF links', () => {
	it('links to the page with #page=N, encoding each path segment', () => {
		expect(pdfHref('data/pdfs/aura-2024-11-18.pdf', 7)).toBe('/pdfs/aura-2024-11-18.pdf#page=7');
		expect(pdfHref('data/pdfs/demo/Närpes stad #2.pdf', 1)).toBe('/pdfs/demo/N%C3%A4rpes%20stad%20%232.pdf#page=1');
	});

	it('leaves the page out when it is unknown or not a page number', () => {
		for (const page of [null, undefined, 0, -1, 2.5]) expect(pdfHref('data/pdfs/a.pdf', page)).toBe('/pdfs/a.pdf');
	});

	it('never makes a link that leaves the site', () => {
		expect(pdfHref('javascript:alert(1).pdf')).toBe('/pdfs/javascript%3Aalert(1).pdf');
		expect(pdfHref('javascript:alert(1)//.pdf')).toBeNull();
		expect(pdfHref('//evil.example/x.pdf')).toBeNull();
		expect(pdfHref('../../x.pdf')).toBeNull();
	});
});

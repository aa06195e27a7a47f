import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { onePage, textContent } from '../hostile/raw-pdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProgramme, SYNTHETIC_KEYWORD, type ExtractDeps } from '../../src/lib/programme/extract';
import { ALL_FIELDS, ANSWER_FIELDS, TABLE_FIELDS, TEMPLATE_ID } from '../../src/lib/programme/form-tem-2024';
import { ProgrammeReadError, type Programme } from '../../src/lib/programme/types';
import { nodeExtractDeps } from '../../ingest/pdfjs';
import { SYNTHETIC_KEYWORD as WRITER_SYNTHETIC_KEYWORD } from '../../tools/pdf-writer';
import {
	AURA_FIXTURE,
	auraSeed,
	encryptPdf,
	fillablePdf,
	renderTestForm,
	scanPdf,
	textPdf,
	truncate
} from '../helpers/programme-pdfs';

let deps: ExtractDeps;
let auraBytes: Uint8Array;
let aura: Programme;

beforeAll(async () => {
	deps = await nodeExtractDeps();
	auraBytes = new Uint8Array(readFileSync(AURA_FIXTURE));
	aura = await extractProgramme(auraBytes, deps);
});

async function readError(bytes: Uint8Array): Promise<ProgrammeReadError> {
	try {
		await extractProgramme(bytes, deps);
	} catch (e) {
		if (e instanceof ProgrammeReadError) return e;
		throw e;
	}
	throw new Error('expected a ProgrammeReadError, the PDF was read');
}

describe('Aura round trip (seed values in the fillable form, data/pdfs/aura-2024-11-18.pdf)', () => {
	it('every seed value equals the extracted value for its key', () => {
		const seed = auraSeed();
		expect(seed).toHaveLength(ANSWER_FIELDS.length);
		const byKey = new Map(aura.answers.map((a) => [a.key, a]));
		for (const s of seed) {
			expect(byKey.get(s.key)?.text, s.key).toBe(s.value.replace(/\r\n?/g, '\n'));
		}
	});

	it('reports empty fields empty: the approval and every table cell', () => {
		const empty = aura.answers.filter((a) => a.status === 'empty').map((a) => a.key);
		expect(empty).toEqual(['header.approval', ...TABLE_FIELDS.map((f) => f.key)]);
		expect(aura.answers.filter((a) => a.status === 'filled')).toHaveLength(ANSWER_FIELDS.length - 1);
	});

	it('keeps provenance: field name, page and rectangle of every value', () => {
		for (const a of aura.answers) {
			expect(a.source.fieldName).toBe([...ANSWER_FIELDS, ...TABLE_FIELDS].find((f) => f.key === a.key)?.fieldName);
			expect(a.source.page).toBeGreaterThanOrEqual(1);
			expect(a.source.page).toBeLessThanOrEqual(aura.pageCount);
			expect(a.source.rect).toHaveLength(4);
			const [x1, y1, x2, y2] = a.source.rect!;
			expect(x2).toBeGreaterThan(x1);
			expect(y2).toBeGreaterThan(y1);
		}
		// The form runs in order: pages never go back, and sections start on later pages than the header.
		const pages = aura.answers.map((a) => a.source.page!);
		expect(pages).toEqual([...pages].sort((a, b) => a - b));
		expect(aura.answers[0].source.page).toBe(1);
		expect(aura.answers.find((a) => a.key === 's7.c')!.source.page).toBeGreaterThan(aura.answers.find((a) => a.key === 's1.a')!.source.page!);
	});

	it('describes the document: id is the sha256 of the bytes, form kind and template, answers in form order', () => {
		expect(aura.id).toBe(createHash('sha256').update(auraBytes).digest('hex'));
		expect(aura.inputKind).toBe('fillable-form');
		expect(aura.template).toBe(TEMPLATE_ID);
		expect(aura.answers.map((a) => a.key)).toEqual([...ANSWER_FIELDS, ...TABLE_FIELDS].map((f) => f.key));
		expect(aura.unmapped).toEqual([]);
		expect(aura.warnings).toEqual([]);
		expect(aura.isSynthetic).toBe(false);
	});

	it('keeps line breaks exactly, turning only \\r\\n and \\r into \\n', async () => {
		const p = await extractProgramme(
			await fillablePdf([
				{ name: 'Kunta tai kunnat: ', value: 'Aura\r\nOripää\rPöytyä\n\n  Loimaa  ' },
				{ name: '1C: \n\t Yhteistyö \n', value: '\ttabs\tstay\u00a0' },
				{ name: '2C Yhteistyö', value: ' \n\t ' }
			]),
			deps
		);
		expect(p.answers.map((a) => [a.key, a.text, a.status])).toEqual([
			['header.municipalities', 'Aura\nOripää\nPöytyä\n\n  Loimaa  ', 'filled'],
			['s1.c', '\ttabs\tstay\u00a0', 'filled'],
			['s2.c', ' \n\t ', 'empty']
		]);
	});

	it('marks synthetic documents from their keywords', async () => {
		const p = await extractProgramme(await renderTestForm({ synthetic: true }), deps);
		expect(p.isSynthetic).toBe(true);
		expect(p.metadata.keywords).toContain(SYNTHETIC_KEYWORD);
		// The domain defines the marker itself (it must not import the writer); both must agree.
		expect(SYNTHETIC_KEYWORD).toBe(WRITER_SYNTHETIC_KEYWORD);
	});
});

describe('label variants in a PDF', () => {
	const variants: [string, (name: string) => string][] = [
		['extra spaces', (n) => ` ${n.replace(/ /g, '  ')}  `],
		['missing colons', (n) => n.replace(/:/g, '')],
		['different line breaks', (n) => n.replace(/\s+/g, '\r\n')],
		['all of these and lower case', (n) => n.replace(/:/g, '').replace(/\s+/g, '\n').toLowerCase() + '  ']
	];
	for (const [what, change] of variants) {
		it(`${what}: the same keys, each value with its key`, async () => {
			const fieldNames = Object.fromEntries(ALL_FIELDS.map((f) => [f.key, change(f.fieldName)]));
			const p = await extractProgramme(await renderTestForm({ fieldNames }), deps);
			expect(p.answers.map((a) => a.key)).toEqual(aura.answers.map((a) => a.key));
			expect(p.answers.map((a) => a.text)).toEqual(aura.answers.map((a) => a.text));
			expect(p.answers.map((a) => a.source.fieldName)).toEqual(ALL_FIELDS.map((f) => change(f.fieldName)));
			expect(p.unmapped).toEqual([]);
			expect(p.warnings).toEqual([]);
		});
	}

	it('a field beside the form is kept unmapped with its value and a warning', async () => {
		const p = await extractProgramme(await renderTestForm({ extraFields: [{ name: 'Liite 1: kustannukset', value: '1200 €' }] }), deps);
		expect(p.answers).toHaveLength(ALL_FIELDS.length);
		expect(p.unmapped).toEqual([expect.objectContaining({ fieldName: 'Liite 1: kustannukset', text: '1200 €' })]);
		expect(p.warnings).toEqual([expect.objectContaining({ code: 'unmapped-field', message: expect.stringContaining('Liite 1: kustannukset') })]);
	});

	it('a form with parts missing says which', async () => {
		const p = await extractProgramme(await renderTestForm({ omitKeys: ['s2.b1', 's7.a3'] }), deps);
		expect(p.answers.map((a) => a.key)).not.toContain('s2.b1');
		expect(p.warnings.map((w) => w.code)).toEqual(['missing-field']);
		expect(p.warnings[0].message).toContain('s2.b1, s7.a3');
	});
});

describe('input that is not a programme', () => {
	it('a foreign form (a tax form) maps to nothing and says what was found', async () => {
		const tax = ['Nimi', 'Henkilötunnus', 'Verovuosi', '1A Palkkatulot', '2B Vähennykset'].map((name) => ({ name, value: 'x' }));
		const e = await readError(await fillablePdf(tax));
		expect(e.code).toBe('foreign-form');
		expect(e.reason).toMatch(/5 form field/);
		expect(e.reason).toContain('"Nimi"');
	});

	it('not a PDF', async () => {
		const e = await readError(new TextEncoder().encode('Kunta tai kunnat: Aura\n'));
		expect(e.code).toBe('not-pdf');
		expect(e.reason).toMatch(/text file/);
		expect((await readError(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]))).reason).toMatch(/Office document/);
	});

	it('empty', async () => {
		expect((await readError(new Uint8Array())).code).toBe('empty');
	});

	it('truncated', async () => {
		const e = await readError(truncate(auraBytes));
		expect(e.code).toBe('truncated');
		expect(e.reason).toMatch(/cut off/);
	});

	it('a whole PDF followed by NUL or white-space padding is read, not called truncated', async () => {
		for (const pad of [Buffer.alloc(4096), Buffer.alloc(1 << 20), Buffer.from(' \r\n\t'.repeat(1024))]) {
			const p = await extractProgramme(new Uint8Array(Buffer.concat([auraBytes, pad])), deps);
			expect(p.answers.map((a) => a.text)).toEqual(aura.answers.map((a) => a.text));
		}
		// Padding after a cut-off file does not make it whole.
		expect((await readError(new Uint8Array(Buffer.concat([truncate(auraBytes), Buffer.alloc(4096)])))).code).toBe('truncated');
	});

	it('an XFA-only form is named as XFA; a form with XFA beside its fields is read from the fields', async () => {
		const xdp = { dict: '<<>>', stream: Buffer.from('<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template/></xdp:xdp>') };
		const wait = textContent(['Please wait...', 'If this message is not eventually replaced by the proper contents of the document, your PDF viewer may not be able to display this type of document.']);
		for (const content of [wait, Buffer.alloc(0)]) {
			const e = await readError(new Uint8Array(onePage({ dict: '<<>>', stream: content }, ['<< /Fields [] /XFA 7 0 R >>', xdp], { catalog: '/AcroForm 6 0 R /NeedsRendering true' })));
			expect(e.code).toBe('xfa-only');
			expect(e.reason).toMatch(/XFA/);
		}
		const doc = await PDFDocument.load(auraBytes, { updateMetadata: false });
		doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).set(PDFName.of('XFA'), doc.context.register(doc.context.stream(xdp.stream)));
		const hybrid = await extractProgramme(await doc.save({ updateFieldAppearances: false }), deps);
		expect(hybrid.answers.map((a) => a.text)).toEqual(aura.answers.map((a) => a.text));
	});

	it('encrypted with a password (qpdf --encrypt)', async () => {
		const e = await readError(encryptPdf(auraBytes));
		expect(e.code).toBe('encrypted');
		expect(e.reason).toMatch(/password/);
	});

	it('damaged beyond repair', async () => {
		const junk = new TextEncoder().encode('%PDF-1.7\n' + 'garbage '.repeat(50) + '\n%%EOF\n');
		expect((await readError(junk)).code).toBe('unreadable');
	});

	it('a PDF without fields whose text is not a programme', async () => {
		const e = await readError(await textPdf(['Lasku 2024-118', 'Toimitus: 12 kpl', 'Summa 1 200,00 EUR']));
		expect(e.code).toBe('no-form-fields');
		expect(e.reason).toMatch(/no form fields/);
	});

	it('a scan (image only) gives a programme without answers and a warning', async () => {
		// Without OCR (as in the browser): nothing is read.
		const p = await extractProgramme(await scanPdf(), { ...deps, ocr: undefined });
		expect(p.inputKind).toBe('scan');
		expect(p.answers).toEqual([]);
		expect(p.warnings).toEqual([{ code: 'scan', message: 'scanned PDF: no text layer; OCR is not available here (the ingest reads scans with tesseract)' }]);
		// With OCR (the ingest): a blank grey image yields no words, and the warning says so.
		const q = await extractProgramme(await scanPdf(), deps);
		expect(q.inputKind).toBe('scan');
		expect(q.answers).toEqual([]);
		expect(q.warnings[0].code).toBe('scan');
		expect(q.warnings[0].message).toMatch(/^scanned PDF: OCR read 1 page\(s\) \(mean confidence 0\.00\), but the text does not follow the form's list of sections 1–7/);
	});
});

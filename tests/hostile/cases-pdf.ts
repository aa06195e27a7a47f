/**
 * Hostile inputs made of bytes: damaged copies of good documents, encrypted copies, bombs,
 * reference loops, huge fields and page trees, JavaScript, XFA, NUL padding, random bytes.
 * Each case says what the ingest must make of it. Deterministic: a seeded PRNG, fixed inputs
 * (qpdf's AES-256 draws its own keys; those bytes vary, their verdict does not).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString, PDFArray, PDFDict } from 'pdf-lib';
import { Rng } from '../../corpus/random';
import { ANSWER_FIELDS } from '../../src/lib/programme/form-tem-2024';
import { auraValues } from '../helpers/programme-pdfs';
import { HELVETICA, appendUpdate, deflate, deflatedZeros, onePage, pdfString, rawForm, rawPdf, textContent, type RawObject } from './raw-pdf';
import type { CaseSpec, Expectation } from './types';

/** A good document a damaged copy is made from: its bytes and its dataset path in the mix. */
export interface Base {
	id: string;
	bytes: Buffer;
	/** Its path in the mix (under good/), for "same answers as". */
	file: string;
}

const write = (bytes: Uint8Array) => (path: string | Buffer) => writeFileSync(path, bytes);
const MB = 1024 * 1024;
const GB = 1024 * MB;

/** A bomb: refused by the decompressed-bytes cap, or stopped by the memory or time limit; never "blank". */
const limitHit: Expectation = { kind: 'error', codes: ['limit-stream', 'limit-memory', 'limit-time'], notReason: /blank/i };

function qpdf(bytes: Uint8Array, args: string[]): Buffer {
	const dir = mkdtempSync(join(tmpdir(), 'kk-hostile-qpdf-'));
	try {
		writeFileSync(join(dir, 'in.pdf'), bytes);
		execFileSync('qpdf', ['--static-id', '--static-aes-iv', ...args, '--', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
		return readFileSync(join(dir, 'out.pdf'));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The document re-saved by pdf-lib after `edit` (fields and their values untouched). */
async function resaved(bytes: Uint8Array, edit: (doc: PDFDocument) => void): Promise<Uint8Array> {
	const doc = await PDFDocument.load(bytes, { updateMetadata: false });
	edit(doc);
	return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

function flipBytes(bytes: Buffer, n: number, seed: string): Buffer {
	const out = Buffer.from(bytes);
	const rng = new Rng(`hostile/flip/${seed}`);
	for (let i = 0; i < n; i++) {
		const at = rng.int(0, out.length - 1);
		out[at] ^= 1 << rng.int(0, 7);
	}
	return out;
}

function randomBytes(n: number, seed: string): Buffer {
	const rng = new Rng(`hostile/random/${seed}`);
	const out = Buffer.alloc(n);
	for (let i = 0; i < n; i++) out[i] = rng.nextUint32() & 0xff;
	return out;
}

/** An objstm-holding PDF with a cross-reference stream: object 1 (the catalog) sits in object stream 6. */
async function objectStreamBomb(): Promise<Buffer> {
	// The catalog lies 2 GB into the stream (its /First): reaching it decodes 2 GB of spaces.
	const first = 2 * GB;
	const inner = await deflatedZeros(first - 3, 0x20, Buffer.from('1 0'), Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'));
	const stream = deflate(inner);
	const objects: RawObject[] = [
		'null',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
		{ dict: '<<>>', stream: textContent(['Kotoutumisohjelma']) },
		HELVETICA,
		{ dict: `<< /Type /ObjStm /N 1 /First ${first} /Filter [/FlateDecode /FlateDecode] >>`, stream }
	];
	const body = rawPdf(objects);
	// Cut the classic xref off and append a cross-reference stream that puts object 1 in object 6.
	const xrefAt = body.lastIndexOf('xref\n0 ');
	const head = body.subarray(0, xrefAt);
	const offsets = [...head.toString('latin1').matchAll(/(?:^|\n)(\d+) 0 obj\n/g)].map((m) => m.index! + (m[0].startsWith('\n') ? 1 : 0));
	const row = (type: number, a: number, b: number) => Buffer.from([type, (a >>> 24) & 255, (a >>> 16) & 255, (a >>> 8) & 255, a & 255, (b >>> 8) & 255, b & 255]);
	const rows = [row(0, 0, 65535), row(2, 6, 0), ...offsets.slice(1).map((o) => row(1, o, 0)), row(1, head.length, 0)];
	const xref = Buffer.concat(rows);
	return Buffer.concat([
		head,
		Buffer.from(`7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length ${xref.length} >>\nstream\n`, 'latin1'),
		xref,
		Buffer.from(`\nendstream\nendobj\nstartxref\n${head.length}\n%%EOF\n`, 'latin1')
	]);
}

/** The TEM form's fields with Aura's answers, `key` replaced by `value` (written by hand: pdf-lib cannot lay out 10 MB). */
async function formWith(key: string, value: string): Promise<Uint8Array> {
	const values = auraValues();
	if (!ANSWER_FIELDS.some((f) => f.key === key)) throw new Error(`no form field ${key}`);
	return rawForm(ANSWER_FIELDS.map((f) => ({ name: f.fieldName, value: f.key === key ? value : (values[f.key] ?? '') })));
}

/** About `bytes` of Finnish answer text (Aura's sentences over and over). */
function longText(bytes: number, unit: string): string {
	return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit))).slice(0, bytes);
}

export function pdfCases(bases: readonly Base[]): CaseSpec[] {
	const cases: CaseSpec[] = [];
	const [aura] = bases;
	const same = (b: Base): Expectation => ({ kind: 'programme', sameAnswersAs: b.file });

	// Truncated: a download cut off anywhere; never the end-of-file marker.
	for (const b of bases)
		for (const f of [0.02, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.9999])
			cases.push({
				cls: 'truncated',
				name: `${b.id}-${f}.pdf`,
				expect: { kind: 'error', codes: ['truncated'] },
				subset: f === 0.5 || (b === aura && f === 0.9999),
				make: write(b.bytes.subarray(0, Math.min(Math.floor(b.bytes.length * f), b.bytes.length - 7)))
			});

	// Bit flips: 1, 10 or 100 random bits in random bytes, nine seeds each.
	for (const b of bases)
		for (const n of [1, 10, 100])
			for (let seed = 0; seed < 9; seed++)
				cases.push({
					cls: 'bit-flipped',
					name: `${b.id}-${n}x-s${seed}.pdf`,
					expect: { kind: 'any' },
					subset: seed === 0 || (n === 10 && seed < 4),
					make: write(flipBytes(b.bytes, n, `${b.id}/${n}/${seed}`))
				});

	// Random bytes, bare, behind a PDF header, and between a header and an end marker.
	for (const n of [1, 16, 1000, 65536, MB]) cases.push({ cls: 'random-bytes', name: `bare-${n}.pdf`, expect: { kind: 'error', codes: ['not-pdf'] }, subset: n === 1000, make: write(randomBytes(n, `bare-${n}`)) });
	for (const n of [1000, 65536, MB])
		cases.push({ cls: 'random-bytes', name: `header-${n}.pdf`, expect: { kind: 'error', codes: ['truncated'] }, make: write(Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(n, `header-${n}`)])) });
	for (const n of [1000, 65536, MB, 5 * MB])
		cases.push({
			cls: 'random-bytes',
			name: `framed-${n}.pdf`,
			expect: { kind: 'error', codes: ['unreadable', 'no-form-fields'] },
			subset: n === 65536,
			make: write(Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(n, `framed-${n}`), Buffer.from('\n%%EOF\n')]))
		});

	// Encrypted with qpdf: with a user password (unreadable without it), and owner-only (readable).
	const encrypted: [string, Base, string[], boolean][] = [
		['aes256', aura, ['--encrypt', 'secret', 'owner', '256'], true],
		['aes128', aura, ['--encrypt', 'secret', 'owner', '128', '--use-aes=y'], false],
		['rc4-128', aura, ['--allow-weak-crypto', '--encrypt', 'secret', 'owner', '128', '--use-aes=n'], false],
		['rc4-40', aura, ['--allow-weak-crypto', '--encrypt', 'secret', 'owner', '40'], false],
		['aes256-text', bases[1], ['--encrypt', 'secret', 'owner', '256'], false]
	];
	const random = 'qpdf draws AES-256 keys at random';
	for (const [name, b, args, subset] of encrypted)
		cases.push({
			cls: 'encrypted',
			name: `${name}-${b.id}.pdf`,
			expect: { kind: 'error', codes: ['encrypted'] },
			subset,
			varies: args.includes('256') ? random : undefined,
			make: (p) => writeFileSync(p, qpdf(b.bytes, args))
		});
	cases.push({ cls: 'encrypted', name: `owner-only-${aura.id}.pdf`, expect: same(aura), subset: true, varies: random, make: (p) => writeFileSync(p, qpdf(aura.bytes, ['--encrypt', '', 'owner', '256'])) });

	pushBombs(cases);
	pushLoops(cases);

	// Huge field values (10 MB) in the form's fields and on a page: pdf.js alone needs ~15 s and
	// ~0.8 GB to read one, so a limit may stop it; anything else would be wrong.
	const costly: Expectation = { kind: 'programme-or-limit' };
	const sentence = 'Alkukartoitus tehdään ukrainaksi, arabiaksi ja venäjäksi; ohjaus järjestetään yhdessä TE-palvelujen kanssa. ';
	const fields: [string, string, () => Promise<Uint8Array>, Expectation, boolean][] = [
		['languages-10mb', 's3.a2', () => formWith('s3.a2', longText(10 * MB, sentence)), costly, false],
		['one-word-10mb', 's1.a', () => formWith('s1.a', 'a'.repeat(10 * MB)), costly, true],
		['newlines-10mb', 's2.a', () => formWith('s2.a', '\n'.repeat(10 * MB)), costly, false],
		['municipalities-10mb', 'header.municipalities', () => formWith('header.municipalities', longText(10 * MB, 'Aura, Turku ja ')), costly, false],
		['commas-10mb', 's4.a1', () => formWith('s4.a1', longText(10 * MB, 'ja, ')), costly, false]
	];
	for (const [name, , make, expect, subset] of fields) cases.push({ cls: 'huge-field', name: `${name}.pdf`, expect, subset, make: async (p) => writeFileSync(p, await make()) });
	cases.push({
		cls: 'huge-field',
		name: 'page-text-10mb.pdf',
		expect: { kind: 'any' },
		make: write(onePage({ dict: '<< /Filter /FlateDecode >>', stream: deflate(Buffer.from(`BT /F1 11 Tf 60 780 Td (${longText(10 * MB, 'Kotoutumisohjelma ')}) Tj ET`, 'latin1')) }))
	});

	// Huge page trees.
	const pageObj = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>';
	const text = { dict: '<<>>', stream: textContent(['Kotoutumisohjelma', 'Auran kunta']) };
	const repeated = (n: number) => rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${'3 0 R '.repeat(n)}] /Count ${n} >>`, pageObj, text, HELVETICA]);
	cases.push({ cls: 'huge-page-tree', name: 'one-page-100000-times.pdf', expect: { kind: 'error', codes: ['limit-pages'] }, subset: true, make: write(repeated(100_000)) });
	cases.push({ cls: 'huge-page-tree', name: 'one-page-2000-times.pdf', expect: { kind: 'any' }, make: write(repeated(2000)) });
	cases.push({
		cls: 'huge-page-tree',
		name: 'binary-tree-131072.pdf',
		expect: { kind: 'error', codes: ['limit-pages'] },
		// Node 2+i has kids [3+i 3+i]: each level doubles; 17 levels → 131072 pages from 20 objects.
		make: write(
			rawPdf([
				'<< /Type /Catalog /Pages 6 0 R >>',
				'null',
				'<< /Type /Page /Parent 6 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
				text,
				HELVETICA,
				...Array.from({ length: 17 }, (_, i) => `<< /Type /Pages /Kids [${i === 16 ? '3 0 R 3 0 R' : `${7 + i} 0 R ${7 + i} 0 R`}] /Count ${2 ** (17 - i)} >>`)
			])
		)
	});
	cases.push({ cls: 'huge-page-tree', name: 'count-lies-100000.pdf', expect: { kind: 'any' }, make: write(rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 100000 >>', pageObj, text, HELVETICA])) });
	cases.push({
		cls: 'huge-page-tree',
		name: 'deep-chain-5000.pdf',
		expect: { kind: 'any' },
		// Pages nodes nested 5000 deep, one page at the bottom.
		make: write(
			rawPdf([
				'<< /Type /Catalog /Pages 6 0 R >>',
				'null',
				'<< /Type /Page /Parent 5005 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
				text,
				HELVETICA,
				...Array.from({ length: 5000 }, (_, i) => `<< /Type /Pages /Kids [${i === 4999 ? 3 : 7 + i} 0 R] /Count 1 >>`)
			])
		)
	});

	// JavaScript: the programme is read; nothing runs.
	const js = (code: string) => (doc: PDFDocument) => doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of(code) }));
	cases.push({ cls: 'javascript', name: 'open-action-loop.pdf', expect: same(aura), subset: true, make: async (p) => writeFileSync(p, await resaved(aura.bytes, js('while (true) {}'))) });
	cases.push({ cls: 'javascript', name: 'open-action-alert.pdf', expect: same(aura), make: async (p) => writeFileSync(p, await resaved(aura.bytes, js('app.alert("hei"); this.exportDataObject({cName: "x", nLaunch: 2});'))) });
	cases.push({
		cls: 'javascript',
		name: 'names-tree.pdf',
		expect: same(aura),
		make: async (p) =>
			writeFileSync(
				p,
				await resaved(aura.bytes, (doc) => {
					const action = doc.context.obj({ S: 'JavaScript', JS: PDFString.of('for (;;) { app.beep(0); }') });
					doc.catalog.set(PDFName.of('Names'), doc.context.obj({ JavaScript: doc.context.obj({ Names: [PDFString.of('a'), action] }) }));
				})
			)
	});
	cases.push({
		cls: 'javascript',
		name: 'field-actions.pdf',
		expect: same(aura),
		make: async (p) =>
			writeFileSync(
				p,
				await resaved(aura.bytes, (doc) => {
					const fields = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
					for (let i = 0; i < fields.size(); i++) {
						const f = fields.lookup(i, PDFDict);
						f.set(PDFName.of('AA'), doc.context.obj({ K: { S: 'JavaScript', JS: PDFString.of('event.value = "x"; while(1){}') } }));
					}
				})
			)
	});

	// XFA: a dynamic form whose content is only in the XFA stream.
	const xdp = Buffer.from(
		'<?xml version="1.0"?><xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template xmlns="http://www.xfa.org/schema/xfa-template/3.3/"><subform name="form1"><field name="Kunta"/></subform></template>' +
			'<xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/"><xfa:data><form1><Kunta>Aura</Kunta></form1></xfa:data></xfa:datasets></xdp:xdp>'
	);
	const pleaseWait = [
		'Please wait...',
		'If this message is not eventually replaced by the proper contents of the document, your PDF',
		'viewer may not be able to display this type of document.'
	];
	const xfaOnly = (lines: string[]) =>
		onePage({ dict: '<<>>', stream: textContent(lines) }, ['<< /Fields [] /XFA 7 0 R >>', { dict: '<<>>', stream: xdp }], { catalog: '/AcroForm 6 0 R /NeedsRendering true' });
	cases.push({ cls: 'xfa', name: 'xfa-only-please-wait.pdf', expect: { kind: 'error', codes: ['xfa-only'], reason: /XFA/ }, subset: true, make: write(xfaOnly(pleaseWait)) });
	cases.push({ cls: 'xfa', name: 'xfa-only-blank.pdf', expect: { kind: 'error', codes: ['xfa-only'], reason: /XFA/ }, make: write(xfaOnly([])) });
	cases.push({
		cls: 'xfa',
		name: 'xfa-with-form-fields.pdf',
		expect: same(aura),
		subset: true,
		make: async (p) =>
			writeFileSync(
				p,
				await resaved(aura.bytes, (doc) => {
					doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).set(PDFName.of('XFA'), doc.context.register(doc.context.stream(xdp)));
				})
			)
	});

	// NUL padding after a valid PDF (disk images, some upload tools): read, not "truncated".
	const pads: [Base, string, Buffer, boolean][] = [
		[aura, 'nul-2k', Buffer.alloc(2048), true],
		[aura, 'nul-1mb', Buffer.alloc(MB), false],
		[bases[1], 'nul-64k', Buffer.alloc(65536), true],
		[bases[2], 'whitespace-10k', Buffer.from(' \r\n\t'.repeat(2560)), false],
		[aura, 'nul-then-text-4k', Buffer.concat([Buffer.alloc(4096), Buffer.from('garbage after the end\n')]), false]
	];
	for (const [b, name, pad, subset] of pads)
		cases.push({
			cls: 'nul-padding',
			name: `${b.id}-${name}.pdf`,
			// Text after the padding is not padding: that file may be called damaged, but must get a verdict.
			expect: name.includes('text') ? { kind: 'any' } : same(b),
			subset,
			make: write(Buffer.concat([b.bytes, pad]))
		});

	pushMisc(cases, aura);
	return cases;
}

function pushBombs(cases: CaseSpec[]): void {
	const page = onePage;
	const plain = { dict: '<<>>', stream: textContent(['Kotoutumisohjelma']) };
	cases.push({
		cls: 'deflate-bomb',
		name: 'single-1.5gb-content.pdf',
		expect: limitHit,
		make: async (p) => writeFileSync(p, page({ dict: '<< /Filter /FlateDecode >>', stream: await deflatedZeros(1.5 * GB) }))
	});
	cases.push({
		cls: 'deflate-bomb',
		name: 'double-2gb-content.pdf',
		expect: limitHit,
		subset: true,
		make: async (p) => writeFileSync(p, page({ dict: '<< /Filter [/FlateDecode /FlateDecode] >>', stream: deflate(await deflatedZeros(2 * GB)) }))
	});
	cases.push({
		cls: 'deflate-bomb',
		name: 'triple-2gb-content.pdf',
		expect: limitHit,
		make: async (p) => writeFileSync(p, page({ dict: '<< /Filter [/FlateDecode /FlateDecode /FlateDecode] >>', stream: deflate(deflate(await deflatedZeros(2 * GB))) }))
	});
	cases.push({
		cls: 'deflate-bomb',
		name: 'image-30000x30000.pdf',
		// pdf.js and pdftoppm may decode it in strips, within the limits: a scan OCR finds no words in is fine.
		expect: { kind: 'programme-or-limit' },
		subset: true,
		make: async (p) =>
			writeFileSync(
				p,
				page({ dict: '<<>>', stream: Buffer.from('q 595 0 0 842 0 0 cm /Im1 Do Q') }, [
					{ dict: '<< /Type /XObject /Subtype /Image /Width 30000 /Height 30000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter [/FlateDecode /FlateDecode] >>', stream: deflate(await deflatedZeros(900 * MB)) }
				], { resources: '<< /XObject << /Im1 6 0 R >> >>' })
			)
	});
	cases.push({
		cls: 'deflate-bomb',
		name: 'metadata-2gb.pdf',
		expect: limitHit,
		make: async (p) =>
			writeFileSync(p, page(plain, [{ dict: '<< /Type /Metadata /Subtype /XML /Filter [/FlateDecode /FlateDecode] >>', stream: deflate(await deflatedZeros(2 * GB, 0x20)) }], { catalog: '/Metadata 6 0 R' }))
	});
	cases.push({
		cls: 'deflate-bomb',
		name: 'font-file-2gb.pdf',
		expect: limitHit,
		make: async (p) =>
			writeFileSync(
				p,
				rawPdf([
					'<< /Type /Catalog /Pages 2 0 R >>',
					'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
					'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
					plain,
					'<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 126 /Widths [] /FontDescriptor 6 0 R >>',
					'<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>',
					{ dict: '<< /Filter [/FlateDecode /FlateDecode] >>', stream: deflate(await deflatedZeros(2 * GB)) }
				])
			)
	});
	cases.push({
		cls: 'deflate-bomb',
		name: 'field-appearance-2gb.pdf',
		expect: { kind: 'any' },
		make: async (p) =>
			writeFileSync(
				p,
				page(plain, ['<< /Fields [7 0 R] >>', '<< /FT /Tx /T (Kunta tai kunnat:) /V (Aura) /Type /Annot /Subtype /Widget /Rect [60 700 400 720] /P 3 0 R /AP << /N 8 0 R >> >>', {
					dict: '<< /Type /XObject /Subtype /Form /BBox [0 0 340 20] /Filter [/FlateDecode /FlateDecode] >>',
					stream: deflate(await deflatedZeros(2 * GB, 0x20))
				}], { catalog: '/AcroForm 6 0 R', page: '/Annots [7 0 R]' })
			)
	});
	cases.push({
		cls: 'deflate-bomb',
		name: 'object-stream-2gb.pdf',
		expect: limitHit,
		make: async (p) => writeFileSync(p, await objectStreamBomb())
	});
	cases.push({
		cls: 'deflate-bomb',
		name: 'predictor-columns.pdf',
		expect: { kind: 'any' },
		make: write(page({ dict: '<< /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 200000000 /Colors 4 /BitsPerComponent 16 >> >>', stream: deflate(Buffer.alloc(4096, 2)) }))
	});
}

function pushLoops(cases: CaseSpec[]): void {
	const any: Expectation = { kind: 'any' };
	const content = { dict: '<<>>', stream: textContent(['Kotoutumisohjelma']) };
	const pageWith = (extra: string, resources = '<< /Font << /F1 5 0 R >> >>') => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents 4 0 R ${extra}>>`;
	const loops: [string, RawObject[], boolean, string?][] = [
		['pages-kid-of-itself', ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>', pageWith(''), content, HELVETICA], true],
		['page-parent-of-itself', ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 3 0 R /Contents 4 0 R >>', content, HELVETICA], false],
		['pages-pair', ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [6 0 R] /Count 1 >>', pageWith(''), content, HELVETICA, '<< /Type /Pages /Kids [2 0 R] /Count 1 >>'], true],
		['reference-chain', ['6 0 R', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', pageWith(''), content, HELVETICA, '1 0 R'], false],
		['length-of-itself', ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', pageWith(''), '<< /Length 4 0 R >>\nstream\nBT /F1 11 Tf 60 780 Td (Kotoutumisohjelma) Tj ET\nendstream', HELVETICA], false],
		['outline-loop', ['<< /Type /Catalog /Pages 2 0 R /Outlines 6 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', pageWith(''), content, HELVETICA, '<< /First 7 0 R /Last 7 0 R /Count 1 >>', '<< /Title (a) /Parent 6 0 R /Next 7 0 R /First 7 0 R /Dest [3 0 R /Fit] >>'], false],
		['field-kid-of-itself', ['<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] >> >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', pageWith(''), content, HELVETICA, '<< /FT /Tx /T (Kunta tai kunnat:) /Kids [6 0 R] >>'], true],
		['field-parent-loop', ['<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] >> >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', pageWith('/Annots [6 0 R]'), content, HELVETICA, '<< /FT /Tx /T (a) /V (Aura) /Parent 7 0 R /Subtype /Widget /Rect [0 0 1 1] >>', '<< /T (b) /Parent 6 0 R /Kids [6 0 R] >>'], false],
		['form-xobject-draws-itself', ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', pageWith('', '<< /XObject << /X 6 0 R >> /Font << /F1 5 0 R >> >>'), { dict: '<<>>', stream: Buffer.from('BT /F1 11 Tf 60 780 Td (Kotoutumisohjelma) Tj ET /X Do') }, HELVETICA, { dict: '<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X 6 0 R >> >> >>', stream: Buffer.from('/X Do') }], true],
		['resources-loop', ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources 6 0 R >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>', content, HELVETICA, '<< /Font << /F1 5 0 R >> /Parent 6 0 R /XObject 6 0 R >>'], false]
	];
	for (const [name, objects, subset] of loops) cases.push({ cls: 'reference-loop', name: `${name}.pdf`, expect: any, subset, make: write(rawPdf(objects)) });
	// A cross-reference section whose /Prev points at itself.
	cases.push({
		cls: 'reference-loop',
		name: 'xref-prev-itself.pdf',
		expect: any,
		make: (p) => {
			const b = rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', pageWith(''), content, HELVETICA]);
			const at = b.lastIndexOf('xref\n0 ');
			writeFileSync(p, Buffer.from(b.toString('latin1').replace('/Root 1 0 R', `/Root 1 0 R /Prev ${at}`), 'latin1'));
		}
	});
}

function pushMisc(cases: CaseSpec[], aura: Base): void {
	cases.push({ cls: 'misc', name: 'empty.pdf', expect: { kind: 'error', codes: ['empty'] }, subset: true, make: write(Buffer.alloc(0)) });
	cases.push({ cls: 'misc', name: 'one-byte.pdf', expect: { kind: 'error', codes: ['not-pdf'] }, make: write(Buffer.from('%')) });
	cases.push({
		cls: 'misc',
		name: '2001-pages.pdf',
		expect: { kind: 'error', codes: ['limit-pages'] },
		make: write(
			rawPdf([
				'<< /Type /Catalog /Pages 2 0 R >>',
				`<< /Type /Pages /Kids [${Array.from({ length: 2001 }, (_, i) => `${6 + i} 0 R`).join(' ')}] /Count 2001 >>`,
				'null',
				{ dict: '<<>>', stream: textContent(['Kotoutumisohjelma']) },
				HELVETICA,
				...Array.from({ length: 2001 }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>')
			])
		)
	});
	cases.push({
		cls: 'misc',
		name: 'scan-200-inch-page.pdf',
		expect: { kind: 'any' },
		// An image-only page 200 inches square: rendering it for OCR at 200 dpi is a 40000² image.
		make: write(
			onePage({ dict: '<<>>', stream: Buffer.from('q 14400 0 0 14400 0 0 cm /Im1 Do Q') }, [{ dict: '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 >>', stream: Buffer.from([0, 255, 255, 0]) }], {
				mediaBox: '[0 0 14400 14400]',
				resources: '<< /XObject << /Im1 6 0 R >> >>'
			})
		)
	});
	cases.push({
		cls: 'misc',
		name: 'nested-arrays-100000.pdf',
		expect: { kind: 'any' },
		make: write(onePage({ dict: '<<>>', stream: textContent(['Kotoutumisohjelma']) }, [`${'['.repeat(100_000)}${']'.repeat(100_000)}`], { catalog: '/Deep 6 0 R' }))
	});
	cases.push({
		cls: 'misc',
		name: 'xref-size-50-million.pdf',
		expect: { kind: 'any' },
		make: (p) => writeFileSync(p, Buffer.from(onePage({ dict: '<<>>', stream: textContent(['Kotoutumisohjelma']) }).toString('latin1').replace(/\/Size \d+/, '/Size 50000000'), 'latin1'))
	});
	cases.push({
		cls: 'misc',
		name: 'name-token-10mb.pdf',
		expect: { kind: 'any' },
		make: write(onePage({ dict: '<<>>', stream: textContent(['Kotoutumisohjelma']) }, [`<< /${'A'.repeat(10 * MB)} 1 >>`], { catalog: '/Big 6 0 R' }))
	});
	cases.push({ cls: 'misc', name: 'junk-before-header.pdf', expect: { kind: 'any' }, make: write(Buffer.concat([Buffer.from('X'.repeat(500) + '\n'), aura.bytes])) });
	cases.push({
		cls: 'huge-field',
		name: 'metadata-title-10mb.pdf',
		expect: { kind: 'programme-or-limit' },
		make: write(appendUpdate(aura.bytes, [Buffer.concat([Buffer.from('<< /Title '), pdfString('Kotoutumisohjelma '.repeat(600_000)), Buffer.from(' >>')])], '/Info {n} 0 R'))
	});
}

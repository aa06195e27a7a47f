/**
 * PDF bytes → Programme. Isomorphic: the caller passes the pdf.js module (Node:
 * `pdfjs-dist/legacy/build/pdf.mjs`, the browser its own build) and, in Node, the directory of
 * pdf.js's standard fonts; this module does no file or network I/O of its own.
 *
 * A fillable form is read from its fields (exact values, page and rectangle of each field).
 * A PDF without fields is read from its text layer (flattened copies of the form, the
 * municipality's own template following the form's list); pages without text that paint an
 * image are scanned pages, read by the injected OCR (`deps.ocr`) into the same kind of text
 * items, page by page, so a mixed document is read as one.
 * Input that cannot be read raises ProgrammeReadError with a code and a reason a person can
 * act on.
 */
import { FIELD_BY_KEY, ALL_FIELDS, ANSWER_FIELDS, TEMPLATE_ID, TEMPLATE_LABEL } from './form-tem-2024';
import { mapFieldNames } from './field-map';
import { sha256Hex } from './hash';
import { normaliseLabel } from './labels';
import { OCR_INSTALL_HINT, OcrError, ocrPageStats, ocrTextPage, type OcrFn, type OcrSummary } from './ocr';
import { readTextLayer, type TextPage } from './text-layer';
import { leadTextOf } from './lead';
import {
	ProgrammeReadError,
	type Answer,
	type DocumentMetadata,
	type Programme,
	type ProgrammeWarning,
	type Provenance,
	type UnmappedField
} from './types';

/** Marks a synthetic (generated demo) document in the PDF's keywords. */
export const SYNTHETIC_KEYWORD = 'kotokartta:synthetic';

/** The part of the pdf.js API this module uses (structural, so either pdf.js build fits). */
export interface PdfjsModule {
	getDocument(src: {
		data: Uint8Array;
		standardFontDataUrl?: string;
		verbosity?: number;
		isEvalSupported?: boolean;
		useSystemFonts?: boolean;
		disableFontFace?: boolean;
	}): { promise: Promise<PdfjsDocument>; destroy(): Promise<void> };
	OPS?: Record<string, number>;
}

interface PdfjsDocument {
	numPages: number;
	getMetadata(): Promise<{ info: object }>;
	getFieldObjects(): Promise<{ [name: string]: object[] } | null>;
	getPage(pageNumber: number): Promise<PdfjsPage>;
}

interface PdfjsPage {
	view: number[];
	getTextContent(): Promise<{ items: object[] }>;
	getOperatorList(): Promise<{ fnArray: number[] }>;
	cleanup(): unknown;
}

export interface ExtractDeps {
	pdfjs: PdfjsModule;
	/** pdf.js standard font data (Node: the package's `standard_fonts/` directory, with a trailing slash). */
	standardFontDataUrl?: string;
	/** OCR for pages that are images only (Node: ingest/ocr.ts); without it scans yield no answers. */
	ocr?: OcrFn;
	/** At most this many pages of one document are read by OCR (default: all). */
	ocrMaxPages?: number;
	/**
	 * Which pages paint an image, listed without decoding them (Node: poppler's `pdfimages -list`);
	 * null when it cannot tell. Without it, pdf.js's operator list tells, which decodes every image.
	 */
	imagePages?: (bytes: Uint8Array) => Promise<ReadonlySet<number> | null>;
}

export async function extractProgramme(bytes: Uint8Array, deps: ExtractDeps): Promise<Programme> {
	checkEnvelope(bytes);
	const id = await sha256Hex(bytes);
	// pdf.js may transfer (detach) the buffer it is given: hand it a copy.
	const task = deps.pdfjs.getDocument({
		data: bytes.slice(),
		standardFontDataUrl: deps.standardFontDataUrl,
		verbosity: 0,
		isEvalSupported: false,
		useSystemFonts: false,
		disableFontFace: true
	});
	try {
		let pdf: PdfjsDocument;
		try {
			pdf = await task.promise;
		} catch (e) {
			throw loadError(e);
		}
		try {
			return await readDocument(id, bytes, pdf, deps);
		} catch (e) {
			if (e instanceof ProgrammeReadError) throw e;
			throw new ProgrammeReadError(`The PDF opened but could not be read (${message(e)}); the file may be damaged.`, 'unreadable');
		}
	} finally {
		await task.destroy().catch(() => undefined);
	}
}

/** Checks that need no parser: empty, not a PDF at all, cut off before its end. */
function checkEnvelope(bytes: Uint8Array): void {
	if (bytes.length === 0) throw new ProgrammeReadError('The file is empty (0 bytes); copy or download it again.', 'empty');
	const head = latin1(bytes.subarray(0, 1024));
	if (!head.includes('%PDF-')) {
		const kind = sniff(bytes);
		throw new ProgrammeReadError(
			`The file is not a PDF${kind ? ` (it looks like ${kind})` : ''}: it has no PDF header. Save or export the document as PDF.`,
			'not-pdf'
		);
	}
	// A complete PDF ends with %%EOF (within the last 1 KiB, as readers allow trailing bytes).
	// NUL and white-space padding after it (disk images, some upload tools) is not content: skip it.
	let end = bytes.length;
	while (end > 0 && PADDING.has(bytes[end - 1])) end--;
	const tail = latin1(bytes.subarray(Math.max(0, end - 1024), end));
	if (!tail.includes('%%EOF')) {
		throw new ProgrammeReadError(
			`The PDF is truncated: it has no end-of-file marker (%%EOF), so it was cut off (${bytes.length} bytes); download or copy it again.`,
			'truncated'
		);
	}
}

/** NUL and PDF white space. */
const PADDING = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);

function latin1(bytes: Uint8Array): string {
	let s = '';
	for (const b of bytes) s += String.fromCharCode(b);
	return s;
}

/** What a non-PDF file probably is, to make the reason actionable. */
function sniff(bytes: Uint8Array): string | null {
	const head = latin1(bytes.subarray(0, 512));
	if (head.startsWith('PK\u0003\u0004')) return 'a ZIP archive or an Office document (.docx/.xlsx/.odt)';
	if (head.startsWith('\u00d0\u00cf\u0011\u00e0')) return 'an old Office document (.doc/.xls)';
	if (head.startsWith('\u0089PNG')) return 'a PNG image';
	if (head.startsWith('\u00ff\u00d8\u00ff')) return 'a JPEG image';
	if (head.startsWith('II*\u0000') || head.startsWith('MM\u0000*')) return 'a TIFF image';
	if (head.startsWith('{\\rtf')) return 'an RTF document';
	if (/^\s*<(!doctype html|html)/i.test(head)) return 'an HTML page (a download may have returned a web page)';
	if (/^\s*</.test(head)) return 'an XML or HTML file';
	if (!/[\u0000-\u0008\u000e-\u001f]/.test(head)) return 'a text file';
	return null;
}

function loadError(e: unknown): ProgrammeReadError {
	const name = (e as { name?: string } | null)?.name;
	if (name === 'PasswordException') {
		return new ProgrammeReadError(
			'The PDF is encrypted with a password, so it cannot be read; ask for a copy without a password (or remove it, e.g. `qpdf --decrypt --password=… in.pdf out.pdf`).',
			'encrypted'
		);
	}
	if (name === 'InvalidPDFException') {
		return new ProgrammeReadError(`The PDF's structure is broken (${message(e)}); the file may be damaged, get a fresh copy.`, 'unreadable');
	}
	return new ProgrammeReadError(`The PDF could not be opened (${message(e)}); the file may be damaged.`, 'unreadable');
}

function message(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

async function readDocument(id: string, bytes: Uint8Array, pdf: PdfjsDocument, deps: ExtractDeps): Promise<Programme> {
	const metadata = await readMetadata(pdf);
	const base = {
		id,
		pageCount: pdf.numPages,
		metadata,
		isSynthetic: (metadata.keywords ?? '').includes(SYNTHETIC_KEYWORD)
	};
	const fields = await readFields(pdf);
	if (fields.length > 0) {
		const mapping = mapFieldNames(fields.map((f) => f.name));
		if (mapping.looksLikeForm) return { ...base, ...fromFields(fields, mapping.assignments) };
		// Fields that are not this form's; the pages may still be a programme (e.g. a stray field in an own template).
		const fromText = readTextLayer(await readPageTexts(pdf));
		if (fromText.kind === 'programme') {
			fromText.warnings.unshift({
				code: 'foreign-fields',
				message: `The PDF has ${fields.length} form field(s) that are not the TEM form's (e.g. ${examples(fields)}); the programme was read from the page text instead.`
			});
			return { ...base, ...programmeFromText(fromText) };
		}
		throw new ProgrammeReadError(
			`The PDF has ${fields.length} form field(s), but they are not the integration programme form (${TEMPLATE_LABEL}): ` +
				`${mapping.confident === 0 ? 'none' : `only ${mapping.confident}`} match its field labels (found e.g. ${examples(fields)}).`,
			'foreign-form'
		);
	}
	const pages = await readPageTexts(pdf);
	const ocr = await ocrImagePages(bytes, pdf, pages, deps);
	const fromText = readTextLayer(pages);
	if (fromText.kind === 'programme') return { ...base, leadText: leadTextOf(pages), ...programmeFromText(fromText, ocr, pdf.numPages) };
	if (ocr.imagePages.length > 0) {
		const why = ocr.summary
			? `scanned PDF: OCR read ${ocr.summary.pages.length} page(s) (mean confidence ${ocr.summary.meanConfidence.toFixed(2)}), but the text does not follow the form's list of sections 1–7 (${fromText.kind === 'not-programme' ? fromText.reason : 'no words recognised'})`
			: `scanned PDF: no text layer; ${ocr.note}`;
		return {
			...base,
			inputKind: 'scan',
			template: null,
			answers: [],
			unmapped: [],
			warnings: [{ code: 'scan', message: why }, ...ocrWarnings(ocr.summary)],
			...(ocr.summary ? { ocr: ocr.summary } : {})
		};
	}
	if (await hasXfa(pdf)) {
		throw new ProgrammeReadError(
			'The PDF is an XFA form (a dynamic Adobe LiveCycle/AEM form): its content is in XFA data, which the ingest does not read, and its pages hold no programme text. ' +
				'Open it in Adobe Acrobat Reader and print it to PDF, or fill the ministry’s form instead.',
			'xfa-only'
		);
	}
	if (fromText.kind === 'no-text') throw new ProgrammeReadError('The PDF has no form fields and no text (its pages are blank).', 'no-form-fields');
	throw new ProgrammeReadError(
		`The PDF has no form fields, and its text does not follow the form's list of sections 1–7 (${fromText.reason}); it is probably not an integration programme.`,
		'no-form-fields'
	);
}

interface OcrRun {
	/** Pages without text that paint an image. */
	imagePages: number[];
	summary: OcrSummary | null;
	/** Why nothing was read by OCR, when so. */
	note: string | null;
}

/** OCR of the pages that have no text but an image; their text items replace the empty ones in `pages`. */
async function ocrImagePages(bytes: Uint8Array, pdf: PdfjsDocument, pages: TextPage[], deps: ExtractDeps): Promise<OcrRun> {
	const imagePages: number[] = [];
	const textless = pages.filter((p) => !p.items.some((i) => i.str.trim() !== '')).map((p) => p.page);
	// Only worth asking when OCR would read them.
	const listed = textless.length > 0 && deps.ocr && deps.imagePages ? await deps.imagePages(bytes) : null;
	for (const page of textless) {
		if (listed ? listed.has(page) : await pageHasImages(pdf, page, deps)) imagePages.push(page);
	}
	if (imagePages.length === 0) return { imagePages, summary: null, note: null };
	if (!deps.ocr) return { imagePages, summary: null, note: 'OCR is not available here (the ingest reads scans with tesseract)' };
	const cap = deps.ocrMaxPages ?? Infinity;
	const summary: OcrSummary = {
		pages: [],
		meanConfidence: 0,
		skipped: imagePages.slice(cap).map((page) => ({ page, reason: `over the OCR page cap of ${cap} pages` }))
	};
	let outcomes;
	try {
		outcomes = await deps.ocr(bytes, imagePages.slice(0, cap));
	} catch (e) {
		const why = e instanceof OcrError && e.code === 'unavailable' ? e.message : `${message(e)}; ${OCR_INSTALL_HINT}`;
		return { imagePages, summary: null, note: `OCR is not available: ${why}` };
	}
	let words = 0;
	let sum = 0;
	for (const o of outcomes) {
		if ('error' in o) {
			summary.skipped.push({ page: o.page, reason: o.error.message });
			continue;
		}
		const at = pages[o.page - 1];
		pages[o.page - 1] = ocrTextPage(o.page, o.image, at.width, at.height);
		const stats = ocrPageStats(o.image);
		summary.pages.push({ page: o.page, ...stats, seconds: Math.round(o.image.seconds * 100) / 100 });
		words += stats.words;
		sum += stats.confidence * stats.words;
	}
	summary.skipped.sort((a, b) => a.page - b.page);
	summary.meanConfidence = words === 0 ? 0 : Math.round((sum / words) * 1000) / 1000;
	return { imagePages, summary: summary.pages.length > 0 || summary.skipped.length > 0 ? summary : null, note: null };
}

function ocrWarnings(summary: OcrSummary | null): ProgrammeWarning[] {
	if (!summary) return [];
	const out: ProgrammeWarning[] = [];
	if (summary.pages.length > 0) {
		out.push({
			code: 'ocr',
			message: `Read by OCR: ${summary.pages.length} page(s) (${summary.pages.map((p) => p.page).join(', ')}), mean confidence ${summary.meanConfidence.toFixed(2)}; check the text against the PDF.`
		});
	}
	if (summary.skipped.length > 0) {
		out.push({
			code: 'ocr-pages-skipped',
			message: `${summary.skipped.length} scanned page(s) were not read by OCR: ${summary.skipped.map((s) => `page ${s.page} (${s.reason})`).join('; ')}.`
		});
	}
	return out;
}

function examples(fields: readonly { name: string }[]): string {
	return fields
		.slice(0, 3)
		.map((f) => `"${normaliseLabel(f.name).slice(0, 60)}"`)
		.join(', ');
}

/** Does the document carry an XFA form (pdf.js reports it in the metadata's info)? */
async function hasXfa(pdf: PdfjsDocument): Promise<boolean> {
	const { info } = await pdf.getMetadata();
	return (info as Record<string, unknown>).IsXFAPresent === true;
}

async function readMetadata(pdf: PdfjsDocument): Promise<DocumentMetadata> {
	const { info } = await pdf.getMetadata();
	const get = (k: string): string | null => {
		const v = (info as Record<string, unknown>)[k];
		if (typeof v === 'string') return v.trim() === '' ? null : v;
		if (Array.isArray(v)) return v.join(' ');
		return null;
	};
	return {
		title: get('Title'),
		author: get('Author'),
		subject: get('Subject'),
		keywords: get('Keywords'),
		creator: get('Creator'),
		producer: get('Producer')
	};
}

interface DocumentField {
	name: string;
	value: string;
	page: number | null;
	rect: [number, number, number, number] | null;
}

interface FieldObject {
	value?: unknown;
	type?: string;
	page?: number;
	rect?: number[];
}

/** The document's fields with a value, in reading order (page, top to bottom, left to right). */
async function readFields(pdf: PdfjsDocument): Promise<DocumentField[]> {
	const objects = await pdf.getFieldObjects();
	if (!objects) return [];
	const fields: DocumentField[] = [];
	for (const [name, entries] of Object.entries(objects)) {
		// Parents (and buttons, signatures) carry no value: drop them.
		const widgets = (entries as FieldObject[]).filter(
			(e) => e && 'value' in e && e.type !== 'button' && e.type !== 'signature'
		);
		if (widgets.length === 0) continue;
		const w = widgets.find((x) => typeof x.page === 'number' && x.page >= 0) ?? widgets[0];
		const rect = Array.isArray(w.rect) && w.rect.length === 4 ? (w.rect.map(Number) as [number, number, number, number]) : null;
		fields.push({
			name,
			value: fieldText(w.value),
			page: typeof w.page === 'number' && w.page >= 0 ? w.page + 1 : null,
			rect
		});
	}
	const at = new Map(fields.map((f, i) => [f, i]));
	return fields.sort(
		(a, b) =>
			(a.page ?? Infinity) - (b.page ?? Infinity) ||
			(b.rect?.[3] ?? 0) - (a.rect?.[3] ?? 0) ||
			(a.rect?.[0] ?? 0) - (b.rect?.[0] ?? 0) ||
			at.get(a)! - at.get(b)!
	);
}

function fieldText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (Array.isArray(value)) return value.map(fieldText).join('\n');
	return String(value).replace(/\r\n?/g, '\n');
}

/** Values kept exactly; only line endings are unified. */
export function answerStatus(text: string): Answer['status'] {
	return text.trim() === '' ? 'empty' : 'filled';
}

const ORDER = new Map(ALL_FIELDS.map((f, i) => [f.key, i]));

function fromFields(
	fields: readonly DocumentField[],
	assignments: ReturnType<typeof mapFieldNames>['assignments']
): Pick<Programme, 'inputKind' | 'template' | 'answers' | 'unmapped' | 'warnings'> {
	const answers: Answer[] = [];
	const unmapped: UnmappedField[] = [];
	const warnings: ProgrammeWarning[] = [];
	fields.forEach((f, i) => {
		const a = assignments[i];
		const source: Provenance = { fieldName: f.name, page: f.page, rect: f.rect };
		if (a.key === null) {
			unmapped.push({ fieldName: f.name, text: f.value, source });
			warnings.push({
				code: 'unmapped-field',
				message: `Field "${normaliseLabel(f.name)}" matches no part of the form${a.note ? ` (${a.note})` : ''}; its value is kept as unmapped.`
			});
			return;
		}
		const def = FIELD_BY_KEY.get(a.key)!;
		answers.push({ key: def.key, section: def.section, part: def.part, text: f.value, status: answerStatus(f.value), source });
		if (a.method === 'position') {
			warnings.push({
				code: 'field-matched-by-position',
				message: `Field "${normaliseLabel(f.name)}" was taken as ${def.key} from its place among the ${def.key.slice(1, 2)}${def.part[0].toUpperCase()} fields (its wording matches no label).`
			});
		}
	});
	answers.sort((a, b) => ORDER.get(a.key)! - ORDER.get(b.key)!);
	const present = new Set(answers.map((a) => a.key));
	const missing = ANSWER_FIELDS.filter((f) => !present.has(f.key)).map((f) => f.key);
	if (missing.length > 0) {
		warnings.push({
			code: 'missing-field',
			message: `The form has no field for ${missing.join(', ')}; ${missing.length === 1 ? 'that part is' : 'those parts are'} reported missing.`
		});
	}
	return { inputKind: 'fillable-form', template: TEMPLATE_ID, answers, unmapped, warnings };
}

function programmeFromText(
	read: Extract<ReturnType<typeof readTextLayer>, { kind: 'programme' }>,
	ocr?: OcrRun,
	pageCount?: number
): Pick<Programme, 'inputKind' | 'template' | 'answers' | 'unmapped' | 'warnings' | 'ocr'> {
	const summary = ocr?.summary ?? null;
	if (!summary && !ocr?.note) return { inputKind: read.inputKind, template: TEMPLATE_ID, answers: read.answers, unmapped: read.unmapped, warnings: read.warnings };
	const warnings = [...read.warnings, ...ocrWarnings(summary)];
	if (ocr?.note) warnings.push({ code: 'ocr-unavailable', message: `${ocr.imagePages.length} page(s) are images only and were not read: ${ocr.note}.` });
	if (!summary) return { inputKind: read.inputKind, template: TEMPLATE_ID, answers: read.answers, unmapped: read.unmapped, warnings };
	const byOcr = new Set(summary.pages.map((p) => p.page));
	const mark = <T extends { source: Provenance }>(x: T): T => (x.source.page !== null && byOcr.has(x.source.page) ? { ...x, ocr: true } : x);
	// Mostly scanned pages: a scan (its text may still follow a flattened form or an own template).
	const inputKind = 2 * byOcr.size >= (pageCount ?? byOcr.size) ? 'scan' : read.inputKind;
	return { inputKind, template: TEMPLATE_ID, answers: read.answers.map(mark), unmapped: read.unmapped.map(mark), warnings, ocr: summary };
}

interface PdfjsTextItem {
	str?: string;
	transform?: number[];
	width?: number;
	height?: number;
	hasEOL?: boolean;
}

async function readPageTexts(pdf: PdfjsDocument): Promise<TextPage[]> {
	const pages: TextPage[] = [];
	for (let n = 1; n <= pdf.numPages; n++) {
		const page = await pdf.getPage(n);
		const content = await page.getTextContent();
		const items = [];
		for (const raw of content.items as PdfjsTextItem[]) {
			if (typeof raw.str !== 'string' || !Array.isArray(raw.transform)) continue;
			const [a, b, , , e, f] = raw.transform;
			items.push({
				str: raw.str,
				x: e,
				y: f,
				width: raw.width ?? 0,
				height: raw.height || Math.hypot(a, b) || 0,
				hasEOL: raw.hasEOL === true
			});
		}
		pages.push({ page: n, width: page.view[2] - page.view[0], height: page.view[3] - page.view[1], items });
		page.cleanup();
	}
	return pages;
}

/** Does the page paint an image? (Tells a scanned page from a blank one.) */
async function pageHasImages(pdf: PdfjsDocument, n: number, deps: ExtractDeps): Promise<boolean> {
	const ops = deps.pdfjs.OPS;
	const imageOps = new Set(
		['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat', 'paintInlineImageXObjectGroup', 'paintImageMaskXObjectGroup', 'paintImageMaskXObjectRepeat']
			.map((k) => ops?.[k])
			.filter((v): v is number => typeof v === 'number')
	);
	if (imageOps.size === 0) return true; // cannot tell: a PDF without text is most likely a scan
	const page = await pdf.getPage(n);
	const list = await page.getOperatorList();
	page.cleanup();
	return list.fnArray.some((op) => imageOps.has(op));
}

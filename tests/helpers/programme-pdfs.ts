/**
 * Test PDFs for extraction and ingest tests: the project's own form writer (renderForm,
 * renderOwnTemplate) for the form in its layouts; plain pdf-lib for fields of any name
 * (foreign forms, minimal forms); and broken files of each kind.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { parseSeedProgramme, type SeedValue } from '../../scripts/seed';
import { renderForm, renderOwnTemplate, type FormRenderOptions, type OwnTemplateOptions } from '../../tools/pdf-writer';

export const ROOT = join(import.meta.dirname, '..', '..');
/** Aura's programme in our fillable form, committed (scripts/make-fixtures.ts). */
export const AURA_FIXTURE = join(ROOT, 'data/pdfs/aura-2024-11-18.pdf');

export function formFonts() {
	return {
		regular: new Uint8Array(readFileSync(join(ROOT, 'data/fonts/DejaVuSans.ttf'))),
		bold: new Uint8Array(readFileSync(join(ROOT, 'data/fonts/DejaVuSans-Bold.ttf')))
	};
}

/** Aura's seed values by canonical key. */
export function auraValues(): Record<string, string> {
	return Object.fromEntries(auraSeed().map((s) => [s.key, s.value]));
}

/** The form as our writer prints it (fillable by default), with Aura's values unless others are given. */
export function renderTestForm(opts: Omit<FormRenderOptions, 'fonts'> = {}): Promise<Uint8Array> {
	return renderForm({ fonts: formFonts(), values: auraValues(), ...opts });
}

/** A municipality's own-template document as our writer prints it, with Aura's values unless others are given. */
export function renderTestOwnTemplate(opts: Partial<Omit<OwnTemplateOptions, 'fonts'>> = {}): Promise<Uint8Array> {
	return renderOwnTemplate({ fonts: formFonts(), values: auraValues(), language: 'fi', organisation: 'Auran kunta', ...opts });
}

export function auraSeed(): SeedValue[] {
	return parseSeedProgramme(readFileSync(join(ROOT, 'data/seeds/000_810836d28a172589.txt'), 'utf8'));
}

export interface TestField {
	name: string;
	value: string;
}

/**
 * A fillable PDF with the given fields, laid out top to bottom, `perPage` fields a page, in the
 * given order. Appearances are not regenerated (pdf-lib's standard fonts cannot draw every
 * character); the values are in the fields, which is what extraction reads.
 */
export async function fillablePdf(
	fields: readonly TestField[],
	opts: { perPage?: number; keywords?: string[]; title?: string } = {}
): Promise<Uint8Array> {
	const doc = await PDFDocument.create();
	const form = doc.getForm();
	const perPage = opts.perPage ?? 6;
	let page = doc.addPage([595, 842]);
	fields.forEach((f, i) => {
		if (i > 0 && i % perPage === 0) page = doc.addPage([595, 842]);
		const slot = i % perPage;
		const field = form.createTextField(f.name);
		field.enableMultiline();
		if (f.value !== '') field.setText(f.value);
		field.addToPage(page, { x: 60, y: 760 - slot * 120 - 100, width: 470, height: 100 });
	});
	if (opts.keywords) doc.setKeywords(opts.keywords);
	if (opts.title) doc.setTitle(opts.title);
	doc.setCreationDate(new Date('2024-11-18T00:00:00Z'));
	doc.setModificationDate(new Date('2024-11-18T00:00:00Z'));
	return doc.save({ updateFieldAppearances: false });
}

/** A PDF with a page of plain text and no fields. */
export async function textPdf(lines: readonly string[]): Promise<Uint8Array> {
	const doc = await PDFDocument.create();
	const font = await doc.embedFont(StandardFonts.Helvetica);
	const page = doc.addPage([595, 842]);
	lines.forEach((line, i) => page.drawText(line, { x: 60, y: 780 - i * 16, size: 11, font }));
	doc.setCreationDate(new Date('2024-11-18T00:00:00Z'));
	doc.setModificationDate(new Date('2024-11-18T00:00:00Z'));
	return doc.save();
}

/** A PDF whose only page is an image (a scan without OCR). */
export async function scanPdf(): Promise<Uint8Array> {
	const doc = await PDFDocument.create();
	// 1×1 grey PNG.
	const png = Uint8Array.from(
		Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgYAAAAAMAAWgmWQ0AAAAASUVORK5CYII=', 'base64')
	);
	const image = await doc.embedPng(png);
	doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
	doc.setCreationDate(new Date('2024-11-18T00:00:00Z'));
	doc.setModificationDate(new Date('2024-11-18T00:00:00Z'));
	return doc.save();
}

/** The same PDF encrypted with qpdf (user password "secret"). */
export function encryptPdf(bytes: Uint8Array): Uint8Array {
	const dir = mkdtempSync(join(tmpdir(), 'kk-enc-'));
	try {
		writeFileSync(join(dir, 'in.pdf'), bytes);
		execFileSync('qpdf', ['--encrypt', 'secret', 'owner', '256', '--', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
		return new Uint8Array(readFileSync(join(dir, 'out.pdf')));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The first `fraction` of the bytes, as a download cut off midway. */
export function truncate(bytes: Uint8Array, fraction = 0.6): Uint8Array {
	return bytes.slice(0, Math.floor(bytes.length * fraction));
}

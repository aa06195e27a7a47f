import type { PDFDocument } from 'pdf-lib';
import { DEFAULT_DATE } from './layout';
import { SYNTHETIC_KEYWORD, type PdfMetadata } from './types';

export const DEFAULT_CREATOR = 'Kotokartta';
export const DEFAULT_PRODUCER = 'Kotokartta (pdf-lib 1.17.1)';

/**
 * Writes the document information. Everything is explicit (pdf-lib would otherwise stamp the
 * current time and its own producer), so the same options always give the same bytes.
 */
export function applyMetadata(
	doc: PDFDocument,
	meta: PdfMetadata | undefined,
	defaults: { title: string; subject?: string; language: string },
	synthetic: boolean
): void {
	const date = meta?.date ?? DEFAULT_DATE;
	if (Number.isNaN(date.getTime())) throw new Error('form: metadata.date is not a valid date');
	doc.setTitle(meta?.title ?? defaults.title, { showInWindowTitleBar: true });
	if (meta?.author) doc.setAuthor(meta.author);
	const subject = meta?.subject ?? defaults.subject;
	if (subject) doc.setSubject(subject);
	const keywords = [...(meta?.keywords ?? [])];
	if (synthetic && !keywords.includes(SYNTHETIC_KEYWORD)) keywords.push(SYNTHETIC_KEYWORD);
	if (keywords.length > 0) doc.setKeywords(keywords);
	doc.setCreator(meta?.creator ?? DEFAULT_CREATOR);
	doc.setProducer(meta?.producer ?? DEFAULT_PRODUCER);
	doc.setCreationDate(date);
	doc.setModificationDate(date);
	doc.setLanguage(defaults.language);
}

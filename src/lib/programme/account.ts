/**
 * One line on how a document was read, for the ingest log: its reading kind and what was found
 * ("own template: 21 of 29 parts, header 5 of 7 fields"; "scan: OCR 5 pages, mean confidence 0.91; …").
 */
import { ANSWER_FIELDS, TABLE_FIELDS } from './form-tem-2024';
import type { InputKind, Programme } from './types';

const KIND_NAMES: Record<InputKind, string> = {
	'fillable-form': 'fillable form',
	'flattened-form': 'flattened form',
	'own-template': 'own template',
	scan: 'scan',
	unknown: 'unknown'
};

const HEADER = ANSWER_FIELDS.filter((f) => f.section === 'header').map((f) => f.key);
const PARTS = ANSWER_FIELDS.filter((f) => f.section !== 'header').map((f) => f.key);

export function readingAccount(p: Programme): string {
	const present = new Set(p.answers.map((a) => a.key));
	const count = (keys: readonly string[]) => keys.filter((k) => present.has(k)).length;
	const ocr = p.ocr
		? `OCR ${p.ocr.pages.length} page${p.ocr.pages.length === 1 ? '' : 's'}, mean confidence ${p.ocr.meanConfidence.toFixed(2)}` +
			(p.ocr.skipped.length > 0 ? `, ${p.ocr.skipped.length} page(s) not read` : '')
		: null;
	if (p.answers.length === 0) return `${KIND_NAMES[p.inputKind]}: ${ocr ? `${ocr}; ` : ''}nothing read (${p.pageCount} page${p.pageCount === 1 ? '' : 's'})`;
	const cells = count(TABLE_FIELDS.map((f) => f.key));
	const found =
		`${count(PARTS)} of ${PARTS.length} parts, header ${count(HEADER)} of ${HEADER.length} fields` +
		(cells > 0 ? `, table ${cells} of ${TABLE_FIELDS.length} cells` : '') +
		(p.unmapped.length > 0 ? `, ${p.unmapped.length} unmapped` : '');
	return `${KIND_NAMES[p.inputKind]}: ${ocr ? `${ocr}; ` : ''}${found}`;
}

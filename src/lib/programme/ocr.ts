/**
 * OCR words → the positioned text items the text-layer reader consumes, so a scanned page is
 * read by the same reader as a born-digital one. Isomorphic: the OCR itself is injected
 * (`ExtractDeps.ocr`; in Node ingest/ocr.ts runs poppler's pdftoppm and tesseract).
 */
import { detectTextLanguage, type DocumentLanguage } from './language';
import type { TextItem, TextPage } from './text-layer';

/** One recognised word, in image pixels (origin top left), as tesseract's TSV gives it. */
export interface OcrWord {
	text: string;
	left: number;
	top: number;
	width: number;
	height: number;
	/** 0–1. */
	confidence: number;
	/** Words with the same line id were recognised as one text line. */
	line: string;
}

export interface OcrPageImage {
	/** Image size in pixels. */
	width: number;
	height: number;
	words: OcrWord[];
	seconds: number;
}

export type OcrOutcome = { page: number; image: OcrPageImage } | { page: number; error: OcrError };

/**
 * OCR of some pages of a PDF: one outcome per page asked for, in order. Throws OcrError with
 * code `unavailable` when the OCR engine is not installed (then nothing is read by OCR).
 */
export type OcrFn = (bytes: Uint8Array, pages: readonly number[]) => Promise<OcrOutcome[]>;

export class OcrError extends Error {
	constructor(
		message: string,
		readonly code: 'unavailable' | 'timeout' | 'failed'
	) {
		super(message);
		this.name = 'OcrError';
	}
}

/** What OCR did for one document (Programme.ocr). */
export interface OcrSummary {
	pages: { page: number; confidence: number; language: DocumentLanguage; words: number; seconds: number }[];
	/** Mean word confidence over the pages read, 0–1 (weighted by words). */
	meanConfidence: number;
	/** Pages left unread: over the page cap, past the time limit, or failed; with why. */
	skipped: { page: number; reason: string }[];
}

/**
 * Tesseract's Finnish and Swedish models read "@" as "G" or "©" ("nelli.suominenGaura.fi"): in
 * an otherwise lower-case word that ends in a domain, such a letter is the at sign.
 */
function repairEmail(text: string): string {
	return text.replace(/^([a-z0-9._%+-]+)[G©®@]([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6})([.,;:)]?)$/u, '$1@$2$3');
}

/** Marks that are table rules and box edges, not words. */
const RULE = /^[|[\]_{}\\/—–=~.,:;'"`´-]*$/u;

/**
 * A page of OCR words as text items in PDF user space (`pageWidth` × `pageHeight` points).
 * Each recognised line becomes items on one baseline (a skewed scan's words drift up or down
 * along the line; the line is what the reader needs), and line heights close to the page's
 * usual one are set to it, so the reader's leading and blank-line estimates see one body size.
 */
export function ocrTextPage(page: number, image: OcrPageImage, pageWidth: number, pageHeight: number): TextPage {
	const sx = pageWidth / image.width;
	const sy = pageHeight / image.height;
	const lines = new Map<string, OcrWord[]>();
	for (const w of image.words) {
		const text = repairEmail(w.text.trim());
		if (text === '' || (RULE.test(text) && text !== '-')) continue;
		const list = lines.get(w.line) ?? [];
		list.push({ ...w, text });
		lines.set(w.line, list);
	}
	const shaped = [...lines.values()].map((ws) => {
		const centres = ws.map((w) => w.top + w.height / 2).sort((a, b) => a - b);
		const centre = centres[Math.floor(centres.length / 2)];
		const height = Math.max(...ws.map((w) => w.height));
		return { ws, centre, height };
	});
	const heights = shaped.map((l) => l.height).sort((a, b) => a - b);
	const usual = heights[Math.floor(heights.length / 2)] ?? 0;
	const items: TextItem[] = [];
	for (const l of shaped) {
		const h = Math.abs(l.height - usual) <= 0.2 * usual ? usual : l.height;
		// The baseline lies below the line's centre by about a third of the box (descenders below it).
		const baseline = pageHeight - (l.centre + 0.3 * h) * sy;
		const size = 0.8 * h * sy;
		l.ws.sort((a, b) => a.left - b.left);
		l.ws.forEach((w, i) => items.push({ str: w.text, x: w.left * sx, y: baseline, width: w.width * sx, height: size, hasEOL: i === l.ws.length - 1 }));
	}
	return { page, width: pageWidth, height: pageHeight, items };
}

/** One page's confidence (mean over its words) and language (from its words' function words). */
export function ocrPageStats(image: OcrPageImage): { confidence: number; language: DocumentLanguage; words: number } {
	const words = image.words.filter((w) => /[\p{L}\p{N}]/u.test(w.text));
	const confidence = words.length === 0 ? 0 : words.reduce((s, w) => s + w.confidence, 0) / words.length;
	return { confidence, language: detectTextLanguage(words.map((w) => w.text).join(' ')), words: words.length };
}

/** How to install what OCR needs, for the message when it is absent. */
export const OCR_INSTALL_HINT =
	'install tesseract with Finnish and Swedish and poppler (Debian/Ubuntu: `apt-get install -y tesseract-ocr tesseract-ocr-fin tesseract-ocr-swe poppler-utils`; macOS: `brew install tesseract tesseract-lang poppler`) and ingest again';

/**
 * The Programme record: what one PDF says, before any interpretation.
 * Produced by `extractProgramme` (PDF bytes → Programme) in Node and in the browser alike.
 */
import type { SectionId } from './form-tem-2024';
import type { OcrSummary } from './ocr';

/** How the document was made, which decides how it is read. */
export type InputKind =
	/** the fillable TEM form with its fields */
	| 'fillable-form'
	/** a copy of the form whose fields were flattened into page text */
	| 'flattened-form'
	/** the municipality's own document following the form's list of questions */
	| 'own-template'
	/** pages with no text layer (image only) */
	| 'scan'
	/** a PDF that is none of the above */
	| 'unknown';

/** Where a value came from, so the dashboard can show and link it. */
export interface Provenance {
	/** The PDF field name, or for text-layer reading the heading the text was found under. */
	fieldName: string;
	/** 1-based page number, if known. */
	page: number | null;
	/** [x1, y1, x2, y2] in PDF user space, if known. */
	rect: [number, number, number, number] | null;
}

export type AnswerStatus = 'filled' | 'empty';

export interface Answer {
	/** Canonical key (see form-tem-2024.ts), e.g. `s3.a2`. */
	key: string;
	section: SectionId;
	part: string;
	/** The value exactly as written; only `\r\n` and lone `\r` become `\n`. */
	text: string;
	/** `empty` when the text is empty or whitespace only. Finer grading lives in completeness. */
	status: AnswerStatus;
	source: Provenance;
	/** Read by OCR from a scanned page: the text may have recognition errors (enrichment lowers confidence). */
	ocr?: true;
}

/** A form field that maps to no canonical key: kept and reported, never dropped. */
export interface UnmappedField {
	fieldName: string;
	text: string;
	source: Provenance;
	/** Read by OCR from a scanned page. */
	ocr?: true;
}

export interface DocumentMetadata {
	title: string | null;
	author: string | null;
	subject: string | null;
	keywords: string | null;
	creator: string | null;
	producer: string | null;
}

export interface Programme {
	/** sha256 of the PDF bytes, hex. */
	id: string;
	inputKind: InputKind;
	/** Template id (e.g. `tem-2024-09-03`), or null when the document does not follow a known form. */
	template: string | null;
	pageCount: number;
	metadata: DocumentMetadata;
	/** The first lines of page 1 (title, first headings; see lead.ts), when the pages were read as text. */
	leadText?: string | null;
	/** True when the PDF's metadata marks it as synthetic demo data. */
	isSynthetic: boolean;
	/** Answers by canonical key, in form order; a key the document lacks is absent. */
	answers: Answer[];
	unmapped: UnmappedField[];
	/** Things a reader should know about this document (e.g. unmapped fields, ambiguous labels). */
	warnings: ProgrammeWarning[];
	/** Present when pages were read by OCR: per page confidence and language, the mean, pages left unread. */
	ocr?: OcrSummary;
}

/** A warning about one document; `code` goes to ingest_log.code, `message` to ingest_log.reason. */
export interface ProgrammeWarning {
	/** Machine-readable, e.g. `unmapped-field`, `missing-subquestion`, `scan`. */
	code: string;
	/** What the reader should know, in words a person can act on. */
	message: string;
	/** `error`: the programme is kept but a fact it needs is missing (e.g. `no-municipality`); default `warning`. */
	level?: 'warning' | 'error';
}

/** Raised for input that cannot be read as a programme; `reason` is shown to users. */
export class ProgrammeReadError extends Error {
	constructor(
		readonly reason: string,
		readonly code:
			| 'not-pdf'
			| 'empty'
			| 'truncated'
			| 'encrypted'
			| 'no-form-fields'
			| 'xfa-only'
			| 'foreign-form'
			| 'unreadable'
	) {
		super(reason);
		this.name = 'ProgrammeReadError';
	}
}

/** The public contract of the PDF writers (other modules code against exactly these names). */

export interface FormFonts {
	regular: Uint8Array;
	bold: Uint8Array;
}

export interface PdfMetadata {
	title?: string;
	author?: string;
	subject?: string;
	keywords?: string[];
	creator?: string;
	producer?: string;
	/** creation and modification date; default a fixed date so output is deterministic */
	date?: Date;
}

/** Keyword written into the PDF metadata of every synthetic (generated demo) document. */
export const SYNTHETIC_KEYWORD = 'kotokartta:synthetic';

export interface FormRenderOptions {
	fonts: FormFonts;
	/** answer values by canonical key (ALL_FIELDS keys, incl. table.* keys) */
	values?: Readonly<Record<string, string>>;
	/** override the PDF field name of some keys (other printings of the form, label variants in tests) */
	fieldNames?: Readonly<Record<string, string>>;
	/** extra text fields that are not in the form (tests of unmapped fields) */
	extraFields?: readonly { name: string; value: string }[];
	/** leave these keys' fields out entirely (no question, no box, no field) */
	omitKeys?: readonly string[];
	/** 'fillable' (AcroForm fields, default) or 'flattened' (a copy whose answers are page text, no fields) */
	mode?: 'fillable' | 'flattened';
	metadata?: PdfMetadata;
	/** synthetic demo document: SYNTHETIC_KEYWORD in keywords AND a visible line on every page
	 *  "SYNTEETTINEN DEMOAINEISTO – ei todellinen kunnan asiakirja / synthetic demo data" */
	synthetic?: boolean;
}

export interface OwnTemplateOptions {
	fonts: FormFonts;
	values: Readonly<Record<string, string>>;
	language: 'fi' | 'sv';
	/** letterhead, e.g. "Närpes stad" or "Pöytyän kunta" */
	organisation: string;
	/** print the responsibility table as a plain table at the end */
	includeTable?: boolean;
	metadata?: PdfMetadata;
	synthetic?: boolean;
}

/**
 * The data dictionary, generated from the table definitions so it cannot drift from the files.
 * Committed as `docs/data-dictionary.md` (a test checks it is up to date) and written next to
 * the data by the ingest.
 */
import { TABLES, type TableDef } from './tables';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Every `ingest_log.code`, with its status and what it means (the reason column says it for each file). */
export const INGEST_LOG_CODES: readonly {
	code: string;
	status: 'ok' | 'warning' | 'error';
	/** A second status the code has in a case its meaning names (e.g. `no-municipality` for an unread scan). */
	alsoStatus?: 'warning';
	meaning: string;
}[] = [
	{ code: 'ok', status: 'ok', meaning: 'The file gave a programme; the reason says how it was read and how many parts are filled.' },
	{ code: 'not-found', status: 'error', meaning: 'A file named on the command line does not exist.' },
	{ code: 'unreadable-file', status: 'error', meaning: 'The file could not be read from disk (permissions, I/O error).' },
	{ code: 'not-a-regular-file', status: 'error', meaning: 'A device, FIFO or socket (named *.pdf or given on the command line); it is never opened.' },
	{ code: 'dangling-symlink', status: 'error', meaning: 'A symbolic link whose target does not exist.' },
	{ code: 'symlink-loop', status: 'error', meaning: 'A symbolic link that leads back into itself or into a folder already walked.' },
	{ code: 'unreadable-folder', status: 'error', meaning: 'A folder that could not be listed (permissions, I/O error).' },
	{ code: 'empty-folder', status: 'warning', meaning: 'A folder named on the command line holds no *.pdf files, its subfolders included.' },
	{ code: 'empty', status: 'error', meaning: 'The file has 0 bytes.' },
	{ code: 'not-pdf', status: 'error', meaning: 'The file is not a PDF (the reason says what it looks like: Office document, image, web page…).' },
	{ code: 'truncated', status: 'error', meaning: 'The PDF has no end-of-file marker: it was cut off.' },
	{ code: 'encrypted', status: 'error', meaning: 'The PDF needs a password to open.' },
	{ code: 'no-form-fields', status: 'error', meaning: 'The PDF has neither form fields nor text that follows the form’s sections (or no text at all and no images).' },
	{ code: 'xfa-only', status: 'error', meaning: 'The PDF is a dynamic XFA form: its content is only in XFA data, which the ingest does not read (print it to PDF, or use the ministry’s form).' },
	{ code: 'foreign-form', status: 'error', meaning: 'The PDF’s form fields are not the TEM 3.9.2024 form’s (the reason names some of them).' },
	{ code: 'unreadable', status: 'error', meaning: 'The PDF is damaged beyond what the reader can repair.' },
	{ code: 'limit-size', status: 'error', meaning: 'The file is over the ingest’s size limit per file (`--max-file-mb`, default 100 MB); it was not read.' },
	{ code: 'limit-pages', status: 'error', meaning: 'The PDF has more pages than the ingest’s page limit (`--max-pages`, default 2000); its pages were not read.' },
	{ code: 'limit-stream', status: 'error', meaning: 'A stream in the PDF decompresses to more than the ingest’s limit (`--max-stream-mb`, default 256 MB), found before the file is read: a decompression bomb, or an image far larger than a page needs.' },
	{ code: 'limit-time', status: 'error', meaning: 'Reading the file took longer than the ingest’s time limit per file (`--max-seconds`, default 300 s); it was stopped.' },
	{ code: 'limit-memory', status: 'error', meaning: 'Reading the file needed more memory than the ingest’s limit per file (`--max-memory-mb`, default 1024 MB, the reader and its OCR processes together); it was stopped. Decompression bombs end here.' },
	{ code: 'worker-crashed', status: 'error', meaning: 'Reading the file crashed its reader process (an error nobody handled inside pdf.js, or the process died); the file may be damaged. The batch went on.' },
	{ code: 'duplicate', status: 'warning', meaning: 'Same content (sha256) as another input file: ingested once, under the first file by path.' },
	{ code: 'duplicate-content', status: 'warning', meaning: 'Same answers (and municipalities) as an earlier input file, in different bytes: a re-saved or re-exported copy. Ingested once, under the first file (the reason names it); not a second programme or version.' },
	{ code: 'unparseable-date', status: 'warning', meaning: '"Laadittu tai päivitetty" is written but no single date could be read (the reason quotes the text); the programme is not placed among its municipality\'s versions.' },
	{ code: 'date-in-future', status: 'warning', meaning: 'The date is after the ingest\'s reference date (`--today`, default the current date in Finland; recorded in manifest.json): kept as written, but the programme is not placed among versions and supersedes no other.' },
	{ code: 'date-before-2024', status: 'warning', meaning: 'The date is before 2024, when neither the Act (KotoL 681/2023) nor its form existed: kept as written, but the programme is not placed among versions and supersedes no other.' },
	{ code: 'implausible-coverage', status: 'warning', meaning: '"Kunta tai kunnat" names (nearly) every municipality, more than any real joint programme could cover: the list is not taken as the programme\'s coverage; its municipality is read from other evidence, if any.' },
	{ code: 'scan', status: 'warning', meaning: 'Pages with images and no text layer, and no programme read from them: OCR was not available (the reason says how to install it) or its text does not follow the form.' },
	{ code: 'ocr', status: 'warning', meaning: 'Some pages were scans read by OCR (tesseract): pages, mean confidence; their answers may have recognition errors.' },
	{ code: 'ocr-pages-skipped', status: 'warning', meaning: 'Scanned pages not read by OCR: over the page cap (KOTOKARTTA_OCR_MAX_PAGES), past the time limit per page, or failed.' },
	{ code: 'ocr-unavailable', status: 'warning', meaning: 'A document with text pages also has image-only pages, which were not read: OCR is not installed.' },
	{ code: 'unmapped-field', status: 'warning', meaning: 'A form field that matches no part of the form; its value is kept in answers with key `unmapped`.' },
	{ code: 'field-matched-by-position', status: 'warning', meaning: 'A field whose name matches no label was assigned by its place among the fields of the same code (e.g. 4A).' },
	{ code: 'missing-field', status: 'warning', meaning: 'The fillable form lacks fields for some parts; those parts are missing.' },
	{ code: 'foreign-fields', status: 'warning', meaning: 'The PDF has form fields that are not the form’s; the programme was read from its page text.' },
	{ code: 'missing-part', status: 'warning', meaning: 'Page text: no heading found for some parts; those parts are missing.' },
	{ code: 'missing-subquestion', status: 'warning', meaning: 'Page text: a part’s questions are printed together (or some not at all); its answer is kept under the first key, the others are missing.' },
	{ code: 'repeated-part', status: 'warning', meaning: 'Page text: a part is answered twice; the first answer is kept.' },
	{ code: 'unmapped-text', status: 'warning', meaning: 'Page text inside a section but under no part heading; kept in answers with key `unmapped`.' },
	{ code: 'table-unreadable', status: 'warning', meaning: 'Page text: the responsibility table’s columns were not recognised; its cells were not read.' },
	{ code: 'table-rows-missing', status: 'warning', meaning: 'Page text: some rows of the responsibility table were not recognised.' },
	{ code: 'unresolved-municipality', status: 'warning', meaning: 'A name in "Kunta tai kunnat" is not a municipality the reference knows; it was not resolved (never guessed).' },
	{ code: 'merged-municipality', status: 'warning', meaning: 'The header names a municipality that has since merged; the programme is counted for the current one.' },
	{ code: 'municipality-from-other-evidence', status: 'warning', meaning: 'The header names no municipality; the municipality was read from other evidence (PDF title, the first lines of page 1, contact e-mail, coordinator, PDF subject/keywords/author, or the municipality the answers name most often).' },
	{ code: 'municipality-from-mapping', status: 'warning', meaning: 'The municipality was given to the ingest (`--municipality FILE=CODE`), not read from the document.' },
	{ code: 'unknown-municipality-mapping', status: 'error', meaning: 'The ingest mapping gives a code that is no municipality; it was ignored.' },
	{ code: 'no-municipality', status: 'error', alsoStatus: 'warning', meaning: 'No municipality could be read for the programme: it is kept but drops out of maps and comparisons until one is given with `npm run ingest -- --municipality FILE=CODE`. Listed on the Data page as "needs a municipality". A warning, not an error, for a scan whose text could not be read (it has its own `scan` warning).' },
	{ code: 'long-answer', status: 'warning', meaning: 'An answer longer than 200,000 characters (real answers are far shorter): its facts were read from its first 200,000 characters; the answer itself is kept whole.' },
	{ code: 'too-many-facts', status: 'warning', meaning: 'The programme yields more than 1000 facts for one table (real programmes have under 100; an answer probably repeats itself): only the first 1000 are kept.' },
	{ code: 'enrichment-span-error', status: 'warning', meaning: 'A derived fact whose evidence did not match the answer text was left out.' }
];

export function dataDictionary(tables: readonly TableDef[] = TABLES): string {
	const out: string[] = [
		'# Kotokartta data dictionary',
		'',
		'<!-- Generated from src/lib/dataset/tables.ts by src/lib/dataset/dictionary.ts; do not edit by hand. -->',
		'',
		'The ingest (`npm run ingest`) writes one Parquet file per table (`<table>.parquet`, snappy-compressed),',
		'rows sorted by the listed order, plus `manifest.json` (row counts, sizes, sha256 of each file, the reference date) and this file.',
		'The same input files and reference date (`--today`, default the current date in Finland) always give byte-identical tables. Synthetic demo documents are marked',
		'`programmes.is_synthetic = true`.',
		'',
		'Tables: ' + tables.map((t) => `[\`${t.name}\`](#${t.name})`).join(', ') + '.',
		''
	];
	for (const t of tables) {
		out.push(`## ${t.name}`, '', t.description, '', `- File: \`${t.name}.parquet\``, `- One row per: ${t.grain}`);
		out.push(`- Sorted by: ${t.orderBy.map((c) => `\`${c}\``).join(', ')}`, '');
		out.push('| column | type | null? | description |', '|---|---|---|---|');
		for (const c of t.columns) {
			out.push(`| \`${c.name}\` | ${c.type} | ${c.nullable ? 'yes' : 'no'} | ${cell(c.description) || '(see the column above)'} |`);
		}
		out.push('');
	}
	out.push(
		'## ingest_log codes',
		'',
		'The ingest exits with 0 when every file was read, 1 when some were rejected (the dataset is still written), 2 on a usage error or when there is nothing to ingest, 3 when the dataset could not be written (the previous one is left intact).',
		'',
		'| code | status | meaning |',
		'|---|---|---|',
		...INGEST_LOG_CODES.map((c) => `| \`${c.code}\` | ${c.status} | ${cell(c.meaning)} |`),
		''
	);
	return out.join('\n');
}

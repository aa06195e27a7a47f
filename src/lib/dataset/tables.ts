/**
 * The published dataset: every Parquet table, its columns and what they mean.
 *
 * This is the single contract between the ingest (which writes these tables), the SQL in
 * `src/lib/db` (which reads them) and the data dictionary (generated from these definitions,
 * so documentation cannot drift from the files). Column types are DuckDB types.
 *
 * Every derived fact keeps its evidence: programme_id, key, and the character span
 * [span_start, span_end) in that answer's text, plus the snippet, so a page can show why.
 */

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'VARCHAR[]';

export interface ColumnDef {
	name: string;
	type: ColumnType;
	/** May the value be null? */
	nullable: boolean;
	description: string;
}

export interface TableDef {
	name: string;
	description: string;
	/** What one row is. */
	grain: string;
	columns: readonly ColumnDef[];
	/** Columns the rows are sorted by when written, so the same inputs give byte-identical files. */
	orderBy: readonly string[];
}

const col = (name: string, type: ColumnType, description: string, nullable = false): ColumnDef => ({
	name,
	type,
	nullable,
	description
});

/**
 * Closed vocabularies, each declared once here; enrichment, the corpus ground truth and the pages
 * derive their types and lists from these (tests/unit/vocabulary.test.ts checks the copies).
 */
export const ARRANGEMENT_TYPES = [
	'kuntalaki_54',
	'joint_programme',
	'employment_area',
	'municipal_cooperation',
	'joint_procurement',
	'purchased_service',
	'wellbeing_county',
	'education_provider',
	'ngo_parish'
] as const;
export type ArrangementType = (typeof ARRANGEMENT_TYPES)[number];

/** What each arrangement type means (the data dictionary shows these). */
export const ARRANGEMENT_DESCRIPTIONS: Record<ArrangementType, string> = {
	kuntalaki_54: 'cooperation agreement, Kuntalaki 410/2015 54 § (host and members)',
	joint_programme: 'one programme for several municipalities',
	employment_area: 'the employment area (työllisyysalue) and its host',
	municipal_cooperation: 'cooperation with another named municipality where no agreement type is stated ("yhteistyössä Lempäälän kunnan kanssa", "tillsammans med Borgå stad")',
	joint_procurement: 'joint or central procurement',
	purchased_service: 'a service bought from a provider',
	wellbeing_county: 'the wellbeing services county',
	education_provider: 'an education provider',
	ngo_parish: 'an NGO, association or parish'
};

/**
 * The confidence column every fact table carries; the rule is src/lib/programme/enrich/confidence.ts.
 * The pages list facts below 0.6 under "needs review" (Data page).
 */
export const CONFIDENCE_RULE =
	'How sure the fact is, 0–1 (2 decimals): source × match × context × reading. Source: a form field that asks exactly this (responsibility table, B part "Vastuutaho", the s3.a2 language list, the partners field, C parts for cooperation) 0.95, a sentence pattern in free text 0.8, only a cue word (an arrangement naming no partner, a table cell naming no known body) 0.6. Match: exact name or term 1, through a case form, lemma or compound 0.95, generic ("kunta", "järjestöt") 0.85, counted only by its context (a bare language name in a sentence about languages) 0.8, a staff role whose employer is named elsewhere 0.75. Context: a negation in the sentence ×0.6, a hedge ("tarvittaessa", "suunnitteilla", "vid behov") ×0.85, a municipality name that is also a common word with no "kunta/kaupunki" ×0.85. Reading: text read by OCR ×(0.6 + 0.35 × the page\'s OCR word confidence). Below 0.6 the fact is listed for review.';

const confidence = (what = CONFIDENCE_RULE) => col('confidence', 'DOUBLE', what);

/** The evidence columns every derived-fact table carries. */
const evidence: readonly ColumnDef[] = [
	col('programme_id', 'VARCHAR', 'The programme the fact was read from (programmes.programme_id).'),
	col('key', 'VARCHAR', 'Canonical key of the answer the fact was read from, e.g. `s3.a2` (answers.key).'),
	col('span_start', 'INTEGER', 'Start of the evidence in the answer text, in UTF-16 code units (JavaScript string index).'),
	col('span_end', 'INTEGER', 'End (exclusive) of the evidence in the answer text.'),
	col('snippet', 'VARCHAR', 'The evidence text itself: answers.text[span_start, span_end).')
];

export const PROGRAMMES: TableDef = {
	name: 'programmes',
	description: 'One row per ingested document (distinct content).',
	grain: 'programme (document content hash)',
	orderBy: ['programme_id'],
	columns: [
		col('programme_id', 'VARCHAR', 'sha256 of the PDF bytes (hex): the same file always gets the same id.'),
		col('file', 'VARCHAR', 'Path of the input file, relative to the ingest root, with `/` separators.'),
		col('bytes', 'BIGINT', 'File size in bytes.'),
		col('input_kind', 'VARCHAR', '`fillable-form`, `flattened-form`, `own-template`, `scan` or `unknown`.'),
		col('template', 'VARCHAR', 'Form template the document follows (`tem-2024-09-03`), null if none.', true),
		col('page_count', 'INTEGER', 'Number of pages.'),
		col('municipality_confidence', 'DOUBLE', 'How sure municipality_codes are, 0–1: each code by its best evidence — the ingest mapping 1, "Kunta tai kunnat" 0.95, the PDF title or the first page\'s title 0.8, the contact e-mail or the coordinator 0.76, the PDF subject/keywords/author 0.6, only the municipality the answers name most often 0.57 (×the OCR factor of confidence when read by OCR) — and the programme by its weakest code; null when no municipality. Below 0.6 the programme is listed for review.', true),
		col('ocr_confidence', 'DOUBLE', 'Scanned pages read by OCR: mean word confidence 0–1 over those pages (their text may have recognition errors); null when no page was read by OCR.', true),
		col('municipalities_text', 'VARCHAR', 'The header answer "Kunta tai kunnat" as written.', true),
		col('municipality_codes', 'VARCHAR[]', 'Municipality codes (3 digits) the programme covers, resolved from the header and other evidence.'),
		col('updated', 'DATE', 'Date the programme was drawn up or updated (header "laadittu tai päivitetty"), as read: a day, or the first day of the month when only a month is written (`updated_status` `month`); kept even when not plausible (see `updated_status`); null when none could be read.', true),
		col('updated_text', 'VARCHAR', 'That date as written.', true),
		col('updated_status', 'VARCHAR', 'How the date was read (src/lib/dataset/dates.ts): `ok` (a day), `month` (only a month and year), `missing` (nothing written), `unparseable` (written but no single date could be read), `future` (after the ingest\'s reference date, manifest.json `referenceDate`), `before-2024` (before the Act and its form existed). Only `ok` and `month` dates order versions and count for "updated since"; the others are flagged in ingest_log and never supersede another programme.'),
		col('document_language', 'VARCHAR', 'Main language of the answers: `fi`, `sv` or `und` (undetermined).'),
		col('is_synthetic', 'BOOLEAN', 'True for generated demo documents (marked in their PDF metadata). Never mix with real data silently.'),
		col('is_current', 'BOOLEAN', 'False when a later programme covers the same municipalities (an older version).'),
		col('title', 'VARCHAR', 'PDF metadata title.', true),
		col('producer', 'VARCHAR', 'PDF metadata producer.', true)
	]
};

export const ANSWERS: TableDef = {
	name: 'answers',
	description: 'Every answer of every programme, long format; fields that map to no key are kept with key `unmapped`.',
	grain: 'programme × key (× field name for unmapped fields)',
	orderBy: ['programme_id', 'ordinal'],
	columns: [
		col('programme_id', 'VARCHAR', 'programmes.programme_id'),
		col('ordinal', 'INTEGER', 'Position of the answer in form order (unmapped fields last).'),
		col('key', 'VARCHAR', 'Canonical key (e.g. `s1.b2`, `header.updated`, `table.plan.jobseekers`) or `unmapped`.'),
		col('section', 'VARCHAR', '`header`, `1`…`7` or `table`; null for unmapped fields.', true),
		col('part', 'VARCHAR', 'Part within the section, e.g. `a1`, `b`, `c`, `plan.jobseekers`; null for unmapped.', true),
		col('field_name', 'VARCHAR', 'The PDF field name (or, for text-layer reading, the heading) the value came from.'),
		col('text', 'VARCHAR', 'The answer exactly as written (line breaks kept; `\\r\\n` → `\\n`).'),
		col('status', 'VARCHAR', '`filled` or `empty` (empty or whitespace only). See completeness for finer grading.'),
		col('page', 'INTEGER', '1-based page number the value is on, if known.', true),
		col('x1', 'DOUBLE', 'Field rectangle in PDF user space (points from the bottom-left), if known.', true),
		col('y1', 'DOUBLE', '', true),
		col('x2', 'DOUBLE', '', true),
		col('y2', 'DOUBLE', '', true)
	]
};

export const INGEST_LOG: TableDef = {
	name: 'ingest_log',
	description: 'Every input file the ingest saw, with its outcome. Errors are files that gave no programme.',
	grain: 'input file × message',
	orderBy: ['file', 'seq'],
	columns: [
		col('file', 'VARCHAR', 'Path of the input file, relative to the ingest root.'),
		col('seq', 'INTEGER', 'Message number within the file (0 for the first).'),
		col('programme_id', 'VARCHAR', 'The programme it gave, if any.', true),
		col('status', 'VARCHAR', '`ok`, `warning` or `error`.'),
		col('code', 'VARCHAR', 'Machine-readable reason, e.g. `not-pdf`, `encrypted`, `unmapped-field`, `unresolved-municipality`.'),
		col('reason', 'VARCHAR', 'What happened, in words a person can act on.')
	]
};

export const MUNICIPALITIES: TableDef = {
	name: 'municipalities',
	description:
		'Reference: Finland’s municipalities in the 1.1.2025 division (Statistics Finland classifications, CC BY 4.0; population 31.12.2022).',
	grain: 'municipality',
	orderBy: ['code'],
	columns: [
		col('code', 'VARCHAR', '3-digit municipality code.'),
		col('name_fi', 'VARCHAR', 'Finnish name.'),
		col('name_sv', 'VARCHAR', 'Swedish name.'),
		col('region_code', 'VARCHAR', 'Region (maakunta) code.'),
		col('region_fi', 'VARCHAR', 'Region name.'),
		col('wellbeing_county_code', 'VARCHAR', 'Wellbeing services county (hyvinvointialue) code; 90 Helsinki, 91 Åland.'),
		col('wellbeing_county_fi', 'VARCHAR', 'Wellbeing services county name.'),
		col('employment_area_code', 'VARCHAR', 'Employment area (työllisyysalue) code.'),
		col('employment_area', 'VARCHAR', 'Employment area short name (Statistics Finland).'),
		col('language_status', 'VARCHAR', '`fi`, `sv`, `fi-sv` (bilingual, Finnish majority) or `sv-fi`.'),
		col('population', 'INTEGER', 'Population 31.12.2022.'),
		col('population_class', 'VARCHAR', 'Size class used by the filters: `<5k`, `5–20k`, `20–50k`, `50–100k`, `≥100k`.'),
		col('aland', 'BOOLEAN', 'True for Åland (outside the mainland reforms; not expected to publish a programme under KotoL).')
	]
};

export const RESPONSIBILITIES: TableDef = {
	name: 'responsibilities',
	description: 'Providers named for each service and client group, with the kind of provider and the evidence.',
	grain: 'programme × service × client group × provider mention',
	orderBy: ['programme_id', 'key', 'span_start', 'provider'],
	columns: [
		...evidence,
		col('service', 'VARCHAR', 'Service: `assessment`, `multi_assessment`, `plan`, `multi_plan`, `orientation`, `training`, `other_training`, `guidance`, `other_services`, `follow_up`.'),
		col('client_group', 'VARCHAR', '`jobseekers`, `others` or `both`, as the text says (`both` when it does not distinguish).'),
		col('provider', 'VARCHAR', 'The provider as named in the text (normalised to the nominative where known).'),
		col('provider_kind', 'VARCHAR', '`municipality`, `host_municipality`, `employment_authority`, `wellbeing_county`, `ely_keha`, `education_provider`, `ngo_parish`, `private_company`, `other`.'),
		col('provider_municipality_code', 'VARCHAR', 'Municipality code when the provider is a municipality (itself or a host).', true),
		col('from_table', 'BOOLEAN', 'True when read from the responsibility table, false when from the prose.'),
		confidence()
	]
};

export const LANGUAGES: TableDef = {
	name: 'languages',
	description: 'Languages a programme names as offered, with the context and the evidence.',
	grain: 'programme × language × mention',
	orderBy: ['programme_id', 'key', 'span_start', 'language_code'],
	columns: [
		...evidence,
		col('language_code', 'VARCHAR', 'ISO 639-1 code where one exists, else ISO 639-3 (e.g. `uk`, `ar`, `prs` Dari, `ckb` Sorani, `fse` Finnish Sign Language).'),
		col('language_name_fi', 'VARCHAR', 'The language’s Finnish name.'),
		col('context', 'VARCHAR', '`orientation`, `training`, `guidance` or `other`: what the language is offered for.'),
		confidence()
	]
};

export const COOPERATION: TableDef = {
	name: 'cooperation',
	description: 'Cooperation arrangements a programme describes, with partners and evidence.',
	grain: 'programme × arrangement × partner',
	orderBy: ['programme_id', 'arrangement_type', 'key', 'span_start', 'partner'],
	columns: [
		...evidence,
		col('arrangement_type', 'VARCHAR', ARRANGEMENT_TYPES.map((t) => `\`${t}\` (${ARRANGEMENT_DESCRIPTIONS[t]})`).join(', ') + '.'),
		col('partner', 'VARCHAR', 'The partner as named (nominative where known); empty when the arrangement names none.'),
		col('partner_kind', 'VARCHAR', 'Same vocabulary as responsibilities.provider_kind.'),
		col('partner_municipality_code', 'VARCHAR', 'Municipality code of the partner, if it is a municipality.', true),
		col('partner_area_code', 'VARCHAR', 'Area the partner stands for: the employment area code (municipalities.employment_area_code) for `employment_area` and employment-authority partners, the wellbeing services county code (municipalities.wellbeing_county_code) for wellbeing-county partners; null otherwise.', true),
		col('role', 'VARCHAR', '`kuntalaki_54`: `host` (the municipality that runs the services under the agreement) or `member` (a municipality that belongs to the agreement, the programme\'s own included; a member is not hosted by the programme\'s municipality, it shares the host); `joint_programme`: `member`; `employment_area`: `host` for the area\'s host municipality (vastuukunta); `municipal_cooperation`: `partner` (never the programme\'s own municipality, never one already host or member of a 54 § agreement); otherwise `partner`.'),
		confidence()
	]
};

export const COMPLETENESS: TableDef = {
	name: 'completeness',
	description: 'How well each part of the form is answered, scored by the published rubric.',
	grain: 'programme × key (every part of the form, whether or not the document has it)',
	orderBy: ['programme_id', 'ordinal'],
	columns: [
		col('programme_id', 'VARCHAR', 'programmes.programme_id'),
		col('ordinal', 'INTEGER', 'Position of the part in form order.'),
		col('key', 'VARCHAR', 'Canonical key.'),
		col('section', 'VARCHAR', '`header`, `1`…`7` or `table`.'),
		col('mandatory', 'BOOLEAN', 'True for parts KotoL 13 § requires (sections 1–6, header except approval).'),
		col('grade', 'VARCHAR', '`answered`, `thin` (too short to say anything), `placeholder` ("-", "ei", "tulossa", "TBD"…), `empty` or `missing` (the document has no such part).'),
		col('score', 'DOUBLE', 'Score of the part by the rubric, 0–1.'),
		col('reason', 'VARCHAR', 'Why the grade, in words.'),
		col('reason_key', 'VARCHAR', 'The reason as a rubric code (e.g. `too-short`, `placeholder`, `answered`), so pages can say it in the UI language.'),
		col('reason_params', 'VARCHAR', 'The reason\'s values as a JSON object, e.g. `{"n":3}` (word count) or `{"text":"-"}`.'),
		col('chars', 'INTEGER', 'Length of the answer in characters.'),
		confidence(
			'How sure the grade is, 0–1: a fillable form\'s field 0.95; a part found by its heading on the page (flattened copy, own template, scan) 0.9; a part not found in such a document (its heading may be reworded) 0.76; text read by OCR ×(0.6 + 0.35 × the page\'s OCR word confidence).'
		)
	]
};

export const PROGRAMME_VERSIONS: TableDef = {
	name: 'programme_versions',
	description:
		'Each municipality\'s programmes as versions, in the order of the date they were drawn up or updated (rules: src/lib/programme/enrich/versions.ts). A joint programme is a version of each member\'s programme; real and synthetic documents have separate histories; documents with the same date share a version number; undated documents are not placed.',
	grain: 'municipality × programme',
	orderBy: ['code', 'version', 'programme_id'],
	columns: [
		col('code', 'VARCHAR', 'The municipality whose history this is (municipalities.code).'),
		col('programme_id', 'VARCHAR', 'programmes.programme_id'),
		col('version', 'INTEGER', '1 for the municipality\'s earliest dated programme, 2 for the next date, …; null when the document is undated.', true),
		col('previous_programme_ids', 'VARCHAR[]', 'The version(s) dated just before this one for this municipality (several when they share a date); empty for the first and for undated documents.'),
		col('is_latest', 'BOOLEAN', 'True for the municipality\'s newest dated version(s).')
	]
};

export const PROGRAMME_CHANGES: TableDef = {
	name: 'programme_changes',
	description:
		'What changed between consecutive versions of a programme (programme_versions: each version and the one dated just before it), computed from the other tables (rules: src/lib/dataset/changes.ts): parts whose grade changed, parts whose text changed (runs of whitespace count as one) with a word diff, and providers, languages and arrangements found in only one of the two. Evidence on both sides: the part and span of the changed words or of the fact\'s first mention, with the snippet.',
	grain: 'pair of consecutive versions × change',
	orderBy: ['to_programme_id', 'from_programme_id', 'ordinal', 'change', 'direction'],
	columns: [
		col('from_programme_id', 'VARCHAR', 'The earlier version (programmes.programme_id).'),
		col('to_programme_id', 'VARCHAR', 'The later version (programmes.programme_id).'),
		col('municipality_codes', 'VARCHAR[]', 'The municipalities for which these two are consecutive versions (programme_versions.code).'),
		col('change', 'VARCHAR', '`grade`, `text`, `provider`, `language` or `arrangement`.'),
		col('direction', 'VARCHAR', '`changed` (grade, text), `added` (written or found only in the later version) or `removed` (only in the earlier one).'),
		col('key', 'VARCHAR', 'The part the change is in (answers.key): for an added fact the part of its mention in the later version, for a removed one in the earlier.'),
		col('ordinal', 'INTEGER', 'Position of that part in form order.'),
		col('grade_before', 'VARCHAR', '`grade`: the earlier grade (completeness.grade).', true),
		col('grade_after', 'VARCHAR', '`grade`: the later grade.', true),
		col('words_added', 'INTEGER', '`text`: words in the later text that the earlier lacks.', true),
		col('words_removed', 'INTEGER', '`text`: words of the earlier text that the later lacks.', true),
		col('diff', 'VARCHAR', '`text`: the word diff as JSON, a list of `[op, text]` with op `=` (kept), `-` (removed) or `+` (added); joining the `=` and `-` texts gives the earlier text, the `=` and `+` texts the later (whitespace as the later text has it).', true),
		col('service', 'VARCHAR', '`provider`: responsibilities.service.', true),
		col('client_group', 'VARCHAR', '`provider`: responsibilities.client_group.', true),
		col('provider', 'VARCHAR', '`provider`: the provider as named (responsibilities.provider).', true),
		col('provider_kind', 'VARCHAR', '`provider`: responsibilities.provider_kind.', true),
		col('language_code', 'VARCHAR', '`language`: languages.language_code.', true),
		col('context', 'VARCHAR', '`language`: languages.context.', true),
		col('arrangement_type', 'VARCHAR', '`arrangement`: cooperation.arrangement_type.', true),
		col('partner', 'VARCHAR', '`arrangement`: cooperation.partner.', true),
		col('role', 'VARCHAR', '`arrangement`: cooperation.role.', true),
		col('from_key', 'VARCHAR', 'Evidence in the earlier version: the part (answers.key); null when it has none (an added fact, a part it lacks).', true),
		col('from_span_start', 'INTEGER', 'Start of the evidence in that answer\'s text (UTF-16 code units); for an insertion, the place where the words were inserted (an empty span).', true),
		col('from_span_end', 'INTEGER', 'End (exclusive) of the evidence.', true),
		col('from_snippet', 'VARCHAR', 'The evidence text: answers.text[from_span_start, from_span_end) of the earlier version.', true),
		col('to_key', 'VARCHAR', 'Evidence in the later version: the part; null when it has none (a removed fact, a part it lacks).', true),
		col('to_span_start', 'INTEGER', 'Start of the evidence in the later version\'s answer text.', true),
		col('to_span_end', 'INTEGER', 'End (exclusive) of the evidence.', true),
		col('to_snippet', 'VARCHAR', 'The evidence text: answers.text[to_span_start, to_span_end) of the later version.', true)
	]
};

/** Every table, in the order the data dictionary lists them. */
export const TABLES: readonly TableDef[] = [
	PROGRAMMES,
	ANSWERS,
	COMPLETENESS,
	RESPONSIBILITIES,
	LANGUAGES,
	COOPERATION,
	MUNICIPALITIES,
	INGEST_LOG,
	PROGRAMME_VERSIONS,
	PROGRAMME_CHANGES
];

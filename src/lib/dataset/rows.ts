/**
 * Programmes + reference data → the rows of every table in `tables.ts`. Isomorphic (the ingest
 * writes these rows to Parquet; a browser page could build them for a draft just the same).
 *
 * What each input file gave is a `FileOutcome` (a programme, a duplicate of one, an error or a
 * notice); `buildDataset` turns the outcomes into rows, sorted by each table's `orderBy` and
 * checked against the table's columns. It is built of the steps the ingest runs one at a time to
 * keep no programme in memory: `outcomeRows` per file in input order, `finishRows` for what needs
 * every programme row, then `changeRows` (per version pair: ./changes.ts `pairChangeRows`). Derived facts (completeness, responsibilities, languages,
 * cooperation, the municipalities a programme covers) come from an `Enricher`, a function
 * of one programme and the reference data; without one those tables are empty and the
 * municipalities are resolved from the header by exact name.
 */
import { readingAccount } from '../programme/account';
import { changeRows, type ChangeSource } from './changes';
import { readUpdated, versionDate } from './dates';
import { computeIsCurrent } from '../programme/enrich/current';
import { versionHistory } from '../programme/enrich/versions';
import { ALL_FIELDS } from '../programme/form-tem-2024';
import { detectDocumentLanguage } from '../programme/language';
import type { Programme, ProgrammeWarning } from '../programme/types';
import type { Municipality } from '../reference';
import { TABLES, type ColumnDef, type TableDef } from './tables';

/** A cell: VARCHAR/DATE ('YYYY-MM-DD') as string, INTEGER/DOUBLE as number, BIGINT as number, VARCHAR[] as string[]. */
export type Cell = string | number | boolean | null | readonly string[];
export type Row = Record<string, Cell>;
/** Rows by table name, for every table in TABLES. */
export type Dataset = Record<string, Row[]>;

export type FileOutcome =
	/**
	 * `enrichment`: already derived where the programme was read (the ingest's readers); else `enrich` runs here.
	 */
	| { file: string; bytes: number; kind: 'programme'; programme: Programme; enrichment?: Enrichment }
	/**
	 * Same content as an earlier file (in input order): one programme, a warning for this path.
	 * `by`: the same bytes (default), or the same answers in different bytes (a re-saved copy).
	 */
	| { file: string; bytes: number; kind: 'duplicate'; programmeId: string; duplicateOf: string; by?: 'bytes' | 'content' }
	| { file: string; bytes: number | null; kind: 'error'; code: string; reason: string }
	/** A path that gave nothing to read, worth a warning (e.g. a folder named on the command line without PDFs). */
	| { file: string; bytes: null; kind: 'notice'; code: string; reason: string };

/** What enrichment derives from one programme. Rows follow tables.ts (`programme_id` included). */
export interface Enrichment {
	/** Municipality codes the programme covers. */
	municipalityCodes?: readonly string[];
	/** How sure those codes are, 0–1 (programmes.municipality_confidence); null when none. */
	municipalityConfidence?: number | null;
	completeness?: readonly Row[];
	responsibilities?: readonly Row[];
	languages?: readonly Row[];
	cooperation?: readonly Row[];
	/** Go to ingest_log as warnings of the programme's file (e.g. `unresolved-municipality`). */
	warnings?: readonly ProgrammeWarning[];
}

/** `options.municipalityCodes`: what the user mapped this file to (ingest `--municipality`). */
export type Enricher = (programme: Programme, reference: readonly Municipality[], options?: { municipalityCodes?: readonly string[] }) => Enrichment;

export interface DatasetInput {
	files: readonly FileOutcome[];
	municipalities: readonly Municipality[];
	enrich?: Enricher;
	/**
	 * The ingest's "today" (ISO date): a programme dated after it is flagged `future` and never
	 * supersedes another (./dates.ts). Without it no date counts as in the future.
	 */
	referenceDate?: string;
}

/**
 * Facts kept per programme and fact table. Real programmes have under 100 (the demo corpus at
 * most 67); an answer that repeats one sentence for megabytes can yield 100,000s, which would
 * swell the ingest's memory and every page that loads the table.
 */
export const MAX_FACTS_PER_TABLE = 1000;
const CAPPED_TABLES = ['responsibilities', 'languages', 'cooperation'] as const;

/** The enrichment with at most MAX_FACTS_PER_TABLE rows per fact table (the first ones), and a warning for each cut. Idempotent. */
export function capFacts(e: Enrichment): Enrichment {
	const over = CAPPED_TABLES.filter((t) => (e[t]?.length ?? 0) > MAX_FACTS_PER_TABLE);
	if (over.length === 0) return e;
	const out: Enrichment = { ...e, warnings: [...(e.warnings ?? [])] };
	for (const t of over) {
		out.warnings = [
			...out.warnings!,
			{ code: 'too-many-facts', message: `The programme yields ${e[t]!.length} ${t} facts; only the first ${MAX_FACTS_PER_TABLE} are kept (real programmes have under 100; an answer probably repeats itself).` }
		];
		out[t] = e[t]!.slice(0, MAX_FACTS_PER_TABLE);
	}
	return out;
}

const FIELD_ORDER = new Map(ALL_FIELDS.map((f, i) => [f.key, i]));
const ENRICHED_TABLES = ['completeness', 'responsibilities', 'languages', 'cooperation'] as const;

export function buildDataset(input: DatasetInput): Dataset {
	const data: Dataset = Object.fromEntries(TABLES.map((t) => [t.name, [] as Row[]]));
	const context = rowsContext(input);
	const programmeRows: Row[] = [];
	for (const f of input.files) {
		const r = outcomeRows(f, context);
		if (r.programme) programmeRows.push(r.programme);
		// A loop, not push(...rows): a hostile answer can give more rows than the call stack holds arguments.
		for (const [table, rows] of Object.entries(r.rows)) for (const row of rows) data[table].push(row);
	}
	Object.assign(data, finishRows(programmeRows, input.municipalities));
	data.programme_changes = changeRows(data);
	for (const table of TABLES) data[table.name] = sortRows(table, validateRows(table, data[table.name]));
	return data;
}

/**
 * What makes two documents the same programme even when their bytes differ: the same answers
 * (whitespace runs counted as one space, so a reflowed copy matches), the same unmapped fields,
 * the same municipalities and the same kind (real or synthetic). Documents with no answer
 * written have nothing to compare and are never each other's duplicates.
 */
export function contentKey(p: Programme, municipalityCodes: readonly string[]): string | null {
	const norm = (t: string) => t.replace(/\s+/gu, ' ').trim();
	const answers = p.answers.filter((a) => norm(a.text) !== '').map((a) => [a.key, norm(a.text)]);
	if (answers.length === 0) return null;
	const unmapped = p.unmapped.map((u) => norm(u.text)).filter((t) => t !== '');
	return JSON.stringify([p.isSynthetic, [...new Set(municipalityCodes)].sort(), answers, unmapped]);
}

/**
 * What outcomeRows needs besides the outcome, and what it remembers of the files before (in
 * input order): the programme ids seen, and the first programme of each content (re-saved copies
 * of it become duplicates, like identical files). `digest`: how content keys are kept (the
 * ingest keeps a hash, not every programme's text; default the key itself).
 */
export interface RowsContext {
	municipalities: readonly Municipality[];
	enrich?: Enricher;
	referenceDate?: string;
	digest?: (key: string) => string;
	readonly seen: Set<string>;
	readonly firstByContent: Map<string, { id: string; file: string }>;
}

export function rowsContext(input: Pick<DatasetInput, 'municipalities' | 'enrich' | 'referenceDate'> & { digest?: (key: string) => string }): RowsContext {
	return { municipalities: input.municipalities, enrich: input.enrich, referenceDate: input.referenceDate, digest: input.digest, seen: new Set(), firstByContent: new Map() };
}

/** What one file's outcome contributes: its programme row (`is_current` not yet decided) and its rows in the other tables. */
export interface OutcomeRows {
	/** The outcome as it counts: a re-saved copy of an earlier programme becomes a duplicate of it. */
	outcome: FileOutcome;
	programme: Row | null;
	/** By table name: answers, the enriched tables and ingest_log. */
	rows: Record<string, Row[]>;
}

/** The enrichment of a programme outcome (given by the reader, else derived here), capped (capFacts). */
function enrichmentOf(f: Extract<FileOutcome, { kind: 'programme' }>, context: Pick<RowsContext, 'municipalities' | 'enrich'>): Enrichment {
	const { programme, enrichment } = f;
	if (enrichment) return capFacts(enrichment);
	// One municipality resolver (src/lib/programme/enrich): no fallback that would read fewer names.
	if (!context.enrich) throw new Error(`${f.file}: programme ${programme.id} has no enrichment: the reader gives it, or pass \`enrich\``);
	return capFacts(context.enrich(programme, context.municipalities));
}

/**
 * The rows of one file's outcome, given in input order: they depend on that file and on which
 * contents came before (duplicates), so the ingest can write them as files are read and keep no
 * programme in memory (`finishRows` and `changeRows` add what needs them all).
 */
export function outcomeRows(f: FileOutcome, context: RowsContext): OutcomeRows {
	if (f.kind !== 'programme') return { outcome: f, programme: null, rows: { ingest_log: logRows(f, []) } };
	const { programme } = f;
	if (context.seen.has(programme.id)) throw new Error(`programme ${programme.id} given twice: pass later copies as duplicates`);
	context.seen.add(programme.id);
	const e = enrichmentOf(f, context);
	const key = contentKey(programme, e.municipalityCodes ?? []);
	if (key !== null) {
		const digest = context.digest ? context.digest(key) : key;
		const earlier = context.firstByContent.get(digest);
		if (earlier) {
			const duplicate: FileOutcome = { file: f.file, bytes: f.bytes, kind: 'duplicate', programmeId: earlier.id, duplicateOf: earlier.file, by: 'content' };
			return { outcome: duplicate, programme: null, rows: { ingest_log: logRows(duplicate, []) } };
		}
		context.firstByContent.set(digest, { id: programme.id, file: f.file });
	}
	const updated = programme.answers.find((a) => a.key === 'header.updated');
	const date = readUpdated(updated?.status === 'filled' ? updated.text : null, context.referenceDate);
	const rows: Record<string, Row[]> = { ...programmeFactRows(programme, e), ingest_log: logRows(f, [...programme.warnings, ...(e.warnings ?? []), ...(date.problem ? [date.problem] : [])]) };
	return { outcome: f, programme: programmeRow(f.file, f.bytes, programme, e, date), rows };
}

/** A programme's answers and enriched rows: what changeRows compares between versions. */
function programmeFactRows(programme: Programme, e: Enrichment): ChangeSource {
	const rows: Record<string, Row[]> = { answers: answerRows(programme) };
	for (const t of ENRICHED_TABLES) rows[t] = [...(e[t] ?? [])];
	return rows as ChangeSource;
}

/** The rows changeRows needs of one programme outcome (as outcomeRows gives them, without its context's memory). */
export function changeSource(f: Extract<FileOutcome, { kind: 'programme' }>, context: Pick<RowsContext, 'municipalities' | 'enrich'>): ChangeSource {
	return programmeFactRows(f.programme, enrichmentOf(f, context));
}

/**
 * The rows that need every programme: `is_current` (set on `programmeRows`), the versions, and
 * the reference municipalities. The changes between versions (changeRows / pairChangeRows) come
 * after, from programme_versions.
 */
export function finishRows(programmeRows: Row[], municipalities: readonly Municipality[]): Pick<Dataset, 'programmes' | 'programme_versions' | 'municipalities'> {
	markCurrent(programmeRows);
	return { programmes: programmeRows, programme_versions: versionRows(programmeRows), municipalities: municipalities.map(municipalityRow) };
}

function programmeRow(file: string, bytes: number, p: Programme, e: Enrichment, date: ReturnType<typeof readUpdated>): Row {
	const codes = e.municipalityCodes ?? [];
	const header = (key: string) => p.answers.find((a) => a.key === key);
	const municipalities = header('header.municipalities');
	const updated = header('header.updated');
	return {
		programme_id: p.id,
		file,
		bytes,
		input_kind: p.inputKind,
		template: p.template,
		page_count: p.pageCount,
		ocr_confidence: p.ocr && p.ocr.pages.length > 0 ? p.ocr.meanConfidence : null,
		municipalities_text: municipalities && municipalities.status === 'filled' ? municipalities.text : null,
		municipality_codes: [...new Set(codes)].sort(),
		municipality_confidence: codes.length > 0 ? (e.municipalityConfidence ?? null) : null,
		updated: date.iso,
		updated_text: updated && updated.status === 'filled' ? updated.text : null,
		updated_status: date.status,
		document_language: detectDocumentLanguage(p.answers),
		is_synthetic: p.isSynthetic,
		is_current: true,
		title: p.metadata.title,
		producer: p.metadata.producer
	};
}

/** The programme row's date as versions compare it (./dates.ts): null when missing or not plausible. */
const comparableDate = (r: Row) => versionDate(r.updated as string | null, (r.updated_status as string | undefined) ?? 'ok');

/**
 * A programme is not current when another one of the same kind (real or synthetic) covers all of
 * its municipalities and is dated later. Undated programmes (and those whose date is not
 * plausible), and programmes without resolved municipalities, stay current. The rule lives with
 * enrichment (`computeIsCurrent`).
 */
function markCurrent(rows: Row[]): void {
	const current = computeIsCurrent(
		rows.map((r) => ({
			id: r.programme_id as string,
			municipalityCodes: r.municipality_codes as string[],
			updated: comparableDate(r),
			isSynthetic: r.is_synthetic as boolean
		}))
	);
	for (const row of rows) row.is_current = current.get(row.programme_id as string) ?? true;
}

/** Each municipality's programmes as versions (the rules: ../programme/enrich/versions.ts). */
export function versionRows(rows: readonly Row[]): Row[] {
	return versionHistory(
		rows.map((r) => ({
			id: r.programme_id as string,
			municipalityCodes: r.municipality_codes as string[],
			updated: comparableDate(r),
			isSynthetic: r.is_synthetic as boolean
		}))
	).map((v) => ({ code: v.code, programme_id: v.programmeId, version: v.version, previous_programme_ids: v.previousIds, is_latest: v.isLatest }));
}

/** "18.11.2024", "18.11.2024 klo 12", "2024-11-18" → "2024-11-18"; null unless exactly one valid date is written. */
export function parseDate(text: string): string | null {
	const found: string[] = [];
	for (const m of text.matchAll(/(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)/g)) found.push(isoDate(+m[3], +m[2], +m[1]) ?? '');
	for (const m of text.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g)) found.push(isoDate(+m[1], +m[2], +m[3]) ?? '');
	const valid = [...new Set(found)];
	return valid.length === 1 && valid[0] !== '' ? valid[0] : null;
}

function isoDate(year: number, month: number, day: number): string | null {
	const d = new Date(Date.UTC(year, month - 1, day));
	if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function answerRows(p: Programme): Row[] {
	const rect = (r: [number, number, number, number] | null) => ({
		x1: r ? r[0] : null,
		y1: r ? r[1] : null,
		x2: r ? r[2] : null,
		y2: r ? r[3] : null
	});
	const mapped = p.answers.map((a) => ({
		programme_id: p.id,
		ordinal: FIELD_ORDER.get(a.key) ?? ALL_FIELDS.length,
		key: a.key,
		section: a.section,
		part: a.part,
		field_name: a.source.fieldName,
		text: a.text,
		status: a.status,
		page: a.source.page,
		...rect(a.source.rect)
	}));
	const unmapped = p.unmapped.map((u, i) => ({
		programme_id: p.id,
		ordinal: ALL_FIELDS.length + i,
		key: 'unmapped',
		section: null,
		part: null,
		field_name: u.source.fieldName,
		text: u.text,
		status: u.text.trim() === '' ? 'empty' : 'filled',
		page: u.source.page,
		...rect(u.source.rect)
	}));
	return [...mapped, ...unmapped];
}

function municipalityRow(m: Municipality): Row {
	return {
		code: m.code,
		name_fi: m.nameFi,
		name_sv: m.nameSv,
		region_code: m.regionCode,
		region_fi: m.regionFi,
		wellbeing_county_code: m.wellbeingCountyCode,
		wellbeing_county_fi: m.wellbeingCountyFi,
		employment_area_code: m.employmentAreaCode,
		employment_area: m.employmentArea,
		language_status: m.languageStatus,
		population: m.population,
		population_class: m.populationClass,
		aland: m.aland
	};
}

function logRows(f: FileOutcome, warnings: readonly ProgrammeWarning[]): Row[] {
	const row = (seq: number, programmeId: string | null, status: string, code: string, reason: string): Row => ({
		file: f.file,
		seq,
		programme_id: programmeId,
		status,
		code,
		reason
	});
	if (f.kind === 'error') return [row(0, null, 'error', f.code, f.reason)];
	if (f.kind === 'notice') return [row(0, null, 'warning', f.code, f.reason)];
	if (f.kind === 'duplicate' && f.by === 'content') {
		return [
			row(0, f.programmeId, 'warning', 'duplicate-content', `Same answers as ${f.duplicateOf}, in a file with other bytes (a re-saved or re-exported copy): ingested once, under that file; not a second programme or version.`)
		];
	}
	if (f.kind === 'duplicate') {
		return [row(0, f.programmeId, 'warning', 'duplicate', `Same content as ${f.duplicateOf}: ingested once, under that file.`)];
	}
	const p = f.programme;
	const summary = readingAccount(p);
	return [row(0, p.id, 'ok', 'ok', summary), ...warnings.map((w, i) => row(i + 1, p.id, w.level ?? 'warning', w.code, w.message))];
}

/** Check rows against the table's columns: exact column set, types, nullability. Throws on the first problem. */
export function validateRows(table: TableDef, rows: readonly Row[]): Row[] {
	const names = new Set(table.columns.map((c) => c.name));
	rows.forEach((row, n) => {
		for (const k of Object.keys(row)) {
			if (!names.has(k)) throw new Error(`${table.name} row ${n}: unknown column "${k}"`);
		}
		for (const c of table.columns) {
			const problem = cellProblem(c, row[c.name]);
			if (problem) throw new Error(`${table.name} row ${n}, column ${c.name}: ${problem}`);
		}
	});
	return [...rows];
}

function cellProblem(c: ColumnDef, v: Cell | undefined): string | null {
	if (v === undefined) return 'missing';
	if (v === null) return c.nullable ? null : 'null in a NOT NULL column';
	switch (c.type) {
		case 'VARCHAR':
			return typeof v === 'string' ? null : `expected a string, got ${typeof v}`;
		case 'DATE':
			return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? null : `expected a YYYY-MM-DD date, got ${JSON.stringify(v)}`;
		case 'INTEGER':
		case 'BIGINT':
			return typeof v === 'number' && Number.isSafeInteger(v) ? null : `expected an integer, got ${JSON.stringify(v)}`;
		case 'DOUBLE':
			return typeof v === 'number' && Number.isFinite(v) ? null : `expected a finite number, got ${JSON.stringify(v)}`;
		case 'BOOLEAN':
			return typeof v === 'boolean' ? null : `expected a boolean, got ${typeof v}`;
		case 'VARCHAR[]':
			return Array.isArray(v) && v.every((x) => typeof x === 'string') ? null : 'expected a list of strings';
	}
}

/** Sort by the table's orderBy, then by every other column, so equal inputs give equal order. */
export function sortRows(table: TableDef, rows: readonly Row[]): Row[] {
	const keys = [...table.orderBy, ...table.columns.map((c) => c.name).filter((n) => !table.orderBy.includes(n))];
	return [...rows].sort((a, b) => {
		for (const k of keys) {
			const d = compareCells(a[k], b[k]);
			if (d !== 0) return d;
		}
		return 0;
	});
}

/** Nulls last (as DuckDB sorts by default); strings in UTF-8 byte order, as DuckDB compares VARCHAR. */
function compareCells(a: Cell | undefined, b: Cell | undefined): number {
	if (a === b) return 0;
	if (a === null || a === undefined) return 1;
	if (b === null || b === undefined) return -1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
	if (Array.isArray(a) && Array.isArray(b)) {
		for (let i = 0; i < Math.min(a.length, b.length); i++) {
			const d = compareCells(a[i], b[i]);
			if (d !== 0) return d;
		}
		return a.length - b.length;
	}
	return compareUtf8(String(a), String(b));
}

/** Code point order, which is UTF-8 byte order (UTF-16 units differ only around surrogates). */
function compareUtf8(a: string, b: string): number {
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) {
		const x = a.charCodeAt(i);
		const y = b.charCodeAt(i);
		if (x !== y) return rank(x) - rank(y);
	}
	return a.length - b.length;
}

function rank(unit: number): number {
	if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
	if (unit >= 0xe000) return unit - 0x800;
	return unit;
}

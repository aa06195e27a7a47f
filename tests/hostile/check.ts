/**
 * What the hostile suite asserts about one ingest of the mix, as a list of problems (empty = all
 * held), so the test and the benchmark share it:
 * - the run ended by itself, with exit 0 or 1, without a crash or a stack trace;
 * - every input (good file or hostile case, given or found) has exactly one verdict, and nothing
 *   else has one; ingest_log has rows for exactly those files;
 * - each hostile case got what its expectation says (e.g. a bomb is a limit, not "blank");
 * - every good file has the same verdict and the same rows (programme, answers, facts) as when
 *   the good files are ingested alone;
 * - the peak resident memory of the process tree stayed under the budget.
 * Problems with file names that are not UTF-8 and with control characters reaching the terminal
 * are listed apart (`nonUtf8`, `terminal`: issue 9 items 4 and 8), so a failure names its kind.
 */
import { TABLES } from '../../src/lib/dataset/tables';
import type { FileReport, IngestReport } from '../../ingest/run';
import { parquet, query, type JsonRow } from '../helpers/duckdb';
import type { CliRun } from './run';
import type { HostileCase, HostileManifest } from './types';

export interface Problems {
	/** The run: it ended by itself, exit 0 or 1, no crash, no stack trace, no reader left behind. */
	run: string[];
	/** One verdict per input (given or found), none for anything else, each with the right cause. */
	verdicts: string[];
	/** Good files as when the good files are ingested alone. */
	good: string[];
	/** Peak resident memory of the whole process tree under the budget. */
	memory: string[];
	/** Names that are not valid UTF-8 (issue 9 item 4). */
	nonUtf8: string[];
	/** Control characters from file names reaching the terminal (issue 9 item 8). */
	terminal: string[];
}

/** Per table, the rows of each programme as sorted JSON (columns that depend on other programmes left out). */
export type ProgrammeRows = Map<string, Map<string, string>>;

/** Columns that legitimately change when other documents join (which version is current). */
const CONTEXT_COLUMNS: Record<string, string[]> = { programmes: ['is_current'] };
const PER_PROGRAMME = TABLES.filter((t) => t.columns.some((c) => c.name === 'programme_id') && t.name !== 'ingest_log' && t.name !== 'programme_versions');

export async function programmeRows(dir: string): Promise<ProgrammeRows> {
	const out: ProgrammeRows = new Map();
	for (const t of PER_PROGRAMME) {
		const drop = new Set(['programme_id', ...(CONTEXT_COLUMNS[t.name] ?? [])]);
		const rows = await query(`SELECT * FROM ${parquet(dir, t.name)}`);
		const by = new Map<string, string[]>();
		for (const r of rows) {
			const id = r.programme_id as string;
			const kept = Object.fromEntries(Object.entries(r).filter(([k]) => !drop.has(k)));
			(by.get(id) ?? by.set(id, []).get(id)!).push(JSON.stringify(kept));
		}
		out.set(t.name, new Map([...by].map(([id, list]) => [id, list.sort().join('\n')])));
	}
	return out;
}

export async function ingestLogFiles(dir: string): Promise<Set<string>> {
	return new Set((await query(`SELECT DISTINCT file FROM ${parquet(dir, 'ingest_log')}`)).map((r: JsonRow) => r.file as string));
}

const STACK = /\n\s+at .+:\d+:\d+/;
/** Control characters other than newline and tab: they can move the cursor, recolour or retitle the terminal. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function tokenOf(file: string): string | null {
	const last = file.slice(file.lastIndexOf('/') + 1);
	return /(?:^|[^a-z0-9])(h\d{3})(?=-|\.)/.exec(last)?.[1] ?? null;
}

export interface CheckInput {
	manifest: HostileManifest;
	/** The cases that were in the mix (all, or the subset). */
	cases: readonly HostileCase[];
	run: CliRun;
	report: IngestReport | null;
	mixLog: Set<string>;
	mixRows: ProgrammeRows;
	baseline: IngestReport;
	baselineRows: ProgrammeRows;
	/** Peak RSS budget for the whole process tree, bytes. */
	budget: number;
}

export function checkMix(input: CheckInput): Problems {
	const p: Problems = { run: [], verdicts: [], good: [], memory: [], nonUtf8: [], terminal: [] };
	const { run, report, cases, baseline } = input;
	if (run.hung) p.run.push(`the ingest did not end by itself (killed at the deadline after ${Math.round(run.wallMs / 1000)} s)`);
	if (run.code !== 0 && run.code !== 1) p.run.push(`exit code ${run.code}${run.signal ? ` (signal ${run.signal})` : ''}, expected 0 or 1`);
	if (STACK.test(run.stderr)) p.run.push(`stderr holds a stack trace: ${run.stderr.match(STACK)![0].trim()}`);
	if (/failed unexpectedly/i.test(run.stderr)) p.run.push(`stderr: ${run.stderr.match(/.*failed unexpectedly.*/i)![0]}`);
	if (run.leftover > 0) p.run.push(`${run.leftover} reader process(es) were still running after the ingest ended`);
	if (run.peakRss > input.budget) p.memory.push(`peak RSS of the process tree ${mb(run.peakRss)} MB is over the budget of ${mb(input.budget)} MB`);
	const controlLines = run.stderr.split('\n').filter((l) => TERMINAL_CONTROL.test(l));
	if (controlLines.length > 0) p.terminal.push(`${controlLines.length} stderr line(s) carry raw control characters from file names, e.g. ${JSON.stringify(controlLines[0])}`);
	if (!report) {
		p.run.push('no report was written');
		return p;
	}

	// One verdict per input, nothing else.
	const good = new Map(input.manifest.good.map((f) => [f, [] as FileReport[]]));
	const byToken = new Map(cases.map((c) => [c.token, { c, rows: [] as FileReport[] }]));
	const byFile = new Map(cases.filter((c) => !c.rawName).map((c) => [c.file, byToken.get(c.token)!]));
	for (const row of report.files) {
		const g = good.get(row.file);
		if (g) {
			g.push(row);
			continue;
		}
		const entry = byFile.get(row.file) ?? byToken.get(tokenOf(row.file) ?? '');
		if (entry) entry.rows.push(row);
		else p.verdicts.push(`a verdict for a path that is no input: ${JSON.stringify(row.file)} (${row.code})`);
	}
	for (const [file, rows] of good) if (rows.length !== 1) p.good.push(`good file ${file}: ${rows.length} verdicts, expected 1`);
	for (const { c, rows } of byToken.values()) {
		const out = c.rawName ? p.nonUtf8 : p.verdicts;
		if (rows.length !== 1) {
			out.push(`${c.token} ${c.cls} ${JSON.stringify(c.file)}: ${rows.length} verdicts, expected 1`);
			continue;
		}
		const problem = expectationProblem(c, rows[0], input);
		if (problem) out.push(`${c.token} ${c.cls} ${JSON.stringify(c.file)}: ${problem}`);
	}
	const reported = new Set(report.files.map((f) => f.file));
	for (const f of reported) if (!input.mixLog.has(f)) p.verdicts.push(`${JSON.stringify(f)} has a verdict but no ingest_log row`);
	for (const f of input.mixLog) if (!reported.has(f)) p.verdicts.push(`${JSON.stringify(f)} has ingest_log rows but no verdict`);

	// Good files: as when ingested alone.
	const alone = new Map(baseline.files.map((f) => [f.file, f]));
	for (const [file, rows] of good) {
		const a = alone.get(file);
		const m = rows[0];
		if (!a || !m) continue;
		const pick = (f: FileReport) => JSON.stringify([f.status, f.code, f.programmeId, f.inputKind, f.warnings]);
		if (pick(a) !== pick(m)) p.good.push(`good file ${file}: ${pick(m)} in the mix, ${pick(a)} alone`);
		if (!a.programmeId || a.code === 'duplicate') continue;
		for (const [table, rowsAlone] of input.baselineRows) {
			if ((input.mixRows.get(table)?.get(a.programmeId) ?? '') !== (rowsAlone.get(a.programmeId) ?? '')) p.good.push(`good file ${file}: its ${table} rows differ from the ingest of the good files alone`);
		}
	}
	return p;
}

function expectationProblem(c: HostileCase, row: FileReport, input: CheckInput): string | null {
	const got = `${row.status} ${row.code}: ${row.reason}`.slice(0, 300);
	if (STACK.test(row.reason) || row.reason.length > 2000) return `the reason is not plain words: ${got}`;
	const e = c.expect;
	switch (e.kind) {
		case 'any':
			return null;
		case 'programme-or-limit':
			return (row.programmeId && row.code !== 'duplicate') || ['limit-stream', 'limit-memory', 'limit-time'].includes(row.code) ? null : `expected a programme or a limit, got ${got}`;
		case 'duplicate':
			return row.code === 'duplicate' ? null : `expected a duplicate, got ${got}`;
		case 'error': {
			if (row.status !== 'error' || !e.codes.includes(row.code)) return `expected an error ${e.codes.join(' or ')}, got ${got}`;
			if (e.reason && !new RegExp(e.reason).test(row.reason)) return `the reason should match ${e.reason}: ${got}`;
			if (e.notReason && new RegExp(e.notReason).test(row.reason)) return `the reason must not match ${e.notReason}: ${got}`;
			return null;
		}
		case 'programme': {
			if (!row.programmeId || row.code === 'duplicate' || !row.inputKind) return `expected a programme, got ${got}`;
			if (!e.sameAnswersAs) return null;
			const base = input.baseline.files.find((f) => f.file === e.sameAnswersAs)?.programmeId;
			const answers = input.mixRows.get('answers');
			if (!base || !answers) return `no programme for ${e.sameAnswersAs} in the baseline`;
			return (answers.get(row.programmeId) ?? '') === (input.baselineRows.get('answers')?.get(base) ?? '') ? null : `its answers differ from those of ${e.sameAnswersAs}`;
		}
	}
}

export const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The problems as one text for a test failure message. */
export function describe(problems: readonly string[]): string {
	return problems.length === 0 ? 'no problems' : `${problems.length} problem(s):\n  ${problems.join('\n  ')}`;
}

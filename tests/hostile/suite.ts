/**
 * One round of the hostile suite: generate the mix, ingest the good files alone (the baseline),
 * ingest the whole mix, and check it (tests/hostile/check.ts). Used by tests/hostile/hostile.test.ts
 * (subset in the normal run, everything in `npm run test:hostile`) and bench/hostile.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IngestReport } from '../../ingest/run';
import { checkMix, ingestLogFiles, mb, programmeRows, type Problems } from './check';
import { generateHostile, goodFiles } from './generate';
import { runCli, type CliRun } from './run';
import type { HostileManifest } from './types';

/** The Done-when budget for the whole process tree (issue 9). */
export const RSS_BUDGET = 1.5 * 1024 * 1024 * 1024;

export interface SuiteOptions {
	/** All 200+ cases and the bundled corpus as good files; else the subset and the committed good files. */
	full: boolean;
	/** Extra ingest options (e.g. ['--jobs', '2']). */
	ingestArgs?: string[];
	/** Kill a run that takes longer (ms). */
	deadlineMs: number;
	/** Keep the temporary folder (its path is in the result). */
	keep?: boolean;
	log?: (line: string) => void;
}

export interface SuiteResult {
	dir: string;
	manifest: HostileManifest;
	baseline: CliRun;
	mix: CliRun;
	problems: Problems;
	generateMs: number;
}

function report(path: string): IngestReport | null {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as IngestReport;
	} catch {
		return null;
	}
}

/** Ingests `inputs` under the mix root into `out`, writing the JSON report beside it. */
export function ingest(manifest: HostileManifest, inputs: string[], out: string, opts: Pick<SuiteOptions, 'ingestArgs' | 'deadlineMs'>): Promise<CliRun> {
	return runCli([...inputs, '--root', manifest.root, '--out', out, '--report', `${out}.json`, ...(opts.ingestArgs ?? [])], { deadlineMs: opts.deadlineMs });
}

/** One round on a generated mix: the good files alone, then the whole mix, then the checks. */
export async function runRound(
	manifest: HostileManifest,
	dir: string,
	opts: Pick<SuiteOptions, 'ingestArgs' | 'deadlineMs' | 'log'> & { mixFirst?: boolean }
): Promise<Omit<SuiteResult, 'dir' | 'manifest' | 'generateMs'>> {
	const log = opts.log ?? (() => undefined);
	const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
	const alone = async () => {
		const run = await ingest(manifest, [join(manifest.root, 'good')], join(dir, 'alone'), opts);
		log(`hostile: good files alone: exit ${run.code}, ${s(run.wallMs)}, peak RSS ${mb(run.peakRss)} MB`);
		return run;
	};
	const mixed = async () => {
		const run = await ingest(manifest, [join(manifest.root, 'good'), join(manifest.root, 'hostile'), ...manifest.named], join(dir, 'mix-out'), opts);
		log(`hostile: the mix: exit ${run.code}${run.hung ? ' (hung, killed)' : ''}, ${s(run.wallMs)}, peak RSS ${mb(run.peakRss)} MB`);
		return run;
	};
	// Alternating the order between rounds evens out a machine that gets busier or quieter.
	const [baseline, mix] = opts.mixFirst ? await mixed().then(async (m) => [await alone(), m]) : await alone().then(async (a) => [a, await mixed()]);
	const baseReport = report(join(dir, 'alone.json'));
	if (!baseReport) throw new Error(`the good files alone could not be ingested (exit ${baseline.code}):\n${baseline.stderr.slice(-2000)}`);
	const mixReport = report(join(dir, 'mix-out.json'));
	const problems = checkMix({
		manifest,
		cases: manifest.cases,
		run: mix,
		report: mixReport,
		mixLog: mixReport ? await ingestLogFiles(join(dir, 'mix-out')) : new Set(),
		mixRows: mixReport ? await programmeRows(join(dir, 'mix-out')) : new Map(),
		baseline: baseReport,
		baselineRows: await programmeRows(join(dir, 'alone')),
		budget: RSS_BUDGET
	});
	return { baseline, mix, problems };
}

/** Generates the mix into a temporary folder. */
export async function prepareMix(full: boolean, log: (line: string) => void = () => undefined): Promise<{ dir: string; manifest: HostileManifest; generateMs: number }> {
	const dir = mkdtempSync(join(tmpdir(), 'kk-hostile-'));
	const t0 = performance.now();
	const manifest = await generateHostile({ out: join(dir, 'mix'), good: goodFiles(full), subset: !full });
	const generateMs = performance.now() - t0;
	log(`hostile: ${manifest.good.length} good files, ${manifest.cases.length} hostile inputs (generated in ${(generateMs / 1000).toFixed(1)} s)`);
	return { dir, manifest, generateMs };
}

export async function runSuite(opts: SuiteOptions): Promise<SuiteResult> {
	const { dir, manifest, generateMs } = await prepareMix(opts.full, opts.log);
	try {
		return { dir, manifest, generateMs, ...(await runRound(manifest, dir, opts)) };
	} finally {
		if (!opts.keep) rmSync(dir, { recursive: true, force: true });
	}
}

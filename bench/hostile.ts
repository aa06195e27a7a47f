/**
 * npm run bench:hostile [-- --runs 3 --full|--subset]
 *
 * Issue 9's first "Done when": the full hostile mix (226 hostile inputs, tests/hostile/generate.ts)
 * with the good corpus (data/pdfs: Aura and the synthetic demo corpus, `npm run corpus`; and the
 * LibreOffice-printed fixtures) is ingested as a user does (the CLI, default limits), and so are
 * the good files alone, in the same round, the order alternating between rounds. Per round: wall
 * time of each and their ratio, exit code, peak resident memory of the whole process tree (sum of
 * RSS over the CLI, its readers and their tesseract/pdftoppm children, sampled from /proc every
 * 50 ms), good programmes lost, inputs without exactly one verdict. Medians over the rounds.
 * Targets: exit 0 or 1, nothing lost, every input a verdict, peak RSS ≤ 1.5 GB, wall ≤ 3× the
 * good files alone. Takes ~10 min a round on two busy cores, so it is not part of `npm run bench`.
 * Not a test: the figures depend on the machine. Results also go to bench/out/hostile.json.
 */
import { loadavg } from 'node:os';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mb } from '../tests/hostile/check';
import { prepareMix, runRound, RSS_BUDGET } from '../tests/hostile/suite';

const ROOT = resolve(import.meta.dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
	const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, subset: { type: 'boolean', default: false } } });
	const runs = Number(values.runs);
	if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
	const log = (line: string) => process.stderr.write(`${line}\n`);
	const { dir, manifest } = await prepareMix(!values.subset, log);
	const rounds: { ratio: number; alone: number; mix: number; peak: number; peakAlone: number; code: number | null; lost: number; verdicts: number; problems: string[] }[] = [];
	try {
		for (let i = 0; i < runs; i++) {
			const load = loadavg()[0];
			const r = await runRound(manifest, dir, { deadlineMs: 60 * 60_000, log, mixFirst: i % 2 === 1 });
			const lost = r.problems.good.length;
			const verdicts = r.problems.verdicts.length + r.problems.nonUtf8.length;
			rounds.push({
				ratio: r.mix.wallMs / r.baseline.wallMs,
				alone: r.baseline.wallMs,
				mix: r.mix.wallMs,
				peak: r.mix.peakRss,
				peakAlone: r.baseline.peakRss,
				code: r.mix.code,
				lost,
				verdicts,
				problems: [...r.problems.run, ...r.problems.verdicts, ...r.problems.good, ...r.problems.nonUtf8]
			});
			log(`bench: round ${i + 1}/${runs} (load ${load.toFixed(1)} → ${loadavg()[0].toFixed(1)}): ratio ${(r.mix.wallMs / r.baseline.wallMs).toFixed(2)}×`);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	const m = {
		goodFiles: manifest.good.length,
		hostileInputs: manifest.cases.length,
		rounds: runs,
		aloneSeconds: +(median(rounds.map((r) => r.alone)) / 1000).toFixed(1),
		mixSeconds: +(median(rounds.map((r) => r.mix)) / 1000).toFixed(1),
		ratio: +median(rounds.map((r) => r.ratio)).toFixed(2),
		peakRssMb: mb(median(rounds.map((r) => r.peak))),
		peakRssMbMax: mb(Math.max(...rounds.map((r) => r.peak))),
		peakRssAloneMb: mb(median(rounds.map((r) => r.peakAlone))),
		exitCodes: rounds.map((r) => r.code),
		goodFilesDiffering: rounds.map((r) => r.lost),
		inputsWithoutOneVerdict: rounds.map((r) => r.verdicts),
		perRound: rounds.map((r) => ({ ratio: +r.ratio.toFixed(2), aloneSeconds: +(r.alone / 1000).toFixed(1), mixSeconds: +(r.mix / 1000).toFixed(1), peakRssMb: mb(r.peak) })),
		node: process.version
	};
	mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
	writeFileSync(join(ROOT, 'bench/out/hostile.json'), JSON.stringify({ ...m, problems: rounds.map((r) => r.problems) }, null, 2) + '\n');
	const ok = (b: boolean) => (b ? 'ok' : 'NOT MET');
	process.stdout.write(
		[
			'',
			`Hostile mix: ${m.hostileInputs} hostile inputs with ${m.goodFiles} good files (Aura and the synthetic demo corpus), median of ${runs} round(s)`,
			'',
			`  good files alone   ${m.aloneSeconds.toFixed(1).padStart(7)} s   peak RSS ${m.peakRssAloneMb} MB`,
			`  the whole mix      ${m.mixSeconds.toFixed(1).padStart(7)} s   peak RSS ${m.peakRssMb} MB (largest ${m.peakRssMbMax} MB)   [${ok(m.peakRssMbMax <= mb(RSS_BUDGET))}: ≤ ${mb(RSS_BUDGET)} MB]`,
			`  ratio mix / alone  ${m.ratio.toFixed(2).padStart(7)}×   (per round: ${m.perRound.map((r) => `${r.ratio}×`).join(', ')})   [${ok(m.ratio <= 3)}: ≤ 3×]`,
			`  exit codes ${m.exitCodes.join(', ')} [${ok(m.exitCodes.every((c) => c === 0 || c === 1))}]; good files differing from alone: ${m.goodFilesDiffering.join(', ')} [${ok(m.goodFilesDiffering.every((n) => n === 0))}]; verdict problems (none, several, or the wrong cause): ${m.inputsWithoutOneVerdict.join(', ')} [${ok(m.inputsWithoutOneVerdict.every((n) => n === 0))}]`,
			`  (results and every problem in bench/out/hostile.json)`,
			''
		].join('\n')
	);
}

main().catch((e) => {
	process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
	process.exitCode = 1;
});

/**
 * Enrichment scaling benchmark (part of `npm run bench`; alone: `npx tsx bench/enrich-scaling.ts
 * [--runs 3] [--sizes 0.1,1,10] [--kinds aura,no-breaks] [--enricher path/to/enrich/index.ts]`).
 *
 * Enriches one long answer (s3.a1) of 0.1, 1 and 10 MB, built from whole copies of (a) Aura's
 * answers and (b) one endless sentence of language names with no sentence break, and prints the
 * milliseconds per MB at each size. The peer is the same code on the 0.1 MB text in the same run:
 * the ratio (10 MB per-MB cost) / (0.1 MB per-MB cost) is ≈ 1 when the enrichment is linear, ≈ 100
 * when it is quadratic. `--enricher` measures another copy of the code (e.g. an older checkout's).
 * Not a test (tests/unit/enrich-scaling.test.ts counts work instead): numbers depend on the machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { createEnricher as CreateEnricher } from '../src/lib/programme/enrich/index';
import { longAnswerProgramme, longText, reference, type LongTextKind } from '../tests/unit/enrich-fixtures';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');
const KINDS: LongTextKind[] = ['aura', 'no-breaks'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

export interface EnrichScalingResult {
	sizesMb: number[];
	runs: number;
	kinds: { kind: LongTextKind; msPerMb: number[]; ratio: number; languages: number[] }[];
}

export async function runEnrichScalingBench(opts: { runs?: number; sizesMb?: number[]; kinds?: LongTextKind[]; enricher?: string } = {}): Promise<EnrichScalingResult> {
	const runs = opts.runs ?? 3;
	const sizesMb = opts.sizesMb ?? [0.1, 1, 10];
	const mod: { createEnricher: typeof CreateEnricher } = opts.enricher
		? await import(pathToFileURL(resolve(opts.enricher)).href)
		: await import('../src/lib/programme/enrich/index');
	const enrich = mod.createEnricher(reference);
	enrich(longAnswerProgramme(longText('aura', 1e4).text)); // warm up the JIT and the lexicons
	const result: EnrichScalingResult = { sizesMb, runs, kinds: [] };
	for (const kind of opts.kinds ?? KINDS) {
		const msPerMb: number[] = [];
		const languages: number[] = [];
		for (const mb of sizesMb) {
			const { text } = longText(kind, mb * 1e6);
			const programme = longAnswerProgramme(text);
			const times: number[] = [];
			for (let r = 0; r < runs; r++) {
				const started = performance.now();
				const e = enrich(programme);
				times.push(performance.now() - started);
				if (r === 0) languages.push(e.languages.length);
			}
			msPerMb.push(+(median(times) / (text.length / 1e6)).toFixed(1));
			process.stderr.write(`bench: enrich ${kind} ${mb} MB: ${msPerMb[msPerMb.length - 1]} ms/MB\n`);
		}
		result.kinds.push({ kind, msPerMb, ratio: +(msPerMb[msPerMb.length - 1] / msPerMb[0]).toFixed(2), languages });
	}
	mkdirSync(OUT, { recursive: true });
	writeFileSync(join(OUT, 'enrich-scaling.json'), JSON.stringify(result, null, 2) + '\n');
	const head = sizesMb.map((mb) => `${mb} MB`.padStart(10)).join('');
	process.stdout.write(
		[
			'',
			`Enrichment scaling: one long answer, ms per MB (median of ${runs} run(s)); ratio = per-MB cost at ${sizesMb[sizesMb.length - 1]} MB / at ${sizesMb[0]} MB (linear ≈ 1)`,
			'',
			`  ${'text'.padEnd(12)}${head}   ratio`,
			...result.kinds.map((k) => `  ${k.kind.padEnd(12)}${k.msPerMb.map((x) => String(x).padStart(10)).join('')}   ${k.ratio}×`),
			`  (results in bench/out/enrich-scaling.json)`,
			''
		].join('\n')
	);
	return result;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
	const { values } = parseArgs({
		options: { runs: { type: 'string', default: '3' }, sizes: { type: 'string', default: '0.1,1,10' }, kinds: { type: 'string', default: KINDS.join(',') }, enricher: { type: 'string' } }
	});
	const kinds = values.kinds.split(',') as LongTextKind[];
	if (kinds.some((k) => !KINDS.includes(k))) throw new Error(`--kinds: one of ${KINDS.join(', ')}`);
	runEnrichScalingBench({ runs: Number(values.runs), sizesMb: values.sizes.split(',').map(Number), kinds, enricher: values.enricher }).catch((e) => {
		process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
		process.exitCode = 1;
	});
}

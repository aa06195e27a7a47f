/**
 * npm run corpus [-- --seed N] [--out DIR] [--truth DIR] [--force]
 *
 * Generates the synthetic demo corpus (every document marked synthetic) into data/pdfs/demo/
 * with its ground truth in data/truth/demo/. With --out alone the truth goes to DIR/_truth.
 * Skips the work when the corpus for that seed and generator version is already there.
 * Logs to stderr; exit 0 on success, 1 on failure, 2 on bad arguments.
 */
import { join, resolve } from 'node:path';
import { DEFAULT_SEED, generateCorpus, GENERATOR_VERSION } from './generate';

const USAGE = `usage: npm run corpus [-- --seed N] [--out DIR] [--truth DIR] [--force] [--workers N]
  --seed N     seed of the corpus (default ${DEFAULT_SEED})
  --out DIR    where the PDFs go (default data/pdfs/demo)
  --truth DIR  where the ground truth and manifest go (default data/truth/demo, or DIR/_truth with --out)
  --force      regenerate even if the corpus for this seed is present
  --workers N  worker threads (default 2, or fewer cores); the output does not depend on it
`;

function parseArgs(argv: string[]): { seed: string; out: string; truth: string; force: boolean; workers: number | undefined } | null {
	let seed = DEFAULT_SEED;
	let workers: number | undefined;
	let out: string | null = null;
	let truth: string | null = null;
	let force = false;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const value = () => {
			const v = argv[++i];
			if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
			return v;
		};
		if (a === '--seed') seed = value();
		else if (a === '--out') out = value();
		else if (a === '--truth') truth = value();
		else if (a === '--force') force = true;
		else if (a === '--workers') {
			workers = Number(value());
			if (!Number.isInteger(workers) || workers < 1 || workers > 16) throw new Error('--workers must be a whole number from 1 to 16');
		}
		else if (a === '--help' || a === '-h') return null;
		else throw new Error(`unknown argument "${a}"`);
	}
	if (!/^[A-Za-z0-9_-]{1,64}$/.test(seed)) throw new Error(`--seed must be letters, digits, - or _ (got "${seed}")`);
	const outDir = resolve(out ?? 'data/pdfs/demo');
	const truthDir = resolve(truth ?? (out ? join(outDir, '_truth') : 'data/truth/demo'));
	return { seed, out: outDir, truth: truthDir, force, workers };
}

async function main(): Promise<number> {
	let args: ReturnType<typeof parseArgs>;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (e) {
		process.stderr.write(`corpus: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
		return 2;
	}
	if (!args) {
		process.stderr.write(USAGE);
		return 0;
	}
	const started = performance.now();
	const log = (m: string) => process.stderr.write(`${m}\n`);
	log(`corpus: seed ${args.seed}, generator ${GENERATOR_VERSION}`);
	const { skipped, manifest } = await generateCorpus({
		seed: args.seed,
		root: resolve('.'),
		outDir: args.out,
		truthDir: args.truth,
		force: args.force,
		workers: args.workers,
		log
	});
	if (!skipped && manifest) {
		const kinds = Object.entries(manifest.kinds)
			.map(([k, n]) => `${k} ${n}`)
			.join(', ');
		log(`corpus: ${manifest.files.length} documents (${kinds}); ${manifest.gaps.length} municipalities without a programme; ${((performance.now() - started) / 1000).toFixed(1)} s`);
	}
	return 0;
}

main().then(
	(code) => process.exit(code),
	(e: unknown) => {
		process.stderr.write(`corpus: failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
		process.exit(1);
	}
);

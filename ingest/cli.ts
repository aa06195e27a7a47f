/**
 * npm run ingest -- [paths…] [--out static/data] [--root .] [--json] [--help]
 *
 * A data loader in the Observable Framework sense: the data goes to files, logs and progress
 * to stderr, a machine-readable report to stdout with --json, and the exit code says how it went.
 */
import { parseArgs } from 'node:util';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { errorInWords, progressLine, terminalSafe } from './names';
import { OutputRefusedError, pendingPaths } from './output';
import { INGEST_VERSION, NoInputsError, ingestEnricher, runIngest, type IngestReport } from './run';

const HELP = `Kotokartta ingest ${INGEST_VERSION}: integration programme PDFs → Parquet.

Usage: npm run ingest -- [paths…] [options]

  paths          PDF files and folders (folders are searched recursively for *.pdf;
                 files named explicitly are read whatever their extension).
                 Default: data/pdfs
  --out DIR      Output directory, replaced as a whole and atomically (default: static/data).
                 It receives one <table>.parquet per table, manifest.json and data-dictionary.md.
                 It must be missing, empty, or a dataset an earlier ingest wrote (its manifest.json
                 says so); anything else is refused (exit 2) and left untouched. DIR becomes a link
                 to the version in .<DIR>.versions/ beside it, swapped in one step.
  --root DIR     Input paths in the dataset are relative to DIR (default: the current directory).
  --reference F  Municipality reference CSV (default: data/reference/municipalities.csv).
  --municipality FILE=CODE[,CODE]
                 The programme's municipality for a file whose document names none (repeatable;
                 FILE is the dataset path or the file name, CODE the 3-digit municipality code).
  --today DATE   The ingest's reference date, YYYY-MM-DD (default: today in Finland). A
                 programme dated after it is flagged (date-in-future) and never supersedes
                 another. Recorded in manifest.json: the same inputs and date give the same bytes.
  --jobs N       Reader processes, one file each at a time (default: the number of cores).
  --max-seconds S   Wall time per file, OCR included (default 300); over it the file is limit-time.
  --max-memory-mb M Memory per file: V8 heap and the resident memory of the reader and its
                 tesseract processes (default 1024); over it the file is limit-memory. All
                 readers together stay under M or 512 MB per job, whichever is more.
  --max-pages P  Pages per PDF (default 2000), checked before any page is read: limit-pages.
  --max-file-mb F   File size (default 100), checked before reading: limit-size.
  --max-stream-mb S What one stream may decompress to (default 256), checked before
                 reading: limit-stream (decompression bombs).
  --json         Print a machine-readable report to stdout (logs stay on stderr). Through
                 npm too: the project's .npmrc keeps npm's banner off stdout.
  --report FILE  Write the same JSON report to FILE.
  -h, --help     Show this help.

Every path given or found gets one verdict in ingest_log: ok, warning (e.g. unmapped field,
duplicate or duplicate-content, unparseable-date, date-in-future, date-before-2024,
implausible-coverage, empty-folder) or error (not-pdf, empty, truncated, encrypted,
no-form-fields, xfa-only, foreign-form, unreadable, not-found, limit-size, limit-pages,
limit-stream, limit-time, limit-memory, worker-crashed, dangling-symlink, symlink-loop,
not-a-regular-file, unreadable-folder).
One bad file never stops the batch. A file name that is not valid UTF-8 is read like any
other and written \\xHH for each such byte (a backslash as \\\\); control characters in names
and reasons are escaped on the terminal.

Exit codes:
  0  every file was read (possibly with warnings); the dataset was written
  1  some files were rejected, or a programme has no municipality (see ingest_log / stderr);
     the dataset was still written
  2  usage error (a bad option, an --out that is not a dataset directory, an input path
     that does not exist), or no input files found; nothing written
  3  the dataset could not be written (e.g. the disk is full; the reason in words); the
     previous dataset is left intact
  130  interrupted (SIGINT or SIGTERM): the readers and their OCR are stopped, nothing is
     written, the previous dataset is left intact
`;

function parse(argv: string[]) {
	return parseArgs({
		args: argv,
		allowPositionals: true,
		tokens: true,
		options: {
			out: { type: 'string', default: 'static/data' },
			root: { type: 'string', default: '.' },
			reference: { type: 'string' },
			municipality: { type: 'string', multiple: true },
			today: { type: 'string' },
			jobs: { type: 'string' },
			'max-seconds': { type: 'string' },
			'max-memory-mb': { type: 'string' },
			'max-pages': { type: 'string' },
			'max-file-mb': { type: 'string' },
			'max-stream-mb': { type: 'string' },
			json: { type: 'boolean', default: false },
			report: { type: 'string' },
			help: { type: 'boolean', short: 'h', default: false }
		}
	});
}

function progressBar(done: number, total: number, file: string): void {
	process.stderr.write(progressLine(done, total, file));
}

function summary(report: IngestReport): string {
	const kinds = new Map<string, number>();
	for (const f of report.files) {
		const k = f.status === 'error' ? `error: ${f.code}` : f.code === 'duplicate' || f.code === 'duplicate-content' ? f.code : (f.inputKind ?? 'unknown');
		kinds.set(k, (kinds.get(k) ?? 0) + 1);
	}
	const lines = [
		'',
		`Ingested ${report.counts.files} file(s) → ${report.counts.programmes} programme(s) in ${terminalSafe(report.out)}`,
		'',
		'  outcome                      files',
		'  ---------------------------  -----',
		...[...kinds].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `  ${k.padEnd(27)}  ${String(n).padStart(5)}`),
		'',
		`  ok ${report.counts.ok}, with warnings ${report.counts.warning}, rejected ${report.files.filter((f) => f.status === 'error' && f.code !== 'no-municipality').length}` +
			// A programme kept without a municipality is an error-level finding, not a rejected file.
			`, needing a municipality ${report.files.filter((f) => f.code === 'no-municipality').length}`,
		'',
		'  table                 rows      bytes',
		'  ------------------  ------  ---------',
		...report.manifest.tables.map((t) => `  ${t.name.padEnd(18)}  ${String(t.rows).padStart(6)}  ${String(t.bytes).padStart(9)}`),
		''
	];
	return lines.join('\n');
}

/**
 * A path argument as typed. Node decodes the command line as UTF-8 and replaces invalid bytes
 * with U+FFFD, so a file name that is not UTF-8 would be looked for under another name; on Linux
 * the bytes are still in /proc/self/cmdline (the last arguments of it are ours, in order).
 */
function argBytes(index: number, value: string): string | Buffer {
	if (!value.includes('\uFFFD')) return value;
	try {
		const raw = readFileSync('/proc/self/cmdline').toString('latin1').split('\0').slice(0, -1);
		const ours = process.argv.length - 2;
		const bytes = Buffer.from(raw[raw.length - ours + index] ?? '', 'latin1');
		return bytes.toString('utf8') === value ? bytes : value;
	} catch {
		return value;
	}
}

async function main(): Promise<number> {
	let args;
	try {
		args = parse(process.argv.slice(2));
	} catch (e) {
		process.stderr.write(`ingest: ${terminalSafe((e as Error).message)}\nRun with --help for usage.\n`);
		return 2;
	}
	if (args.values.help) {
		process.stdout.write(HELP);
		return 0;
	}
	const given = args.tokens.filter((t) => t.kind === 'positional').map((t) => argBytes(t.index, t.value));
	const inputs = given.length > 0 ? given : ['data/pdfs'];
	const mapping = new Map<string, string[]>();
	for (const m of args.values.municipality ?? []) {
		const eq = /^(.+)=(\d{3}(?:,\d{3})*)$/.exec(m);
		if (!eq) {
			process.stderr.write(`ingest: --municipality "${terminalSafe(m)}": expected FILE=CODE (3-digit municipality code, several separated by commas)\n`);
			return 2;
		}
		mapping.set(eq[1], eq[2].split(','));
	}
	const today = args.values.today;
	if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
		process.stderr.write(`ingest: --today "${terminalSafe(today)}": expected a date YYYY-MM-DD\n`);
		return 2;
	}
	const todayTime = today === undefined ? 0 : new Date(`${today}T00:00:00Z`).getTime();
	if (today !== undefined && (Number.isNaN(todayTime) || new Date(todayTime).toISOString().slice(0, 10) !== today)) {
		process.stderr.write(`ingest: --today "${today}": not a date in the calendar\n`);
		return 2;
	}
	const read: Record<string, number> = {};
	for (const [flag, key] of [['jobs', 'jobs'], ['max-seconds', 'maxSeconds'], ['max-memory-mb', 'maxMemoryMb'], ['max-pages', 'maxPages'], ['max-file-mb', 'maxFileMb'], ['max-stream-mb', 'maxStreamMb']] as const) {
		const raw = (args.values as Record<string, unknown>)[flag] as string | undefined;
		if (raw === undefined) continue;
		const n = Number(raw);
		if (!(Number.isFinite(n) && n > 0) || (flag === 'jobs' && !Number.isInteger(n))) {
			process.stderr.write(`ingest: --${flag} "${terminalSafe(raw)}": expected a positive number\n`);
			return 2;
		}
		read[key] = n;
	}
	const tty = process.stderr.isTTY === true;
	const cleanup = () => {
		for (const path of pendingPaths) rmSync(path, { recursive: true, force: true });
	};
	for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 130]] as const) {
		process.on(signal, () => {
			cleanup();
			process.stderr.write(`\ningest: interrupted (${signal}); the previous dataset is unchanged.\n`);
			process.exit(code);
		});
	}
	if (args.values.json && process.env.npm_lifecycle_event && process.env.npm_config_loglevel !== 'silent')
		process.stderr.write('ingest: note: npm is not silent here (the project\'s .npmrc sets loglevel=silent), so its banner came before the report on stdout; use `npm run --silent ingest -- --json` or `--report FILE` for JSON alone.\n');

	let report: IngestReport;
	try {
		report = await runIngest({
			inputs,
			out: args.values.out!,
			root: args.values.root,
			referenceCsv: args.values.reference,
			enrich: ingestEnricher(args.values.reference),
			municipalities: mapping,
			referenceDate: today,
			read,
			onProgress: tty ? progressBar : undefined
		});
	} catch (e) {
		cleanup();
		const err = e as Error;
		if (err instanceof NoInputsError || err instanceof OutputRefusedError) {
			process.stderr.write(`ingest: ${terminalSafe(err.message)}\n`);
			return 2;
		}
		process.stderr.write(
			`ingest: the dataset could not be written to ${terminalSafe(args.values.out!)}: ${errorInWords(err)}\nThe previous dataset is unchanged.\n` +
				(process.env.KOTOKARTTA_DEBUG ? `${err.stack}\n` : 'Set KOTOKARTTA_DEBUG=1 to see where it failed.\n')
		);
		return 3;
	}

	for (const f of report.files) {
		if (f.status === 'error') process.stderr.write(`ingest: ${terminalSafe(f.file)}: ${f.code}: ${terminalSafe(f.reason)}\n`);
	}
	process.stderr.write(summary(report));
	const json = JSON.stringify(report, null, 2) + '\n';
	if (args.values.json) process.stdout.write(json);
	if (args.values.report) writeFileSync(args.values.report, json);
	return report.counts.error > 0 ? 1 : 0;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(e) => {
		process.stderr.write(`ingest: failed unexpectedly: ${errorInWords(e)}\n${process.env.KOTOKARTTA_DEBUG ? `${(e as Error)?.stack}\n` : ''}`);
		process.exitCode = 3;
	}
);

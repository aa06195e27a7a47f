/**
 * The output is safe (an --out that is not our dataset is refused and left untouched; a typo'd
 * input writes nothing) and the swap is atomic at every instant (the CLI killed with SIGKILL at
 * random moments, again and again, always leaves a complete dataset).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutDir, OutputRefusedError } from '../../ingest/output';
import { dropVersionStores } from '../../scripts/compress.js';
import { AURA_FIXTURE } from '../helpers/programme-pdfs';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'ingest/cli.ts');
let dir: string;

function ingest(args: string[], cwd = dir) {
	return spawnSync(TSX, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, KOTOKARTTA_OCR: 'off' } });
}

/** name → sha256 of every file under a directory (recursively), to prove nothing changed. */
function tree(d: string, prefix = ''): Record<string, string> {
	const out: Record<string, string> = {};
	for (const e of readdirSync(d, { withFileTypes: true })) {
		const p = join(d, e.name);
		if (e.isDirectory()) Object.assign(out, tree(p, `${prefix}${e.name}/`));
		else out[prefix + e.name] = createHash('sha256').update(readFileSync(p)).digest('hex');
	}
	return out;
}

/**
 * The dataset in `out` is whole: its manifest parses and every file it lists has the recorded hash.
 * Read as a server should: resolve the link once, then read that version (a swap in between
 * removes the old version; then look again).
 */
function complete(out: string, tries = 3): boolean {
	const version = realpathSync(out);
	try {
		const manifest = JSON.parse(readFileSync(join(version, 'manifest.json'), 'utf8'));
		return manifest.tables.every(
			(t: { file: string; sha256: string }) => createHash('sha256').update(readFileSync(join(version, t.file))).digest('hex') === t.sha256
		);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT' && tries > 1 && realpathSync(out) !== version) return complete(out, tries - 1);
		throw e;
	}
}

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'kk-output-'));
	mkdirSync(join(dir, 'pdfs'));
	copyFileSync(AURA_FIXTURE, join(dir, 'pdfs/aura.pdf'));
	copyFileSync(AURA_FIXTURE, join(dir, 'pdfs/aura-copy.pdf'));
	mkdirSync(join(dir, 'project/src'), { recursive: true });
	writeFileSync(join(dir, 'project/src/keep.ts'), 'export {};\n');
	writeFileSync(join(dir, 'project/README.md'), '# keep me\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--out refusals: exit 2, nothing touched', () => {
	it.each([
		['.', 'the current directory (a project)', (d: string) => join(d, 'project'), '.'],
		['the input folder', 'the folder of PDFs', (d: string) => d, 'pdfs'],
		['a folder holding other files', 'a non-dataset directory', (d: string) => d, 'project'],
		['an empty string', 'empty', (d: string) => d, '']
	])('--out %s (%s) is refused', (_what, _desc, cwdOf, out) => {
		const cwd = cwdOf(dir);
		const before = tree(dir);
		const r = ingest([join(dir, 'pdfs'), '--out', out], cwd);
		expect(r.status, r.stderr).toBe(2);
		expect(r.stderr).toMatch(/--out/);
		expect(tree(dir)).toEqual(before);
	});

	it('a file, a dangling link and a directory holding an input are refused by checkOutDir', () => {
		writeFileSync(join(dir, 'a-file'), 'x');
		symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
		expect(() => checkOutDir(join(dir, 'a-file'), [])).toThrow(OutputRefusedError);
		expect(() => checkOutDir(join(dir, 'dangling'), [])).toThrow(/link to nothing/);
		expect(() => checkOutDir(dir, [join(dir, 'pdfs')], '/')).toThrow(/inside it/);
		expect(() => checkOutDir(join(dir, 'new-dir'), [join(dir, 'pdfs')], '/')).not.toThrow();
		rmSync(join(dir, 'a-file'));
		rmSync(join(dir, 'dangling'));
	});

	it('a typo in an input path writes nothing over the good dataset (exit 2)', () => {
		const out = join(dir, 'typo-data');
		expect(ingest([join(dir, 'pdfs'), '--out', out]).status).toBe(0);
		const before = tree(out);
		const r = ingest([join(dir, 'pdf'), '--out', out]);
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/no such file or directory; nothing was written/);
		expect(tree(out)).toEqual(before);
	});

	it('an ingest over its own earlier output and over an empty directory is allowed', () => {
		const empty = join(dir, 'empty');
		mkdirSync(empty);
		expect(ingest([join(dir, 'pdfs'), '--out', empty]).status).toBe(0);
		expect(ingest([join(dir, 'pdfs'), '--out', empty]).status).toBe(0);
		expect(complete(empty)).toBe(true);
	});
});

describe('exit codes and messages', () => {
	it('a dataset that cannot be written exits 3 with the reason in plain words, no stack trace', () => {
		writeFileSync(join(dir, 'plain-file'), 'x');
		const r = ingest([join(dir, 'pdfs'), '--out', join(dir, 'plain-file/data')]);
		expect(r.status).toBe(3);
		expect(r.stderr).toMatch(/could not be written to .*plain-file\/data: not a directory/);
		expect(r.stderr).toMatch(/previous dataset is unchanged/);
		expect(r.stderr).not.toMatch(/\n\s+at /);
	});
});

describe('atomic at every instant', () => {
	it('SIGKILL at random moments of a run never leaves the output missing or half-written', async () => {
		const out = join(dir, 'killed');
		expect(ingest([join(dir, 'pdfs'), '--out', out]).status).toBe(0);
		const firstRun = tree(out);
		// A second input set makes a different dataset, so a finished run is visible.
		mkdirSync(join(dir, 'more'));
		copyFileSync(AURA_FIXTURE, join(dir, 'more/aura.pdf'));
		writeFileSync(join(dir, 'more/broken.pdf'), '%PDF-1.7 broken');
		// A deterministic spread of kill delays over a run (start-up to the end of writing).
		let seed = 7;
		const delays = Array.from({ length: 12 }, () => ((seed = (seed * 16807) % 2147483647) % 4000) + 300);
		let finished = 0;
		for (const ms of delays) {
			const child = spawn(TSX, [CLI, join(dir, 'more'), '--out', out], { cwd: dir, stdio: 'ignore', env: { ...process.env, KOTOKARTTA_OCR: 'off' } });
			let looks = 0;
			let whole = 0;
			const watch = setInterval(() => {
				// While the run is alive the output must be whole at every look.
				looks++;
				try {
					if (complete(out)) whole++;
				} catch {
					// counted as not whole
				}
			}, 25);
			const code = await new Promise<number | null>((done) => {
				const timer = setTimeout(() => child.kill('SIGKILL'), ms);
				child.on('exit', (c) => {
					clearTimeout(timer);
					done(c);
				});
			});
			clearInterval(watch);
			expect(whole, `looks at the output while a run was alive (kill at ${ms} ms)`).toBe(looks);
			if (code !== null) finished++;
			expect(existsSync(join(out, 'manifest.json')), `after a kill at ${ms} ms`).toBe(true);
			expect(complete(out), `after a kill at ${ms} ms`).toBe(true);
		}
		// A final run completes and leaves only its own version in the store.
		const last = ingest([join(dir, 'more'), '--out', out]);
		expect(last.status, last.stderr).toBe(1); // the broken file is rejected; the dataset is written
		expect(complete(out)).toBe(true);
		expect(tree(out)).not.toEqual(firstRun);
		expect(readdirSync(join(dir, '.killed.versions'))).toHaveLength(1);
		expect(readdirSync(dir).filter((e) => e.startsWith('.killed.link-'))).toEqual([]);
		// Some kills must have landed mid-run for the test to mean anything.
		expect(finished).toBeLessThan(delays.length);
	}, 180_000);
});

describe('the build', () => {
	it('keeps the data once: the version store copied from static/ is dropped, the linked data stays', () => {
		const build = join(dir, 'build');
		mkdirSync(join(build, '.data.versions/v-1'), { recursive: true });
		mkdirSync(join(build, 'data'));
		writeFileSync(join(build, 'data/programmes.parquet'), 'x');
		mkdirSync(join(build, '.well-known'));
		expect(dropVersionStores(build)).toEqual(['.data.versions']);
		expect(readdirSync(build).sort()).toEqual(['.well-known', 'data']);
	});
});

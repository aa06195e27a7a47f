/**
 * The ingest CLI as people start it: what reaches the terminal is safe (a file name cannot forge
 * a log line or move the cursor), SIGTERM stops the readers and leaves the previous dataset
 * (exit 130), and `npm run ingest -- --json` prints JSON alone on stdout.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeTesseract, isGone } from '../helpers/fake-tesseract';
import { AURA_FIXTURE, scanPdf } from '../helpers/programme-pdfs';

const ROOT = resolve(import.meta.dirname, '../..');
/** The CLI as `npm run ingest` starts it. */
const CLI = ['--max-semi-space-size=1', join(ROOT, 'ingest/ingest.mjs')];
const EVIL = 'evil\x1b[2K\r\nFAKE: ok.pdf';
let dir: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'kk-cli-'));
	mkdirSync(join(dir, 'pdfs'));
	copyFileSync(AURA_FIXTURE, join(dir, 'pdfs/aura.pdf'));
	writeFileSync(join(dir, 'pdfs', EVIL), 'not a pdf');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** sha256 of every file under a directory, by path (the dataset, through its link). */
function snapshot(d: string, prefix = ''): Record<string, string> {
	const out: Record<string, string> = {};
	for (const e of readdirSync(d, { withFileTypes: true })) {
		const p = join(d, e.name);
		if (e.isDirectory()) Object.assign(out, snapshot(p, `${prefix}${e.name}/`));
		else out[prefix + e.name] = createHash('sha256').update(readFileSync(p)).digest('hex');
	}
	return out;
}

describe('terminal output', () => {
	it('error lines and the summary escape control characters in file names (no escape sequence, CR or forged line)', () => {
		const r = spawnSync(process.execPath, [...CLI, 'pdfs', '--out', 'out-plain'], { cwd: dir, encoding: 'utf8', env: { ...process.env, KOTOKARTTA_OCR: 'off' } });
		expect(r.status).toBe(1);
		expect(r.stderr).not.toMatch(/[\x1b\r]/);
		expect(r.stderr).toContain('ingest: pdfs/evil\\x1b[2K\\x0d\\x0aFAKE: ok.pdf: not-pdf: ');
		expect(r.stderr.split('\n').filter((l) => l.startsWith('FAKE'))).toEqual([]);
	}, 120_000);

	it('on a terminal, the progress line is the only escape sequence written', () => {
		// `script` gives the CLI a pseudo-terminal, so it draws its progress bar.
		const cmd = [process.execPath, ...CLI, 'pdfs', '--out', 'out-tty'].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
		const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, KOTOKARTTA_OCR: 'off' } });
		expect(r.status).toBe(1); // the CLI's exit code: one file rejected
		const typescript = r.stdout;
		expect(typescript).toContain('\x1b[2K'); // the progress bar was drawn
		const rest = typescript.replace(/\r\n/g, '\n').replaceAll('\r\x1b[2K', '');
		expect(rest).not.toMatch(/[\x1b\r]/);
		expect(rest).toContain('pdfs/evil\\x1b[2K\\x0d\\x0aFAKE: ok.pdf');
	}, 120_000);
});

describe('interrupted', () => {
	it('SIGTERM during a run stops the readers and their OCR, exits 130 and leaves the previous dataset as it was', async () => {
		const out = join(dir, 'data');
		const first = spawnSync(process.execPath, [...CLI, 'pdfs/aura.pdf', '--out', out], { cwd: dir, encoding: 'utf8', env: { ...process.env, KOTOKARTTA_OCR: 'off' } });
		expect(first.status).toBe(0);
		const before = snapshot(out);

		// A scan whose OCR hangs keeps the second run busy until the signal.
		mkdirSync(join(dir, 'more'));
		copyFileSync(AURA_FIXTURE, join(dir, 'more/aura.pdf'));
		writeFileSync(join(dir, 'more/scan.pdf'), await scanPdf());
		const fake = fakeTesseract('hang');
		const child = spawn(process.execPath, [...CLI, 'more', '--out', out, '--jobs', '2'], {
			cwd: dir,
			env: { ...process.env, PATH: `${fake.dir}:${process.env.PATH}` },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stderr = '';
		child.stderr.on('data', (d) => (stderr += d));
		const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
		for (let i = 0; i < 600 && fake.pids().length < 2; i++) await new Promise((ok) => setTimeout(ok, 100));
		const started = fake.pids();
		expect(started.length).toBeGreaterThanOrEqual(2);
		const reader = started[0].ppid; // the reader process that started tesseract
		child.kill('SIGTERM');
		expect(await exited).toBe(130);
		expect(stderr).toMatch(/interrupted \(SIGTERM\); the previous dataset is unchanged/);
		expect(snapshot(out)).toEqual(before);
		// Nothing of the interrupted run is left: no temporary version, no reader, no tesseract.
		expect(readdirSync(join(dir, '.data.versions')).filter((e) => e.startsWith('.tmp-'))).toEqual([]);
		await new Promise((ok) => setTimeout(ok, 200));
		for (const pid of [reader, ...started.map((p) => p.pid)]) expect(isGone(pid), `pid ${pid} still running`).toBe(true);
	}, 180_000);
});

describe('npm run ingest -- --json', () => {
	it('prints the report alone on stdout (valid JSON, also when files were rejected: exit 1); the errors stay on stderr', () => {
		const r = spawnSync('npm', ['run', 'ingest', '--', join(dir, 'pdfs'), '--out', join(dir, 'out-npm'), '--root', dir, '--json'], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, KOTOKARTTA_OCR: 'off' }
		});
		expect(r.status).toBe(1);
		const report = JSON.parse(r.stdout);
		expect(report.counts).toMatchObject({ files: 2, programmes: 1, error: 1 });
		expect(r.stderr).toMatch(/not-pdf/);
		expect(existsSync(join(dir, 'out-npm/manifest.json'))).toBe(true);
	}, 180_000);

	it('npm stays silent only where that is safe: the project\'s scripts ask npm for its messages when installing or listing', () => {
		expect(readFileSync(join(ROOT, '.npmrc'), 'utf8')).toMatch(/^loglevel=silent$/m);
		const lines = ['scripts/start.sh', 'scripts/test.sh', 'scripts/e2e.sh', '.ci/run'].flatMap((f) => readFileSync(join(ROOT, f), 'utf8').split('\n').map((l) => [f, l.trim()]));
		const npmCi = lines.filter(([, l]) => /\bnpm ci\b/.test(l) && !l.startsWith('#') && !l.startsWith('log '));
		expect(npmCi.length).toBeGreaterThan(0);
		for (const [f, l] of npmCi) expect(l, f).toMatch(/--loglevel=(warn|notice)/);
		for (const [f, l] of lines.filter(([, l]) => /npm run \|/.test(l) || /npm run --loglevel/.test(l))) expect(l, f).toMatch(/npm run --loglevel=notice \|/);
	});
});

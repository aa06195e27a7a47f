/**
 * The hostile-input generator (issue 9): a folder a user might point the ingest at, holding good
 * programmes (`good/`) and 200+ hostile inputs (`hostile/<class>/`; `named/` for the ones given on
 * the command line), with a manifest of what the ingest must make of each. Deterministic: the
 * same good files give the same folder (except qpdf's AES-256 copies, whose keys qpdf draws).
 * Nothing is committed: it is written into a temporary folder by the suite and the benchmark.
 *
 *   npx tsx tests/hostile/generate.ts OUT [--subset] [--full]
 *
 * --subset writes only the representative subset the normal test run ingests; --full takes the
 * bundled corpus (data/pdfs, `npm run corpus`) as the good files, else Aura's form and the
 * LibreOffice-printed fixtures.
 */
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { pdfCases, type Base } from './cases-pdf';
import { fsCases } from './cases-fs';
import type { CaseSpec, HostileCase, HostileManifest } from './types';

export const ROOT = resolve(import.meta.dirname, '../..');
const AURA = join(ROOT, 'data/pdfs/aura-2024-11-18.pdf');
const WORD_PROCESSOR = join(ROOT, 'tests/fixtures/word-processor');

/** A good input: where it comes from and its path in the mix. */
export interface GoodFile {
	source: string;
	file: string;
}

function pdfsUnder(dir: string): string[] {
	const out: string[] = [];
	for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
		const p = join(dir, e.name);
		if (e.isDirectory()) out.push(...pdfsUnder(p));
		else if (e.isFile() && /\.pdf$/i.test(e.name)) out.push(p);
	}
	return out;
}

/** The good files: Aura and the LibreOffice fixtures; with `corpus`, every PDF under data/pdfs too. */
export function goodFiles(corpus: boolean): GoodFile[] {
	const wp = pdfsUnder(WORD_PROCESSOR).map((source) => ({ source, file: `good/word-processor/${relative(WORD_PROCESSOR, source).split(sep).join('/')}` }));
	if (!corpus) return [{ source: AURA, file: 'good/aura-2024-11-18.pdf' }, ...wp];
	const pdfs = join(ROOT, 'data/pdfs');
	return [...pdfsUnder(pdfs).map((source) => ({ source, file: `good/${relative(pdfs, source).split(sep).join('/')}` })), ...wp];
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** All case specs in their fixed order (tokens are given by position, the same in every mode). */
function specs(bases: readonly Base[], root: string): CaseSpec[] {
	return [...pdfCases(bases), ...fsCases(bases, (b) => join(root, b.file))];
}

/** Writes the mix into `out` (emptied first) and returns its manifest (also written to `out/manifest.json`). */
export async function generateHostile(opts: { out: string; good: readonly GoodFile[]; subset?: boolean }): Promise<HostileManifest> {
	const root = resolve(opts.out);
	rmSync(root, { recursive: true, force: true });
	mkdirSync(join(root, 'good'), { recursive: true });
	for (const g of opts.good) {
		mkdirSync(dirname(join(root, g.file)), { recursive: true });
		copyFileSync(g.source, join(root, g.file));
	}
	const base = (id: string, source: string): Base => {
		const g = opts.good.find((x) => x.source === source);
		if (!g) throw new Error(`the good files must include ${source}`);
		return { id, bytes: readFileSync(source), file: g.file };
	};
	const bases = [base('aura', AURA), base('lieto', join(WORD_PROCESSOR, 'lieto.pdf')), base('narpes', join(WORD_PROCESSOR, 'narpes.pdf'))];
	const cases: HostileCase[] = [];
	const named: string[] = [];
	const all = specs(bases, root);
	for (const [i, spec] of all.entries()) {
		const token = `h${String(i).padStart(3, '0')}`;
		if (opts.subset && !spec.subset) continue;
		const top = spec.named ? 'named' : 'hostile';
		const dir = `${top}/${spec.dir ?? spec.cls}`;
		mkdirSync(join(root, dir), { recursive: true });
		let file: string;
		let path: string | Buffer;
		let rawName = false;
		if (typeof spec.name === 'string') {
			const name = spec.name.includes('{t}') ? spec.name.replaceAll('{t}', token) : `${token}-${spec.name}`;
			file = `${dir}/${name}`;
			path = join(root, dir, name);
		} else {
			rawName = true;
			file = `${dir}/${token}-${spec.name.toString('latin1')}`;
			path = Buffer.concat([Buffer.from(join(root, dir) + '/'), Buffer.from(`${token}-`), spec.name]);
		}
		const t0 = performance.now();
		await spec.make(path, token);
		if (process.env.KOTOKARTTA_HOSTILE_DEBUG) process.stderr.write(`${token} ${Math.round(performance.now() - t0)} ms ${JSON.stringify(typeof spec.name === 'string' ? spec.name : spec.name.toString('latin1'))}\n`);
		if (spec.named) named.push(String(path));
		cases.push({ token, cls: spec.cls, file, rawName, controlChars: CONTROL.test(file), expect: spec.expect, subset: spec.subset === true, named: spec.named === true, varies: spec.varies !== undefined });
	}
	const manifest: HostileManifest = { root, good: opts.good.map((g) => g.file), cases, named };
	writeFileSync(join(root, 'manifest.json'), JSON.stringify(manifest, (_k, v) => (v instanceof RegExp ? String(v) : v), 2) + '\n');
	return manifest;
}

/**
 * What the generator wrote, entry by entry (path → sha256, link target or kind), to show it is
 * deterministic. Special files are described, never opened.
 */
export function fingerprint(root: string): Map<string, string> {
	const out = new Map<string, string>();
	const walk = (dir: Buffer) => {
		for (const name of readdirSync(dir, { encoding: 'buffer' }).sort(Buffer.compare)) {
			const path = Buffer.concat([dir, Buffer.from('/'), name]);
			const key = path.subarray(root.length + 1).toString('latin1');
			const l = lstatSync(path);
			if (l.isSymbolicLink()) out.set(key, `link ${readlinkSync(path, { encoding: 'buffer' }).toString('latin1').replace(root, '<root>')}`);
			else if (l.isDirectory()) walk(path);
			else if (l.isFile()) out.set(key, hashFile(path));
			else out.set(key, l.isFIFO() ? 'fifo' : l.isSocket() ? 'socket' : 'device');
		}
	};
	walk(Buffer.from(root));
	return out;
}

/** sha256 of a file; of a large one (the sparse cases are 1 GiB), of its size and its first and last MB. */
function hashFile(path: Buffer): string {
	const hash = createHash('sha256');
	const fd = openSync(path, 'r');
	try {
		const size = fstatSync(fd).size;
		const chunk = Buffer.alloc(Math.min(size, 1 << 20));
		hash.update(`${size}:`);
		hash.update(chunk.subarray(0, readSync(fd, chunk, 0, chunk.length, 0)));
		if (size > 64 << 20) hash.update(chunk.subarray(0, readSync(fd, chunk, 0, chunk.length, size - chunk.length)));
		else for (let at = chunk.length, n; at < size && (n = readSync(fd, chunk, 0, chunk.length, at)) > 0; at += n) hash.update(chunk.subarray(0, n));
	} finally {
		closeSync(fd);
	}
	return hash.digest('hex');
}

/** How many cases each class has (all, or the subset). */
export function countByClass(cases: readonly HostileCase[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const c of cases) out[c.cls] = (out[c.cls] ?? 0) + 1;
	return out;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
	const { values, positionals } = parseArgs({ allowPositionals: true, options: { subset: { type: 'boolean', default: false }, full: { type: 'boolean', default: false } } });
	if (positionals.length !== 1) {
		process.stderr.write('usage: npx tsx tests/hostile/generate.ts OUT [--subset] [--full]\n');
		process.exit(2);
	}
	if (values.full && !existsSync(join(ROOT, 'data/pdfs/demo'))) process.stderr.write('note: data/pdfs/demo is missing (npm run corpus); only Aura is taken from data/pdfs\n');
	const t0 = performance.now();
	const m = await generateHostile({ out: positionals[0], good: goodFiles(values.full), subset: values.subset });
	process.stderr.write(
		`hostile: ${m.good.length} good files and ${m.cases.length} hostile inputs in ${m.root} (${Math.round(performance.now() - t0)} ms)\n` +
			Object.entries(countByClass(m.cases))
				.map(([k, n]) => `  ${k.padEnd(18)} ${n}`)
				.join('\n') +
			'\n'
	);
}

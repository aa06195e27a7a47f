/**
 * Where the ingest writes, and how the new dataset replaces the old one.
 *
 * Safety: `--out` only ever replaces a directory that is missing, empty, or holds our dataset
 * (`manifest.json` with `"dataset": "kotokartta"`), and never one that holds an input or the
 * current directory. Anything else is refused before anything is read or written.
 *
 * Atomicity, with no instant without a dataset: `--out DIR` is a symbolic link to a version
 * directory in a store beside it, `.<name>.versions/<id>/`. A run writes its files into a new
 * version directory, makes a new link under a temporary name and renames it over DIR: rename(2)
 * replaces a link in one step, so a reader (or a process killed at any point) sees the old
 * dataset or the new one, never neither. Then the store's other versions are removed (a
 * reader holding an old file open keeps reading it). The one exception is the first run over
 * a real directory (an older layout, or an empty directory): it is moved into the store and
 * replaced by the link, two renames apart; a run killed in between is repaired by the next.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

/** `--out` may not be used: a usage error (exit 2), nothing was touched. */
export class OutputRefusedError extends Error {}

/** Temporary directories and links of writes in progress, removed on SIGINT/SIGTERM by the CLI. */
export const pendingPaths = new Set<string>();

/** The working directory inside a version being written (the ingest's spill and DuckDB files), removed before it is published. */
export const WORK_DIR = '.work';

export const storeOf = (outDir: string) => join(dirname(outDir), `.${basename(outDir)}.versions`);

/** What a directory holds: our dataset (by its manifest), nothing, or something else. */
export function datasetDirState(dir: string): 'dataset' | 'empty' | 'other' {
	const entries = readdirSync(dir);
	if (entries.length === 0) return 'empty';
	if (!entries.includes('manifest.json')) return 'other';
	try {
		const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
		return manifest?.dataset === 'kotokartta' ? 'dataset' : 'other';
	} catch {
		return 'other';
	}
}

const isInside = (path: string, dir: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

function real(path: string): string {
	try {
		return realpathSync(path);
	} catch {
		return resolve(path);
	}
}

/**
 * Throws OutputRefusedError unless `out` may be replaced: missing, an empty directory, or our
 * dataset (a directory, or a link to one); and neither an input nor the current directory lies inside it.
 */
export function checkOutDir(out: string, inputs: readonly string[], cwd = process.cwd()): void {
	if (out.trim() === '') throw new OutputRefusedError('--out is empty: give the directory to write the dataset to (default static/data).');
	const path = resolve(cwd, out);
	if (dirname(path) === path) throw new OutputRefusedError(`--out ${out}: the root directory can never be the output.`);
	let link;
	try {
		link = lstatSync(path);
	} catch {
		link = null;
	}
	const target = real(path);
	for (const [what, p] of [['the current directory', cwd], ...inputs.map((i) => [`the input ${i}`, i] as const)] as const) {
		const rp = real(resolve(cwd, p));
		if (isInside(rp, target) || isInside(resolve(cwd, p), path))
			throw new OutputRefusedError(`--out ${out}: ${what} is inside it, and the output directory is replaced as a whole. Choose another directory.`);
	}
	if (!link) return;
	let s;
	try {
		s = statSync(path);
	} catch {
		throw new OutputRefusedError(`--out ${out}: it is a link to nothing (${link.isSymbolicLink() ? 'dangling symbolic link' : 'unreadable'}). Remove it or choose another directory.`);
	}
	if (!s.isDirectory()) throw new OutputRefusedError(`--out ${out}: it exists and is not a directory. Nothing was touched.`);
	if (datasetDirState(path) === 'other')
		throw new OutputRefusedError(
			`--out ${out}: the directory holds files that are not a Kotokartta dataset (no manifest.json naming it), and the output directory is replaced as a whole. ` +
				'Choose an empty or new directory, or one an earlier ingest wrote. Nothing was touched.'
		);
}

/** A new, empty directory in the store to write a version into. */
export async function newVersionDir(outDir: string): Promise<string> {
	const store = storeOf(outDir);
	await mkdir(store, { recursive: true });
	const dir = join(store, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
	pendingPaths.add(dir);
	await mkdir(dir);
	return dir;
}

/** Puts the finished version `tmp` in place as `outDir`'s dataset (see the header), then removes older versions. */
export async function publishVersion(tmp: string, outDir: string, id: string): Promise<void> {
	const store = storeOf(outDir);
	const version = join(store, id);
	if (existsSync(version)) await rm(tmp, { recursive: true, force: true });
	else await rename(tmp, version);
	pendingPaths.delete(tmp);

	const current = lstatSync(outDir, { throwIfNoEntry: false });
	if (current && !current.isSymbolicLink()) {
		// First run over a real directory: move it into the store (it is checked to be empty or ours).
		await rename(outDir, join(store, `legacy-${process.pid}-${randomBytes(4).toString('hex')}`));
	}
	const link = join(dirname(outDir), `.${basename(outDir)}.link-${process.pid}-${randomBytes(4).toString('hex')}`);
	pendingPaths.add(link);
	await symlink(relative(dirname(outDir), version), link, 'dir');
	await rename(link, outDir);
	pendingPaths.delete(link);
	await pruneStore(outDir);
}

/** The version directory `outDir` links to, or null. */
async function linkedVersion(outDir: string): Promise<string | null> {
	try {
		return basename(await readlink(outDir));
	} catch {
		return null;
	}
}

/**
 * Removes every store entry but the linked version, keeping those of live runs; and repairs a
 * run killed in the middle of a first-run migration (no `outDir`, the old directory in the store).
 */
export async function pruneStore(outDir: string): Promise<void> {
	const store = storeOf(outDir);
	const parent = dirname(outDir);
	if (!existsSync(parent)) return;
	for (const e of await readdir(parent)) {
		if (e.startsWith(`.${basename(outDir)}.link-`) && !isLive(e)) await rm(join(parent, e), { force: true });
	}
	if (!existsSync(store)) return;
	const entries = await readdir(store);
	if (!lstatSync(outDir, { throwIfNoEntry: false })) {
		const legacy = entries.filter((e) => e.startsWith('legacy-')).sort().pop();
		if (legacy) {
			const link = join(parent, `.${basename(outDir)}.link-${process.pid}-repair`);
			await symlink(relative(parent, join(store, legacy)), link, 'dir');
			await rename(link, outDir);
		}
	}
	const keep = await linkedVersion(outDir);
	for (const e of entries) {
		if (e === keep || pendingPaths.has(join(store, e)) || isLive(e)) continue;
		await rm(join(store, e), { recursive: true, force: true });
	}
}

/** Does the name carry the pid of another ingest still running (it keeps its temporary files)? */
function isLive(name: string): boolean {
	const pid = Number(/-(\d+)-[0-9a-f]+$/.exec(name)?.[1]);
	if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

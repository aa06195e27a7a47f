/**
 * Walk the inputs: one verdict per path given or found. Directories are tracked by dev+inode so
 * symlink loops end; non-regular files are never opened (a FIFO would block the read).
 */
import { lstat, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { FileOutcome } from '../src/lib/dataset/rows';

export interface WalkResult {
	inputs: { path: string; file: string }[];
	verdicts: FileOutcome[];
}

const datasetPath = (root: string, path: string) => relative(root, path).split(sep).join('/');

export async function findInputs(given: readonly string[], root: string): Promise<WalkResult> {
	const found = new Map<string, string>();
	const verdicts = new Map<string, FileOutcome>();
	const seenDirs = new Set<string>();
	const skip = (path: string, code: string, reason: string) => {
		const file = datasetPath(root, path);
		if (!found.has(path) && !verdicts.has(path)) verdicts.set(path, { file, bytes: null, kind: 'error', code, reason });
	};
	const visit = async (path: string, named: boolean): Promise<void> => {
		const l = await lstat(path).catch(() => null);
		if (!l) return void (named && found.set(path, datasetPath(root, path)));
		let s;
		try {
			s = await stat(path);
		} catch (e) {
			const code = (e as NodeJS.ErrnoException).code;
			if (code === 'ELOOP') return skip(path, 'symlink-loop', 'The symbolic link leads back into itself.');
			return skip(path, 'dangling-symlink', 'The symbolic link points to nothing.');
		}
		if (s.isDirectory()) {
			const key = `${s.dev}:${s.ino}`;
			if (seenDirs.has(key)) return l.isSymbolicLink() ? skip(path, 'symlink-loop', 'The link leads into a folder already read.') : undefined;
			seenDirs.add(key);
			let entries: string[];
			try {
				entries = await readdir(path);
			} catch (e) {
				return skip(path, 'unreadable-folder', `The folder could not be listed (${(e as Error).message}).`);
			}
			for (const entry of entries.sort()) {
				const child = join(path, entry);
				// visit() gives a *.pdf that is a broken or looping link its own verdict.
				if (/\.pdf$/i.test(entry) || (await stat(child).catch(() => null))?.isDirectory()) await visit(child, false);
			}
			return;
		}
		if (!s.isFile()) return skip(path, 'not-a-regular-file', 'This is a device, FIFO or socket, not a file; it was not opened.');
		found.set(path, datasetPath(root, path));
	};
	for (const input of given) await visit(resolve(input), true);
	const inputs = [...found].map(([path, file]) => ({ path, file })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
	return { inputs, verdicts: [...verdicts.values()] };
}

/**
 * Walk the inputs: one verdict per path given or found. Directories are tracked by dev+inode so
 * symlink loops end; non-regular files are never opened (a FIFO would block the read).
 *
 * Paths are bytes: folders are listed as Buffers, so a file whose name is not valid UTF-8 is
 * found, opened and read like any other, and named in the dataset by its safe rendering
 * (./names.ts). Inside, a path is a "byte string" (each byte one latin1 character), so the path
 * functions work on it unchanged ('/' and '.' are ASCII).
 */
import { lstat, readdir, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import type { FileOutcome } from '../src/lib/dataset/rows';
import { renderName } from './names';

export interface WalkResult {
	/** `path`: the file's bytes for the file system; `file`: its dataset path (rendered, relative to the root). */
	inputs: { path: Buffer; file: string }[];
	verdicts: FileOutcome[];
}

/** A path given as text (UTF-8) or as bytes, as a byte string. */
const byteString = (p: string | Uint8Array) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)).toString('latin1');
const fsPath = (b: string) => Buffer.from(b, 'latin1');

/** Words for the errors a walk meets, instead of a message that repeats the (unsafe) path. */
function why(e: unknown): string {
	const code = (e as NodeJS.ErrnoException)?.code;
	return code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'it vanished while being read' : code === 'EIO' ? 'an input/output error' : (code ?? 'an error');
}

/**
 * @param given paths named by the user (text, or bytes when the name is not UTF-8)
 * @param root dataset paths are relative to it
 */
export async function findInputs(given: readonly (string | Uint8Array)[], root: string): Promise<WalkResult> {
	const rootB = posix.resolve(byteString(process.cwd()), byteString(root));
	const found = new Map<string, string>();
	const verdicts = new Map<string, FileOutcome>();
	const seenDirs = new Set<string>();
	const datasetPath = (path: string) => renderName(fsPath(posix.relative(rootB, path)));
	const skip = (path: string, code: string, reason: string, kind: 'error' | 'warning' = 'error') => {
		if (found.has(path) || verdicts.has(path)) return;
		const file = datasetPath(path);
		verdicts.set(path, kind === 'error' ? { file, bytes: null, kind: 'error', code, reason } : { file, bytes: null, kind: 'notice', code, reason });
	};
	const visit = async (path: string, named: boolean): Promise<void> => {
		const p = fsPath(path);
		const l = await lstat(p).catch(() => null);
		if (!l) return void (named && found.set(path, datasetPath(path)));
		let s;
		try {
			s = await stat(p);
		} catch (e) {
			const code = (e as NodeJS.ErrnoException).code;
			if (code === 'ELOOP') return skip(path, 'symlink-loop', 'The symbolic link leads back into itself.');
			return skip(path, 'dangling-symlink', 'The symbolic link points to nothing.');
		}
		if (s.isDirectory()) {
			const key = `${s.dev}:${s.ino}`;
			if (seenDirs.has(key)) return l.isSymbolicLink() ? skip(path, 'symlink-loop', 'The link leads into a folder already read.') : undefined;
			seenDirs.add(key);
			let entries: Buffer[];
			try {
				entries = await readdir(p, { encoding: 'buffer' });
			} catch (e) {
				return skip(path, 'unreadable-folder', `The folder could not be listed (${why(e)}).`);
			}
			const before = found.size + verdicts.size;
			for (const entry of entries.map((e) => e.toString('latin1')).sort()) {
				const child = posix.join(path, entry);
				// visit() gives a *.pdf that is a broken or looping link its own verdict.
				if (/\.pdf$/i.test(entry) || (await stat(fsPath(child)).catch(() => null))?.isDirectory()) await visit(child, false);
			}
			if (named && found.size + verdicts.size === before) skip(path, 'empty-folder', 'The folder holds no *.pdf files (its subfolders included).', 'warning');
			return;
		}
		if (!s.isFile()) return skip(path, 'not-a-regular-file', 'This is a device, FIFO or socket, not a file; it was not opened.');
		found.set(path, datasetPath(path));
	};
	for (const input of given) await visit(posix.resolve(byteString(process.cwd()), byteString(input)), true);
	const inputs = [...found].map(([path, file]) => ({ path: fsPath(path), file })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
	return { inputs, verdicts: [...verdicts.values()] };
}

/**
 * File names and other untrusted text, made safe to store and to print.
 *
 * A Linux file name is bytes, not text: it may be invalid UTF-8 or hold control characters (a
 * newline, an escape sequence that moves the cursor or clears a line). The ingest keeps such a
 * file (it is read like any other) and names it in the dataset and the report by a rendering
 * that is safe and unambiguous: valid UTF-8 stays as it is; every byte of an invalid sequence, of
 * a control character (C0, DEL, C1) or of a bidirectional-text control is written `\xHH`; a
 * backslash is written `\\`. `nameBytes` turns a rendering back into the exact bytes.
 *
 * Terminal output (progress, error lines, the summary) passes through `terminalSafe`, so no file
 * name or reason (which may quote a PDF's own text) can forge a log line or move the cursor.
 */

/** Code points written as escapes: C0 controls, DEL, C1 controls, bidi embeddings/overrides/isolates and marks. */
function isUnsafe(cp: number): boolean {
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x061c || cp === 0x200e || cp === 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

const hex = (b: number) => `\\x${b.toString(16).padStart(2, '0')}`;

/** The length of the valid UTF-8 sequence at `i` (1–4), or 0 when the bytes there are not one. */
function sequenceAt(bytes: Uint8Array, i: number): { length: number; cp: number } | null {
	const b0 = bytes[i];
	if (b0 < 0x80) return { length: 1, cp: b0 };
	const [length, min, init] = b0 >= 0xc2 && b0 <= 0xdf ? [2, 0x80, b0 & 0x1f] : b0 >= 0xe0 && b0 <= 0xef ? [3, 0x800, b0 & 0x0f] : b0 >= 0xf0 && b0 <= 0xf4 ? [4, 0x10000, b0 & 0x07] : [0, 0, 0];
	if (length === 0 || i + length > bytes.length) return null;
	let cp = init;
	for (let k = 1; k < length; k++) {
		const b = bytes[i + k];
		if ((b & 0xc0) !== 0x80) return null;
		cp = (cp << 6) | (b & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
	return { length, cp };
}

/** The safe, unambiguous rendering of a file name's (or path's) bytes; see the header. */
export function renderName(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; ) {
		const seq = sequenceAt(bytes, i);
		if (!seq) {
			out += hex(bytes[i]);
			i += 1;
			continue;
		}
		if (seq.cp === 0x5c) out += '\\\\';
		else if (isUnsafe(seq.cp)) for (let k = 0; k < seq.length; k++) out += hex(bytes[i + k]);
		else out += String.fromCodePoint(seq.cp);
		i += seq.length;
	}
	return out;
}

/** The bytes a rendering stands for (the inverse of renderName). */
export function nameBytes(rendered: string): Buffer {
	const parts: Buffer[] = [];
	let text = '';
	const flush = () => {
		if (text) parts.push(Buffer.from(text, 'utf8'));
		text = '';
	};
	for (let i = 0; i < rendered.length; i++) {
		if (rendered[i] === '\\' && rendered[i + 1] === '\\') {
			text += '\\';
			i += 1;
		} else if (rendered[i] === '\\' && rendered[i + 1] === 'x' && /^[0-9a-f]{2}$/i.test(rendered.slice(i + 2, i + 4))) {
			flush();
			parts.push(Buffer.from([parseInt(rendered.slice(i + 2, i + 4), 16)]));
			i += 3;
		} else text += rendered[i];
	}
	flush();
	return Buffer.concat(parts);
}

/**
 * Text for the terminal: control characters (including newline and carriage return) and
 * bidi controls written as escapes, so the text stays on its line and cannot steer the terminal.
 */
export function terminalSafe(text: string): string {
	let out = '';
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		if (!isUnsafe(cp)) out += ch;
		else if (cp === 0x0a) out += '\\n';
		else if (cp === 0x0d) out += '\\r';
		else if (cp === 0x09) out += '\\t';
		else if (cp <= 0xff) out += hex(cp);
		else out += `\\u{${cp.toString(16)}}`;
	}
	return out;
}

/** One progress line, redrawn in place: the only escape sequence the ingest writes (file names are made safe first). */
export function progressLine(done: number, total: number, file: string): string {
	const width = 28;
	const filled = total === 0 ? width : Math.round((done / total) * width);
	const safe = terminalSafe(file);
	const name = safe.length > 48 ? '…' + safe.slice(-47) : safe;
	return `\r\x1b[2K[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${name}` + (done === total ? '\r\x1b[2K' : '');
}

const ERRNO_WORDS: Record<string, string> = {
	ENOSPC: 'the disk is full',
	EACCES: 'permission denied',
	EPERM: 'operation not permitted',
	EROFS: 'the file system is read-only',
	EDQUOT: 'the disk quota is exceeded',
	EMFILE: 'too many open files',
	ENOTDIR: 'not a directory',
	ENOENT: 'no such file or directory',
	EIO: 'an input/output error (the disk or the network file system failed)'
};

/** The same failures as DuckDB words them (its errors carry no code). */
const MESSAGE_WORDS: [RegExp, string][] = [
	[/No space left on device/i, 'the disk is full'],
	[/Permission denied/i, 'permission denied'],
	[/Read-only file system/i, 'the file system is read-only'],
	[/Disk quota exceeded/i, 'the disk quota is exceeded'],
	[/Out of Memory Error/i, 'the computer ran out of memory while writing the tables']
];

/**
 * A failure in plain words for the exit-3 message: the system's words for file-system errors,
 * with the path; otherwise the error's first line, made safe. Never a stack trace.
 */
export function errorInWords(e: unknown): string {
	const err = e as NodeJS.ErrnoException | null;
	if (err?.code && ERRNO_WORDS[err.code]) return `${ERRNO_WORDS[err.code]}${err.path ? ` (${terminalSafe(String(err.path))})` : ''}`;
	const message = String(err?.message ?? e);
	for (const [pattern, words] of MESSAGE_WORDS) if (pattern.test(message)) return words;
	return terminalSafe(message.split('\n')[0].trim());
}

/**
 * File names are bytes: the rendering kept in the dataset is safe (no control character, no
 * invalid UTF-8) and unambiguous (it turns back into the exact bytes); terminal text cannot steer
 * the terminal.
 */
import { describe, expect, it } from 'vitest';
import { errorInWords, nameBytes, progressLine, renderName, terminalSafe } from '../../ingest/names';

const bytes = (...b: number[]) => Buffer.from(b);
const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('renderName', () => {
	it('keeps valid UTF-8 names as they are (Finnish, Swedish, Cyrillic, emoji)', () => {
		for (const name of ['aura-2024-11-18.pdf', 'Pöytyä ja Oripää.pdf', 'Närpes – program.pdf', 'Программа.pdf', 'ohjelma 📄.pdf']) {
			expect(renderName(utf8(name))).toBe(name);
		}
	});

	it('writes bytes that are not UTF-8 as \\xHH, and a backslash as \\\\', () => {
		expect(renderName(bytes(0x61, 0xff, 0xfe, 0x2e, 0x70, 0x64, 0x66))).toBe('a\\xff\\xfe.pdf');
		// Latin-1 "ä" (one byte) is not UTF-8; the UTF-8 "ä" is kept.
		expect(renderName(Buffer.concat([bytes(0xe4), utf8('ä')]))).toBe('\\xe4ä');
		expect(renderName(utf8('a\\xff.pdf'))).toBe('a\\\\xff.pdf');
		// Overlong, surrogate and truncated sequences are not UTF-8 either.
		expect(renderName(bytes(0xc0, 0xaf))).toBe('\\xc0\\xaf');
		expect(renderName(bytes(0xed, 0xa0, 0x80))).toBe('\\xed\\xa0\\x80');
		expect(renderName(bytes(0xe2, 0x82))).toBe('\\xe2\\x82');
	});

	it('writes control characters (escape sequences, CR, LF, C1) and bidi overrides as escapes', () => {
		expect(renderName(utf8('evil\x1b[2K\r\nFAKE: ok.pdf'))).toBe('evil\\x1b[2K\\x0d\\x0aFAKE: ok.pdf');
		expect(renderName(utf8('a\u0085b\u202Efdp.exe'))).toBe('a\\xc2\\x85b\\xe2\\x80\\xaefdp.exe');
		for (const r of [renderName(utf8('x\x00\x07\x7f\u009b\u2066y'))]) expect(r).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2066]/);
	});

	it('is unambiguous: nameBytes gives back the exact bytes, for any bytes', () => {
		let seed = 7;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
		const seen = new Map<string, string>();
		for (let n = 0; n < 2000; n++) {
			const b = Buffer.from(Array.from({ length: 1 + (n % 12) }, next));
			const r = renderName(b);
			expect(nameBytes(r).equals(b)).toBe(true);
			expect(r).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
			const hex = b.toString('hex');
			expect(seen.get(r) ?? hex).toBe(hex);
			seen.set(r, hex);
		}
		expect(nameBytes(renderName(utf8('a\\xff\\\\.pdf'))).toString('utf8')).toBe('a\\xff\\\\.pdf');
	});
});

describe('terminalSafe', () => {
	it('keeps text on its line: no escape sequence, carriage return or newline gets through', () => {
		const s = terminalSafe('name\x1b[2K\rFAKE\nline\u009b31m\u202E');
		expect(s).toBe('name\\x1b[2K\\rFAKE\\nline\\x9b31m\\u{202e}');
		expect(s).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
		expect(terminalSafe('Pöytyä – ohjelma')).toBe('Pöytyä – ohjelma');
	});

	it('the progress line holds one redraw sequence and the name made safe', () => {
		const line = progressLine(3, 10, 'pdfs/evil\x1b[2K\r\n.pdf');
		expect(line.startsWith('\r\x1b[2K[')).toBe(true);
		expect(line.slice('\r\x1b[2K'.length)).not.toMatch(/[\u0000-\u001f]/);
		expect(line).toContain('pdfs/evil\\x1b[2K\\r\\n.pdf');
	});
});

describe('errorInWords (the exit-3 message)', () => {
	const errno = (code: string, path?: string) => Object.assign(new Error(`${code}: raw message`), { code, path });
	it('says what went wrong in words, with the path, never a stack', () => {
		expect(errorInWords(errno('ENOSPC', '/data/out/.data.versions/x'))).toBe('the disk is full (/data/out/.data.versions/x)');
		expect(errorInWords(errno('EROFS'))).toBe('the file system is read-only');
		// DuckDB's errors carry no code; its words are recognised.
		expect(errorInWords(new Error('IO Error: Could not write file "/x/answers.parquet": No space left on device'))).toBe('the disk is full');
		expect(errorInWords(new Error('Out of Memory Error: failed to allocate data of size 1.5 MiB'))).toMatch(/ran out of memory/);
		const other = new Error('Something odd\n    at frame (file.ts:1:1)');
		expect(errorInWords(other)).toBe('Something odd');
		expect(errorInWords(new Error('bad \x1b[31mname'))).toBe('bad \\x1b[31mname');
	});
});

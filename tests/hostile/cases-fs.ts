/**
 * Hostile inputs made of the file system: odd names (control characters, terminal escape
 * sequences, bytes that are not UTF-8, very long), special files (FIFOs, sockets, devices),
 * dangling links, link loops, a 1 GiB sparse file, links to good files.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, linkSync, openSync, symlinkSync, writeFileSync, writeSync, ftruncateSync } from 'node:fs';
import type { Base } from './cases-pdf';
import type { CaseSpec, Expectation } from './types';

const GIB = 1024 * 1024 * 1024;

/** The base's bytes with a comment naming the case after its end marker: distinct bytes, same document. */
const copyOf = (b: Base) => (path: string | Buffer, token: string) => writeFileSync(path, Buffer.concat([b.bytes, Buffer.from(`%${token}\n`)]));
const cut = (b: Base) => (path: string | Buffer) => writeFileSync(path, b.bytes.subarray(0, b.bytes.length >> 1));

/** A sparse file: `head`, a hole up to `size`, `tail` (takes no disk space). */
function sparse(size: number, head = Buffer.alloc(0), tail = Buffer.alloc(0)) {
	return (path: string | Buffer) => {
		const fd = openSync(path, 'w');
		try {
			writeSync(fd, head);
			ftruncateSync(fd, size - tail.length);
			writeSync(fd, tail, 0, tail.length, size - tail.length);
		} finally {
			closeSync(fd);
		}
	};
}

function canRun(cmd: string, args: string[]): boolean {
	try {
		execFileSync(cmd, args, { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

export function fsCases(bases: readonly Base[], goodAbsolute: (b: Base) => string): CaseSpec[] {
	const [aura, lieto] = bases;
	const cases: CaseSpec[] = [];
	const same = (b: Base): Expectation => ({ kind: 'programme', sameAnswersAs: b.file });

	// Odd names, each holding a good document: it must be read like any other.
	const names: [string, boolean][] = [
		['ctrl-\x01\x02\x03.pdf', true],
		['new\nline.pdf', true],
		['carriage\rreturn.pdf', false],
		['tab\there.pdf', false],
		['\x1b[31mred\x1b[0m.pdf', true],
		['\x1b]0;owned\x07title.pdf', false],
		['fake\x1b[2K\ringest: ok.pdf', true],
		['backspace\x08\x08\x08.pdf', false],
		['del\x7f.pdf', false],
		[`long-${'x'.repeat(255 - 'h000-long-.pdf'.length)}.pdf`, true],
		[`long-${'ä'.repeat((254 - 'h000-long-.pdf'.length) >> 1)}.pdf`, false],
		['-rf {t}.pdf', true],
		['  spaces around  .pdf', false],
		['rtl-\u202eFDP.exe.pdf', false],
		['emoji-\u{1F9E8}.pdf', false],
		['nfd-Po\u0308ytya\u0308.pdf', true],
		['$(id)`whoami`;|&<>*?.pdf', false],
		['back\\slash.pdf', false],
		['percent%2F%00.pdf', false],
		['UPPER.PDF', true],
		['.{t}-hidden.pdf', false]
	];
	for (const [name, subset] of names) cases.push({ cls: 'odd-name', name, expect: same(aura), subset, make: copyOf(aura) });
	// Not UTF-8: Latin-1, invalid bytes, an overlong encoding, an encoded surrogate.
	const raw: [Buffer, boolean][] = [
		[Buffer.from('latin1-P\xf6yty\xe4.pdf', 'latin1'), true],
		[Buffer.from('invalid-\xff\xfe.pdf', 'latin1'), false],
		[Buffer.from('overlong-\xc0\xaf.pdf', 'latin1'), false],
		[Buffer.from('surrogate-\xed\xa0\x80.pdf', 'latin1'), false]
	];
	for (const [name, subset] of raw) cases.push({ cls: 'odd-name', name, expect: same(lieto), subset, make: copyOf(lieto) });
	cases.push({ cls: 'odd-name', name: 'inside.pdf', dir: 'odd-name/a folder named.pdf', expect: same(aura), subset: true, make: copyOf(aura) });
	cases.push({ cls: 'odd-name', name: 'deep.pdf', dir: `odd-name/${Array(60).fill('deep').join('/')}`, expect: same(lieto), make: copyOf(lieto) });
	// Damaged files with names that would rewrite the terminal if printed raw.
	cases.push({ cls: 'odd-name', name: 'cut\x1b[2K\r\x1b[32mok\x1b[0m.pdf', expect: { kind: 'error', codes: ['truncated'] }, subset: true, make: cut(aura) });
	cases.push({ cls: 'odd-name', name: 'cut\ningest: all files read.pdf', expect: { kind: 'error', codes: ['truncated'] }, make: cut(lieto) });

	// Special files: never opened (a FIFO would block the reader for ever).
	const notRegular: Expectation = { kind: 'error', codes: ['not-a-regular-file'] };
	cases.push({ cls: 'special-file', name: 'fifo.pdf', expect: notRegular, subset: true, make: (p) => void execFileSync('mkfifo', [String(p)]) });
	cases.push({ cls: 'special-file', name: 'fifo-named.pdf', expect: notRegular, subset: true, named: true, make: (p) => void execFileSync('mkfifo', [String(p)]) });
	if (canRun('python3', ['-c', 'import socket; socket.AF_UNIX']))
		cases.push({
			cls: 'special-file',
			name: 'socket.pdf',
			expect: notRegular,
			make: (p) => void execFileSync('python3', ['-c', 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])', String(p)])
		});
	cases.push({
		cls: 'special-file',
		name: 'device-zero.pdf',
		expect: notRegular,
		subset: true,
		// A character device (as root: a real node like /dev/zero; else a link to it).
		make: (p) => {
			if (!canRun('mknod', [String(p), 'c', '1', '5'])) symlinkSync('/dev/zero', p);
		}
	});
	cases.push({ cls: 'special-file', name: 'link-to-dev-urandom.pdf', expect: notRegular, make: (p) => symlinkSync('/dev/urandom', p) });
	cases.push({ cls: 'special-file', name: 'link-to-dev-null.pdf', expect: notRegular, make: (p) => symlinkSync('/dev/null', p) });
	cases.push({ cls: 'special-file', name: 'link-to-dev-stdin.pdf', expect: { kind: 'any' }, make: (p) => symlinkSync('/dev/stdin', p) });
	// A /proc file: regular, size 0, yet has content.
	cases.push({ cls: 'special-file', name: 'link-to-proc-status.pdf', expect: { kind: 'error', codes: ['not-pdf', 'empty'] }, make: (p) => symlinkSync('/proc/self/status', p) });

	// Dangling links.
	const dangling: Expectation = { kind: 'error', codes: ['dangling-symlink'] };
	cases.push({ cls: 'dangling-symlink', name: 'to-nowhere.pdf', expect: dangling, subset: true, make: (p) => symlinkSync('/nonexistent/kotokartta-hostile.pdf', p) });
	cases.push({ cls: 'dangling-symlink', name: 'relative.pdf', expect: dangling, make: (p) => symlinkSync('../missing/x.pdf', p) });
	cases.push({ cls: 'dangling-symlink', name: 'named.pdf', expect: dangling, named: true, subset: true, make: (p) => symlinkSync('/nonexistent/named.pdf', p) });

	// Link loops.
	const loop: Expectation = { kind: 'error', codes: ['symlink-loop'] };
	cases.push({ cls: 'symlink-loop', name: 'self.pdf', expect: loop, subset: true, make: (p) => symlinkSync(typeof p === 'string' ? p : p.toString(), p) });
	cases.push({
		cls: 'symlink-loop',
		name: 'pair.pdf',
		expect: loop,
		// a.pdf → b.link → a.pdf (b.link is not a *.pdf, so the walk only meets a.pdf).
		make: (p, token) => {
			symlinkSync(`${token}-b.link`, p);
			symlinkSync(`${token}-pair.pdf`, `${String(p).replace(/[^/]+$/, '')}${token}-b.link`);
		}
	});
	cases.push({ cls: 'symlink-loop', name: 'x.pdf', dir: 'symlink-loop/two-selves', expect: loop, subset: true, make: (p) => symlinkSync(String(p), p) });
	cases.push({ cls: 'symlink-loop', name: 'y.pdf', dir: 'symlink-loop/two-selves', expect: loop, subset: true, make: (p) => symlinkSync(String(p), p) });
	cases.push({ cls: 'symlink-loop', name: 'up', dir: 'symlink-loop/folder', expect: loop, subset: true, make: (p) => symlinkSync('..', p) });
	cases.push({ cls: 'symlink-loop', name: 'chain-45.pdf', expect: { kind: 'any' }, make: (p, token) => chain(String(p), token, 45, goodAbsolute(aura)) });

	// Links to a good file: the same bytes, a duplicate.
	cases.push({ cls: 'misc', name: 'symlink-to-good.pdf', expect: { kind: 'duplicate' }, subset: true, make: (p) => symlinkSync(goodAbsolute(aura), p) });
	cases.push({ cls: 'misc', name: 'hardlink-to-good.pdf', expect: { kind: 'duplicate' }, make: (p) => linkSync(goodAbsolute(lieto), p) });

	// Sparse files: 1 GiB that take no disk space.
	const tooLarge: Expectation = { kind: 'error', codes: ['limit-size'] };
	cases.push({ cls: 'sparse', name: '1gib-zeros.pdf', expect: tooLarge, subset: true, make: sparse(GIB) });
	cases.push({ cls: 'sparse', name: '1gib-framed.pdf', expect: tooLarge, make: sparse(GIB, Buffer.from('%PDF-1.7\n'), Buffer.from('\n%%EOF\n')) });
	cases.push({ cls: 'sparse', name: '99mb-framed.pdf', expect: { kind: 'any' }, make: sparse(99 * 1024 * 1024, Buffer.from('%PDF-1.7\n'), Buffer.from('\n%%EOF\n')) });
	return cases;
}

/** `path` → link 1 → … → link n-1 → target: more links than the system follows (40). */
function chain(path: string, token: string, n: number, target: string): void {
	const dir = path.replace(/[^/]+$/, '');
	let next = target;
	for (let i = n - 1; i > 0; i--) {
		const link = `${dir}${token}-chain-${i}`;
		symlinkSync(next, link);
		next = link;
	}
	symlinkSync(next, path);
}

/**
 * A stand-in for tesseract that misbehaves on purpose, to test the ingest's limits on OCR
 * processes: put `dir` first on PATH. `--list-langs` answers like tesseract (fin, swe); a
 * recognition writes "pid ppid" of itself and of a `sleep` child it starts to the pid file, then
 * hangs (mode `hang`) or first takes `mb` MB of memory (mode `memory`); mode `slow` instead
 * answers after two seconds with one recognised word. Written in Node (no other language needed
 * on the machine).
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FakeTesseract {
	/** Put first on PATH. */
	dir: string;
	/** Every process the fake started (itself, its sleep child), with when (ms since the epoch). */
	pids(): { pid: number; ppid: number; at: number }[];
}

export function fakeTesseract(mode: 'hang' | 'memory' | 'slow', mb = 0): FakeTesseract {
	const dir = mkdtempSync(join(tmpdir(), 'kk-fake-tesseract-'));
	const pidFile = join(dir, 'pids.txt');
	writeFileSync(
		join(dir, 'tesseract'),
		`#!/usr/bin/env node
const { appendFileSync } = require('node:fs');
const { spawn } = require('node:child_process');
if (process.argv[2] === '--list-langs') {
	process.stdout.write('List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (3):\\neng\\nfin\\nswe\\n');
	process.exit(0);
}
appendFileSync(${JSON.stringify(pidFile)}, process.pid + ' ' + process.ppid + ' ' + Date.now() + '\\n');
${
	mode === 'slow'
		? `setTimeout(() => {
	process.stdout.write('level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext\\n1\\t1\\t0\\t0\\t0\\t0\\t0\\t0\\t1654\\t2339\\t-1\\t\\n5\\t1\\t1\\t1\\t1\\t1\\t100\\t100\\t300\\t40\\t91\\tKotoutumisohjelma\\n');
	process.exit(0);
}, 2000);
return;`
		: ''
}
const child = spawn('sleep', ['600'], { stdio: 'ignore' });
appendFileSync(${JSON.stringify(pidFile)}, child.pid + ' ' + process.pid + ' ' + Date.now() + '\\n');
${mode === 'memory' ? `globalThis.hold = Buffer.alloc(${mb} * 1024 * 1024, 1);` : ''}
setInterval(() => {}, 1000);
`
	);
	chmodSync(join(dir, 'tesseract'), 0o755);
	return {
		dir,
		pids: () =>
			existsSync(pidFile)
				? readFileSync(pidFile, 'utf8')
						.trim()
						.split('\n')
						.map((l) => l.split(' ').map(Number))
						.map(([pid, ppid, at]) => ({ pid, ppid, at }))
				: []
	};
}

/** Is the process gone (or a zombie nobody has reaped yet)? */
export function isGone(pid: number): boolean {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
		return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
	} catch {
		return true;
	}
}

/**
 * Runs a command and measures it as a whole: wall time; CPU time (user + system) of the
 * command and every descendant it waited for (the ingest's readers and their tesseract), from
 * this process's cutime/cstime in /proc/self/stat, so one run at a time; and the peak of the
 * resident memory of the whole process tree, the sum of each process's RSS from /proc, sampled
 * every 50 ms (Linux). A child between fork and exec (same command line as its parent) is not
 * counted: its pages are still its parent's.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;

function read(path: string): string | null {
	try {
		return readFileSync(path, 'latin1');
	} catch {
		return null;
	}
}

/** Resident bytes of `pid` and its descendants now. */
export function treeRss(pid: number): number {
	let total = 0;
	const todo: { pid: number; parentCmd: string | null }[] = [{ pid, parentCmd: null }];
	while (todo.length > 0) {
		const { pid: p, parentCmd } = todo.pop()!;
		const cmd = read(`/proc/${p}/cmdline`);
		const statm = read(`/proc/${p}/statm`);
		if (cmd === null || statm === null) continue;
		if (cmd !== parentCmd) total += Number(statm.split(' ')[1]) * PAGE;
		let tasks: string[] = [];
		try {
			tasks = readdirSync(`/proc/${p}/task`);
		} catch {
			continue;
		}
		for (const t of tasks) {
			for (const c of (read(`/proc/${p}/task/${t}/children`) ?? '').split(' ')) if (c.trim() !== '') todo.push({ pid: Number(c), parentCmd: cmd });
		}
	}
	return total;
}

/** CPU seconds of this process's reaped children so far (cutime + cstime). */
function childrenCpu(): number {
	const f = readFileSync('/proc/self/stat', 'latin1');
	const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}
/** sysconf(_SC_CLK_TCK): 100 on Linux (USER_HZ). */
const CLOCK_TICKS = 100;

export interface Measured {
	ms: number;
	/** CPU seconds of the whole tree (user + system). */
	cpu: number;
	peakRss: number;
	code: number | null;
	stdout: string;
	stderr: string;
}

export function runMeasured(cmd: string, args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measured> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const cpu0 = childrenCpu();
		const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		let peakRss = 0;
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const sample = () => {
			if (child.pid) peakRss = Math.max(peakRss, treeRss(child.pid));
		};
		const timer = setInterval(sample, 50);
		child.on('error', (e) => {
			clearInterval(timer);
			reject(e);
		});
		child.on('close', (code) => {
			clearInterval(timer);
			resolve({ ms: performance.now() - started, cpu: childrenCpu() - cpu0, peakRss, code, stdout, stderr });
		});
	});
}

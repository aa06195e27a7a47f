/**
 * Runs the ingest CLI as a user does (a child process: what `npm run ingest` runs, the CLI's bundle
 * under plain node, `node --max-semi-space-size=1 ingest/ingest.mjs …`) and
 * watches its whole process tree: the peak resident memory is the largest sum, over one sample,
 * of the RSS of the CLI, its reader processes and their tesseract/pdftoppm children, read from
 * /proc every `sampleMs` (Node's own process.memoryUsage sees only itself). A run that does
 * not end by `deadlineMs` is killed (every process of the tree) and reported as hung.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const PAGE = 4096;

export interface CliRun {
	code: number | null;
	signal: NodeJS.Signals | null;
	/** Killed at the deadline. */
	hung: boolean;
	wallMs: number;
	/** Largest sum of RSS over the process tree in one sample, bytes. */
	peakRss: number;
	/** The CLI process alone, at its peak, bytes. */
	peakRssCli: number;
	/** Most processes in the tree at once. */
	peakProcesses: number;
	/** Processes of the tree still alive after the CLI ended (killed then): readers it failed to end. */
	leftover: number;
	samples: number;
	stdout: string;
	stderr: string;
}

interface Proc {
	ppid: number;
	pgrp: number;
	rss: number;
}

function snapshot(): Map<number, Proc> {
	const out = new Map<number, Proc>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
			// After the command name (which may hold spaces and parentheses): state ppid pgrp … rss is field 24.
			const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			out.set(Number(name), { ppid: Number(f[1]), pgrp: Number(f[2]), rss: Number(f[21]) * PAGE });
		} catch {
			// ended meanwhile
		}
	}
	return out;
}

/** The tree under `root`: its descendants, and anything left in their process groups (orphans of a killed reader). */
export function treeOf(root: number, procs: Map<number, Proc>): number[] {
	const children = new Map<number, number[]>();
	for (const [pid, p] of procs) {
		const list = children.get(p.ppid) ?? [];
		list.push(pid);
		children.set(p.ppid, list);
	}
	const tree = new Set<number>();
	const stack = [root];
	while (stack.length > 0) {
		const pid = stack.pop()!;
		if (tree.has(pid) || !procs.has(pid)) continue;
		tree.add(pid);
		stack.push(...(children.get(pid) ?? []));
	}
	const groups = new Set([...tree].map((pid) => procs.get(pid)!.pgrp));
	for (const [pid, p] of procs) if (groups.has(p.pgrp)) tree.add(pid);
	return [...tree];
}

export function runCli(args: readonly string[], opts: { deadlineMs: number; sampleMs?: number; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
	const started = performance.now();
	// Its own process group, so its group is not ours (treeOf follows groups).
	const child = spawn(process.execPath, ['--max-semi-space-size=1', join(ROOT, 'ingest/ingest.mjs'), ...args], {
		cwd: ROOT,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, ...opts.env }
	});
	const stdout: Buffer[] = [];
	const stderr: Buffer[] = [];
	child.stdout!.on('data', (c: Buffer) => stdout.push(c));
	child.stderr!.on('data', (c: Buffer) => stderr.push(c));
	let peakRss = 0;
	let peakRssCli = 0;
	let peakProcesses = 0;
	let samples = 0;
	let lastTree: number[] = [];
	const groups = new Set<number>();
	let hung = false;
	const sample = () => {
		const procs = snapshot();
		const tree = treeOf(child.pid!, procs);
		if (tree.length === 0) return;
		lastTree = tree;
		for (const pid of tree) groups.add(procs.get(pid)!.pgrp);
		samples++;
		const sum = tree.reduce((s, pid) => s + (procs.get(pid)?.rss ?? 0), 0);
		peakRss = Math.max(peakRss, sum);
		peakRssCli = Math.max(peakRssCli, procs.get(child.pid!)?.rss ?? 0);
		peakProcesses = Math.max(peakProcesses, tree.length);
	};
	const timer = setInterval(sample, opts.sampleMs ?? 50);
	const deadline = setTimeout(() => {
		hung = true;
		sample();
		for (const pid of lastTree) {
			try {
				process.kill(pid, 'SIGKILL');
			} catch {
				// gone
			}
		}
	}, opts.deadlineMs);
	return new Promise((resolve) => {
		child.on('close', (code, signal) => {
			clearInterval(timer);
			clearTimeout(deadline);
			// Readers still alive after the CLI ended would be a leak: count them and end them (they are ours).
			const left = [...snapshot()].filter(([, p]) => groups.has(p.pgrp)).map(([pid]) => pid);
			for (const pid of left) {
				try {
					process.kill(pid, 'SIGKILL');
				} catch {
					// gone
				}
			}
			resolve({
				code,
				signal,
				hung,
				wallMs: performance.now() - started,
				peakRss,
				peakRssCli,
				peakProcesses,
				leftover: left.length,
				samples,
				stdout: Buffer.concat(stdout).toString('utf8'),
				stderr: Buffer.concat(stderr).toString('utf8')
			});
		});
	});
}

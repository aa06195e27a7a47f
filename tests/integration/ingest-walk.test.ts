import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInputs } from '../../ingest/walk';

function tree() {
	const dir = mkdtempSync(join(tmpdir(), 'walk-'));
	mkdirSync(join(dir, 'a'));
	writeFileSync(join(dir, 'a', 'one.pdf'), '%PDF-1.4\n');
	symlinkSync('.', join(dir, 'a', 'self1'));
	symlinkSync('.', join(dir, 'a', 'self2'));
	symlinkSync('missing.pdf', join(dir, 'a', 'gone.pdf'));
	symlinkSync('loop.pdf', join(dir, 'a', 'loop.pdf'));
	execFileSync('mkfifo', [join(dir, 'a', 'pipe.pdf')]);
	return dir;
}

describe('findInputs', () => {
	it('finishes on a folder with two self-symlinks and lists its file once', async () => {
		const dir = tree();
		const { inputs } = await findInputs([join(dir, 'a')], dir);
		expect(inputs.map((i) => i.file)).toEqual(['a/one.pdf']);
	});
	it('gives one verdict per skipped path, with its code', async () => {
		const dir = tree();
		const { verdicts } = await findInputs([join(dir, 'a')], dir);
		const byFile = Object.fromEntries(verdicts.map((v) => [v.file, v.kind === 'error' ? v.code : v.kind]));
		expect(byFile['a/gone.pdf']).toBe('dangling-symlink');
		expect(byFile['a/loop.pdf']).toBe('symlink-loop');
		expect(byFile['a/pipe.pdf']).toBe('not-a-regular-file');
		expect(new Set(verdicts.map((v) => v.file)).size).toBe(verdicts.length);
	});
	it('does not open a FIFO named on the command line', async () => {
		const dir = tree();
		const { inputs, verdicts } = await findInputs([join(dir, 'a', 'pipe.pdf')], dir);
		expect(inputs).toEqual([]);
		expect(verdicts.map((v) => (v.kind === 'error' ? v.code : v.kind))).toEqual(['not-a-regular-file']);
	});
});

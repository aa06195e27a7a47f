/**
 * Determinism (same inputs → byte-identical files) and atomicity (a failed run leaves the
 * previous dataset intact) of the Parquet output.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../ingest/run';
import { ANSWER_FIELDS } from '../../src/lib/programme/form-tem-2024';
import { parquet, query } from '../helpers/duckdb';
import { AURA_FIXTURE, fillablePdf, textPdf } from '../helpers/programme-pdfs';

let dir: string;
let files: [string, Uint8Array][];

/** sha256 of every file in a directory, by name. */
function snapshot(d: string): Record<string, string> {
	return Object.fromEntries(
		readdirSync(d)
			.sort()
			.map((f) => [f, createHash('sha256').update(readFileSync(join(d, f))).digest('hex')])
	);
}

function writeInputs(into: string, order: [string, Uint8Array][]): void {
	for (const [name, bytes] of order) {
		mkdirSync(join(into, name, '..'), { recursive: true });
		writeFileSync(join(into, name), bytes);
	}
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-atomic-'));
	const other = await fillablePdf(ANSWER_FIELDS.map((f, i) => ({ name: f.fieldName, value: i % 4 === 0 ? '' : `Vastaus ${i}: palvelu on järjestetty kunnassa ja se toimii hyvin.` })));
	files = [
		['a/aura.pdf', new Uint8Array(readFileSync(AURA_FIXTURE))],
		['a/b/other.pdf', other],
		['a/b/c/invoice.pdf', await textPdf(['Lasku'])],
		['a/broken.pdf', new TextEncoder().encode('not a pdf')]
	];
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('determinism', () => {
	it('the same inputs give byte-identical files, whatever order they were written in', async () => {
		const one = join(dir, 'det1');
		const two = join(dir, 'det2');
		writeInputs(one, files);
		writeInputs(two, [...files].reverse());
		// The same reference date ("today", recorded in the manifest), so a run across midnight is the same too.
		const referenceDate = '2026-01-15';
		await runIngest({ inputs: [join(one, 'a')], out: join(one, 'data'), root: one, referenceDate });
		await runIngest({ inputs: [join(two, 'a')], out: join(two, 'data'), root: two, referenceDate });
		const first = snapshot(join(one, 'data'));
		expect(Object.keys(first)).toContain('answers.parquet');
		expect(snapshot(join(two, 'data'))).toEqual(first);
		// And again into the same place.
		await runIngest({ inputs: [join(one, 'a')], out: join(one, 'data'), root: one, referenceDate });
		expect(snapshot(join(one, 'data'))).toEqual(first);
	});
});

describe('versions follow the derived files too', () => {
	it('a dataset written by older code (same tables, a summary file missing) is not relinked: the re-ingest writes a new version', async () => {
		const root = join(dir, 'derived');
		writeInputs(root, files);
		const out = join(root, 'data');
		const referenceDate = '2026-01-15';
		await runIngest({ inputs: [join(root, 'a')], out, root, referenceDate });
		const complete = snapshot(out);
		expect(Object.keys(complete)).toContain('responsibility_gaps.parquet');
		// What an ingest before that summary existed left: the same manifest, no summary file, and its
		// version named after the manifest alone (as versions were named then).
		const store = join(root, '.data.versions');
		const manifest = readFileSync(join(out, 'manifest.json'));
		const older = join(store, `v-${createHash('sha256').update(manifest).digest('hex').slice(0, 16)}`);
		renameSync(realpathSync(out), older);
		rmSync(join(older, 'responsibility_gaps.parquet'));
		rmSync(out);
		symlinkSync(join('.data.versions', basename(older)), out, 'dir');
		expect(existsSync(join(out, 'responsibility_gaps.parquet'))).toBe(false);
		await runIngest({ inputs: [join(root, 'a')], out, root, referenceDate });
		expect(snapshot(out)).toEqual(complete);
	});
});

describe('atomic replacement', () => {
	it('a run that fails after some tables are written leaves the previous dataset intact', async () => {
		const root = join(dir, 'atomic');
		writeInputs(root, files.slice(0, 1));
		const out = join(root, 'data');
		await runIngest({ inputs: [join(root, 'a')], out, root });
		const before = snapshot(out);

		writeInputs(root, files); // more inputs now
		const written: string[] = [];
		await expect(
			runIngest({
				inputs: [join(root, 'a')],
				out,
				root,
				afterTable: (name) => {
					written.push(name);
					if (name === 'answers') throw new Error('simulated crash after writing answers');
				}
			})
		).rejects.toThrow(/simulated crash/);
		expect(written).toEqual(['programmes', 'answers']);
		expect(snapshot(out)).toEqual(before);
		// Nothing left over but the one version the output links to.
		expect(readdirSync(root).filter((e) => e.startsWith('.'))).toEqual(['.data.versions']);
		expect(readdirSync(join(root, '.data.versions'))).toEqual([basename(readlinkSync(out))]);
		const [{ n }] = await query(`SELECT count(*) AS n FROM ${parquet(out, 'programmes')}`);
		expect(Number(n)).toBe(1);

		// The next good run replaces it as a whole.
		await runIngest({ inputs: [join(root, 'a')], out, root });
		const [{ m }] = await query(`SELECT count(*) AS m FROM ${parquet(out, 'programmes')}`);
		expect(Number(m)).toBe(2);
	});

	it('a run killed while moving an old-layout directory into the store is repaired by the next run, even if that one fails too', async () => {
		const root = join(dir, 'swap');
		writeInputs(root, files.slice(0, 1));
		const out = join(root, 'data');
		await runIngest({ inputs: [join(root, 'a')], out, root });
		const before = snapshot(out);
		// What a kill between the first run's two renames leaves: no output, the old directory in
		// the store, a temporary directory of the dead run.
		const store = join(root, '.data.versions');
		renameSync(realpathSync(out), join(store, 'legacy-999999-deadbeef'));
		rmSync(out);
		mkdirSync(join(store, '.tmp-999999-deadbeef'));
		await expect(
			runIngest({ inputs: [join(root, 'a')], out, root, afterTable: () => Promise.reject(new Error('fails again')) })
		).rejects.toThrow(/fails again/);
		expect(existsSync(out)).toBe(true);
		expect(snapshot(out)).toEqual(before);
		expect(readdirSync(store)).toEqual(['legacy-999999-deadbeef']);
	});

	it('a real dataset directory (the layout before links) is replaced by a link to the new version', async () => {
		const root = join(dir, 'legacy');
		writeInputs(root, files.slice(0, 1));
		const out = join(root, 'data');
		await runIngest({ inputs: [join(root, 'a')], out, root });
		const before = snapshot(out);
		const real = realpathSync(out);
		rmSync(out);
		renameSync(real, out); // now a plain directory
		rmSync(join(root, '.data.versions'), { recursive: true });
		await runIngest({ inputs: [join(root, 'a')], out, root });
		expect(lstatSync(out).isSymbolicLink()).toBe(true);
		expect(snapshot(out)).toEqual(before);
		expect(readdirSync(join(root, '.data.versions'))).toEqual([basename(readlinkSync(out))]);
	});
});

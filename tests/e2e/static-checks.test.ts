/**
 * Checks on the built site and the sources that need no browser: the DuckDB wasm is
 * precompressed, and no page or component renders HTML from a string ({@html}) — answers are
 * untrusted text from PDFs and must always be rendered escaped.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string, ext: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path, ext) : path.endsWith(ext) ? [path] : [];
	});
}

describe('built site', () => {
	it('ships the DuckDB wasm with brotli and gzip versions', () => {
		const assets = readdirSync('build/_app/immutable/assets');
		const wasm = assets.filter((f) => f.endsWith('.wasm'));
		expect(wasm.length).toBe(1);
		expect(assets).toContain(`${wasm[0]}.br`);
		expect(assets).toContain(`${wasm[0]}.gz`);
		expect(statSync(join('build/_app/immutable/assets', `${wasm[0]}.br`)).size).toBeLessThan(
			statSync(join('build/_app/immutable/assets', wasm[0])).size / 4
		);
	});
});

describe('the dataset in the build', () => {
	// static/data is a link into the ingest's versions store (static/.data.versions/, ingest/output.ts),
	// and the build copies static/ following links: the store must not ship as a second copy.
	const all = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(join(dir, e.name)) : [join(dir, e.name)]));

	it('ships the data once, at /data: no versions store, no data file outside build/data', () => {
		expect(readdirSync('build').filter((e) => /^\..*\.versions$/.test(e))).toEqual([]);
		const dataFiles = all('build').filter((f) => /\.(parquet|arrow)(\.br|\.gz)?$|manifest\.json$/.test(f));
		expect(dataFiles.filter((f) => !f.startsWith(join('build', 'data') + '/'))).toEqual([]);
	});

	it('build/data holds the current dataset (the files static/data links to), byte for byte', () => {
		const current = readdirSync('static/data');
		expect(current).toContain('manifest.json');
		for (const f of current) expect(readFileSync(join('build/data', f)).equals(readFileSync(join('static/data', f))), f).toBe(true);
	});

	it('build/pdfs holds only the published programme PDFs (scripts/publish-pdfs.ts), nothing of the dataset', () => {
		const pdfs = all('build/pdfs').filter((f) => !/\.(br|gz)$/.test(f));
		expect(pdfs.length).toBeGreaterThan(0);
		expect(pdfs.filter((f) => !f.toLowerCase().endsWith('.pdf'))).toEqual([]);
	});
});

describe('sources', () => {
	it('no Svelte file renders raw HTML', () => {
		// Comments may mention it (to say it is not used); code may not.
		const code = (f: string) =>
			readFileSync(f, 'utf8')
				.replace(/<!--[\s\S]*?-->/g, '')
				.replace(/\/\*[\s\S]*?\*\//g, '')
				.replace(/^\s*\/\/.*$/gm, '');
		const offenders = files('src', '.svelte').filter((f) => /\{@html\b/.test(code(f)));
		expect(offenders).toEqual([]);
	});
});

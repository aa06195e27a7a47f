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

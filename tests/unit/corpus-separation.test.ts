/**
 * The generator's phrase banks and the extractor's lexicons stay apart, so the evaluation
 * measures the extractor against wording it was not built from: nothing in corpus/ imports the
 * enrichment code, and nothing in src/ or ingest/ imports the corpus.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

function files(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) out.push(...files(p));
		else if (/\.(ts|js|mjs|svelte)$/.test(name)) out.push(p);
	}
	return out;
}

const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);

describe('generator and extractor separation', () => {
	it('corpus/ never imports the extraction lexicons (src/lib/programme/enrich)', () => {
		const bad = files(join(ROOT, 'corpus')).flatMap((f) => imports(f).filter((i) => i.includes('programme/enrich')).map((i) => `${relative(ROOT, f)} → ${i}`));
		expect(bad).toEqual([]);
	});

	it('src/ and ingest/ never import the corpus', () => {
		const sources = [...files(join(ROOT, 'src')), ...files(join(ROOT, 'ingest'))];
		expect(sources.length).toBeGreaterThan(10);
		const bad = sources.flatMap((f) => imports(f).filter((i) => /(^|\/)corpus\//.test(i)).map((i) => `${relative(ROOT, f)} → ${i}`));
		expect(bad).toEqual([]);
	});
});

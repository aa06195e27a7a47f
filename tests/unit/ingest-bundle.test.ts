/**
 * The ingest's bundler (ingest/bundle.mjs) keeps each file's own import.meta, also when the
 * bundler itself runs from a bundle: the CLI is bundled with it and builds the readers' bundle.
 * Once its plugin rewrote its own search strings there, the readers kept `import.meta.dirname`
 * of the cache folder and looked for the reference CSV under node_modules/.cache.
 */
import { rmSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundle } from '../../ingest/bundle.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules/.cache/kotokartta');
const PROBE = 'tests/fixtures/bundle/meta-probe.ts';

describe('ingest bundles', () => {
	it('a module bundled by the bundled bundler keeps its own import.meta', async () => {
		// The bundler as the CLI carries it: bundle.mjs bundled with its own plugin.
		const bundledBundler = await bundle('ingest/bundle.mjs');
		expect(bundledBundler).not.toBeNull();
		// Built fresh by that copy (a cached probe from another builder would prove nothing).
		for (const f of readdirSync(CACHE)) if (f.startsWith('tests-fixtures-bundle-meta-probe')) rmSync(join(CACHE, f), { recursive: true, force: true });
		const { bundle: innerBundle } = (await import(pathToFileURL(bundledBundler!).href)) as typeof import('../../ingest/bundle.mjs');
		const probe = await innerBundle(PROBE);
		expect(probe).not.toBeNull();
		const { here, url } = (await import(pathToFileURL(probe!).href)) as { here: string; url: string };
		expect(here).toBe(join(ROOT, 'tests/fixtures/bundle'));
		expect(url).toBe(pathToFileURL(join(ROOT, PROBE)).href);
	}, 60_000);
});

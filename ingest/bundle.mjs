/**
 * The ingest's TypeScript as one plain JavaScript file per entry point, so the CLI
 * (ingest/ingest.mjs) and each reader worker (ingest/pool.ts) start with `node` alone. Under
 * tsx's loader every module passes through a hooks thread, pdf.js's 2 MB included: a reader
 * took ~2 s and ~230 MB before its first file, and the CLI carried ~80 MB of loader; as bundles
 * a reader starts in ~0.3 s with ~90 MB (measured by `npm run bench -- --ingest-only`).
 *
 * esbuild bundles the entry and the TypeScript it imports; packages (pdf.js, DuckDB, Arrow) stay
 * imports, resolved from the repository's node_modules as usual. `import.meta.url` and
 * `import.meta.dirname` keep their values of the original file. A bundle is cached in
 * node_modules/.cache/kotokartta/ under a hash of esbuild's version and every input file's path
 * and bytes, so an edit to any of them makes a new bundle and a run never uses a stale one.
 * Plain JavaScript (no tsx needed to load it).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const CACHE = join(ROOT, 'node_modules/.cache/kotokartta');

/**
 * @param {string} esbuildVersion
 * @param {readonly string[]} inputs paths relative to the repository
 */
function keyOf(esbuildVersion, inputs) {
	// `meta 2`: bundles from before the import.meta fix (see META) are not reused.
	const h = createHash('sha256').update(`esbuild ${esbuildVersion}\nnode20 esm meta 2\n${ROOT}\n`);
	for (const input of [...inputs].sort()) h.update(`${input}\n`).update(readFileSync(join(ROOT, input))).update('\n');
	return h.digest('hex').slice(0, 20);
}

/**
 * A bundle is a directory: the entry (`main.mjs`) and the chunks of what it imports dynamically,
 * which stay out of memory until they are needed (e.g. DuckDB, loaded only to write).
 * @param {string} name @param {string} key
 */
const bundleDir = (name, key) => join(CACHE, `${name}-${key}`);
/** @param {string} name @param {string} key */
const bundlePath = (name, key) => join(bundleDir(name, key), 'main.mjs');

/**
 * The cached bundle of `name` if every input is unchanged, else null.
 * @param {string} name
 */
function cached(name) {
	try {
		/** @type {{ key: string; esbuild: string; inputs: string[] }} */
		const index = JSON.parse(readFileSync(join(CACHE, `${name}.json`), 'utf8'));
		return keyOf(index.esbuild, index.inputs) === index.key && existsSync(bundlePath(name, index.key)) ? bundlePath(name, index.key) : null;
	} catch {
		return null;
	}
}

/**
 * Spelled in two parts: this file is bundled too (into the CLI, which builds the readers' bundle),
 * and the plugin would otherwise rewrite its own search strings into this file's path, leaving the
 * readers' `import.meta.dirname` unreplaced (they then looked for data under node_modules/.cache).
 */
const META = ['import', 'meta'].join('.');

/** Gives each TypeScript file its own import.meta.url and import.meta.dirname (a bundle has one of each). */
const keepImportMeta = {
	name: 'keep-import-meta',
	/** @param {import('esbuild').PluginBuild} build */
	setup(build) {
		build.onLoad({ filter: /\.(ts|mjs)$/ }, (args) => {
			const source = readFileSync(args.path, 'utf8');
			if (!source.includes('import.meta')) return undefined;
			const contents = source
				.replaceAll(`${META}.dirname`, JSON.stringify(dirname(args.path)))
				.replaceAll(`${META}.url`, JSON.stringify(pathToFileURL(args.path).href));
			return { contents, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
		});
	}
};

/** @type {Map<string, Promise<string | null>>} */
const pending = new Map();

/**
 * The path of the bundle of `entry` (relative to the repository), built on first use per
 * process; null when it cannot be built or stored (no esbuild, a read-only tree): the caller
 * then runs the TypeScript under tsx, slower with the same results.
 * @param {string} entry e.g. 'ingest/cli.ts'
 * @returns {Promise<string | null>}
 */
export function bundle(entry) {
	let p = pending.get(entry);
	if (!p) {
		p = build(entry);
		pending.set(entry, p);
	}
	return p;
}

/** @param {string} entry */
async function build(entry) {
	const name = entry.replace(/\.ts$/, '').replace(/[^\w-]+/g, '-');
	const hit = cached(name);
	if (hit) return hit;
	/** @type {typeof import('esbuild') | null} */
	let esbuild = null;
	try {
		esbuild = await import('esbuild');
		const result = await esbuild.build({
			absWorkingDir: ROOT,
			entryPoints: { main: entry },
			outdir: join(CACHE, 'out'),
			outExtension: { '.js': '.mjs' },
			splitting: true,
			bundle: true,
			format: 'esm',
			platform: 'node',
			target: 'node20',
			packages: 'external',
			// SvelteKit's alias, used by a few shared modules (src/lib/db).
			alias: { $lib: './src/lib' },
			plugins: [keepImportMeta],
			write: false,
			metafile: true,
			logLevel: 'silent',
			legalComments: 'none'
		});
		const inputs = Object.keys(result.metafile.inputs);
		const key = keyOf(esbuild.version, inputs);
		mkdirSync(CACHE, { recursive: true });
		// Written under a temporary name and renamed: two runs at once never see half a bundle.
		const tmp = `.${process.pid}-${Date.now()}.tmp`;
		const dir = bundleDir(name, key);
		mkdirSync(dir + tmp, { recursive: true });
		for (const f of result.outputFiles) writeFileSync(join(dir + tmp, relative(join(CACHE, 'out'), f.path)), f.contents);
		try {
			renameSync(dir + tmp, dir);
		} catch {
			rmSync(dir + tmp, { recursive: true, force: true }); // another run made the same bundle first
		}
		writeFileSync(join(CACHE, `${name}.json`) + tmp, JSON.stringify({ key, esbuild: esbuild.version, inputs }));
		renameSync(join(CACHE, `${name}.json`) + tmp, join(CACHE, `${name}.json`));
		// Older bundles of this entry go after a day (not at once: a run still going may load a chunk of its own).
		for (const f of readdirSync(CACHE)) {
			const old = join(CACHE, f);
			if (f.startsWith(`${name}-`) && old !== dir && Date.now() - statSync(old).mtimeMs > 86_400_000) rmSync(old, { recursive: true, force: true });
		}
		return bundlePath(name, key);
	} catch {
		return null;
	} finally {
		// esbuild's service process (~15 MB) is not needed once the bundle is written.
		await esbuild?.stop();
	}
}

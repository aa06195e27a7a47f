/**
 * The folder layout is the data flow (PDF → Programme → Parquet → SQL → page), and these import
 * rules keep it so (they are written down in the README's folder map):
 * - `programme`, `dataset` and `reference` are the isomorphic domain: they import nothing from
 *   `node:` (or a bare Node built-in), `$app`, `svelte`, `db`, `state` or `components`;
 * - `db` imports no UI: no `components`, no `charts`, no `.svelte` component, no `$app` navigation
 *   or page state (`$app/environment` is allowed: it only says whether this is a browser);
 * - a page's own components (`src/lib/components/<page>/` for a page under `src/routes/`) are
 *   imported only by the routes and by that folder itself.
 * The rules are checked on the real sources, and a second test shows that each rule fails when a
 * forbidden import is added.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const LIB = 'src/lib';

type Source = { path: string; text: string };

const DOMAIN = ['programme', 'dataset', 'reference'];
const NODE_BUILTINS = new Set(builtinModules);

/** Every import specifier in a file: static imports/exports (also `import type`) and dynamic `import()`. */
function specifiers(text: string): string[] {
	const out: string[] = [];
	const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
	for (const m of code.matchAll(/\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g)) out.push(m[1]);
	for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
	return out;
}

/** Where an import points, as a path from the project root (`$lib/x` → `src/lib/x`), or the bare name. */
function target(from: string, spec: string): string {
	if (spec.startsWith('$lib/') || spec === '$lib') return normalize(spec.replace(/^\$lib/, LIB));
	if (spec.startsWith('.')) return normalize(join(dirname(from), spec));
	return spec;
}

/** The area of `src/lib` a path belongs to (`src/lib/db/queries/x.ts` → `db`), or null outside it. */
function area(path: string): string | null {
	const m = /^src\/lib\/([^/.]+)/.exec(path);
	return m ? m[1] : null;
}

function isNodeBuiltin(spec: string): boolean {
	return spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]);
}

/** One line per broken rule, naming the file, the import and the rule. */
function violations(sources: Source[], pageFolders: string[]): string[] {
	const out: string[] = [];
	for (const { path, text } of sources) {
		const from = area(path);
		for (const spec of specifiers(text)) {
			const to = target(path, spec);
			const toArea = area(to);
			if (from && DOMAIN.includes(from)) {
				if (isNodeBuiltin(spec)) out.push(`${path}: imports ${spec} (the domain does no I/O)`);
				if (spec.startsWith('$app/') || spec === 'svelte' || spec.startsWith('svelte/'))
					out.push(`${path}: imports ${spec} (the domain never imports SvelteKit or Svelte)`);
				if (toArea && ['db', 'state', 'components', 'charts'].includes(toArea))
					out.push(`${path}: imports ${spec} (the domain does not depend on ${toArea})`);
			}
			if (from === 'db') {
				if (toArea === 'components' || toArea === 'charts') out.push(`${path}: imports ${spec} (db imports no UI)`);
				if (/\.svelte$/.test(spec)) out.push(`${path}: imports ${spec} (db imports no component)`);
				if (/^\$app\/(navigation|state|stores|forms)/.test(spec)) out.push(`${path}: imports ${spec} (db imports no page state)`);
			}
			const page = pageFolders.find((p) => to === `${LIB}/components/${p}` || to.startsWith(`${LIB}/components/${p}/`));
			if (page && !path.startsWith('src/routes/') && !path.startsWith(`${LIB}/components/${page}/`))
				out.push(`${path}: imports ${spec} (components/${page} belong to its page: only routes import them)`);
		}
	}
	return out;
}

function walk(dir: string): string[] {
	return readdirSync(join(ROOT, dir)).flatMap((name) => {
		const path = `${dir}/${name}`;
		return statSync(join(ROOT, path)).isDirectory() ? walk(path) : /\.(ts|js|svelte)$/.test(name) ? [path] : [];
	});
}

/** Component folders named after a page of the site (a folder under src/routes). */
function pageFolders(): string[] {
	const routes = new Set(readdirSync(join(ROOT, 'src/routes')).map((n) => n.replace(/^\[|\]$/g, '')));
	routes.add('profile'); // the profile is the route src/routes/municipality/[code]
	return readdirSync(join(ROOT, LIB, 'components')).filter((n) => statSync(join(ROOT, LIB, 'components', n)).isDirectory() && routes.has(n));
}

describe('dependency rules', () => {
	it('hold for every source file under src/', () => {
		const sources = walk('src').map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
		expect(sources.length).toBeGreaterThan(100);
		const folders = pageFolders();
		expect(folders).toEqual(expect.arrayContaining(['gaps', 'profile', 'compare']));
		expect(violations(sources, folders)).toEqual([]);
	});

	it('each rule fails when a forbidden import is added', () => {
		const broken: Source[] = [
			{ path: 'src/lib/programme/enrich/x.ts', text: `import { readFileSync } from 'node:fs';` },
			{ path: 'src/lib/dataset/x.ts', text: `import fs from 'fs';` },
			{ path: 'src/lib/reference/x.ts', text: `import { page } from '$app/state';\nimport { untrack } from 'svelte';` },
			{ path: 'src/lib/programme/x.ts', text: `import type { QueryRunner } from '../db/types';` },
			{ path: 'src/lib/dataset/y.ts', text: `const m = await import('$lib/state/filters');` },
			{ path: 'src/lib/db/queries/x.ts', text: `import Chart from '$lib/charts/Chart.svelte';` },
			{ path: 'src/lib/db/x.ts', text: `import { goto } from '$app/navigation';` },
			{ path: 'src/lib/components/DataTable.svelte', text: `<script lang="ts">\n\timport GapMatrix from './gaps/GapMatrix.svelte';\n</script>` }
		];
		const found = violations(broken, ['gaps', 'profile']);
		expect(found).toEqual([
			'src/lib/programme/enrich/x.ts: imports node:fs (the domain does no I/O)',
			'src/lib/dataset/x.ts: imports fs (the domain does no I/O)',
			'src/lib/reference/x.ts: imports $app/state (the domain never imports SvelteKit or Svelte)',
			'src/lib/reference/x.ts: imports svelte (the domain never imports SvelteKit or Svelte)',
			'src/lib/programme/x.ts: imports ../db/types (the domain does not depend on db)',
			'src/lib/dataset/y.ts: imports $lib/state/filters (the domain does not depend on state)',
			'src/lib/db/queries/x.ts: imports $lib/charts/Chart.svelte (db imports no UI)',
			'src/lib/db/queries/x.ts: imports $lib/charts/Chart.svelte (db imports no component)',
			'src/lib/db/x.ts: imports $app/navigation (db imports no page state)',
			'src/lib/components/DataTable.svelte: imports ./gaps/GapMatrix.svelte (components/gaps belong to its page: only routes import them)'
		]);
		// Allowed: the domain's own relative imports, db using the domain and $app/environment, routes using a page's components.
		const fine: Source[] = [
			{ path: 'src/lib/programme/x.ts', text: `import { TABLES } from '../dataset/tables';\nexport { a } from './a';` },
			{ path: 'src/lib/db/x.ts', text: `import { browser } from '$app/environment';\nimport { TABLES } from '$lib/dataset/tables';` },
			{ path: 'src/routes/gaps/+page.svelte', text: `<script>import GapMatrix from '$lib/components/gaps/GapMatrix.svelte';</script>` },
			{ path: 'src/lib/components/gaps/AnswerDialog.svelte', text: `<script>import { grade } from './grades';</script>` }
		];
		expect(violations(fine, ['gaps', 'profile'])).toEqual([]);
	});

	it('reads every kind of import statement', () => {
		expect(
			specifiers(`import a from 'a';\nimport type { B } from "b";\nimport { c,\n d } from './c';\nexport * from '../e';\nimport 'side-effect';\nconst f = () => import('./lazy');\n// import x from 'commented';`)
		).toEqual(['a', 'b', './c', '../e', 'side-effect', './lazy']);
	});
});

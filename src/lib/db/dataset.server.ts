/**
 * The dataset as the prerender sees it: one Node DuckDB over `static/data` (or
 * $KOTOKARTTA_DATA_DIR) for the whole build, the facts about each file, and the reference
 * data for the filter options. Server-only.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseMunicipalities, type Municipality } from '$lib/reference';
import { EMPTY_FILTERS } from './filters';
import { filterOptions, type DatasetInfo, type FilterOptions } from './dataset';
import { describeDataset, openNodeDatabase, type NodeDatabase } from './node.server';
import { scopeSummary, tableCounts } from './queries';
import { tableFileName } from '$lib/dataset/files';

export interface ServerDataset {
	dir: string;
	db: NodeDatabase;
	info: DatasetInfo;
	municipalities: Municipality[];
	filterOptions: FilterOptions;
	manifest: Record<string, unknown> | null;
}

let opening: Promise<ServerDataset> | null = null;

/** Where the published data lives: `static/data` unless $KOTOKARTTA_DATA_DIR says otherwise. */
export function dataDir(): string {
	return resolve(process.env.KOTOKARTTA_DATA_DIR ?? 'static/data');
}

export function serverDataset(): Promise<ServerDataset> {
	opening ??= open();
	return opening;
}

async function open(): Promise<ServerDataset> {
	const dir = dataDir();
	const db = await openNodeDatabase(dir);
	const counts = Object.fromEntries((await db.run(tableCounts())).map((r) => [r.table_name as string, r.rows as number]));
	const files = await describeDataset(db, counts);
	const manifest = readManifest(dir);
	const [summary] = await db.run(scopeSummary(EMPTY_FILTERS));
	const municipalities = parseMunicipalities(readFileSync(resolve('data/reference/municipalities.csv'), 'utf8'));
	return {
		dir,
		db,
		manifest,
		municipalities,
		filterOptions: filterOptions(municipalities),
		info: {
			files: files.map((f) => ({ ...f, version: manifestVersion(manifest, f.table) ?? f.version })),
			programmes: summary.programmes as number,
			syntheticProgrammes: summary.synthetic_programmes as number,
			generated: manifestDate(manifest),
			version: manifestHash(dir)
		}
	};
}

function readManifest(dir: string): Record<string, unknown> | null {
	const path = join(dir, 'manifest.json');
	if (!existsSync(path)) return null;
	try {
		const m = JSON.parse(readFileSync(path, 'utf8'));
		return m && typeof m === 'object' ? m : null;
	} catch (e) {
		throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
	}
}

/** Same name as the ingest's version folder (ingest/parquet.ts): `v-` + sha256 of manifest.json, 16 hex digits. */
function manifestHash(dir: string): string | null {
	const path = join(dir, 'manifest.json');
	return existsSync(path) ? `v-${createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16)}` : null;
}

/** The sha256 the manifest gives for a table's file, wherever in the manifest it is. */
function manifestVersion(manifest: Record<string, unknown> | null, table: string): string | null {
	if (!manifest) return null;
	const file = tableFileName(table);
	const seen = new Set<unknown>();
	const walk = (node: unknown, key: string | null): string | null => {
		if (!node || typeof node !== 'object' || seen.has(node)) return null;
		seen.add(node);
		const o = node as Record<string, unknown>;
		const names = [o.file, o.name, o.table, o.path, key].map((v) => (typeof v === 'string' ? v : ''));
		if (typeof o.sha256 === 'string' && names.some((n) => n === file || n === table || n.endsWith(`/${file}`))) {
			return o.sha256.slice(0, 16);
		}
		for (const [k, v] of Object.entries(o)) {
			const hit = walk(v, Array.isArray(o) ? null : k);
			if (hit) return hit;
		}
		return null;
	};
	return walk(manifest, null);
}

function manifestDate(manifest: Record<string, unknown> | null): string | null {
	if (!manifest) return null;
	for (const k of ['generated', 'generatedAt', 'generated_at', 'created', 'createdAt', 'created_at', 'date']) {
		const v = manifest[k];
		if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
	}
	return null;
}

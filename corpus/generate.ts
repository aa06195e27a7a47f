/**
 * The demo corpus: plan every mainland municipality's situation, write each document, render
 * it to a file and write its ground truth, then a manifest. Deterministic from the seed.
 *
 * Output: `<outDir>/demo-<code>-<name>[-yhteinen]-<date>.pdf` and `<truthDir>/<same name>.json`,
 * plus `<truthDir>/manifest.json` (seed, generator version, every file with its sha256).
 * A run whose manifest matches the seed and version, with every file present and unchanged,
 * does nothing.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TEMPLATE_ID } from '../src/lib/programme/form-tem-2024';
import { parseEmploymentAreas, parseMunicipalities, type EmploymentArea, type Municipality } from '../src/lib/reference/index';
import type { FormFonts } from '../tools/pdf-writer';
import { composeDocument, updateDocument, type Composed } from './compose';
import { placeFi, slug } from './names';
import { centroids, planCorpus, type CorpusPlan, type DocPlan } from './plan';
import { Rng } from './random';
import { renderDocument } from './render';
import { buildTruth, type TruthDocument } from './truth';

/** Bump when the output for a given seed changes (phrases, plan rules, writer use). */
export const GENERATOR_VERSION = '2';
export const GENERATOR_NAME = 'kotokartta-corpus';
export const DEFAULT_SEED = '2025';
export const MANIFEST_SCHEMA = 'kotokartta-demo-manifest/1';

export interface Reference {
	municipalities: Municipality[];
	areas: EmploymentArea[];
	points: ReturnType<typeof centroids>;
}

export async function loadReference(root: string): Promise<Reference> {
	const read = (p: string) =>
		readFile(join(root, p), 'utf8').catch((e: unknown) => {
			throw new Error(`corpus: cannot read ${p}: ${e instanceof Error ? e.message : String(e)}`);
		});
	return {
		municipalities: parseMunicipalities(await read('data/reference/municipalities.csv')),
		areas: parseEmploymentAreas(await read('data/reference/employment_areas.csv')),
		points: centroids(await read('data/reference/municipalities.geojson'))
	};
}

export async function loadFonts(root: string): Promise<FormFonts> {
	return {
		regular: new Uint8Array(await readFile(join(root, 'data/fonts/DejaVuSans.ttf'))),
		bold: new Uint8Array(await readFile(join(root, 'data/fonts/DejaVuSans-Bold.ttf')))
	};
}

export function rootRng(seed: string): Rng {
	return new Rng(`kotokartta-demo/${seed}`);
}

export function makePlan(seed: string, ref: Reference): CorpusPlan {
	return planCorpus(rootRng(seed).fork('plan'), ref.municipalities, ref.areas, ref.points);
}

/** `demo-<code>-<name>-<date>.pdf`; joint documents add `-yhteinen`. */
export function fileNames(plan: CorpusPlan, byCode: ReadonlyMap<string, Municipality>): Map<string, string> {
	const out = new Map<string, string>();
	const used = new Set<string>();
	for (const d of plan.docs) {
		const lead = byCode.get(d.codes[0])!;
		let base = `demo-${lead.code}-${slug(placeFi(lead.nameFi))}${d.codes.length > 1 ? '-yhteinen' : ''}-${d.date.iso}`;
		if (used.has(base)) base = `${base}-v${d.version}`;
		used.add(base);
		out.set(d.id, `${base}.pdf`);
	}
	return out;
}

export interface GeneratedDocument {
	plan: DocPlan;
	file: string;
	bytes: Uint8Array;
	truth: TruthDocument;
}

/**
 * A version's answers (memoised): a first version is composed, each later one is an update of the
 * one before it (composed again in a thread that did not make it: composing is cheap, rendering is not).
 */
export function composer(seed: string, ref: Reference, plan: CorpusPlan): (d: DocPlan) => Composed {
	const byCode = new Map(ref.municipalities.map((m) => [m.code, m]));
	const areas = new Map(ref.areas.map((a) => [a.code, a]));
	const byId = new Map(plan.docs.map((d) => [d.id, d]));
	const root = rootRng(seed);
	const done = new Map<string, Composed>();
	const compose = (d: DocPlan): Composed => {
		const hit = done.get(d.id);
		if (hit) return hit;
		const area = areas.get(d.areaCode);
		if (!area) throw new Error(`corpus: ${d.id} has unknown employment area ${d.areaCode}`);
		const input = { plan: d, byCode, area, rng: root.fork(`compose:${d.id}`), situationRng: root.fork(`situation:${d.codes.join('+')}`) };
		const composed = d.supersedes ? updateDocument(compose(byId.get(d.supersedes)!), input) : composeDocument(input);
		done.set(d.id, composed);
		return composed;
	};
	return compose;
}

/**
 * Generates the documents one by one (in plan order). `only` restricts to some doc ids (tests);
 * the plan itself is always the whole country.
 */
export async function* generateDocuments(
	seed: string,
	ref: Reference,
	fonts: FormFonts,
	opts: { only?: ReadonlySet<string> } = {}
): AsyncGenerator<GeneratedDocument> {
	const plan = makePlan(seed, ref);
	const byCode = new Map(ref.municipalities.map((m) => [m.code, m]));
	const names = fileNames(plan, byCode);
	const root = rootRng(seed);
	const generator = { name: GENERATOR_NAME, version: GENERATOR_VERSION, seed };
	const byId = new Map(plan.docs.map((d) => [d.id, d]));
	const compose = composer(seed, ref, plan);
	for (const d of plan.docs) {
		if (opts.only && !opts.only.has(d.id)) continue;
		const composed = compose(d);
		const rendered = await renderDocument({ plan: d, composed, fonts, rng: root.fork(`render:${d.id}`) });
		const file = names.get(d.id)!;
		const previous = d.supersedes ? compose(byId.get(d.supersedes)!) : null;
		const truth = buildTruth({ file, plan: d, composed, fileById: names, generator, template: TEMPLATE_ID, unmapped: rendered.unmapped, previous });
		yield { plan: d, file, bytes: rendered.bytes, truth };
	}
}

/**
 * Hash of everything the output depends on besides the seed: the generator's code, the PDF
 * writer, the form schema, the reference data and the fonts. A corpus made by other code is
 * regenerated even if GENERATOR_VERSION was not bumped.
 */
export async function generatorFingerprint(root: string): Promise<string> {
	const hash = createHash('sha256');
	const walk = async (dir: string): Promise<string[]> => {
		const out: string[] = [];
		for (const e of await readdir(join(root, dir), { withFileTypes: true })) {
			const rel = `${dir}/${e.name}`;
			if (e.isDirectory()) out.push(...(await walk(rel)));
			else if (e.name.endsWith('.ts')) out.push(rel);
		}
		return out;
	};
	const files = [
		...(await walk('corpus')).filter((f) => !/\/(eval|evaluate)\.ts$/.test(f)),
		...(await walk('tools/pdf-writer')),
		'src/lib/programme/form-tem-2024.ts',
		'src/lib/programme/form-tem-2024-sv.ts',
		'src/lib/reference/index.ts',
		'data/reference/municipalities.csv',
		'data/reference/employment_areas.csv',
		'data/reference/municipalities.geojson',
		'data/fonts/DejaVuSans.ttf',
		'data/fonts/DejaVuSans-Bold.ttf'
	].sort();
	for (const f of files) {
		hash.update(`${f}\u0000`);
		hash.update(await readFile(join(root, f)));
		hash.update('\u0000');
	}
	return hash.digest('hex').slice(0, 16);
}

export interface ManifestFile {
	file: string;
	truth: string;
	doc_id: string;
	kind: string;
	municipality_codes: string[];
	bytes: number;
	sha256: string;
}

export interface Manifest {
	schema: typeof MANIFEST_SCHEMA;
	synthetic: true;
	generator: { name: string; version: string; seed: string; fingerprint: string };
	files: ManifestFile[];
	/** Mainland municipalities with no programme (coverage gaps). */
	gaps: string[];
	/** Municipalities covered by a real document instead (never generated). */
	real: { code: string; file: string }[];
	/** Counts by document kind. */
	kinds: Record<string, number>;
}

function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
	await writeFile(`${path}.tmp`, data);
	await rename(`${path}.tmp`, path);
}

/**
 * True when the manifest in `truthDir` is for this seed, version and generator fingerprint, and
 * every file is present and unchanged.
 */
export async function corpusIsCurrent(seed: string, outDir: string, truthDir: string, fingerprint: string): Promise<boolean> {
	let manifest: Manifest;
	try {
		manifest = JSON.parse(await readFile(join(truthDir, 'manifest.json'), 'utf8')) as Manifest;
	} catch {
		return false;
	}
	if (
		manifest.schema !== MANIFEST_SCHEMA ||
		manifest.generator?.version !== GENERATOR_VERSION ||
		manifest.generator?.seed !== seed ||
		manifest.generator?.fingerprint !== fingerprint
	) {
		return false;
	}
	for (const f of manifest.files) {
		try {
			const bytes = new Uint8Array(await readFile(join(outDir, f.file)));
			if (bytes.length !== f.bytes || sha256(bytes) !== f.sha256) return false;
			await readFile(join(truthDir, f.truth));
		} catch {
			return false;
		}
	}
	return true;
}

export interface GenerateOptions {
	seed: string;
	/** Project root (reference data and fonts are read from it). */
	root: string;
	outDir: string;
	truthDir: string;
	/** Regenerate even when the corpus is current. */
	force?: boolean;
	/** Only these doc ids (tests); the manifest then lists only them. */
	only?: ReadonlySet<string>;
	/** Worker threads (default: up to 2, the cores of the target machine); 1 = in this thread. */
	workers?: number;
	log?: (message: string) => void;
}

interface WorkerDocument {
	id: string;
	file: string;
	bytes: Uint8Array;
	truth: TruthDocument;
}

/**
 * Generates the given documents in `n` worker threads (round-robin), yielding them as they
 * arrive. The workers run the TypeScript sources through tsx, like the CLI itself.
 */
async function* generateInWorkers(seed: string, root: string, ids: readonly string[], n: number): AsyncGenerator<WorkerDocument> {
	const entry = fileURLToPath(new URL('./worker.ts', import.meta.url));
	// The ESM entry of tsx's API (require.resolve would give the CommonJS one). Under a test
	// runner without import.meta.resolve, the bare name resolves from the project root.
	const tsxApi = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api';
	const boot = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
	const queue: WorkerDocument[] = [];
	let failure: Error | null = null;
	let running = n;
	let wake: (() => void) | null = null;
	const notify = () => {
		const w = wake;
		wake = null;
		w?.();
	};
	const workers = Array.from({ length: n }, (_, i) => {
		const worker = new Worker(boot, { eval: true, workerData: { seed, root, ids: ids.filter((_, j) => j % n === i) } });
		let done = false;
		worker.on('message', (m: { type: string; message?: string } & Partial<WorkerDocument>) => {
			if (m.type === 'document') queue.push(m as WorkerDocument);
			else if (m.type === 'done') {
				done = true;
				running--;
			} else if (m.type === 'error') failure ??= new Error(`corpus worker ${i}: ${m.message}`);
			notify();
		});
		worker.on('error', (e) => {
			failure ??= e;
			notify();
		});
		worker.on('exit', (code) => {
			if (!done) failure ??= new Error(`corpus worker ${i} stopped (exit ${code}) before finishing`);
			notify();
		});
		return worker;
	});
	try {
		for (;;) {
			if (failure) throw failure;
			const next = queue.shift();
			if (next) {
				yield next;
				continue;
			}
			if (running === 0) return;
			await new Promise<void>((r) => (wake = r));
		}
	} finally {
		await Promise.all(workers.map((w) => w.terminate()));
	}
}

export async function generateCorpus(opts: GenerateOptions): Promise<{ manifest: Manifest | null; skipped: boolean }> {
	const log = opts.log ?? (() => undefined);
	const fingerprint = await generatorFingerprint(opts.root);
	if (!opts.force && (await corpusIsCurrent(opts.seed, opts.outDir, opts.truthDir, fingerprint))) {
		log(`corpus: seed ${opts.seed} (generator ${GENERATOR_VERSION}, ${fingerprint}) is already in ${opts.outDir}; nothing to do`);
		return { manifest: null, skipped: true };
	}
	const ref = await loadReference(opts.root);
	const fonts = await loadFonts(opts.root);
	await mkdir(opts.outDir, { recursive: true });
	await mkdir(opts.truthDir, { recursive: true });
	// Remove an older corpus (only our own files: demo-*.pdf / demo-*.json and the manifest).
	await rm(join(opts.truthDir, 'manifest.json'), { force: true });
	for (const [dir, ext] of [
		[opts.outDir, '.pdf'],
		[opts.truthDir, '.json']
	] as const) {
		for (const name of await readdir(dir)) {
			if (name.startsWith('demo-') && (name.endsWith(ext) || name.endsWith(`${ext}.tmp`))) await rm(join(dir, name), { force: true });
		}
	}
	const plan = makePlan(opts.seed, ref);
	const planById = new Map(plan.docs.map((d) => [d.id, d]));
	const ids = plan.docs.map((d) => d.id).filter((id) => !opts.only || opts.only.has(id));
	const workers = Math.max(1, Math.min(opts.workers ?? Math.min(2, availableParallelism()), ids.length));
	log(`corpus: ${ids.length} documents, ${workers} worker thread(s)`);
	const produced: AsyncIterable<WorkerDocument> =
		workers > 1
			? generateInWorkers(opts.seed, opts.root, ids, workers)
			: (async function* () {
					for await (const g of generateDocuments(opts.seed, ref, fonts, { only: new Set(ids) })) yield { id: g.plan.id, file: g.file, bytes: g.bytes, truth: g.truth };
				})();
	const byId = new Map<string, ManifestFile>();
	for await (const g of produced) {
		const d = planById.get(g.id)!;
		const bytes = new Uint8Array(g.bytes);
		const truthName = g.file.replace(/\.pdf$/, '.json');
		await writeAtomic(join(opts.outDir, g.file), bytes);
		await writeAtomic(join(opts.truthDir, truthName), `${JSON.stringify(g.truth, null, '\t')}\n`);
		byId.set(g.id, { file: g.file, truth: truthName, doc_id: d.id, kind: d.kind, municipality_codes: d.codes, bytes: bytes.length, sha256: sha256(bytes) });
		if (byId.size % 25 === 0) log(`corpus: ${byId.size}/${ids.length} documents`);
	}
	// The manifest lists the documents in plan order, whichever thread made them first.
	const files = ids.map((id) => {
		const f = byId.get(id);
		if (!f) throw new Error(`corpus: document ${id} was not generated`);
		return f;
	});
	const kinds: Record<string, number> = {};
	for (const f of files) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
	const manifest: Manifest = {
		schema: MANIFEST_SCHEMA,
		synthetic: true,
		generator: { name: GENERATOR_NAME, version: GENERATOR_VERSION, seed: opts.seed, fingerprint },
		files,
		gaps: plan.gaps,
		real: plan.real,
		kinds
	};
	await writeAtomic(join(opts.truthDir, 'manifest.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
	log(`corpus: wrote ${files.length} documents to ${opts.outDir} and their ground truth to ${opts.truthDir}`);
	return { manifest, skipped: false };
}

#!/usr/bin/env node
/**
 * Post-build step (`npm run build` runs it after `vite build`): writes `<file>.br` (brotli, best
 * quality) and `<file>.gz` (gzip -9) beside every file in build/ that compresses — pages, scripts,
 * styles, the DuckDB wasm, JSON, and the data files from static/ (Parquet, Arrow, CSV) — so the
 * server (scripts/serve.js, or nginx/Caddy, docs/deploy.md) sends them compressed without
 * compressing per request. A compressed copy that saves less than 5 % is not written.
 *
 * Brotli at quality 11 of the 34 MB wasm takes about a minute, so results are cached by content
 * hash in node_modules/.cache/kotokartta-compress/: a rebuild recompresses only what changed.
 * KOTOKARTTA_PRECOMPRESS=0 skips the step (quick local builds).
 *
 *   node scripts/compress.js [dir=build]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const br = promisify(brotliCompress);
const gz = promisify(gzip);

/** What compresses: text, wasm, and data formats whose own compression leaves room. */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt', '.md', '.wasm', '.csv', '.parquet', '.arrow', '.arrows', '.map', '.webmanifest']);
/** Smaller files are not worth a second request path. */
const MIN_BYTES = 512;
/** Keep a compressed copy only when it is at most this share of the original. */
const MAX_RATIO = 0.95;
const CACHE = resolve('node_modules/.cache/kotokartta-compress');
/** Bump when the settings change, so cached results are not reused. */
const VERSION = 1;

function walk(dir, out = []) {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) walk(path, out);
		else if (entry.isFile() && COMPRESSIBLE.has(extname(entry.name).toLowerCase())) out.push(path);
	}
	return out;
}

async function encode(format, bytes, ext) {
	if (format === 'gz') return gz(bytes, { level: constants.Z_BEST_COMPRESSION });
	const text = !['.wasm', '.parquet', '.arrow', '.arrows'].includes(ext);
	return br(bytes, {
		params: {
			[constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
			[constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
			[constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
		}
	});
}

/** Compressed bytes, from the cache when this content was compressed before. */
async function cached(format, bytes, ext) {
	const key = createHash('sha256').update(`${VERSION}:${format}:${ext}:`).update(bytes).digest('hex');
	const path = join(CACHE, `${key}.${format}`);
	if (existsSync(path)) return readFileSync(path);
	const out = await encode(format, bytes, ext);
	mkdirSync(CACHE, { recursive: true });
	writeFileSync(path, out);
	return out;
}

/**
 * Compresses every compressible file under `dir`; returns what was written.
 * @param {string} dir
 */
export async function compressDir(dir) {
	const files = walk(resolve(dir));
	const written = { files: files.length, br: 0, gz: 0, bytes: 0, brBytes: 0 };
	// The largest first, so the wasm does not start last; zlib runs on libuv's thread pool.
	files.sort((a, b) => statSync(b).size - statSync(a).size);
	let next = 0;
	const worker = async () => {
		while (next < files.length) {
			const file = files[next++];
			const bytes = readFileSync(file);
			for (const format of /** @type {const} */ (['br', 'gz'])) {
				const target = `${file}.${format}`;
				if (bytes.length < MIN_BYTES) {
					rmSync(target, { force: true });
					continue;
				}
				const out = await cached(format, bytes, extname(file).toLowerCase());
				if (out.length > bytes.length * MAX_RATIO) {
					rmSync(target, { force: true });
					continue;
				}
				writeFileSync(target, out);
				written[format]++;
				if (format === 'br') (written.bytes += bytes.length), (written.brBytes += out.length);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(2, Math.min(4, availableParallelism())) }, worker));
	return written;
}

/**
 * The ingest keeps its versions in `static/.<name>.versions/` and makes `static/<name>` a link to
 * the current one (ingest/output.ts); the build copies both, so the store's copy is dropped: the
 * site serves the data once, at its link's path.
 */
export function dropVersionStores(dir) {
	const dropped = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.isDirectory() && /^\..+\.versions$/.test(entry.name)) {
			rmSync(join(dir, entry.name), { recursive: true, force: true });
			dropped.push(entry.name);
		}
	}
	return dropped;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
	dropVersionStores(process.argv[2] ?? 'build');
	if (process.env.KOTOKARTTA_PRECOMPRESS === '0') {
		process.stderr.write('compress: skipped (KOTOKARTTA_PRECOMPRESS=0)\n');
	} else {
		const dir = process.argv[2] ?? 'build';
		const t0 = Date.now();
		compressDir(dir).then(
			(w) =>
				process.stderr.write(
					`compress: ${w.br} .br and ${w.gz} .gz files in ${dir}/ (${(w.bytes / 1e6).toFixed(1)} MB → ${(w.brBytes / 1e6).toFixed(1)} MB brotli) in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`
				),
			(e) => {
				process.stderr.write(`compress: ${e instanceof Error ? e.stack : e}\n`);
				process.exit(1);
			}
		);
	}
}

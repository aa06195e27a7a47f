// The production server (scripts/serve.js) over a small build written here, compressed by the
// post-build step (scripts/compress.js): encodings, types, caching, no listing, 404s.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressDir } from '../../scripts/compress.js';
import { startServer } from '../../scripts/serve.js';

let dir: string;
let server: Server;
let base: string;

const text = (what: string, n = 200) => Array.from({ length: n }, (_, i) => `${what} line ${i % 17}\n`).join('');
const FILES: Record<string, Buffer> = {
	'index.html': Buffer.from(`<!doctype html><title>Kotokartta</title>${text('front page')}`),
	'gaps.html': Buffer.from(`<!doctype html><title>Gaps</title>${text('gaps')}`),
	'favicon.svg': Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
	'_app/immutable/entry/start.abc123.js': Buffer.from(text('export const x = 1;')),
	// A wasm-like payload: a header and repetitive sections, as a real module compresses.
	'_app/immutable/assets/duckdb-eh.abc123.wasm': Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.from(text('\u0001\u0002code'))]),
	'data/answers.parquet': Buffer.concat([Buffer.from('PAR1'), Buffer.from(text('vastaus')), Buffer.from('PAR1')]),
	'data/noise.parquet': randomBytes(4096),
	'content/search.json': Buffer.from(JSON.stringify({ answers: Array.from({ length: 100 }, (_, i) => ({ key: `s1.a${i % 5}`, text: 'Kotoutumisohjelma' })) })),
	'content/tiny.json': Buffer.from('{"a":1}')
};

interface Reply {
	status: number;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
	return new Promise((ok, fail) => {
		const req = request(`${base}${path}`, { method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', fail);
		req.end();
	});
}

const BR = { 'accept-encoding': 'gzip, deflate, br, zstd' };
const GZ = { 'accept-encoding': 'gzip' };

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-serve-'));
	for (const [name, bytes] of Object.entries(FILES)) {
		mkdirSync(dirname(join(dir, name)), { recursive: true });
		writeFileSync(join(dir, name), bytes);
	}
	await compressDir(dir);
	({ server, url: base } = await startServer({ dir, port: 0 }));
});

afterAll(() => {
	server?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('post-build compression', () => {
	it('writes .br and .gz beside pages, scripts, wasm and data, but not for tiny or incompressible files', () => {
		for (const name of ['index.html', 'gaps.html', '_app/immutable/entry/start.abc123.js', '_app/immutable/assets/duckdb-eh.abc123.wasm', 'data/answers.parquet', 'content/search.json']) {
			expect(brotliDecompressSync(readFileSync(join(dir, `${name}.br`)))).toEqual(FILES[name]);
			expect(gunzipSync(readFileSync(join(dir, `${name}.gz`)))).toEqual(FILES[name]);
		}
		for (const name of ['favicon.svg', 'content/tiny.json', 'data/noise.parquet']) {
			expect(existsSync(join(dir, `${name}.br`)), name).toBe(false);
			expect(existsSync(join(dir, `${name}.gz`)), name).toBe(false);
		}
	});

	it('gives the same files on a second run (from its cache)', async () => {
		const before = readFileSync(join(dir, '_app/immutable/assets/duckdb-eh.abc123.wasm.br'));
		const written = await compressDir(dir);
		expect(written.br).toBe(6);
		expect(readFileSync(join(dir, '_app/immutable/assets/duckdb-eh.abc123.wasm.br'))).toEqual(before);
	});
});

describe('scripts/serve.js', () => {
	it('sends the engine brotli-compressed as application/wasm, cached for a year', async () => {
		const r = await get('/_app/immutable/assets/duckdb-eh.abc123.wasm', BR);
		expect(r.status).toBe(200);
		expect(r.headers['content-type']).toBe('application/wasm');
		expect(r.headers['content-encoding']).toBe('br');
		expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(r.headers.vary).toBe('Accept-Encoding');
		expect(Number(r.headers['content-length'])).toBeLessThan(FILES['_app/immutable/assets/duckdb-eh.abc123.wasm'].length / 2);
		expect(brotliDecompressSync(r.body)).toEqual(FILES['_app/immutable/assets/duckdb-eh.abc123.wasm']);
	});

	it('falls back to gzip, then to the plain file, by Accept-Encoding', async () => {
		const gz = await get('/_app/immutable/assets/duckdb-eh.abc123.wasm', GZ);
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(gz.body)).toEqual(FILES['_app/immutable/assets/duckdb-eh.abc123.wasm']);
		const plain = await get('/_app/immutable/assets/duckdb-eh.abc123.wasm');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.headers['content-type']).toBe('application/wasm');
		expect(plain.body).toEqual(FILES['_app/immutable/assets/duckdb-eh.abc123.wasm']);
	});

	it('serves pages compressed, without the .html, and revalidates them (ETag → 304)', async () => {
		const home = await get('/', BR);
		expect(home.headers['content-type']).toBe('text/html;charset=utf-8');
		expect(home.headers['content-encoding']).toBe('br');
		expect(home.headers['cache-control']).toBe('no-cache');
		expect(brotliDecompressSync(home.body)).toEqual(FILES['index.html']);
		const gaps = await get('/gaps', GZ);
		expect(gunzipSync(gaps.body)).toEqual(FILES['gaps.html']);
		const again = await get('/gaps', { ...GZ, 'if-none-match': String(gaps.headers.etag) });
		expect(again.status).toBe(304);
		expect(again.body.length).toBe(0);
	});

	it('sends data and page content compressed with their types, cached briefly', async () => {
		const parquet = await get('/data/answers.parquet?v=abc', BR);
		expect(parquet.headers['content-type']).toBe('application/vnd.apache.parquet');
		expect(parquet.headers['content-encoding']).toBe('br');
		expect(parquet.headers['cache-control']).toBe('public, max-age=300, must-revalidate');
		expect(parquet.headers['x-content-type-options']).toBe('nosniff');
		const noise = await get('/data/noise.parquet', BR);
		expect(noise.headers['content-encoding']).toBeUndefined();
		expect(noise.body).toEqual(FILES['data/noise.parquet']);
		const json = await get('/content/search.json?v=1', BR);
		expect(json.headers['content-type']).toBe('application/json');
		expect(json.headers['content-encoding']).toBe('br');
		expect(JSON.parse(brotliDecompressSync(json.body).toString())).toEqual(JSON.parse(FILES['content/search.json'].toString()));
	});

	it('lists no directory, serves no file outside the build, and answers unknown paths with 404', async () => {
		for (const path of ['/_app/immutable/', '/_app/immutable/assets', '/data/', '/nope', '/../package.json', '/%2e%2e/package.json', '/_app/immutable/entry/start.abc123.js.map']) {
			const r = await get(path, BR);
			expect(r.status, path).toBe(404);
			expect(r.body.toString(), path).not.toContain('start.abc123');
			expect(r.headers['content-type'], path).toBe('text/html; charset=utf-8');
		}
	});

	it('answers HEAD without a body and refuses other methods', async () => {
		const head = await get('/', BR, 'HEAD');
		expect(head.status).toBe(200);
		expect(head.body.length).toBe(0);
		expect((await get('/', {}, 'POST')).status).toBe(405);
	});
});

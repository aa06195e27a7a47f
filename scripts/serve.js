#!/usr/bin/env node
/**
 * The production server for the built site (`npm run serve`; scripts/start.sh, scripts/e2e.sh and
 * the benchmark use it): sirv over build/ with
 * - the precompressed `.br` / `.gz` files the build writes (scripts/compress.js), chosen by the
 *   request's Accept-Encoding, with `Vary: Accept-Encoding`;
 * - `application/wasm` for the engine (browsers compile it while it streams only with that type),
 *   and types for the data files (Parquet, Arrow IPC, CSV) that sirv's table lacks;
 * - caching: hashed assets (`/_app/immutable/`) for a year, immutable; data files (`/data/`,
 *   and the prerendered page content in `/content/`) 5 minutes then revalidate (the pages' URLs
 *   carry `?v=<version>`, but the published CSVs and the manifest do not); pages and everything else revalidate every time (ETag → 304);
 * - no directory listing, no dotfiles; unknown paths get the 404 page (every route is prerendered:
 *   adapter-static with `strict`, no SPA fallback).
 * docs/deploy.md gives the same rules for nginx and Caddy.
 *
 *   node scripts/serve.js [--dir build] [--port 4173] [--host 127.0.0.1]   (PORT/HOST also work)
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const DATA = 'public, max-age=300, must-revalidate';
export const REVALIDATE = 'no-cache';

/** Types sirv's table (mrmime) does not know or gets wrong for us. */
const TYPES = {
	'.parquet': 'application/vnd.apache.parquet',
	'.arrow': 'application/vnd.apache.arrow.file',
	'.arrows': 'application/vnd.apache.arrow.stream',
	'.csv': 'text/csv; charset=utf-8',
	'.wasm': 'application/wasm'
};

/** Cache-Control for a request path. */
export function cacheControl(pathname) {
	if (pathname.startsWith('/_app/immutable/')) return IMMUTABLE;
	if (pathname.startsWith('/data/') || pathname.startsWith('/content/')) return DATA;
	return REVALIDATE;
}

/**
 * A request handler for a built site in `dir`.
 * @param {string} dir
 * @returns {import('node:http').RequestListener}
 */
export function siteHandler(dir) {
	const root = resolve(dir);
	if (!existsSync(resolve(root, 'index.html'))) throw new Error(`serve: ${root} has no index.html (run npm run build first)`);
	const notFoundPage = existsSync(resolve(root, '404.html')) ? readFileSync(resolve(root, '404.html')) : null;
	const files = sirv(root, {
		brotli: true,
		gzip: true,
		etag: true,
		dev: false,
		// /gaps → gaps.html (trailingSlash: 'never'), / → index.html.
		extensions: ['html'],
		setHeaders(res, pathname) {
			res.setHeader('Cache-Control', cacheControl(pathname));
			res.setHeader('X-Content-Type-Options', 'nosniff');
			const ext = /\.[a-z0-9]+$/i.exec(pathname)?.[0].toLowerCase();
			if (ext && ext in TYPES) res.setHeader('Content-Type', TYPES[/** @type {keyof typeof TYPES} */ (ext)]);
		}
	});
	return (req, res) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
			res.end('method not allowed\n');
			return;
		}
		files(req, res, () => {
			res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': REVALIDATE, 'X-Content-Type-Options': 'nosniff' });
			res.end(req.method === 'HEAD' ? undefined : (notFoundPage ?? '<!doctype html><meta charset="utf-8"><title>404</title><p>Not found: <a href="/">Kotokartta</a></p>\n'));
		});
	};
}

/**
 * Starts the server; resolves once it listens (port 0 picks a free port).
 * @param {{ dir?: string, port?: number, host?: string }} [opts]
 * @returns {Promise<{ server: import('node:http').Server, url: string }>}
 */
export function startServer({ dir = 'build', port = 4173, host = '127.0.0.1' } = {}) {
	const server = createServer(siteHandler(dir));
	return new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(port, host, () => {
			const address = /** @type {import('node:net').AddressInfo} */ (server.address());
			ok({ server, url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}` });
		});
	});
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
	const { values } = parseArgs({
		options: {
			dir: { type: 'string', default: 'build' },
			port: { type: 'string', default: process.env.PORT ?? '4173' },
			host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' }
		}
	});
	startServer({ dir: values.dir, port: Number(values.port), host: values.host }).then(
		({ url }) => process.stderr.write(`Kotokartta: serving ${resolve(values.dir)} on ${url}/  (Ctrl-C to stop)\n`),
		(e) => {
			process.stderr.write(`serve: ${e instanceof Error ? e.message : e}\n`);
			process.exit(1);
		}
	);
}

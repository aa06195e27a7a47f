/**
 * Shared pieces of the end-to-end tests: the site under test (KK_BASE_URL, set by
 * scripts/e2e.sh), Debian Chromium through playwright-core, and a page wrapper that records
 * every request, console error and page error so each test can assert there were none.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openNodeDatabase, type NodeDatabase } from '$lib/db/node.server';

export const BASE = (process.env.KK_BASE_URL ?? '').replace(/\/$/, '');
if (!BASE) throw new Error('KK_BASE_URL is not set: run the e2e tests through scripts/e2e.sh (npm test)');
export const ORIGIN = new URL(BASE).origin;

/** Debian's Chromium with the project's flags (tools/chromium.ts). */
export { launchChromium as launch } from '../../tools/chromium';

export interface Session {
	context: BrowserContext;
	page: Page;
	/** Every URL requested, in order (documents, scripts, wasm, data, workers). */
	requests: string[];
	/** Console messages of type error, and uncaught page errors. */
	errors: string[];
	close(): Promise<void>;
}

/** A fresh browser context (empty cache) with recording on. */
export async function session(browser: Browser, opts: { javaScriptEnabled?: boolean } = {}): Promise<Session> {
	const context = await browser.newContext({ javaScriptEnabled: opts.javaScriptEnabled ?? true, viewport: { width: 1280, height: 900 } });
	const requests: string[] = [];
	const errors: string[] = [];
	context.on('request', (r) => requests.push(r.url()));
	const page = await context.newPage();
	watch(page, errors);
	return { context, page, requests, errors, close: () => context.close() };
}

function watch(page: Page, errors: string[]) {
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(`console: ${m.text()}`);
	});
	page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
}

/** Requests that left the site's origin (data: and blob: URLs stay in the browser). */
export function offOrigin(requests: readonly string[]): string[] {
	return requests.filter((u) => !u.startsWith(`${ORIGIN}/`) && u !== ORIGIN && !/^(data|blob):/.test(u));
}

/** Opens a path and waits until the app has hydrated (it then follows the URL). */
export async function open(page: Page, path: string): Promise<void> {
	await page.goto(`${BASE}${path}`);
	await page.waitForSelector('body[data-hydrated="true"]', { timeout: 30_000 });
}

/** Waits until the page's numbers are live DuckDB-WASM results for its current URL. */
export async function waitLive(page: Page): Promise<void> {
	await page.waitForSelector('[data-status="live"]', { timeout: 90_000 });
}

/** Waits until a profile's answers are shown: prerendered (status initial) for a municipality's
 * current programme, live from DuckDB-WASM for another of its programmes. */
export async function waitAnswers(page: Page): Promise<void> {
	await page.waitForSelector('.answers article.part', { timeout: 90_000 });
	await page.waitForFunction(() => !document.querySelector('.answers .pending') && !document.querySelector('[data-status="loading"]'), undefined, { timeout: 90_000 });
}

/** Waits until every chart on the page has drawn its current data (or shows an empty state). */
export async function waitChartsDrawn(page: Page): Promise<void> {
	await page.waitForFunction(
		() => [...document.querySelectorAll('[data-chart]')].every((e) => e.getAttribute('data-chart-state') !== 'pending'),
		undefined,
		{ timeout: 60_000 }
	);
}

/** axe-core with every rule it runs by default (WCAG 2.0/2.1 A and AA and best practices). */
export async function axeViolations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`
	);
}

/** The dataset the site was built from, queried in Node with the same SQL the pages run. */
export function siteDatabase(): Promise<NodeDatabase> {
	return openNodeDatabase(process.env.KOTOKARTTA_DATA_DIR ?? 'static/data');
}

/** Text of the element with `data-figure=<id>`. */
export async function figure(page: Page, id: string): Promise<string> {
	return ((await page.locator(`[data-figure="${id}"]`).textContent()) ?? '').trim();
}

/**
 * A chart's PNG download: its size, and its text as tesseract (Finnish) reads it: the chart's own
 * and the note under it (view, link, filters, data version, the synthetic share).
 */
export async function downloadedPng(page: Page, chart: string): Promise<{ width: number; height: number; text: string }> {
	const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-chart="${chart}"] [data-download="png"]`).click()]);
	if (!file.suggestedFilename().endsWith('.png')) throw new Error(`${chart}: ${file.suggestedFilename()} is not a .png`);
	const path = (await file.path())!;
	const bytes = readFileSync(path);
	if (bytes.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error(`${chart}: the download is not a PNG`);
	const text = execFileSync('tesseract', [path, '-', '-l', 'fin'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), text: text.replace(/\s+/g, ' ') };
}

/**
 * Holds back the DuckDB-WASM engine's wasm (route it only once released): the page keeps showing what
 * it had before the engine (prerendered numbers, or the last live ones). Call before the page starts the engine.
 */
export async function holdEngine(page: Page): Promise<() => void> {
	let release!: () => void;
	const held = new Promise<void>((ok) => (release = ok));
	await page.route('**/*.wasm', async (route) => {
		await held;
		await route.continue();
	});
	return release;
}

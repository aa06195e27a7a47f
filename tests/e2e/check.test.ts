/**
 * /check in Debian Chromium against the built site: Aura's real programme, a flattened copy and
 * an own-template document (from the demo corpus) dropped on the page show the same grades and
 * facts as the ingested dataset (queried in Node over the same static/data: one source of truth);
 * a broken, an encrypted and a non-PDF file get plain messages; no request carries the file;
 * axe-core finds nothing in fi/sv/en; the file button works from the keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, FileChooser, Page, Request } from 'playwright-core';
import type { NodeDatabase } from '$lib/db/node.server';
import { translator } from '$lib/i18n';
import { ANSWER_FIELDS } from '$lib/programme/form-tem-2024';
import { reasonText } from '$lib/components/gaps/reason';
import type { Locale } from '$lib/i18n/locales';
import { encryptPdf, truncate } from '../helpers/programme-pdfs';
import { axeViolations, BASE, launch, offOrigin, open, ORIGIN, session, siteDatabase } from './harness';

let browser: Browser;
let db: NodeDatabase;

const DOCS = {
	fillable: 'data/pdfs/aura-2024-11-18.pdf',
	flattened: 'data/pdfs/demo/demo-079-harjavalta-2025-01-07.pdf',
	own: 'data/pdfs/demo/demo-016-asikkala-2024-10-14.pdf'
} as const;
const KIND: Record<keyof typeof DOCS, string> = { fillable: 'fillable-form', flattened: 'flattened-form', own: 'own-template' };
/** Each document is checked in another UI language, so the rubric's reasons are seen translated. */
const LANG: Record<keyof typeof DOCS, Locale> = { fillable: 'sv', flattened: 'fi', own: 'en' };

beforeAll(async () => {
	browser = await launch();
	db = await siteDatabase();
});
afterAll(async () => {
	await browser?.close();
	db?.close();
});

const ANSWER_KEYS = new Set(ANSWER_FIELDS.map((f) => f.key));

/** What the ingested dataset says about one file: its grades and the evidence of its facts. */
async function ingested(file: string) {
	const [p] = await db.run<{ programme_id: string; input_kind: string }>({
		id: 'test.check.programme',
		sql: 'SELECT programme_id, input_kind FROM programmes WHERE file = ?',
		params: [file]
	});
	expect(p, `${file} must be in the site's dataset`).toBeTruthy();
	const rows = (table: string, cols: string) =>
		db.run<Record<string, string>>({ id: `test.check.${table}`, sql: `SELECT ${cols} FROM ${table} WHERE programme_id = ? ORDER BY ALL`, params: [p.programme_id] });
	const completeness = (await rows('completeness', 'key, grade, reason, reason_key, reason_params')).filter((r) => ANSWER_KEYS.has(r.key));
	const grades = Object.fromEntries(completeness.map((r) => [r.key, r.grade]));
	const snippets = async (table: string) => (await rows(table, 'key, snippet')).map((r) => `${r.key}|${r.snippet}`).sort();
	return {
		id: p.programme_id,
		inputKind: p.input_kind,
		grades,
		completeness,
		languages: await snippets('languages'),
		providers: await snippets('responsibilities'),
		cooperation: await snippets('cooperation')
	};
}

async function drop(page: Page, files: { name: string; buffer: Buffer }[] | string, role: 'main' | 'other' = 'main') {
	await page.locator(`input[data-check-input="${role}"]`).setInputFiles(
		typeof files === 'string' ? files : files.map((f) => ({ name: f.name, mimeType: 'application/pdf', buffer: f.buffer }))
	);
}

async function waitResult(page: Page) {
	await page.waitForSelector('.report[data-check-status="done"], [data-check-status="error"]', { timeout: 60_000 });
}

/** The page's evidence quotes of one fact list, as "key|snippet" (the part is the link target). */
async function shownSnippets(page: Page, list: string): Promise<string[]> {
	return (
		await page.locator(`#${list} ul.evidence > li`).evaluateAll((lis) =>
			lis.map((li) => {
				const href = li.querySelector('a')!.getAttribute('href')!;
				const key = href.replace(/^#ev-[a-z]\d+-/, '').replace(/^#/, '');
				return `${key}|${li.querySelector('q')!.textContent}`;
			})
		)
	).sort();
}

describe('/check', () => {
	for (const kind of ['fillable', 'flattened', 'own'] as const) {
		it(`${kind}: ${DOCS[kind]} shows the ingested grades and facts`, async () => {
			const want = await ingested(DOCS[kind]);
			expect(want.inputKind).toBe(KIND[kind]);
			const s = await session(browser);
			try {
				await open(s.page, `/check?lang=${LANG[kind]}`);
				await drop(s.page, DOCS[kind]);
				await waitResult(s.page);
				const report = s.page.locator('.report');
				expect(await report.getAttribute('data-programme-id')).toBe(want.id);
				expect(await report.getAttribute('data-input-kind')).toBe(want.inputKind);
				const grades = Object.fromEntries(
					await s.page.locator('[data-part]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-part'), e.getAttribute('data-grade')]))
				);
				expect(Object.keys(grades)).toEqual(ANSWER_FIELDS.map((f) => f.key));
				for (const [key, grade] of Object.entries(want.grades)) expect(grades[key], key).toBe(grade);
				// The rubric's reason in the UI language, as the profile says it for the ingested row.
				const reasons = Object.fromEntries(
					await s.page.locator('[data-part]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-part'), e.querySelector('.reason')?.textContent ?? '']))
				);
				const t = translator(LANG[kind]);
				for (const row of want.completeness) expect(reasons[row.key], row.key).toBe(reasonText(t, row));
				if (LANG[kind] !== 'en') expect(Object.values(reasons).filter((r) => want.completeness.some((c) => c.reason === r && r !== ''))).toEqual([]);
				expect(await shownSnippets(s.page, 'facts-languages')).toEqual(want.languages);
				expect(await shownSnippets(s.page, 'facts-providers')).toEqual(want.providers);
				expect(await shownSnippets(s.page, 'facts-cooperation')).toEqual(want.cooperation);
				// Evidence is highlighted in the answers.
				if (want.languages.length > 0) expect(await s.page.locator('.report article mark').count()).toBeGreaterThan(0);
				// The benchmark loads from the dataset; synthetic peers are flagged.
				await s.page.waitForSelector('[data-peers="loaded"]', { timeout: 90_000 });
				expect(await s.page.locator('[data-peer-group]').count()).toBeGreaterThan(0);
				expect(await s.page.locator('[data-peers-synthetic]').count()).toBe(1);
				expect(s.errors).toEqual([]);
			} finally {
				await s.close();
			}
		});
	}

	it('Aura: the JSON download is the record in the dataset schema; two versions show a word diff', async () => {
		const want = await ingested(DOCS.fillable);
		const s = await session(browser);
		try {
			await open(s.page, '/check?lang=fi');
			await drop(s.page, DOCS.fillable);
			await waitResult(s.page);
			const [dl] = await Promise.all([s.page.waitForEvent('download'), s.page.click('[data-action="json"]')]);
			const json = JSON.parse(readFileSync((await dl.path())!, 'utf8'));
			expect(json.tables.programmes[0].programme_id).toBe(want.id);
			expect(json.tables.completeness.filter((r: { key: string }) => ANSWER_KEYS.has(r.key)).length).toBe(Object.keys(want.grades).length);
			// Second version: Aura's own template rendering is another document of the same programme.
			await s.page.locator('details.second summary').click();
			await drop(s.page, DOCS.own, 'other');
			await s.page.waitForSelector('[data-diff]', { timeout: 60_000 });
			expect(await s.page.locator('[data-diff-part]').count()).toBeGreaterThan(0);
			expect(await s.page.locator('[data-diff] ins, [data-diff] del').count()).toBeGreaterThan(0);
		} finally {
			await s.close();
		}
	});

	it('broken, encrypted and non-PDF files get plain messages', async () => {
		const aura = readFileSync(DOCS.fillable);
		const cases = [
			{ name: 'rikki.pdf', buffer: Buffer.from(truncate(new Uint8Array(aura))), code: 'truncated' },
			{ name: 'salattu.pdf', buffer: Buffer.from(encryptPdf(new Uint8Array(aura))), code: 'encrypted' },
			{ name: 'muistio.pdf', buffer: Buffer.from('Tämä on tekstitiedosto, ei PDF.'), code: 'not-pdf' },
			{ name: 'sotku.pdf', buffer: Buffer.from('%PDF-1.7\n' + 'x'.repeat(2000) + '\n%%EOF\n'), code: 'unreadable' }
		];
		const s = await session(browser);
		try {
			for (const locale of ['fi', 'en'] as const) {
				await open(s.page, `/check?lang=${locale}`);
				const t = translator(locale);
				for (const c of cases) {
					await drop(s.page, [c]);
					await s.page.waitForSelector(`[data-check-status="error"][data-error-code="${c.code}"]`, { timeout: 60_000 });
					const alert = s.page.locator('[role="alert"][data-role="main"]');
					expect(await alert.locator('h2').textContent()).toBe(t.t('check.errorTitle', { name: c.name }));
					expect(await alert.locator('.plain').textContent()).toBe(t.t(`check.error.${c.code}` as never));
				}
			}
		} finally {
			await s.close();
		}
	});

	it('no request carries the file: no body, nothing off the origin, nothing after the result but same-origin GETs', async () => {
		const s = await session(browser);
		const during: Request[] = [];
		try {
			await open(s.page, '/check');
			await s.page.waitForLoadState('networkidle');
			s.context.on('request', (r) => during.push(r));
			const file = readFileSync(DOCS.fillable);
			await drop(s.page, DOCS.fillable);
			await waitResult(s.page);
			await s.page.waitForSelector('[data-peers="loaded"]', { timeout: 90_000 });
			await s.page.locator('[data-action="json"]').click();
			await s.page.waitForTimeout(1000);
			const name = 'aura-2024-11-18';
			for (const r of during) {
				expect(r.method(), r.url()).toBe('GET');
				expect(r.postDataBuffer(), r.url()).toBeNull();
				expect(r.url()).not.toContain(name);
				expect(r.url().startsWith(`${ORIGIN}/`) || /^(blob|data):/.test(r.url()), r.url()).toBe(true);
			}
			expect(offOrigin(s.requests)).toEqual([]);
			// The file is large enough that carrying it would show; none of the requests did.
			expect(file.length).toBeGreaterThan(10_000);
			// The page says so.
			expect(await s.page.locator('[data-private]').textContent()).toBe(translator('fi').t('check.private'));
		} finally {
			await s.close();
		}
	});

	it('axe-core: no violations in fi, sv and en, before and (sv: the longest texts) after a check', async () => {
		const s = await session(browser);
		try {
			for (const locale of ['fi', 'en', 'sv']) {
				await open(s.page, `/check?lang=${locale}`);
				expect(await axeViolations(s.page), `${locale}, empty`).toEqual([]);
				// A full report is a large page for axe (~40 s on a busy 2-core machine): checked in one language.
				if (locale !== 'sv') continue;
				await drop(s.page, DOCS.fillable);
				await waitResult(s.page);
				await s.page.waitForSelector('[data-peers="loaded"]', { timeout: 90_000 });
				expect(await axeViolations(s.page), `${locale}, with a result`).toEqual([]);
			}
		} finally {
			await s.close();
		}
	});

	it('keyboard only: the header link, then Tab to the file input and Enter opens the file chooser', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/municipality/019');
			expect(await s.page.locator('a[data-check-link]').getAttribute('href')).toMatch(/\/check(\?|$)/);
			// The listener goes on before /check loads. Playwright turns Chromium's file-chooser interception on
			// when a listener is added, and Chromium applies it on the renderer's main thread, where a busy page
			// handles a key event sent right after it first: the chooser then opened unintercepted (headless
			// cancels it) and no event came, though the page had called input.click() with user activation.
			let pressed = false;
			const chooser = new Promise<{ chooser: FileChooser; afterEnter: boolean }>((resolve) =>
				s.page.once('filechooser', (c) => resolve({ chooser: c, afterEnter: pressed }))
			);
			await open(s.page, '/check');
			expect(await s.page.locator('header nav:not(.languages) a[href^="/check"]').count()).toBe(1);
			let reached = false;
			for (let i = 0; i < 40 && !reached; i++) {
				await s.page.keyboard.press('Tab');
				reached = await s.page.evaluate(() => document.activeElement?.getAttribute('data-check-input') === 'main');
			}
			expect(reached, 'Tab reaches the file input').toBe(true);
			// Its visible label carries the focus ring (the input itself is visually hidden).
			const ring = await s.page.locator('label[for="check-file"]').evaluate((l) => getComputedStyle(l).outlineStyle);
			expect(ring).toBe('solid');
			// One Enter, and the chooser it opens is the main file input's.
			pressed = true;
			await s.page.keyboard.press('Enter');
			let timer: ReturnType<typeof setTimeout> | undefined;
			const opened = await Promise.race([chooser, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 10_000)))]);
			clearTimeout(timer);
			if (!opened) throw new Error('the first Enter on the focused file input opened no file chooser');
			expect(opened.afterEnter, 'the chooser opened on Enter, not before').toBe(true);
			expect(await opened.chooser.element().getAttribute('data-check-input')).toBe('main');
			await opened.chooser.setFiles(DOCS.fillable);
			await waitResult(s.page);
			expect(await s.page.locator('.report').getAttribute('data-input-kind')).toBe('fillable-form');
		} finally {
			await s.close();
		}
	});
	it('before the page has hydrated, Enter opens the chooser and the chosen file is checked once the page is live', async () => {
		const s = await session(browser);
		try {
			// Hold the app's scripts: the prerendered page is all there is until they are released.
			let release!: () => void;
			const held = new Promise<void>((resolve) => (release = resolve));
			await s.page.route('**/_app/immutable/**/*.js', async (route) => {
				await held;
				await route.continue();
			});
			const chooser = new Promise<FileChooser>((resolve) => s.page.once('filechooser', resolve));
			await s.page.goto(`${BASE}/check`, { waitUntil: 'commit' });
			await s.page.waitForSelector('input[data-check-input="main"]');
			expect(await s.page.evaluate(() => document.body.dataset.hydrated ?? null)).toBeNull();
			await s.page.focus('input[data-check-input="main"]');
			await s.page.keyboard.press('Enter');
			let timer: ReturnType<typeof setTimeout> | undefined;
			const opened = await Promise.race([chooser, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 10_000)))]);
			clearTimeout(timer);
			if (!opened) throw new Error('Enter on the file input opened no chooser before hydration');
			await opened.setFiles(DOCS.fillable);
			expect(await s.page.evaluate(() => document.body.dataset.hydrated ?? null), 'still not hydrated when the file was chosen').toBeNull();
			release();
			await waitResult(s.page);
			expect(await s.page.locator('.report').getAttribute('data-input-kind')).toBe('fillable-form');
		} finally {
			await s.close();
		}
	});
});

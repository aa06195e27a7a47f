/**
 * Untrusted text stays text. The e2e setup ingests a fillable form whose answers hold
 * <script>, <img onerror>, javascript: links, attribute break-outs and {@html …}-looking text
 * (tests/fixtures/hostile-form.ts) together with the bundled data. On every page that shows
 * answers — the municipality profile (prerendered header and live answers with highlights), the
 * gap matrix's answer dialog, and search — the payloads must appear as the literal characters,
 * no dialog may open, no element may be created from them (no <img>, <svg>, <iframe>, no
 * script but the site's own, no on* attribute), and no javascript: link may exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { MATRIX_PARTS } from '$lib/components/gaps/matrix';
import { gapMatrix, type GapRow } from '$lib/db/queries';
import type { NodeDatabase } from '$lib/db/node.server';
import { EMPTY_FILTERS } from '$lib/state/filters';
import { SEARCH_WORKER_URL, searchHeadScript } from '$lib/search/client';
import { HOSTILE_MUNICIPALITY, HOSTILE_WORD, hostileProgrammeId, PAYLOADS } from '../fixtures/hostile-form';
import { axeViolations, BASE, ORIGIN, launch, offOrigin, open, session, siteDatabase, waitAnswers, type Session } from './harness';

let browser: Browser;
let db: NodeDatabase;
let programmeId: string;
/** The hostile programme's answers as stored (the ingest keeps them exactly as written). */
let texts: Map<string, string>;

beforeAll(async () => {
	browser = await launch();
	db = await siteDatabase();
	programmeId = await hostileProgrammeId();
	const rows = await db.run<{ key: string; text: string }>({
		id: 'test.hostile_answers',
		sql: `SELECT key, text FROM answers WHERE programme_id = ? AND key <> 'unmapped'`,
		params: [programmeId]
	});
	expect(rows.length, 'the hostile form must be ingested with the site data (scripts/e2e.sh)').toBeGreaterThan(30);
	texts = new Map(rows.map((r) => [r.key, r.text]));
	for (const p of Object.values(PAYLOADS)) expect([...texts.values()].some((t) => t.includes(p)), p).toBe(true);
	const matrix = await db.run<GapRow>(gapMatrix(EMPTY_FILTERS));
	expect(matrix.find((r) => r.code === HOSTILE_MUNICIPALITY.code)?.programme_id, 'the gap matrix must show the hostile programme').toBe(programmeId);
});
afterAll(async () => {
	await browser?.close();
	db?.close();
});

/** A session that also records every dialog (alert, confirm…) a payload might open. */
async function hostileSession(): Promise<Session & { dialogs: string[] }> {
	const s = await session(browser);
	const dialogs: string[] = [];
	s.page.on('dialog', (d) => {
		dialogs.push(`${d.type()}: ${d.message()}`);
		void d.dismiss();
	});
	return { ...s, dialogs };
}

/**
 * The search page's own head script (it starts the search worker, src/lib/search/client.ts): its
 * text exactly, with the build's worker URL in its place; nothing else passes.
 */
const SEARCH_HEAD = (() => {
	const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return '^' + escape(searchHeadScript()).replace(escape(JSON.stringify(SEARCH_WORKER_URL)), '"/_app/immutable/workers/search\\.worker-[\\w-]+\\.js"') + '$';
})();

/** What the payloads could have created anywhere in the document. */
function inertReport(page: Page) {
	return page.evaluate(({ origin, searchHead }) => {
		const all = [...document.querySelectorAll('*')];
		const own = (text: string) => text.includes('__sveltekit_') || new RegExp(searchHead).test(text);
		const foreignScripts = [...document.scripts]
			.filter((s) => !(s.src ? s.src.startsWith(`${origin}/_app/`) : own(s.textContent ?? '')))
			.map((s) => s.outerHTML.slice(0, 120));
		// The site's own inline script carries the page data: it must hold the payloads escaped.
		const rawInInline = [...document.scripts].filter((s) => !s.src && /<\/?script|<img|<svg/i.test(s.textContent ?? '')).length;
		return {
			elements: document.querySelectorAll('main img, main svg, main iframe, main object, main embed, main video, main audio').length,
			foreignScripts,
			rawInInline,
			onAttributes: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`)),
			jsUrls: all.flatMap((el) =>
				['href', 'src', 'action', 'formaction', 'xlink:href'].map((n) => el.getAttribute(n) ?? '').filter((v) => /^\s*javascript:/i.test(v))
			),
			pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null
		};
	}, { origin: ORIGIN, searchHead: SEARCH_HEAD });
}

async function expectInert(s: Session & { dialogs: string[] }) {
	// Give any handler that could fire (onerror of a broken image, onload of an svg) time to do so.
	await s.page.waitForTimeout(300);
	expect(await inertReport(s.page)).toEqual({ elements: 0, foreignScripts: [], rawInInline: 0, onAttributes: [], jsUrls: [], pwned: null });
	expect(s.dialogs).toEqual([]);
	expect(s.errors).toEqual([]);
	expect(offOrigin(s.requests)).toEqual([]);
	expect(await axeViolations(s.page)).toEqual([]);
}

describe('hostile answers stay text', () => {
	it('in the prerendered profile HTML: the header answers are escaped by the server', async () => {
		const response = await fetch(`${BASE}/municipality/${HOSTILE_MUNICIPALITY.code}`);
		const html = await response.text();
		expect(html).toContain(HOSTILE_WORD);
		expect(html).not.toContain(PAYLOADS.script);
		expect(html).not.toContain(PAYLOADS.img);
		// The answers are prerendered too, so the escaped payloads' text (`&lt;a href="javascript:…`)
		// is in the page: only a real tag (no `&lt;` before it) would be a hole.
		expect(html).not.toMatch(/<img\b|<svg\b|<a\s[^<>]*href\s*=\s*"?\s*javascript:/i);
	});

	it('on the profile: every answer is shown as its literal characters, highlights included', async () => {
		const s = await hostileSession();
		try {
			await open(s.page, `/municipality/${HOSTILE_MUNICIPALITY.code}`);
			await waitAnswers(s.page);
			const shown = await s.page.locator('article[data-key] .answer-text').evaluateAll((ps) =>
				Object.fromEntries(ps.map((p) => [p.closest('article')!.id, p.textContent ?? '']))
			);
			let compared = 0;
			for (const [key, text] of texts) {
				if (!text.trim()) continue;
				expect(shown[key], key).toBe(text.replace(/\n[ \t]*(?:\n[ \t]*){2,}/g, '\n\n'));
				compared++;
			}
			expect(compared).toBeGreaterThan(30);
			const body = (await s.page.locator('main').textContent()) ?? '';
			for (const p of Object.values(PAYLOADS)) expect(body, p).toContain(p);
			// Evidence highlighted inside hostile text: the marks hold only the language words.
			const marks = await s.page.locator('article[id="s3.a2"] mark').allTextContents();
			expect(marks).toEqual(expect.arrayContaining(['ukrainaksi', 'arabiaksi']));
			expect(await s.page.locator('.coordinator').first().textContent()).toBe(texts.get('header.coordinator')!.trim());
			await expectInert(s);
		} finally {
			await s.close();
		}
	});

	it('in the gap matrix: the answer dialog shows the literal text', async () => {
		const s = await hostileSession();
		try {
			await open(s.page, '/gaps');
			for (const key of ['s3.a2', 'header.coordinator', 's1.a']) {
				await s.page.locator(`tr[data-row="${HOSTILE_MUNICIPALITY.code}"] td[data-part="${MATRIX_PARTS.indexOf(key)}"]`).click();
				const dialog = s.page.locator('dialog[open]');
				await dialog.locator('.answer-text').waitFor({ timeout: 90_000 });
				expect(await dialog.locator('.answer-text').textContent(), key).toBe(texts.get(key));
				await s.page.keyboard.press('Escape');
				await s.page.locator('dialog[open]').waitFor({ state: 'detached' });
			}
			await expectInert(s);
		} finally {
			await s.close();
		}
	});

	it('in search: hits show the literal text with escaped highlights', async () => {
		const s = await hostileSession();
		try {
			await open(s.page, `/search?q=${HOSTILE_WORD}`);
			const hits = s.page.locator(`li.programme[data-programme="${programmeId}"] li.hit`);
			await hits.first().waitFor({ timeout: 120_000 });
			const text = (await s.page.locator(`li.programme[data-programme="${programmeId}"]`).textContent()) ?? '';
			const found = Object.values(PAYLOADS).filter((p) => text.includes(p));
			expect(found.length, 'search passages must show some payloads literally').toBeGreaterThan(0);
			expect(await s.page.locator(`li.programme[data-programme="${programmeId}"] mark`).count()).toBeGreaterThan(0);
			await expectInert(s);
		} finally {
			await s.close();
		}
	});
});

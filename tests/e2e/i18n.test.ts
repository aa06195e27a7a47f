/**
 * No English rubric or dictionary text on Finnish and Swedish pages (issue 14): the rubric's
 * reasons on Aura's profile and in the gap dialog, and the data dictionary, checked against the
 * English message catalogue and tables.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { en, fi, sv } from '$lib/i18n/messages';
import { TABLES } from '$lib/dataset/tables';
import { municipalityProgrammes, type ProfileProgramme } from '$lib/db/queries';
import { launch, open, session, siteDatabase, waitAnswers } from './harness';

let browser: Browser;
let auraPath = '/municipality/019';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A message template as a regular expression over the text it renders to. */
function pattern(template: string): RegExp {
	let out = '';
	let last = 0;
	for (const m of template.matchAll(/\{(\w+)(?::([^{}|]*)\|([^{}]*))?\}/g)) {
		out += escape(template.slice(last, m.index));
		out += m[2] === undefined ? '.+?' : `(?:${[m[2], m[3]].map((f) => escape(f).replace('#', '[\\d\\s,.]+')).join('|')})`;
		last = m.index! + m[0].length;
	}
	return new RegExp(`^${out}${escape(template.slice(last))}$`);
}
const reasonPatterns = (catalogue: Record<string, string>) =>
	Object.entries(catalogue)
		.filter(([k]) => k.startsWith('gaps.reason.'))
		.map(([, v]) => pattern(v));
const ENGLISH = reasonPatterns(en);
const LOCAL = { fi: reasonPatterns(fi), sv: reasonPatterns(sv) };

async function reasons(page: Page, selector: string): Promise<string[]> {
	return (await page.locator(selector).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

beforeAll(async () => {
	browser = await launch();
	const db = await siteDatabase();
	try {
		const programmes = await db.run<ProfileProgramme>(municipalityProgrammes('019'));
		const aura = programmes.find((p) => p.file.endsWith('aura-2024-11-18.pdf'))!;
		if (programmes[0].programme_id !== aura.programme_id) auraPath = `/municipality/019?doc=${aura.programme_id.slice(0, 12)}`;
	} finally {
		db.close();
	}
});
afterAll(async () => {
	await browser?.close();
});

describe('no English rubric or dictionary text on fi/sv pages', () => {
	it.each(['fi', 'sv'] as const)('%s: every rubric reason on Aura’s profile is in the UI language', async (lang) => {
		const s = await session(browser);
		try {
			await open(s.page, `${auraPath}${auraPath.includes('?') ? '&' : '?'}lang=${lang}`);
			await waitAnswers(s.page);
			await s.page.locator('article.part .badge').first().waitFor();
			const shown = await reasons(s.page, 'article.part .reason');
			expect(shown.length).toBeGreaterThan(20);
			const english = shown.filter((t) => ENGLISH.some((re) => re.test(t)));
			expect(english).toEqual([]);
			expect(shown.filter((t) => !LOCAL[lang].some((re) => re.test(t)))).toEqual([]);
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('fi: the gap dialog says the reason in Finnish', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/gaps?lang=fi');
			// The gap matrix is prerendered; a graded cell opens the answer dialog.
			await s.page.locator('table.matrix td.cell[data-part]').first().click();
			await s.page.waitForFunction(() => document.querySelector('dialog[open] .body')?.getAttribute('aria-busy') === 'false', undefined, {
				timeout: 90_000
			});
			const [reason] = await reasons(s.page, 'dialog[open] .reason');
			expect(reason).toBeTruthy();
			expect(ENGLISH.some((re) => re.test(reason)), reason).toBe(false);
			expect(LOCAL.fi.some((re) => re.test(reason)), reason).toBe(true);
		} finally {
			await s.close();
		}
	});

	it.each(['fi', 'sv'] as const)('%s: the data dictionary shows no English description', async (lang) => {
		const s = await session(browser);
		try {
			await open(s.page, `/data?lang=${lang}`);
			const text = ((await s.page.locator('#downloads').textContent()) ?? '').replace(/\s+/g, ' ');
			const english = TABLES.flatMap((t) => [t.description, t.grain, ...t.columns.map((c) => c.description)])
				// Pure references ("programmes.programme_id") read the same in every language.
				.filter((d) => /\s/.test(d.trim()))
				.filter((d) => text.includes(d.replace(/\s+/g, ' ')));
			expect(english).toEqual([]);
		} finally {
			await s.close();
		}
	});
});

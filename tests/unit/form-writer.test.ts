/**
 * The form writer, read back the way the ingest reads PDFs (pdfjs-dist): exact field names and
 * values, determinism, flattened copies, synthetic marker, page numbers, and the committed
 * Aura fixture being exactly what the generator makes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument } from 'pdf-lib';
import { renderForm, SYNTHETIC_KEYWORD, SYNTHETIC_LINE } from '../../tools/pdf-writer';
import { ALL_FIELDS, ANSWER_FIELDS, TABLE_FIELDS, TEMPLATE_LABEL } from '../../src/lib/programme/form-tem-2024';
import { parseSeedProgramme } from '../../scripts/seed';
import { AURA_FIXTURE, auraFixture } from '../../scripts/make-fixtures';

const ROOT = join(__dirname, '..', '..');
const require = createRequire(import.meta.url);
const STANDARD_FONTS = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
const fonts = {
	regular: new Uint8Array(readFileSync(join(ROOT, 'data/fonts/DejaVuSans.ttf'))),
	bold: new Uint8Array(readFileSync(join(ROOT, 'data/fonts/DejaVuSans-Bold.ttf')))
};
const aura: Record<string, string> = Object.fromEntries(
	parseSeedProgramme(readFileSync(join(ROOT, 'data/seeds/000_810836d28a172589.txt'), 'utf8')).map((v) => [v.key, v.value])
);

interface ReadBack {
	/** field name → value, value-less parent entries dropped */
	fields: Map<string, string>;
	/** field name → 1-based page number */
	fieldPages: Map<string, number>;
	/** text of each page in content order, without footer and synthetic banner; and the full page text */
	body: string[];
	pages: string[];
	info: Record<string, unknown>;
}

async function readBack(bytes: Uint8Array): Promise<ReadBack> {
	const task = pdfjs.getDocument({ data: bytes.slice(), standardFontDataUrl: STANDARD_FONTS, isEvalSupported: false });
	try {
		const doc = await task.promise;
		const fields = new Map<string, string>();
		const fieldPages = new Map<string, number>();
		const objects = ((await doc.getFieldObjects()) ?? {}) as Record<string, { value?: unknown; page?: number }[]>;
		for (const [name, entries] of Object.entries(objects)) {
			for (const e of entries) {
				if (e.value === undefined) continue;
				fields.set(name, String(e.value));
				if (typeof e.page === 'number') fieldPages.set(name, e.page + 1);
			}
		}
		const body: string[] = [];
		const pages: string[] = [];
		for (let i = 1; i <= doc.numPages; i++) {
			const page = await doc.getPage(i);
			const content = await page.getTextContent();
			const items = content.items.filter((it) => 'str' in it) as unknown as { str: string; transform: number[] }[];
			pages.push(items.map((it) => it.str).join(' '));
			// Footer (y < 45) and banner (y > 800) interleave with text that continues across pages.
			body.push(items.filter((it) => it.transform[5] > 45 && it.transform[5] < 800).map((it) => it.str).join(' '));
		}
		const meta = await doc.getMetadata();
		return { fields, fieldPages, body, pages, info: meta.info as Record<string, unknown> };
	} finally {
		await task.destroy();
	}
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Each needle found in order in the haystack (after whitespace is squashed); returns the first one missing. */
function firstMissingInOrder(haystack: string, needles: string[]): string | undefined {
	const h = squash(haystack);
	let at = 0;
	for (const n of needles) {
		const s = squash(n);
		if (s === '') continue;
		const i = h.indexOf(s, at);
		if (i < 0) return n;
		at = i + s.length;
	}
	return undefined;
}

// Values that stress the writer: Cyrillic, Swedish, multi-line and blank lines, a long URL-like word.
const extraValues: Record<string, string> = {
	's3.a2': 'Ukrainan kielellä, venäjäksi (на русском языке) och på svenska.',
	'table.orientation.jobseekers': 'Turun työllisyysalue\nostopalveluna',
	'table.orientation.others': 'Лоймаа (Loimaan kaupunki)\n\nmaahanmuuttokoordinaattori',
	'table.follow_up.others': 'https://www.example.fi/hyvin/pitka/osoite/jota/ei/voi/katkaista/sanavälistä/kotoutumisohjelma-2024'
};
const filled = { ...aura, ...extraValues };

describe('renderForm, fillable', () => {
	let blank: ReadBack;
	let full: ReadBack;
	let fullBytes: Uint8Array;
	beforeAll(async () => {
		blank = await readBack(await renderForm({ fonts }));
		fullBytes = await renderForm({ fonts, values: filled });
		full = await readBack(fullBytes);
	});

	it('has every schema field under its exact name, and nothing else', () => {
		const names = ALL_FIELDS.map((f) => f.fieldName);
		expect(new Set(names).size).toBe(names.length);
		expect([...full.fields.keys()].sort()).toEqual([...names].sort());
		expect([...blank.fields.keys()].sort()).toEqual([...names].sort());
		// The quirks survive: newline + tab names, trailing spaces, the name cut at 100 characters, the bare "4A".
		expect(full.fields.has('1A: \n\t Kuvaus palvelusta:\n')).toBe(true);
		expect(full.fields.has('Kunta tai kunnat: ')).toBe(true);
		expect(full.fields.has('4A')).toBe(true);
		expect(ANSWER_FIELDS.find((f) => f.key === 's1.b2')?.fieldName.length).toBe(100);
	});

	it('holds every value exactly (multi-line, Cyrillic, Swedish)', () => {
		for (const f of ALL_FIELDS) {
			const expected = filled[f.key] ?? '';
			expect(full.fields.get(f.fieldName) ?? '', f.key).toBe(expected);
		}
		expect(full.fields.get(TABLE_FIELDS.find((f) => f.key === 'table.orientation.others')!.fieldName)).toContain('Лоймаа');
	});

	it('leaves the blank form empty', () => {
		for (const v of blank.fields.values()) expect(v).toBe('');
	});

	it('draws each value with the embedded font, so non-WinAnsi text shows', async () => {
		const doc = await PDFDocument.load(fullBytes);
		const form = doc.getForm();
		const field = form.getTextField(ANSWER_FIELDS.find((f) => f.key === 's3.a2')!.fieldName);
		const widget = field.acroField.getWidgets()[0];
		const ap = widget.getNormalAppearance();
		const stream = doc.context.lookup(ap) as unknown as { getContentsString?: () => string; dict: { toString(): string } };
		expect(String(stream.dict)).toContain('/DejaVuSans');
		expect(field.acroField.getDefaultAppearance()).toMatch(/^\/DejaVuSans 10 Tf/);
		// Empty fields type in standard Helvetica, which the AcroForm's /DR provides.
		const empty = await PDFDocument.load(await renderForm({ fonts }));
		expect(empty.getForm().getTextField('4A').acroField.getDefaultAppearance()).toMatch(/^\/Helv 10 Tf/);
	});

	it('prints the questions and the form footer, with page numbers "n (N)" on every page', () => {
		const n = blank.pages.length;
		expect(n).toBeGreaterThanOrEqual(10);
		blank.pages.forEach((text, i) => {
			expect(text).toContain(TEMPLATE_LABEL);
			expect(text).toContain(`${i + 1} (${n})`);
		});
		const all = blank.body.join(' ');
		expect(firstMissingInOrder(all, ANSWER_FIELDS.map((f) => f.question.replace(/^([ABC]\.\s*[^:?]+:)\s*/, '$1 ')))).toBeUndefined();
		expect(all).toContain('Lomakkeen kohdat luettelona (kopioi kunnan asiakirjapohjalle):');
		expect(all).toContain('1. Osaamisen ja kotoutumisen palvelutarpeen arviointi ja monialaisen osaamisen ja kotoutumisen palvelutarpeen arviointi (KotoL 14 ja 15 §)');
		expect(squash(all)).toContain('Vastuutaulukko');
	});

	it('keeps questions above their boxes: field pages follow form order', () => {
		const order = ANSWER_FIELDS.map((f) => full.fieldPages.get(f.fieldName) ?? 0);
		expect(order.every((p) => p > 0)).toBe(true);
		for (let i = 1; i < order.length; i++) expect(order[i]).toBeGreaterThanOrEqual(order[i - 1]);
	});

	it('is not marked synthetic unless asked', () => {
		expect(String(full.info.Keywords ?? '')).not.toContain(SYNTHETIC_KEYWORD);
		expect(full.pages.join(' ')).not.toContain('SYNTEETTINEN');
	});
});

describe('renderForm options', () => {
	it('renames, omits and adds fields', async () => {
		const read = await readBack(
			await renderForm({
				fonts,
				values: { 's1.a': 'kuvaus', 's2.c': 'ei mukana' },
				fieldNames: { 's1.a': '1A Kuvaus palvelusta' },
				omitKeys: ['s2.c', 'table.plan.others'],
				extraFields: [{ name: 'Lisätieto: muuta', value: 'Ylimääräinen kenttä\nkahdella rivillä' }]
			})
		);
		expect(read.fields.get('1A Kuvaus palvelusta')).toBe('kuvaus');
		expect(read.fields.has('1A: \n\t Kuvaus palvelusta:\n')).toBe(false);
		expect(read.fields.has('2C Yhteistyö')).toBe(false);
		expect(read.fields.has(TABLE_FIELDS.find((f) => f.key === 'table.plan.others')!.fieldName)).toBe(false);
		expect(read.fields.get('Lisätieto: muuta')).toBe('Ylimääräinen kenttä\nkahdella rivillä');
		expect(read.fields.size).toBe(ALL_FIELDS.length - 2 + 1);
	});

	it('rejects bad input with a reason', async () => {
		await expect(renderForm({ fonts, values: { 's9.a': 'x' } })).rejects.toThrow(/unknown key "s9.a"/);
		await expect(renderForm({ fonts, fieldNames: { 's1.a': 'a.b' } })).rejects.toThrow(/contains a dot/);
		await expect(renderForm({ fonts, extraFields: [{ name: '4A', value: '' }] })).rejects.toThrow(/two fields would be named "4A"/);
		await expect(renderForm({ fonts: { regular: new Uint8Array(), bold: fonts.bold } })).rejects.toThrow(/fonts.regular/);
	});

	it('writes the given metadata and a fixed default date', async () => {
		const read = await readBack(await renderForm({ fonts, metadata: { title: 'Testi', author: 'Kunta', keywords: ['a', 'b'] } }));
		expect(read.info.Title).toBe('Testi');
		expect(read.info.Author).toBe('Kunta');
		expect(read.info.Keywords).toBe('a b');
		expect(read.info.CreationDate).toBe('D:20240903000000Z');
	});
});

describe('determinism', () => {
	it('gives byte-identical output for the same options', async () => {
		for (const mode of ['fillable', 'flattened'] as const) {
			const a = await renderForm({ fonts, values: filled, mode, synthetic: true });
			const b = await renderForm({ fonts, values: filled, mode, synthetic: true });
			expect(Buffer.from(a).equals(Buffer.from(b)), mode).toBe(true);
		}
	});

	it('the committed Aura fixture is what the generator makes (run `npm run fixtures` after changing the form)', async () => {
		const { bytes, fields, filled: nonEmpty } = await auraFixture(ROOT);
		const committed = new Uint8Array(readFileSync(join(ROOT, AURA_FIXTURE)));
		expect(Buffer.from(bytes).equals(committed)).toBe(true);
		expect(fields).toBe(ANSWER_FIELDS.length);
		expect(nonEmpty).toBe(fields - 1); // approval is empty in Aura's programme
		const read = await readBack(committed);
		expect(read.info.Title).toBe('Auran kunta – kotoutumisohjelma 18.11.2024');
		for (const f of ANSWER_FIELDS) expect(read.fields.get(f.fieldName), f.key).toBe(aura[f.key]);
		for (const f of TABLE_FIELDS) expect(read.fields.get(f.fieldName), f.key).toBe('');
	});
});

describe('renderForm, flattened', () => {
	let flat: ReadBack;
	beforeAll(async () => {
		flat = await readBack(await renderForm({ fonts, values: filled, mode: 'flattened', synthetic: true }));
	});

	it('has no form fields', () => {
		expect(flat.fields.size).toBe(0);
	});

	it('has every answer, whole, in the text layer, each after its question', () => {
		const all = flat.body.join(' ');
		const sequence: string[] = [];
		for (const f of ANSWER_FIELDS) {
			sequence.push(f.question.replace(/^([ABC]\.\s*[^:?]+:)\s*/, '$1 '));
			sequence.push(filled[f.key] ?? '');
		}
		expect(firstMissingInOrder(all, sequence)).toBeUndefined();
		// Table cells are narrow: a word longer than the cell is cut (after a "/" where possible), so compare without spaces.
		const solid = all.replace(/\s+/g, '');
		for (const f of TABLE_FIELDS) if (filled[f.key]) expect(solid, f.key).toContain(filled[f.key].replace(/\s+/g, ''));
		expect(all).toContain('Лоймаа (Loimaan kaupunki)');
	});

	it('keeps a very long answer whole across pages', async () => {
		const long = Array.from({ length: 220 }, (_, i) => `Kappale ${i + 1}: Loimaan kaupunki järjestää palvelun yhteistoimintasopimuksen nojalla.`).join('\n');
		const read = await readBack(await renderForm({ fonts, values: { 's4.b': long }, mode: 'flattened' }));
		expect(squash(read.body.join(' '))).toContain(squash(long));
		const fillable = await readBack(await renderForm({ fonts, values: { 's4.b': long } }));
		expect(fillable.fields.get('4B vastuutaho')).toBe(long);
	});

	it('marks a synthetic document in its metadata and on every page', () => {
		expect(String(flat.info.Keywords)).toContain(SYNTHETIC_KEYWORD);
		for (const page of flat.pages) expect(page).toContain(SYNTHETIC_LINE);
		flat.pages.forEach((text, i) => expect(text).toContain(`${i + 1} (${flat.pages.length})`));
	});
});

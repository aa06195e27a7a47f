/**
 * Generating the demo corpus (a subset covering every kind of file): the same seed gives the
 * same bytes and manifest, a present corpus is not regenerated, every readable PDF is marked
 * synthetic in its metadata and visibly, broken files are broken the way the truth says, and
 * the truth's facts are in the text a PDF reader gets back.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { corpusIsCurrent, generateCorpus, generatorFingerprint, loadReference, makePlan, type Manifest } from '../../corpus/generate';
import type { TruthDocument } from '../../corpus/truth';
import { SYNTHETIC_KEYWORD, SYNTHETIC_LINE } from '../../tools/pdf-writer';

const ROOT = join(__dirname, '..', '..');
const require = createRequire(import.meta.url);
const STANDARD_FONTS = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
const SEED = '2025';

let dirA: string;
let dirB: string;
let only: Set<string>;
let manifestA: Manifest;

/** A subset with every kind of file, Swedish and bilingual documents, a joint document and a v1/v2 pair. */
async function pickSubset(): Promise<Set<string>> {
	const plan = makePlan(SEED, await loadReference(ROOT));
	const ids = new Set<string>();
	for (const kind of ['fillable-form', 'flattened-form', 'own-template', 'scan', 'truncated', 'not-pdf', 'empty-file']) {
		for (const d of plan.docs.filter((x) => x.kind === kind).slice(0, kind === 'not-pdf' || kind === 'truncated' ? 2 : 1)) ids.add(d.id);
	}
	for (const pred of [
		(d: (typeof plan.docs)[number]) => d.language === 'sv' && d.kind === 'own-template',
		(d: (typeof plan.docs)[number]) => d.language === 'sv' && d.kind === 'fillable-form',
		(d: (typeof plan.docs)[number]) => d.language === 'fi+sv',
		(d: (typeof plan.docs)[number]) => d.codes.length > 1,
		(d: (typeof plan.docs)[number]) => d.version === 2 && d.kind === 'fillable-form'
	]) {
		const d = plan.docs.find(pred);
		if (d) {
			ids.add(d.id);
			if (d.supersedes) ids.add(d.supersedes);
		}
	}
	return ids;
}

async function readPdf(bytes: Uint8Array) {
	const task = pdfjs.getDocument({ data: bytes.slice(), standardFontDataUrl: STANDARD_FONTS, isEvalSupported: false });
	try {
		const doc = await task.promise;
		const pages: string[] = [];
		for (let i = 1; i <= doc.numPages; i++) {
			const content = await (await doc.getPage(i)).getTextContent();
			pages.push((content.items as { str?: string }[]).map((it) => it.str ?? '').join(' '));
		}
		const objects = ((await doc.getFieldObjects()) ?? {}) as Record<string, { value?: unknown }[]>;
		const fields = Object.values(objects)
			.flat()
			.map((f) => (typeof f?.value === 'string' ? f.value : ''))
			.filter((v) => v !== '');
		const info = (await doc.getMetadata()).info as Record<string, unknown>;
		return { pages, fields, info };
	} finally {
		await task.destroy();
	}
}

const squash = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
	only = await pickSubset();
	dirA = await mkdtemp(join(tmpdir(), 'corpus-a-'));
	dirB = await mkdtemp(join(tmpdir(), 'corpus-b-'));
	// One run in this thread, one in two worker threads: the output must not depend on it.
	const a = await generateCorpus({ seed: SEED, root: ROOT, outDir: dirA, truthDir: join(dirA, '_truth'), only, workers: 1 });
	await generateCorpus({ seed: SEED, root: ROOT, outDir: dirB, truthDir: join(dirB, '_truth'), only, workers: 2 });
	manifestA = a.manifest!;
}, 180_000);

afterAll(async () => {
	await rm(dirA, { recursive: true, force: true });
	await rm(dirB, { recursive: true, force: true });
});

async function truthOf(file: string): Promise<TruthDocument> {
	return JSON.parse(await readFile(join(dirA, '_truth', file.replace(/\.pdf$/, '.json')), 'utf8')) as TruthDocument;
}

describe('demo corpus generation', () => {
	it('writes every chosen document with a ground-truth file of the same name', async () => {
		expect(manifestA.files.length).toBe(only.size);
		const pdfs = (await readdir(dirA)).filter((n) => n.endsWith('.pdf')).sort();
		expect(pdfs).toEqual(manifestA.files.map((f) => f.file).sort());
		for (const f of manifestA.files) {
			expect(f.file).toMatch(/^demo-\d{3}-[a-z0-9-]+-\d{4}-\d{2}-\d{2}(-v\d)?\.pdf$/);
			expect((await truthOf(f.file)).file).toBe(f.file);
		}
	});

	it('is deterministic: same seed, same bytes, same truth, same manifest (in one thread or two)', async () => {
		const mA = await readFile(join(dirA, '_truth', 'manifest.json'), 'utf8');
		const mB = await readFile(join(dirB, '_truth', 'manifest.json'), 'utf8');
		expect(mB).toBe(mA);
		for (const f of manifestA.files) {
			expect(Buffer.compare(await readFile(join(dirA, f.file)), await readFile(join(dirB, f.file))), f.file).toBe(0);
			expect(await readFile(join(dirB, '_truth', f.truth), 'utf8')).toBe(await readFile(join(dirA, '_truth', f.truth), 'utf8'));
		}
	});

	it('skips the work when the corpus for the seed is present, and not when a file changed', async () => {
		const fingerprint = await generatorFingerprint(ROOT);
		expect(manifestA.generator.fingerprint).toBe(fingerprint);
		expect(await corpusIsCurrent(SEED, dirB, join(dirB, '_truth'), fingerprint)).toBe(true);
		expect(await corpusIsCurrent('other-seed', dirB, join(dirB, '_truth'), fingerprint)).toBe(false);
		expect(await corpusIsCurrent(SEED, dirB, join(dirB, '_truth'), 'other-code')).toBe(false);
		const again = await generateCorpus({ seed: SEED, root: ROOT, outDir: dirB, truthDir: join(dirB, '_truth'), only });
		expect(again.skipped).toBe(true);
		const victim = manifestA.files.find((f) => f.kind === 'fillable-form')!;
		await writeFile(join(dirB, victim.file), 'tampered');
		expect(await corpusIsCurrent(SEED, dirB, join(dirB, '_truth'), fingerprint)).toBe(false);
	});

	it('marks every readable PDF synthetic in its metadata, and visibly on its pages', async () => {
		for (const f of manifestA.files.filter((x) => ['fillable-form', 'flattened-form', 'own-template', 'scan'].includes(x.kind))) {
			const { pages, info } = await readPdf(new Uint8Array(await readFile(join(dirA, f.file))));
			expect(String(info.Keywords ?? ''), f.file).toContain(SYNTHETIC_KEYWORD);
			expect(String(info.Subject ?? ''), f.file).toMatch(/SYNTEETTINEN|SYNTETISKT/);
			if (f.kind !== 'scan') {
				for (const page of pages) expect(squash(page), f.file).toContain(squash(SYNTHETIC_LINE));
			} else {
				// A scan has no text layer at all (its visible stamp is drawn as outlines).
				expect(pages.join('').trim(), f.file).toBe('');
			}
		}
	});

	it('makes broken files broken the way the truth expects', async () => {
		const broken = manifestA.files.filter((f) => ['truncated', 'not-pdf', 'empty-file'].includes(f.kind));
		expect(new Set(broken.map((b) => b.kind))).toEqual(new Set(['truncated', 'not-pdf', 'empty-file']));
		for (const f of broken) {
			const bytes = await readFile(join(dirA, f.file));
			const truth = await truthOf(f.file);
			expect(truth.expected_ingest.outcome).toBe('error');
			const head = bytes.subarray(0, 5).toString('latin1');
			const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
			if (f.kind === 'empty-file') expect(bytes.length).toBe(0);
			if (f.kind === 'not-pdf') expect(head).not.toBe('%PDF-');
			if (f.kind === 'truncated') {
				expect(head).toBe('%PDF-');
				expect(tail).not.toContain('%%EOF');
			}
			expect(truth.expected_ingest.error_codes).toEqual([{ 'empty-file': 'empty', 'not-pdf': 'not-pdf', truncated: 'truncated' }[f.kind]]);
		}
		// Both not-PDF variants (a web page and an office file) occur.
		const notPdf = await Promise.all(broken.filter((f) => f.kind === 'not-pdf').map(async (f) => (await readFile(join(dirA, f.file))).subarray(0, 2).toString('latin1')));
		expect(new Set(notPdf)).toEqual(new Set(['<!', 'PK']));
	});

	it('puts every truth fact into the text a PDF reader gets back', async () => {
		let checked = 0;
		for (const f of manifestA.files.filter((x) => ['fillable-form', 'flattened-form', 'own-template'].includes(x.kind))) {
			const truth = await truthOf(f.file);
			const { pages, fields } = await readPdf(new Uint8Array(await readFile(join(dirA, f.file))));
			const text = squash(f.kind === 'fillable-form' ? fields.join(' ') : pages.join(' '));
			for (const fact of [...truth.languages, ...truth.providers, ...truth.arrangements, ...truth.municipality_mentions]) {
				expect(text.includes(squash(fact.text)), `${f.file} ${fact.key}: "${fact.text}"`).toBe(true);
				checked++;
			}
			if (f.kind === 'fillable-form') {
				// The fillable form keeps each value exactly as written.
				for (const [key, value] of Object.entries(truth.values)) {
					if (value.trim() !== '') expect(fields, `${f.file} ${key}`).toContain(value);
				}
			}
		}
		expect(checked).toBeGreaterThan(200);
	});
});

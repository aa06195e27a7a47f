/**
 * Turns a composed document into file bytes: the form (fillable or flattened) or the
 * municipality's own template through the project's PDF writer (always `synthetic: true`), or
 * one of the deliberately broken files (truncated, not a PDF, empty, image-only scan).
 */
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { renderForm, renderOwnTemplate, SYNTHETIC_KEYWORD, SYNTHETIC_LINE, type FormFonts, type PdfMetadata } from '../tools/pdf-writer';
import { ANSWER_FIELDS, TEMPLATE_LABEL } from '../src/lib/programme/form-tem-2024';
import type { Composed } from './compose';
import type { DocPlan } from './plan';
import type { Rng } from './random';

export interface RenderInput {
	plan: DocPlan;
	composed: Composed;
	fonts: FormFonts;
	rng: Rng;
}

export interface Rendered {
	bytes: Uint8Array;
	/** Fields added that are not the form's (fillable forms only). */
	unmapped: { field_name: string; text: string }[];
}

function metadata(plan: DocPlan, composed: Composed): PdfMetadata {
	const sv = plan.language === 'sv';
	const [y, m, d] = plan.date.iso.split('-').map(Number);
	return {
		title: `${composed.organisation} – ${sv ? 'integrationsprogram' : 'kotoutumisohjelma'} ${plan.date.text}`,
		author: composed.organisation,
		subject: sv
			? `Dokument som beskriver integrationsprogrammet (SYNTETISKT DEMOMATERIAL, ${TEMPLATE_LABEL})`
			: `Kotoutumisohjelmaa kuvaava asiakirja (SYNTEETTINEN DEMOAINEISTO, lomake ${TEMPLATE_LABEL})`,
		keywords: [sv ? 'integrationsprogram' : 'kotoutumisohjelma', 'demo', SYNTHETIC_KEYWORD],
		creator: 'Kotokartta demo corpus (synthetic)',
		// The document's own date, so the same seed always gives the same bytes.
		date: new Date(Date.UTC(y, m - 1, d))
	};
}

/** Extra fields some municipalities add to the form (attachments, notes): kept by the ingest as `unmapped`. */
const EXTRA_FIELDS = [
	{ name: 'Lisätietoja', value: 'Kotoutumisohjelman toimenpidesuunnitelma on asiakirjan liitteenä.' },
	{ name: 'Liite 1', value: 'Kotoutumisen työryhmän kokoonpano' },
	{ name: 'Text1', value: 'Päivitetty versio korvaa aiemman asiakirjan.' }
];

/** Label variants of another printing of the form: same field, whitespace and colons differ. */
function labelVariants(rng: Rng): Record<string, string> {
	const out: Record<string, string> = {};
	for (const f of rng.sample(ANSWER_FIELDS.filter((x) => x.section !== 'header'), 6)) {
		out[f.key] = f.fieldName.replace(/\s+/g, ' ').trim();
	}
	return out;
}

export async function renderDocument(input: RenderInput): Promise<Rendered> {
	const { plan, composed, fonts, rng } = input;
	const meta = metadata(plan, composed);
	switch (plan.kind) {
		case 'fillable-form':
		case 'flattened-form': {
			const fillable = plan.kind === 'fillable-form';
			const extra = fillable && rng.chance(0.05) ? [rng.pick(EXTRA_FIELDS)] : [];
			const bytes = await renderForm({
				fonts,
				values: composed.values,
				omitKeys: composed.omitKeys,
				fieldNames: fillable && rng.chance(0.08) ? labelVariants(rng) : undefined,
				extraFields: extra,
				mode: fillable ? 'fillable' : 'flattened',
				metadata: meta,
				synthetic: true
			});
			return { bytes, unmapped: extra.map((e) => ({ field_name: e.name, text: e.value })) };
		}
		case 'own-template': {
			const bytes = await renderOwnTemplate({
				fonts,
				values: composed.values,
				language: plan.language === 'sv' ? 'sv' : 'fi',
				organisation: composed.organisation,
				includeTable: composed.includeTable,
				metadata: meta,
				synthetic: true
			});
			return { bytes, unmapped: [] };
		}
		case 'truncated': {
			// A download cut off part-way: the start of a real rendering, no end-of-file marker.
			const full = await renderForm({ fonts, values: composed.values, mode: 'fillable', metadata: meta, synthetic: true });
			// Variant 0 stops early (inside the page content), variant 1 just before the end (the trailer is lost).
			const cut = plan.variant === 0 ? Math.floor(full.length * (0.35 + rng.next() * 0.2)) : full.length - 200 - rng.int(0, 400);
			return { bytes: full.slice(0, cut), unmapped: [] };
		}
		case 'not-pdf':
			return { bytes: plan.variant % 2 === 0 ? htmlPage(composed) : zipArchive(composed), unmapped: [] };
		case 'empty-file':
			return { bytes: new Uint8Array(0), unmapped: [] };
		case 'scan':
			return { bytes: await scannedPdf(composed, fonts, rng, meta), unmapped: [] };
	}
}

// ---------------------------------------------------------------- not a PDF

/** What a server returns instead of the file (saved with the .pdf name). */
function htmlPage(composed: Composed): Uint8Array {
	const html =
		'<!DOCTYPE html>\n<html lang="fi"><head><meta charset="utf-8"><title>404 – Sivua ei löytynyt</title></head>\n' +
		`<body><h1>Sivua ei löytynyt</h1><p>${composed.organisation}: hakemaasi asiakirjaa ei löytynyt.</p>\n` +
		`<p>${SYNTHETIC_LINE}</p></body></html>\n`;
	return new TextEncoder().encode(html);
}

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** A word-processor file (a ZIP, like .docx) saved under a .pdf name; one stored entry. */
function zipArchive(composed: Composed): Uint8Array {
	const name = new TextEncoder().encode('kotoutumisohjelma.txt');
	const data = new TextEncoder().encode(`${composed.organisation} – kotoutumisohjelma (luonnos)\n${SYNTHETIC_LINE}\n`);
	const crc = crc32(data);
	const local = new DataView(new ArrayBuffer(30));
	local.setUint32(0, 0x04034b50, true);
	local.setUint16(4, 20, true);
	local.setUint32(14, crc, true);
	local.setUint32(18, data.length, true);
	local.setUint32(22, data.length, true);
	local.setUint16(26, name.length, true);
	const central = new DataView(new ArrayBuffer(46));
	central.setUint32(0, 0x02014b50, true);
	central.setUint16(4, 20, true);
	central.setUint16(6, 20, true);
	central.setUint32(16, crc, true);
	central.setUint32(20, data.length, true);
	central.setUint32(24, data.length, true);
	central.setUint16(28, name.length, true);
	const centralOffset = 30 + name.length + data.length;
	const end = new DataView(new ArrayBuffer(22));
	end.setUint32(0, 0x06054b50, true);
	end.setUint16(8, 1, true);
	end.setUint16(10, 1, true);
	end.setUint32(12, 46 + name.length, true);
	end.setUint32(16, centralOffset, true);
	const parts = [new Uint8Array(local.buffer), name, data, new Uint8Array(central.buffer), name, new Uint8Array(end.buffer)];
	const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

// ---------------------------------------------------------------- scan

const SCAN_W = 827;
const SCAN_H = 1169;

/** A grey-scale page image that looks like scanned text: paper tone, speckles and bars for lines of words. */
function scanImage(rng: Rng, page: number): Uint8Array {
	const px = new Uint8Array(SCAN_W * SCAN_H).fill(238);
	const dark = (x0: number, y0: number, w: number, h: number, tone: number) => {
		for (let y = Math.max(0, y0); y < Math.min(SCAN_H, y0 + h); y++) {
			for (let x = Math.max(0, x0); x < Math.min(SCAN_W, x0 + w); x++) px[y * SCAN_W + x] = tone;
		}
	};
	let y = page === 0 ? 150 : 90;
	if (page === 0) dark(80, 90, 420, 22, 60); // title
	while (y < SCAN_H - 110) {
		if (rng.chance(0.12)) {
			y += 18; // paragraph break
			dark(80, y, rng.int(180, 380), 11, 70); // heading
			y += 24;
			continue;
		}
		let x = 80;
		const lineEnd = rng.chance(0.15) ? rng.int(250, 600) : SCAN_W - 80;
		while (x < lineEnd) {
			const w = rng.int(18, 70);
			dark(x, y, Math.min(w, lineEnd - x), 8, rng.int(70, 110));
			x += w + rng.int(6, 10);
		}
		y += 17;
	}
	for (let i = 0; i < 1500; i++) px[rng.int(0, px.length - 1)] = rng.int(150, 210);
	return encodePng(px, SCAN_W, SCAN_H);
}

function encodePng(gray: Uint8Array, width: number, height: number): Uint8Array {
	const raw = new Uint8Array((width + 1) * height);
	for (let y = 0; y < height; y++) raw.set(gray.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
	const chunk = (type: string, data: Uint8Array) => {
		const out = new Uint8Array(12 + data.length);
		const view = new DataView(out.buffer);
		view.setUint32(0, data.length);
		const typed = new TextEncoder().encode(type);
		out.set(typed, 4);
		out.set(data, 8);
		view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
		return out;
	};
	const ihdr = new Uint8Array(13);
	const v = new DataView(ihdr.buffer);
	v.setUint32(0, width);
	v.setUint32(4, height);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 0; // grey-scale
	const parts = [
		new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', new Uint8Array(deflateSync(raw, { level: 6 }))),
		chunk('IEND', new Uint8Array(0))
	];
	const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

interface FontkitCommand {
	command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
	args: number[];
}

/**
 * Text as vector outlines (SVG path data, y down): visible on the page but not a text layer,
 * so the scan stays a scan for any reader.
 */
function outlinedText(fontBytes: Uint8Array, text: string): { path: string; width: number; unitsPerEm: number } {
	const font = fontkit.create(fontBytes);
	let pen = 0;
	const parts: string[] = [];
	for (const glyph of font.glyphsForString(text)) {
		const commands = (glyph.path as unknown as { commands: FontkitCommand[] }).commands;
		for (const { command, args } of commands) {
			const pts = args.map((a, i) => (i % 2 === 0 ? pen + a : -a).toFixed(0));
			const op = { moveTo: 'M', lineTo: 'L', quadraticCurveTo: 'Q', bezierCurveTo: 'C', closePath: 'Z' }[command];
			parts.push(`${op}${pts.join(' ')}`);
		}
		pen += glyph.advanceWidth;
	}
	return { path: parts.join(''), width: pen, unitsPerEm: font.unitsPerEm };
}

async function scannedPdf(composed: Composed, fonts: FormFonts, rng: Rng, meta: PdfMetadata): Promise<Uint8Array> {
	const doc = await PDFDocument.create({ updateMetadata: false });
	const stamp = outlinedText(fonts.bold, SYNTHETIC_LINE);
	const pages = rng.int(2, 3);
	for (let n = 0; n < pages; n++) {
		const page = doc.addPage([595.28, 841.89]);
		const png = await doc.embedPng(scanImage(rng.fork(`page:${n}`), n));
		page.drawImage(png, { x: 0, y: 0, width: 595.28, height: 841.89 });
		const size = 7.5;
		const scale = size / stamp.unitsPerEm;
		const x = (595.28 - stamp.width * scale) / 2;
		for (const y of [820, 18]) page.drawSvgPath(stamp.path, { x, y, scale, color: rgb(0.72, 0.05, 0.05) });
	}
	doc.setTitle(meta.title ?? composed.organisation);
	doc.setAuthor(meta.author ?? composed.organisation);
	doc.setSubject(`${meta.subject ?? ''} – skannattu kopio`);
	doc.setKeywords(meta.keywords ?? [SYNTHETIC_KEYWORD]);
	doc.setCreator('Kotokartta demo corpus (synthetic scan)');
	doc.setProducer('Kotokartta demo corpus');
	doc.setCreationDate(meta.date!);
	doc.setModificationDate(meta.date!);
	return doc.save();
}

/**
 * A minimal PDF writer for hostile inputs: objects as written (so they can be wrong on purpose),
 * numbered from 1, with a correct cross-reference table unless told otherwise. pdf-lib would
 * refuse or repair most of what the hostile suite needs (loops, lying counts, bombs).
 */
import { createDeflate, deflateSync } from 'node:zlib';

/** An object body: text (a dictionary, array, …), bytes, or a stream (its /Length is added). */
export type RawObject = string | Buffer | { dict: string; stream: Uint8Array };

export interface RawPdfOptions {
	/** Extra trailer entries, e.g. `/Info 5 0 R`. */
	trailer?: string;
	/** Root object number (default 1). */
	root?: number;
}

export function rawPdf(objects: readonly RawObject[], opts: RawPdfOptions = {}): Buffer {
	const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
	let size = parts[0].length;
	const push = (b: Buffer) => {
		parts.push(b);
		size += b.length;
	};
	const offsets: number[] = [];
	objects.forEach((o, i) => {
		offsets.push(size);
		push(Buffer.from(`${i + 1} 0 obj\n`, 'latin1'));
		if (typeof o === 'string') push(Buffer.from(o, 'latin1'));
		else if (Buffer.isBuffer(o)) push(o);
		else {
			push(Buffer.from(`${o.dict.replace(/^<</, `<< /Length ${o.stream.length}`)}\nstream\n`, 'latin1'));
			push(Buffer.from(o.stream));
			push(Buffer.from('\nendstream', 'latin1'));
		}
		push(Buffer.from('\nendobj\n', 'latin1'));
	});
	const xref = size;
	const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
	push(
		Buffer.from(
			`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${objects.length + 1} /Root ${opts.root ?? 1} 0 R ${opts.trailer ?? ''}>>\nstartxref\n${xref}\n%%EOF\n`,
			'latin1'
		)
	);
	return Buffer.concat(parts);
}

/** A page content stream that writes `lines` in Helvetica (font resource /F1). */
export function textContent(lines: readonly string[], size = 11): Buffer {
	const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
	const body = lines.map((l, i) => `BT /F1 ${size} Tf 60 ${780 - i * (size + 5)} Td (${esc(l)}) Tj ET`).join('\n');
	return Buffer.from(body, 'latin1');
}

export const HELVETICA = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

/** A one-page document: catalog 1, pages 2, page 3, content 4, font 5, then `extra` objects (6…). */
export function onePage(content: RawObject, extra: readonly RawObject[] = [], opts: { catalog?: string; page?: string; resources?: string; mediaBox?: string } = {}): Buffer {
	return rawPdf([
		`<< /Type /Catalog /Pages 2 0 R ${opts.catalog ?? ''}>>`,
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		`<< /Type /Page /Parent 2 0 R /MediaBox ${opts.mediaBox ?? '[0 0 595 842]'} /Resources ${opts.resources ?? '<< /Font << /F1 5 0 R >> >>'} /Contents 4 0 R ${opts.page ?? ''}>>`,
		content,
		HELVETICA,
		...extra
	]);
}

const deflatedCache = new Map<string, Promise<Buffer>>();

/** zlib (FlateDecode) of `prefix`, `bytes` bytes of `fill`, `suffix`; streamed, so the generator never holds them. */
export function deflatedZeros(bytes: number, fill = 0, prefix?: Buffer, suffix?: Buffer): Promise<Buffer> {
	const key = `${bytes}/${fill}/${prefix?.toString('hex')}/${suffix?.toString('hex')}`;
	let p = deflatedCache.get(key);
	if (!p) deflatedCache.set(key, (p = deflateStreamed(bytes, fill, prefix, suffix)));
	return p;
}

async function deflateStreamed(bytes: number, fill: number, prefix?: Buffer, suffix?: Buffer): Promise<Buffer> {
	const d = createDeflate({ level: 1 });
	const parts: Buffer[] = [];
	d.on('data', (c: Buffer) => parts.push(c));
	const done = new Promise<void>((ok, fail) => {
		d.on('end', ok);
		d.on('error', fail);
	});
	if (prefix) d.write(prefix);
	const chunk = Buffer.alloc(16 * 1024 * 1024, fill);
	for (let left = bytes; left > 0; left -= chunk.length) {
		if (!d.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await new Promise((ok) => d.once('drain', ok));
	}
	d.end(suffix);
	await done;
	return Buffer.concat(parts);
}

export const deflate = (b: Uint8Array) => deflateSync(b, { level: 9 });

/** A PDF string in PDFDocEncoding (Latin-1 covers Finnish and Swedish): parentheses and backslashes escaped. */
export function pdfString(text: string): Buffer {
	return Buffer.from(`(${text.replace(/[\\()\r]/g, (c) => (c === '\r' ? '\\r' : `\\${c}`))})`, 'latin1');
}

/**
 * A fillable form written by hand: one page, one text field per entry (name and value in
 * PDFDocEncoding). For values pdf-lib cannot lay out (10 MB answers).
 */
export function rawForm(fields: readonly { name: string; value: string }[]): Buffer {
	const first = 6;
	const refs = fields.map((_, i) => `${first + i} 0 R`).join(' ');
	const objects: RawObject[] = [
		`<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [${refs}] >> >>`,
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [${refs}] >>`,
		{ dict: '<<>>', stream: textContent(['Kotoutumisohjelma']) },
		HELVETICA
	];
	return rawPdf([
		...objects,
		...fields.map((f, i) =>
			Buffer.concat([
				Buffer.from('<< /FT /Tx /Ff 4096 /Type /Annot /Subtype /Widget /P 3 0 R /F 4 /T ', 'latin1'),
				pdfString(f.name),
				Buffer.from(` /Rect [60 ${800 - (i % 40) * 20} 540 ${815 - (i % 40) * 20}] /V `, 'latin1'),
				pdfString(f.value),
				Buffer.from(' >>', 'latin1')
			])
		)
	]);
}

/**
 * An incremental update, as a PDF editor saves one: `objects` appended as new objects after the
 * original bytes, with a cross-reference section pointing back to the original and `trailer`
 * entries (where `{n}` is the number of the first new object).
 */
export function appendUpdate(original: Buffer, objects: readonly RawObject[], trailer: string): Buffer {
	const text = original.toString('latin1');
	const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
	const root = [...text.matchAll(/\/Root (\d+ \d+) R/g)].at(-1)?.[1];
	const size = Math.max(...[...text.matchAll(/\/Size (\d+)/g)].map((m) => Number(m[1])));
	if (!Number.isFinite(prev) || !root || !Number.isFinite(size)) throw new Error('appendUpdate: no trailer found');
	const parts: Buffer[] = [original, Buffer.from('\n')];
	let at = original.length + 1;
	const offsets: number[] = [];
	objects.forEach((o, i) => {
		const body = typeof o === 'string' ? Buffer.from(o, 'latin1') : Buffer.isBuffer(o) ? o : Buffer.concat([Buffer.from(`${o.dict.replace(/^<</, `<< /Length ${o.stream.length}`)}\nstream\n`, 'latin1'), Buffer.from(o.stream), Buffer.from('\nendstream', 'latin1')]);
		const obj = Buffer.concat([Buffer.from(`${size + i} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
		offsets.push(at);
		parts.push(obj);
		at += obj.length;
	});
	const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
	parts.push(
		Buffer.from(
			`xref\n${size} ${objects.length}\n${rows}trailer\n<< /Size ${size + objects.length} /Root ${root} R /Prev ${prev} ${trailer.replaceAll('{n}', String(size))} >>\nstartxref\n${at}\n%%EOF\n`,
			'latin1'
		)
	);
	return Buffer.concat(parts);
}

/**
 * The TEM 3.9.2024 form as a PDF: fillable (AcroForm text fields named exactly like the real
 * form's fields) or flattened (the same layout with the answers as page text).
 *
 * Layout rule: every question is printed ABOVE its full-width box, never beside it, so the text
 * layer of a flattened copy reads question, answer, question, answer… in order.
 */
import {
	PDFDocument,
	PDFFont,
	PDFName,
	PDFRef,
	PDFString,
	PDFHexString,
	beginMarkedContent,
	beginText,
	clip,
	endMarkedContent,
	endPath,
	endText,
	popGraphicsState,
	pushGraphicsState,
	rectangle,
	setFillingColor,
	setFontAndSize,
	setTextMatrix,
	showText,
	type PDFOperator
} from 'pdf-lib';
import {
	ALL_FIELDS,
	CLIENT_GROUPS,
	FORM_INTRO,
	FORM_LINKS,
	FORM_TITLE,
	SECTIONS,
	SECTION_LEAD,
	TABLE_FIELDS,
	TABLE_ROWS,
	TEMPLATE_LABEL,
	type FormField
} from '../../src/lib/programme/form-tem-2024';
import {
	ACCENT,
	BLACK,
	CONTENT_WIDTH,
	Flow,
	GREY,
	MARGIN_LEFT,
	RULE,
	embedFonts,
	wrapText,
	type TextStyle
} from './layout';
import { formList } from './list';
import { applyMetadata } from './metadata';
import type { FormRenderOptions } from './types';
import { rgb } from 'pdf-lib';

/** Header of the table's first column, as the form prints it. */
const TABLE_LABEL_COLUMN = 'Palvelu/toimenpide:';

/** Style of the text inside a box (the field's appearance, or the page text of a flattened copy). */
interface BoxStyle {
	size: number;
	leading: number;
	pad: number;
}

const ANSWER_BOX: BoxStyle = { size: 10, leading: 12.5, pad: 4 };
const TABLE_BOX: BoxStyle = { size: 8.5, leading: 10.5, pad: 3 };
const BOX_FILL = rgb(0.965, 0.972, 0.985);

/** Minimum box heights: room to write in the blank form. */
const MIN_SINGLE = 20;
const MIN_HEADER = 62;
const MIN_ANSWER = 88;
const MIN_TABLE_ROW = 40;

/** An empty field's /DA names standard Helvetica (what viewers use when a person types); see addField. */
const HELVETICA_KEY = 'Helv';

function checkFieldName(name: string, what: string): void {
	if (typeof name !== 'string' || name.length === 0) throw new Error(`renderForm: ${what}: empty field name`);
	// pdf-lib (and the PDF spec) treat dots as the separator of a field hierarchy.
	if (name.includes('.')) throw new Error(`renderForm: ${what}: field name "${name}" contains a dot; PDF field names nest on dots`);
}

function validate(opts: FormRenderOptions): void {
	if (!opts || !opts.fonts) throw new Error('renderForm: options.fonts (regular and bold TTF bytes) is required');
	const known = new Set(ALL_FIELDS.map((f) => f.key));
	for (const k of Object.keys(opts.values ?? {})) if (!known.has(k)) throw new Error(`renderForm: values: unknown key "${k}"`);
	for (const [k, v] of Object.entries(opts.values ?? {}))
		if (typeof v !== 'string') throw new Error(`renderForm: values: value of "${k}" is not a string`);
	for (const [k, n] of Object.entries(opts.fieldNames ?? {})) {
		if (!known.has(k)) throw new Error(`renderForm: fieldNames: unknown key "${k}"`);
		checkFieldName(n, `fieldNames["${k}"]`);
	}
	for (const k of opts.omitKeys ?? []) if (!known.has(k)) throw new Error(`renderForm: omitKeys: unknown key "${k}"`);
	for (const e of opts.extraFields ?? []) checkFieldName(e.name, 'extraFields');
	if (opts.mode !== undefined && opts.mode !== 'fillable' && opts.mode !== 'flattened')
		throw new Error(`renderForm: mode must be 'fillable' or 'flattened', got "${String(opts.mode)}"`);
}

/** Operators for a text field's normal appearance: the value wrapped exactly like the flattened page text. */
function appearanceOps(text: string, width: number, height: number, font: PDFFont, box: BoxStyle, singleLine: boolean): PDFOperator[] {
	const ops: PDFOperator[] = [beginMarkedContent('Tx'), pushGraphicsState(), rectangle(1, 1, width - 2, height - 2), clip(), endPath()];
	const lines = singleLine ? wrapText(text.split(/\r\n?|\n/)[0] ?? '', font, box.size, 1e6) : wrapText(text, font, box.size, width - 2 * box.pad);
	if (text !== '') {
		ops.push(beginText(), setFillingColor(BLACK), setFontAndSize(font.name, box.size));
		let y = singleLine ? (height - box.size * 0.72) / 2 : height - box.pad - box.size * 0.93;
		for (const line of lines) {
			if (y < -box.size) break;
			if (line !== '') ops.push(setTextMatrix(1, 0, 0, 1, box.pad, y), showText(font.encodeText(line)));
			y -= box.leading;
		}
		ops.push(endText());
	}
	ops.push(popGraphicsState(), endMarkedContent());
	return ops;
}

class FormWriter {
	private readonly fillable: boolean;
	private readonly values: Readonly<Record<string, string>>;
	private readonly names: Readonly<Record<string, string>>;
	private readonly omit: ReadonlySet<string>;
	private readonly fieldNames = new Set<string>();
	private readonly fieldRefs: PDFRef[] = [];

	private readonly body: TextStyle;
	private readonly small: TextStyle;
	private readonly help: TextStyle;
	private readonly label: TextStyle;
	private readonly heading: TextStyle;

	constructor(
		private readonly flow: Flow,
		opts: FormRenderOptions
	) {
		this.fillable = (opts.mode ?? 'fillable') === 'fillable';
		this.values = opts.values ?? {};
		this.names = opts.fieldNames ?? {};
		this.omit = new Set(opts.omitKeys ?? []);
		const { regular, bold } = flow.fonts;
		this.body = { font: regular, size: 9.5, leading: 12.5 };
		this.small = { font: regular, size: 9, leading: 11.5 };
		this.help = { font: regular, size: 8.5, leading: 11, color: GREY };
		this.label = { font: bold, size: 9.5, leading: 12.5 };
		this.heading = { font: bold, size: 12, leading: 15, color: ACCENT };
	}

	private value(key: string): string {
		return this.values[key] ?? '';
	}

	private fieldName(f: FormField): string {
		return this.names[f.key] ?? f.fieldName;
	}

	/** The box at (x, top) of the given size: page frame always; a field (fillable) or the text (flattened). */
	private box(name: string, value: string, x: number, top: number, width: number, height: number, box: BoxStyle, singleLine: boolean): void {
		const page = this.flow.page;
		page.drawRectangle({ x, y: top - height, width, height, color: BOX_FILL, borderColor: RULE, borderWidth: 0.75 });
		if (this.fillable) {
			this.addField(name, value, x, top - height, width, height, box, singleLine);
			return;
		}
		const font = this.flow.fonts.regular;
		const lines = singleLine ? [value.split(/\r\n?|\n/)[0] ?? ''] : wrapText(value, font, box.size, width - 2 * box.pad);
		let y = singleLine ? top - height + (height - box.size * 0.72) / 2 : top - box.pad - box.size * 0.93;
		for (const line of lines) {
			if (line !== '') page.drawText(line, { x: x + box.pad, y, size: box.size, font, color: BLACK });
			y -= box.leading;
		}
	}

	/**
	 * One text field with a single widget, written as a merged field/widget dictionary. Built at the
	 * object level because pdf-lib's createTextField checks every existing name for duplicates
	 * (quadratic) and addToPage draws a throw-away appearance first: together most of the render
	 * time. The name goes in as a UTF-16 string exactly as given (newlines, tabs, trailing spaces).
	 */
	private addField(name: string, value: string, x: number, y: number, width: number, height: number, box: BoxStyle, singleLine: boolean): void {
		if (this.fieldNames.has(name)) throw new Error(`renderForm: two fields would be named "${name}"`);
		this.fieldNames.add(name);
		const { doc, fonts } = this.flow;
		const context = doc.context;
		const font = fonts.regular;
		const appearance = context.register(
			context.formXObject(appearanceOps(value, width, height, font, box, singleLine), {
				Resources: { Font: { [font.name]: font.ref } },
				BBox: [0, 0, width, height],
				Matrix: [1, 0, 0, 1, 0, 0]
			})
		);
		// Ff bit 13: multiline. A filled field names the embedded font in /DA (its subset has the value's glyphs).
		const dict = context.obj({
			FT: 'Tx',
			T: PDFHexString.fromText(name),
			Ff: singleLine ? 0 : 1 << 12,
			DA: PDFString.of(`/${value !== '' ? font.name : HELVETICA_KEY} ${box.size} Tf 0 g`),
			Type: 'Annot',
			Subtype: 'Widget',
			Rect: [x, y, x + width, y + height],
			F: 4,
			P: this.flow.page.ref,
			BS: { W: 0 },
			MK: {},
			AP: { N: appearance }
		});
		if (value !== '') dict.set(PDFName.of('V'), PDFHexString.fromText(value));
		const ref = context.register(dict);
		this.flow.page.node.addAnnot(ref);
		this.fieldRefs.push(ref);
	}

	/** Height the box needs for its value, at least `min`. */
	private boxHeight(value: string, width: number, box: BoxStyle, min: number): number {
		const lines = wrapText(value, this.flow.fonts.regular, box.size, width - 2 * box.pad);
		// Trailing empty lines need no room (Aura's answers end with blank lines).
		while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
		return Math.max(min, value === '' ? 0 : lines.length * box.leading + 2 * box.pad + 2);
	}

	/** Question (bold part label on its own line, then the question), help text, then the box. */
	private question(f: FormField, min: number): void {
		if (this.omit.has(f.key)) return;
		const flow = this.flow;
		const value = this.value(f.key);
		const m = /^([ABC]\.\s*[^:?]{1,40}:)\s*(.*)$/s.exec(f.question);
		const blocks: { text: string; style: TextStyle }[] = [];
		if (m) blocks.push({ text: m[1], style: this.label }, { text: m[2], style: this.body });
		else blocks.push({ text: f.question, style: this.body });
		if (f.help) blocks.push({ text: f.help, style: this.help });
		const questionHeight = blocks.reduce((h, b) => h + flow.measure(b.text, b.style), 0) + 3;
		const minBox = f.singleLine ? MIN_SINGLE : min;
		const need = f.singleLine ? MIN_SINGLE : this.boxHeight(value, CONTENT_WIDTH, ANSWER_BOX, minBox);

		if (questionHeight + need > flow.remaining) {
			// Start afresh unless the box is taller than a page anyway and a good part of this page is free.
			if (questionHeight + need <= flow.pageSpace || flow.remaining < questionHeight + Math.max(minBox, 160)) flow.newPage();
		}
		for (const b of blocks) flow.paragraph(b.text, b.style, { keepLines: 99 });
		flow.gap(3);

		if (this.fillable || f.singleLine || need <= flow.remaining) {
			// A fillable box cannot continue on the next page: it is as tall as the page allows (the value scrolls).
			const height = Math.min(need, flow.remaining);
			this.box(this.fieldName(f), value, MARGIN_LEFT, flow.y, CONTENT_WIDTH, height, ANSWER_BOX, !!f.singleLine);
			flow.gap(height);
		} else {
			this.flowingBox(value, ANSWER_BOX);
		}
		flow.gap(11);
	}

	/** Flattened answer longer than the page: the box continues on the next page, line by line. */
	private flowingBox(value: string, box: BoxStyle): void {
		const flow = this.flow;
		const lines = wrapText(value, flow.fonts.regular, box.size, CONTENT_WIDTH - 2 * box.pad);
		while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
		let i = 0;
		while (i < lines.length) {
			const fit = Math.max(1, Math.floor((flow.remaining - 2 * box.pad - 2) / box.leading));
			const chunk = lines.slice(i, i + fit);
			i += chunk.length;
			const height = chunk.length * box.leading + 2 * box.pad + 2;
			this.box('', chunk.join('\n'), MARGIN_LEFT, flow.y, CONTENT_WIDTH, height, box, false);
			flow.gap(height);
			if (i < lines.length) flow.newPage();
		}
	}

	cover(): void {
		const flow = this.flow;
		const title: TextStyle = { font: flow.fonts.bold, size: 15, leading: 19, color: ACCENT };
		flow.paragraph(FORM_TITLE, title);
		flow.gap(8);
		for (const p of FORM_INTRO) {
			flow.paragraph(p, this.body);
			flow.gap(5);
		}
		const linkStyle: TextStyle = { font: flow.fonts.regular, size: 9, leading: 12, color: ACCENT };
		for (const url of FORM_LINKS) {
			const top = flow.y;
			flow.paragraph(url, linkStyle);
			this.link(url, MARGIN_LEFT, flow.y, Math.min(CONTENT_WIDTH, linkStyle.font.widthOfTextAtSize(url, linkStyle.size)), top - flow.y);
		}
		flow.gap(14);
		const header = SECTIONS.find((s) => s.id === 'header');
		if (header) {
			flow.paragraph(header.title, this.heading);
			flow.gap(4);
		}
		for (const f of ALL_FIELDS.filter((x) => x.section === 'header')) this.question(f, MIN_HEADER);
	}

	private link(url: string, x: number, y: number, width: number, height: number): void {
		const { doc } = this.flow;
		const annot = doc.context.obj({
			Type: 'Annot',
			Subtype: 'Link',
			Rect: [x, y, x + width, y + height],
			Border: [0, 0, 0],
			A: { Type: 'Action', S: 'URI', URI: PDFString.of(url) }
		});
		this.flow.page.node.addAnnot(doc.context.register(annot));
	}

	sections(): void {
		const flow = this.flow;
		for (const s of SECTIONS) {
			if (s.id === 'header' || s.id === 'table') continue;
			flow.newPage();
			flow.paragraph(`${s.number}. ${s.title}${s.law ? ` (${s.law})` : ''}`, this.heading);
			flow.gap(5);
			if (s.instruction) flow.paragraph(s.instruction, this.body);
			flow.gap(6);
			flow.paragraph(SECTION_LEAD, this.body);
			flow.gap(10);
			for (const f of ALL_FIELDS.filter((x) => x.section === s.id)) this.question(f, MIN_ANSWER);
		}
	}

	/** The responsibility table: service rows × client-group columns, one field per cell. */
	table(): void {
		const flow = this.flow;
		const cells = TABLE_FIELDS.filter((f) => !this.omit.has(f.key));
		const title = SECTIONS.find((s) => s.id === 'table')?.title ?? 'Vastuutaulukko';
		flow.newPage();
		flow.paragraph(title, this.heading);
		flow.gap(8);
		const labelWidth = 150;
		const colWidth = (CONTENT_WIDTH - labelWidth) / CLIENT_GROUPS.length;
		const cellText: TextStyle = { font: flow.fonts.regular, size: 9, leading: 11.5 };
		const headText: TextStyle = { font: flow.fonts.bold, size: 9, leading: 11.5 };

		const drawHeader = () => {
			const heads = [TABLE_LABEL_COLUMN, ...CLIENT_GROUPS.map((g) => g.label)];
			const widths = [labelWidth, colWidth, colWidth];
			const wrapped = heads.map((h, i) => wrapText(h, headText.font, headText.size, widths[i] - 8));
			const height = Math.max(...wrapped.map((w) => w.length)) * headText.leading + 8;
			let x = MARGIN_LEFT;
			wrapped.forEach((lines, i) => {
				flow.page.drawRectangle({ x, y: flow.y - height, width: widths[i], height, color: rgb(0.9, 0.92, 0.95), borderColor: RULE, borderWidth: 0.75 });
				lines.forEach((l, j) =>
					flow.page.drawText(l, { x: x + 4, y: flow.y - 4 - headText.size - j * headText.leading, size: headText.size, font: headText.font, color: BLACK })
				);
				x += widths[i];
			});
			flow.gap(height);
		};
		drawHeader();

		TABLE_ROWS.forEach((row) => {
			const rowCells = CLIENT_GROUPS.map((g) => cells.find((c) => c.key === `table.${row.id}.${g.id}`));
			const labelLines = wrapText(row.label, cellText.font, cellText.size, labelWidth - 8);
			let height = Math.max(MIN_TABLE_ROW, labelLines.length * cellText.leading + 8);
			for (const c of rowCells) if (c) height = Math.max(height, this.boxHeight(this.value(c.key), colWidth, TABLE_BOX, MIN_TABLE_ROW));
			height = Math.min(height, flow.pageSpace - 60);
			if (height > flow.remaining) {
				flow.newPage();
				drawHeader();
			}
			const top = flow.y;
			flow.page.drawRectangle({ x: MARGIN_LEFT, y: top - height, width: labelWidth, height, borderColor: RULE, borderWidth: 0.75 });
			labelLines.forEach((l, j) =>
				flow.page.drawText(l, { x: MARGIN_LEFT + 4, y: top - 4 - cellText.size - j * cellText.leading, size: cellText.size, font: cellText.font, color: BLACK })
			);
			rowCells.forEach((c, i) => {
				const x = MARGIN_LEFT + labelWidth + i * colWidth;
				if (c) this.box(this.fieldName(c), this.value(c.key), x, top, colWidth, height, TABLE_BOX, false);
				else flow.page.drawRectangle({ x, y: top - height, width: colWidth, height, borderColor: RULE, borderWidth: 0.75 });
			});
			flow.gap(height);
		});
		flow.gap(12);
	}

	/** Fields that are not part of the form (tests of unmapped fields): printed with their name as the question. */
	extra(extraFields: readonly { name: string; value: string }[]): void {
		if (extraFields.length === 0) return;
		const flow = this.flow;
		flow.ensure(120);
		flow.paragraph('Lisätiedot', this.heading);
		flow.gap(6);
		for (const e of extraFields) {
			const questionHeight = flow.measure(e.name, this.body) + 3;
			const need = this.boxHeight(e.value, CONTENT_WIDTH, ANSWER_BOX, MIN_HEADER);
			if (questionHeight + Math.min(need, flow.pageSpace / 2) > flow.remaining) flow.newPage();
			flow.paragraph(e.name, this.body, { keepLines: 99 });
			flow.gap(3);
			if (this.fillable || need <= flow.remaining) {
				const height = Math.min(need, flow.remaining);
				this.box(e.name, e.value, MARGIN_LEFT, flow.y, CONTENT_WIDTH, height, ANSWER_BOX, false);
				flow.gap(height);
			} else this.flowingBox(e.value, ANSWER_BOX);
			flow.gap(11);
		}
	}

	/** "Lomakkeen kohdat luettelona": the list municipalities copy into their own templates. */
	listPage(): void {
		const flow = this.flow;
		const list = formList('fi');
		flow.newPage();
		flow.paragraph(list.title, { ...this.heading, size: 11, leading: 14 });
		flow.gap(4);
		flow.paragraph(list.instruction, this.small);
		flow.gap(8);
		const bold: TextStyle = { font: flow.fonts.bold, size: 9, leading: 11.5 };
		for (const s of list.sections) {
			flow.ensure(60);
			flow.paragraph(s.heading, bold);
			if (s.note) flow.paragraph(s.note, this.small);
			flow.gap(4);
			for (const p of s.parts) {
				p.items.forEach((item, i) => {
					const text = item.help ? `${item.question} ${item.help}` : item.question;
					if (i === 0) flow.labelled(p.label, text, bold, this.small, { indent: 12 });
					else flow.paragraph(text, this.small, { indent: 12 });
				});
				flow.gap(4);
			}
			flow.gap(6);
		}
	}

	/** AcroForm resources: the fonts the fields' /DA name, so a viewer that redraws a field finds them. */
	finishForm(): void {
		if (!this.fillable || this.fieldRefs.length === 0) return;
		const { doc, fonts } = this.flow;
		const fontDict: Record<string, PDFRef> = { [fonts.regular.name]: fonts.regular.ref };
		if (fonts.helvetica) fontDict[HELVETICA_KEY] = fonts.helvetica.ref;
		const acroForm = doc.context.obj({
			Fields: this.fieldRefs,
			DR: { Font: fontDict },
			DA: PDFString.of(`/${HELVETICA_KEY} 0 Tf 0 g`)
		});
		doc.catalog.set(PDFName.of('AcroForm'), doc.context.register(acroForm));
	}
}

export async function renderForm(opts: FormRenderOptions): Promise<Uint8Array> {
	validate(opts);
	const mode = opts.mode ?? 'fillable';
	const synthetic = opts.synthetic === true;
	const doc = await PDFDocument.create({ updateMetadata: false });
	const fonts = await embedFonts(doc, opts.fonts, { helvetica: mode === 'fillable' });
	const flow = new Flow({ doc, fonts, synthetic, footerLeft: TEMPLATE_LABEL });
	const writer = new FormWriter(flow, opts);
	writer.cover();
	writer.sections();
	writer.extra(opts.extraFields ?? []);
	writer.table();
	writer.listPage();
	flow.finish();
	writer.finishForm();
	applyMetadata(doc, opts.metadata, { title: FORM_TITLE, subject: `Lomake ${TEMPLATE_LABEL}`, language: 'fi-FI' }, synthetic);
	return doc.save({ updateFieldAppearances: false });
}

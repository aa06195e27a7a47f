/**
 * A municipality's own document that follows the form's list of questions ("Lomakkeen kohdat
 * luettelona"): letterhead, title, the header answers, then for each section its heading and,
 * for each part, the list's heading ("a. Kuvaus palvelusta: <question>") followed by the answer.
 * No form fields: this is what an extractor sees when a municipality did not use the form.
 *
 * A part with several questions (3a: s3.a1, s3.a2, s3.a3) prints each question followed by its
 * own answer, so a reader can split them again.
 */
import { PDFDocument } from 'pdf-lib';
import { ALL_FIELDS, ANSWER_FIELDS, CLIENT_GROUPS, FORM_TITLE, TABLE_ROWS } from '../../src/lib/programme/form-tem-2024';
import {
	CLIENT_GROUP_LABELS_SV,
	FORM_TITLE_SV,
	QUESTIONS_SV,
	SECTIONS_SV,
	TABLE_ROW_LABELS_SV,
	TABLE_SERVICE_HEADER_SV
} from '../../src/lib/programme/form-tem-2024-sv';
import { ACCENT, BLACK, CONTENT_WIDTH, Flow, MARGIN_LEFT, RULE, embedFonts, wrapText, type TextStyle } from './layout';
import { formList } from './list';
import { applyMetadata } from './metadata';
import type { OwnTemplateOptions } from './types';

/** The header fields' labels: the question up to its first colon ("Kunta tai kunnat:"). */
function headerLabel(key: string, language: 'fi' | 'sv'): string {
	const q = language === 'fi' ? (ANSWER_FIELDS.find((f) => f.key === key)?.question ?? key) : (QUESTIONS_SV[key]?.question ?? key);
	const m = /^[^:]*:/.exec(q);
	return m ? m[0] : q;
}

function validate(opts: OwnTemplateOptions): void {
	if (!opts || !opts.fonts) throw new Error('renderOwnTemplate: options.fonts (regular and bold TTF bytes) is required');
	if (opts.language !== 'fi' && opts.language !== 'sv') throw new Error(`renderOwnTemplate: language must be 'fi' or 'sv', got "${String(opts.language)}"`);
	if (typeof opts.organisation !== 'string' || opts.organisation.trim() === '') throw new Error('renderOwnTemplate: organisation (letterhead) is required');
	const known = new Set(ALL_FIELDS.map((f) => f.key));
	for (const [k, v] of Object.entries(opts.values ?? {})) {
		if (!known.has(k)) throw new Error(`renderOwnTemplate: values: unknown key "${k}"`);
		if (typeof v !== 'string') throw new Error(`renderOwnTemplate: values: value of "${k}" is not a string`);
	}
}

export async function renderOwnTemplate(opts: OwnTemplateOptions): Promise<Uint8Array> {
	validate(opts);
	const { language, organisation } = opts;
	const values = opts.values ?? {};
	const synthetic = opts.synthetic === true;
	const doc = await PDFDocument.create({ updateMetadata: false });
	const fonts = await embedFonts(doc, opts.fonts, { helvetica: false });
	const docName = language === 'fi' ? 'kotoutumisohjelma' : 'integrationsprogram';
	const flow = new Flow({ doc, fonts, synthetic, footerLeft: `${organisation} – ${docName}` });

	const body: TextStyle = { font: fonts.regular, size: 10, leading: 13.5 };
	const bold: TextStyle = { font: fonts.bold, size: 10, leading: 13.5 };
	const sectionHeading: TextStyle = { font: fonts.bold, size: 11.5, leading: 15, color: ACCENT };
	const answer = (text: string) => {
		// Trailing blank lines of an answer add nothing but space.
		const t = text.replace(/\s+$/, '');
		if (t !== '') flow.paragraph(t, body);
	};

	// Letterhead and title.
	flow.paragraph(organisation, { font: fonts.bold, size: 14, leading: 18, color: ACCENT });
	flow.page.drawLine({ start: { x: MARGIN_LEFT, y: flow.y - 2 }, end: { x: MARGIN_LEFT + CONTENT_WIDTH, y: flow.y - 2 }, thickness: 0.75, color: RULE });
	flow.gap(14);
	flow.paragraph(language === 'fi' ? FORM_TITLE : FORM_TITLE_SV, { font: fonts.bold, size: 13, leading: 17 });
	flow.gap(10);

	for (const f of ANSWER_FIELDS.filter((x) => x.section === 'header')) {
		const label = headerLabel(f.key, language);
		const value = values[f.key] ?? '';
		if (f.singleLine) flow.labelled(label, value.replace(/\s*\n\s*/g, ' '), bold, body);
		else {
			flow.paragraph(label, bold);
			answer(value);
		}
		flow.gap(7);
	}

	const list = formList(language);
	for (const s of list.sections) {
		flow.gap(8);
		flow.ensure(90);
		flow.paragraph(s.heading, sectionHeading, { keepLines: 99 });
		if (s.note) flow.paragraph(s.note, body);
		flow.gap(6);
		for (const p of s.parts) {
			p.items.forEach((item, i) => {
				const question = item.help ? `${item.question} ${item.help}` : item.question;
				flow.ensure(3 * bold.leading);
				flow.paragraph(i === 0 ? `${p.label} ${question}` : question, bold, { keepLines: 99 });
				flow.gap(2);
				answer(values[item.key] ?? '');
				flow.gap(7);
			});
		}
	}

	if (opts.includeTable) {
		flow.gap(10);
		flow.ensure(200);
		flow.paragraph(language === 'fi' ? 'Vastuutaulukko' : SECTIONS_SV.table.title, sectionHeading);
		flow.gap(6);
		const cell: TextStyle = { font: fonts.regular, size: 9, leading: 11.5 };
		const headCell: TextStyle = { font: fonts.bold, size: 9, leading: 11.5 };
		const widths = [150, (CONTENT_WIDTH - 150) / 2, (CONTENT_WIDTH - 150) / 2];
		const row = (texts: string[], style: TextStyle) => {
			const wrapped = texts.map((t, i) => wrapText(t.replace(/\s+$/, ''), style.font, style.size, widths[i] - 8));
			const height = Math.max(...wrapped.map((w) => w.length)) * style.leading + 8;
			if (height > flow.remaining) flow.newPage();
			let x = MARGIN_LEFT;
			wrapped.forEach((lines, i) => {
				flow.page.drawRectangle({ x, y: flow.y - height, width: widths[i], height, borderColor: RULE, borderWidth: 0.6 });
				lines.forEach((l, j) => {
					if (l !== '') flow.page.drawText(l, { x: x + 4, y: flow.y - 4 - style.size - j * style.leading, size: style.size, font: style.font, color: BLACK });
				});
				x += widths[i];
			});
			flow.gap(height);
		};
		row(
			language === 'fi'
				? ['Palvelu/toimenpide:', ...CLIENT_GROUPS.map((g) => g.label)]
				: [TABLE_SERVICE_HEADER_SV, ...CLIENT_GROUPS.map((g) => CLIENT_GROUP_LABELS_SV[g.id])],
			headCell
		);
		for (const r of TABLE_ROWS) {
			row(
				[language === 'fi' ? r.label : TABLE_ROW_LABELS_SV[r.id], ...CLIENT_GROUPS.map((g) => values[`table.${r.id}.${g.id}`] ?? '')],
				cell
			);
		}
	}

	flow.finish();
	applyMetadata(
		doc,
		opts.metadata,
		{ title: `${organisation} – ${docName}`, language: language === 'fi' ? 'fi-FI' : 'sv-FI' },
		synthetic
	);
	return doc.save();
}

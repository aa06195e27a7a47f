/**
 * Reading a programme from the text layer of its pages: flattened copies of the form and
 * municipalities' own documents that follow the form's list of questions, in Finnish or Swedish.
 *
 * The reader relies on the form's structure and wording (form-tem-2024.ts and the Swedish
 * wording), and on the ways municipalities reword it (text-layer-vocabulary.ts), never on how a
 * particular generator lays things out:
 *
 * - section headings numbered ("1.", "1)", "Kohta 1", "Punkt 1") or not, with the form's title
 *   or a shortened one; part headings ("a. Kuvaus palvelusta:", "B) Vastuutaho", run-in
 *   "Yhteistyö: …", Swedish "Beskrivning av tjänsten", "Ansvarig instans", "Samarbete"); the
 *   header's labels, the form's ("Kunta tai kunnat:") or shortened ("Yhteyshenkilö:",
 *   "Uppdaterad"), also as rows of a table (docs/reading-documents.md lists what is accepted);
 * - the questions printed after a heading are recognised by following the form's question text
 *   word by word, so what follows them (on the same line or below) is the answer;
 * - a part with several questions (3a: s3.a1, s3.a2, s3.a3) is split where its questions are
 *   printed separately (an answer, or a gap, between them); where they are printed together the
 *   whole answer goes to the first question's key and the others are reported missing;
 * - page headers and footers (the same line at the same place on most pages, in the margin) are
 *   dropped; two-column pages are read column by column;
 * - line breaks: wrapped lines are joined with a space, a line that ends short of the text's
 *   right edge keeps its line break, and blank lines are counted from the vertical gap.
 *
 * Provenance: the heading (first line) as field name, the page, and the answer's bounding box
 * on that page.
 *
 * Modules: text-layer-layout.ts (items → lines, furniture, answer text), text-layer-columns.ts
 * (two-column pages), text-layer-headings.ts and text-layer-vocabulary.ts (what a heading or
 * label looks like), text-layer-rows.ts (header tables), text-layer-reader.ts (the state machine:
 * headings and answers), text-layer-table.ts (the responsibility table).
 */
import { ALL_FIELDS, ANSWER_FIELDS, FIELD_BY_KEY } from './form-tem-2024';
import { answerFromLines, dropPageFurniture, rectOf, segments, typicalLeading, type Segment, type TextPage } from './text-layer-layout';
import { partKeys, Reader } from './text-layer-reader';
import { readTable } from './text-layer-table';
import type { Answer, InputKind, ProgrammeWarning, UnmappedField } from './types';

export type { TextItem, TextPage } from './text-layer-layout';

export type TextLayerResult =
	| { kind: 'no-text' }
	| { kind: 'not-programme'; reason: string }
	| {
			kind: 'programme';
			inputKind: Extract<InputKind, 'flattened-form' | 'own-template'>;
			answers: Answer[];
			unmapped: UnmappedField[];
			warnings: ProgrammeWarning[];
	  };

/* ------------------------------------------------------------------------------------------ */

const ORDER = new Map(ALL_FIELDS.map((f, i) => [f.key, i]));
/** Fewer recognised section and part headings than this: the text is not a programme. */
const MIN_SECTIONS = 3;
const MIN_PARTS = 6;

/** The usual type size of the text: the height most of its characters are set in. */
function bodyHeight(segs: readonly Segment[]): number {
	const chars = new Map<number, number>();
	for (const s of segs) {
		const h = Math.round(s.height * 2) / 2;
		chars.set(h, (chars.get(h) ?? 0) + s.text.length);
	}
	return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

export function readTextLayer(pages: readonly TextPage[]): TextLayerResult {
	const hasText = pages.some((p) => p.items.some((i) => i.str.trim() !== ''));
	if (!hasText) return { kind: 'no-text' };
	const segs = dropPageFurniture(segments(pages), pages.length);
	const reader = new Reader(bodyHeight(segs));
	reader.read(segs);
	const leadingOf = typicalLeading(segs);

	const partKeysFound = new Set(reader.blocks.filter((b) => !b.key.startsWith('header.')).map((b) => b.key));
	if (reader.sectionsSeen.size < MIN_SECTIONS && partKeysFound.size < MIN_PARTS) {
		return {
			kind: 'not-programme',
			reason: `found ${reader.sectionsSeen.size} of the form's 7 section headings and ${partKeysFound.size} part headings`
		};
	}

	const warnings: ProgrammeWarning[] = [];
	// A key printed twice (a flattened form repeats its list of questions at the end): keep the answered one.
	const byKey = new Map<string, Answer>();
	for (const b of reader.blocks) {
		const text = answerFromLines(b.lines, leadingOf);
		if (b.inList && text.trim() === '') continue;
		const def = FIELD_BY_KEY.get(b.key)!;
		const answer: Answer = {
			key: b.key,
			section: def.section,
			part: def.part,
			text,
			status: text.trim() === '' ? 'empty' : 'filled',
			source: { fieldName: b.heading, page: b.lines[0]?.page ?? b.headingPage, rect: rectOf(b.lines) }
		};
		const earlier = byKey.get(b.key);
		if (!earlier || (earlier.status === 'empty' && answer.status === 'filled')) byKey.set(b.key, answer);
		else if (answer.status === 'filled' && earlier.text !== answer.text) {
			warnings.push({
				code: 'repeated-part',
				message: `${b.key} is answered twice (pages ${earlier.source.page} and ${answer.source.page}); the first answer is kept.`
			});
		}
	}
	const table = readTable(reader.tableSegments, leadingOf);
	for (const a of table.answers) byKey.set(a.key, a);
	warnings.push(...table.warnings);

	// Sub-questions printed together with the first one, or not at all, while their part is there.
	const missingSub = new Set<string>();
	for (const f of ANSWER_FIELDS) {
		if (!/\d$/.test(f.part) || f.part.endsWith('1') || byKey.has(f.key)) continue;
		const first = partKeys(f.section, f.part[0])[0];
		if (byKey.has(first)) missingSub.add(f.key);
	}
	const byPart = new Map<string, string[]>();
	for (const key of missingSub) {
		const first = partKeys(FIELD_BY_KEY.get(key)!.section, FIELD_BY_KEY.get(key)!.part[0])[0];
		byPart.set(first, [...(byPart.get(first) ?? []), key]);
	}
	for (const [first, keys] of byPart) {
		const together = keys.every((k) => reader.combined.has(k));
		warnings.push({
			code: 'missing-subquestion',
			message: together
				? `The questions of ${first.slice(0, -1)} are printed together: the whole answer is kept under ${first}, and ${keys.join(', ')} ${keys.length === 1 ? 'is' : 'are'} reported missing.`
				: `${keys.join(', ')} ${keys.length === 1 ? 'has' : 'have'} no question of ${keys.length === 1 ? 'its' : 'their'} own in the document: the part's answer is kept under ${first}, and ${keys.length === 1 ? 'it is' : 'they are'} reported missing.`
		});
	}
	const missing = ANSWER_FIELDS.filter((f) => !byKey.has(f.key) && !missingSub.has(f.key)).map((f) => f.key);
	if (missing.length > 0) {
		warnings.push({
			code: 'missing-part',
			message: `No heading was found for ${missing.join(', ')}; ${missing.length === 1 ? 'that part is' : 'those parts are'} reported missing.`
		});
	}

	const unmapped: UnmappedField[] = reader.looseBlocks.map((l) => ({
		fieldName: l.heading,
		text: answerFromLines(l.lines, leadingOf),
		source: { fieldName: l.heading, page: l.page, rect: rectOf(l.lines) }
	}));
	for (const u of unmapped) {
		warnings.push({
			code: 'unmapped-text',
			message: `Text under "${u.fieldName.slice(0, 80)}" (page ${u.source.page}) is not under any part heading; it is kept as unmapped.`
		});
	}

	const answers = [...byKey.values()].sort((a, b) => ORDER.get(a.key)! - ORDER.get(b.key)!);
	const flattened = reader.leadSeen || reader.upperLabels > reader.lowerLabels;
	return { kind: 'programme', inputKind: flattened ? 'flattened-form' : 'own-template', answers, unmapped, warnings };
}

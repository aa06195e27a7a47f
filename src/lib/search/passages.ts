/**
 * Answers → passages: the pieces of text a search hit shows.
 *
 * An answer can run to thousands of characters; a hit is only useful with the sentence or
 * paragraph around it. We cut each answer at line breaks and sentence ends into passages of at
 * most `PASSAGE_MAX` characters, merging short lines (lists) so a passage has some context.
 * Every passage keeps its character offsets into the answer text, so a hit can be shown in place
 * and linked to the evidence (same convention as the dataset's span_start/span_end: UTF-16 units,
 * end exclusive).
 */

/** What the search needs from one row of the `answers` table. */
export interface SearchableAnswer {
	programmeId: string;
	/** Canonical key, e.g. `s3.a2`. */
	key: string;
	/** `header`, `1`…`7`, `table`, or null for unmapped fields. */
	section: string | null;
	text: string;
	/** The programme is synthetic demo data (ranked after real ones on equal terms, labelled). */
	synthetic?: boolean;
}

export interface Passage {
	programmeId: string;
	key: string;
	section: string | null;
	/** Offsets of the passage in the answer text: [start, end). */
	start: number;
	end: number;
	/** answerText.slice(start, end) */
	text: string;
	/** True when the answer has text before / after this passage (show an ellipsis). */
	before: boolean;
	after: boolean;
	synthetic: boolean;
}

/** Upper bound on a passage's length in UTF-16 units (a long word can only be cut harder). */
export const PASSAGE_MAX = 360;
/** A new line starts a new passage once the current one has at least this much text. */
const PARAGRAPH_BREAK_AT = 120;

interface Unit {
	start: number;
	end: number;
	/** The unit starts a line (paragraph or list item). */
	lineStart: boolean;
}

const SPACE = /\s/;

/** Sentence end: . ! ? … (and closing quotes/brackets) + space + something that starts a sentence. */
const SENTENCE_END = /[.!?…]["'”’)\]]*\s+(?=[\p{Lu}\p{N}"'“‘(\[«–-])/gu;

function trimRange(text: string, start: number, end: number): [number, number] {
	while (start < end && SPACE.test(text[start])) start++;
	while (end > start && SPACE.test(text[end - 1])) end--;
	return [start, end];
}

/** Does `at` fall between the two halves of a surrogate pair? */
function splitsPair(text: string, at: number): boolean {
	if (at <= 0 || at >= text.length) return false;
	const hi = text.charCodeAt(at - 1);
	const lo = text.charCodeAt(at);
	return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/** Cuts an over-long unit at spaces (or, for a run of text with no spaces, anywhere). */
function cutLong(text: string, unit: Unit, max: number): Unit[] {
	const out: Unit[] = [];
	let start = unit.start;
	let lineStart = unit.lineStart;
	while (unit.end - start > max) {
		let cut = start + max;
		let space = cut;
		while (space > start && !SPACE.test(text[space])) space--;
		if (space > start + max / 3) cut = space;
		else if (splitsPair(text, cut)) cut--;
		const [s, e] = trimRange(text, start, cut);
		if (e > s) out.push({ start: s, end: e, lineStart });
		lineStart = false;
		start = cut;
		while (start < unit.end && SPACE.test(text[start])) start++;
	}
	const [s, e] = trimRange(text, start, unit.end);
	if (e > s) out.push({ start: s, end: e, lineStart });
	return out;
}

function units(text: string, max: number): Unit[] {
	const out: Unit[] = [];
	let lineAt = 0;
	while (lineAt <= text.length) {
		let lineEnd = text.indexOf('\n', lineAt);
		if (lineEnd < 0) lineEnd = text.length;
		let at = lineAt;
		let first = true;
		const line = text.slice(lineAt, lineEnd);
		SENTENCE_END.lastIndex = 0;
		const cuts: number[] = [];
		for (let m = SENTENCE_END.exec(line); m; m = SENTENCE_END.exec(line)) cuts.push(lineAt + m.index + m[0].length);
		cuts.push(lineEnd);
		for (const cut of cuts) {
			const [s, e] = trimRange(text, at, cut);
			if (e > s) {
				const unit = { start: s, end: e, lineStart: first };
				out.push(...(e - s > max ? cutLong(text, unit, max) : [unit]));
				first = false;
			}
			at = cut;
		}
		lineAt = lineEnd + 1;
	}
	return out;
}

/** Splits an answer text into passage ranges [start, end), in order, none longer than `max`. */
export function passageRanges(text: string, max = PASSAGE_MAX): [number, number][] {
	const out: [number, number][] = [];
	let current: [number, number] | null = null;
	for (const u of units(text, max)) {
		if (current) {
			const length = current[1] - current[0];
			const fits = u.end - current[0] <= max;
			const newParagraph = u.lineStart && length >= PARAGRAPH_BREAK_AT;
			if (fits && !newParagraph) {
				current[1] = u.end;
				continue;
			}
			out.push(current);
		}
		current = [u.start, u.end];
	}
	if (current) out.push(current);
	return out;
}

/** Splits one answer into passages. Empty and whitespace-only answers give none. */
export function splitAnswer(answer: SearchableAnswer, max = PASSAGE_MAX): Passage[] {
	const { text } = answer;
	const ranges = passageRanges(text, max);
	const [first, last] = trimRange(text, 0, text.length);
	return ranges.map(([start, end]) => ({
		programmeId: answer.programmeId,
		key: answer.key,
		section: answer.section,
		start,
		end,
		text: text.slice(start, end),
		before: start > first,
		after: end < last,
		synthetic: answer.synthetic ?? false
	}));
}

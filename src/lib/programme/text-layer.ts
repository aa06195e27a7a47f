/**
 * Reading a programme from the text layer of its pages: flattened copies of the form and
 * municipalities' own documents that follow the form's list of questions, in Finnish or Swedish.
 *
 * The reader relies on the form's structure and its own wording (form-tem-2024.ts and the
 * Swedish wording), never on how a particular generator lays things out:
 *
 * - numbered section headings ("1." … "7." with the section's title), part headings
 *   ("A./a. Kuvaus palvelusta", "b. Vastuutaho", "c. Yhteistyö"; Swedish "Beskrivning av
 *   tjänsten", "Ansvarig aktör", "Samarbete"), the header's labels ("Kunta tai kunnat:" …);
 * - the questions printed after a heading are recognised by following the form's question text
 *   word by word, so what follows them (on the same line or below) is the answer;
 * - a part with several questions (3a: s3.a1, s3.a2, s3.a3) is split where its questions are
 *   printed separately (an answer, or a gap, between them); where they are printed together the
 *   whole answer goes to the first question's key and the others are reported missing;
 * - page headers and footers (the same line at the same place on most pages, in the margin) are dropped;
 * - line breaks: wrapped lines are joined with a space, a line that ends short of the text's
 *   right edge keeps its line break, and blank lines are counted from the vertical gap.
 *
 * Provenance: the heading (first line) as field name, the page, and the answer's bounding box
 * on that page.
 */
import { ANSWER_FIELDS, CLIENT_GROUPS, SECTIONS, SECTION_LEAD, TABLE_ROWS, FIELD_BY_KEY, ALL_FIELDS, type FormField } from './form-tem-2024';
import {
	CLIENT_GROUP_LABELS_SV,
	LIST_INSTRUCTION_SV,
	LIST_TITLE_SV,
	QUESTIONS_SV,
	SECTIONS_SV,
	SECTION_LEAD_SV,
	TABLE_ROW_LABELS_SV
} from './form-tem-2024-sv';
import { wordsMatch } from './labels';
import type { Answer, InputKind, ProgrammeWarning, UnmappedField } from './types';

export interface TextItem {
	str: string;
	/** Baseline start in PDF user space. */
	x: number;
	y: number;
	width: number;
	/** Font size (height of the text in user space). */
	height: number;
	hasEOL: boolean;
}

export interface TextPage {
	/** 1-based. */
	page: number;
	width: number;
	height: number;
	items: TextItem[];
}

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
/* Words                                                                                       */

interface Token {
	word: string;
	start: number;
	end: number;
}

/** Words with their offsets: letters and digits, hyphenated compounds as one word, lower case. */
function tokens(text: string): Token[] {
	const out: Token[] = [];
	for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)*/gu)) {
		out.push({ word: m[0].toLowerCase().replace(/[-\u2010\u2011]/g, ''), start: m.index!, end: m.index! + m[0].length });
	}
	return out;
}

const words = (text: string) => tokens(text).map((t) => t.word);

interface Follow {
	/** Leading words of the text that follow the expected words. */
	count: number;
	/** Position in the expected words after them. */
	pos: number;
	/** Words skipped on either side (small differences between printings). */
	skips: number;
}

/**
 * How far do the text's leading words follow `expected` from `pos`? Exact word by word at the
 * start; once two words agree, a word of difference (an extra or a missing word) is tolerated.
 */
function follow(text: readonly string[], expected: readonly string[], pos: number): Follow {
	let i = 0;
	let j = pos;
	let skips = 0;
	while (i < text.length && j < expected.length) {
		if (wordsMatch(text[i], expected[j])) {
			i++;
			j++;
			continue;
		}
		if (i >= 2) {
			if (j + 1 < expected.length && wordsMatch(text[i], expected[j + 1])) {
				j += 1;
				skips++;
				continue;
			}
			if (j + 2 < expected.length && wordsMatch(text[i], expected[j + 2])) {
				j += 2;
				skips += 2;
				continue;
			}
			if (i + 1 < text.length && wordsMatch(text[i + 1], expected[j])) {
				i += 1;
				skips++;
				continue;
			}
		}
		break;
	}
	return { count: i, pos: j, skips };
}

/* ------------------------------------------------------------------------------------------ */
/* The form's wording, as word lists                                                           */

/** "A. Kuvaus palvelusta: Miten …" → "Miten …". */
const stripLabel = (q: string) => q.replace(/^[ABC]\.\s*[^:?]{1,40}:\s*/, '');
const withHelp = (q: string, help?: string) => (help ? `${q} ${help}` : q);

interface KeyWording {
	field: FormField;
	/** Alternatives (Finnish, Swedish) of the question (and help) without the part label. */
	questions: string[][];
	/** Header fields: the label, up to the first colon. */
	labels: string[][];
}

/**
 * Where the form's own list of questions ("Lomakkeen kohdat luettelona", in the seed) words a
 * question differently from the form page, as municipalities copy the list into their documents.
 */
const LIST_WORDING_FI: Readonly<Record<string, string>> = {
	's4.a3':
		'Kielitaidon päättötestaus (KotoL 26 §) Tämä päättötestaus liittyy ainoastaan niihin kotoutumiskoulutuksiin, joissa noudatetaan ' +
		'Opetushallituksen opetussuunnitelman perusteita. Päättötestaus järjestetään osana kotoutumislain mukaista kotoutumiskoulutusta. ' +
		'Miten päättötestauksen järjestäminen toteutetaan?'
};

const WORDING: ReadonlyMap<string, KeyWording> = new Map(
	ANSWER_FIELDS.map((f) => {
		const sv = QUESTIONS_SV[f.key];
		const fi = withHelp(stripLabel(f.question), f.help);
		const list = LIST_WORDING_FI[f.key];
		const questions = [words(fi), ...(list ? [words(list)] : []), ...(sv ? [words(withHelp(sv.question, sv.help))] : [])];
		const labelOf = (q: string) => /^[^:]*:/.exec(q)?.[0] ?? q;
		const labels = f.section === 'header' ? [words(labelOf(f.question)), ...(sv ? [words(labelOf(sv.question))] : [])] : [];
		return [f.key, { field: f, questions, labels }];
	})
);

const HEADER_KEYS = ANSWER_FIELDS.filter((f) => f.section === 'header').map((f) => f.key);

/** Keys of a part in form order, e.g. ('3', 'a') → s3.a1, s3.a2, s3.a3. */
function partKeys(section: string, letter: string): string[] {
	return ANSWER_FIELDS.filter((f) => f.section === section && f.part[0] === letter).map((f) => f.key);
}

interface SectionWording {
	id: string;
	/** Title with the statute reference, Finnish and Swedish. */
	titles: string[][];
	/** Everything printed between the title and the first part: title, law, instruction, lead. */
	preamble: string[][];
}

const SECTION_WORDING: SectionWording[] = SECTIONS.filter((s) => /^[1-7]$/.test(s.id)).map((s) => {
	const sv = SECTIONS_SV[s.id];
	const fiTitle = `${s.title} ${s.law ? `(${s.law})` : ''}`;
	const svTitle = `${sv.title} ${sv.law ? `(${sv.law})` : ''}`;
	return {
		id: s.id,
		titles: [words(fiTitle), words(svTitle)],
		preamble: [words(`${fiTitle} ${s.instruction ?? ''} ${SECTION_LEAD}`), words(`${svTitle} ${sv.instruction ?? ''} ${SECTION_LEAD_SV}`)]
	};
});

const LIST_TITLE_FI = 'Lomakkeen kohdat luettelona (kopioi kunnan asiakirjapohjalle):';
const LIST_INSTRUCTION_FI =
	'Kuvaa palveluiden järjestämistä eri kohderyhmien osalta. Erittele tarvittaessa vastuutahot eri kohderyhmien osalta. ' +
	'Kuvaa tarvittaessa erikseen suomen- ja ruotsinkieliset palvelut.';
const LIST_WORDING = [words(`${LIST_TITLE_FI} ${LIST_INSTRUCTION_FI}`), words(`${LIST_TITLE_SV} ${LIST_INSTRUCTION_SV}`)];
const TABLE_TITLES = new Set(['vastuutaulukko', 'ansvarstabell']);
const SECTION_LEADS = [words(SECTION_LEAD), words(SECTION_LEAD_SV)];

/** Part headings: optional structural code, letter, the part's name (Finnish or Swedish). */
const PART_NAMES: [string, RegExp][] = [
	['a', /^(?:kuvaus\s+palvelu(?:sta|ista|ihin)|beskrivning\s+av\s+tjänste(?:n|rna))/iu],
	['b', /^(?:vastuutaho(?:t)?|ansvarig(?:a)?\s+aktör(?:er|erna)?)/iu],
	['c', /^(?:yhteistyö|samarbete(?:t)?)/iu]
];
const PART_PREFIX = /^\s*(?:([1-7])\s*)?([A-Ca-c])\s*[.):]\s*/u;

/* ------------------------------------------------------------------------------------------ */
/* Lines                                                                                       */

interface Segment {
	page: number;
	x: number;
	/** Baseline. */
	y: number;
	right: number;
	height: number;
	text: string;
	pageHeight: number;
	/** The text runs it is made of (whitespace-only runs left out), for splitting table rows into cells. */
	runs: { x: number; right: number; text: string }[];
}

/** Items → lines (same baseline) → segments (split at wide horizontal gaps), in reading order. */
function segments(pages: readonly TextPage[]): Segment[] {
	const out: Segment[] = [];
	for (const p of pages) {
		// Whitespace runs are left out: pdf.js stretches them over gaps, which would join table columns.
		const items = p.items.filter((i) => i.str.trim() !== '' && i.height > 0).sort((a, b) => b.y - a.y || a.x - b.x);
		const lines: TextItem[][] = [];
		for (const item of items) {
			const line = lines.at(-1);
			if (line && Math.abs(line[0].y - item.y) <= 0.35 * Math.max(line[0].height, item.height)) line.push(item);
			else lines.push([item]);
		}
		for (const line of lines) {
			line.sort((a, b) => a.x - b.x);
			let seg: Segment | null = null;
			for (const item of line) {
				const gap = seg ? item.x - seg.right : 0;
				if (!seg || gap > 3 * Math.max(seg.height, item.height)) {
					if (seg) out.push(seg);
					seg = {
						page: p.page,
						x: item.x,
						y: item.y,
						right: item.x + item.width,
						height: item.height,
						text: item.str,
						pageHeight: p.height,
						runs: [{ x: item.x, right: item.x + item.width, text: item.str }]
					};
					continue;
				}
				const space = gap > 0.15 * item.height && !/\s$/.test(seg.text) && !/^\s/.test(item.str) ? ' ' : '';
				seg.text += space + item.str;
				seg.runs.push({ x: item.x, right: item.x + item.width, text: item.str });
				seg.right = Math.max(seg.right, item.x + item.width);
				seg.height = Math.max(seg.height, item.height);
			}
			if (seg) out.push(seg);
		}
	}
	return out
		.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ').trim() }))
		.filter((s) => s.text !== '');
}

/**
 * Page headers and footers: a line near the top or bottom edge that recurs (digits aside) at
 * the same height on at least half of the pages, and bare page numbers there.
 */
function dropPageFurniture(segs: Segment[], pageCount: number): Segment[] {
	const inMargin = (s: Segment) => s.y < 0.07 * s.pageHeight || s.y > 0.93 * s.pageHeight;
	// Same text (digits aside) at the same height of the page: a running header or footer.
	const shape = (s: Segment) => `${Math.round(s.y / 4)}|${s.text.replace(/\d+/g, '#')}`;
	const pagesByShape = new Map<string, Set<number>>();
	for (const s of segs) {
		if (!inMargin(s)) continue;
		const set = pagesByShape.get(shape(s)) ?? new Set<number>();
		set.add(s.page);
		pagesByShape.set(shape(s), set);
	}
	const recurring = (s: Segment) => pageCount >= 2 && (pagesByShape.get(shape(s))?.size ?? 0) >= Math.max(2, Math.ceil(pageCount / 2));
	const pageNumber = /^(?:(?:sivu|sida|page|s\.)\s*)?\d{1,3}(?:\s*(?:\(\s*\d{1,3}\s*\)|\/\s*\d{1,3}|(?:of|av|\/)\s*\d{1,3}))?$/i;
	return segs.filter((s) => !(inMargin(s) && (recurring(s) || pageNumber.test(s.text))));
}

/* ------------------------------------------------------------------------------------------ */
/* The reader                                                                                  */

interface Block {
	key: string;
	/** The heading's first line, as printed: the answer's provenance. */
	heading: string;
	headingPage: number;
	lines: Segment[];
	/** Found after the form's list of questions (printed at the end of the form): a heading there is not an answer slot. */
	inList: boolean;
}

type Mode = 'preamble' | 'header' | 'section' | 'table' | 'list';

class Reader {
	mode: Mode = 'preamble';
	section: string | null = null;
	sectionHeading = '';
	/** The part being read (its keys), and the key whose answer is being collected. */
	part: string[] = [];
	current: Block | null = null;
	/** Question words being followed, and where we are in them; null when reading an answer. */
	expected: string[][] | null = null;
	expectedPos: number[] = [];
	/** The answer has begun: only whole lines that continue the question are still question. */
	answering = false;
	blocks: Block[] = [];
	/** Sub-questions printed together with the first one (their answers are not separate). */
	combined = new Set<string>();
	sectionsSeen = new Set<string>();
	upperLabels = 0;
	lowerLabels = 0;
	leadSeen = false;
	listSeen = false;
	tableSegments: Segment[] = [];
	loose: { heading: string; page: number; lines: Segment[] } | null = null;
	looseBlocks: { heading: string; page: number; lines: Segment[] }[] = [];

	read(segs: Segment[]): void {
		for (let n = 0; n < segs.length; n++) this.feed(segs[n], segs[n - 1] ?? null, segs[n + 1] ?? null);
		this.closeLoose();
	}

	private feed(seg: Segment, prev: Segment | null, next: Segment | null): void {
		const toks = tokens(seg.text);
		const w = toks.map((t) => t.word);
		// The form's lead line ("Alla on kuvattu, miten …") marks a copy of the form itself.
		if (SECTION_LEADS.some((l) => follow(w, l, 0).count >= 4)) this.leadSeen = true;

		// Section heading: "3. Monikielinen yhteiskuntaorientaatio (KotoL 25 §)".
		const section = this.sectionHeadingOf(seg.text);
		if (section) {
			this.closeLoose();
			this.mode = 'section';
			this.section = section.id;
			this.sectionHeading = seg.text;
			this.sectionsSeen.add(section.id);
			this.part = [];
			this.current = null;
			this.expect(section.wording.preamble, 0);
			this.consume(w.slice(1));
			return;
		}
		if (w.length <= 2 && TABLE_TITLES.has(w.join(' '))) {
			this.closeLoose();
			this.mode = 'table';
			this.current = null;
			this.expected = null;
			return;
		}
		if (follow(w, LIST_WORDING[0], 0).count >= 4 || follow(w, LIST_WORDING[1], 0).count >= 4) {
			this.closeLoose();
			this.mode = 'list';
			this.listSeen = true;
			this.section = null;
			this.current = null;
			this.expect(LIST_WORDING, 0);
			this.consume(w);
			return;
		}
		if (this.mode === 'table') {
			this.tableSegments.push(seg);
			return;
		}

		// Part heading: "a. Kuvaus palvelusta: …", "B. Vastuutaho:", "1A: Kuvaus palvelusta:", "c. Samarbete:".
		const part = this.partHeadingOf(seg.text);
		if (part && (part.section ?? this.section)) {
			this.closeLoose();
			const sectionId = part.section ?? this.section!;
			if (part.section && part.section !== this.section) {
				this.section = part.section;
				this.sectionsSeen.add(part.section);
			}
			this.mode = 'section';
			if (/^\s*(?:[1-7]\s*)?[A-C]/.test(seg.text)) this.upperLabels++;
			else this.lowerLabels++;
			this.part = partKeys(sectionId, part.letter);
			if (this.part.length === 0) return;
			this.start(this.part[0], seg);
			this.expect(WORDING.get(this.part[0])!.questions, 0);
			this.consumeInline(seg.text.slice(part.length), seg);
			return;
		}

		// Header labels, before the sections: "Kunta tai kunnat: Auran kunta". An empty answer puts
		// the next label right after the question, so labels are looked for while following one too.
		if (this.mode === 'preamble' || this.mode === 'header') {
			const found = this.headerLabelOf(seg.text, toks, next);
			const continuation = this.inQuestion() ? this.bestFollow(w) : null;
			const header = found && (!continuation || continuation.count - continuation.skips < found.score) ? found.key : null;
			if (header) {
				this.mode = 'header';
				this.part = [header];
				this.start(header, seg);
				const wording = WORDING.get(header)!;
				this.expect([...wording.questions, ...wording.labels], 0);
				this.consumeInline(seg.text, seg);
				return;
			}
		}

		// A further question of the part being read (s1.b2, s3.a2, …).
		const sub = this.subQuestionOf(w);
		if (sub) {
			// The current question may go on in words that a later question also begins with (s4.a1/s4.a2).
			const continuation = this.bestFollow(w);
			const subScore = sub.follow.count - sub.follow.skips;
			if (!continuation || subScore > continuation.count - continuation.skips) {
				const separated = this.current !== null && (this.hasAnswer(this.current) || gapLines(prev, seg) >= 1.9);
				if (separated || this.current === null) {
					this.start(sub.key, seg);
				} else {
					this.combined.add(sub.key);
				}
				this.expect(WORDING.get(sub.key)!.questions, 0);
				this.consumeInline(seg.text, seg);
				return;
			}
		}

		if (this.inQuestion()) {
			const rest = this.consumeLine(seg.text, toks);
			if (rest === null) return;
			this.answerText(rest === seg.text ? seg : tail(seg, rest));
			return;
		}
		// Labels beside their answers (two columns): a whole line that continues the question is not
		// answer; a single word only if it ends the question ("kunnassa?").
		const more = this.bestFollow(w);
		if (more && w.length > 0 && more.count === w.length && more.skips === 0 && (w.length >= 2 || this.endsQuestion(more))) {
			this.consume(w);
			return;
		}
		this.answerText(seg);
	}

	private sectionHeadingOf(text: string): { id: string; wording: SectionWording } | null {
		const m = /^\s*([1-7])\s*[.)]?\s+(\S.*)$/u.exec(text);
		if (!m) return null;
		const wording = SECTION_WORDING.find((s) => s.id === m[1])!;
		const rest = words(m[2]);
		for (const title of wording.titles) {
			const f = follow(rest, title, 0);
			const needed = Math.min(3, title.length);
			if (f.count >= needed || (f.count === rest.length && f.count >= 2)) return { id: m[1], wording };
		}
		return null;
	}

	private partHeadingOf(text: string): { section: string | null; letter: string; length: number } | null {
		const prefix = PART_PREFIX.exec(text);
		const from = prefix ? prefix[0].length : 0;
		const rest = text.slice(from);
		for (const [letter, name] of PART_NAMES) {
			const m = name.exec(rest);
			if (!m) continue;
			const after = rest.slice(m[0].length);
			if (/^\p{L}/u.test(after)) continue;
			// Without a letter, only "Kuvaus palvelusta:" with its colon is a heading (answers may begin "Yhteistyö …").
			if (!prefix && !/^\s*:/.test(after)) continue;
			const colon = /^\s*:?\s*/.exec(after)![0].length;
			return { section: prefix?.[1] ?? null, letter, length: from + m[0].length + colon };
		}
		return null;
	}

	/**
	 * Which header label does the line start with? Most of the label must be there (an answer
	 * may begin "Kotoutumisohjelma on laadittu yhteistyössä …"); a label that wraps, or two
	 * labels that begin alike, are decided with the next line. Ties are no label.
	 */
	private headerLabelOf(text: string, toks: Token[], next: Segment | null): { key: string; score: number } | null {
		const w = toks.map((t) => t.word);
		if (w.length === 0) return null;
		const nextWords = next ? words(next.text) : [];
		const scored: { key: string; score: number }[] = [];
		for (const key of HEADER_KEYS) {
			let best = 0;
			for (const label of WORDING.get(key)!.labels) {
				const needed = Math.min(label.length, Math.max(3, Math.ceil(0.6 * label.length)));
				const here = follow(w, label, 0);
				// A label with the answer after it on the same line ends with its colon ("Kunta tai kunnat: Aura").
				if (here.count > 0 && here.count < w.length && here.pos >= label.length && !/^\s*\)?\s*:/.test(text.slice(toks[here.count - 1].end))) continue;
				const f = here.count === w.length && nextWords.length > 0 ? follow([...w, ...nextWords], label, 0) : here;
				if (f.count >= needed && here.count >= Math.min(2, label.length)) best = Math.max(best, Math.min(f.count, label.length) - f.skips);
			}
			if (best > 0) scored.push({ key, score: best });
		}
		scored.sort((a, b) => b.score - a.score);
		if (scored.length === 0 || (scored.length > 1 && scored[0].score === scored[1].score)) return null;
		return scored[0];
	}

	private subQuestionOf(w: string[]): { key: string; follow: Follow } | null {
		if (this.part.length < 2 || w.length === 0) return null;
		const at = this.current ? this.part.indexOf(this.current.key) : -1;
		let best: { key: string; follow: Follow } | null = null;
		for (const key of this.part.slice(Math.max(1, at + 1))) {
			for (const q of WORDING.get(key)!.questions) {
				const f = follow(w, q, 0);
				if (f.count >= Math.min(4, q.length) && (!best || f.count - f.skips > best.follow.count - best.follow.skips)) best = { key, follow: f };
			}
		}
		return best;
	}

	private endsQuestion(f: Follow): boolean {
		return this.expected !== null && this.expected.some((e) => e.length === f.pos);
	}

	private inQuestion(): boolean {
		return this.expected !== null && !this.answering;
	}

	private expect(alternatives: string[][], pos: number): void {
		this.expected = alternatives;
		this.expectedPos = alternatives.map(() => pos);
		this.answering = false;
	}

	private bestFollow(w: string[]): Follow | null {
		if (!this.expected) return null;
		let best: Follow | null = null;
		this.expected.forEach((e, i) => {
			const f = follow(w, e, this.expectedPos[i]);
			if (!best || f.count - f.skips > best.count - best.skips) best = f;
		});
		return best;
	}

	/**
	 * Follow the expected question words. The alternatives that fit best go on; the others are
	 * not what this document prints and are dropped. A single word that happens to match the
	 * question does not make a longer line a question line.
	 */
	private consume(w: string[]): number {
		if (!this.expected) return 0;
		const results = this.expected.map((e, i) => follow(w, e, this.expectedPos[i]));
		const best = Math.max(...results.map((r) => r.count));
		if (best === 0 || (best < 2 && best < w.length)) return 0;
		const keep = results.map((r) => r.count === best);
		this.expected = this.expected.filter((_, i) => keep[i]);
		this.expectedPos = results.filter((_, i) => keep[i]).map((r) => r.pos);
		return best;
	}

	/**
	 * A line while following a question: the question words are dropped; the rest, if any, is
	 * the start of the answer (returned), and the question is over. null: the whole line was question.
	 */
	private consumeLine(text: string, toks: Token[]): string | null {
		const w = toks.map((t) => t.word);
		const count = this.consume(w);
		if (count >= w.length && w.length > 0) return null;
		this.answering = true;
		if (count === 0) return text;
		return text.slice(toks[count - 1].end).replace(/^[\s:?!.,;)\]§]+/, '');
	}

	/** The rest of a heading's line after its label: question words, then possibly the start of the answer. */
	private consumeInline(text: string, seg: Segment): void {
		const toks = tokens(text);
		if (toks.length === 0) {
			// "c. Yhteistyö: -": a placeholder is an answer too.
			if (/\S/.test(text)) this.answerText(tail(seg, text.trim()));
			return;
		}
		const rest = this.consumeLine(text, toks);
		if (rest !== null && rest.trim() !== '') this.answerText(tail(seg, rest));
	}

	private start(key: string, heading: Segment): void {
		this.closeLoose();
		this.current = { key, heading: heading.text.slice(0, 200), headingPage: heading.page, lines: [], inList: this.listSeen };
		this.blocks.push(this.current);
	}

	private hasAnswer(b: Block): boolean {
		return b.lines.length > 0;
	}

	private answerText(seg: Segment): void {
		if (this.mode === 'list') return;
		if (this.current) {
			this.current.lines.push(seg);
			return;
		}
		// Text inside a section but before any part heading: kept, not assigned to a part.
		if (this.mode === 'section' && this.section) {
			if (SECTION_LEADS.some((l) => follow(words(seg.text), l, 0).count >= 4)) return;
			this.loose ??= { heading: this.sectionHeading, page: seg.page, lines: [] };
			this.loose.lines.push(seg);
		}
	}

	private closeLoose(): void {
		if (this.loose) this.looseBlocks.push(this.loose);
		this.loose = null;
	}
}

/** The end of a line as a line of its own (its left edge estimated from the characters' average width). */
function tail(seg: Segment, rest: string): Segment {
	const perChar = (seg.right - seg.x) / Math.max(1, seg.text.length);
	return { ...seg, text: rest, x: seg.right - perChar * rest.length };
}

/** Vertical distance between two lines in line heights (Infinity across pages). */
function gapLines(a: Segment | null, b: Segment): number {
	if (!a || a.page !== b.page) return Infinity;
	return (a.y - b.y) / Math.max(a.height, b.height);
}

/* ------------------------------------------------------------------------------------------ */
/* Answer text                                                                                 */

/** The usual distance between lines: the most common gap between lines of one size. */
function typicalLeading(segs: readonly Segment[]): (height: number) => number {
	const counts = new Map<number, Map<number, number>>();
	for (let i = 1; i < segs.length; i++) {
		const a = segs[i - 1];
		const b = segs[i];
		if (a.page !== b.page || Math.abs(a.height - b.height) > 0.1) continue;
		const gap = a.y - b.y;
		if (gap < 0.95 * a.height || gap > 1.9 * a.height) continue;
		const h = Math.round(a.height * 2) / 2;
		const g = Math.round(gap * 4) / 4;
		const byGap = counts.get(h) ?? new Map<number, number>();
		byGap.set(g, (byGap.get(g) ?? 0) + 1);
		counts.set(h, byGap);
	}
	return (height) => {
		const byGap = counts.get(Math.round(height * 2) / 2);
		if (!byGap || byGap.size === 0) return 1.2 * height;
		return [...byGap].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
	};
}

function answerFromLines(lines: readonly Segment[], leadingOf: (h: number) => number): string {
	if (lines.length === 0) return '';
	const right = Math.max(...lines.map((l) => l.right));
	let text = lines[0].text;
	for (let i = 1; i < lines.length; i++) {
		const a = lines[i - 1];
		const b = lines[i];
		let breaks = 0;
		if (a.page === b.page) breaks = Math.round((a.y - b.y) / leadingOf(a.height));
		if (breaks >= 2) text += '\n'.repeat(breaks);
		else if (endedShort(a, b, right)) text += '\n' + b.text;
		// A word hyphenated at the line end continues without a space ("toiminta-" "alueen"), not "terveys-" "tai".
		else if (/\p{L}[-\u2010\u2011]$/u.test(a.text) && /^\p{Ll}/u.test(b.text) && !/^(ja|tai|sekä|eli|och|eller|samt)(?!\p{L})/u.test(b.text)) text += b.text;
		else text += ' ' + b.text;
		if (breaks >= 2) text += b.text;
	}
	return text;
}

/** Did line `a` end before the right edge although `b`'s first word would have fitted? Then it was a line break. */
function endedShort(a: Segment, b: Segment, right: number): boolean {
	const first = /^\S+/.exec(b.text)?.[0] ?? '';
	const perChar = (b.right - b.x) / Math.max(1, b.text.length);
	return a.right + perChar * (first.length + 1) < right - 1;
}

/* ------------------------------------------------------------------------------------------ */
/* The responsibility table                                                                    */

const GROUP_LABELS = CLIENT_GROUPS.map((g) => ({ id: g.id, wording: [words(g.label), words(CLIENT_GROUP_LABELS_SV[g.id])] }));
const ROW_WORDING = TABLE_ROWS.map((r) => ({
	id: r.id,
	label: r.label,
	wording: [words(r.label), ...('printedLabel' in r ? [words(r.printedLabel)] : []), words(TABLE_ROW_LABELS_SV[r.id])]
}));

function readTable(
	segs: readonly Segment[],
	leadingOf: (h: number) => number
): { answers: Answer[]; warnings: ProgrammeWarning[] } {
	if (segs.length === 0) return { answers: [], warnings: [] };
	const unreadable = (why: string) => ({
		answers: [],
		warnings: [{ code: 'table-unreadable', message: `The responsibility table was found but ${why}; its cells were not read.` }]
	});

	// Column heads: where a line (or the rest of a line) starts a client group's label. The two
	// labels may begin alike (Swedish: "Aktör som producerar …"), so the columns are taken in the
	// form's order, left to right, on the heading row.
	const candidates: { x: number; seg: Segment }[] = [];
	for (const seg of segs) {
		for (let r = 0; r < seg.runs.length; r++) {
			const w = words(seg.runs.slice(r).map((x) => x.text).join(' '));
			if (GROUP_LABELS.some((g) => g.wording.some((wd) => follow(w, wd, 0).count >= 2))) candidates.push({ x: seg.runs[r].x, seg });
		}
	}
	const first = candidates[0];
	if (!first) return unreadable('its column headings were not recognised');
	const headRow = candidates
		.filter((c) => c.seg.page === first.seg.page && Math.abs(c.seg.y - first.seg.y) <= 0.5 * first.seg.height)
		.sort((a, b) => a.x - b.x)
		.filter((c, i, all) => i === 0 || c.x - all[i - 1].x > 20);
	if (headRow.length < 2) return unreadable('its two columns were not found side by side');
	const [jobs, others] = headRow;
	const slack = 6;
	const column = (x: number) => (x < jobs.x - slack ? 0 : x < others.x - slack ? 1 : 2);

	// Every line split into its columns.
	const pieces: (Segment & { col: number })[] = [];
	for (const seg of segs) {
		const byCol = new Map<number, Segment['runs']>();
		for (const run of seg.runs) byCol.set(column(run.x), [...(byCol.get(column(run.x)) ?? []), run]);
		for (const [col, runs] of byCol) {
			pieces.push({ ...seg, col, runs, x: runs[0].x, right: runs.at(-1)!.right, text: runs.map((r) => r.text).join(' ').replace(/\s+/g, ' ').trim() });
		}
	}
	// The heading row ends with the last line of the column labels.
	const headPage = jobs.seg.page;
	const labelLines = pieces.filter((p) => p.page === headPage && p.col > 0 && p.y <= jobs.seg.y + 1);
	let headBottom = jobs.seg.y;
	for (const col of [1, 2]) {
		const wording = GROUP_LABELS[col - 1].wording;
		let pos = wording.map(() => 0);
		for (const p of labelLines.filter((x) => x.col === col).sort((a, b) => b.y - a.y)) {
			const w = words(p.text);
			const f = wording.map((wd, i) => follow(w, wd, pos[i]));
			const best = Math.max(...f.map((x) => x.count));
			if (best === 0 || best < w.length) break;
			pos = f.map((x, i) => (x.count === best ? x.pos : pos[i]));
			headBottom = Math.min(headBottom, p.y);
		}
	}
	const body = pieces.filter((p) => p.page > headPage || p.y < headBottom - 0.5);

	// Row labels in the first column, in the form's order; a label may wrap over several lines.
	const rows: { id: string; label: string; top: Segment }[] = [];
	let r = 0;
	let current: { wording: string[][]; pos: number[] } | null = null;
	for (const p of body.filter((x) => x.col === 0)) {
		const w = words(p.text);
		if (current) {
			const f = current.wording.map((wd, i) => follow(w, wd, current!.pos[i]));
			const best = Math.max(...f.map((x) => x.count));
			if (best > 0 && best === w.length) {
				current.pos = f.map((x, i) => (x.count === best ? x.pos : current!.pos[i]));
				continue;
			}
		}
		for (let k = r; k < ROW_WORDING.length; k++) {
			const f = ROW_WORDING[k].wording.map((wd) => follow(w, wd, 0));
			if (ROW_WORDING[k].wording.some((wd, i) => f[i].count > 0 && (f[i].count === w.length || f[i].count >= 0.7 * wd.length))) {
				rows.push({ id: ROW_WORDING[k].id, label: ROW_WORDING[k].label, top: p });
				current = { wording: ROW_WORDING[k].wording, pos: f.map((x) => x.pos) };
				r = k + 1;
				break;
			}
		}
	}

	const answers: Answer[] = [];
	rows.forEach((row, i) => {
		const nextTop = rows[i + 1]?.top;
		const inRow = (s: Segment) => {
			const afterTop = s.page > row.top.page || (s.page === row.top.page && s.y <= row.top.y + 0.5 * s.height);
			const beforeNext = !nextTop || s.page < nextTop.page || (s.page === nextTop.page && s.y > nextTop.y + 0.5 * s.height);
			return afterTop && beforeNext;
		};
		for (const [col, group] of [
			[1, CLIENT_GROUPS[0]],
			[2, CLIENT_GROUPS[1]]
		] as const) {
			const cell = body.filter((p) => p.col === col && inRow(p));
			const key = `table.${row.id}.${group.id}`;
			const def = FIELD_BY_KEY.get(key)!;
			const text = answerFromLines(cell, leadingOf);
			answers.push({
				key,
				section: def.section,
				part: def.part,
				text,
				status: text.trim() === '' ? 'empty' : 'filled',
				source: { fieldName: `Vastuutaulukko: ${row.label} – ${group.label}`, page: (cell[0] ?? row.top).page, rect: rectOf(cell) }
			});
		}
	});
	const warnings: ProgrammeWarning[] =
		rows.length < ROW_WORDING.length
			? [{ code: 'table-rows-missing', message: `Only ${rows.length} of the responsibility table's ${ROW_WORDING.length} rows were recognised; the others were not read.` }]
			: [];
	return { answers, warnings };
}

function rectOf(lines: readonly Segment[]): [number, number, number, number] | null {
	const first = lines[0];
	if (!first) return null;
	const onPage = lines.filter((l) => l.page === first.page);
	return [
		Math.min(...onPage.map((l) => l.x)),
		Math.min(...onPage.map((l) => l.y - 0.25 * l.height)),
		Math.max(...onPage.map((l) => l.right)),
		Math.max(...onPage.map((l) => l.y + l.height))
	];
}

/* ------------------------------------------------------------------------------------------ */

const ORDER = new Map(ALL_FIELDS.map((f, i) => [f.key, i]));
/** Fewer recognised section and part headings than this: the text is not a programme. */
const MIN_SECTIONS = 3;
const MIN_PARTS = 6;

export function readTextLayer(pages: readonly TextPage[]): TextLayerResult {
	const hasText = pages.some((p) => p.items.some((i) => i.str.trim() !== ''));
	if (!hasText) return { kind: 'no-text' };
	const segs = dropPageFurniture(segments(pages), pages.length);
	const reader = new Reader();
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

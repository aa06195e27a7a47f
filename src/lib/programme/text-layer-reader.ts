/**
 * The text-layer reader: a state machine over the lines that recognises section, part and
 * header headings by the form's own wording (Finnish and Swedish) and collects each answer.
 */
import { ANSWER_FIELDS, SECTION_LEAD } from './form-tem-2024';
import { LIST_INSTRUCTION_SV, LIST_TITLE_SV, QUESTIONS_SV, SECTION_LEAD_SV } from './form-tem-2024-sv';
import { numberedSectionHeading, partHeading, shortHeaderLabel, unnumberedSectionHeading, type SectionHeading } from './text-layer-headings';
import { follow, gapLines, tail, tokens, words, type Follow, type Segment, type Token } from './text-layer-layout';
import { splitAtColumn, tableRow } from './text-layer-rows';
import { TABLE_TITLES } from './text-layer-vocabulary';
import type { FormField } from './form-tem-2024';

/* ------------------------------------------------------------------------------------------ */
/* The form's wording, as word lists                                                           */

/** "A. Kuvaus palvelusta: Miten …" → "Miten …". */
export const stripLabel = (q: string) => q.replace(/^[ABC]\.\s*[^:?]{1,40}:\s*/, '');
export const withHelp = (q: string, help?: string) => (help ? `${q} ${help}` : q);

export interface KeyWording {
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
export const LIST_WORDING_FI: Readonly<Record<string, string>> = {
	's4.a3':
		'Kielitaidon päättötestaus (KotoL 26 §) Tämä päättötestaus liittyy ainoastaan niihin kotoutumiskoulutuksiin, joissa noudatetaan ' +
		'Opetushallituksen opetussuunnitelman perusteita. Päättötestaus järjestetään osana kotoutumislain mukaista kotoutumiskoulutusta. ' +
		'Miten päättötestauksen järjestäminen toteutetaan?'
};

export const WORDING: ReadonlyMap<string, KeyWording> = new Map(
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

export const HEADER_KEYS = ANSWER_FIELDS.filter((f) => f.section === 'header').map((f) => f.key);

/** Keys of a part in form order, e.g. ('3', 'a') → s3.a1, s3.a2, s3.a3. */
export function partKeys(section: string, letter: string): string[] {
	return ANSWER_FIELDS.filter((f) => f.section === section && f.part[0] === letter).map((f) => f.key);
}

export const LIST_TITLE_FI = 'Lomakkeen kohdat luettelona (kopioi kunnan asiakirjapohjalle):';
export const LIST_INSTRUCTION_FI =
	'Kuvaa palveluiden järjestämistä eri kohderyhmien osalta. Erittele tarvittaessa vastuutahot eri kohderyhmien osalta. ' +
	'Kuvaa tarvittaessa erikseen suomen- ja ruotsinkieliset palvelut.';
export const LIST_WORDING = [words(`${LIST_TITLE_FI} ${LIST_INSTRUCTION_FI}`), words(`${LIST_TITLE_SV} ${LIST_INSTRUCTION_SV}`)];
export const SECTION_LEADS = [words(SECTION_LEAD), words(SECTION_LEAD_SV)];

/* ------------------------------------------------------------------------------------------ */
/* The reader                                                                                  */

export interface Block {
	key: string;
	/** The heading's first line, as printed: the answer's provenance. */
	heading: string;
	headingPage: number;
	lines: Segment[];
	/** Found after the form's list of questions (printed at the end of the form): a heading there is not an answer slot. */
	inList: boolean;
}

export type Mode = 'preamble' | 'header' | 'section' | 'table' | 'list';

export class Reader {
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
	/** Part labels in the form's own style ("A.") and in others ("a.", "b)", "Vastuutaho:"). */
	upperLabels = 0;
	lowerLabels = 0;
	leadSeen = false;
	listSeen = false;
	tableSegments: Segment[] = [];
	loose: { heading: string; page: number; lines: Segment[] } | null = null;
	looseBlocks: { heading: string; page: number; lines: Segment[] }[] = [];
	/** Header keys already read (a shortened label names each once). */
	private headerSeen = new Set<string>();
	/** The type size of the last section heading while its title may go on over the next lines. */
	private headingHeight: number | null = null;
	/** A header label printed beside its answer (a table row): where labels and answers stand. */
	private labelColumn: { x: number; answerX: number; last: Segment } | null = null;

	/** `bodyHeight`: the usual type size of the text, to tell headings set larger (0: unknown). */
	constructor(private readonly bodyHeight = 0) {}

	/** The lines being read, and where: a header table's row looks ahead at its label's wrapped lines. */
	private segs: readonly Segment[] = [];
	private at = 0;

	read(segs: Segment[]): void {
		this.segs = segs;
		for (let n = 0; n < segs.length; n++) {
			this.at = n;
			this.feed(segs[n], segs[n - 1] ?? null, segs[n + 1] ?? null);
		}
		this.closeLoose();
	}

	private feed(seg: Segment, prev: Segment | null, next: Segment | null): void {
		const toks = tokens(seg.text);
		const w = toks.map((t) => t.word);
		// The form's lead line ("Alla on kuvattu, miten …") marks a copy of the form itself.
		if (SECTION_LEADS.some((l) => follow(w, l, 0).count >= 4)) this.leadSeen = true;

		// Section heading: "3. Monikielinen yhteiskuntaorientaatio (KotoL 25 §)", "3) Yhteiskuntaorientaatio".
		const numbered = numberedSectionHeading(seg.text);
		const forward = (id: string) => this.section === null || Number(id) > Number(this.section);
		// A title that wraps goes on in its own (larger) type: "(14 och 15 § i" / "integrationslagen)".
		if (!numbered && this.headingContinues(seg, prev)) {
			this.sectionHeading = `${this.sectionHeading} ${seg.text}`;
			this.consume(w);
			return;
		}
		const title = /^\d+$/.test(w[0] ?? '') ? w.slice(1) : w;
		const tableTitle = title.length === 1 && TABLE_TITLES.has(title[0]);
		const section = numbered ? (numbered.formTitle || forward(numbered.id) ? numbered : null) : tableTitle ? null : this.plainHeadingOf(seg, w, next);
		if (section) {
			this.closeLoose();
			this.mode = 'section';
			this.section = section.id;
			this.sectionHeading = seg.text;
			this.sectionsSeen.add(section.id);
			this.part = [];
			this.current = null;
			this.labelColumn = null;
			this.headingHeight = seg.height;
			this.expect(section.wording.preamble, 0);
			this.consume(words(section.title));
			return;
		}
		this.headingHeight = null;
		if (tableTitle) {
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

		// Part heading: "a. Kuvaus palvelusta: …", "B) Vastuutaho", "1A: Kuvaus palvelusta:", "Samarbete: …".
		const part = partHeading(seg.text);
		if (part && (part.section ?? this.section)) {
			this.closeLoose();
			const sectionId = part.section ?? this.section!;
			if (part.section && part.section !== this.section) {
				this.section = part.section;
				this.sectionsSeen.add(part.section);
			}
			this.mode = 'section';
			if (part.formStyle) this.upperLabels++;
			else this.lowerLabels++;
			this.part = partKeys(sectionId, part.letter);
			if (this.part.length === 0) return;
			this.start(this.part[0], seg);
			this.expect(WORDING.get(this.part[0])!.questions, 0);
			this.consumeInline(seg.text.slice(part.length), seg, next);
			return;
		}

		// Header labels, before the sections: "Kunta tai kunnat: Auran kunta", "Yhteyshenkilö: …". An
		// empty answer puts the next label right after the question, so labels are looked for while
		// following one too.
		if ((this.mode === 'preamble' || this.mode === 'header') && this.headerLine(seg, toks, next)) return;

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
				this.consumeInline(seg.text, seg, next);
				return;
			}
		}

		if (this.inQuestion()) {
			const rest = this.consumeLine(seg.text, toks, next);
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

	/**
	 * An unnumbered section heading, outside the table and the form's list: the title (or a
	 * shortened one) of a later section, set as a heading — larger than the text, or two or more
	 * title words followed by a part heading — and not the question or title being followed, nor a
	 * sentence (ending in a full stop).
	 */
	private plainHeadingOf(seg: Segment, w: string[], next: Segment | null): SectionHeading | null {
		// A title is short; body text (most lines) is not compared with the titles.
		if (this.mode === 'table' || this.mode === 'list' || /[.,;]$/.test(seg.text) || w.length > 16) return null;
		const plain = unnumberedSectionHeading(seg.text, this.section);
		if (!plain) return null;
		const following = this.inQuestion() ? this.bestFollow(w) : null;
		if (following && following.count === w.length) return null;
		if (this.bodyHeight > 0 && seg.height >= this.bodyHeight + 1) return plain;
		return next !== null && partHeading(next.text) !== null && plain.words >= 2 ? plain : null;
	}

	private headingContinues(seg: Segment, prev: Segment | null): boolean {
		const h = this.headingHeight;
		if (h === null || this.current !== null || this.bodyHeight <= 0 || h < this.bodyHeight + 1) return false;
		return Math.abs(seg.height - h) <= 0.5 && gapLines(prev, seg) <= 1.6 && partHeading(seg.text) === null;
	}

	/**
	 * A line before the sections: a header label (the form's, or shortened), the label of a header
	 * table row going on, or a row we do not know. True when the line was taken.
	 */
	private headerLine(seg: Segment, toks: Token[], next: Segment | null): boolean {
		const w = toks.map((t) => t.word);
		const found = this.headerLabelOf(seg.text, toks, next);
		const skip = new Set(this.headerSeen);
		if (this.current) skip.add(this.current.key);
		// "Yhteyshenkilö: …" at the start of the line, or a table row "Päivitetty | 3.3.2025".
		let short = shortHeaderLabel(seg.text, false, skip);
		const row = !found && !short ? tableRow(this.segs, this.at) : null;
		if (row) short = shortHeaderLabel(row.label, true, skip);
		const following = this.inQuestion() ? this.bestFollow(w) : null;
		const continuation = following ? following.count - following.skips : 0;
		if (found && continuation < found.score && (!short || found.score >= short.score)) {
			this.mode = 'header';
			this.part = [found.key];
			this.start(found.key, seg);
			this.headerSeen.add(found.key);
			this.labelColumn = null;
			const wording = WORDING.get(found.key)!;
			this.expect([...wording.questions, ...wording.labels], 0);
			this.consumeInline(seg.text, seg, next);
			return true;
		}
		if (short && continuation < short.score) {
			this.mode = 'header';
			this.part = [short.key];
			this.start(short.key, seg);
			this.headerSeen.add(short.key);
			this.expected = null;
			this.answering = true;
			if (row) {
				if (row.cell) this.answerText(row.cell);
				this.labelColumn = { x: seg.x, answerX: row.answerX, last: seg };
			} else {
				const rest = seg.text.slice(short.length).trim();
				if (rest !== '') this.answerText(tail(seg, rest));
				this.labelColumn = null;
			}
			return true;
		}
		// A line in the label column of a header table: the label going on, or a row we do not know.
		const lc = this.labelColumn;
		if (lc && seg.page === lc.last.page && Math.abs(seg.x - lc.x) <= 3 && seg.x < lc.answerX - 2) {
			const { label, cell } = splitAtColumn(seg, lc.answerX);
			if (gapLines(lc.last, seg) <= 1.6) {
				lc.last = seg;
				if (cell) this.answerText(cell);
				return true;
			}
			// Another row, whose label is none of the form's: its text is kept, unmapped.
			this.closeLoose();
			this.current = null;
			this.loose = { heading: label, page: seg.page, lines: cell ? [cell] : [] };
			lc.last = seg;
			return true;
		}
		return false;
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

	/**
	 * Does the line begin a later question of the part? With `next`, a line that ends in the first
	 * words of one ("… kunnassa on? Missä") counts when the next line goes on with it.
	 */
	private subQuestionOf(w: string[], next: Segment | null = null): { key: string; follow: Follow } | null {
		if (this.part.length < 2 || w.length === 0) return null;
		const at = this.current ? this.part.indexOf(this.current.key) : -1;
		const nextWords = next ? words(next.text) : [];
		let best: { key: string; follow: Follow } | null = null;
		for (const key of this.part.slice(Math.max(1, at + 1))) {
			for (const q of WORDING.get(key)!.questions) {
				let f = follow(w, q, 0);
				if (f.count === w.length && f.count < Math.min(4, q.length) && nextWords.length > 0) {
					const joined = follow([...w, ...nextWords], q, 0);
					if (joined.count >= Math.min(4, q.length)) f = { ...joined, count: w.length };
					else continue;
				} else if (f.count < Math.min(4, q.length)) continue;
				if (!best || f.count - f.skips > best.follow.count - best.follow.skips) best = { key, follow: f };
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
	private consumeLine(text: string, toks: Token[], next: Segment | null): string | null {
		const w = toks.map((t) => t.word);
		let count = this.consume(w);
		// The question's last word and its question mark, then more on the line ("yhteiskuntaorientaatio? Missä …").
		if (count === 0 && this.expected && w.length > 1 && /^\s*\?/.test(text.slice(toks[0].end))) {
			const ends = this.expected.map((e, i) => follow(w.slice(0, 1), e, this.expectedPos[i]).count === 1 && this.expectedPos[i] + 1 === e.length);
			if (ends.some(Boolean)) {
				this.expected = this.expected.filter((_, i) => ends[i]);
				this.expectedPos = this.expected.map((e) => e.length);
				count = 1;
			}
		}
		if (count >= w.length && w.length > 0) return null;
		// The question ended mid-line and a later question of the part goes on in the same paragraph
		// ("… kohderyhmiä kunnassa on? Millä kielillä …"): those are printed together.
		if (count > 0 && this.expected!.some((e, i) => this.expectedPos[i] >= e.length)) {
			const sub = this.subQuestionOf(w.slice(count), next);
			if (sub) {
				this.combined.add(sub.key);
				this.expect(WORDING.get(sub.key)!.questions, 0);
				const after = text.slice(toks[count - 1].end);
				return this.consumeLine(after, tokens(after), next);
			}
		}
		this.answering = true;
		if (count === 0) return text;
		return text.slice(toks[count - 1].end).replace(/^[\s:?!.,;)\]§]+/, '');
	}

	/** The rest of a heading's line after its label: question words, then possibly the start of the answer. */
	private consumeInline(text: string, seg: Segment, next: Segment | null): void {
		const toks = tokens(text);
		if (toks.length === 0) {
			// "c. Yhteistyö: -": a placeholder is an answer too.
			if (/\S/.test(text)) this.answerText(tail(seg, text.trim()));
			return;
		}
		const rest = this.consumeLine(text, toks, next);
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
		// A header table row whose label is none of the form's.
		if (this.mode === 'header' && this.loose) {
			this.loose.lines.push(seg);
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

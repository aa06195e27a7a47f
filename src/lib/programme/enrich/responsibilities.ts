/**
 * Providers by service and client group.
 *
 * Which parts yield providers (our choice, documented in docs/completeness-rubric.md):
 * - B parts ("Vastuutaho") and the responsibility table: every actor named, because the question
 *   is "which bodies are responsible";
 * - A parts ("Kuvaus palvelusta"): only actors in a sentence that says who does what ("vastaa",
 *   "järjestää", "toteuttaa", "tarjoaa", "laaditaan … toimesta"…), because descriptions also name
 *   places and partners;
 * - the header's coordinator ("koordinoiva taho") → service `follow_up`; the process answer's
 *   follow-up sentences → `follow_up` (A-part rule);
 * - C parts ("Yhteistyö"): none — they feed `cooperation`.
 * Places ("Auran kunnassa", "Loimaan seudulla") and descriptions of clients ("Auran kunnan
 * asiakkaat") are not providers. The client group is read per sentence; `both` when the sentence
 * names both or neither (s4.a1 and s4.a2 default to their question's group; table cells to their column).
 */
import type { ActorMention } from './actors';
import { factConfidence, sentenceCues } from './confidence';
import { actorAmbiguous, actorMatch, bySentence, municipalityKind, sentenceText, type PreparedAnswer, type ProgrammeFacts } from './prepared';
import { lineStart, perSentence } from './text';
import { clientGroupCue, clientGroupsOf, FOLLOW_UP, saysWhoDoesWhat } from './services';
import type { ResponsibilityRow } from './types';

export function responsibilityRows(programmeId: string, prepared: readonly PreparedAnswer[], facts: ProgrammeFacts): ResponsibilityRow[] {
	const rows: ResponsibilityRow[] = [];
	for (const p of prepared) {
		const { info, answer } = p;
		if (!info.service || info.role === 'cooperation' || answer.text.trim() === '') continue;
		const seen = new Set<string>();
		const used: ActorMention[] = [];
		const providers = bySentence(p.actors.filter((x) => !x.location && !x.descriptor));
		const indexOf = new Map<ActorMention, number>();
		for (const list of providers.values()) list.forEach((x, i) => indexOf.set(x, i));
		const groups = clientGroupsOf(
			p.a.sentences.map((s) => sentenceText(p, s.index)),
			info.defaultGroup
		);
		for (const actor of p.actors) {
			if (actor.location || actor.descriptor) continue;
			if (info.role === 'description') {
				if (!perSentence(p.a, actor.sentence, saysWhoDoesWhat)) continue;
				if (answer.key === 'header.process' && !perSentence(p.a, actor.sentence, followsUp)) continue;
			}
			// "vastaa Paimion kaupunki yhdessä Turun työllisyysalueen kanssa": the one with whom is a partner (cooperation), not a provider.
			if (isPartnerOnly(p, actor, info.role === 'description' || answer.key === 'header.coordinator')) continue;
			const kind = municipalityKind(actor, facts, p);
			let group = info.fromTable ? info.defaultGroup : groups[actor.sentence] ?? info.defaultGroup;
			if (group === 'both' && !info.fromTable) group = ownGroup(p, actor, providers.get(actor.sentence) ?? [], indexOf.get(actor) ?? -1) ?? group;
			// One row per provider per sentence: "Auran kunnan edustaja … kunnan" is one municipality.
			const dedupe = `${actor.sentence}|${kind}|${actor.municipalityCode ?? actor.name.toLowerCase()}`;
			if (seen.has(dedupe)) continue;
			seen.add(dedupe);
			used.push(actor);
			const snippet = answer.text.slice(actor.start, actor.end);
			rows.push({
				programme_id: programmeId,
				key: answer.key,
				span_start: actor.start,
				span_end: actor.end,
				snippet,
				service: info.service,
				client_group: group,
				provider: actor.name,
				provider_kind: kind,
				provider_municipality_code: actor.municipalityCode,
				from_table: info.fromTable,
				// B parts, the table and the coordinator ask who is responsible; A parts only describe.
				confidence: factConfidence({
					source: info.role === 'responsible' ? 'field' : 'prose',
					match: actorMatch(actor, snippet),
					...perSentence(p.a, actor.sentence, sentenceCues),
					ambiguous: actorAmbiguous(actor),
					ocr: p.ocr
				})
			});
		}
		// A table cell that names no actor we know is still an answer: keep it as written.
		if (info.fromTable && used.length === 0) {
			const m = /\S[^\n]*/.exec(answer.text);
			if (m && !/^[-–—x.…?\s]+$/i.test(m[0])) {
				const text = m[0].trimEnd().slice(0, 120);
				rows.push({
					programme_id: programmeId,
					key: answer.key,
					span_start: m.index,
					span_end: m.index + text.length,
					snippet: text,
					service: info.service,
					client_group: info.defaultGroup,
					provider: text,
					provider_kind: 'other',
					provider_municipality_code: null,
					from_table: true,
					// A cell that names no body we know: kept as written, worth a look.
					confidence: factConfidence({ source: 'cue', match: 'exact', ocr: p.ocr })
				});
			}
		}
	}
	return rows;
}

/**
 * In a sentence that names both client groups, the group of one actor: the cue in its own stretch
 * of the sentence — after it up to the next actor ("työvoimaviranomainen (työnhakijat) ja Seinäjoen
 * kaupunki (muut kotoutujat)"), unless a label stands right before it ("Työnhakijat: X"); else before it
 * back to the previous actor ("työnhakijoiden osalta X"); null when its stretch names none or both.
 */
function ownGroup(p: PreparedAnswer, actor: ActorMention, same: readonly ActorMention[], i: number): 'jobseekers' | 'others' | null {
	const s = p.a.sentences[actor.sentence];
	if (!s) return null;
	// `same`: the sentence's actors that are neither places nor descriptions; `i`: this one's index there.
	if (i < 0) return null;
	let next: ActorMention | undefined;
	for (let k = i + 1; k < same.length && !next; k++) if (same[k].start >= actor.end) next = same[k];
	let prev: ActorMention | undefined;
	for (let k = i - 1; k >= 0 && !prev; k--) if (same[k].end <= actor.start) prev = same[k];
	const one = (g: ReturnType<typeof clientGroupCue>) => (g === 'jobseekers' || g === 'others' ? g : null);
	const beforeText = p.a.text.slice(prev ? prev.end : s.start, actor.start);
	// A label right before: "Työnhakijat: työvoimaviranomainen / Muut: Mikkelin kaupunki".
	if (/:[ \t]*$/.test(beforeText)) {
		const label = one(clientGroupCue(beforeText.slice(beforeText.lastIndexOf('\n') + 1)));
		if (label) return label;
	}
	// "työvoiman ulkopuolella olevien osalta X ja työnhakijoiden osalta Y": "osalta" points forward.
	if (/osalta[ \t]*$|för[ \t]+\p{L}+[ \t]+del[ \t]*$/u.test(beforeText)) {
		const g = one(clientGroupCue(beforeText));
		if (g) return g;
	}
	if (same.length < 2) return null;
	let afterText = p.a.text.slice(actor.end, next ? next.start : s.end);
	if (next && /osalta[ \t]*$/u.test(afterText)) afterText = afterText.replace(/(?:,|ja|sekä)?[^,]*osalta[ \t]*$/u, '');
	const after = clientGroupCue(afterText);
	if (after === 'both') return null;
	// The label of the actor's line: "Muut: X / Y" (Y too).
	const label = /^[ \t]*([^:\n]{1,40}):/u.exec(p.a.text.slice(Math.max(lineStart(p.a, actor.start), s.start), actor.start));
	return one(after) ?? one(clientGroupCue(beforeText)) ?? (label ? one(clientGroupCue(label[1] + ':')) : null);
}

/**
 * "vastaa X yhdessä Y:n kanssa", "tillsammans med Y", "voi tehdä yhteistyötä Y:n kanssa": Y works
 * with the provider (cooperation), it is not named as one. ("Kunta tekee yhteistyötä Y:n kanssa"
 * still names Y as one who provides: Aura's golden file.)
 */
const RESPONSIBLE_BEFORE = /vastuussa[ \t]+olev\p{L}*[ \t]+$/iu;
const TOGETHER = /(?<![\p{L}])yhdessä(?![\p{L}])/iu;
const MAY_COOPERATE = /(?<![\p{L}])(?:voi|voivat|voidaan)[ \t]+(?:\p{L}+[ \t]+)?(?:tehdä[ \t]+)?yhteistyö\p{L}*/iu;
const keywordAt = (word: string) => {
	const re = new RegExp(word, 'iu');
	return (sentence: string) => re.exec(sentence)?.index ?? -1;
};
const FIRST_KEYWORD: Record<string, (sentence: string) => number> = { yhdessä: keywordAt('yhdessä'), yhteistyö: keywordAt('yhteistyö') };

/**
 * `re` matches in the actor's sentence before the actor. Every match holds `word`, so a sentence
 * whose first `word` (found once per sentence) comes after the actor is settled without a scan;
 * only an actor after it reads the sentence so far.
 */
function precedes(p: PreparedAnswer, actor: ActorMention, word: 'yhdessä' | 'yhteistyö', re: RegExp): boolean {
	const s = p.a.sentences[actor.sentence];
	if (!s) return re.test('');
	const at = perSentence(p.a, actor.sentence, FIRST_KEYWORD[word]);
	if (at < 0 || s.start + at + word.length > actor.start) return false;
	return re.test(p.a.text.slice(s.start, actor.start));
}

const followsUp = (sentence: string) => FOLLOW_UP.test(sentence);

function isPartnerOnly(p: PreparedAnswer, actor: ActorMention, describes: boolean): boolean {
	const text = p.a.text;
	if (/^[ \t]+kanssa(?![\p{L}])/u.test(text.slice(actor.end, actor.end + 8))) {
		const s = p.a.sentences[actor.sentence];
		const from = s ? s.start : actor.start;
		// "yhdessä Y:n kanssa"; "voi tehdä yhteistyötä Y:n kanssa" (may work with Y: Y provides nothing yet).
		// (In B parts "yhdessä" lists joint providers: "laativat yhdessä".) "vastuussa olevan Y:n kanssa" names Y as responsible.
		// (The words right before: a bounded window, not the sentence so far, which is quadratic per mention.)
		if (RESPONSIBLE_BEFORE.test(text.slice(Math.max(from, actor.start - 80), actor.start))) return false;
		return (describes && precedes(p, actor, 'yhdessä', TOGETHER)) || precedes(p, actor, 'yhteistyö', MAY_COOPERATE);
	}
	return /(?<![\p{L}])tillsammans[ \t]+med[ \t]+$/iu.test(text.slice(Math.max(0, actor.start - 24), actor.start));
}

/**
 * The check's view of a draft: every part of the form with its grade and the rubric's reason,
 * what the form asks there and which section of the law it answers; and how the draft stands
 * against its peers (which parts most peers answer while this draft leaves them thin or weak).
 */
import { ANSWER_FIELDS, SECTIONS, type SectionId } from '../programme/form-tem-2024';
import { QUESTIONS_SV } from '../programme/form-tem-2024-sv';
import type { CompletenessRow } from '../programme/enrich/types';
import type { Grade } from '../programme/enrich/completeness';

/** A part as the dataset's completeness row grades it (reason_key/reason_params: message `gaps.reason.<key>`), placed in the form. */
export interface CheckPart extends Pick<CompletenessRow, 'key' | 'mandatory' | 'grade' | 'score' | 'reason' | 'reason_key' | 'reason_params' | 'chars'> {
	section: SectionId;
	/** The form's question in Finnish and Swedish, and the statute the section answers. */
	questionFi: string;
	questionSv: string | null;
	law: string | null;
}

const WEAK: ReadonlySet<Grade> = new Set(['missing', 'empty', 'placeholder']);

/** The parts of the form (the responsibility table aside), graded; mandatory first within form order. */
export function checkParts(completeness: readonly CompletenessRow[]): CheckPart[] {
	const byKey = new Map(completeness.map((c) => [c.key, c]));
	return ANSWER_FIELDS.map((f) => {
		const c = byKey.get(f.key);
		return {
			key: f.key,
			section: f.section,
			mandatory: f.mandatory,
			grade: c?.grade ?? 'missing',
			score: c?.score ?? 0,
			reason: c?.reason ?? 'The document has no such part.',
			reason_key: c?.reason_key ?? 'missing',
			reason_params: c?.reason_params ?? '{}',
			chars: c?.chars ?? 0,
			questionFi: f.question,
			questionSv: QUESTIONS_SV[f.key]?.question ?? null,
			law: SECTIONS.find((s) => s.id === f.section)?.law ?? null
		};
	});
}

/** Mandatory completeness 0–1 (mean of the mandatory parts' scores), as programme_scores computes it. */
export function mandatoryScore(completeness: readonly CompletenessRow[]): number | null {
	const m = completeness.filter((c) => c.mandatory);
	return m.length === 0 ? null : m.reduce((s, c) => s + c.score, 0) / m.length;
}

export interface PeerPart {
	peer_group: string;
	key: string;
	graded: number;
	answered: number;
}

export interface PeerGap {
	key: string;
	grade: Grade;
	/** Share (0–1) of graded peers that answer it, and of how many. */
	share: number;
	answered: number;
	graded: number;
}

/**
 * Parts at least `threshold` of the group's graded peers answer but this draft does not
 * (thin, placeholder, empty or missing), most commonly answered first.
 */
export function peerGaps(parts: readonly CheckPart[], peers: readonly PeerPart[], group: string, threshold = 0.5): PeerGap[] {
	const mine = new Map(parts.map((p) => [p.key, p]));
	return peers
		.filter((r) => r.peer_group === group && r.graded > 0)
		.map((r) => ({ r, part: mine.get(r.key) }))
		.filter(({ r, part }) => part && part.mandatory && part.grade !== 'answered' && r.answered / r.graded >= threshold)
		.map(({ r, part }) => ({ key: r.key, grade: part!.grade, share: r.answered / r.graded, answered: r.answered, graded: r.graded }))
		.sort((a, b) => b.share - a.share || a.key.localeCompare(b.key));
}

export const isWeak = (g: Grade) => WEAK.has(g);

export interface PeerName {
	peer_group: string;
	value: string;
	detail: string | null;
	municipalities: number;
}

/** Peer names of a group, each marked whether the draft names it too. */
export function namedByPeers(rows: readonly PeerName[], group: string, mine: ReadonlySet<string>): (PeerName & { inDraft: boolean })[] {
	return rows.filter((r) => r.peer_group === group).map((r) => ({ ...r, inDraft: mine.has(r.value) }));
}

/**
 * Which service an answer is about, what kind of part it is, and which client group a sentence
 * speaks of.
 */
import type { TableRowId } from '../form-tem-2024';

export type ServiceId =
	| 'assessment'
	| 'multi_assessment'
	| 'plan'
	| 'multi_plan'
	| 'orientation'
	| 'training'
	| 'other_training'
	| 'guidance'
	| 'other_services'
	| 'follow_up';

export type ClientGroup = 'jobseekers' | 'others' | 'both';

/** How a part is read for providers. */
export type PartRole =
	/** B parts, the responsibility table and the coordinator: every actor named is a provider. */
	| 'responsible'
	/** A parts and the follow-up part of the process answer: only actors in a sentence that says who does what. */
	| 'description'
	/** C parts and the rest: cooperation only. */
	| 'cooperation';

export interface KeyInfo {
	service: ServiceId | null;
	role: PartRole;
	/** The client group the question itself is about (s4.a1 job-seekers, s4.a2 others, table columns). */
	defaultGroup: ClientGroup;
	fromTable: boolean;
}

const SECTION_SERVICE: Record<string, ServiceId> = {
	'3': 'orientation',
	'4': 'training',
	'5': 'other_training',
	'6': 'guidance',
	'7': 'other_services'
};

export function keyInfo(key: string): KeyInfo {
	const table = /^table\.([a-z_]+)\.(jobseekers|others)$/.exec(key);
	if (table) {
		return { service: table[1] as TableRowId, role: 'responsible', defaultGroup: table[2] as ClientGroup, fromTable: true };
	}
	const none: KeyInfo = { service: null, role: 'cooperation', defaultGroup: 'both', fromTable: false };
	// The coordinator answers "who runs the programme": the body responsible for follow-up and updating.
	if (key === 'header.coordinator') return { service: 'follow_up', role: 'responsible', defaultGroup: 'both', fromTable: false };
	if (key === 'header.process') return { service: 'follow_up', role: 'description', defaultGroup: 'both', fromTable: false };
	const m = /^s(\d)\.([abc])(\d?)$/.exec(key);
	if (!m) return none;
	const [, section, part, n] = m;
	let service: ServiceId | null = SECTION_SERVICE[section] ?? null;
	if (section === '1') service = part === 'b' && n === '2' ? 'multi_assessment' : 'assessment';
	if (section === '2') service = part === 'b' && n === '2' ? 'multi_plan' : 'plan';
	const role: PartRole = part === 'b' ? 'responsible' : part === 'a' ? 'description' : 'cooperation';
	const defaultGroup: ClientGroup = key === 's4.a1' ? 'jobseekers' : key === 's4.a2' ? 'others' : 'both';
	return { service, role, defaultGroup, fromTable: false };
}

/** Others: people outside the labour force, or "other than job-seekers". Checked first. */
const OTHERS =
	/työvoiman[ \t]+ulkopuol\p{L}*|työelämän[ \t]+ulkopuol\p{L}*|mui(?:lle|den|ta|hin|ssa)?[ \t]+kuin[ \t]+työnhakij\p{L}*|muut[ \t]+kuin[ \t]+työnhakij\p{L}*|ei-työnhakij\p{L}*|(?:eivät|ei)[ \t]+ole[ \t]+(?:rekisteröity\p{L}*[ \t]+)?työnhakij\p{L}*|mu(?:ut|ille|iden|ita|ihin|issa)[ \t]+(?:kotoutuj|kotoutuja-asiak|asiak|maahanmuuttaj)\p{L}*|övriga[ \t]+\p{L}*(?:klient|invandrar|kund|person)\p{L}*|(?<![\p{L}])(?:muut|muille|övriga)(?=[ \t]*:)|mui(?:den|lle)[ \t]+osalta|kotona[ \t]+olev\p{L}*|kotiäid\p{L}*|kotivanhem\p{L}*|utanför[ \t]+arbetskraften|andra[ \t]+än[ \t]+arbetssökande|inte[ \t]+är[ \t]+arbetssökande/giu;

/** Job-seekers: registered job-seekers, job-seeker clients, the unemployed, and labour-market training (for job-seekers by law). */
const JOBSEEKERS =
	/työnhakij\p{L}*|työnhakuasiak\p{L}*|työttöm\p{L}*|työvoimakoulutu\p{L}*|työvoimapoliittis\p{L}*|arbetssökande|arbetslös\p{L}*|arbetskraftsutbildning\p{L}*/giu;

/** The client group a sentence names: `both` when it names both, null when it names neither. */
export function clientGroupCue(sentence: string): ClientGroup | null {
	const others = OTHERS.test(sentence);
	OTHERS.lastIndex = 0;
	const rest = sentence.replace(OTHERS, ' ');
	const jobseekers = JOBSEEKERS.test(rest);
	JOBSEEKERS.lastIndex = 0;
	if (others && jobseekers) return 'both';
	if (others) return 'others';
	if (jobseekers) return 'jobseekers';
	return null;
}

/** The client group a sentence speaks of, or `fallback` when it names none. */
export function clientGroupOf(sentence: string, fallback: ClientGroup = 'both'): ClientGroup {
	return clientGroupCue(sentence) ?? fallback;
}

/**
 * Client group of every sentence of an answer: its own cue; else, for a sentence that refers back
 * ("Tällöin asiantuntijana voi toimia työvoimaviranomainen"), the previous sentence's group; else `fallback`.
 */
export function clientGroupsOf(sentences: readonly string[], fallback: ClientGroup): ClientGroup[] {
	const out: ClientGroup[] = [];
	sentences.forEach((s, i) => {
		const cue = clientGroupCue(s);
		out.push(cue ?? (i > 0 && ANAPHORIC_START.test(s.trim()) ? out[i - 1] : fallback));
	});
	return out;
}

/** A sentence that refers back to the previous one ("Tällöin…", "Tässä…"): it speaks of the same clients. */
export const ANAPHORIC_START = /^(?:tällöin|silloin|tässä|tällä|tämä|näissä|näin|siinä|sen|heille|heidät|då|därvid|i[ \t]+dessa|i[ \t]+detta)(?![\p{L}])/iu;

/** A sentence that says who does what (used for A parts). */
export const RESPONSIBILITY_PREDICATE =
	/(?<![\p{L}])(?:vastaa|vastaavat|vastaava|vastaavan|vastaavana|vastaavat|vastuussa|vastuulla|järjestää|järjestävät|järjestetään|järjestäm\p{L}*|järjestäjä\p{L}*|toteuttaa|toteuttavat|toteutetaan|toteuttam\p{L}*|toteuttaja\p{L}*|tarjoaa|tarjoavat|tarjotaan|tarjoam\p{L}*|tarjoavansa|tuottaa|tuottavat|tuotetaan|tuottam\p{L}*|laatii|laativat|laaditaan|laatim\p{L}*|tekee|tekevät|tehdään|toimesta|hoitaa|hoitavat|hoidetaan|palvelee|palvelevat|toimii|toimivat|toimia|antaa|antavat|annetaan|ansvarar|ansvarig\p{L}*|ordnar|ordnas|anordnar|anordnas|erbjuder|erbjuds|genomför|genomförs|producerar|produceras|sköter|sköts|står[ \t]+för)(?![\p{L}])/iu;

/** "tekee yhteistyötä" is cooperation, not responsibility. */
export function saysWhoDoesWhat(sentence: string): boolean {
	const cleaned = sentence.replace(/(?:tekee|tekevät|tehdään|toimii|toimivat)[ \t]+(?:\p{L}+[ \t]+)?yhteistyö\p{L}*/giu, ' ');
	return RESPONSIBILITY_PREDICATE.test(cleaned);
}

/** In the process answer, only the follow-up sentences speak of who follows the programme up. */
export const FOLLOW_UP = /seura(?:nta|amin|taan|tään|ntaa)|seurantaa|päivit|uppfölj|uppdater/iu;

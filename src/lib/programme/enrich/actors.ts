/**
 * Actors named in the prose: who provides a service or takes part in an arrangement.
 *
 * An actor is an organisation term from the lexicon below ("työvoimaviranomainen", "hyvinvointialueen",
 * "ELY-keskuksen", "kansalaisopisto", "seurakunta", "Arffman Finland Oy"…), a municipality acting as an
 * organisation ("Loimaan kaupunki", "Loimaan kaupungin maahanmuuttokoordinaattori", "Turun järjestämänä",
 * "vastuukunta Turku"), the programme's own municipality named generically ("kunta", "kunnan edustaja"),
 * or a staff role whose employer the programme named elsewhere ("maahanmuuttokoordinaattori" after
 * "Loimaan kaupungin maahanmuuttokoordinaattori").
 *
 * Not actors: places ("Auran kunnassa", "Loimaan seudulla", "Pöytyällä", "työllisyysalueella"),
 * and organisations named only to describe someone else ("Auran kunnan kotoutuja-asiakkaiden",
 * "koko työllisyysalueen kotoutuja-asiakkaille"). Those are kept with `location`/`descriptor` set so
 * that cooperation can still use them as partners ("Turun työllisyysalueella suunnitellaan yhteisiä
 * hankintoja" names the employment area as a partner in procurement).
 */
import { LOCATIVE_CASES } from './finnish';
import type { MunicipalityMention } from './gazetteer';
import { municipalNoun } from './gazetteer';
import type { AnalysedText } from './text';
import { AGENT_AFTER, COMPILED, COREF_ROLE, DESCRIPTOR_AFTER, headCase, headLemma, NAME_STOPWORDS, ROLE, type ActorKind } from './actor-lexicon';
import { namedPrefix, type ActorContext, type AreaNames } from './actor-areas';
import { extendLeft, extendRightAcronym, genitiveEndingAt, mentionsEndingAt, nextToken, prevToken, roleAfter, tokenAt } from './actor-tokens';

export { ACTOR_KINDS, COREF_ROLE, type ActorKind } from './actor-lexicon';
export { buildAreaNames, type ActorContext, type AreaNames } from './actor-areas';

export interface ActorMention {
	/** For municipalities this is `municipality`; responsibilities/cooperation refine it (own, host, employment area host). */
	kind: ActorKind;
	/** The actor's name, nominative where we can: "Loimaan kaupunki", "hyvinvointialue", "Auranmaan opisto". */
	name: string;
	start: number;
	end: number;
	sentence: number;
	/** Municipality code when the actor is a municipality. */
	municipalityCode: string | null;
	/** Employment area code (employment authority) or wellbeing county code, when known. */
	areaCode: string | null;
	/** Unnamed: "järjestöt", "kunta", "palveluntuottaja". */
	generic: boolean;
	/** Named as a place ("työllisyysalueella", "Loimaan seudulla"), not as an actor. */
	location: boolean;
	/** Named to describe someone else ("Auran kunnan asiakkaat"). */
	descriptor: boolean;
	/** The staff role or unit written with it ("maahanmuuttokoordinaattori"), if any. */
	role: string | null;
	/** How it was found. */
	via: 'term' | 'company' | 'municipality' | 'own-municipality' | 'role';
	/** For municipality actors: the case of the phrase (nom, gen…). */
	case: string;
}


export function findActors(
	a: AnalysedText,
	municipalities: readonly MunicipalityMention[],
	ctx: ActorContext,
	areaNames: AreaNames
): ActorMention[] {
	const out: ActorMention[] = [];
	// Characters already claimed by an actor: a longer or earlier match wins.
	const covered = new Uint8Array(a.text.length + 1);
	const overlaps = (s: number, e: number) => {
		for (let i = s; i < e; i++) if (covered[i]) return true;
		return false;
	};
	const taken = { push: ([s, e]: [number, number]) => covered.fill(1, s, e) };

	const ownArea = uniqueOf(ctx.ownCodes.map((c) => ctx.municipalitiesByCode.get(c)?.employmentAreaCode));
	const ownCounty = uniqueOf(ctx.ownCodes.map((c) => ctx.municipalitiesByCode.get(c)?.wellbeingCountyCode));

	// 1. Companies: capitalised words + Oy/Oyj/Ab/Ltd…; 1b. registered associations: "Monika-Naiset liitto ry", "Kotona Suomessa ry:n".
	const company = /(?<![\p{L}\p{N}])((?:[\p{Lu}\d][\p{L}\d&.'’-]*[ \t]+){1,5})(Oy|Oyj|Ab|Abp|Ltd|Ky|Tmi|Ay|AB|OY|Oy Ab)(?::\p{L}+)?(?![\p{L}])/gu;
	const association =
		/(?<![\p{L}\p{N}])((?:[\p{Lu}\d][\p{L}\d&.'’-]*[ \t]+){1,5}(?:(?:liitto|yhdistys|seura|kerho|keskus|verkosto|förbund|förening)[ \t]+)?)(ry|r\.y\.|rf|r\.f\.)(?::\p{L}+)?(?![\p{L}])/gu;
	for (const [pattern, kind] of [
		[company, 'private_company'],
		[association, 'ngo_parish']
	] as const) {
		for (const m of a.text.matchAll(pattern)) {
			let start = m.index ?? 0;
			const words = m[1].trim().split(/[ \t]+/);
			// Drop leading words that are not part of a name ("Lisäksi Arffman Finland Oy").
			while (words.length > 1 && NAME_STOPWORDS.has(words[0].toLowerCase())) {
				start = a.text.indexOf(words[1], start + words[0].length);
				words.shift();
			}
			const end = (m.index ?? 0) + m[0].length;
			// (Companies never overlap: the matches of one pattern do not, and they come first.)
			if (overlaps(start, end) || (words.length === 1 && NAME_STOPWORDS.has(words[0].toLowerCase()))) continue;
			out.push(base(kind, `${words.join(' ')} ${m[2]}`, start, end, tokenAt(a, start)?.sentence ?? 0, { via: 'company' }));
			taken.push([start, end]);
		}
	}

	// 2. Organisation terms.
	const lowerText = a.text.toLowerCase();
	const sameLength = lowerText.length === a.text.length;
	for (const term of COMPILED) {
		if (term.hint && !lowerText.includes(term.hint)) continue;
		const scan = term.exact ? a.text.matchAll(term.regex) : sameLength ? lowerText.matchAll(term.regex) : a.text.matchAll(term.regexI);
		for (const lm of scan) {
			// Matched on the lower-cased copy: take the text as written at the same place.
			const m = { index: lm.index, 0: a.text.slice(lm.index ?? 0, (lm.index ?? 0) + lm[0].length) };
			let start = m.index ?? 0;
			let end = start + m[0].length;
			if (overlaps(start, end)) continue;
			const head = m[0].replace(/-$/, '');
			if (head !== m[0]) end--;
			const tok = tokenAt(a, start);
			const sentence = tok?.sentence ?? 0;
			let name = headLemma(head, term);
			let areaCode: string | null = null;
			let generic = !!term.generic;
			const hc = headCase(head);
			// Named areas: "Turun työllisyysalue", "Varsinais-Suomen hyvinvointialue", "Etelä-Hämeen työllisyysalue".
			if (term.kind === 'employment_authority' && term.area) {
				const named = namedPrefix(a, start, areaNames.employment, municipalities, ctx, 'employment');
				if (named) {
					start = named.start;
					name = `${a.text.slice(named.start, named.end)} ${term.lemma}`;
					areaCode = named.code;
				} else {
					// A name we do not know ("Kemi-Tornion työllisyysalue"): keep it, the area is the programme's own.
					const p = prevToken(a, start);
					if (p && p.capitalised && /n$/u.test(p.text) && !NAME_STOPWORDS.has(p.lower) && p.sentence === sentence) {
						name = `${p.text} ${term.lemma}`;
						start = p.start;
					}
					areaCode = ownArea;
				}
			} else if (term.kind === 'employment_authority') {
				// "Helsingin työllisyysalue/-palvelut": a municipality's own employment services.
				const p = prevToken(a, start);
				const mm = p && genitiveEndingAt(municipalities, p.index);
				if (mm) {
					start = mm.start;
					name = `${mm.text} ${term.lemma}`;
					areaCode = ctx.municipalitiesByCode.get(mm.code)?.employmentAreaCode ?? ownArea;
				} else areaCode = ownArea;
			}
			else if (term.kind === 'wellbeing_county' && term.named) {
				const named = namedPrefix(a, start, areaNames.wellbeing, municipalities, ctx, 'wellbeing');
				if (named) {
					start = named.start;
					name = `${a.text.slice(named.start, named.end)} ${term.lemma}`;
					areaCode = named.code;
				} else areaCode = ownCounty;
			} else if (term.kind === 'wellbeing_county') areaCode = ownCounty;
			else if (term.named) {
				const s = extendLeft(a, start);
				if (s < start) {
					name = `${a.text.slice(s, start)}${name}`;
					start = s;
					generic = false;
				}
				if (term.kind === 'education_provider' || term.kind === 'ngo_parish') {
					const e = extendRightAcronym(a, end);
					if (e > end) {
						name = `${name} ${a.text.slice(nextToken(a, end)!.start, e)}`;
						end = e;
					}
				}
			}
			if (term.lemma === 'MLL' || term.lemma === 'SPR') {
				// A local branch: "MLL Aura", "SPR Loimaa".
				const n = nextToken(a, end);
				if (n && n.capitalised && !n.sentenceInitial && !NAME_STOPWORDS.has(n.lower)) {
					name = `${term.lemma} ${n.text}`;
					end = n.end;
				}
				generic = false;
			}
			if (overlaps(start, end)) continue;
			// A role right after: "hyvinvointialueen sosiaaliohjaajaan", "työllisyyspalveluiden virkailijat".
			let role: string | null = null;
			const after = nextToken(a, end);
			if (after && hc === 'gen' && ROLE.test(after.lower) && after.sentence === sentence) {
				role = after.text;
				end = after.end;
				const after2 = nextToken(a, end);
				if (after2 && /^palvelu\p{L}*$/u.test(after2.lower) && /^keskitet|^lähi/u.test(after.lower)) end = after2.end;
			}
			const follower = nextToken(a, end);
			const descriptor = hc === 'gen' && !role && !!follower && DESCRIPTOR_AFTER.test(follower.lower);
			const location = !!term.area && hc === 'locative';
			out.push(
				base(term.kind, name, start, end, sentence, {
					areaCode,
					generic,
					role,
					descriptor,
					location,
					via: 'term'
				})
			);
			taken.push([start, end]);
		}
	}

	// Brand-named wellbeing counties ("Varha").
	for (const [brand, { code, re }] of areaNames.wellbeingBrands) {
		if (!a.text.includes(brand)) continue;
		for (const m of a.text.matchAll(re)) {
			const start = m.index ?? 0;
			const end = start + m[0].length;
			if (overlaps(start, end)) continue;
			out.push(base('wellbeing_county', brand, start, end, tokenAt(a, start)?.sentence ?? 0, { areaCode: code, via: 'term' }));
			taken.push([start, end]);
		}
	}

	// 3. Municipalities acting as organisations.
	for (const mm of municipalities) {
		if (overlaps(mm.start, mm.end)) continue;
		const noun = mm.noun;
		if (noun && noun.role === 'area') continue; // "Loimaan seudulla", "Auran alueelle": places
		if (LOCATIVE_CASES.has(mm.phraseCase as never)) continue; // "Auran kunnassa", "Pöytyällä", "i Närpes"
		let end = mm.phraseEnd;
		let role: string | null = null;
		const after = nextToken(a, end);
		const isGenitive = mm.phraseCase === 'gen';
		if (isGenitive) {
			const r = roleAfter(a, end);
			if (r) {
				role = r.role;
				end = r.end;
			} else if (!(after && AGENT_AFTER.test(after.lower))) {
				// A bare genitive ("Turun lailla", "Auran kunnan lisäksi") is not an actor.
				continue;
			}
		} else if (mm.phraseCase !== 'nom') continue;
		if (noun?.plural) continue;
		const name = noun ? `${mm.text} ${noun.lemma}` : mm.name;
		out.push(
			base('municipality', name, mm.start, end, mm.sentence, {
				municipalityCode: mm.code,
				role,
				via: 'municipality',
				caseName: mm.phraseCase
			})
		);
		taken.push([mm.start, end]);
	}

	// 4. The programme's own municipality, unnamed: "kunta", "kunnan edustaja", "Kunta tekee…".
	const ownCode = ctx.ownCodes.length === 1 ? ctx.ownCodes[0] : null;
	for (const t of a.tokens) {
		if (overlaps(t.start, t.end)) continue;
		const noun = municipalNoun(t.lower);
		if (!noun || noun.role !== 'municipality' || noun.plural) continue;
		if (!['kunta', 'kaupunki', 'kommun', 'stad'].includes(noun.lemma)) continue;
		// "kommunen"/"staden" are definite; bare "kommun"/"stad" are too vague.
		if ((noun.lemma === 'kommun' && !/^kommunen/.test(t.lower)) || (noun.lemma === 'stad' && !/^staden/.test(t.lower))) continue;
		const prev = prevToken(a, t.start);
		if (prev && mentionsEndingAt(municipalities, prev.index).length > 0) continue;
		let end = t.end;
		let role: string | null = null;
		const after = nextToken(a, end);
		if (noun.case === 'gen') {
			const r = roleAfter(a, end);
			if (r) {
				role = r.role;
				end = r.end;
			} else if (!(after && AGENT_AFTER.test(after.lower))) {
				// "kunnan ja muiden toimijoiden" (coordination) counts; "kunnan asiakkaat" does not.
				const rest = a.text.slice(t.end, t.end + 6);
				if (!/^[ \t]+(?:ja|sekä|tai|och)[ \t]/u.test(rest)) continue;
			}
		} else if (noun.case !== 'nom') continue;
		// "keskitetty Kemijärvelle, jonka kaupunki vastaa": the relative points at the municipality just named.
		const antecedent =
			prev && /^(?:jonka|vars)$/.test(prev.lower)
				? [...municipalities].reverse().find((m) => m.sentence === t.sentence && m.end <= prev.start && !ctx.ownCodes.includes(m.code))
				: undefined;
		out.push(
			base('municipality', noun.lemma === 'kommun' ? 'kommunen' : noun.lemma === 'stad' ? 'staden' : noun.lemma, t.start, end, t.sentence, {
				municipalityCode: antecedent?.code ?? ownCode,
				role,
				generic: true,
				via: antecedent ? 'municipality' : 'own-municipality',
				caseName: noun.case
			})
		);
		taken.push([t.start, end]);
	}

	// 5. Implicit roles: "Maahanmuuttokoordinaattori järjestää koulutukset". The employer is named
	// elsewhere in the programme: `resolveImplicitRoles` fills in the code once all answers are read.
	for (const t of a.tokens) {
		if (overlaps(t.start, t.end) || !COREF_ROLE.test(t.lower)) continue;
		out.push(
			base('municipality', t.lower.replace(/^(\p{L}*koordinaattori|\p{L}*koordinator)\p{L}*$/u, '$1'), t.start, t.end, t.sentence, {
				municipalityCode: null,
				role: t.text,
				via: 'role',
				caseName: headCase(t.text)
			})
		);
		taken.push([t.start, t.end]);
	}

	return out.sort((x, y) => x.start - y.start || x.end - y.end);
}

function base(
	kind: ActorKind,
	name: string,
	start: number,
	end: number,
	sentence: number,
	o: Partial<Omit<ActorMention, 'kind' | 'name' | 'start' | 'end' | 'sentence'>> & { caseName?: string } = {}
): ActorMention {
	return {
		kind,
		name,
		start,
		end,
		sentence,
		municipalityCode: o.municipalityCode ?? null,
		areaCode: o.areaCode ?? null,
		generic: o.generic ?? false,
		location: o.location ?? false,
		descriptor: o.descriptor ?? false,
		role: o.role ?? null,
		via: o.via ?? 'term',
		case: o.caseName ?? 'other'
	};
}

function uniqueOf(xs: (string | undefined)[]): string | null {
	const s = new Set(xs.filter((x): x is string => !!x));
	return s.size === 1 ? [...s][0] : null;
}


/**
 * Implicit roles stand for the employer the programme names with them somewhere
 * ("Loimaan kaupungin maahanmuuttokoordinaattori" → later "maahanmuuttokoordinaattori" is Loimaa's);
 * with no employer named, for the programme's own municipality (when it is one).
 */
export function resolveImplicitRoles(actorsByAnswer: ActorMention[][], ownCodes: readonly string[]): void {
	let employer: string | null | undefined;
	for (const actors of actorsByAnswer) {
		for (const a of actors) {
			if (employer === undefined && a.via === 'municipality' && a.role && COREF_ROLE.test(a.role.toLowerCase())) employer = a.municipalityCode;
		}
	}
	const code = employer ?? (ownCodes.length === 1 ? ownCodes[0] : null);
	for (const actors of actorsByAnswer) for (const a of actors) if (a.via === 'role') a.municipalityCode = code;
}

/**
 * Finnish answers, one writer per canonical key, in the register of the seed (Aura): long
 * sentences, named local actors, agreements by law section, employment areas by their own
 * names. Each idea has several phrasings; writers combine a few ideas per answer.
 *
 * Every named provider, language and cooperation partner is a mention carrying its fact (see
 * facts.ts), so the ground truth is read off the written text.
 */
import {
	arr,
	chance,
	distractorListFi,
	langListFi,
	listOf,
	pick,
	prov,
	provArr,
	type Ctx
} from '../context';
import { capitalise, concat, join, mention, t, type Actor, type ClientGroup, type Mention, type Piece, type Service } from '../facts';
import { genitiveFi, orgWordFi, placeFi } from '../names';
import { person } from './common';
import { CYRILLIC_COURSE_TITLES, language } from './languages';

export type Writer = (c: Ctx) => Piece;

// ---------------------------------------------------------------- helpers

/** Capitalises a sentence-initial mention (or plain string); the fact keeps its actor's own name. */
function cap(m: string): string;
function cap(m: Mention): Mention;
function cap(m: Mention | string): Mention | string {
	if (typeof m === 'string') return m.charAt(0).toUpperCase() + m.slice(1);
	return { ...m, text: m.text.charAt(0).toUpperCase() + m.text.slice(1) };
}

/** One of the employment authority's names. */
/**
 * One of the employment authority's names. `subject` excludes the plural names ("työllisyyspalvelut",
 * "TE-palvelut"), which would need a plural verb.
 */
function eaActor(c: Ctx, subject = false): Actor {
	const [area, authority, services, te, generic] = c.cast.employment;
	return c.rng.weighted<Actor>([
		[area, 0.4],
		[authority, 0.25],
		[services, subject ? 0 : 0.18],
		[te, subject ? 0 : 0.05],
		[generic, 0.12]
	]);
}

/** The employment authority: 'nom' as the subject of a singular verb, 'list' in lists, 'gen' genitive. */
function ea(c: Ctx, form: 'nom' | 'list' | 'gen', group: ClientGroup = 'jobseekers', service?: Service): Mention {
	const a = eaActor(c, form === 'nom');
	return prov(a, form === 'gen' ? a.gen : a.name, group, service);
}

/** The provider for clients who are not job-seekers, as an organisation or as a unit/person. */
/**
 * The provider for clients who are not job-seekers, as an organisation or as a unit/person.
 * `group` is what the sentence says: 'others' when it names that group, 'both' when it names none.
 */
function oth(c: Ctx, form: 'nom' | 'gen', group: ClientGroup = 'others', service?: Service): Mention {
	if (chance(c, 0.5)) return prov(c.others, form === 'nom' ? c.others.name : c.others.gen, group, service);
	return prov(c.othersUnit.actor, form === 'nom' ? c.othersUnit.nom : c.othersUnit.gen, group, service);
}

function othUnit(c: Ctx, form: 'nom' | 'gen', group: ClientGroup = 'others', service?: Service): Mention {
	return prov(c.othersUnit.actor, form === 'nom' ? c.othersUnit.nom : c.othersUnit.gen, group, service);
}

function countyActor(c: Ctx): Actor {
	const options: [Actor, number][] = [
		[c.cast.county, 0.5],
		...c.cast.countyUnits.map((u): [Actor, number] => [u, 0.35 / c.cast.countyUnits.length])
	];
	if (c.cast.countyBrand) options.push([c.cast.countyBrand, 0.15]);
	return c.rng.weighted(options);
}

function wc(c: Ctx, form: 'nom' | 'gen', group: ClientGroup = 'both', service?: Service): Mention {
	const a = countyActor(c);
	return prov(a, form === 'nom' ? a.name : a.gen, group, service);
}

/** The county as an organisation (full name or short name), for "X:n edustaja", "X:n sosiaalityö". */
function wcOrg(c: Ctx, form: 'nom' | 'gen', group: ClientGroup = 'both'): Mention {
	const a = c.cast.countyBrand && chance(c, 0.2) ? c.cast.countyBrand : c.cast.county;
	return prov(a, form === 'nom' ? a.name : a.gen, group);
}

function wcArr(c: Ctx): Mention {
	const a = chance(c, 0.75) ? c.cast.county : countyActor(c);
	return arr(a, a.gen, 'wellbeing_county');
}

function areaArr(c: Ctx, type: 'employment_area' | 'joint_procurement' = 'employment_area'): Mention {
	return arr(c.cast.area, c.cast.area.gen, type);
}

/** " yhteistoimintasopimuksen nojalla" when the provider acts for a 54 § host; empty otherwise. */
function agreementClause(c: Ctx): Piece {
	if (!c.viaAgreement || !c.hostActor) return concat();
	const clause = pick(c, ['yhteistoimintasopimuksen nojalla', 'yhteistoimintasopimukseen perustuen', 'kuntalain 54 §:n mukaisen sopimuksen perusteella', 'sopimuksen perusteella']);
	return t` ${arr(c.hostActor, clause, 'kuntalaki_54', 'host')}`;
}

function edu(c: Ctx, i = 0): Actor {
	return c.cast.education[i % c.cast.education.length];
}
function ngo(c: Ctx, i = 0): Actor {
	return c.cast.ngos[i % c.cast.ngos.length];
}
function company(c: Ctx, i = 0): Actor {
	return c.cast.companies[i % c.cast.companies.length];
}

function sep(c: Ctx): string {
	return c.rng.weighted<string>([
		[' ', 0.55],
		['\n\n', 0.35],
		['\n', 0.1]
	]);
}

function para(c: Ctx, pieces: (Piece | string | null | false | undefined)[]): Piece {
	return join(pieces, sep(c));
}

const JOB_ALL = ['työnhakijoina oleville asiakkaille', 'työnhakijaksi ilmoittautuneille', 'työnhakija-asiakkaille', 'työttömille työnhakijoille'];
const JOB_GEN = ['työnhakijoiden', 'työnhakijaksi rekisteröityneiden', 'työnhakija-asiakkaiden'];
const OTH_ALL = ['työvoiman ulkopuolella oleville', 'muille kuin työnhakijoina oleville', 'työvoiman ulkopuolella oleville kotoutujille', 'muille kotoutuja-asiakkaille'];
const OTH_GEN = ['työvoiman ulkopuolella olevien', 'muiden kuin työnhakijoina olevien', 'muiden kotoutuja-asiakkaiden'];

/** Languages that are common among residents, for population-statistics distractors. */
const POPULATION_LANGS = ['ru', 'et', 'ar', 'en', 'so', 'fa', 'th', 'vi', 'zh', 'sq', 'uk'];

function populationDistractor(c: Ctx): Piece {
	const codes = c.rng.sample(POPULATION_LANGS, c.rng.int(2, 4));
	const n = Math.max(20, Math.round((c.lead.population * c.rng.int(2, 9)) / 100 / 10) * 10);
	return pick(c, [
		() => t`Kunnassa asuu noin ${String(n)} vieraskielistä asukasta, joiden yleisimmät äidinkielet ovat ${distractorListFi(codes, 'population', 'nom')}.`,
		() => t`Vieraskielisten asukkaiden suurimmat kieliryhmät puhuvat äidinkielenään ${distractorListFi(codes, 'population', 'part')}.`,
		() => t`Väestötietojen mukaan kunnan vieraskielisistä asukkaista suurin osa on ${distractorListFi(codes, 'population', 'kielinen', 'kielisiä')}.`
	])();
}

function officialLanguagesDistractor(c: Ctx): Piece {
	return pick(c, [
		() => t`${c.place} on kaksikielinen ${c.word.nom}, ja sen palvelut ovat saatavilla ${distractorListFi(['fi', 'sv'], 'official-languages', 'transl')}.`,
		() => t`Kunnan palvelut ${distractorListFi(['fi', 'sv'], 'official-languages', 'transl')} on turvattu kielilain mukaisesti.`
	])();
}

function kielinen(code: string, ending = 'kielinen'): string {
	const l = language(code);
	return l.code === 'ckb' ? `soraninkurdin${ending}` : `${l.fiGen}${ending}`;
}

// ---------------------------------------------------------------- header

const headerMunicipalities: Writer = (c) => {
	const names = c.covered.map((m) => placeFi(m.nameFi));
	const mentions = c.covered.map((m, i) => mention(names[i], { type: 'municipality', code: m.code }));
	if (c.covered.length === 1) {
		const m = c.covered[0];
		const org = m.nameFi.endsWith(' kunta') ? m.nameFi : `${genitiveFi(m.nameFi)} ${orgWordFi(m.nameFi).nom}`;
		return pick(c, [
			() => t`${mention(org, { type: 'municipality', code: m.code })}`,
			() => t`${mention(m.nameFi, { type: 'municipality', code: m.code })}`,
			() => t`${mention(m.nameSv !== m.nameFi ? `${m.nameFi} / ${m.nameSv}` : org, { type: 'municipality', code: m.code })}`
		])();
	}
	return pick(c, [() => listOf(mentions, 'ja'), () => join(mentions.map((m) => concat(m)), ', '), () => join(mentions.map((m) => concat(m)), '\n')])();
};

const headerCoordinator: Writer = (c) => {
	// Singular subjects: the sentences say "koordinoi".
	const units = ['hyvinvointitoimiala', 'sivistystoimiala', 'hyvinvointiyksikkö', 'elinvoimatoimiala', 'vapaa-aika- ja hyvinvointitoimi'];
	if (c.model === 'member_54' && c.host) {
		const hostGen = genitiveFi(c.host.nameFi);
		return pick(c, [
			() => t`${c.placeGen} ${c.word.ine} kotoutumisohjelmaa koordinoi ${c.word.gen} ${pick(c, units)} yhdessä ${hostGen} ${orgWordFi(c.host!.nameFi).gen} ${c.coordinator}n kanssa.`,
			() => t`${c.placeGen} ${c.word.gen} ${pick(c, units)}; käytännön koordinaatio ${hostGen} ${orgWordFi(c.host!.nameFi).gen} ${c.coordinator}.`
		])();
	}
	if (c.model === 'joint_area' || c.model === 'joint_54') {
		return t`Kotoutumisohjelmaa koordinoi ${c.placeGen} ${c.word.nom} yhdessä ${c.cast.area.gen} kanssa. Kussakin kunnassa on nimetty kotoutumisen yhdyshenkilö.`;
	}
	return pick(c, [
		() => t`${c.placeGen} ${c.word.ine} kotoutumisohjelmaa koordinoi ${c.word.gen} ${pick(c, units)}.`,
		() => t`Kotoutumisohjelman koordinoinnista vastaa ${c.placeGen} ${c.word.gen} ${pick(c, units)}, ${c.coordinator}.`,
		() => t`${c.placeGen} ${c.word.gen} ${pick(c, units)} / ${c.coordinator}`,
		() => t`${c.coordinator.charAt(0).toUpperCase() + c.coordinator.slice(1)} (${c.placeGen} ${c.word.nom})`
	])();
};

const headerPartners: Writer = (c) => {
	const drafting = pick(c, [
		() => t`Kotoutumisohjelmaa kuvaava asiakirja on laadittu yhteistyössä ${areaArr(c)}, ${wcArr(c)} ja kunnan eri toimialojen kanssa.`,
		() => t`Asiakirja on laadittu yhteistyössä kuntien edustajien ja kotoutumisosaajien verkoston asiantuntijoiden kanssa.`,
		() =>
			t`Laadintaan osallistuivat kunnan sivistys- ja hyvinvointipalvelut, ${arr(c.cast.area, c.cast.area.name, 'employment_area')}, ${arr(c.cast.county, c.cast.county.name, 'wellbeing_county')} sekä ${arr(ngo(c), ngo(c).name, 'ngo_parish')}.`,
		() => t`Työryhmässä ovat olleet mukana kunnan edustajien lisäksi ${arr(c.cast.area, c.cast.area.name, 'employment_area')}, ${arr(c.cast.county, c.cast.county.name, 'wellbeing_county')} ja ${arr(edu(c), edu(c).name, 'education_provider')}.`
	])();
	const pieces: Piece[] = [drafting];
	if (c.hostActor && c.host && (c.model === 'member_54' || c.model === 'host_54' || c.model === 'joint_54' || c.model === 'joint_area')) {
		pieces.push(agreementSentence(c));
	}
	if (c.covered.length > 1) {
		const partners = c.covered.map((m) =>
			arr({ name: `${genitiveFi(m.nameFi)} ${orgWordFi(m.nameFi).nom}`, gen: genitiveFi(m.nameFi), kind: 'municipality', code: m.code }, genitiveFi(m.nameFi), 'joint_programme')
		);
		pieces.push(
			pick(c, [
				() => t`Asiakirja on ${listOf(partners, 'ja')} kuntien yhteinen kotoutumisohjelma.`,
				() => t`Kotoutumisohjelma on laadittu yhteisenä ${listOf(partners, 'ja')} kunnille.`
			])()
		);
	}
	if (chance(c, 0.3)) pieces.push(t`Kunta on asettanut kotoutumisen työryhmän seuraamaan ohjelman toteutumista.`);
	return join(pieces, pick(c, ['\n\n', '\n\n\n\n', ' ']));
};

/** The 54 § agreement, stated from the point of view of the document. */
function agreementSentence(c: Ctx): Piece {
	const host = c.hostActor!;
	const memberMentions = c.agreementMembers.map((m) =>
		arr({ name: `${genitiveFi(m.nameFi)} ${orgWordFi(m.nameFi).nom}`, gen: genitiveFi(m.nameFi), kind: 'municipality', code: m.code }, genitiveFi(m.nameFi), 'kuntalaki_54', 'member')
	);
	if (c.model === 'member_54') {
		const self = arr({ ...c.cast.self }, c.cast.self.gen, 'kuntalaki_54', 'member');
		const otherMembers = memberMentions.filter((_, i) => c.agreementMembers[i].code !== c.lead.code);
		return pick(c, [
			() =>
				concat(
					t`Kotoutumisohjelma palvelukokonaisuutena järjestetään Kuntalain (410/2015) 54 §:n mukaisella yhteistoimintasopimuksella seudullisessa yhteistyössä ${arr(host, host.gen, 'kuntalaki_54', 'host')} kanssa.`,
					otherMembers.length ? t` Yhteistoimintasopimukseen kuuluvat ${self} lisäksi ${listOf(otherMembers, 'ja')} kunnat.` : ''
				),
			() => t`${c.place} on tehnyt kuntalain 54 §:n mukaisen sopimuksen, jonka perusteella ${arr(host, host.name, 'kuntalaki_54', 'host')} toimii vastuukuntana kotoutumisen palveluissa.`,
			() => t`Kunnan kotoutumispalvelut on keskitetty vastuukuntamallilla ${arr(host, host.gen, 'kuntalaki_54', 'host')} hoidettaviksi (KuntaL 54 §).`
		])();
	}
	const selfHost = arr(host, host.name, 'kuntalaki_54', 'host');
	if (memberMentions.length === 0) {
		return t`${selfHost} toimii kotoutumisen palveluissa vastuukuntana kuntalain 54 §:n mukaisesti.`;
	}
	return pick(c, [
		() => t`${selfHost} toimii vastuukuntana kuntalain 54 §:n mukaisessa yhteistoimintasopimuksessa, johon kuuluvat lisäksi ${listOf(memberMentions, 'ja')} kunnat.`,
		() => t`Kuntalain (410/2015) 54 §:n mukaisella sopimuksella ${selfHost} järjestää kotoutumisen palvelut myös ${listOf(memberMentions, 'ja')} kuntien asukkaille.`
	])();
}

const headerUpdated: Writer = (c) => t`${c.plan.date.text}`;

const headerProcess: Writer = (c) => {
	const made = pick(c, [
		() =>
			c.hostActor && c.model === 'member_54'
				? t`Kotoutumisohjelman laadinta tapahtuu yhteistyössä ${arr(c.hostActor, c.hostActor.gen, 'kuntalaki_54', 'host')} kanssa. Kunnalle kuuluvat tehtävät, joista säädetään laissa kotoutumisen edistämisestä (681/2023), on yhteistyösopimuksella keskitetty seudullisesti yhtenäisen ja laadukkaan palvelun turvaamiseksi.`
				: t`Ohjelma on valmisteltu kunnan kotoutumisen työryhmässä, jossa ovat olleet mukana sivistys-, hyvinvointi- ja elinvoimapalvelut sekä ${areaArr(c)} edustajat.`,
		() => t`Kotoutumisohjelma on laadittu virkatyönä ministeriön lomakepohjaa hyödyntäen, ja luonnosta on kommentoitu kunnan johtoryhmässä.`,
		() => t`Valmistelu käynnistyi syksyllä 2024 kunnan ja ${areaArr(c)} yhteisissä työpajoissa, joihin osallistui myös ${wcArr(c)} edustajia.`
	])();
	const comms = pick(c, [
		() => t`Kotoutumisohjelmasta viestitään kunnan verkkosivuilla. Lisäksi asiakkaat tavoitetaan ${c.othersUnit.gen} toimesta.`,
		() => t`Ohjelmasta tiedotetaan kunnan verkkosivuilla ${distractorListFi(chance(c, 0.5) ? ['fi', 'en'] : ['fi', 'sv', 'en'], 'consultation', 'transl')}.`,
		() => t`Valmistelun aikana toteutettiin asiakaskysely ${distractorListFi(c.rng.sample(['fi', 'uk', 'ar', 'en', 'ru'], 3), 'consultation', 'transl')}, ja palaute on huomioitu ohjelmassa.`,
		() => t`Asiakasviestinnässä hyödynnetään kunnan verkkosivuja, sosiaalista mediaa ja selkokielisiä tiedotteita.`
	])();
	const followUp = pick(c, [
		() => t`Ohjelman toteutumisen seuraaminen järjestetään osana ${prov(c.cast.area, c.cast.area.gen, 'both', 'follow_up')} johtoryhmän työtä. Seurantakokouksiin osallistuvat sopimukseen nimetyt yhteyshenkilöt tai heidän sijaisensa.`,
		() => t`Toteutumisen seurannasta vastaa ${prov(c.others, c.others.name, 'both', 'follow_up')} yhdessä ${areaArr(c)} kanssa, ja ohjelma päivitetään vähintään kerran valtuustokaudessa.`,
		() => t`Ohjelman toteutumista seurataan vuosittain kotoutumisen työryhmässä, jota johtaa ${prov(c.othersUnit.actor, c.othersUnit.nom, 'both', 'follow_up')}.`,
		() => t`Seurannasta vastaa ${prov(c.generic, 'kunta', 'both', 'follow_up')}, ja tilannekatsaus annetaan hyvinvointilautakunnalle kerran vuodessa.`
	])();
	const extra = chance(c, 0.12) ? populationDistractor(c) : null;
	return join([made, extra, comms, followUp], pick(c, ['\n\n', '\n\n\n\n', ' ']));
};

const headerApproval: Writer = (c) =>
	pick(c, [
		() => t`Kotoutumisohjelma käsitellään hyvinvointilautakunnassa ja hyväksytään kunnanhallituksessa.`,
		() => t`Kunnanhallitus hyväksyi asiakirjan ${c.plan.date.text.split(' ')[0]} (§ ${String(c.rng.int(120, 340))}).`,
		() => t`Sivistyslautakunta käsitteli ohjelman ja esitti sen kunnanhallituksen hyväksyttäväksi. Asiakirja viedään tiedoksi valtuustolle.`,
		() => t`Ohjelma hyväksytään ${c.cast.area.gen} johtoryhmässä ja kunkin kunnan kunnanhallituksessa.`,
		() => t`Viranhaltijapäätös; asiakirja annetaan tiedoksi kunnanhallitukselle.`,
		() => t`Kotoutumisohjelma hyväksytään ${c.word.gen}valtuustossa osana hyvinvointisuunnitelmaa.`
	])();

const headerContact: Writer = (c) => {
	const p = person(c.rng, false, placeFi(c.lead.nameFi));
	const title = c.coordinator.charAt(0).toUpperCase() + c.coordinator.slice(1);
	return pick(c, [
		() => t`${title} ${p.first} ${p.last}\n\n${p.phone}\n\n${p.email}`,
		() => t`${p.first} ${p.last}, ${c.coordinator}, puh. ${p.phone}, ${p.email}`,
		() => t`${p.first} ${p.last}\n${p.email}`
	])();
};

// ---------------------------------------------------------------- section 1

const s1a: Writer = (c) => {
	const timing = pick(c, [
		'Asiakkuuteen tulevan henkilön osaaminen ja kotoutumisen tarve arvioidaan mahdollisuuksien mukaan heti ensimmäisellä tapaamisella tai asiointikerralla.',
		'Osaamisen ja kotoutumisen palvelutarpeen arviointi tehdään asiakkuuden alussa, ja se käynnistetään viimeistään kahden kuukauden kuluessa siitä, kun asiakas on hakeutunut palveluihin.',
		'Kaikille kotoutuja-asiakkaille tehdään alkuvaiheessa palvelutarpeen arviointi, jossa selvitetään asiakkaan aiempi koulutus, työhistoria, kielitaito ja elämäntilanne.',
		'Arviointi aloitetaan, kun asiakas saa kotikunnan tai tilapäistä suojelua saavana hakeutuu kunnan palveluihin.',
		'Palvelutarpeen arviointi on kotoutumisen palveluiden lähtökohta: sen perusteella asiakas ohjataan hänen tarpeitaan vastaaviin palveluihin.',
		'Arviointi tehdään kaikille kotoutumislain mukaisille asiakkaille, myös kansainvälistä suojelua saaville ja perheenjäsenenä maahan muuttaneille.'
	]);
	const jobs = pick(c, [
		() => t`${cap(ea(c, 'nom', 'jobseekers', 'assessment'))} tekee arvioinnin ${pick(c, JOB_ALL)}.`,
		() => t`Työnhakijoiden osalta arvioinnista vastaa ${ea(c, 'nom', 'jobseekers', 'assessment')}.`,
		() => t`Jos asiakas on rekisteröitynyt työnhakijaksi, arvioinnin tekee ${ea(c, 'nom', 'jobseekers', 'assessment')} osana työnhakijan palveluprosessia.`
	])();
	const others = pick(c, [
		() => t`${cap(othUnit(c, 'nom', 'others', 'assessment'))} tekee arvioinnin ${pick(c, OTH_ALL)}${agreementClause(c)}.`,
		() => t`Muiden kuin työnhakijoiden osalta arvioinnista vastaa ${oth(c, 'nom', 'others', 'assessment')}${agreementClause(c)}.`,
		() => t`${cap(pick(c, OTH_GEN))} asiakkaiden arvioinnin tekee ${oth(c, 'nom', 'others', 'assessment')}.`
	])();
	const method = pick(c, [
		'Arvioinnissa käytetään tarvittaessa tulkkia, ja kielitaito kartoitetaan alkutestillä.',
		'Arviointi tehdään yhdessä asiakkaan kanssa keskustellen, ja siinä huomioidaan koko perheen tilanne.',
		'Jos tämä ei ole mahdollista, palvelutarvetta voidaan kartoittaa tarkemmin seuraavilla asiointikerroilla.',
		`${c.coordinator.charAt(0).toUpperCase() + c.coordinator.slice(1)} jalkautuu tarpeen mukaan kunnan alueelle suorittamaan em. tehtäviä.`,
		'Arvioinnissa hyödynnetään tarvittaessa etäyhteyksiä ja puhelintulkkausta.',
		'Lasten ja nuorten osalta arvioinnissa tehdään yhteistyötä varhaiskasvatuksen ja koulujen kanssa.'
	]);
	const order = chance(c, 0.5) ? [jobs, others] : [others, jobs];
	const distractor = chance(c, 0.18) ? populationDistractor(c) : chance(c, c.lead.languageStatus === 'fi' ? 0 : 0.5) ? officialLanguagesDistractor(c) : null;
	return para(c, [timing, ...order, chance(c, 0.7) ? method : null, distractor]);
};

const s1b1: Writer = (c) =>
	pick(c, [
		() =>
			para(c, [
				t`${cap(othUnit(c, 'nom'))} toteuttaa ${pick(c, OTH_GEN)} asiakkaiden palvelutarpeen arvioinnin${agreementClause(c)}. Tämä koskee myös tilapäistä suojelua saavia asiakkaita, joilla on kotikunta.`,
				t`${cap(ea(c, 'nom'))} vastaa työnhakijaksi rekisteröityneiden asiakkaiden palvelutarpeen arvioinnista. Tämä koskee myös tilapäistä suojelua saavia riippumatta siitä, onko heillä kotikuntaa.`
			]),
		() => t`Työnhakijat: ${ea(c, 'list')}\nMuut kotoutujat: ${oth(c, 'nom')}`,
		() => t`Arvioinnin tekevät ${ea(c, 'list')} (työnhakijat) ja ${oth(c, 'nom')} (muut kuin työnhakijat).`,
		() =>
			t`Osaamisen ja kotoutumisen palvelutarpeen arvioinnin tekee työnhakija-asiakkaille ${ea(c, 'nom')}. Muiden kotoutuja-asiakkaiden arvioinnista vastaa ${othUnit(c, 'nom')}${agreementClause(c)}, joka käyttää arvioinnissa tarvittaessa tulkkia.`,
		() =>
			t`${cap(oth(c, 'nom'))} vastaa arvioinnista niiden asiakkaiden osalta, jotka eivät ole työnhakijoita. ${cap(pick(c, JOB_GEN))} arvioinnin tekee ${ea(c, 'nom')}, joka hyödyntää arvioinnissa kielitaidon alkukartoitusta.`
	])();

const s1b2: Writer = (c) =>
	pick(c, [
		() =>
			t`Monialaisen arvioinnin tekevät yhdessä ${wc(c, 'nom')}, ${ea(c, 'list', 'both')} ja ${prov(c.others, c.others.name, 'both')}. Arvioinnin tarve tunnistetaan yleensä ensimmäisten tapaamisten aikana.`,
		() =>
			t`Asiakkaan mahdollinen monialaisten palveluiden tarve arvioidaan heti ensimmäisellä tapaamisella. Mikäli tarve kohdistuu monialaiseen arviointiin, ${othUnit(c, 'nom', 'both')} kutsuu arviointiin mukaan ${wcOrg(c, 'gen')} edustajan.`,
		() =>
			t`Monialainen arviointi tehdään aina yhteistyössä ${wcArr(c)} kanssa. Arvioinnin tekevät ${ea(c, 'nom', 'jobseekers')} työnhakija-asiakkaiden osalta ja ${oth(c, 'nom')} muiden asiakkaiden osalta yhdessä ${wc(c, 'gen')} kanssa.`,
		() => t`${cap(wc(c, 'nom'))} yhdessä ${prov(c.generic, 'kunnan', 'both')} ja ${ea(c, 'gen', 'both')} kanssa.`
	])();

const s1c: Writer = (c) => {
	const base = pick(c, [
		() =>
			t`Työnhakija-asiakkaita ja työvoiman ulkopuolella olevia asiakkaita palvelevat asiantuntijat voivat keskustella asiakkaiden palvelutarpeista ja suunnitella asiakkaille oikea-aikaiset ja mielekkäät palvelupolut. Yhteistyö ${wcArr(c)} ja muiden paikallisten toimijoiden kanssa luo lisää mahdollisuuksia arvioinnin onnistumiseen.`,
		() => t`Kunta tekee tiivistä yhteistyötä ${areaArr(c)} kanssa. Monialaista tukea tarvitsevien asiakkaiden osalta yhteistyötä tehdään ${wcArr(c)} sosiaalityön kanssa.`,
		() => t`Säännölliset yhteistyöpalaverit ${areaArr(c)} ja ${wcArr(c)} kanssa sekä tarvittaessa asiakaskohtaiset verkostotapaamiset.`,
		() => t`Arvioinnissa toimitaan yhteistyössä ${areaArr(c)} kanssa siten, että asiakas ei joudu kertomaan tietojaan useaan kertaan. Tarvittaessa mukaan kutsutaan ${wcArr(c)} edustaja.`,
		() => t`Yhteistyö perustuu sovittuihin ohjauskäytäntöihin ${areaArr(c)}, ${wcArr(c)} ja ${arr(edu(c), edu(c).gen, 'education_provider')} kanssa.`
	])();
	const host =
		c.hostActor && c.model === 'member_54'
			? t`${c.cast.self.gen.charAt(0).toUpperCase() + c.cast.self.gen.slice(1)} edustaja ja ${arr(c.hostActor, c.hostActor.gen, 'kuntalaki_54', 'host')} ${c.coordinator} tekevät yhteistyötä asiakkaiden ohjautumiseksi palveluiden piiriin.`
			: null;
	return para(c, [base, host]);
};

// ---------------------------------------------------------------- section 2

const s2a: Writer = (c) => {
	const what = pick(c, [
		'Kotoutumissuunnitelma laaditaan palvelutarpeen arvioinnin pohjalta yhdessä asiakkaan kanssa, ja siinä sovitaan esimerkiksi kotoutumiskoulutuksesta, kielikursseista ja muista kotoutumista tukevista palveluista.',
		'Suunnitelmassa sovitaan asiakkaan kanssa kotoutumisen tavoitteista sekä palveluista, joihin asiakas osallistuu. Suunnitelma tarkistetaan vähintään kerran vuodessa.',
		'Kotoutumissuunnitelma on asiakkaan yksilöllinen suunnitelma, jonka kesto on enintään kolme vuotta.',
		'Kotoutumissuunnitelma laaditaan viimeistään kahden kuukauden kuluessa arvioinnin valmistumisesta, ja sen toteutumista seurataan säännöllisesti.',
		'Suunnitelma laaditaan asiakkaan kanssa yhdessä hänen ymmärtämällään kielellä, tarvittaessa tulkkia käyttäen.'
	]);
	const others = pick(c, [
		() => t`Työvoiman ulkopuolella oleville suunnitelman laatii ${othUnit(c, 'nom', 'others', 'plan')}${agreementClause(c)}. Palvelussa huomioidaan asiakkaan kokonaisvaltainen tilanne esim. perheen osalta.`,
		() => t`Kotoutumissuunnitelman laadinta järjestetään ${pick(c, OTH_ALL)} ${othUnit(c, 'gen', 'others', 'plan')} toimesta.`,
		() => t`${cap(pick(c, OTH_GEN))} asiakkaiden suunnitelmat laatii ${oth(c, 'nom', 'others', 'plan')}${agreementClause(c)}.`
	])();
	const jobs = pick(c, [
		() => t`Työnhakijaksi rekisteröityneille suunnitelman laatii ${ea(c, 'nom', 'jobseekers', 'plan')}, ja siinä voidaan sopia esim. kielikurssista, työkokeilusta tai muusta työllistymistä edistävästä toimenpiteestä.`,
		() => t`${cap(pick(c, JOB_GEN))} kotoutumissuunnitelman laatii ${ea(c, 'nom', 'jobseekers', 'plan')} osana työllistymissuunnitelmaa.`,
		() => t`Työnhakijoina olevien kotoutumissuunnitelmista vastaa ${ea(c, 'nom', 'jobseekers', 'plan')}.`
	])();
	const multi = chance(c, 0.5) ? 'Monialainen kotoutumissuunnitelma laaditaan, jos asiakkaalla on tarve usean eri sektorin palveluille.' : null;
	return para(c, [what, others, jobs, multi]);
};

const s2b1: Writer = (c) =>
	pick(c, [
		() =>
			para(c, [
				t`${cap(othUnit(c, 'nom'))} vastaa suunnitelmien tekemisestä työvoiman ulkopuolella oleville henkilöille${agreementClause(c)}. Tämä koskee myös tilapäistä suojelua saavia, joilla on kotikunta.`,
				t`${cap(ea(c, 'nom'))} vastaa kotoutumissuunnitelmien laatimisesta työnhakijaksi rekisteröityneille.`
			]),
		() => t`Työnhakijat: ${ea(c, 'list')}\nMuut asiakkaat: ${oth(c, 'nom')}`,
		() => t`Kotoutumissuunnitelmat laativat ${ea(c, 'list')} (työnhakijat) ja ${oth(c, 'nom')} (muut kotoutujat).`,
		() => t`Suunnitelmien laatimisesta vastaa työvoiman ulkopuolella olevien osalta ${oth(c, 'nom')}${agreementClause(c)} ja työnhakijoiden osalta ${ea(c, 'nom')}.`
	])();

const s2b2: Writer = (c) =>
	pick(c, [
		() => t`${cap(ea(c, 'list', 'both'))}, ${prov(c.generic, 'kunta', 'both')} ja ${wc(c, 'nom')} laativat monialaiset kotoutumissuunnitelmat yhteistyössä.`,
		() =>
			t`Jos maahanmuuttajalla on arvioitu olevan monialaista yhteistyötä edellyttävä palvelutarve, hänelle laaditaan monialainen kotoutumissuunnitelma yhdessä ${wc(c, 'gen')} kanssa. Suunnitelman laatimisesta vastaa työnhakijoiden osalta ${ea(c, 'nom')} ja muiden osalta ${oth(c, 'nom')}.`,
		() => t`Monialaisen kotoutumissuunnitelman laativat ${ea(c, 'list', 'both')}, ${prov(c.others, c.others.name, 'both')} ja ${wc(c, 'nom')} yhdessä asiakkaan kanssa.`,
		() => t`${cap(wcOrg(c, 'gen'))} sosiaalityö osallistuu monialaisen suunnitelman laatimiseen yhdessä ${prov(c.othersUnit.actor, c.othersUnit.gen, 'both')} ja ${ea(c, 'gen', 'both')} kanssa.`
	])();

const s2c: Writer = (c) =>
	para(c, [
		pick(c, [
			() => t`${cap(mention(c.coordinator))} sopii yksilöllisistä kotoutumisen pidemmän aikavälin tavoitteista asiakkaan kanssa.`,
			() => t`Suunnitelmien laadinnassa hyödynnetään yhteistä asiakastietojärjestelmää ja sovittuja ohjauskäytäntöjä.`,
			() => t`Suunnitelman laatineet tahot sopivat keskenään, kuka seuraa suunnitelman toteutumista.`,
			() => t`Asiakkaan luvalla tietoja siirretään toimijoiden välillä, jotta suunnitelma voidaan laatia yhdessä.`
		])(),
		pick(c, [
			() => t`Yhteistyötä tehdään ${areaArr(c)} kanssa työnhakija-asiakkaiden työllistymistä ja yrittäjyyttä koskien.`,
			() => t`Monialaisessa kotoutumissuunnitelmassa yhteistyötä tehdään myös ${wcArr(c)} sosiaaliohjaajan ja ${c.coordinator}n välillä.`,
			() => t`Kunta, ${arr(c.cast.area, c.cast.area.name, 'employment_area')} ja ${arr(c.cast.county, c.cast.county.name, 'wellbeing_county')} sopivat yhteisistä toimintatavoista.`,
			() => t`Yhteistyötä tehdään ${arr(edu(c), edu(c).gen, 'education_provider')} kanssa koulutuspolkujen suunnittelussa.`,
			() => t`Pakolaistaustaisten ja muuten haavoittuvassa asemassa olevien asiakkaiden kohdalla yhteistyötä tehdään ${wcArr(c)} ja ${arr(ngo(c), ngo(c).gen, 'ngo_parish')} kanssa.`
		])()
	]);

// ---------------------------------------------------------------- section 3

const s3a1: Writer = (c) => {
	const how = (() => {
		switch (c.orientation) {
			case 'purchased':
				return t`Monikielinen yhteiskuntaorientaatio hankitaan ostopalveluna, ja sen toteuttaa ${provArr(company(c), company(c).name, 'both', 'purchased_service')} pienryhmissä ja tarvittaessa etänä.`;
			case 'education':
				return t`Orientaatio järjestetään yhteistyössä ${provArr(edu(c), edu(c).gen, 'both', 'education_provider')} kanssa, joka toteuttaa sen 70 tunnin kurssina.`;
			case 'area':
				return t`${cap(areaArr(c, 'joint_procurement'))} kunnat suunnittelevat yhteisiä hankintoja, sillä saman äidinkielen tai hyvin osaamansa kielen riittävän suuria ryhmiä on haasteellista koota yhden kunnan alueella.`;
			default:
				return t`${cap(oth(c, 'nom', 'both'))} järjestää monikielisen yhteiskuntaorientaation pienryhmissä ja tarvittaessa yksilöohjauksena tulkin välityksellä.`;
		}
	})();
	const hybrid = pick(c, [
		'Hybriditoteutuksia ja tulkkien käyttämistä on suunniteltu, jotta välimatkat eivät muodostu ongelmaksi.',
		'Monikielinen yhteiskuntaorientaatio voidaan myös toteuttaa osittain tai kokonaan itseopiskeluna toimittamalla kotoutuja-asiakkaalle audiovisuaalista tai kirjallista materiaalia.',
		'Orientaatiossa käsitellään muun muassa asumista, terveyspalveluita, koulutusjärjestelmää ja työelämän pelisääntöjä.',
		'Orientaation laajuus on noin 70 tuntia, ja se voidaan jakaa useaan jaksoon asiakkaan tilanteen mukaan.',
		'Ryhmiä kootaan, kun saman kielen puhujia on riittävästi; muutoin orientaatio toteutetaan yksilöllisesti tulkin avulla.'
	]);
	const groups = pick(c, [
		'Kunnan kohderyhmänä ovat sekä työnhakija-asiakkaat, työvoiman ulkopuolella olevat että perheet.',
		'Kohderyhmänä ovat kaikki kotoutuja-asiakkaat, erityisesti kotona lapsia hoitavat vanhemmat ja ikääntyneet.',
		'Orientaatio on tarkoitettu erityisesti tilapäistä suojelua saaville ja kiintiöpakolaisina kuntaan muuttaneille.',
		'Kohderyhmään kuuluvat kaikki kotoutumislain mukaiset asiakkaat, joiden palvelutarpeen arvioinnissa orientaatio on todettu tarpeelliseksi.',
		'Kohderyhminä ovat työvoiman ulkopuolella olevat, kuten kotivanhemmat, sekä työnhakija-asiakkaat.'
	]);
	let course: Piece | null = null;
	if (c.cyrillic) {
		const code = c.langs.orientation.includes('uk') ? 'uk' : 'ru';
		const title = pick(c, CYRILLIC_COURSE_TITLES[code]);
		course = t`${cap(mention(kielinen(code, 'kielisille'), { type: 'language', code, context: 'orientation' }))} järjestetään orientaatiokurssi ${title}.`;
	}
	const distractor = chance(c, 0.1) ? populationDistractor(c) : null;
	return para(c, [how, hybrid, groups, course, distractor]);
};

const s3a2: Writer = (c) => {
	const codes = c.langs.orientation;
	const list = pick(c, [
		() => capitalise(concat(langListFi(codes, 'orientation', 'transl'), '.')),
		() => capitalise(concat(langListFi(codes, 'orientation', 'kielella'), '.')),
		() => t`Orientaatiota tarvitaan tällä hetkellä ${langListFi(codes, 'orientation', 'transl')}.`,
		() => t`Orientaatiota järjestetään ${langListFi(codes, 'orientation', 'kielinen', 'kielisille')} asiakkaille.`,
		() => join(codes.map((code) => concat('- ', langListFi([code], 'orientation', 'nom'))), '\n'),
		() => t`Tarve on ${langListFi(codes, 'orientation', 'kielella')}; tarvittaessa muilla kielillä tulkattuna.`,
		() =>
			join(
				codes.map((code) => concat(langListFi([code], 'orientation', 'nom'), ` (n. ${c.rng.int(2, 40)} asiakasta)`)),
				', '
			)
	])();
	const pieces: Piece[] = [list];
	if (chance(c, 0.15)) {
		const notOffered = ['so', 'ti', 'ps', 'am', 'my'].filter((x) => !codes.includes(x));
		if (notOffered.length) {
			const code = pick(c, notOffered);
			pieces.push(t`${capitalise(distractorListFi([code], 'negated', 'transl'))} orientaatiota ei tällä hetkellä järjestetä, koska tarvetta ei ole ollut.`);
		}
	}
	return join(pieces, ' ');
};

const s3a3: Writer = (c) =>
	t`${pick(c, [
		'Palvelu pyritään järjestämään heti prosessin alkuvaiheessa tai asiakkaan palvelutarpeen mukaisesti.',
		'Orientaatio tarjotaan kotoutumissuunnitelman laatimisen jälkeen, yleensä ensimmäisten kuukausien aikana.',
		'Heti alkuvaiheessa, palvelutarpeen arvioinnin yhteydessä.',
		'Orientaatio on osa kotoutumissuunnitelmaa, ja siihen ohjataan mahdollisimman pian kuntaan muuton jälkeen.',
		'Ennen kotoutumiskoulutuksen alkua tai sen rinnalla.',
		'Orientaatiota tarjotaan asiakkuuden alkuvaiheessa, kuitenkin viimeistään kotoutumissuunnitelman ensimmäisen vuoden aikana.',
		'Alkuvaiheessa; myöhemmin asiakkaalle voidaan tarjota täydentäviä teemakertoja.'
	])}`;

const s3b: Writer = (c) => {
	const main = (() => {
		switch (c.orientation) {
			case 'purchased':
				return t`${cap(oth(c, 'nom', 'both'))} vastaa järjestämisestä; orientaation toteuttaa ostopalveluna ${provArr(company(c), company(c).name, 'both', 'purchased_service')}.`;
			case 'education':
				return t`${cap(oth(c, 'nom', 'both'))} vastaa järjestämisestä${agreementClause(c)}; käytännön toteutuksesta vastaa ${prov(edu(c), edu(c).name, 'both')}.`;
			case 'area':
				return t`${cap(prov(c.cast.area, c.cast.area.name, 'both'))} vastaa orientaation hankinnasta koko alueen kotoutuja-asiakkaille.`;
			default:
				return t`${cap(oth(c, 'nom', 'both'))} vastaa monikielisen yhteiskuntaorientaation järjestämisestä kotoutuja-asiakkaalle${agreementClause(c)}.`;
		}
	})();
	const jobs = chance(c, 0.5) ? t`${cap(ea(c, 'nom'))} vastaa siitä, että yhteiskuntaorientaatiota on tarjolla myös työnhakija-asiakkaille.` : null;
	return para(c, [main, jobs]);
};

const s3c: Writer = (c) =>
	pick(c, [
		() => t`Orientaatio toteutetaan osittain yhteistyössä ${areaArr(c)} kanssa ja osittain kunnan omana toimintana.`,
		() => t`Kunta toteuttaa orientaation yhteistyössä ${arr(edu(c), edu(c).gen, 'education_provider')} ja ${arr(ngo(c), ngo(c).gen, 'ngo_parish')} kanssa.`,
		() =>
			para(c, [
				t`Kotoutumispalveluiden järjestämiseksi yhteistyötä tehdään kuntien ja ${areaArr(c)} kanssa sekä mahdollisesti muiden palveluntuottajien kanssa.`,
				t`Työllisyysalueen puitteissa suunnitellaan yhteiskuntaorientaation tarjoamista kaikkien alueen kuntien asiakkaille.`
			]),
		() => t`Orientaatio hankitaan yhteishankintana ${areaArr(c, 'joint_procurement')} kuntien kanssa.`,
		() => t`Kunta toteuttaa orientaation itsenäisesti omana työnään.`,
		() => t`Orientaatio toteutetaan yhteistyössä naapurikuntien kanssa, ja sen toteuttajana toimii ${arr(company(c), company(c).name, 'purchased_service')} ostopalvelusopimuksen perusteella.`
	])();

// ---------------------------------------------------------------- section 4

const s4a1: Writer = (c) => {
	const procurement = pick(c, [
		() => t`Kotoutumiskoulutukset on kilpailutettu ${prov(c.cast.ely, c.cast.ely.gen, 'jobseekers')} toimesta, ja vuonna 2025 käytetään jäljellä olevia optioita.`,
		() => t`Työnhakijoiden kotoutumiskoulutus järjestetään työvoimakoulutuksena, ja siihen ohjaa ${ea(c, 'nom')}.`,
		() => t`${cap(ea(c, 'nom'))} hankkii työnhakijoiden kotoutumiskoulutukset työvoimakoulutuksena${chance(c, 0.5) ? t` ${arr(c.cast.area, 'yhteishankintana', 'joint_procurement')}` : ''}.`,
		() => t`Vuodesta 2025 alkaen työnhakijoiden kotoutumiskoulutuksen järjestämisestä vastaa ${ea(c, 'nom')}; aiemmin hankitut koulutukset jatkuvat ${prov(c.cast.keha, c.cast.keha.gen, 'jobseekers')} sopimusten mukaisesti.`
	])();
	const process = pick(c, [
		'Lähipalveluissa työskentelevät virkailijat ohjaavat asiakkaat kielelliseen alkukartoitukseen, jonka jälkeen asiakkaat ohjataan oikeisiin koulutusjonoihin.',
		'Kullakin koulutuksella on vastuuasiantuntija, joka tekee opiskelijavalinnat ja seuraa opintojen etenemistä.',
		'Koulutus voidaan toteuttaa myös omaehtoisena opiskeluna työttömyysetuudella tuettuna.',
		'Koulutukseen ohjataan kielitaidon alkukartoituksen perusteella sopivalle opintopolulle (hidas, perus- tai nopea eteneminen).'
	]);
	const deliverers = chance(c, 0.6)
		? t`Koulutusta toteuttavat alueella ${provArr(company(c), company(c).name, 'jobseekers', 'purchased_service')} ja ${prov(edu(c, 1), edu(c, 1).name, 'jobseekers')}.`
		: null;
	let lang: Piece | null = null;
	if (c.langs.training.length) {
		const code = c.langs.training[0];
		lang = t`Alueella on tarjolla myös ${mention(kielinen(code), { type: 'language', code, context: 'training' })} kotoutumiskoulutusryhmä.`;
	}
	return para(c, [procurement, process, deliverers, lang]);
};

const s4a2: Writer = (c) => {
	const main = pick(c, [
		() =>
			t`${cap(othUnit(c, 'nom'))} järjestää koulutukset yhteistyössä muiden toimijoiden kanssa. ${cap(provArr(edu(c), edu(c).name, 'others', 'education_provider'))} tarjoaa kieli-, viestintä-, yhteiskunta- ja työelämäosaamisen koulutusta.`,
		() => t`Muille kuin työnhakijoille kotoutumiskoulutusta järjestetään ${prov(edu(c), edu(c).gen, 'others')} kautta omaehtoisena opiskeluna.`,
		() => t`Kotoutumiskoulutus muille kuin työnhakijoina oleville hankitaan ostopalveluna, ja sen toteuttaa ${provArr(company(c), company(c).name, 'others', 'purchased_service')}.`,
		() => t`Työvoiman ulkopuolella oleville järjestetään kotoutumiskoulutusta ${prov(edu(c), edu(c).gen, 'others')} kursseina, joihin ohjaa ${othUnit(c, 'nom')}.`
	])();
	const extra = chance(c, 0.5) ? t`Lisäksi ${prov(edu(c, 1), edu(c, 1).name, 'others')} tarjoaa suomen kielen alkeiden opintojaksoa.` : null;
	const childcare = chance(c, 0.3) ? 'Lastenhoito järjestetään koulutuksen ajaksi tarvittaessa.' : null;
	const ngoPart = chance(c, 0.3)
		? t`Myös muita arjen kansalaistaitoihin liittyviä valmiuksia voidaan toteuttaa kunnan ja muiden toimijoiden kuten ${arr(ngo(c), ngo(c).gen, 'ngo_parish')} yhteistyönä.`
		: null;
	let lang: Piece | null = null;
	if (c.langs.training.length > 1) {
		const code = c.langs.training[1];
		lang = t`Opetusta on mahdollista saada myös ${mention(language(code).fiTransl, { type: 'language', code, context: 'training' })}.`;
	}
	return para(c, [main, extra, childcare, ngoPart, lang]);
};

const s4a3: Writer = (c) =>
	pick(c, [
		() => t`Päättötestaus tullaan toteuttamaan keskitetysti hankituissa kotoutumiskoulutuksissa koulutuksen päätteeksi.`,
		() => t`Kielitaidon päättötestaus sisältyy koulutuspalvelun hankintaan, ja sen järjestää koulutuksen toteuttaja.`,
		() => t`Päättötestauksen järjestää koulutuksen toteuttaja, esimerkiksi ${prov(edu(c), edu(c).name, 'both')}, Opetushallituksen opetussuunnitelman perusteiden mukaisesti.`,
		() => t`Testaus tehdään koulutuksen lopussa, ja tulokset kirjataan asiakkaan kotoutumissuunnitelmaan.`,
		() => t`Päättötestaus on osa hankittua kotoutumiskoulutusta. Omaehtoisissa opinnoissa kielitaito voidaan osoittaa myös yleisellä kielitutkinnolla.`
	])();

const s4b: Writer = (c) =>
	pick(c, [
		() =>
			para(c, [
				t`Työvoimakoulutuksina järjestettävistä kotoutumiskoulutuksista vastaa ${ea(c, 'nom')}.`,
				t`Muiden kuin työnhakijoiden kotoutumiskoulutuksesta vastaa ${oth(c, 'nom')}${agreementClause(c)}.`
			]),
		() =>
			para(c, [
				t`Työvoimakoulutuksina järjestettävistä kotoutumiskoulutuksista vastaavat tällä hetkellä ${prov(edu(c), edu(c).name, 'jobseekers')} ja ${provArr(company(c), company(c).name, 'jobseekers', 'purchased_service')}.`,
				t`${cap(oth(c, 'nom'))} vastaa kotoutumiskoulutuksen järjestämisestä muille kuin työnhakijana oleville kotoutujille${agreementClause(c)}.`
			]),
		() => t`Työnhakijat: ${ea(c, 'list')}\nMuut: ${oth(c, 'nom')} / ${prov(edu(c), edu(c).name, 'others')}`
	])();

const s4c: Writer = (c) =>
	pick(c, [
		() => t`Yhteistyötä tehdään kuntien, ${areaArr(c)} ja työllisyyspalveluiden sekä mahdollisesti kolmannen sektorin kanssa.`,
		() => t`Koulutusten järjestämisessä tehdään yhteistyötä ${arr(edu(c), edu(c).gen, 'education_provider')} ja ${areaArr(c)} kanssa.`,
		() => t`Kunta hankkii koulutuksen yhdessä ${areaArr(c, 'joint_procurement')} kuntien kanssa yhteishankintana.`,
		() => t`Koulutuksen toteuttajan kanssa pidetään säännöllisiä seurantapalavereja, joihin osallistuu myös ${arr(c.cast.area, c.cast.area.name, 'employment_area')}.`
	])();

// ---------------------------------------------------------------- section 5

const s5a1: Writer = (c) => {
	const main = pick(c, [
		() => t`Luku- ja kirjoitustaidon koulutusta voidaan toteuttaa omaehtoisina opintoina. Koulutusta järjestää ${prov(edu(c), edu(c).name, 'both')}.`,
		() => t`Lukutaitokoulutusta järjestetään ${prov(edu(c), edu(c).gen, 'both')} toimesta pienryhmissä, joissa on mahdollisuus lastenhoitoon.`,
		() =>
			t`Kunnassa ei ole tällä hetkellä tarvetta erilliselle luku- ja kirjoitustaidon koulutukselle, koska kotoutuja-asiakkaita on vähän ja heillä on pääosin vahva koulutustausta. Tarve arvioidaan asiakaskohtaisesti, ja tarvittaessa asiakas ohjataan naapurikunnan koulutukseen.`,
		() => t`Luku- ja kirjoitustaidon koulutusta voidaan mahdollisesti toteuttaa omaehtoisina opintoina. Asia järjestetään ${oth(c, 'gen', 'both')} toimesta.`
	])();
	const jobs = chance(c, 0.5) ? t`Työnhakija-asiakkaat voidaan ohjata lukutaitokoulutukseen ${ea(c, 'gen')} kautta.` : null;
	let lang: Piece | null = null;
	if (c.langs.training.length > 2) {
		const codes = c.langs.training.slice(2, 4);
		lang = t`Alkeisryhmissä on apuna ${langListFi(codes, 'training', 'kielinen', 'kielisiä')} ohjaajia.`;
	}
	return para(c, [main, jobs, lang]);
};

const s5a2: Writer = (c) => {
	const items = c.rng.sample(
		[
			() => t`Seudullisesti alueella toimii ${prov(edu(c, 1), edu(c, 1).name, 'others')}, joka tarjoaa suomen kielen alkeet -opintojaksoa.`,
			() => t`${cap(prov(ngo(c), ngo(c).name, 'both'))} järjestää viikoittain kielikahvilaa, jossa voi harjoitella suomea arjen tilanteissa.`,
			() => t`Kirjastopalvelut, nuorisopalvelut ja liikuntapalvelut voivat olla apuna yhteiskuntavalmiuksien ja osallisuuden tukemisessa.`,
			() => t`Työnhakijoille on tarjolla ammatillisia työvoimakoulutuksia ja työkokeiluja, joista vastaa ${ea(c, 'nom')}.`,
			() => t`Työelämävalmiuksia tuetaan kunnan työpajatoiminnalla ja palkkatuella.`,
			() => t`${cap(prov(edu(c), edu(c).name, 'both'))} järjestää arjen suomea -kursseja iltaisin ja verkossa.`,
			() => t`${cap(prov(ngo(c, 1), ngo(c, 1).name, 'both'))} tarjoaa läksykerhoa ja vertaistukea perheille.`
		],
		2
	).map((f) => f());
	let lang: Piece | null = null;
	if (c.langs.training.length && chance(c, 0.5)) {
		const code = pick(c, c.langs.training);
		lang = t`Lisäksi järjestetään ${mention(kielinen(code, 'kielistä'), { type: 'language', code, context: 'training' })} työnhakuvalmennusta.`;
	}
	return para(c, [...items, lang]);
};

const s5b: Writer = (c) =>
	pick(c, [
		() => t`${cap(oth(c, 'nom', 'both'))} vastaa palvelun järjestämisestä kotoutuja-asiakkaalle${agreementClause(c)}.`,
		() =>
			para(c, [
				t`${cap(oth(c, 'nom', 'both'))} vastaa palvelun järjestämisestä kotoutuja-asiakkaalle.`,
				t`Luku- ja kirjoitustaidon koulutusta koskien työnhakija-asiakkaat voidaan ohjata omaehtoisena opiskeluna toteutettavaan koulutukseen ${ea(c, 'gen')} kautta.`
			]),
		() => t`${cap(prov(edu(c), edu(c).name, 'both'))} ja ${ea(c, 'list', 'both')}.`
	])();

const s5c: Writer = (c) =>
	pick(c, [
		() => t`Yhteistyötä tehdään kuntien, ${areaArr(c)} ja työllisyyspalveluiden kanssa.`,
		() => t`Yhteistyötä tehdään ${arr(edu(c), edu(c).gen, 'education_provider')} ja ${arr(ngo(c), ngo(c).gen, 'ngo_parish')} kanssa.`,
		() => t`Koulutusten suunnittelussa tehdään yhteistyötä ${areaArr(c)} ja alueen oppilaitosten kanssa.`,
		() => t`Tarjonnasta sovitaan vuosittain ${arr(edu(c), edu(c).gen, 'education_provider')} kanssa, ja tiedot koulutuksista välitetään ${areaArr(c)} asiantuntijoille.`
	])();

// ---------------------------------------------------------------- section 6

const s6a: Writer = (c) => {
	const others = pick(c, [
		() => t`${cap(othUnit(c, 'nom'))} vastaa ohjauksen ja neuvonnan antamisesta työvoiman ulkopuolella oleville henkilöille. Hän jalkautuu tarvittaessa kunnan alueelle.`,
		() => t`Kotoutumisohjelman aikaista ohjausta ja neuvontaa antaa ${othUnit(c, 'nom', 'both')} ajanvarauksella sekä avoimilla vastaanottoajoilla.`,
		() => t`${cap(oth(c, 'nom', 'both'))} tarjoaa kotoutuja-asiakkaille henkilökohtaista ohjausta ja neuvontaa koko kotoutumisohjelman ajan.`,
		() => t`Ohjausta ja neuvontaa annetaan ${pick(c, OTH_ALL)} ${othUnit(c, 'gen')} vastaanotolla sekä puhelimitse.`
	])();
	const jobs = chance(c, 0.7)
		? pick(c, [
				() => t`Työnhakija-asiakkaiden ohjauksesta ja neuvonnasta vastaa ${ea(c, 'nom')}.`,
				() => t`Kunnan palvelupisteessä toimii ${ea(c, 'gen')} palvelupiste, joka palvelee ajanvarauksella työnhakijaksi rekisteröityneitä asiakkaita.`
			])()
		: null;
	let lang: Piece | null = null;
	if (c.langs.guidance.length) {
		lang = pick(c, [
			() => t`Ohjausta annetaan ${langListFi(c.langs.guidance, 'guidance', 'transl')} sekä tarvittaessa tulkin välityksellä.`,
			() => t`Neuvontaa on saatavilla ${langListFi(c.langs.guidance, 'guidance', 'kielella')}.`
		])();
	} else if (chance(c, 0.4)) {
		lang = t`Tarvittaessa käytetään tulkkausta asiakkaan omalla äidinkielellä.`;
	}
	return para(c, [others, jobs, lang]);
};

const s6b: Writer = (c) =>
	pick(c, [
		() => t`${cap(oth(c, 'nom', 'both'))} järjestää palvelut${agreementClause(c)}.`,
		() => para(c, [t`${cap(oth(c, 'nom', 'both'))} järjestää palvelut${agreementClause(c)}.`, t`Työnhakijoiden osalta palveluista vastaa ${ea(c, 'nom')}.`]),
		() => t`Työnhakijat: ${ea(c, 'list')}\nMuut: ${othUnit(c, 'nom')}`
	])();

const s6c: Writer = (c) =>
	pick(c, [
		() => t`Yhteistyötä tehdään kuntien ja ${areaArr(c)} kesken.`,
		() => t`Ohjauksessa tehdään yhteistyötä ${wcArr(c)} ja ${arr(ngo(c), ngo(c).gen, 'ngo_parish')} kanssa.`,
		() => t`Yhteistyötä tehdään ${areaArr(c)}, ${wcArr(c)} sekä kunnan muiden palveluiden kanssa asiakkaan tarpeiden mukaan.`,
		() => t`Neuvontaa annetaan yhteistyössä ${arr(ngo(c), ngo(c).gen, 'ngo_parish')} kanssa esimerkiksi asiointiapuna.`
	])();

// ---------------------------------------------------------------- section 7

const s7a1: Writer = (c) => {
	const unit = pick(c, c.cast.selfUnits);
	const base = pick(c, [
		'Kunnassa järjestetään varhaiskasvatus- ja perusopetuspalveluita perheiden kotoutumista ajatellen.',
		'Kunnan kirjastopalvelut, maksuton liikuntaneuvonta, nuorisopalvelut sekä liikuntapalvelut voivat olla kotoutuja-asiakkaan tukena.',
		'Vapaa-aikapalvelut tuottavat tapahtumia, joihin osallistumiseen kannustetaan.',
		'Kunnanviraston asiakaspalvelu neuvoo kotoutujia kunnan palveluiden käytössä.',
		'Kotoutujien lapsille tarjotaan valmistavaa opetusta ja oman äidinkielen opetusta mahdollisuuksien mukaan.'
	]);
	const who = t`${cap(prov(unit, unit.name, 'both'))} ${pick(c, ['tarjoaa maksutonta liikuntaneuvontaa ja nuorisopalveluita.', 'järjestää perheille suunnattuja tapahtumia ja kerhoja.', 'tukee kotoutujia kirjasto- ja kulttuuripalveluiden avulla.'])}`;
	let lang: Piece | null = null;
	if (c.langs.other.length) {
		lang = t`Kirjastossa on saatavilla aineistoa myös ${langListFi(c.langs.other, 'other', 'transl')}.`;
	}
	return para(c, [base, who, lang]);
};

const s7a2: Writer = (c) => {
	const a = ngo(c, 0);
	const b = ngo(c, 1);
	return para(c, [
		pick(c, [
			() => t`Kunnassa toimii useampi urheiluseura ja muita järjestöjä. Perheiden toimintaa järjestävät esim. ${prov(a, a.name, 'both')} ja ${prov(b, b.name, 'both')}.`,
			() => t`Kunta järjestää kuukausittain maksuttoman yhteisöllisen ruokailun yhteistyössä ${provArr(a, a.gen, 'both', 'ngo_parish')} kanssa.`,
			() => t`${cap(prov(a, a.name, 'both'))} ylläpitää kohtaamispaikkaa, jossa kokoontuvat myös vertaisryhmät.`
		])(),
		chance(c, 0.4) ? t`Kesäisin järjestetään perhetapahtumia ja retkiä yhdessä ${arr(b, b.gen, 'ngo_parish')} kanssa.` : null
	]);
};

const s7a3: Writer = (c) =>
	pick(c, [
		() =>
			t`Mikäli kotoutuja-asiakas tarvitsee työllistymisen ja yrittäjyyden tukemiseksi lisäpalveluita, kunnan yritysneuvontapalvelut voivat olla tässä vaihtoehtona. Kunnan edustaja voi tehdä yhteistyötä palveluiden tarjoamiseksi ${areaArr(c)} kanssa.`,
		() => t`${cap(ea(c, 'nom', 'both'))} tarjoaa yrittäjyysneuvontaa ja työnantajapalveluita, ja kunta tukee työllistymistä kesätyösetelillä.`,
		() => t`Kunta tarjoaa työkokeilupaikkoja omissa yksiköissään ja tekee yhteistyötä paikallisten yritysten kanssa.`,
		() => t`Yrittäjyyttä suunnitteleville tarjotaan neuvontaa yhdessä seudullisen yrityspalvelun ja ${areaArr(c)} kanssa.`
	])();

const s7b: Writer = (c) =>
	pick(c, [
		() => t`${cap(oth(c, 'nom', 'both'))} vastaa palveluista${agreementClause(c)}.`,
		() => t`Palveluista vastaavat kunnan eri toimialat sekä ${prov(ngo(c), ngo(c).name, 'both')}.`,
		() => t`Kunnan hyvinvointipalvelut ja järjestöt.`
	])();

const s7c: Writer = (c) =>
	pick(c, [
		() => t`Yhteistyötä tehdään kuntien asiantuntijoiden, ${wcArr(c)} ja työllisyyspalveluiden välillä.`,
		() => t`Järjestöyhteistyötä tehdään ${arr(ngo(c), ngo(c).gen, 'ngo_parish')} ja ${arr(ngo(c, 2), ngo(c, 2).gen, 'ngo_parish')} kanssa.`,
		() => t`Kulttuuri- ja liikuntapalvelut tekevät yhteistyötä ${arr(ngo(c, 1), ngo(c, 1).gen, 'ngo_parish')} ja urheiluseurojen kanssa.`,
		() =>
			t`${cap(mention(c.othersUnit.nom))} voi keskustella kunnan edustajien kanssa palveluista, joita kunnassa on, ja siitä, miten palveluiden piiriin pääsee matalalla kynnyksellä mukaan.`
	])();

export const FI_WRITERS: Readonly<Record<string, Writer>> = {
	'header.municipalities': headerMunicipalities,
	'header.coordinator': headerCoordinator,
	'header.contact': headerContact,
	'header.partners': headerPartners,
	'header.updated': headerUpdated,
	'header.process': headerProcess,
	'header.approval': headerApproval,
	's1.a': s1a,
	's1.b1': s1b1,
	's1.b2': s1b2,
	's1.c': s1c,
	's2.a': s2a,
	's2.b1': s2b1,
	's2.b2': s2b2,
	's2.c': s2c,
	's3.a1': s3a1,
	's3.a2': s3a2,
	's3.a3': s3a3,
	's3.b': s3b,
	's3.c': s3c,
	's4.a1': s4a1,
	's4.a2': s4a2,
	's4.a3': s4a3,
	's4.b': s4b,
	's4.c': s4c,
	's5.a1': s5a1,
	's5.a2': s5a2,
	's5.b': s5b,
	's5.c': s5c,
	's6.a': s6a,
	's6.b': s6b,
	's6.c': s6c,
	's7.a1': s7a1,
	's7.a2': s7a2,
	's7.a3': s7a3,
	's7.b': s7b,
	's7.c': s7c
};

// ---------------------------------------------------------------- responsibility table

const TABLE_ROW_SERVICE: Record<string, Service> = {
	assessment: 'assessment',
	multi_assessment: 'multi_assessment',
	plan: 'plan',
	multi_plan: 'multi_plan',
	orientation: 'orientation',
	training: 'training',
	guidance: 'guidance',
	follow_up: 'follow_up'
};

/** A short cell of the responsibility table ("Työllisyysalue", "Loimaan kaupunki (54 §)"). */
export function tableCellFi(c: Ctx, row: string, group: 'jobseekers' | 'others'): Piece {
	const service = TABLE_ROW_SERVICE[row];
	const countyShort = c.cast.countyBrand && chance(c, 0.4) ? c.cast.countyBrand : c.cast.county;
	const eaA = eaActor(c);
	const eaM = prov(eaA, eaA.name, group, service);
	const othM = prov(c.others, c.others.name, group, service);
	const multi = row === 'multi_assessment' || row === 'multi_plan';
	if (group === 'jobseekers') {
		if (multi) return t`${capitalise(concat(eaM))} ja ${prov(countyShort, countyShort.name, group, service)}`;
		if (row === 'follow_up') return t`${capitalise(concat(othM))}`;
		return capitalise(concat(eaM));
	}
	if (multi) return t`${capitalise(concat(othM))} ja ${prov(countyShort, countyShort.name, group, service)}`;
	if (row === 'orientation' && c.orientation === 'purchased') return t`${capitalise(concat(othM))} (ostopalvelu: ${provArr(company(c), company(c).name, group, 'purchased_service', service)})`;
	if (row === 'training') return capitalise(concat(prov(edu(c), edu(c).name, group, service)));
	if (c.viaAgreement && chance(c, 0.5)) return t`${capitalise(concat(othM))} (${arr(c.hostActor, '54 §', 'kuntalaki_54', 'host')})`;
	return capitalise(concat(othM));
}

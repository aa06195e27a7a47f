/**
 * Swedish answers for Swedish-majority municipalities (and Swedish passages in bilingual
 * Finnish documents). Terms follow the Swedish text of the Act on the Promotion of Integration
 * (lag om främjande av integration 681/2023) and the form's Swedish wording
 * (src/lib/programme/form-tem-2024-sv.ts). Same fact annotation as the Finnish bank.
 */
import { arr, chance, distractorListSv, langListSv, listOf, pick, prov, provArr, type Ctx } from '../context';
import { capitalise, concat, join, mention, t, type Actor, type ClientGroup, type Mention, type Piece, type Service } from '../facts';
import { genitiveSv, isTown } from '../names';
import { person } from './common';
import { CYRILLIC_COURSE_TITLES, language } from './languages';
import type { Writer } from './fi';

/** Capitalises a sentence-initial mention (or plain string); the fact keeps its actor's own name. */
function cap(m: string): string;
function cap(m: Mention): Mention;
function cap(m: Mention | string): Mention | string {
	if (typeof m === 'string') return m.charAt(0).toUpperCase() + m.slice(1);
	return { ...m, text: m.text.charAt(0).toUpperCase() + m.text.slice(1) };
}

function eaActor(c: Ctx): Actor {
	const [area, authority, services] = c.cast.employment;
	return c.rng.weighted<Actor>([
		[area, 0.5],
		[authority, 0.3],
		[services, 0.2]
	]);
}

function ea(c: Ctx, form: 'nom' | 'gen', group: ClientGroup = 'jobseekers', service?: Service): Mention {
	const a = eaActor(c);
	return prov(a, form === 'nom' ? a.name : a.gen, group, service);
}

function oth(c: Ctx, form: 'nom' | 'gen', group: ClientGroup = 'others', service?: Service): Mention {
	if (chance(c, 0.5)) return prov(c.others, form === 'nom' ? c.others.name : c.others.gen, group, service);
	return prov(c.othersUnit.actor, form === 'nom' ? c.othersUnit.nom : c.othersUnit.gen, group, service);
}

function wc(c: Ctx, form: 'nom' | 'gen', group: ClientGroup = 'both'): Mention {
	const a = chance(c, 0.6) ? c.cast.county : pick(c, c.cast.countyUnits);
	return prov(a, form === 'nom' ? a.name : a.gen, group);
}

function wcArr(c: Ctx): Mention {
	return arr(c.cast.county, c.cast.county.name, 'wellbeing_county');
}

function areaArr(c: Ctx, type: 'employment_area' | 'joint_procurement' = 'employment_area'): Mention {
	return arr(c.cast.area, c.cast.area.name, type);
}

function agreementClause(c: Ctx): Piece {
	if (!c.viaAgreement || !c.hostActor) return concat();
	const clause = pick(c, ['med stöd av samarbetsavtalet', 'enligt avtalet enligt 54 § i kommunallagen', 'enligt samarbetsavtalet']);
	return t` ${arr(c.hostActor, clause, 'kuntalaki_54', 'host')}`;
}

const edu = (c: Ctx, i = 0) => c.cast.education[i % c.cast.education.length];
const ngo = (c: Ctx, i = 0) => c.cast.ngos[i % c.cast.ngos.length];
const company = (c: Ctx, i = 0) => c.cast.companies[i % c.cast.companies.length];

function para(c: Ctx, pieces: (Piece | string | null | false | undefined)[]): Piece {
	return join(pieces, c.rng.weighted<string>([
		[' ', 0.55],
		['\n\n', 0.45]
	]));
}

const POPULATION_LANGS = ['ru', 'et', 'ar', 'en', 'so', 'th', 'vi', 'uk'];

function populationDistractor(c: Ctx): Piece {
	const codes = c.rng.sample(POPULATION_LANGS, c.rng.int(2, 3));
	return t`De största språkgrupperna bland kommunens invånare med främmande modersmål är ${distractorListSv(codes, 'population', 'nom')}.`;
}

function kommunSv(nameFi: string): string {
	return isTown(nameFi) ? 'stad' : 'kommun';
}

// ---------------------------------------------------------------- header

const headerMunicipalities: Writer = (c) => {
	if (c.covered.length === 1) {
		const m = c.covered[0];
		return pick(c, [
			() => t`${mention(`${m.nameSv} ${kommunSv(m.nameFi)}`, { type: 'municipality', code: m.code })}`,
			() => t`${mention(m.nameSv, { type: 'municipality', code: m.code })}`,
			() => t`${mention(`${m.nameSv} – ${m.nameFi.replace(/n kunta$/, '')}`, { type: 'municipality', code: m.code })}`
		])();
	}
	return listOf(
		c.covered.map((m) => mention(m.nameSv, { type: 'municipality', code: m.code })),
		'och'
	);
};

const headerCoordinator: Writer = (c) =>
	pick(c, [
		() => t`Integrationsprogrammet samordnas av ${c.cast.self.gen} ${pick(c, ['välfärdssektor', 'bildningssektor', 'social- och hälsovårdsenhet'])}.`,
		() => t`${c.cast.self.gen.charAt(0).toUpperCase() + c.cast.self.gen.slice(1)} ${c.coordinator}.`,
		() => t`Samordningen sköts av ${c.cast.self.gen} ${c.coordinator} i samarbete med kommunens arbetsgrupp för integration.`
	])();

const headerContact: Writer = (c) => {
	const p = person(c.rng, true, c.lead.nameSv);
	return t`${c.coordinator.charAt(0).toUpperCase() + c.coordinator.slice(1)} ${p.first} ${p.last}\n${p.phone}\n${p.email}`;
};

function agreementSentence(c: Ctx): Piece {
	const host = c.hostActor!;
	const members = c.agreementMembers.map((m) =>
		arr({ name: `${m.nameSv} ${kommunSv(m.nameFi)}`, gen: genitiveSv(m.nameSv), kind: 'municipality', code: m.code }, m.nameSv, 'kuntalaki_54', 'member')
	);
	if (c.model === 'member_54') {
		return pick(c, [
			() => t`Integrationstjänsterna ordnas genom ett samarbetsavtal enligt 54 § i kommunallagen (410/2015) med ${arr(host, host.name, 'kuntalaki_54', 'host')} som ansvarskommun.`,
			() => t`${c.cast.self.name.charAt(0).toUpperCase() + c.cast.self.name.slice(1)} köper integrationstjänsterna av ${arr(host, host.name, 'kuntalaki_54', 'host')} enligt ett avtal enligt 54 § i kommunallagen.`
		])();
	}
	if (members.length === 0) return t`${arr(host, host.name, 'kuntalaki_54', 'host')} är ansvarskommun enligt 54 § i kommunallagen.`;
	return t`${arr(host, host.name, 'kuntalaki_54', 'host')} är ansvarskommun i ett samarbetsavtal enligt 54 § i kommunallagen, som också omfattar ${listOf(members, 'och')}.`;
}

const headerPartners: Writer = (c) => {
	const pieces: Piece[] = [
		pick(c, [
			() => t`Dokumentet har utarbetats i samarbete med ${areaArr(c)}, ${wcArr(c)} och kommunens olika sektorer.`,
			() => t`I arbetsgruppen har förutom kommunens representanter deltagit ${arr(edu(c), edu(c).name, 'education_provider')} och ${arr(ngo(c), ngo(c).name, 'ngo_parish')}.`
		])()
	];
	if (c.hostActor && c.host) pieces.push(agreementSentence(c));
	if (c.covered.length > 1) {
		const partners = c.covered.map((m) =>
			arr({ name: `${m.nameSv} ${kommunSv(m.nameFi)}`, gen: genitiveSv(m.nameSv), kind: 'municipality', code: m.code }, m.nameSv, 'joint_programme')
		);
		pieces.push(t`Programmet är ett gemensamt integrationsprogram för ${listOf(partners, 'och')}.`);
	}
	return join(pieces, '\n\n');
};

const headerUpdated: Writer = (c) => t`${c.plan.date.text}`;

const headerProcess: Writer = (c) =>
	join(
		[
			pick(c, [
				() => t`Programmet har beretts i kommunens arbetsgrupp för integration tillsammans med ${areaArr(c)}.`,
				() => t`Programmet har utarbetats som tjänstearbete med ministeriets blankett som grund.`
			])(),
			pick(c, [
				() => t`Programmet publiceras på kommunens webbplats ${distractorListSv(['sv', 'fi'], 'official-languages', 'pa')}.`,
				() => t`Information om programmet ges på kommunens webbplats och i sociala medier.`
			])(),
			pick(c, [
				() => t`Uppföljningen sköts av ${prov(c.others, c.others.name, 'both', 'follow_up')} tillsammans med ${areaArr(c)}.`,
				() => t`Genomförandet följs upp årligen i arbetsgruppen för integration.`
			])(),
			chance(c, 0.15) ? populationDistractor(c) : null
		],
		'\n\n'
	);

const headerApproval: Writer = (c) =>
	pick(c, [
		() => t`Programmet behandlas i bildningsnämnden och godkänns av kommunstyrelsen.`,
		() => t`Kommunstyrelsen godkände dokumentet ${c.plan.date.text.split(' ')[0]}.`
	])();

// ---------------------------------------------------------------- sections

const s1a: Writer = (c) =>
	para(c, [
		pick(c, [
			'Bedömningen av kompetens och behovet av integrationstjänster görs i början av kundrelationen, om möjligt redan vid det första mötet.',
			'Alla integrationskunder får en bedömning av kompetens och servicebehov, där utbildning, arbetserfarenhet, språkkunskaper och livssituation kartläggs.',
			'Bedömningen inleds senast två månader efter att kunden har registrerat sig som arbetssökande eller sökt sig till kommunens tjänster.'
		]),
		pick(c, [
			() => t`För arbetssökande görs bedömningen av ${ea(c, 'nom', 'jobseekers', 'assessment')}.`,
			() => t`${cap(ea(c, 'nom', 'jobseekers', 'assessment'))} ansvarar för bedömningen av arbetssökande kunder.`
		])(),
		pick(c, [
			() => t`För personer utanför arbetskraften görs bedömningen av ${oth(c, 'nom', 'others', 'assessment')}${agreementClause(c)}.`,
			() => t`${cap(oth(c, 'nom', 'others', 'assessment'))} gör bedömningen för andra integrationskunder än arbetssökande.`
		])(),
		chance(c, 0.15) ? populationDistractor(c) : null
	]);

const s1b1: Writer = (c) =>
	pick(c, [
		() => t`Arbetssökande: ${ea(c, 'nom')}\nÖvriga: ${oth(c, 'nom')}`,
		() => t`${cap(oth(c, 'nom'))} gör bedömningen för personer utanför arbetskraften${agreementClause(c)}. ${cap(ea(c, 'nom'))} ansvarar för bedömningen av registrerade arbetssökande.`
	])();

const s1b2: Writer = (c) =>
	pick(c, [
		() => t`Den sektorsövergripande bedömningen görs tillsammans av ${wc(c, 'nom')}, ${ea(c, 'nom', 'both')} och ${prov(c.others, c.others.name, 'both')}.`,
		() => t`Vid behov av sektorsövergripande stöd kallas ${wc(c, 'nom')} in till bedömningen.`
	])();

const s1c: Writer = (c) =>
	pick(c, [
		() => t`Kommunen samarbetar nära med ${areaArr(c)} och med ${wcArr(c)}.`,
		() => t`Regelbundna samarbetsmöten med ${areaArr(c)} och vid behov kundspecifika nätverksmöten.`,
		() => t`Samarbetet bygger på överenskomna handledningsrutiner med ${areaArr(c)}, ${wcArr(c)} och ${arr(ngo(c), ngo(c).name, 'ngo_parish')}.`
	])();

const s2a: Writer = (c) =>
	para(c, [
		'Integrationsplanen utarbetas utifrån bedömningen tillsammans med kunden och innehåller överenskommelser om integrationsutbildning, språkkurser och andra tjänster.',
		pick(c, [
			() => t`För personer utanför arbetskraften utarbetas planen av ${oth(c, 'nom', 'others', 'plan')}.`,
			() => t`Planen för arbetssökande utarbetas av ${ea(c, 'nom', 'jobseekers', 'plan')}.`,
			() => t`Planen för arbetssökande utarbetas av ${ea(c, 'nom', 'jobseekers', 'plan')} och för övriga kunder av ${oth(c, 'nom', 'others', 'plan')}${agreementClause(c)}.`
		])()
	]);

const s2b1: Writer = (c) =>
	pick(c, [
		() => t`Arbetssökande: ${ea(c, 'nom')}\nÖvriga: ${oth(c, 'nom')}`,
		() => t`${cap(ea(c, 'nom'))} ansvarar för integrationsplanerna för arbetssökande och ${oth(c, 'nom')} för övriga integrationskunder${agreementClause(c)}.`
	])();

const s2b2: Writer = (c) => t`${cap(ea(c, 'nom', 'both'))}, ${prov(c.others, c.others.name, 'both')} och ${wc(c, 'nom')} utarbetar de sektorsövergripande integrationsplanerna tillsammans.`;

const s2c: Writer = (c) =>
	pick(c, [
		() => t`Samarbete görs med ${areaArr(c)} och med socialhandledningen inom ${wcArr(c)}.`,
		() => t`Med kundens samtycke utbyts uppgifter mellan ${areaArr(c)}, kommunen och ${wcArr(c)}, så att planen kan göras tillsammans.`
	])();

const s3a1: Writer = (c) => {
	const how = (() => {
		switch (c.orientation) {
			case 'purchased':
				return t`Den flerspråkiga samhällsorienteringen köps som köptjänst av ${provArr(company(c), company(c).name, 'both', 'purchased_service')}.`;
			case 'education':
				return t`Samhällsorienteringen ordnas i samarbete med ${provArr(edu(c), edu(c).name, 'both', 'education_provider')}.`;
			case 'area':
				return t`Kommunerna inom ${areaArr(c, 'joint_procurement')} planerar gemensam upphandling av samhällsorienteringen.`;
			default:
				return t`${cap(oth(c, 'nom', 'both'))} ordnar den flerspråkiga samhällsorienteringen i små grupper och vid behov med tolk.`;
		}
	})();
	let course: Piece | null = null;
	if (c.cyrillic) {
		const code = c.langs.orientation.includes('uk') ? 'uk' : 'ru';
		course = t`För ${mention(`${language(code).svStem}talande`, { type: 'language', code, context: 'orientation' })} ordnas kursen ${pick(c, CYRILLIC_COURSE_TITLES[code])}.`;
	}
	const groups = pick(c, [
		'Målgruppen är alla integrationskunder, särskilt föräldrar som sköter barn hemma och personer utanför arbetskraften.',
		'Orienteringen riktar sig särskilt till personer som får tillfälligt skydd och till kvotflyktingar.'
	]);
	return para(c, [how, groups, course]);
};

const s3a2: Writer = (c) =>
	pick(c, [
		() => capitalise(concat(langListSv(c.langs.orientation, 'orientation', 'pa'), '.')),
		() => t`Behov finns ${langListSv(c.langs.orientation, 'orientation', 'pa')}.`,
		() => t`Orienteringen ordnas för ${langListSv(c.langs.orientation, 'orientation', 'talande')}.`,
		() => join(c.langs.orientation.map((code) => concat('- ', langListSv([code], 'orientation', 'nom'))), '\n')
	])();

const s3a3: Writer = (c) =>
	t`${pick(c, ['I ett tidigt skede, i samband med bedömningen av servicebehovet.', 'Efter att integrationsplanen har utarbetats, vanligen under de första månaderna.', 'Före eller parallellt med integrationsutbildningen.'])}`;

const s3b: Writer = (c) =>
	c.orientation === 'area'
		? t`${cap(prov(c.cast.area, c.cast.area.name, 'both'))} ansvarar för upphandlingen av orienteringen för hela området.`
		: t`${cap(oth(c, 'nom', 'both'))} ansvarar för att ordna samhällsorienteringen${agreementClause(c)}.`;

const s3c: Writer = (c) =>
	pick(c, [
		() => t`Orienteringen genomförs delvis i samarbete med ${areaArr(c)}.`,
		() => t`Kommunen samarbetar med ${arr(edu(c), edu(c).name, 'education_provider')} och ${arr(ngo(c), ngo(c).name, 'ngo_parish')}.`,
		() => t`Orienteringen upphandlas gemensamt med de andra kommunerna inom ${areaArr(c, 'joint_procurement')}.`
	])();

const s4a1: Writer = (c) => {
	let lang: Piece | null = null;
	if (c.langs.training.length) {
		const code = c.langs.training[0];
		lang = t`Integrationsutbildning ordnas också ${mention(`på ${language(code).sv}`, { type: 'language', code, context: 'training' })}.`;
	}
	return para(c, [
		t`Integrationsutbildningen för arbetssökande ordnas som arbetskraftsutbildning, som upphandlas av ${prov(c.cast.ely, c.cast.ely.name, 'jobseekers')}.`,
		chance(c, 0.5) ? t`Utbildningen ges av ${provArr(company(c), company(c).name, 'jobseekers', 'purchased_service')}.` : null,
		lang
	]);
};

const s4a2: Writer = (c) =>
	pick(c, [
		() => t`För andra än arbetssökande ordnas integrationsutbildning av ${provArr(edu(c), edu(c).name, 'others', 'education_provider')} som frivilliga studier.`,
		() => t`${cap(oth(c, 'nom'))} ordnar integrationsutbildning för personer utanför arbetskraften i samarbete med ${arr(edu(c), edu(c).name, 'education_provider')}.`
	])();

const s4a3: Writer = (c) => t`${pick(c, ['Slutprovet ingår i upphandlingen och ordnas av utbildningsanordnaren i slutet av utbildningen.', 'Slutprovet ordnas i slutet av utbildningen enligt Utbildningsstyrelsens grunder.'])}`;

const s4b: Writer = (c) => t`Arbetssökande: ${ea(c, 'nom')}\nÖvriga: ${oth(c, 'nom')}${agreementClause(c)}`;

const s4c: Writer = (c) => t`Samarbete görs med ${areaArr(c)} och ${arr(edu(c), edu(c).name, 'education_provider')}.`;

const s5a1: Writer = (c) =>
	pick(c, [
		() => t`Utbildning i läs- och skrivfärdighet ordnas av ${prov(edu(c), edu(c).name, 'both')} i små grupper.`,
		() => t`I kommunen finns för närvarande inget behov av separat utbildning i läs- och skrivfärdighet, eftersom antalet kunder är litet. Behovet bedöms individuellt.`
	])();

const s5a2: Writer = (c) =>
	para(c, [
		t`${cap(prov(ngo(c), ngo(c).name, 'both'))} ordnar språkcafé varje vecka.`,
		chance(c, 0.5) ? 'Biblioteket och ungdomstjänsterna stöder delaktighet och samhällsfärdigheter.' : null,
		chance(c, 0.4) ? t`${cap(prov(edu(c), edu(c).name, 'both'))} erbjuder kurser i vardagssvenska och vardagsfinska.` : null
	]);

const s5b: Writer = (c) => t`${cap(oth(c, 'nom', 'both'))} ansvarar för tjänsterna${agreementClause(c)}.`;

const s5c: Writer = (c) => t`Samarbete görs med ${areaArr(c)} och ${arr(ngo(c), ngo(c).name, 'ngo_parish')}.`;

const s6a: Writer = (c) => {
	let lang: Piece | null = null;
	if (c.langs.guidance.length) lang = t`Handledning ges ${langListSv(c.langs.guidance, 'guidance', 'pa')}.`;
	return para(c, [
		t`${cap(oth(c, 'nom', 'both'))} ger handledning och rådgivning under hela integrationsprogrammet.`,
		chance(c, 0.6) ? t`Arbetssökande handleds av ${ea(c, 'nom')}.` : null,
		lang
	]);
};

const s6b: Writer = (c) => t`${cap(oth(c, 'nom', 'both'))} ordnar tjänsterna${agreementClause(c)}.`;

const s6c: Writer = (c) =>
	pick(c, [
		() => t`Samarbete görs mellan kommunerna och ${areaArr(c)}.`,
		() => t`Rådgivningen ges i samarbete med ${arr(ngo(c), ngo(c).name, 'ngo_parish')}, till exempel som hjälp med ärenden.`
	])();

const s7a1: Writer = (c) => {
	const unit = pick(c, c.cast.selfUnits);
	return para(c, [
		'Kommunen ordnar småbarnspedagogik och grundläggande utbildning med tanke på familjernas integration.',
		t`${cap(prov(unit, unit.name, 'both'))} erbjuder gratis motionsrådgivning och ungdomstjänster.`,
		c.langs.other.length ? t`I biblioteket finns material också ${langListSv(c.langs.other, 'other', 'pa')}.` : null
	]);
};

const s7a2: Writer = (c) =>
	pick(c, [
		() => t`Familjeverksamhet ordnas bland annat av ${prov(ngo(c), ngo(c).name, 'both')} och ${prov(ngo(c, 1), ngo(c, 1).name, 'both')}.`,
		() => t`Kommunen ordnar en gemensam måltid varje månad i samarbete med ${provArr(ngo(c), ngo(c).name, 'both', 'ngo_parish')}.`
	])();

const s7a3: Writer = (c) => t`Kommunens företagsrådgivning står till tjänst, och samarbete görs med ${areaArr(c)}.`;

const s7b: Writer = (c) => t`${cap(oth(c, 'nom', 'both'))} ansvarar för tjänsterna${agreementClause(c)}.`;

const s7c: Writer = (c) =>
	pick(c, [
		() => t`Samarbete görs mellan kommunens sakkunniga, ${wcArr(c)} och sysselsättningstjänsterna.`,
		() => t`Kultur- och fritidstjänsterna samarbetar med ${arr(ngo(c, 1), ngo(c, 1).name, 'ngo_parish')} och idrottsföreningarna.`
	])();

export const SV_WRITERS: Readonly<Record<string, Writer>> = {
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

/**
 * Swedish passages a bilingual Finnish document adds to some answers ("Samhällsorientering
 * erbjuds även på svenska…"). Keyed like the writers; each returns one short paragraph.
 */
export const SV_PASSAGES: Readonly<Record<string, Writer>> = {
	's3.a1': (c) => t`Svenskspråkig samhällsorientering ordnas i samarbete med ${provArr(edu(c), edu(c).name, 'both', 'education_provider', 'orientation')}.`,
	's3.a2': () => t`Samhällsorientering erbjuds även ${mention('på svenska', { type: 'language', code: 'sv', context: 'orientation' })}.`,
	's4.a2': (c) => t`Integrationsutbildning ${mention('på svenska', { type: 'language', code: 'sv', context: 'training' })} ordnas av ${prov(edu(c), edu(c).name, 'others', 'training')}.`,
	's6.a': () => t`Handledning och rådgivning ges ${mention('på svenska', { type: 'language', code: 'sv', context: 'guidance' })} vid behov.`,
	's7.a2': (c) => t`Svenskspråkig verksamhet för familjer ordnas av ${prov(ngo(c), ngo(c).name, 'both', 'other_services')}.`
};

/** Table cell in Swedish. */
export function tableCellSv(c: Ctx, row: string, group: 'jobseekers' | 'others'): Piece {
	const service = row as Service;
	const multi = row === 'multi_assessment' || row === 'multi_plan';
	if (group === 'jobseekers') {
		const a = eaActor(c);
		const m = prov(a, a.name, group, service);
		return multi ? t`${capitalise(concat(m))} och ${prov(c.cast.county, c.cast.county.name, group, service)}` : capitalise(concat(m));
	}
	const m = prov(c.others, c.others.name, group, service);
	return multi ? t`${capitalise(concat(m))} och ${prov(c.cast.county, c.cast.county.name, group, service)}` : capitalise(concat(m));
}

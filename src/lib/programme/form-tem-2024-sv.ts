/**
 * Swedish wording of the TEM 3.9.2024 form, keyed like the Finnish schema (form-tem-2024.ts).
 *
 * OUR OWN TRANSLATION: the ministry publishes a Swedish version of the form, but its text is not
 * available here, so these strings are ours, written to follow the Finnish form sentence by
 * sentence with the terms of the Swedish text of the Act on the Promotion of Integration
 * (lag om främjande av integration 681/2023). Real Swedish documents will word things differently;
 * the extractor must match these headings loosely (part labels first, questions as hints).
 *
 * Used by the own-template renderer (`renderOwnTemplate({ language: 'sv' })`), the demo corpus
 * and the extractor (to recognise Swedish headings in municipalities' own documents).
 */

import type { SectionId } from './form-tem-2024';

export interface SectionTextSv {
	/** Section number as printed ('' for header and table). */
	number: string;
	title: string;
	/** Statute reference printed after the title, e.g. "integrationslagen 14 och 15 §". */
	law?: string;
	instruction?: string;
}

export interface QuestionSv {
	/** The question(s) without the part label ("a. Beskrivning av tjänsten:" is in PART_LABELS_SV). */
	question: string;
	help?: string;
}

export const FORM_TITLE_SV =
	'Dokument som beskriver kommunens integrationsprogram, det vill säga tjänsterna i integrationens inledande skede';

/** Printed above each section's answers (Finnish: SECTION_LEAD). */
export const SECTION_LEAD_SV = 'Nedan beskrivs hur man i vår kommun har planerat att genomföra och ordna:';

/** Title of the list page (Finnish: "Lomakkeen kohdat luettelona (kopioi kunnan asiakirjapohjalle):"). */
export const LIST_TITLE_SV = 'Blankettens punkter som lista (kopiera till kommunens dokumentmall):';

export const LIST_INSTRUCTION_SV =
	'Beskriv hur tjänsterna ordnas för olika målgrupper. Specificera vid behov de ansvariga aktörerna för olika målgrupper. ' +
	'Beskriv vid behov de finsk- och svenskspråkiga tjänsterna separat.';

/** Part labels as the list prints them (Finnish: "a. Kuvaus palvelusta:", "b. Vastuutaho:", "c. Yhteistyö:"). */
export const PART_LABELS_SV = {
	a: 'a. Beskrivning av tjänsten:',
	b: 'b. Ansvarig aktör:',
	c: 'c. Samarbete:'
} as const;

const GROUPS_INSTRUCTION_SV =
	'Beskriv hur tjänsten ordnas för olika målgrupper. Specificera vid behov de ansvariga aktörerna för olika målgrupper. ' +
	'Beskriv vid behov de finsk- och svenskspråkiga tjänsterna separat.';

export const SECTIONS_SV: Readonly<Record<SectionId, SectionTextSv>> = {
	header: { number: '', title: 'Grunduppgifter' },
	'1': { number: '1', title: 'Bedömning av kompetens och behovet av integrationstjänster samt sektorsövergripande bedömning av kompetens och behovet av integrationstjänster', law: 'integrationslagen 14 och 15 §', instruction: GROUPS_INSTRUCTION_SV },
	'2': { number: '2', title: 'Integrationsplan eller sektorsövergripande integrationsplan som utarbetas utifrån bedömningen av kompetens och behovet av integrationstjänster eller den sektorsövergripande bedömningen', law: 'integrationslagen 16 och 17 §', instruction: GROUPS_INSTRUCTION_SV },
	'3': { number: '3', title: 'Flerspråkig samhällsorientering', law: 'integrationslagen 25 §', instruction: GROUPS_INSTRUCTION_SV },
	'4': { number: '4', title: 'Integrationsutbildning', law: 'integrationslagen 26 och 27 §', instruction: GROUPS_INSTRUCTION_SV },
	'5': { number: '5', title: 'Annan utbildning och andra tjänster som främjar kunskaperna i finska och svenska, läs- och skrivfärdigheten, samhälls- och arbetslivsfärdigheterna samt sysselsättning och företagande', instruction: GROUPS_INSTRUCTION_SV },
	'6': { number: '6', title: 'Handledning och rådgivning under integrationsprogrammet', law: 'integrationslagen 13 § 1 mom. 5 punkten', instruction: 'Kommunen ansvarar för att erbjuda invandrare handledning och rådgivning under integrationsprogrammet när integrationsplanen genomförs. Beskriv vid behov hur handledningen och rådgivningen ordnas för olika målgrupper. Beskriv vid behov de finsk- och svenskspråkiga tjänsterna separat.' },
	'7': { number: '7', title: 'Andra tjänster som kommunen ansvarar för att ordna för att främja integrationen', instruction: 'Integrationsprogrammet kan dessutom innehålla andra tjänster som kommunen ansvarar för att ordna och som främjar integrationskundernas sysselsättning, företagande, arbets- och funktionsförmåga, invandrarnas välbefinnande och hälsa eller integration, samt bekantskap med och deltagande i organisations-, förenings- eller samfundsverksamhet eller annan samhällelig verksamhet eller kultur- och fritidsverksamhet. Beskriv vid behov hur tjänsten ordnas för olika målgrupper. Beskriv vid behov de finsk- och svenskspråkiga tjänsterna separat.' },
	table: { number: '', title: 'Ansvarstabell' }
};

const COOPERATION_Q_SV = 'Hur samarbetar man för att ordna tjänsten?';

/** Questions by canonical key (every ANSWER_FIELDS key). The first question of a part follows its part label. */
export const QUESTIONS_SV: Readonly<Record<string, QuestionSv>> = {
	'header.municipalities': { question: 'Kommun eller kommuner:' },
	'header.coordinator': { question: 'Aktör som samordnar integrationsprogrammet i kommunen/kommunerna:' },
	'header.contact': { question: 'Kontaktperson för dokumentet som beskriver integrationsprogrammet och kontaktuppgifter:' },
	'header.partners': { question: 'Samarbetspartner som deltar i utarbetandet av integrationsprogrammet och/eller dokumentet som beskriver det:', help: 'Kommunen kan tillsätta en arbetsgrupp som har till uppgift att följa upp genomförandet av integrationsprogrammet och vid behov föreslå ändringar i det.' },
	'header.updated': { question: 'Integrationsprogrammet har utarbetats eller uppdaterats (datum):' },
	'header.process': { question: 'Processen för att utarbeta integrationsprogrammet och kommunikationen i kommunen: Hur har integrationsprogrammet utarbetats i kommunen? Hur kommuniceras integrationsprogrammet till kunderna? Hur följs genomförandet upp i fortsättningen?' },
	'header.approval': { question: 'Behandlings- och godkännandeprocessen för dokumentet som beskriver integrationsprogrammet i kommunen: (inte obligatoriskt)' },

	's1.a': { question: 'Hur ordnas tjänsterna i kommunen?' },
	's1.b1': { question: 'Vilka aktörer/enheter gör bedömningen av kompetens och behovet av integrationstjänster och hur?' },
	's1.b2': { question: 'Vilka aktörer/enheter gör den sektorsövergripande bedömningen av kompetens och behovet av integrationstjänster i kommunen och välfärdsområdet och hur?' },
	's1.c': { question: COOPERATION_Q_SV },

	's2.a': { question: 'Hur ordnas tjänsten i kommunen? Hur utarbetas integrationsplanen? Hur utarbetas den sektorsövergripande integrationsplanen?' },
	's2.b1': { question: 'Vilka aktörer/enheter ansvarar för att utarbeta integrationsplanerna?' },
	's2.b2': { question: 'Vilka aktörer/enheter ansvarar för att utarbeta de sektorsövergripande integrationsplanerna i kommunen och välfärdsområdet?' },
	's2.c': { question: COOPERATION_Q_SV },

	's3.a1': { question: 'Hur genomför kommunen den flerspråkiga samhällsorienteringen? Vilka målgrupper för samhällsorienteringen finns det i kommunen?' },
	's3.a2': { question: 'På vilka språk finns det behov av att ordna samhällsorientering i kommunen?' },
	's3.a3': { question: 'I vilket skede av kundprocessen erbjuds kunderna flerspråkig samhällsorientering?' },
	's3.b': { question: 'Vilka aktörer/enheter ansvarar för att ordna samhällsorienteringen?' },
	's3.c': { question: COOPERATION_Q_SV + ' Genomför kommunen den flerspråkiga samhällsorienteringen delvis eller helt självständigt, eller delvis eller helt i samarbete med någon annan aktör? Nämn samarbetsparterna.' },

	's4.a1': { question: 'Hur ordnas integrationsutbildningen i er kommun för invandrare som är arbetssökande?' },
	's4.a2': { question: 'Hur ordnas integrationsutbildningen i er kommun för andra invandrare än arbetssökande?' },
	's4.a3': { question: 'Slutprov i språkkunskaper (integrationslagen 26 §): Hur ordnas slutprovet?', help: 'Slutprovet i språkkunskaper gäller endast de integrationsutbildningar där Utbildningsstyrelsens grunder för läroplanen följs. Slutprovet ordnas som en del av integrationsutbildningen enligt integrationslagen.' },
	's4.b': { question: 'Vilka aktörer/enheter ansvarar för att ordna tjänsterna?' },
	's4.c': { question: COOPERATION_Q_SV },

	's5.a1': { question: 'Hur ordnas utbildning i läs- och skrivfärdighet i er kommun? Om det inte finns behov av utbildning i läs- och skrivfärdighet, ange motiveringen.' },
	's5.a2': { question: 'Vilka andra utbildningar eller tjänster med ovan nämnda teman erbjuds i er kommun?' },
	's5.b': { question: 'Vilka aktörer/enheter ansvarar för att ordna tjänsterna?' },
	's5.c': { question: COOPERATION_Q_SV },

	's6.a': { question: 'Hur har kommunen ordnat handlednings- och rådgivningstjänsterna under integrationsprogrammet?' },
	's6.b': { question: 'Vilka aktörer/enheter ansvarar för att ordna tjänsterna?' },
	's6.c': { question: COOPERATION_Q_SV },

	's7.a1': { question: 'Vilka andra tjänster som kommunen ansvarar för att ordna erbjuds eller planeras för att stödja integrationskundens integration?' },
	's7.a2': { question: 'Vilka andra tjänster och verksamheter erbjuds eller planeras i kommunen för att stödja integrationskundens integration?', help: '(Till exempel bekantskap med och deltagande i organisations-, förenings- eller samfundsverksamhet eller annan samhällelig verksamhet eller kultur- och fritidsverksamhet.)' },
	's7.a3': { question: 'Vilka andra tjänster erbjuds eller planeras i kommunen för att stödja/främja samhälls- och arbetslivsfärdigheter samt sysselsättning och företagande?' },
	's7.b': { question: 'Vilka aktörer/enheter ansvarar för att ordna tjänsterna?' },
	's7.c': { question: COOPERATION_Q_SV }
};

/** Row labels of the responsibility table by TABLE_ROWS id. */
export const TABLE_ROW_LABELS_SV: Readonly<Record<string, string>> = {
	assessment: 'Bedömning av kompetens och behovet av integrationstjänster',
	multi_assessment: 'Sektorsövergripande bedömning av kompetens och behovet av integrationstjänster',
	plan: 'Integrationsplan',
	multi_plan: 'Sektorsövergripande integrationsplan',
	orientation: 'Flerspråkig samhällsorientering',
	training: 'Integrationsutbildning',
	guidance: 'Handledning och rådgivning under integrationsprogrammet',
	follow_up: 'Uppföljning och uppdatering av kommunens integrationsprogram'
};

/** Column labels of the responsibility table by CLIENT_GROUPS id. */
export const CLIENT_GROUP_LABELS_SV: Readonly<Record<string, string>> = {
	jobseekers: 'Aktör som producerar tjänsterna för arbetssökande:',
	others: 'Aktör som producerar tjänsterna för andra integrationskunder:'
};

/** Header of the table's first column (Finnish: "Palvelu/toimenpide:"). */
export const TABLE_SERVICE_HEADER_SV = 'Tjänst/åtgärd:';

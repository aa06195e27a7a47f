/**
 * The ministry's form "Kunnan kotoutumisohjelmaa eli kotoutumisen alkuvaiheen palveluita
 * kuvaava asiakirja", version TEM 3.9.2024, as data.
 *
 * One schema serves three readers: the PDF generator (layout, questions, help texts), the
 * extractor (field names → canonical keys) and the enrichment/completeness rules (which parts
 * are mandatory). Field names are the real form's field labels exactly as the seed shows them,
 * quirks included (see DESIGN.md): the mislabelled s1.b1, the names cut at 100 characters, the
 * bare "4A". The responsibility table ("Vastuutaulukko") has no fields in the seed; its names
 * are ours.
 */

export const TEMPLATE_ID = 'tem-2024-09-03';
export const TEMPLATE_LABEL = 'TEM 3.9.2024';

/** 'header' for the cover fields, '1'…'7' for the sections, 'table' for the responsibility table. */
export type SectionId = 'header' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | 'table';

export interface FormField {
	/** Canonical key, e.g. `s1.b2`, `header.updated`, `table.plan.jobseekers`. */
	key: string;
	section: SectionId;
	/** Part within the section: a1, b, c… for sections; the header key; `row.group` for the table. */
	part: string;
	/** The PDF field name (the real form's label for all fields the seed shows). */
	fieldName: string;
	/** The question(s) printed next to the field, in Finnish. */
	question: string;
	/** Extra help text printed under the question, if the form has one. */
	help?: string;
	/** Sections 1–6 and the header (except `approval`) are mandatory under KotoL 13 §. */
	mandatory: boolean;
	/** A short one-line value (date, municipality list) rather than a multi-line text box. */
	singleLine?: boolean;
}

export interface FormSection {
	id: SectionId;
	/** Section number as printed (empty for header and table). */
	number: string;
	title: string;
	/** Statute reference printed with the title, e.g. "KotoL 14 ja 15 §". */
	law?: string;
	/** Instruction paragraph printed under the title. */
	instruction?: string;
	mandatory: boolean;
}

const GROUPS_INSTRUCTION =
	'Kuvaa palvelun järjestämistä eri kohderyhmien osalta. Erittele tarvittaessa vastuutahot eri ' +
	'kohderyhmien osalta. Kuvaa tarvittaessa erikseen suomen- ja ruotsinkieliset palvelut.';

export const FORM_TITLE = 'Kunnan kotoutumisohjelmaa eli kotoutumisen alkuvaiheen palveluita kuvaava asiakirja';

/** The cover page's introduction, paragraph by paragraph, as the form prints it. */
export const FORM_INTRO: readonly string[] = [
	'Kunta voi hyödyntää lomaketta tai lomakkeen tekstiä kunnan kotoutumisohjelmaa kuvaavan asiakirjan laatimisessa. ' +
		'Lomakkeen tai sen sisällön käyttö on vapaaehtoista. Tallenna lomake koneelle ennen täyttämistä. Voit myös hyödyntää ' +
		'lomakkeen sisällön kopioimalla sen kunnan omalle asiakirjapohjalle.',
	'Kotoutumisohjelmaan ja sen laatimiseen vaikuttavat monet alueelliset ja paikalliset tekijät, eivätkä kaikki lomakkeen ' +
		'kohdat välttämättä sovellu kaikkiin tilanteisiin. Työvoimaviranomainen vastaa kotoutumisohjelmaan sisältyvien ' +
		'palveluiden järjestämisestä työnhakijana olevalle maahanmuuttajalle ja kotoutuja-asiakkaalle. Kunta vastaa muiden ' +
		'maahanmuuttajien ja kotoutuja-asiakkaiden kotoutumisohjelman mukaisten palveluiden järjestämisestä. Kunta ' +
		'voi järjestää ja toteuttaa palveluitaan yhteistyössä työvoimaviranomaisen, muiden kuntien ja/tai hyvinvointialueen ' +
		'kanssa. Kotoutumisohjelman palvelut on kuvattava yhteistyössä kunnan työvoimaviranomaisen kanssa ja asiakirja ' +
		'sisältää myös työvoimaviranomaisen palvelut. Monialainen osaamisen ja kotoutumisen palvelutarpeen arviointi ja ' +
		'kotoutumissuunnitelma tehdään aina yhteistyössä hyvinvointialueen kanssa.',
	'Kunnan kotoutumisohjelman vähimmäissisällöstä säädetään laissa kotoutumisen edistämisestä (681/2023). ' +
		'Kotoutumisohjelmaan sisältyvät vähintään alla kuvatut palvelut (kohdat 1–6). Kunta voi sisällyttää kotoutumisohjelmaan ' +
		'myös muita palveluita (kohta 7).'
];

export const FORM_LINKS: readonly string[] = [
	'https://kotoutuminen.fi/koto24-kotoutumisohjelma',
	'https://www.finlex.fi/fi/laki/alkup/2023/20230681#Pidm45843170666848'
];

/** Printed above each section's fields. */
export const SECTION_LEAD = 'Alla on kuvattu, miten kunnassamme on suunniteltu toteutettavaksi ja järjestettäväksi:';

export const SECTIONS: readonly FormSection[] = [
	{ id: 'header', number: '', title: 'Perustiedot', mandatory: true },
	{
		id: '1',
		number: '1',
		title:
			'Osaamisen ja kotoutumisen palvelutarpeen arviointi ja monialaisen osaamisen ja kotoutumisen palvelutarpeen arviointi',
		law: 'KotoL 14 ja 15 §',
		instruction: GROUPS_INSTRUCTION,
		mandatory: true
	},
	{
		id: '2',
		number: '2',
		title:
			'Osaamisen ja kotoutumisen ja monialaisen osaamisen ja kotoutumisen palvelutarpeen arvioinnin pohjalta laadittava kotoutumissuunnitelma tai monialainen kotoutumissuunnitelma',
		law: 'KotoL 16 ja 17 §',
		instruction: GROUPS_INSTRUCTION,
		mandatory: true
	},
	{
		id: '3',
		number: '3',
		title: 'Monikielinen yhteiskuntaorientaatio',
		law: 'KotoL 25 §',
		instruction: GROUPS_INSTRUCTION,
		mandatory: true
	},
	{
		id: '4',
		number: '4',
		title: 'Kotoutumiskoulutus',
		law: 'KotoL 26 ja 27 §',
		instruction: GROUPS_INSTRUCTION,
		mandatory: true
	},
	{
		id: '5',
		number: '5',
		title:
			'Muu koulutus ja palvelut, jotka edistävät suomen ja ruotsin kielen osaamista, luku- ja kirjoitustaitoa, yhteiskunta- ja työelämävalmiuksia sekä työllistymistä ja yrittäjyyttä',
		instruction: GROUPS_INSTRUCTION,
		mandatory: true
	},
	{
		id: '6',
		number: '6',
		title: 'Kotoutumisohjelman aikainen ohjaus ja neuvonta',
		law: 'KotoL 13 §:n 1 mom. 5 kohta',
		instruction:
			'Kunnan vastuulla on tarjota maahanmuuttajalle kotoutumisohjelman aikaista ohjausta ja neuvontaa ' +
			'kotoutumissuunnitelman toteuttamisessa. Kuvaa tarvittaessa ohjauksen ja neuvonnan järjestämistä eri kohderyhmien ' +
			'osalta. Kuvaa tarvittaessa erikseen suomen- ja ruotsinkieliset palvelut.',
		mandatory: true
	},
	{
		id: '7',
		number: '7',
		title: 'Muut kunnan järjestämisvastuulla olevat palvelut kotoutumisen edistämiseksi',
		instruction:
			'Kotoutumisohjelma voi lisäksi sisältää muita kunnan järjestämisvastuulla olevia kotoutuja-asiakkaiden työllisyyttä, ' +
			'yrittäjyyttä, työ- ja toimintakykyä, maahanmuuttajien hyvinvointia ja terveyttä tai kotoutumista edistäviä palveluita sekä ' +
			'järjestö-, yhdistys- tai yhteisötoimintaan tai muuhun yhteiskunnan tai kulttuuri- ja vapaa-ajan toimintaan tutustumista ' +
			'ja siihen osallistumista. Kuvaa tarvittaessa palvelun järjestämistä eri kohderyhmien osalta. Kuvaa tarvittaessa erikseen ' +
			'suomen- ja ruotsinkieliset palvelut.',
		mandatory: false
	},
	{ id: 'table', number: '', title: 'Vastuutaulukko', mandatory: false }
];

const COOPERATION_Q = 'C. Yhteistyö: Miten palvelun järjestämiseksi tehdään yhteistyötä?';

function field(
	key: string,
	fieldName: string,
	question: string,
	opts: { help?: string; mandatory?: boolean; singleLine?: boolean } = {}
): FormField {
	const [head, part] = key.split('.');
	const section = (head === 'header' ? 'header' : head.slice(1)) as SectionId;
	return {
		key,
		section,
		part,
		fieldName,
		question,
		help: opts.help,
		mandatory: opts.mandatory ?? section !== '7',
		singleLine: opts.singleLine
	};
}

/** Every text field of the form except the responsibility table, in form order. */
export const ANSWER_FIELDS: readonly FormField[] = [
	field('header.municipalities', 'Kunta tai kunnat: ', 'Kunta tai kunnat:', { singleLine: true }),
	field('header.coordinator', 'Kunnassa/kunnissa kotoutumisohjelmaa koordinoiva taho:', 'Kunnassa/kunnissa kotoutumisohjelmaa koordinoiva taho:'),
	field('header.contact', 'Kotoutumisohjelmaa kuvaavan asiakirjan yhteyshenkilö ja yhteystiedot:', 'Kotoutumisohjelmaa kuvaavan asiakirjan yhteyshenkilö ja yhteystiedot:'),
	field('header.partners', 'Kotoutumisohjelman ja/tai sitä kuvaavan asiakirjan laatimiseen osallistuvat yhteistyö-kumppanit: \n', 'Kotoutumisohjelman ja/tai sitä kuvaavan asiakirjan laatimiseen osallistuvat yhteistyökumppanit:', { help: 'Kunta voi asettaa työryhmän, jonka tehtävänä on seurata kotoutumisohjelman toteutumista, ja ehdottaa siihen muutoksia tarvittaessa.' }),
	field('header.updated', 'Kotoutumisohjelma on laadittu tai päivitetty (päivämäärä:', 'Kotoutumisohjelma on laadittu tai päivitetty (päivämäärä):', { singleLine: true }),
	field('header.process', 'Kotoutumisohjelman laadinnan prosessi ja viestintä kunnassa: \n', 'Kotoutumisohjelman laadinnan prosessi ja viestintä kunnassa: Miten kotoutumisohjelma on kunnassa laadittu? Millaista asiakasviestintää kotoutumisohjelmasta tehdään? Miten sen toteutumista seurataan jatkossa?'),
	field('header.approval', 'Kotoutumisohjelmaa kuvaavan asiakirjan käsittely- ja hyväksymis- prosessi kunnassa:\n', 'Kotoutumisohjelmaa kuvaavan asiakirjan käsittely- ja hyväksymisprosessi kunnassa: (ei pakollinen)', { mandatory: false }),

	field('s1.a', '1A: \n\t Kuvaus palvelusta:\n', 'A. Kuvaus palvelusta: Miten palvelut järjestetään kunnassa?'),
	field('s1.b1', '1B Miten kunnassanne järjestetään kotoutumiskoulutus muille kuin työnhakijana oleville kotoutujille?', 'B. Vastuutaho: Mitkä tahot/yksiköt tekevät osaamisen ja kotoutumisen palvelutarpeen arvioinnin ja miten?'),
	field('s1.b2', '1B Mitkä tahot/yksiköt tekevät monialaisen osaamisen ja kotoutumisen palvelutarpeen arvioinnin kunna', 'Mitkä tahot/yksiköt tekevät monialaisen osaamisen ja kotoutumisen palvelutarpeen arvioinnin kunnassa ja hyvinvointialueella ja miten?'),
	field('s1.c', '1C: \n\t Yhteistyö \n', COOPERATION_Q),

	field('s2.a', '2A: \n\t Kuvaus palvelusta: \n', 'A. Kuvaus palvelusta: Miten palvelu järjestetään kunnassa? Miten kotoutumissuunnitelma laaditaan? Miten monialainen kotoutumissuunnitelma laaditaan?'),
	field('s2.b1', '2B vastuutaho', 'B. Vastuutaho: Mitkä tahot/yksiköt vastaavat kotoutumissuunnitelmien laatimisesta?'),
	field('s2.b2', '2B Mitkä tahot/yksiköt vastaavat monialaisten kotoutumis-suunnitelmien laatimisesta kunnassa ja hyvi', 'Mitkä tahot/yksiköt vastaavat monialaisten kotoutumissuunnitelmien laatimisesta kunnassa ja hyvinvointialueella?'),
	field('s2.c', '2C Yhteistyö', COOPERATION_Q),

	field('s3.a1', '3A Kuvaus palvelusta\n', 'A. Kuvaus palvelusta: Miten kunta toteuttaa monikielisen yhteiskuntaorientaation? Mitä yhteiskuntaorientaation kohderyhmiä kunnassa on?'),
	field('s3.a2', '3A kuvaus 2', 'Millä kielillä kunnassa on tarve järjestää yhteiskuntaorientaatio?'),
	field('s3.a3', '3A kuvaus 3', 'Missä asiakaspalveluprosessin vaiheessa monikielistä yhteiskuntaorientaatiota tarjotaan asiakkaille?'),
	field('s3.b', '3B vastuutaho', 'B. Vastuutaho: Mitkä tahot/yksiköt vastaavat yhteiskuntaorientaation järjestämisestä?'),
	field('s3.c', '3C yhteistyö', COOPERATION_Q + ' Toteuttaako kunta monikielisen yhteiskuntaorientaation osittain tai kokonaan itsenäisesti, vai osittain tai kokonaan yhteistyössä jonkun muun tahon kanssa? Nimeä yhteistyötahot.'),

	field('s4.a1', '4A Kuvaus palvelusta\n', 'A. Kuvaus palvelusta: Miten kunnassanne järjestetään kotoutumiskoulutus työnhakijana oleville kotoutujille?'),
	field('s4.a2', '4A', 'Miten kunnassanne järjestetään kotoutumiskoulutus muille kuin työnhakijana oleville kotoutujille?'),
	field('s4.a3', '4A Kielitaidon päättötestaus ', 'Kielitaidon päättötestaus (KotoL 26 §): Miten päättötestauksen järjestäminen toteutetaan?', { help: 'Kielitaidon päättötestaus liittyy ainoastaan niihin kotoutumiskoulutuksiin, joissa noudatetaan Opetushallituksen opetussuunnitelman perusteita. Päättötestaus järjestetään osana kotoutumislain mukaista kotoutumiskoulutusta.' }),
	field('s4.b', '4B vastuutaho', 'B. Vastuutaho: Mitkä tahot/yksiköt vastaavat palveluiden järjestämisestä?'),
	field('s4.c', '4C yhteistyö', COOPERATION_Q),

	field('s5.a1', '5A Kuvaus palvelusta\n', 'A. Kuvaus palvelusta: Miten kunnassanne järjestetään luku- ja kirjoitustaidon koulutus? Jos luku- ja kirjoitustaidon koulutukselle ei ole tarvetta, esitä perustelut.'),
	field('s5.a2', '5A kuvaus', 'Mitä muita em. teemoja sisältäviä koulutuksia tai palveluita kunnassanne on tarjolla?'),
	field('s5.b', '5B Vastuutaho', 'B. Vastuutaho: Mitkä tahot/yksiköt vastaavat palveluiden järjestämisestä?'),
	field('s5.c', '5C yhteistyö', COOPERATION_Q),

	field('s6.a', '6A Kuvaus palvelusta\n', 'A. Kuvaus palvelusta: Miten kunnassa on järjestetty kotoutumisohjelman aikaiset ohjaus- ja neuvontapalvelut?'),
	field('s6.b', '6B vastuutaho', 'B. Vastuutaho: Mitkä tahot/yksiköt vastaavat palveluiden järjestämisestä?'),
	field('s6.c', '6C yhteistyö', COOPERATION_Q),

	field('s7.a1', '7A Kuvaus palvelusta\n', 'A. Kuvaus palvelusta: Mitä muita kunnan järjestämisvastuulla olevia palveluita on tarjolla tai suunnitteilla kotoutuja-asiakkaan kotoutumisen tueksi?'),
	field('s7.a2', '7A kuvaus', 'Mitä muita palveluita ja toimintaa kunnassa on tarjolla tai suunnitteilla kotoutuja-asiakkaan kotoutumisen tueksi?', { help: '(Esimerkiksi järjestö-, yhdistys- tai yhteisötoimintaan tai muuhun yhteiskunnan tai kulttuuri- ja vapaa-ajan toimintaan tutustumista ja siihen osallistumista.)' }),
	field('s7.a3', '7A kuvaus 3', 'Mitä muita palveluita kunnassa on tarjolla tai suunnitteilla yhteiskunta- ja työelämävalmiuksien sekä työllistymisen ja yrittäjyyden tukemiseksi/edistämiseksi?'),
	field('s7.b', '7B vastuutaho', 'B. Vastuutaho: Mitkä tahot/yksiköt vastaavat palveluiden järjestämisestä?'),
	field('s7.c', '7C yhteistyö', COOPERATION_Q)
];

/** Rows of the responsibility table. The form prints "Kotoutumissuunnitelma" twice; the second is training. */
export const TABLE_ROWS = [
	{ id: 'assessment', label: 'Osaamisen ja kotoutumisen palvelutarpeen arviointi', section: '1' },
	{ id: 'multi_assessment', label: 'Monialaisen osaamisen ja kotoutumisen palvelutarpeen arviointi', section: '1' },
	{ id: 'plan', label: 'Kotoutumissuunnitelma', section: '2' },
	{ id: 'multi_plan', label: 'Monialainen kotoutumissuunnitelma', section: '2' },
	{ id: 'orientation', label: 'Monikielinen yhteiskuntaorientaatio', section: '3' },
	{ id: 'training', label: 'Kotoutumiskoulutus', printedLabel: 'Kotoutumissuunnitelma', section: '4' },
	{ id: 'guidance', label: 'Kotoutumisohjelman aikainen ohjaus ja neuvonta', section: '6' },
	{ id: 'follow_up', label: 'Kunnan kotoutumisohjelman seuranta ja päivittäminen', section: 'header' }
] as const;

export type TableRowId = (typeof TABLE_ROWS)[number]['id'];

export const CLIENT_GROUPS = [
	{ id: 'jobseekers', label: 'Työnhakijoiden palvelut tuottava taho:' },
	{ id: 'others', label: 'Muiden kotoutuja-asiakkaiden palvelut tuottava taho:' }
] as const;

export type ClientGroupId = (typeof CLIENT_GROUPS)[number]['id'];

/** Our own field names for the table: `Vastuutaulukko <n> <row> - <group>` (no dots: pdf field names nest on dots). */
export const TABLE_FIELDS: readonly FormField[] = TABLE_ROWS.flatMap((row, i) =>
	CLIENT_GROUPS.map((group) => ({
		key: `table.${row.id}.${group.id}`,
		section: 'table' as const,
		part: `${row.id}.${group.id}`,
		fieldName: `Vastuutaulukko ${i + 1} ${row.label} - ${group.id === 'jobseekers' ? 'työnhakijat' : 'muut kotoutuja-asiakkaat'}`,
		question: `${row.label}: ${group.label}`,
		mandatory: false,
		singleLine: false
	}))
);

export const ALL_FIELDS: readonly FormField[] = [...ANSWER_FIELDS, ...TABLE_FIELDS];

export const FIELD_BY_KEY: ReadonlyMap<string, FormField> = new Map(ALL_FIELDS.map((f) => [f.key, f]));

/** Mandatory parts of the programme (KotoL 13 §): sections 1–6 and the header except approval. */
export const MANDATORY_KEYS: readonly string[] = ANSWER_FIELDS.filter((f) => f.mandatory).map((f) => f.key);

/**
 * Forms of municipality names the generated text needs: the Finnish genitive ("Loimaan
 * kaupunki", "Auran kunnassa"), whether the municipality calls itself kunta or kaupunki, and
 * file-name slugs. Finnish place names inflect irregularly, so the genitive is rules for the
 * regular cases plus an explicit list (checked by hand for all 292 mainland names).
 */

/** Genitives the rules below would get wrong. */
const GENITIVE_EXCEPTIONS: Record<string, string> = {
	Akaa: 'Akaan',
	Alavus: 'Alavuden',
	Enontekiö: 'Enontekiön',
	Hailuoto: 'Hailuodon',
	Helsinki: 'Helsingin',
	Ii: 'Iin',
	Kannus: 'Kannuksen',
	Kempele: 'Kempeleen',
	Kihniö: 'Kihniön',
	Kirkkonummi: 'Kirkkonummen',
	'Koski Tl': 'Kosken Tl',
	Kristiinankaupunki: 'Kristiinankaupungin',
	Kurikka: 'Kurikan',
	Lahti: 'Lahden',
	Lapinlahti: 'Lapinlahden',
	Lieto: 'Liedon',
	Luhanka: 'Luhangan',
	Muhos: 'Muhoksen',
	Muurame: 'Muuramen',
	Pälkäne: 'Pälkäneen',
	'Pedersören kunta': 'Pedersören',
	Pihtipudas: 'Pihtiputaan',
	Punkalaidun: 'Punkalaitumen',
	Pyhäntä: 'Pyhännän',
	Raahe: 'Raahen',
	Ruokolahti: 'Ruokolahden',
	Kontiolahti: 'Kontiolahden',
	Toholampi: 'Toholammin',
	Toivakka: 'Toivakan',
	Uusikaarlepyy: 'Uudenkaarlepyyn',
	Uusikaupunki: 'Uudenkaupungin',
	Varkaus: 'Varkauden',
	Veteli: 'Vetelin',
	Vihti: 'Vihdin',
	Virrat: 'Virtain',
	Vöyri: 'Vöyrin',
	Lappeenranta: 'Lappeenrannan',
	Savitaipale: 'Savitaipaleen',
	Multia: 'Multian',
	Kitee: 'Kiteen',
	Siikainen: 'Siikaisten',
	Evijärvi: 'Evijärven',
	Lemi: 'Lemin',
	Kemi: 'Kemin',
	Pori: 'Porin',
	Kolari: 'Kolarin',
	Inari: 'Inarin',
	Mikkeli: 'Mikkelin',
	Naantali: 'Naantalin',
	Kajaani: 'Kajaanin',
	Kaavi: 'Kaavin',
	Sievi: 'Sievin',
	Rautjärvi: 'Rautjärven',
	Utsjoki: 'Utsjoen',
	Parainen: 'Paraisten',
	Pello: 'Pellon',
	Hanko: 'Hangon',
	Harjavalta: 'Harjavallan',
	Iitti: 'Iitin',
	Korsnäs: 'Korsnäsin',
	Kuortane: 'Kuortaneen',
	Outokumpu: 'Outokummun',
	Leppävirta: 'Leppävirran',
	Loppi: 'Lopen',
	Luoto: 'Luodon',
	Nurmes: 'Nurmeksen',
	Pomarkku: 'Pomarkun',
	Rautalampi: 'Rautalammin',
	Turku: 'Turun',
	Vesanto: 'Vesannon'
};

/** Last parts of compound names and their genitives (e-stems and consonant gradation). */
const COMPOUND_TAILS: readonly [string, string][] = [
	['järvi', 'järven'],
	['joki', 'joen'],
	['mäki', 'mäen'],
	['koski', 'kosken'],
	['saari', 'saaren'],
	['niemi', 'niemen'],
	['salmi', 'salmen'],
	['lahti', 'lahden'],
	['vesi', 'veden'],
	['kylä', 'kylän'],
	['linna', 'linnan'],
	['ranta', 'rannan'],
	['kunta', 'kunnan'],
	['kaupunki', 'kaupungin']
];

export function genitiveFi(name: string): string {
	const exception = GENITIVE_EXCEPTIONS[name];
	if (exception) return exception;
	// Hyphenated names inflect the last part only (Mänttä-Vilppula → Mänttä-Vilppulan).
	const dash = name.lastIndexOf('-');
	if (dash > 0) return name.slice(0, dash + 1) + genitiveFi(name.slice(dash + 1));
	for (const [tail, gen] of COMPOUND_TAILS) {
		if (name.endsWith(tail)) return name.slice(0, -tail.length) + gen;
	}
	// Names shaped like plurals: Ikaalinen → Ikaalisten, Oulainen → Oulaisten.
	if (name.endsWith('inen')) return name.slice(0, -4) + 'isten';
	// Consonant gradation in the last syllable.
	const gradation: [RegExp, string][] = [
		[/kka$/, 'kan'],
		[/kkä$/, 'kän'],
		[/ppa$/, 'pan'],
		[/ppä$/, 'pän'],
		[/tta$/, 'tan'],
		[/ttä$/, 'tän'],
		[/nta$/, 'nnan'],
		[/ntä$/, 'nnän'],
		[/nka$/, 'ngan'],
		[/lto$/, 'llon']
	];
	for (const [re, rep] of gradation) if (re.test(name)) return name.replace(re, rep);
	return name + 'n';
}

/**
 * Municipalities that are kaupunki (town) rather than kunta, 1.1.2025 (by Finnish name).
 * Used only to word the text ("Loimaan kaupunki", "Auran kunta").
 */
const TOWNS = new Set([
	'Akaa', 'Alajärvi', 'Alavus', 'Espoo', 'Forssa', 'Haapajärvi', 'Haapavesi', 'Hamina', 'Hanko', 'Harjavalta', 'Heinola',
	'Helsinki', 'Huittinen', 'Hyvinkää', 'Hämeenlinna', 'Iisalmi', 'Ikaalinen', 'Imatra', 'Joensuu', 'Jyväskylä', 'Jämsä',
	'Järvenpää', 'Kaarina', 'Kajaani', 'Kalajoki', 'Kangasala', 'Kankaanpää', 'Kannus', 'Karkkila', 'Kaskinen', 'Kauhajoki',
	'Kauhava', 'Kauniainen', 'Kemi', 'Kemijärvi', 'Kerava', 'Keuruu', 'Kitee', 'Kiuruvesi', 'Kokemäki', 'Kokkola', 'Kotka',
	'Kouvola', 'Kristiinankaupunki', 'Kuhmo', 'Kuopio', 'Kurikka', 'Kuusamo', 'Lahti', 'Laitila', 'Lappeenranta', 'Lapua',
	'Lieksa', 'Lohja', 'Loimaa', 'Loviisa', 'Mikkeli', 'Mänttä-Vilppula', 'Naantali', 'Nivala', 'Nokia', 'Nurmes', 'Närpiö',
	'Orimattila', 'Orivesi', 'Oulainen', 'Oulu', 'Outokumpu', 'Paimio', 'Parainen', 'Parkano', 'Pieksämäki', 'Pietarsaari',
	'Pori', 'Porvoo', 'Pudasjärvi', 'Raahe', 'Raasepori', 'Raisio', 'Rauma', 'Riihimäki', 'Rovaniemi', 'Saarijärvi', 'Salo',
	'Sastamala', 'Savonlinna', 'Seinäjoki', 'Somero', 'Suonenjoki', 'Tampere', 'Tornio', 'Turku', 'Ulvila', 'Uusikaarlepyy',
	'Uusikaupunki', 'Vaasa', 'Valkeakoski', 'Vantaa', 'Varkaus', 'Viitasaari', 'Virrat', 'Ylivieska', 'Ylöjärvi', 'Äänekoski'
]);

export function isTown(nameFi: string): boolean {
	return TOWNS.has(nameFi);
}

/** The word for the municipality as an organisation, in the cases the text uses. */
export interface OrgWord {
	nom: string;
	gen: string;
	ine: string;
	ela: string;
	all: string;
}

const KUNTA: OrgWord = { nom: 'kunta', gen: 'kunnan', ine: 'kunnassa', ela: 'kunnasta', all: 'kunnalle' };
const KAUPUNKI: OrgWord = { nom: 'kaupunki', gen: 'kaupungin', ine: 'kaupungissa', ela: 'kaupungista', all: 'kaupungille' };

export function orgWordFi(nameFi: string): OrgWord {
	return isTown(nameFi) ? KAUPUNKI : KUNTA;
}

/** "Loimaan kaupunki", "Auran kunta"; Pedersöre's Finnish name already carries "kunta". */
export function orgNameFi(nameFi: string): string {
	if (nameFi.endsWith(' kunta')) return nameFi;
	return `${genitiveFi(nameFi)} ${orgWordFi(nameFi).nom}`;
}

/** Short place name for running text (Pedersören kunta → Pedersöre). */
export function placeFi(nameFi: string): string {
	return nameFi.replace(/n kunta$/, '');
}

/** Swedish: "Närpes stad", "Korsholms kommun". The genitive adds -s unless the name ends in s/x/z. */
export function genitiveSv(nameSv: string): string {
	return /[sxz]$/.test(nameSv) ? nameSv : `${nameSv}s`;
}

export function orgNameSv(nameSv: string, nameFi: string): string {
	return `${genitiveSv(nameSv)} ${isTown(nameFi) ? 'stad' : 'kommun'}`;
}

/** ASCII file-name slug: "Mänttä-Vilppula" → "mantta-vilppula". */
export function slug(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

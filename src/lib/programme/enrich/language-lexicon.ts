/**
 * The languages the enrichment knows, with their Finnish and Swedish names: data, kept apart from
 * the matcher (./languages.ts) that finds them in prose.
 */
export interface LanguageInfo {
	code: string;
	/** Finnish name, nominative. */
	nameFi: string;
	/** Finnish lemmas (first = display name). */
	fi: string[];
	/** Swedish names. */
	sv: string[];
}

/**
 * ISO 639-1 where it exists, else 639-3 (prs Dari, ckb Sorani, kmr Kurmanji, smn/sms Sámi, fse/fss
 * sign languages; sgn and smi are the ISO 639-2 collective codes for a sign/Sámi language left unnamed).
 * Covers the 40+ foreign languages most spoken in Finland plus Finnish, Swedish, Sámi and sign languages.
 */
/** Code, Finnish lemmas, Swedish names; a name's alternatives separated by `|`. */
const ROWS: readonly (readonly [code: string, fi: string, sv: string])[] = [
	['fi', 'suomi', 'finska'],
	['sv', 'ruotsi', 'svenska'],
	['se', 'pohjoissaame', 'nordsamiska'],
	['smn', 'inarinsaame', 'enaresamiska'],
	['sms', 'koltansaame', 'skoltsamiska'],
	['smi', 'saame', 'samiska'],
	['ru', 'venäjä', 'ryska'],
	['et', 'viro|eesti', 'estniska'],
	['ar', 'arabia', 'arabiska'],
	['en', 'englanti', 'engelska'],
	['so', 'somali', 'somaliska'],
	['uk', 'ukraina', 'ukrainska'],
	['fa', 'persia|farsi', 'persiska|farsi'],
	['prs', 'dari', 'dari'],
	['ku', 'kurdi', 'kurdiska'],
	['ckb', 'sorani', 'sorani'],
	['kmr', 'kurmandži|kurmanji|kurmandzi|kurmandshi', 'kurmanji|kurmandji'],
	['zh', 'kiina|mandariinikiina|mandariini', 'kinesiska|mandarin'],
	['yue', 'kantoninkiina', 'kantonesiska'],
	['sq', 'albania', 'albanska'],
	['vi', 'vietnam', 'vietnamesiska'],
	['th', 'thai', 'thailändska|thai'],
	['tr', 'turkki', 'turkiska'],
	['es', 'espanja', 'spanska'],
	['de', 'saksa', 'tyska'],
	['pl', 'puola', 'polska'],
	['ne', 'nepali', 'nepali|nepalesiska'],
	['tl', 'tagalog|filipino', 'tagalog'],
	['bn', 'bengali|bangla', 'bengali|bengaliska'],
	['ur', 'urdu', 'urdu'],
	['hi', 'hindi', 'hindi'],
	['ti', 'tigrinja|tigrinya', 'tigrinja|tigrinska|tigrinya'],
	['am', 'amhara', 'amhariska'],
	['sw', 'swahili|suahili', 'swahili'],
	['ln', 'lingala', 'lingala'],
	['fr', 'ranska', 'franska'],
	['pt', 'portugali', 'portugisiska'],
	['ro', 'romania', 'rumänska'],
	['hu', 'unkari', 'ungerska'],
	['it', 'italia', 'italienska'],
	['my', 'burma', 'burmesiska'],
	['ps', 'pašto|pashto|pastu|pashtu|pasto', 'pashto|pashtu'],
	['ta', 'tamili', 'tamil|tamilska'],
	['no', 'norja', 'norska'],
	['lt', 'liettua', 'litauiska'],
	['lv', 'latvia', 'lettiska'],
	['bg', 'bulgaria', 'bulgariska'],
	['sr', 'serbia', 'serbiska'],
	['hr', 'kroatia', 'kroatiska'],
	['bs', 'bosnia', 'bosniska'],
	['hbs', 'serbokroatia|serbokroaatti', 'serbokroatiska'],
	['el', 'kreikka', 'grekiska'],
	['ja', 'japani', 'japanska'],
	['ko', 'korea', 'koreanska'],
	['uz', 'uzbekki', 'uzbekiska'],
	['rw', 'kinyarwanda|ruanda', 'kinyarwanda'],
	['rn', 'kirundi', 'kirundi'],
	['om', 'oromo', 'oromo|oromiska'],
	['tig', 'tigre', 'tigré'],
	['ka', 'georgia', 'georgiska'],
	['hy', 'armenia', 'armeniska'],
	['az', 'azeri|azerbaidžani', 'azerbajdzjanska'],
	['tg', 'tadžikki', 'tadzjikiska'],
	['tk', 'turkmeeni', 'turkmeniska'],
	['ce', 'tšetšeeni', 'tjetjenska'],
	['rom', 'romani', 'romani'],
	['krl', 'karjala', 'karelska'],
	['he', 'heprea', 'hebreiska'],
	['nl', 'hollanti', 'nederländska'],
	['da', 'tanska', 'danska'],
	['cs', 'tšekki', 'tjeckiska'],
	['sk', 'slovakki', 'slovakiska'],
	['sl', 'sloveeni', 'slovenska'],
	['mk', 'makedonia', 'makedonska'],
	['be', 'valkovenäjä', 'vitryska|belarusiska'],
	['pa', 'pandžabi|punjabi', 'punjabi'],
	['ml', 'malajalam', 'malayalam'],
	['te', 'telugu', 'telugu'],
	['si', 'sinhala', 'singalesiska'],
	['id', 'indonesia', 'indonesiska'],
	['ms', 'malaiji', 'malajiska'],
	['km', 'khmer', 'khmer'],
	['lo', 'lao', 'laotiska'],
	['mn', 'mongoli', 'mongoliska'],
	['yo', 'joruba', 'yoruba'],
	['ig', 'igbo', 'igbo'],
	['ha', 'hausa', 'hausa'],
	['wo', 'wolof', 'wolof'],
	['ff', 'fula|fulani', 'fula'],
	['fse', 'suomalainen viittomakieli', 'finskt teckenspråk'],
	['fss', 'suomenruotsalainen viittomakieli', 'finlandssvenskt teckenspråk'],
	['sgn', 'viittomakieli', 'teckenspråk']
];

export const LANGUAGE_LEXICON: readonly LanguageInfo[] = ROWS.map(([code, fi, sv]) => ({ code, nameFi: fi.split('|')[0], fi: fi.split('|'), sv: sv.split('|') }));

export const LANGUAGE_BY_CODE: ReadonlyMap<string, LanguageInfo> = new Map(LANGUAGE_LEXICON.map((l) => [l.code, l]));

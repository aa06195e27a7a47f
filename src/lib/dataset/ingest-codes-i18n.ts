/**
 * Each `ingest_log.code` in a few words, in the three UI languages: what the Data page's ingest log
 * shows beside the ingest's own message (`reason`, written in English by the ingest, with the
 * file's particulars). The full meanings are in the data dictionary (./dictionary.ts);
 * tests/unit/ingest-codes-i18n.test.ts checks every code there has all three here.
 */
import type { DictionaryLocale } from './dictionary-i18n';

type Words = Record<DictionaryLocale, string>;

export const INGEST_CODE_WORDS: Record<string, Words> = {
	'ok': { en: 'Read', fi: 'Luettu', sv: 'Inläst' },
	'not-found': { en: 'File not found', fi: 'Tiedostoa ei löydy', sv: 'Filen finns inte' },
	'unreadable-file': { en: 'File could not be read from disk', fi: 'Tiedostoa ei voitu lukea levyltä', sv: 'Filen kunde inte läsas från disken' },
	'not-a-regular-file': { en: 'Not a regular file (device, FIFO or socket)', fi: 'Ei tavallinen tiedosto (laite, FIFO tai pistoke)', sv: 'Inte en vanlig fil (enhet, FIFO eller socket)' },
	'dangling-symlink': { en: 'Link to a file that does not exist', fi: 'Linkki tiedostoon, jota ei ole', sv: 'Länk till en fil som inte finns' },
	'symlink-loop': { en: 'Link loop', fi: 'Kehämäinen linkki', sv: 'Länkslinga' },
	'unreadable-folder': { en: 'Folder could not be listed', fi: 'Kansiota ei voitu lukea', sv: 'Mappen kunde inte läsas' },
	'empty-folder': { en: 'Folder without PDF files', fi: 'Kansiossa ei ole PDF-tiedostoja', sv: 'Mappen har inga PDF-filer' },
	'empty': { en: 'Empty file', fi: 'Tyhjä tiedosto', sv: 'Tom fil' },
	'not-pdf': { en: 'Not a PDF', fi: 'Ei PDF-tiedosto', sv: 'Inte en PDF-fil' },
	'truncated': { en: 'PDF cut off (truncated)', fi: 'PDF on katkennut (vajaa)', sv: 'PDF-filen är avkortad' },
	'encrypted': { en: 'PDF needs a password', fi: 'PDF vaatii salasanan', sv: 'PDF-filen kräver lösenord' },
	'no-form-fields': { en: 'Neither form fields nor the form’s sections', fi: 'Ei lomakekenttiä eikä lomakkeen kohtia', sv: 'Varken formulärfält eller formulärets punkter' },
	'xfa-only': { en: 'Dynamic XFA form, not read', fi: 'Dynaaminen XFA-lomake, ei luettu', sv: 'Dynamiskt XFA-formulär, inte inläst' },
	'foreign-form': { en: 'Another form’s fields', fi: 'Toisen lomakkeen kentät', sv: 'Ett annat formulärs fält' },
	'unreadable': { en: 'PDF damaged beyond repair', fi: 'PDF on korjauskelvottomasti vioittunut', sv: 'PDF-filen är skadad och kan inte repareras' },
	'limit-size': { en: 'Over the size limit per file', fi: 'Ylittää tiedostokohtaisen kokorajan', sv: 'Över storleksgränsen per fil' },
	'limit-pages': { en: 'Over the page limit', fi: 'Ylittää sivumäärän rajan', sv: 'Över sidgränsen' },
	'limit-stream': { en: 'Decompresses to more than the limit', fi: 'Purkautuu rajaa suuremmaksi', sv: 'Packas upp till mer än gränsen' },
	'limit-time': { en: 'Over the time limit per file', fi: 'Ylittää tiedostokohtaisen aikarajan', sv: 'Över tidsgränsen per fil' },
	'limit-memory': { en: 'Over the memory limit per file', fi: 'Ylittää tiedostokohtaisen muistirajan', sv: 'Över minnesgränsen per fil' },
	'worker-crashed': { en: 'Reader crashed on this file', fi: 'Lukija kaatui tähän tiedostoon', sv: 'Läsaren kraschade på den här filen' },
	'duplicate': { en: 'Same file as another (read once)', fi: 'Sama tiedosto kuin toinen (luettu kerran)', sv: 'Samma fil som en annan (inläst en gång)' },
	'duplicate-content': { en: 'Same answers as another file (read once)', fi: 'Samat vastaukset kuin toisessa tiedostossa (luettu kerran)', sv: 'Samma svar som i en annan fil (inläst en gång)' },
	'unparseable-date': { en: 'Date could not be read', fi: 'Päivämäärää ei voitu lukea', sv: 'Datumet kunde inte läsas' },
	'date-in-future': { en: 'Date in the future', fi: 'Päivämäärä on tulevaisuudessa', sv: 'Datumet ligger i framtiden' },
	'date-before-2024': { en: 'Date before 2024', fi: 'Päivämäärä ennen vuotta 2024', sv: 'Datum före 2024' },
	'implausible-coverage': { en: 'Names (nearly) every municipality', fi: 'Nimeää (lähes) kaikki kunnat', sv: 'Nämner (nästan) alla kommuner' },
	'scan': { en: 'Scanned pages not read', fi: 'Skannattuja sivuja ei luettu', sv: 'Skannade sidor inte inlästa' },
	'ocr': { en: 'Read by OCR: check against the PDF', fi: 'Luettu tekstintunnistuksella: tarkista PDF:stä', sv: 'Inläst med OCR: kontrollera mot PDF-filen' },
	'ocr-pages-skipped': { en: 'Some scanned pages not read', fi: 'Osaa skannatuista sivuista ei luettu', sv: 'Vissa skannade sidor inte inlästa' },
	'ocr-unavailable': { en: 'Image pages not read: no OCR', fi: 'Kuvasivuja ei luettu: ei tekstintunnistusta', sv: 'Bildsidor inte inlästa: ingen OCR' },
	'unmapped-field': { en: 'Field matches no part of the form', fi: 'Kenttä ei vastaa mitään lomakkeen kohtaa', sv: 'Fältet motsvarar ingen punkt i formuläret' },
	'field-matched-by-position': { en: 'Field assigned by its position', fi: 'Kenttä liitetty sijaintinsa perusteella', sv: 'Fältet tilldelat efter sin placering' },
	'missing-field': { en: 'Form lacks some fields', fi: 'Lomakkeesta puuttuu kenttiä', sv: 'Formuläret saknar fält' },
	'foreign-fields': { en: 'Another form’s fields: read from the page text', fi: 'Toisen lomakkeen kentät: luettu sivujen tekstistä', sv: 'Ett annat formulärs fält: inläst från sidtexten' },
	'missing-part': { en: 'No heading found for some parts', fi: 'Joidenkin kohtien otsikkoa ei löytynyt', sv: 'Rubriken för vissa punkter hittades inte' },
	'missing-subquestion': { en: 'A part’s questions answered together', fi: 'Kohdan kysymyksiin vastattu yhdessä', sv: 'En punkts frågor besvarade tillsammans' },
	'repeated-part': { en: 'A part answered twice', fi: 'Kohtaan vastattu kahdesti', sv: 'En punkt besvarad två gånger' },
	'unmapped-text': { en: 'Text under no part heading', fi: 'Tekstiä ilman kohdan otsikkoa', sv: 'Text utan punktrubrik' },
	'table-unreadable': { en: 'Responsibility table not recognised', fi: 'Vastuutaulukkoa ei tunnistettu', sv: 'Ansvarstabellen kändes inte igen' },
	'table-rows-missing': { en: 'Some table rows not recognised', fi: 'Joitakin taulukon rivejä ei tunnistettu', sv: 'Vissa tabellrader kändes inte igen' },
	'unresolved-municipality': { en: 'Name is no known municipality', fi: 'Nimi ei ole tunnettu kunta', sv: 'Namnet är ingen känd kommun' },
	'merged-municipality': { en: 'Municipality since merged', fi: 'Kunta on sittemmin yhdistynyt', sv: 'Kommunen har sedan slagits samman' },
	'municipality-from-other-evidence': { en: 'Municipality read from other evidence', fi: 'Kunta luettu muusta näytöstä', sv: 'Kommunen inläst ur andra uppgifter' },
	'municipality-from-mapping': { en: 'Municipality given to the ingest', fi: 'Kunta annettu luvulle', sv: 'Kommunen angiven för inläsningen' },
	'unknown-municipality-mapping': { en: 'Given code is no municipality', fi: 'Annettu koodi ei ole kunta', sv: 'Angiven kod är ingen kommun' },
	'no-municipality': { en: 'Needs a municipality', fi: 'Kunta puuttuu', sv: 'Kommun saknas' },
	'long-answer': { en: 'Very long answer: facts from its start', fi: 'Hyvin pitkä vastaus: tiedot sen alusta', sv: 'Mycket långt svar: uppgifter från början' },
	'too-many-facts': { en: 'Too many facts: the first 1000 kept', fi: 'Liikaa tietoja: 1000 ensimmäistä säilytetty', sv: 'För många uppgifter: de första 1000 behållna' },
	'enrichment-span-error': { en: 'A fact without matching evidence left out', fi: 'Tieto ilman vastaavaa näyttöä jätetty pois', sv: 'En uppgift utan motsvarande belägg utelämnad' }
};

/** The code in words in the UI language; an unknown code as it is. */
export function ingestCodeWords(code: string, locale: DictionaryLocale): string {
	return INGEST_CODE_WORDS[code]?.[locale] ?? code;
}

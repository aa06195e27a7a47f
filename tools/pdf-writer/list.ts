/**
 * The form's list of questions ("Lomakkeen kohdat luettelona"), the page municipalities copy
 * into their own document templates, in Finnish (as the seed prints it) and in Swedish (our
 * translation, form-tem-2024-sv.ts). Built from the schema, so every item carries the canonical
 * key of the answer that belongs under it.
 */
import { ANSWER_FIELDS, SECTIONS, type SectionId } from '../../src/lib/programme/form-tem-2024';
import {
	LIST_INSTRUCTION_SV,
	LIST_TITLE_SV,
	PART_LABELS_SV,
	QUESTIONS_SV,
	SECTIONS_SV
} from '../../src/lib/programme/form-tem-2024-sv';

export type ListLanguage = 'fi' | 'sv';
export type PartLetter = 'a' | 'b' | 'c';

export interface ListItem {
	key: string;
	/** The question without the part label. */
	question: string;
	help?: string;
}

export interface ListPart {
	part: PartLetter;
	/** "a. Kuvaus palvelusta:", "b. Ansvarig aktör:" … */
	label: string;
	/** One item per field of the part (3a has three: s3.a1, s3.a2, s3.a3). */
	items: ListItem[];
}

export interface ListSection {
	id: SectionId;
	number: string;
	/** "1. Osaamisen … arviointi (KotoL 14 ja 15 §)" */
	heading: string;
	/** Section-specific lines the list prints under the heading (sections 6 and 7). */
	note?: string;
	parts: ListPart[];
}

export interface FormList {
	title: string;
	instruction: string;
	sections: ListSection[];
}

export const LIST_TITLE_FI = 'Lomakkeen kohdat luettelona (kopioi kunnan asiakirjapohjalle):';
export const LIST_INSTRUCTION_FI =
	'Kuvaa palveluiden järjestämistä eri kohderyhmien osalta. Erittele tarvittaessa vastuutahot eri kohderyhmien osalta. ' +
	'Kuvaa tarvittaessa erikseen suomen- ja ruotsinkieliset palvelut.';

/** Finnish part labels as the seed's list prints them; section 7's list says "Kuvaus palveluista" (sic). */
export function partLabelFi(section: string, part: PartLetter): string {
	if (part === 'a') return section === '7' ? 'a. Kuvaus palveluista:' : 'a. Kuvaus palvelusta:';
	return part === 'b' ? 'b. Vastuutaho:' : 'c. Yhteistyö:';
}

/** "A. Kuvaus palvelusta: Miten …" → "Miten …" (the schema's first question of a part carries the form's label). */
export function stripPartLabel(question: string): string {
	return question.replace(/^[ABC]\.\s*[^:?]{1,40}:\s*/, '');
}

/** The sentences of a section instruction that the list keeps (not the generic "Kuvaa tarvittaessa …"). */
function listNote(instruction: string | undefined, language: ListLanguage): string | undefined {
	if (!instruction) return undefined;
	const generic = language === 'fi' ? /^(Kuvaa|Erittele) / : /^(Beskriv|Specificera) /;
	const kept = instruction
		.split(/(?<=\.)\s+/)
		.filter((s) => !generic.test(s))
		.join(' ');
	return kept || undefined;
}

export function formList(language: ListLanguage): FormList {
	const sections: ListSection[] = [];
	for (const s of SECTIONS) {
		if (s.id === 'header' || s.id === 'table') continue;
		const sv = SECTIONS_SV[s.id];
		const title = language === 'fi' ? s.title : sv.title;
		const law = language === 'fi' ? s.law : sv.law;
		const parts: ListPart[] = [];
		for (const f of ANSWER_FIELDS.filter((x) => x.section === s.id)) {
			const letter = f.part[0] as PartLetter;
			let part = parts.find((p) => p.part === letter);
			if (!part) {
				part = { part: letter, label: language === 'fi' ? partLabelFi(s.id, letter) : PART_LABELS_SV[letter], items: [] };
				parts.push(part);
			}
			const q = language === 'fi' ? { question: stripPartLabel(f.question), help: f.help } : QUESTIONS_SV[f.key];
			if (!q) throw new Error(`form list: no Swedish question for ${f.key}`);
			part.items.push({ key: f.key, question: q.question, help: q.help });
		}
		sections.push({
			id: s.id,
			number: s.number,
			heading: `${s.number}. ${title}${law ? ` (${law})` : ''}`,
			note: listNote(language === 'fi' ? s.instruction : sv.instruction, language),
			parts
		});
	}
	return {
		title: language === 'fi' ? LIST_TITLE_FI : LIST_TITLE_SV,
		instruction: language === 'fi' ? LIST_INSTRUCTION_FI : LIST_INSTRUCTION_SV,
		sections
	};
}

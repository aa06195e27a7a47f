/**
 * Enrichment: from a Programme (what the PDF says) to the facts the dashboard compares —
 * municipalities, languages, providers, cooperation arrangements and completeness — each with its
 * evidence (answer key, UTF-16 span, snippet = answer.text.slice(span_start, span_end)).
 *
 * Isomorphic: no I/O. Build the indexes once per reference with `createEnricher` and call the
 * returned function per programme; `enrichProgramme` does both (and caches the enricher).
 */
import type { EmploymentArea, Municipality } from '../../reference/index';
import type { Programme } from '../types';
import { buildAreaNames, findActors, resolveImplicitRoles } from './actors';
import { completenessRows } from './completeness';
import { cooperationRows } from './cooperation';
import { createMunicipalityGazetteer, type MunicipalityGazetteer } from './gazetteer';
import { findLanguages, LANGUAGE_BY_CODE } from './languages';
import type { PreparedAnswer, ProgrammeFacts } from './prepared';
import { responsibilityRows } from './responsibilities';
import { keyInfo } from './services';
import type { Enrichment, EnrichmentWarning, Evidence, LanguageRow } from './types';
import { resolveMunicipalities, type MunicipalityOptions } from './municipality';
import { answerOcr, factConfidence, municipalityConfidence, sentenceCues } from './confidence';

export type * from './types';
export { computeIsCurrent, type VersionedProgramme } from './current';
export { sectionScores, programmeScore, gradeAnswer, GRADE_SCORE, PLACEHOLDERS, type Grade, type SectionScore } from './completeness';
export { LANGUAGE_LEXICON, LANGUAGE_BY_CODE, findLanguages, type LanguageContext } from './languages';
export { ACTOR_KINDS, type ActorKind } from './actors';
export type { ServiceId, ClientGroup } from './services';
export { createMunicipalityGazetteer, AMBIGUOUS_NAMES, type MunicipalityGazetteer, type MunicipalityMention } from './gazetteer';
export { analyse } from './text';
export { factConfidence, REVIEW_THRESHOLD, type FactSignals } from './confidence';
import { analyse, perSentence, sentenceAt } from './text';

export interface EnrichmentReference {
	municipalities: Municipality[];
	employmentAreas: EmploymentArea[];
}

/** `options` carries what the user told the ingest about this file (e.g. its municipality). */
export type Enricher = (programme: Programme, options?: EnrichOptions) => Enrichment;
export type EnrichOptions = MunicipalityOptions;

export function createEnricher(reference: EnrichmentReference): Enricher {
	const gazetteer = createMunicipalityGazetteer(reference.municipalities);
	const byCode = gazetteer.byCode;
	const areaNames = buildAreaNames(reference.municipalities, reference.employmentAreas);
	const areaByCode = new Map(reference.employmentAreas.map((a) => [a.code, a]));

	return (programme: Programme, options: EnrichOptions = {}): Enrichment => {
		const warnings: EnrichmentWarning[] = [];
		const answers = programme.answers;
		const { codes, evidence } = resolveMunicipalities(programme, gazetteer, warnings, options);

		const ownAreas = new Set(codes.map((c) => byCode.get(c)?.employmentAreaCode).filter((x): x is string => !!x));
		const employmentAreaHosts = new Set(
			[...ownAreas].map((a) => areaByCode.get(a)?.hostMunicipalityCode).filter((x): x is string => !!x)
		);

		// Analyse every answer once.
		const analysed = answers.map((answer) => {
			const a = analyse(answer.text);
			const municipalities = gazetteer.find(a, { header: answer.key === 'header.municipalities' });
			return { answer, a, municipalities };
		});
		const actorCtx = { ownCodes: codes, municipalitiesByCode: byCode, employmentAreas: reference.employmentAreas };
		const actorsOf = analysed.map((x) => findActors(x.a, x.municipalities, actorCtx, areaNames));
		resolveImplicitRoles(actorsOf, codes);
		const prepared: PreparedAnswer[] = analysed.map((x, i) => ({ ...x, info: keyInfo(x.answer.key), actors: actorsOf[i], ocr: answerOcr(x.answer, programme) }));

		let facts: ProgrammeFacts = { ownCodes: codes, agreementHost: null, employmentAreaHosts };
		let cooperation = cooperationRows(programme.id, prepared, facts, byCode);
		const host = cooperation.find((r) => r.arrangement_type === 'kuntalaki_54' && r.role === 'host');
		if (host?.partner_municipality_code) {
			facts = { ...facts, agreementHost: host.partner_municipality_code };
			cooperation = cooperationRows(programme.id, prepared, facts, byCode);
		}
		const responsibilities = responsibilityRows(programme.id, prepared, facts);

		const languages: LanguageRow[] = [];
		let s3a2Languages = 0;
		for (const p of prepared) {
			// The header (process, coordinator, contact) says how the programme was made and told about
			// ("tiedotetaan suomeksi, ruotsiksi ja englanniksi"), not in which languages services are offered.
			if (p.answer.text.trim() === '' || p.answer.section === 'header') continue;
			const { mentions } = findLanguages(p.answer.text, p.answer.key, p.answer.section, p.a);
			if (p.answer.key === 's3.a2') s3a2Languages = new Set(mentions.map((m) => m.code)).size;
			for (const m of mentions) {
				const sentence = sentenceAt(p.a, m.start);
				languages.push({
					programme_id: programme.id,
					key: p.answer.key,
					span_start: m.start,
					span_end: m.end,
					snippet: m.snippet,
					language_code: m.code,
					language_name_fi: LANGUAGE_BY_CODE.get(m.code)?.nameFi ?? m.code,
					context: m.context,
					// s3.a2 asks for the languages; elsewhere a language is read from the prose.
					confidence: factConfidence({
						source: p.answer.key === 's3.a2' ? 'field' : 'prose',
						match: m.match,
						...(sentence ? perSentence(p.a, sentence.index, sentenceCues) : sentenceCues('')),
						ocr: p.ocr
					})
				});
			}
		}

		const fillable = programme.inputKind === 'fillable-form';
		const completeness = completenessRows(programme.id, answers, {
			// A field's grade is sure; a part found by its heading on the page less so, a part not found
			// at all (the heading may be reworded) less still; OCR lowers both.
			confidenceOf: (answer) =>
				answer
					? factConfidence({ source: 'field', match: fillable ? 'exact' : 'inflected', ocr: answerOcr(answer, programme) })
					: factConfidence({ source: fillable ? 'field' : 'prose', match: fillable ? 'exact' : 'inflected', ocr: programme.inputKind === 'scan' ? (programme.ocr?.meanConfidence ?? 0.5) : null }),
			municipalityCount: evidence.filter((e) => e.source === 'header').length > 0 ? codes.length : 0,
			languageCount: s3a2Languages,
			namedBodies: new Map(
				prepared.map((p) => [
					p.answer.key,
					[
						...new Set(
							p.actors
								// C parts: the municipality itself is not a partner
								.filter((x) => !x.location && !x.descriptor && !(/\.c$/.test(p.answer.key) && x.via === 'own-municipality'))
								.map((x) => x.name)
						)
					]
				])
			)
		});

		const textOf = new Map(answers.map((a) => [a.key, a.text]));
		return {
			municipalityCodes: codes,
			municipalityEvidence: evidence,
			municipalityConfidence: municipalityConfidence(codes, evidence, (key) => answerOcr(answers.find((a) => a.key === key), programme)),
			warnings,
			responsibilities: checked(responsibilities, textOf, warnings),
			languages: checked(languages, textOf, warnings),
			cooperation: checked(cooperation, textOf, warnings),
			completeness
		};
	};
}

const cache = new WeakMap<EnrichmentReference, Enricher>();

/** Enrich one programme. Builds the indexes on first use per reference object. */
export function enrichProgramme(programme: Programme, reference: EnrichmentReference, options?: EnrichOptions): Enrichment {
	let enricher = cache.get(reference);
	if (!enricher) {
		enricher = createEnricher(reference);
		cache.set(reference, enricher);
	}
	return enricher(programme, options);
}

/** Evidence is sacred: a row whose snippet is not its span of the answer is a bug; drop it and say so. */
function checked<T extends Evidence>(rows: T[], textOf: Map<string, string>, warnings: EnrichmentWarning[]): T[] {
	return rows.filter((r) => {
		const text = textOf.get(r.key);
		const ok =
			text !== undefined && r.span_start >= 0 && r.span_end <= text.length && r.span_start < r.span_end && text.slice(r.span_start, r.span_end) === r.snippet;
		if (!ok) warnings.push({ code: 'enrichment-span-error', message: `A derived fact from ${r.key} had evidence that does not match the answer text; it was left out.` });
		return ok;
	});
}

/**
 * Ground truth of one generated document: what it contains and what the ingest should make of
 * it. One JSON file per document in data/truth/demo/, named like the PDF (`.json` for `.pdf`).
 *
 * Facts are read off the written text (see facts.ts): every language, provider and arrangement
 * carries the key, the span [start, end) in that key's value (UTF-16 code units) and the text at
 * that span. `values` holds every value as written, so anyone can check a fact against its text.
 * Vocabularies are those of src/lib/dataset/tables.ts.
 */
import { ALL_FIELDS } from '../src/lib/programme/form-tem-2024';
import type { InputKind } from '../src/lib/programme/types';
import type { Composed, Grade } from './compose';
import type { ArrangementType, ClientGroup, LanguageContext, ProviderKind, Service } from './facts';
import { language } from './phrases/languages';
import type { DocKind, DocPlan, SituationModel } from './plan';

export const TRUTH_SCHEMA = 'kotokartta-demo-truth/2';

export interface Span {
	key: string;
	/** [start, end) in values[key]. */
	span: [number, number];
	text: string;
}

export interface TruthLanguage extends Span {
	/** ISO 639-1, else 639-3 (`prs` Dari, `ckb` Sorani). */
	code: string;
	name_fi: string;
	context: LanguageContext;
}

export interface TruthDistractor extends Span {
	code: string;
	/** Why it is not an offer: population statistics, official languages, consultation, negated, … */
	why: string;
}

export interface TruthProvider extends Span {
	service: Service;
	client_group: ClientGroup;
	/** Nominative name of the provider organisation ("Loimaan kaupunki"); the mention may be inflected or a unit. */
	provider: string;
	provider_kind: ProviderKind;
	provider_municipality_code: string | null;
	from_table: boolean;
}

export interface TruthArrangement extends Span {
	arrangement_type: ArrangementType;
	partner: string;
	partner_kind: ProviderKind | '';
	partner_municipality_code: string | null;
	role: 'host' | 'member' | 'partner';
}

export interface TruthPart {
	key: string;
	grade: Grade;
	mandatory: boolean;
	chars: number;
}

export interface TruthDocument {
	schema: typeof TRUTH_SCHEMA;
	/** File name of the PDF (in the corpus directory). */
	file: string;
	synthetic: true;
	generator: { name: string; version: string; seed: string };
	doc_id: string;
	/** How the file was generated. */
	kind: DocKind;
	/** What the ingest should report for this file. */
	expected_ingest: {
		outcome: 'programme' | 'error';
		input_kind: InputKind | null;
		template: string | null;
		/** ProgrammeReadError codes that are right for this file (errors only). */
		error_codes: string[];
	};
	situation: {
		model: SituationModel;
		lead_code: string;
		host_code: string | null;
		agreement_member_codes: string[];
		employment_area_code: string;
	};
	/** Municipalities the document covers. */
	municipality_codes: string[];
	municipalities_text: string | null;
	/** ISO date, or null when the header names only a month. */
	updated: string | null;
	/** `YYYY-MM` when the header names only a month, else null. */
	updated_month: string | null;
	updated_text: string | null;
	/** Main language of the answers (`fi` for Finnish with Swedish passages). */
	document_language: 'fi' | 'sv';
	answer_language: 'fi' | 'sv' | 'fi+sv';
	/** The document's place in its programme's history (files of the versions before and after it). */
	version: { number: number; supersedes: string | null; superseded_by: string | null; is_current: boolean };
	/**
	 * What changed since the version before (`version.supersedes`), by the rules of the dataset's
	 * programme_changes (src/lib/dataset/changes.ts), read off the two compositions; null for a
	 * first version.
	 */
	changes: TruthChange[] | null;
	table_filled: boolean;
	/** Every part of the form (ALL_FIELDS order) with its intended grade. */
	parts: TruthPart[];
	languages: TruthLanguage[];
	distractors: TruthDistractor[];
	providers: TruthProvider[];
	arrangements: TruthArrangement[];
	municipality_mentions: (Span & { code: string })[];
	/** Fields that are not the form's (the ingest should keep them as `unmapped`). */
	unmapped_fields: { field_name: string; text: string }[];
	/** Every value as written, by key (absent for missing parts). Empty for broken files. */
	values: Record<string, string>;
}

export interface TruthChange {
	change: 'grade' | 'text' | 'provider' | 'language' | 'arrangement';
	direction: 'changed' | 'added' | 'removed';
	key: string;
	grade_before?: Grade;
	grade_after?: Grade;
	service?: Service;
	client_group?: ClientGroup;
	provider?: string;
	provider_kind?: ProviderKind;
	language_code?: string;
	context?: LanguageContext;
	arrangement_type?: ArrangementType;
	partner?: string;
	role?: string;
}

const norm = (t: string | undefined) => (t ?? '').replace(/\s+/gu, ' ').trim();

/**
 * The organisation behind a named actor, as the dataset's change records compare providers and
 * partners: a municipality (or its unit) by code, the wellbeing services county as one, the
 * employment authority as the TE office before the reform or the employment area after it,
 * anyone else by name.
 */
function organisationOf(kind: string, code: string | null, name: string): string {
	if (code) return `municipality:${code}`;
	if (kind === 'wellbeing_county') return 'wellbeing_county';
	if (kind === 'employment_authority') return /^TE-/.test(name) ? 'te-office' : 'area';
	return `${kind}:${name.toLocaleLowerCase('fi')}`;
}

/**
 * The changes between two compositions of one programme: parts graded differently, parts whose
 * text differs (whitespace runs as one space), and facts (providers: service × client group ×
 * provider; languages: language × context; arrangements: type × partner × role) in only one.
 */
export function truthChanges(prev: Composed, cur: Composed): TruthChange[] {
	const out: TruthChange[] = [];
	for (const f of ALL_FIELDS) {
		const a = prev.grades[f.key];
		const b = cur.grades[f.key];
		if (a !== b) out.push({ change: 'grade', direction: 'changed', key: f.key, grade_before: a, grade_after: b });
		const x = norm(prev.values[f.key]);
		const y = norm(cur.values[f.key]);
		if (x !== y) out.push({ change: 'text', direction: x === '' ? 'added' : y === '' ? 'removed' : 'changed', key: f.key });
	}
	const items = (c: Composed) => {
		const m = new Map<string, TruthChange>();
		for (const { key, fact } of c.facts) {
			let item: TruthChange | null = null;
			if (fact.type === 'provider')
				item = { change: 'provider', direction: 'added', key, service: fact.service ?? undefined, client_group: fact.group, provider: fact.actor.name, provider_kind: fact.actor.kind };
			else if (fact.type === 'language') item = { change: 'language', direction: 'added', key, language_code: fact.code, context: fact.context };
			else if (fact.type === 'arrangement')
				item = { change: 'arrangement', direction: 'added', key, arrangement_type: fact.arrangement, partner: fact.partner?.name ?? '', role: fact.role };
			if (!item) continue;
			const who =
				fact.type === 'provider'
					? organisationOf(fact.actor.kind, fact.actor.code, fact.actor.name)
					: fact.type === 'arrangement' && fact.partner
						? organisationOf(fact.partner.kind, fact.partner.code, fact.partner.name)
						: '';
			const id = JSON.stringify([item.change, item.service, item.client_group, who, item.language_code, item.context, item.arrangement_type, item.role]);
			if (!m.has(id)) m.set(id, item);
		}
		return m;
	};
	const before = items(prev);
	const after = items(cur);
	for (const [id, item] of before) if (!after.has(id)) out.push({ ...item, direction: 'removed' });
	for (const [id, item] of after) if (!before.has(id)) out.push(item);
	return out;
}

export function expectedIngest(kind: DocKind, template: string): TruthDocument['expected_ingest'] {
	switch (kind) {
		case 'truncated':
			return { outcome: 'error', input_kind: null, template: null, error_codes: ['truncated'] };
		case 'not-pdf':
			return { outcome: 'error', input_kind: null, template: null, error_codes: ['not-pdf'] };
		case 'empty-file':
			return { outcome: 'error', input_kind: null, template: null, error_codes: ['empty'] };
		case 'scan':
			return { outcome: 'programme', input_kind: 'scan', template: null, error_codes: [] };
		default:
			return { outcome: 'programme', input_kind: kind, template, error_codes: [] };
	}
}

export function buildTruth(args: {
	file: string;
	plan: DocPlan;
	composed: Composed;
	fileById: ReadonlyMap<string, string>;
	generator: TruthDocument['generator'];
	template: string;
	unmapped: { field_name: string; text: string }[];
	/** The version before this one, for an update. */
	previous?: Composed | null;
}): TruthDocument {
	const { plan, composed } = args;
	const broken = plan.kind === 'truncated' || plan.kind === 'not-pdf' || plan.kind === 'empty-file';
	const scan = plan.kind === 'scan';
	// Nothing of a broken file or a scan can be read: its truth lists no facts (coverage still counts).
	const readable = !broken && !scan;
	const values = readable ? composed.values : {};
	const span = (key: string, start: number, end: number): Span => ({ key, span: [start, end], text: composed.values[key].slice(start, end) });
	const doc: TruthDocument = {
		schema: TRUTH_SCHEMA,
		file: args.file,
		synthetic: true,
		generator: args.generator,
		doc_id: plan.id,
		kind: plan.kind,
		expected_ingest: expectedIngest(plan.kind, args.template),
		situation: {
			model: plan.model,
			lead_code: plan.codes[0],
			host_code: plan.host,
			agreement_member_codes: plan.agreementMembers,
			employment_area_code: plan.areaCode
		},
		municipality_codes: [...plan.codes],
		municipalities_text: readable ? (composed.values['header.municipalities'] ?? null) : null,
		updated: readable && plan.date.parseable ? plan.date.iso : null,
		updated_month: readable && !plan.date.parseable ? plan.date.iso.slice(0, 7) : null,
		updated_text: readable ? plan.date.text : null,
		document_language: plan.language === 'sv' ? 'sv' : 'fi',
		answer_language: plan.language,
		version: {
			number: plan.version,
			supersedes: plan.supersedes ? (args.fileById.get(plan.supersedes) ?? null) : null,
			superseded_by: plan.supersededBy ? (args.fileById.get(plan.supersededBy) ?? null) : null,
			is_current: plan.supersededBy === null
		},
		changes: args.previous ? truthChanges(args.previous, composed) : null,
		table_filled: readable && composed.tableFilled,
		parts: ALL_FIELDS.map((f) => ({
			key: f.key,
			grade: readable ? composed.grades[f.key] : 'missing',
			mandatory: f.mandatory,
			chars: readable ? (composed.values[f.key] ?? '').length : 0
		})),
		languages: [],
		distractors: [],
		providers: [],
		arrangements: [],
		municipality_mentions: [],
		unmapped_fields: readable ? args.unmapped : [],
		values
	};
	if (!readable) return doc;
	for (const f of composed.facts) {
		const where = span(f.key, f.start, f.end);
		const fact = f.fact;
		switch (fact.type) {
			case 'language':
				doc.languages.push({ ...where, code: fact.code, name_fi: language(fact.code).nameFi, context: fact.context });
				break;
			case 'distractor':
				doc.distractors.push({ ...where, code: fact.code, why: fact.why });
				break;
			case 'provider':
				doc.providers.push({
					...where,
					service: fact.service!,
					client_group: fact.group,
					provider: fact.actor.name,
					provider_kind: fact.actor.kind,
					provider_municipality_code: fact.actor.code,
					from_table: f.key.startsWith('table.')
				});
				break;
			case 'arrangement':
				doc.arrangements.push({
					...where,
					arrangement_type: fact.arrangement,
					partner: fact.partner?.name ?? '',
					partner_kind: fact.partner?.kind ?? '',
					partner_municipality_code: fact.partner?.code ?? null,
					role: fact.role
				});
				break;
			case 'municipality':
				doc.municipality_mentions.push({ ...where, code: fact.code });
				break;
		}
	}
	return doc;
}

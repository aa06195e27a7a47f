/**
 * What enrichment returns: rows for the Parquet tables `responsibilities`, `languages`,
 * `cooperation` and `completeness` (column names as in `src/lib/dataset/tables.ts`), the
 * programme's municipality codes, and warnings for `ingest_log`.
 */
import type { ActorKind } from './actors';
import type { LanguageContext } from './languages';
import type { ClientGroup, ServiceId } from './services';
import type { Grade } from './completeness';
import type { ProgrammeWarning } from '../types';

// Rows are type aliases (not interfaces) so that they are plain records for the dataset builder.

/** Where a fact was read: [span_start, span_end) in the answer text with that key; snippet = the slice. */
export type Evidence = {
	programme_id: string;
	key: string;
	span_start: number;
	span_end: number;
	snippet: string;
};

/** How sure the fact is, 0–1 (src/lib/programme/enrich/confidence.ts; data dictionary). */
export type Confidence = { confidence: number };

export type ResponsibilityRow = Evidence & Confidence & {
	service: ServiceId;
	client_group: ClientGroup;
	provider: string;
	provider_kind: ActorKind;
	provider_municipality_code: string | null;
	from_table: boolean;
};

export type LanguageRow = Evidence & Confidence & {
	language_code: string;
	language_name_fi: string;
	context: LanguageContext;
};

/** Declared once in the table contract. */
export type { ArrangementType } from '../../dataset/tables';
import type { ArrangementType } from '../../dataset/tables';

export type CooperationRow = Evidence & Confidence & {
	arrangement_type: ArrangementType;
	partner: string;
	partner_kind: ActorKind;
	partner_municipality_code: string | null;
	/** Employment area code (employment_area…) or wellbeing county code (wellbeing_county), when known. */
	partner_area_code: string | null;
	role: 'host' | 'member' | 'partner';
};

export type CompletenessRow = {
	programme_id: string;
	ordinal: number;
	key: string;
	section: string;
	mandatory: boolean;
	grade: Grade;
	score: number;
	reason: string;
	/** The reason as a rubric code (`ReasonKey`) and its parameters as JSON, for translated display. */
	reason_key: string;
	reason_params: string;
	chars: number;
	/** How sure the grade is, 0–1: lower when the part was found by its heading, not a field, or read by OCR. */
	confidence: number;
};

/** For ingest_log: `code` e.g. `unresolved-municipality`, `merged-municipality`, `municipality-from-other-evidence`, `no-municipality`. */
export type EnrichmentWarning = ProgrammeWarning;

/** A municipality the programme covers, with the text that says so. */
export interface MunicipalityEvidence {
	code: string;
	key: string;
	span_start: number;
	span_end: number;
	snippet: string;
	/**
	 * `header` (Kunta tai kunnat); `title` (PDF metadata: key `metadata.title`), `lead` (page 1's first
	 * lines: key `metadata.lead`), `metadata` (subject/keywords/author) — spans of those texts, not of
	 * an answer; `coordinator`, `contact`; `document` (named most often in the answers); `mapping`
	 * (given to the ingest, no span).
	 */
	source: 'mapping' | 'header' | 'title' | 'lead' | 'contact' | 'coordinator' | 'metadata' | 'document';
}

export interface Enrichment {
	/** Sorted 3-digit codes. */
	municipalityCodes: string[];
	municipalityEvidence: MunicipalityEvidence[];
	/** How sure the municipality is, 0–1 (the weakest of the codes' best evidence); null when none. */
	municipalityConfidence: number | null;
	warnings: EnrichmentWarning[];
	responsibilities: ResponsibilityRow[];
	languages: LanguageRow[];
	cooperation: CooperationRow[];
	completeness: CompletenessRow[];
}

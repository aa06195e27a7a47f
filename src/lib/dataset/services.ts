/**
 * The service vocabulary of the responsibility table (KotoL 13 §, the form's sections 1–6): which
 * services a programme must describe, the client groups, the provider kinds and the answer that
 * should name each service's provider. Part of the dataset contract: the SQL (src/lib/db) and the
 * pages read these values from here.
 */

/** Services a programme must describe (KotoL 13 §, sections 1–6), in form order. */
export const EXPECTED_SERVICES = [
	'assessment',
	'multi_assessment',
	'plan',
	'multi_plan',
	'orientation',
	'training',
	'other_training',
	'guidance'
] as const;

/** Every service value of responsibilities.service, in form order. */
export const SERVICES = [...EXPECTED_SERVICES, 'other_services', 'follow_up'] as const;

/** The two client groups of the responsibility table. */
export const CLIENT_GROUP_IDS = ['jobseekers', 'others'] as const;

/** Provider kinds (responsibilities.provider_kind, cooperation.partner_kind), from the municipality outward. */
export const PROVIDER_KINDS = [
	'municipality',
	'host_municipality',
	'employment_authority',
	'wellbeing_county',
	'ely_keha',
	'education_provider',
	'ngo_parish',
	'private_company',
	'other'
] as const;

/** The "B. Vastuutaho" answer that should name the provider of each expected service. */
export const SERVICE_RESPONSIBLE_KEY: Record<(typeof EXPECTED_SERVICES)[number], string> = {
	assessment: 's1.b1',
	multi_assessment: 's1.b2',
	plan: 's2.b1',
	multi_plan: 's2.b2',
	orientation: 's3.b',
	training: 's4.b',
	other_training: 's5.b',
	guidance: 's6.b'
};

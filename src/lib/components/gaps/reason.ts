/**
 * The rubric's reason for a grade in the UI language: `completeness.reason_key` names the
 * message `gaps.reason.<key>`, `reason_params` (JSON) fills its placeholders. Rows from an older
 * dataset without a key fall back to the English `reason`.
 */
import type { Params, Translator } from '$lib/i18n';

export interface ReasonFields {
	reason?: string | null;
	reason_key?: string | null;
	reason_params?: string | null;
}

export function reasonText(i18n: Translator, row: ReasonFields | null | undefined): string {
	if (!row) return '';
	const key = row.reason_key ? `gaps.reason.${row.reason_key}` : '';
	if (!key || !i18n.has(key)) return row.reason ?? '';
	let params: Params = {};
	try {
		const parsed: unknown = row.reason_params ? JSON.parse(row.reason_params) : {};
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) params = parsed as Params;
	} catch {
		params = {};
	}
	return i18n.t(key, params);
}

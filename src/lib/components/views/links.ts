/**
 * Links of the comparison views: drill-down selections are page-owned URL parameters (a copied
 * link reopens the same evidence), and evidence ends at the municipality profile.
 */
import { routePaths } from '$lib/components/nav';
import { parseView, searchString, serializeView } from '$lib/state/filters';
import { view } from '$lib/state/view.svelte';
import type { Translator } from '$lib/i18n';
import { profileHref, withParams } from './evidence';

const EXISTING = routePaths(Object.keys(import.meta.glob('/src/routes/**/+page.svelte')));

/** The profile page exists in this build (a link to a page that does not exist would fail the prerender). */
export const HAS_PROFILE = EXISTING.has('/municipality/[code]');

/** The profile at an answer, or null when the profile page is not in this build. */
export function profileLink(code: string, key?: string | null): string | null {
	return HAS_PROFILE && /^\d{3}$/.test(code) ? profileHref(code, key) : null;
}

/** `pathname` with the current view and page-owned parameters patched (null removes), canonical order. */
export function pageHref(pathname: string, patch: Record<string, string | null | undefined>): string {
	const next = withParams(view.params, patch);
	return `${pathname}${searchString(serializeView(parseView(next), next))}`;
}

/** Municipality code → [Finnish, Swedish] name, from the prerender. */
export type Names = Readonly<Record<string, readonly [string, string]>>;

export function nameOf(names: Names, code: string, i18n: Translator): string {
	const n = names[code];
	return n ? (i18n.locale === 'sv' ? n[1] || n[0] : n[0]) : code;
}

/** A form part's label; responsibility-table cells read "Vastuutaulukko: <service> · <group>". */
export function partLabel(i18n: Translator, key: string): string {
	const m = /^table\.([a-z_]+)\.(jobseekers|others)$/.exec(key);
	if (m) return `${i18n.t('section.table')}: ${i18n.label('service', m[1])} · ${i18n.label('clientGroup', m[2])}`;
	return i18n.part(key);
}

/** A provider unit of the disagreement query (`kind` or `kind:code`) in words. */
export function unitLabel(i18n: Translator, names: Names, unit: string): string {
	const [kind, code] = unit.split(':');
	const label = i18n.label('providerKind', kind);
	return code ? `${label} (${nameOf(names, code, i18n)})` : label;
}

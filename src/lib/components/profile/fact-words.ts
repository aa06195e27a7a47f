/**
 * The words the profile and the checker put on a programme's parts and derived facts: one
 * wording, so a checked document reads like the published profile.
 */
import type { Translator } from '$lib/i18n';
import type { FactGroup } from './facts';

/** A form part's heading; a responsibility-table cell reads "<service> – <client group>". */
export function answerPartLabel(i18n: Translator, key: string): string {
	if (key.startsWith('table.')) {
		const [, row, group] = key.split('.');
		return `${i18n.label('service', row)} – ${i18n.label('clientGroup', group)}`;
	}
	return i18n.part(key);
}

/** One fact in words: the language and where it is used, the provider and its cell, the arrangement and role. */
export function factLabel(i18n: Translator, f: FactGroup): string {
	if (f.kind === 'language') return `${i18n.languageName(f.code, f.nameFi)} (${i18n.label('languageContext', f.context)})`;
	if (f.kind === 'provider')
		return `${f.provider} – ${i18n.label('providerKind', f.providerKind)}; ${i18n.label('service', f.service)}, ${i18n.label('clientGroup', f.clientGroup)}${f.fromTable ? ` (${i18n.t('profile.fromTable')})` : ''}`;
	return `${i18n.label('arrangement', f.arrangement)}${f.partner ? `: ${f.partner}` : ''} (${i18n.label('role', f.role)})`;
}

export const factKindLabel = (i18n: Translator, f: FactGroup): string =>
	f.kind === 'language' ? i18n.t('profile.language') : f.kind === 'provider' ? i18n.t('profile.provider') : i18n.t('profile.arrangement');

/** The facts behind a highlighted passage, for its title: "Kieli: …; Palveluntuottaja: …". */
export function describeFacts(i18n: Translator, factById: ReadonlyMap<string, FactGroup>, ids: readonly string[]): string {
	return ids
		.map((id) => factById.get(id))
		.filter((f): f is FactGroup => !!f)
		.map((f) => `${factKindLabel(i18n, f)}: ${factLabel(i18n, f)}`)
		.join('; ');
}

/**
 * The main navigation. A page appears in it once its route exists: routes are discovered at
 * build time, so pages other engineers add later show up without editing this list (add an
 * entry here only for a new top-level page).
 */
import type { MessageKey } from '$lib/i18n';

export interface NavItem {
	path: string;
	label: MessageKey;
}

export const NAV: readonly NavItem[] = [
	{ path: '/', label: 'nav.overview' },
	{ path: '/gaps', label: 'nav.gaps' },
	{ path: '/responsibilities', label: 'nav.responsibilities' },
	{ path: '/languages', label: 'nav.languages' },
	{ path: '/cooperation', label: 'nav.cooperation' },
	{ path: '/area', label: 'nav.area' },
	{ path: '/compare', label: 'nav.compare' },
	{ path: '/changes', label: 'nav.changes' },
	{ path: '/search', label: 'nav.search' },
	{ path: '/sql', label: 'nav.sql' },
	{ path: '/data', label: 'nav.data' },
	{ path: '/check', label: 'check.nav' }
];

/** Route paths that have a page, from the route files (route groups removed). */
export function routePaths(files: readonly string[]): Set<string> {
	return new Set(
		files.map((f) => {
			const path = f
				.replace(/^\/src\/routes/, '')
				.replace(/\/\+page\.svelte$/, '')
				.replace(/\/\([^/]+\)/g, '');
			return path === '' ? '/' : path;
		})
	);
}

const EXISTING = routePaths(Object.keys(import.meta.glob('/src/routes/**/+page.svelte')));

/** The navigation entries whose page exists. */
export function navItems(existing: ReadonlySet<string> = EXISTING): NavItem[] {
	return NAV.filter((item) => existing.has(item.path));
}

/** Whether a path is the current page or inside it (e.g. /area/08 under /area). */
export function isCurrent(item: string, pathname: string): boolean {
	return item === '/' ? pathname === '/' : pathname === item || pathname.startsWith(`${item}/`);
}

/**
 * Routes whose page has the filter bar (`#filters`): they get a "skip to the filters" link. The
 * prerender fails on a link to a missing id, so a route listed here without the bar is caught
 * at build time; a page with the bar left out of the list only lacks the shortcut.
 */
export const FILTER_ROUTES: ReadonlySet<string> = new Set(['/', '/gaps', '/responsibilities', '/languages', '/cooperation', '/area/[code]', '/compare', '/search']);

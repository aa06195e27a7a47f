/**
 * The programmes a search is restricted to by the filter bar, without the engine: the layout's
 * prerendered facet table (src/lib/db/facets.ts) says which current programmes are in scope,
 * in programme_id order, the order of the search file's programmes. The SQL `searchScope` gives the
 * same ids (tests/unit/search-queries.test.ts); the page asks it only when the two lists do not
 * line up.
 */
import { programmesInScope, type Facets } from '$lib/db/facets';
import { hasFilters, type Filters } from '$lib/state/filters';

/**
 * The ids of the programmes in scope; null when no filter is set (every programme); undefined when
 * the facet table is missing or does not list the same number of programmes (ask the SQL).
 */
export function facetScope(facets: Facets | null, programmes: readonly { programme_id: string }[], f: Filters): string[] | null | undefined {
	if (!hasFilters(f)) return null;
	if (!facets || facets.programmes.length !== programmes.length) return undefined;
	const inScope = programmesInScope(facets, f);
	return programmes.filter((_, i) => inScope[i]).map((p) => p.programme_id);
}

import type { Handle } from '@sveltejs/kit';
import { SEARCH_FILE_META, searchHeadScript } from '$lib/search/client';

/** The search page's meta element naming its search file: its head script goes right after it (before the styles, which would hold it up). */
const SEARCH_META = new RegExp(`<meta name="${SEARCH_FILE_META}" content="[^"<>]*"\\s*/?>`);

// Prerendered pages are Finnish by default; the client switches language from the URL (?lang=).
// The search page gets the script that starts its worker as the HTML is parsed (searchHeadScript).
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) => {
			const page = html.replace('%lang%', 'fi');
			return event.url.pathname === '/search' ? page.replace(SEARCH_META, (meta) => `${meta}<script>${searchHeadScript()}</script>`) : page;
		}
	});

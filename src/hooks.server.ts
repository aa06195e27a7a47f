import type { Handle } from '@sveltejs/kit';

// Prerendered pages are Finnish by default; the client switches language from the URL (?lang=).
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', 'fi') });

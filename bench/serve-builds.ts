/**
 * For the A/B benches (search-ab, search-cold-ab): each built site in `dirs` served by the production
 * server's handler (scripts/serve.js) on its own free loopback port; returns their base URLs in order.
 */
import { createServer } from 'node:http';
import { siteHandler } from '../scripts/serve.js';

export function serveBuilds(dirs: readonly string[]): Promise<string[]> {
	return Promise.all(
		dirs.map(
			(d) =>
				new Promise<string>((ok) => {
					const server = createServer(siteHandler(d));
					server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(server.address() as { port: number }).port}`));
				})
		)
	);
}

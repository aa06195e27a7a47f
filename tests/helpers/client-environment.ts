/**
 * A Vitest environment for runes: Node's globals, but modules transformed as for the browser, so
 * Svelte compiles `.svelte.ts` files and resolves its runtime for the client (the server build makes
 * effects no-ops). Used by the `runes` project in vite.config.ts.
 */
import type { Environment } from 'vitest/environments';

export default {
	name: 'node-client',
	viteEnvironment: 'client',
	setup: () => ({ teardown: () => undefined })
} satisfies Environment;

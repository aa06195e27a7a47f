import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// The prerender queries Parquet with the native DuckDB (src/lib/db/node.server.ts): load it
	// from node_modules at build time, never bundle it. DuckDB-WASM is loaded lazily in the browser.
	ssr: { external: ['@duckdb/node-api'] },
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	// exceljs is one ~930 kB chunk, fetched only when someone asks for an XLSX download
	// (src/lib/export/xlsx.ts): no page loads it, so Vite's 500 kB warning would only be noise.
	build: { chunkSizeWarningLimit: 1000 },
	test: {
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000,
		projects: [
			{
				extends: true,
				test: {
					name: 'node',
					include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/hostile/**/*.test.ts'],
					exclude: ['tests/**/*.runes.test.ts']
				}
			},
			// Runes' effects run only in Svelte's client build (the server build makes them no-ops): tests of
			// reactive classes (LiveQuery) compile and resolve Svelte as for the browser, still in Node.
			{
				extends: true,
				resolve: { conditions: ['browser'] },
				test: { name: 'runes', include: ['tests/**/*.runes.test.ts'], environment: './tests/helpers/client-environment.ts', server: { deps: { inline: ['svelte'] } } }
			}
		]
	}
});

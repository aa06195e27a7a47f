import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// The prerender queries Parquet with the native DuckDB (src/lib/db/node.server.ts): load it
	// from node_modules at build time, never bundle it. DuckDB-WASM is loaded lazily in the browser.
	ssr: { external: ['@duckdb/node-api'] },
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/hostile/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000
	}
});

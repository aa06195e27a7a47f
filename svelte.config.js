import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every page is prerendered to a static shell; data is loaded client-side with DuckDB-WASM.
		// KOTOKARTTA_PRECOMPRESS=0 skips the .br/.gz files (brotli of the 34 MB DuckDB wasm takes minutes) for quick local builds.
		adapter: adapter({
			pages: 'build',
			assets: 'build',
			fallback: undefined,
			precompress: process.env.KOTOKARTTA_PRECOMPRESS !== '0',
			strict: true
		})
	}
};

export default config;

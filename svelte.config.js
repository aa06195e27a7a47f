import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every page is prerendered to a static shell; data is loaded client-side with DuckDB-WASM.
		// The .br/.gz files are written after the build by scripts/compress.js (every compressible file,
		// the data from static/ included, cached by content); KOTOKARTTA_PRECOMPRESS=0 skips it.
		adapter: adapter({
			pages: 'build',
			assets: 'build',
			fallback: undefined,
			precompress: false,
			strict: true
		})
	}
};

export default config;

import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every page is prerendered to a static shell; data is loaded client-side with DuckDB-WASM.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, precompress: true, strict: true })
	}
};

export default config;

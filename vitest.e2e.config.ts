// End-to-end tests: Debian Chromium (playwright-core) against the built site served by
// `vite preview`. Run through scripts/e2e.sh, which builds, serves and sets KK_BASE_URL.
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		environment: 'node',
		// One browser at a time: two cores are shared with everyone else.
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 180_000
	}
});

// End-to-end tests: Debian Chromium (playwright-core) against the built site served by
// the production server (scripts/serve.js). Run through scripts/e2e.sh, which builds, serves and sets KK_BASE_URL.
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		environment: 'node',
		// One browser at a time: two cores are shared with everyone else.
		fileParallelism: false,
		// Generous: axe-core over the full gap matrix (~9 000 cells) alone takes over a minute on a
		// busy 2-core machine. These are guards against hangs, not speed checks (npm run bench is).
		testTimeout: 300_000,
		hookTimeout: 180_000
	}
});

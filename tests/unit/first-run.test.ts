/**
 * A clean first run (issue 14): npm 11 ends `npm ci` with an "npm error …" notice when a
 * package in the lock file has an install script that package.json's `allowScripts` does not
 * decide on. A newcomer reads it as a failure, so every such package must be listed there.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { allowScripts?: Record<string, boolean>; dependencies: Record<string, string>; devDependencies: Record<string, string> };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean; dev?: boolean; optional?: boolean }> };

describe('first run', () => {
	it('allowScripts decides on every install script in the lock file', () => {
		const withScripts = Object.entries(lock.packages)
			.filter(([path, p]) => path && p.hasInstallScript)
			.map(([path]) => path.replace(/^.*node_modules\//, ''));
		expect(withScripts.length).toBeGreaterThan(0);
		for (const name of withScripts) expect(Object.hasOwn(pkg.allowScripts ?? {}, name), name).toBe(true);
	});

	it('pins every direct dependency exactly (the lock file and CI install the same versions)', () => {
		for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
			expect(version, name).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
		}
		expect(pkg.dependencies.exceljs).toBe('4.4.0');
	});
});

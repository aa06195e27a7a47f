/**
 * Debian's Chromium (/usr/bin/chromium, never a downloaded browser) as the e2e tests and the
 * benchmarks launch it: headless, no sandbox (CI runs as root), no GPU, and nothing that talks to
 * the network on its own, so timings and transfers are the site's alone.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];

export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

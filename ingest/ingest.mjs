/**
 * `npm run ingest`: runs ingest/cli.ts as one plain JavaScript bundle (./bundle.mjs), without
 * tsx's loader in the process; when no bundle can be made, under tsx as before.
 * The same CLI runs with `npx tsx ingest/cli.ts …` (the tests do).
 */
import { pathToFileURL } from 'node:url';
import { bundle } from './bundle.mjs';

const cli = await bundle('ingest/cli.ts');
if (cli) await import(pathToFileURL(cli).href);
else {
	const { register } = await import('tsx/esm/api');
	register();
	await import('./cli.ts');
}

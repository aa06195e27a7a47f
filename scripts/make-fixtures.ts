/**
 * Fills our fillable copy of the form with every value of Aura's real programme (the seed) and
 * writes data/pdfs/aura-2024-11-18.pdf. Deterministic: the same seed gives the same bytes, so the
 * committed PDF only changes when the form layout or the seed changes.
 *   npm run fixtures [-- <output file>]
 *
 * Not synthetic: the text is the real programme's, only the PDF around it is ours.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderForm } from '../tools/pdf-writer';
import { TEMPLATE_LABEL } from '../src/lib/programme/form-tem-2024';
import { parseSeedProgramme } from './seed';

const SEED = 'data/seeds/000_810836d28a172589.txt';
const DEFAULT_OUT = 'data/pdfs/aura-2024-11-18.pdf';

export const AURA_FIXTURE = DEFAULT_OUT;

/** The bytes of Aura's fixture (paths relative to the project root). Tests compare them with the committed file. */
export async function auraFixture(root = '.'): Promise<{ bytes: Uint8Array; fields: number; filled: number }> {
	const seed = await readFile(resolve(root, SEED), 'utf8').catch((e: unknown) => {
		throw new Error(`cannot read the seed ${SEED}: ${e instanceof Error ? e.message : String(e)}`);
	});
	const seedValues = parseSeedProgramme(seed);
	const values: Record<string, string> = {};
	for (const v of seedValues) values[v.key] = v.value;
	const fonts = {
		regular: new Uint8Array(await readFile(resolve(root, 'data/fonts/DejaVuSans.ttf'))),
		bold: new Uint8Array(await readFile(resolve(root, 'data/fonts/DejaVuSans-Bold.ttf')))
	};
	const bytes = await renderForm({
		fonts,
		values,
		metadata: {
			title: 'Auran kunta – kotoutumisohjelma 18.11.2024',
			author: 'Auran kunta',
			subject: `Kotoutumisohjelmaa kuvaava asiakirja, lomake ${TEMPLATE_LABEL}`,
			// The programme's own date, so the file is the same on every run.
			date: new Date('2024-11-18T00:00:00Z')
		}
	});
	return { bytes, fields: seedValues.length, filled: seedValues.filter((v) => v.value.trim() !== '').length };
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	if (args.includes('--help') || args.includes('-h')) {
		process.stderr.write(`usage: npm run fixtures [-- <output file>]   (default ${DEFAULT_OUT})\n`);
		return;
	}
	const out = resolve(args[0] ?? DEFAULT_OUT);
	const { bytes, fields, filled } = await auraFixture();
	await mkdir(dirname(out), { recursive: true });
	await writeFile(`${out}.tmp`, bytes);
	await rename(`${out}.tmp`, out);
	process.stderr.write(`fixtures: wrote ${out} (${bytes.length} bytes; ${fields} fields, ${filled} filled)\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	main().catch((err: unknown) => {
		process.stderr.write(`fixtures: failed: ${err instanceof Error ? err.message : String(err)}\n`);
		process.exit(1);
	});
}

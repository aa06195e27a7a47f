/**
 * Writes the blank fillable TEM 3.9.2024 form for download from the site.
 *   npm run form [-- <output dir>]     (default static/downloads, which is gitignored)
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { renderForm } from '../tools/pdf-writer';
import { FORM_TITLE, TEMPLATE_LABEL } from '../src/lib/programme/form-tem-2024';

export const BLANK_FORM_FILE = 'kotoutumisohjelma-lomake-TEM-3.9.2024.pdf';

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	if (args.includes('--help') || args.includes('-h')) {
		process.stderr.write(`usage: npm run form [-- <output dir>]   (default static/downloads)\nwrites ${BLANK_FORM_FILE}\n`);
		return;
	}
	const outDir = resolve(args[0] ?? 'static/downloads');
	const fonts = {
		regular: new Uint8Array(await readFile('data/fonts/DejaVuSans.ttf')),
		bold: new Uint8Array(await readFile('data/fonts/DejaVuSans-Bold.ttf'))
	};
	const bytes = await renderForm({
		fonts,
		metadata: { title: `${FORM_TITLE} (${TEMPLATE_LABEL}, täytettävä lomake)`, subject: `Lomake ${TEMPLATE_LABEL}` }
	});
	await mkdir(outDir, { recursive: true });
	const out = join(outDir, BLANK_FORM_FILE);
	// Write then rename, so a served file is never half-written.
	await writeFile(`${out}.tmp`, bytes);
	await rename(`${out}.tmp`, out);
	process.stderr.write(`form: wrote ${out} (${bytes.length} bytes)\n`);
}

main().catch((err: unknown) => {
	process.stderr.write(`form: failed: ${err instanceof Error ? err.message : String(err)}\n`);
	process.exit(1);
});

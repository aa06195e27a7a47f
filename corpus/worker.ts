/**
 * Worker thread for the corpus: generates the documents whose ids it is given and posts each
 * back. Every document draws from its own random stream, so which thread makes it does not
 * change a byte.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { generateDocuments, loadFonts, loadReference } from './generate';

interface Job {
	seed: string;
	root: string;
	ids: string[];
}

async function run(): Promise<void> {
	const job = workerData as Job;
	const ref = await loadReference(job.root);
	const fonts = await loadFonts(job.root);
	for await (const g of generateDocuments(job.seed, ref, fonts, { only: new Set(job.ids) })) {
		parentPort!.postMessage({ type: 'document', id: g.plan.id, file: g.file, bytes: g.bytes, truth: g.truth }, [g.bytes.buffer as ArrayBuffer]);
	}
	parentPort!.postMessage({ type: 'done' });
}

run().catch((e: unknown) => {
	parentPort!.postMessage({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
});

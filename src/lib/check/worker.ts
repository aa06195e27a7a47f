/**
 * The check's Web Worker: reads one PDF with the ingest's own code (createChecker → the same
 * extractProgramme and enrichment), so the page stays responsive. pdf.js is the browser build
 * with its own worker and standard fonts served from this site (Vite assets), never a CDN.
 * Nothing here opens a network connection except those same-origin assets.
 */
/// <reference lib="webworker" />
import * as pdfjs from 'pdfjs-dist/build/pdf.mjs';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.mjs?url';
import municipalitiesCsv from '../../../data/reference/municipalities.csv?raw';
import employmentAreasCsv from '../../../data/reference/employment_areas.csv?raw';
import type { ExtractDeps, PdfjsModule } from '../programme/extract';
import { ProgrammeReadError } from '../programme/types';
import { parseEmploymentAreas, parseMunicipalities } from '../reference/index';
import type { CheckErrorCode, CheckRequest, CheckResponse } from './protocol';
import { createChecker, type Checker } from './run';

const FONT_URLS: Record<string, string> = Object.fromEntries(
	Object.entries(
		import.meta.glob('/node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', { query: '?url', import: 'default', eager: true }) as Record<string, string>
	).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url])
);

/** pdf.js asks its host for standard font files by name; answer from this site's own copies. */
class SelfHostedFonts {
	async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
		const url = kind === 'standardFontDataUrl' ? FONT_URLS[filename] : undefined;
		if (!url) throw new Error(`no self-hosted ${kind} file ${filename}`);
		const response = await fetch(url);
		if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
		return new Uint8Array(await response.arrayBuffer());
	}
}

pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;

const deps: ExtractDeps = {
	pdfjs: {
		OPS: pdfjs.OPS as unknown as Record<string, number>,
		getDocument: (src) =>
			pdfjs.getDocument({ ...src, BinaryDataFactory: SelfHostedFonts, useWorkerFetch: false } as Parameters<typeof pdfjs.getDocument>[0]) as unknown as ReturnType<
				PdfjsModule['getDocument']
			>
	}
};

let checker: Checker | null = null;

const post = (msg: CheckResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);

self.addEventListener('message', async (event: MessageEvent<CheckRequest>) => {
	const req = event.data;
	if (req?.type !== 'check') return;
	try {
		post({ type: 'progress', id: req.id, step: 'open' });
		checker ??= createChecker(deps, {
			municipalities: parseMunicipalities(municipalitiesCsv),
			employmentAreas: parseEmploymentAreas(employmentAreasCsv)
		});
		const result = await checker.check(req.name, new Uint8Array(req.bytes), (step) => post({ type: 'progress', id: req.id, step }));
		post({ type: 'done', id: req.id, result });
	} catch (e) {
		const code: CheckErrorCode = e instanceof ProgrammeReadError ? e.code : 'failed';
		post({ type: 'error', id: req.id, code, reason: e instanceof Error ? e.message : String(e) });
	}
});

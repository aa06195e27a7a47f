/**
 * Where the site serves the ingested programme PDFs, so a profile can link an answer to its page.
 *
 * `npm run build` first runs `scripts/publish-pdfs.ts`, which copies every file named in
 * `programmes.file` to `static/pdfs/<path>` (gitignored); the site then serves it at
 * `/pdfs/<path>`. `<path>` is the dataset path with the ingest's default input folder
 * (`data/pdfs/`) dropped, so `data/pdfs/aura-2024-11-18.pdf` → `/pdfs/aura-2024-11-18.pdf`.
 * Pure functions: the script, the prerender and the page share them.
 */

/** Folder under `static/` and URL path the PDFs are published at. */
export const PDF_DIR = 'pdfs';

/** The ingest's default input folder; dataset paths under it are published without it. */
const INPUT_FOLDER = 'data/pdfs/';

/**
 * The path of an ingested file under /pdfs (not encoded), or null when the dataset path could
 * leave that folder or is not a PDF: such a file is never published nor linked.
 */
export function publishedPdfPath(file: string | null | undefined): string | null {
	if (!file) return null;
	const rel = file.startsWith(INPUT_FOLDER) ? file.slice(INPUT_FOLDER.length) : file;
	const parts = rel.split('/');
	if (rel.startsWith('/') || /[\\\0]/.test(rel) || /^[a-z]:/i.test(rel)) return null;
	if (parts.some((p) => p === '' || p === '.' || p === '..')) return null;
	if (!/\.pdf$/i.test(rel)) return null;
	return rel;
}

/** The link to a published PDF, at a page when given (PDF open parameters: `#page=N`). */
export function pdfHref(file: string | null | undefined, page?: number | null): string | null {
	const rel = publishedPdfPath(file);
	if (rel === null) return null;
	const href = `/${PDF_DIR}/${rel.split('/').map(encodeURIComponent).join('/')}`;
	return page && Number.isInteger(page) && page > 0 ? `${href}#page=${page}` : href;
}

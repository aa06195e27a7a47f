// pdf.js ships types for its package entry (and the legacy build); the browser build has the same API.
declare module 'pdfjs-dist/build/pdf.mjs' {
	export * from 'pdfjs-dist';
}

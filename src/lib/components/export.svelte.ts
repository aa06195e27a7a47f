/**
 * Downloads in the browser: the user's CSV form (remembered on this device), what a file says
 * about itself (view, filters, data version, synthetic share, from the page state) and the
 * download of CSV, XLSX (exceljs, loaded on first use) or PNG under a name that is different for
 * every view (src/lib/export/table.ts `exportFileName`).
 *
 * The CSV form is a device preference, not part of a view, so it is the one thing kept in
 * localStorage (src/lib/state/README.md); everything that changes what a file holds is in the URL.
 */
import { browser } from '$app/environment';
import { page } from '$app/state';
import { database } from '$lib/db/client.svelte';
import type { DatasetInfo, FilterOptions } from '$lib/db/dataset';
import { scopeSummary, type ScopeSummary } from '$lib/db/queries';
import type { Translator } from '$lib/i18n';
import { exportFileName, parseCsvFormat, tableToCsv, type CsvFormat, type ExportCell, type ExportTable } from '$lib/export/table';
import { filtersKey, type Filters } from '$lib/state/filters';
import { view } from '$lib/state/view.svelte';
import { download } from './download';

const STORAGE_KEY = 'kotokartta.csv-format';

class ExportPreferences {
	#format = $state<CsvFormat | null>(null);

	get csvFormat(): CsvFormat {
		if (this.#format === null && browser) {
			let stored: string | null = null;
			try {
				stored = localStorage.getItem(STORAGE_KEY);
			} catch {
				stored = null; // storage blocked: the default form, not remembered
			}
			return parseCsvFormat(stored);
		}
		return this.#format ?? parseCsvFormat(null);
	}

	set csvFormat(value: CsvFormat) {
		this.#format = value;
		try {
			localStorage.setItem(STORAGE_KEY, value);
		} catch {
			// remembered for this page only
		}
	}
}

export const exportPreferences = new ExportPreferences();

/** Programmes in scope for a filter set (the layout keeps it current; see +layout.svelte). */
export interface ScopeCounts {
	key: string;
	programmes: number;
	synthetic: number;
}

class ExportScope {
	current = $state.raw<ScopeCounts | null>(null);
}
export const exportScope = new ExportScope();

/** The chosen filters in words, each filter on its own: "Maakunta: Uusimaa, Pirkanmaa; Vain todelliset". */
export function describeFilters(filters: Filters, options: FilterOptions | undefined, i18n: Translator): string {
	const named = (list: FilterOptions[keyof FilterOptions] | undefined, v: string) => list?.find((o) => o.value === v)?.label[i18n.locale] ?? v;
	const parts: string[] = [];
	const add = (label: string, values: readonly string[], name: (v: string) => string) => {
		if (values.length) parts.push(`${label}: ${values.map(name).join(', ')}`);
	};
	add(i18n.t('filter.region'), filters.region, (v) => named(options?.region, v));
	add(i18n.t('filter.wellbeing'), filters.wellbeing, (v) => named(options?.wellbeing, v));
	add(i18n.t('filter.area'), filters.area, (v) => named(options?.area, v));
	add(i18n.t('filter.languageStatus'), filters.languageStatus, (v) => i18n.label('languageStatus', v));
	add(i18n.t('filter.populationClass'), filters.populationClass, (v) => i18n.label('populationClass', v));
	add(i18n.t('filter.inputKind'), filters.inputKind, (v) => i18n.label('inputKind', v));
	if (filters.synthetic !== 'all') parts.push(i18n.label('synthetic', filters.synthetic));
	return parts.length ? parts.join('; ') : i18n.t('filter.none');
}

/**
 * Programmes in scope of the current filters and how many are synthetic: the prerendered national
 * count without filters, the layout's live count when it is for these filters, else asked now.
 */
async function scopeCounts(ds: DatasetInfo | undefined): Promise<{ programmes: number; synthetic: number } | null> {
	if (!view.filtered) return ds ? { programmes: ds.programmes, synthetic: ds.syntheticProgrammes } : null;
	const key = filtersKey(view.filters);
	const known = exportScope.current;
	if (known && known.key === key) return known;
	try {
		const [row] = await (await database.open()).run<ScopeSummary>(scopeSummary(view.filters));
		return row ? { programmes: row.programmes, synthetic: row.synthetic_programmes } : null;
	} catch {
		return null; // the file then states the national share and says the filtered one is unknown
	}
}

/** The about lines of a file made from the current page; `filters: false` for a page the filters do not apply to. */
export async function aboutLines(opts: { filters?: boolean; extra?: [string, string][] } = {}): Promise<[string, string][]> {
	const i18n = view.i18n;
	const data = page.data as { dataset?: DatasetInfo; filterOptions?: FilterOptions };
	const ds = data.dataset;
	const lines: [string, string][] = [];
	if (browser) {
		lines.push([i18n.t('export.about.view'), document.title]);
		lines.push([i18n.t('export.about.link'), location.href]);
	}
	if (opts.filters !== false) lines.push([i18n.t('filter.title'), describeFilters(view.filters, data.filterOptions, i18n)]);
	lines.push(...(opts.extra ?? []));
	if (ds?.version || ds?.generated) {
		lines.push([
			i18n.t('export.about.version'),
			ds.generated ? i18n.t('export.about.versionValue', { version: ds.version ?? '–', date: i18n.date(ds.generated) }) : (ds.version ?? '–')
		]);
	}
	const scope = opts.filters === false ? (ds ? { programmes: ds.programmes, synthetic: ds.syntheticProgrammes } : null) : await scopeCounts(ds);
	if (scope) {
		lines.push([
			i18n.t('export.about.synthetic'),
			scope.synthetic > 0
				? i18n.t('export.about.syntheticSome', { synthetic: scope.synthetic, total: scope.programmes })
				: i18n.t('export.about.syntheticNone', { total: scope.programmes })
		]);
	} else if (ds) {
		lines.push([i18n.t('export.about.synthetic'), i18n.t('export.about.syntheticNational', { synthetic: ds.syntheticProgrammes, total: ds.programmes })]);
	}
	return lines;
}

/** A value as a spreadsheet cell in the UI language: booleans as words, lists joined, '–' placeholders empty. */
export function exportCell(value: unknown, i18n: Translator): ExportCell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value === 'bigint') return Number(value);
	if (typeof value === 'boolean') return value ? i18n.t('export.yes') : i18n.t('export.no');
	if (Array.isArray(value)) return value.map((v) => String(v ?? '')).join(', ');
	const text = String(value);
	return text === '–' ? null : text;
}

export interface ExportRequest {
	/** Which download on the page (becomes part of the file name). */
	id: string;
	title: string;
	header: string[];
	rows: unknown[][];
	/** A choice not in the URL that changes the file (a local sort). */
	extra?: string;
	/** False when the filters do not apply to what is downloaded (the SQL console). */
	filters?: boolean;
	/** More about lines (e.g. the query). */
	about?: [string, string][];
}

export async function exportTable(req: ExportRequest): Promise<ExportTable> {
	const i18n = view.i18n;
	const rows = req.rows.map((r) => r.map((v) => exportCell(v, i18n)));
	return { title: req.title, about: await aboutLines({ filters: req.filters, extra: req.about }), header: req.header, rows };
}

export function exportName(id: string, ext: 'csv' | 'xlsx' | 'png', extra?: string): string {
	return exportFileName({ path: browser ? page.url.pathname : '/', id: id.replace(/^kotokartta-/, ''), params: view.params, ext, extra });
}

// Name, form and rows are taken at the click; only the about lines may wait (for the scope count).
export async function downloadCsv(req: ExportRequest): Promise<void> {
	const name = exportName(req.id, 'csv', req.extra);
	const format = exportPreferences.csvFormat;
	download(name, tableToCsv(await exportTable(req), format));
}

export async function downloadXlsx(req: ExportRequest): Promise<void> {
	const name = exportName(req.id, 'xlsx', req.extra);
	const table = exportTable(req);
	const { tableToXlsx, XLSX_TYPE } = await import('$lib/export/xlsx');
	const bytes = await tableToXlsx(await table);
	download(name, new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
}

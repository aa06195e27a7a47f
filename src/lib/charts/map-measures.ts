/**
 * What the overview map colours by: each measure turns the per-municipality figures
 * (queries.municipalityMeasures) into a value per municipality and labelled colour classes.
 * Municipalities outside the filters and those without a programme get classes of their own,
 * so "no data" is never confused with "zero".
 */
import type { Translator } from '$lib/i18n';
import type { MunicipalityMeasures } from '$lib/db/queries';
import type { MapMeasure } from '$lib/state/filters';
import type { MapDatum } from './ChoroplethMap.svelte';
import type { MapPiece } from './choropleth';
import { NO_PROGRAMME, OUTSIDE, SEQUENTIAL } from './options';
import { SCREEN } from './theme';

const NOT_GRADED = SCREEN.notGraded;

/** Special values below every real one. */
export const OUTSIDE_VALUE = -2;
export const NO_PROGRAMME_VALUE = -1;
export const NOT_GRADED_VALUE = -3;

export interface MeasureMap {
	data: MapDatum[];
	pieces: MapPiece[];
}

/** The `updated` measure's date when no "updated since" filter is set: the employment-area reform. */
export const DEFAULT_UPDATED_SINCE = '2025-01-01';

/**
 * @param names municipality code → [Finnish, Swedish] name
 * @param since the "updated since" filter (ISO), which the `updated` measure compares with; '' for DEFAULT_UPDATED_SINCE
 */
export function measureMap(
	rows: readonly MunicipalityMeasures[],
	measure: MapMeasure,
	i18n: Translator,
	names: Readonly<Record<string, readonly [string, string]>>,
	since = ''
): MeasureMap {
	const name = (code: string) => {
		const n = names[code];
		return n ? (i18n.locale === 'sv' ? n[1] : n[0]) : code;
	};
	const outside: MapPiece = { value: OUTSIDE_VALUE, label: i18n.t('overview.outsideFilter'), color: OUTSIDE };
	const none: MapPiece = { value: NO_PROGRAMME_VALUE, label: i18n.t('overview.noProgramme'), color: NO_PROGRAMME };
	const notGraded: MapPiece = { value: NOT_GRADED_VALUE, label: i18n.t('overview.notGraded'), color: NOT_GRADED };

	const datum = (r: MunicipalityMeasures, value: number, text: string): MapDatum => ({
		code: r.code,
		name: name(r.code),
		value,
		text,
		programmes: r.programmes
	});

	const special = (r: MunicipalityMeasures, graded: number | null): MapDatum | null => {
		if (!r.in_scope) return datum(r, OUTSIDE_VALUE, outside.label);
		if (r.programmes === 0) return datum(r, NO_PROGRAMME_VALUE, none.label);
		if (graded === null) return datum(r, NOT_GRADED_VALUE, notGraded.label);
		return null;
	};

	const ranges = (bounds: [number, number | null][], fmt: (lo: number, hi: number | null) => string): MapPiece[] =>
		bounds.map(([lo, hi], i) => ({
			...(hi === lo ? { value: lo } : { min: lo, max: hi ?? Number.MAX_SAFE_INTEGER }),
			label: fmt(lo, hi),
			color: SEQUENTIAL[Math.min(i, SEQUENTIAL.length - 1)]
		}));
	const countLabel = (lo: number, hi: number | null) =>
		hi === null ? `≥ ${i18n.number(lo)}` : hi === lo ? i18n.number(lo) : `${i18n.number(lo)}–${i18n.number(hi)}`;

	/** A count per municipality (languages named, parts missing) in classes of counts: [from, to] (null: and more). */
	const counts = (of: (r: MunicipalityMeasures) => number | null, bounds: [number, number | null][]) => ({
		data: rows.map((r) => special(r, of(r)) ?? datum(r, of(r) ?? 0, i18n.number(of(r)))),
		scale: ranges(bounds, countLabel)
	});

	let data: MapDatum[];
	let scale: MapPiece[];
	switch (measure) {
		case 'coverage': {
			data = rows.map((r) => special(r, 0) ?? datum(r, 1, i18n.t('overview.hasProgramme')));
			scale = [{ min: 1, max: Number.MAX_SAFE_INTEGER, label: i18n.t('overview.hasProgramme'), color: SEQUENTIAL[2] }];
			break;
		}
		case 'completeness': {
			data = rows.map((r) => special(r, r.completeness) ?? datum(r, Math.round((r.completeness ?? 0) * 100), i18n.percent(r.completeness)));
			scale = ranges(
				[
					[0, 49],
					[50, 74],
					[75, 89],
					[90, 100]
				],
				(lo, hi) => `${i18n.percent(lo / 100)}–${i18n.percent((hi ?? 100) / 100)}`
			);
			break;
		}
		case 'languages':
			({ data, scale } = counts((r) => r.orientation_languages, [[0, 0], [1, 2], [3, 5], [6, null]]));
			break;
		case 'updated': {
			// Has the municipality's programme been drawn up or updated since the date? Read without the
			// "updated since" filter itself, so the map shows who has and who has not.
			const from = since || DEFAULT_UPDATED_SINCE;
			const noDate: MapPiece = { value: NOT_GRADED_VALUE, label: i18n.t('overview.noDate'), color: NOT_GRADED };
			data = rows.map((r) => {
				if (!r.in_scope) return datum(r, OUTSIDE_VALUE, outside.label);
				if (r.all_programmes === 0) return datum(r, NO_PROGRAMME_VALUE, none.label);
				if (r.last_update === null) return datum(r, NOT_GRADED_VALUE, noDate.label);
				return datum(r, r.last_update >= from ? 2 : 1, i18n.t('overview.lastUpdate', { date: i18n.date(r.last_update) }));
			});
			scale = [
				{ value: 2, label: i18n.t('overview.updatedSince', { date: i18n.date(from) }), color: SEQUENTIAL[SEQUENTIAL.length - 1] },
				{ value: 1, label: i18n.t('overview.notUpdatedSince', { date: i18n.date(from) }), color: SEQUENTIAL[0] }
			];
			const used = new Set(data.map((d) => d.value));
			return { data, pieces: [...scale, ...[none, noDate, outside].filter((p) => used.has(p.value!))] };
		}
		case 'missing':
			({ data, scale } = counts((r) => r.missing_parts, [[0, 0], [1, 3], [4, 10], [11, null]]));
			break;
	}
	const used = new Set(data.map((d) => d.value));
	const pieces = [...scale, ...[none, notGraded, outside].filter((p) => used.has(p.value!))];
	return { data, pieces };
}

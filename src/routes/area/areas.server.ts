// The employment areas of the reference data (data/reference/employment_areas.csv), mainland only:
// the area report has a prerendered page for each of them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEmploymentAreas, type EmploymentArea } from '$lib/reference';

/** Åland's code in the classification: outside KotoL's programme duty, no report. */
export const ALAND_AREA = '46';

let cached: EmploymentArea[] | null = null;

export function mainlandAreas(): EmploymentArea[] {
	cached ??= parseEmploymentAreas(readFileSync(resolve('data/reference/employment_areas.csv'), 'utf8')).filter((a) => a.code !== ALAND_AREA);
	return cached;
}

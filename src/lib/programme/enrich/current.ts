/**
 * Which programmes are current: a programme is superseded when another one of the same kind
 * (real or synthetic: demo documents never hide real ones) covers all of its municipalities and
 * was drawn up or updated later. Undated programmes stay current and supersede nothing (nothing
 * tells which is newer), as do programmes with no resolved municipality; the same date leaves both
 * current. Dates compare as in ./versions.ts (a month-only date ties with the days of its month;
 * a date that is not plausible is passed as null).
 */
import { compareVersionDates } from './versions';

export interface VersionedProgramme {
	id: string;
	municipalityCodes: readonly string[];
	/** ISO date (YYYY-MM-DD), a month (YYYY-MM), or null when unknown or not plausible. */
	updated: string | null;
	isSynthetic: boolean;
}

export function computeIsCurrent(programmes: readonly VersionedProgramme[]): Map<string, boolean> {
	const out = new Map<string, boolean>();
	for (const p of programmes) {
		const superseded =
			p.municipalityCodes.length > 0 &&
			programmes.some(
				(q) =>
					q.id !== p.id &&
					q.isSynthetic === p.isSynthetic &&
					p.municipalityCodes.every((c) => q.municipalityCodes.includes(c)) &&
					p.updated !== null &&
					q.updated !== null &&
					compareVersionDates(q.updated, p.updated) > 0
			);
		out.set(p.id, !superseded);
	}
	return out;
}

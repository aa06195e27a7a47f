/**
 * Which programmes are current: a programme is superseded when another one of the same kind
 * (real or synthetic: demo documents never hide real ones) covers all of its municipalities and
 * was drawn up or updated later. Undated programmes stay current and supersede nothing (nothing
 * tells which is newer), as do programmes with no resolved municipality; the same date leaves both
 * current.
 */

export interface VersionedProgramme {
	id: string;
	municipalityCodes: readonly string[];
	/** ISO date (YYYY-MM-DD) or null when unknown. */
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
					q.updated > p.updated
			);
		out.set(p.id, !superseded);
	}
	return out;
}

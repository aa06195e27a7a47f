/**
 * Version identity: which documents are versions of one municipality's programme, and in which
 * order. The rules (tests/unit/versions.test.ts proves each):
 * - A programme is a version of every municipality it covers. A joint programme is a version of
 *   each member's programme, so when a joint programme splits or merges, each municipality's
 *   history still runs on through it (the member's previous version is the joint one).
 * - Real and synthetic documents have separate histories (demo data never precedes real data).
 * - Versions are ordered by the date the document says it was drawn up or updated. Documents with
 *   the same date share a version number (nothing says which is newer) and the same previous one.
 * - A date that names only a month ("marraskuu 2025", given as `YYYY-MM`) is placed in that month;
 *   the municipality's documents dated within that same month cannot be told apart from it and
 *   share its version number.
 * - An undated document cannot be placed: it gets no version number and no previous version, and
 *   is never anyone's previous version. A date that is not plausible (before 2024, or after the
 *   ingest's reference date: src/lib/dataset/dates.ts) counts as no date, so such a document never
 *   supersedes a plausible version.
 * - The same file twice is one programme already (its id is the hash of its bytes), and so is a
 *   re-saved copy with the same answers (src/lib/dataset/rows.ts `contentKey`).
 */

export interface VersionCandidate {
	id: string;
	municipalityCodes: readonly string[];
	/** ISO date (YYYY-MM-DD), a month (YYYY-MM) when only the month is known, or null when unknown or not plausible. */
	updated: string | null;
	isSynthetic: boolean;
}

/** -1, 0 or 1: how two version dates compare; a month-only date ties with every day of its month. */
export function compareVersionDates(a: string, b: string): number {
	const n = a.length === 7 || b.length === 7 ? 7 : 10;
	const x = a.slice(0, n);
	const y = b.slice(0, n);
	return x < y ? -1 : x > y ? 1 : 0;
}

export interface VersionLink {
	/** The municipality whose history this is. */
	code: string;
	programmeId: string;
	/** 1 for the earliest dated version; null when the document is undated. */
	version: number | null;
	/** The version before this one for this municipality (for ties: before their shared date). */
	previousIds: string[];
	/** The municipality's newest dated version(s). */
	isLatest: boolean;
}

export function versionHistory(programmes: readonly VersionCandidate[]): VersionLink[] {
	const byHistory = new Map<string, VersionCandidate[]>();
	for (const p of programmes)
		for (const code of new Set(p.municipalityCodes)) {
			const key = `${code}|${p.isSynthetic ? 'synthetic' : 'real'}`;
			const members = byHistory.get(key);
			if (members) members.push(p);
			else byHistory.set(key, [p]);
		}
	const out: VersionLink[] = [];
	for (const [key, members] of byHistory) {
		const code = key.split('|')[0];
		// A month-only date in this history makes every date of that month one place in the order.
		const months = new Set(members.map((p) => p.updated).filter((d): d is string => d !== null && d.length === 7));
		const place = (d: string | null) => (d === null ? null : months.has(d.slice(0, 7)) ? d.slice(0, 7) : d);
		const dates = [...new Set(members.map((p) => place(p.updated)).filter((d): d is string => d !== null))].sort();
		const idsOn = (date: string) => members.filter((p) => place(p.updated) === date).map((p) => p.id).sort();
		for (const p of members) {
			const at = place(p.updated);
			if (at === null) {
				out.push({ code, programmeId: p.id, version: null, previousIds: [], isLatest: false });
				continue;
			}
			const i = dates.indexOf(at);
			out.push({ code, programmeId: p.id, version: i + 1, previousIds: i > 0 ? idsOn(dates[i - 1]) : [], isLatest: i === dates.length - 1 });
		}
	}
	return out.sort((a, b) => a.code.localeCompare(b.code) || (a.version ?? Infinity) - (b.version ?? Infinity) || a.programmeId.localeCompare(b.programmeId));
}

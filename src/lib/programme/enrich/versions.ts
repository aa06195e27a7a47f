/**
 * Version identity: which documents are versions of one municipality's programme, and in which
 * order. The rules (tests/unit/versions.test.ts proves each):
 * - A programme is a version of every municipality it covers. A joint programme is a version of
 *   each member's programme, so when a joint programme splits or merges, each municipality's
 *   history still runs on through it (the member's previous version is the joint one).
 * - Real and synthetic documents have separate histories (demo data never precedes real data).
 * - Versions are ordered by the date the document says it was drawn up or updated. Documents with
 *   the same date share a version number (nothing says which is newer) and the same previous one.
 * - An undated document cannot be placed: it gets no version number and no previous version, and
 *   is never anyone's previous version.
 * - The same file twice is one programme already (its id is the hash of its bytes).
 */

export interface VersionCandidate {
	id: string;
	municipalityCodes: readonly string[];
	/** ISO date (YYYY-MM-DD) or null when unknown. */
	updated: string | null;
	isSynthetic: boolean;
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
		const dates = [...new Set(members.map((p) => p.updated).filter((d): d is string => d !== null))].sort();
		const idsOn = (date: string) => members.filter((p) => p.updated === date).map((p) => p.id).sort();
		for (const p of members) {
			if (p.updated === null) {
				out.push({ code, programmeId: p.id, version: null, previousIds: [], isLatest: false });
				continue;
			}
			const i = dates.indexOf(p.updated);
			out.push({ code, programmeId: p.id, version: i + 1, previousIds: i > 0 ? idsOn(dates[i - 1]) : [], isLatest: i === dates.length - 1 });
		}
	}
	return out.sort((a, b) => a.code.localeCompare(b.code) || (a.version ?? Infinity) - (b.version ?? Infinity) || a.programmeId.localeCompare(b.programmeId));
}

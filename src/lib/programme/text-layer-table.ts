/** The responsibility table (Vastuutaulukko) read from its lines: columns from the client groups' labels, rows from the form's row labels. */
import { CLIENT_GROUPS, FIELD_BY_KEY, TABLE_ROWS } from './form-tem-2024';
import { CLIENT_GROUP_LABELS_SV, TABLE_ROW_LABELS_SV } from './form-tem-2024-sv';
import { answerFromLines, follow, rectOf, words, type Segment } from './text-layer-layout';
import type { Answer, ProgrammeWarning } from './types';

/* ------------------------------------------------------------------------------------------ */
/* The responsibility table                                                                    */

export const GROUP_LABELS = CLIENT_GROUPS.map((g) => ({ id: g.id, wording: [words(g.label), words(CLIENT_GROUP_LABELS_SV[g.id])] }));
export const ROW_WORDING = TABLE_ROWS.map((r) => ({
	id: r.id,
	label: r.label,
	wording: [words(r.label), ...('printedLabel' in r ? [words(r.printedLabel)] : []), words(TABLE_ROW_LABELS_SV[r.id])]
}));

export function readTable(
	segs: readonly Segment[],
	leadingOf: (h: number) => number
): { answers: Answer[]; warnings: ProgrammeWarning[] } {
	if (segs.length === 0) return { answers: [], warnings: [] };
	const unreadable = (why: string) => ({
		answers: [],
		warnings: [{ code: 'table-unreadable', message: `The responsibility table was found but ${why}; its cells were not read.` }]
	});

	// Column heads: where a line (or the rest of a line) starts a client group's label. The two
	// labels may begin alike (Swedish: "Aktör som producerar …"), so the columns are taken in the
	// form's order, left to right, on the heading row.
	const candidates: { x: number; seg: Segment }[] = [];
	for (const seg of segs) {
		for (let r = 0; r < seg.runs.length; r++) {
			const w = words(seg.runs.slice(r).map((x) => x.text).join(' '));
			if (GROUP_LABELS.some((g) => g.wording.some((wd) => follow(w, wd, 0).count >= 2))) candidates.push({ x: seg.runs[r].x, seg });
		}
	}
	const first = candidates[0];
	if (!first) return unreadable('its column headings were not recognised');
	const headRow = candidates
		.filter((c) => c.seg.page === first.seg.page && Math.abs(c.seg.y - first.seg.y) <= 0.5 * first.seg.height)
		.sort((a, b) => a.x - b.x)
		.filter((c, i, all) => i === 0 || c.x - all[i - 1].x > 20);
	if (headRow.length < 2) return unreadable('its two columns were not found side by side');
	const [jobs, others] = headRow;
	const slack = 6;
	const column = (x: number) => (x < jobs.x - slack ? 0 : x < others.x - slack ? 1 : 2);

	// Every line split into its columns.
	const pieces: (Segment & { col: number })[] = [];
	for (const seg of segs) {
		const byCol = new Map<number, Segment['runs']>();
		for (const run of seg.runs) byCol.set(column(run.x), [...(byCol.get(column(run.x)) ?? []), run]);
		for (const [col, runs] of byCol) {
			pieces.push({ ...seg, col, runs, x: runs[0].x, right: runs.at(-1)!.right, text: runs.map((r) => r.text).join(' ').replace(/\s+/g, ' ').trim() });
		}
	}
	// The heading row ends with the last line of the column labels.
	const headPage = jobs.seg.page;
	const labelLines = pieces.filter((p) => p.page === headPage && p.col > 0 && p.y <= jobs.seg.y + 1);
	let headBottom = jobs.seg.y;
	for (const col of [1, 2]) {
		const wording = GROUP_LABELS[col - 1].wording;
		let pos = wording.map(() => 0);
		for (const p of labelLines.filter((x) => x.col === col).sort((a, b) => b.y - a.y)) {
			const w = words(p.text);
			const f = wording.map((wd, i) => follow(w, wd, pos[i]));
			const best = Math.max(...f.map((x) => x.count));
			if (best === 0 || best < w.length) break;
			pos = f.map((x, i) => (x.count === best ? x.pos : pos[i]));
			headBottom = Math.min(headBottom, p.y);
		}
	}
	const body = pieces.filter((p) => p.page > headPage || p.y < headBottom - 0.5);

	// Row labels in the first column, in the form's order; a label may wrap over several lines.
	const rows: { id: string; label: string; top: Segment }[] = [];
	let r = 0;
	let current: { wording: string[][]; pos: number[] } | null = null;
	for (const p of body.filter((x) => x.col === 0)) {
		const w = words(p.text);
		if (current) {
			const f = current.wording.map((wd, i) => follow(w, wd, current!.pos[i]));
			const best = Math.max(...f.map((x) => x.count));
			if (best > 0 && best === w.length) {
				current.pos = f.map((x, i) => (x.count === best ? x.pos : current!.pos[i]));
				continue;
			}
		}
		for (let k = r; k < ROW_WORDING.length; k++) {
			const f = ROW_WORDING[k].wording.map((wd) => follow(w, wd, 0));
			if (ROW_WORDING[k].wording.some((wd, i) => f[i].count > 0 && (f[i].count === w.length || f[i].count >= 0.7 * wd.length))) {
				rows.push({ id: ROW_WORDING[k].id, label: ROW_WORDING[k].label, top: p });
				current = { wording: ROW_WORDING[k].wording, pos: f.map((x) => x.pos) };
				r = k + 1;
				break;
			}
		}
	}

	const answers: Answer[] = [];
	rows.forEach((row, i) => {
		const nextTop = rows[i + 1]?.top;
		const inRow = (s: Segment) => {
			const afterTop = s.page > row.top.page || (s.page === row.top.page && s.y <= row.top.y + 0.5 * s.height);
			const beforeNext = !nextTop || s.page < nextTop.page || (s.page === nextTop.page && s.y > nextTop.y + 0.5 * s.height);
			return afterTop && beforeNext;
		};
		for (const [col, group] of [
			[1, CLIENT_GROUPS[0]],
			[2, CLIENT_GROUPS[1]]
		] as const) {
			const cell = body.filter((p) => p.col === col && inRow(p));
			const key = `table.${row.id}.${group.id}`;
			const def = FIELD_BY_KEY.get(key)!;
			const text = answerFromLines(cell, leadingOf);
			answers.push({
				key,
				section: def.section,
				part: def.part,
				text,
				status: text.trim() === '' ? 'empty' : 'filled',
				source: { fieldName: `Vastuutaulukko: ${row.label} – ${group.label}`, page: (cell[0] ?? row.top).page, rect: rectOf(cell) }
			});
		}
	});
	const warnings: ProgrammeWarning[] =
		rows.length < ROW_WORDING.length
			? [{ code: 'table-rows-missing', message: `Only ${rows.length} of the responsibility table's ${ROW_WORDING.length} rows were recognised; the others were not read.` }]
			: [];
	return { answers, warnings };
}


/**
 * How a grade looks wherever it is shown (gap matrix cells, the profile's status badges): a
 * symbol and a text label always go with the colour, so nothing is told by colour alone.
 * Colours are pale backgrounds with dark text (contrast ≥ 4.5:1).
 */
import type { CellGrade } from './matrix';

export type GradeLook = CellGrade | 'noProgramme';

export const GRADE_SYMBOL: Record<GradeLook, string> = {
	answered: '✓',
	thin: '~',
	placeholder: '…',
	empty: '○',
	missing: '✕',
	ungraded: '?',
	noProgramme: '—'
};

/** Legend order: best to worst, then the cases without a grade. */
export const GRADE_ORDER: readonly GradeLook[] = ['answered', 'thin', 'placeholder', 'empty', 'missing', 'ungraded', 'noProgramme'];

/** A grade value from the data (or null) as a look. */
export function gradeLook(grade: string | null | undefined): GradeLook {
	return grade && (GRADE_ORDER as readonly string[]).includes(grade) ? (grade as GradeLook) : 'ungraded';
}

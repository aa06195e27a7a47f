/**
 * Reading a programme from the text layer of its pages (flattened copies of the form and
 * municipalities' own templates that follow the form's list). Work in progress: for now this
 * tells pages without text (scans) from text that is not a programme.
 */
import type { Answer, InputKind, ProgrammeWarning, UnmappedField } from './types';

export interface TextItem {
	str: string;
	/** Baseline start in PDF user space. */
	x: number;
	y: number;
	width: number;
	/** Font size (height of the text in user space). */
	height: number;
	hasEOL: boolean;
}

export interface TextPage {
	/** 1-based. */
	page: number;
	width: number;
	height: number;
	items: TextItem[];
}

export type TextLayerResult =
	| { kind: 'no-text' }
	| { kind: 'not-programme'; reason: string }
	| {
			kind: 'programme';
			inputKind: Extract<InputKind, 'flattened-form' | 'own-template'>;
			answers: Answer[];
			unmapped: UnmappedField[];
			warnings: ProgrammeWarning[];
	  };

export function readTextLayer(pages: readonly TextPage[]): TextLayerResult {
	const hasText = pages.some((p) => p.items.some((i) => i.str.trim() !== ''));
	if (!hasText) return { kind: 'no-text' };
	return { kind: 'not-programme', reason: 'no numbered sections with the form’s part headings were found' };
}

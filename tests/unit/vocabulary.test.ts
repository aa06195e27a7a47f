/** Each closed vocabulary is declared once (src/lib/dataset/tables.ts); the copies must agree. */
import { describe, expect, it } from 'vitest';
import { ARRANGEMENT_DESCRIPTIONS, ARRANGEMENT_TYPES, COOPERATION } from '../../src/lib/dataset/tables';
import * as corpusFacts from '../../corpus/facts';
import { fi } from '../../src/lib/i18n/fi';
import { sv } from '../../src/lib/i18n/sv';
import { en } from '../../src/lib/i18n/en';

describe('arrangement types', () => {
	it('the corpus ground truth uses the table contract’s list', () => {
		expect(corpusFacts.ARRANGEMENT_TYPES).toBe(ARRANGEMENT_TYPES);
	});
	it('every type is described in the data dictionary and labelled in fi, sv and en', () => {
		const col = COOPERATION.columns.find((c) => c.name === 'arrangement_type')!;
		for (const t of ARRANGEMENT_TYPES) {
			expect(ARRANGEMENT_DESCRIPTIONS[t].length).toBeGreaterThan(0);
			expect(col.description).toContain(`\`${t}\``);
			for (const m of [fi, sv, en] as Record<string, string>[]) expect(m[`arrangement.${t}`], `${t}`).toBeTruthy();
		}
	});
});

// Shared test data for the search tests: Aura's real answers from the seed (ground truth), plus
// two small invented programmes. Not a test file itself (no `.test.ts`).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSeedProgramme } from '../../scripts/seed';
import { FIELD_BY_KEY } from '../../src/lib/programme/form-tem-2024';
import type { SearchableAnswer } from '../../src/lib/search/passages';

const SEED = fileURLToPath(new URL('../../data/seeds/000_810836d28a172589.txt', import.meta.url));

export const AURA_ID = 'aura-seed';

export function auraAnswers(): SearchableAnswer[] {
	return parseSeedProgramme(readFileSync(SEED, 'utf8')).map((v) => ({
		programmeId: AURA_ID,
		key: v.key,
		section: FIELD_BY_KEY.get(v.key)?.section ?? null,
		text: v.value
	}));
}

export const OTHER_ID = 'other-invented';
export const HOSTILE_ID = 'hostile-invented';

export function otherAnswers(): SearchableAnswer[] {
	return [
		{ programmeId: OTHER_ID, key: 's3.a2', section: '3', text: 'Orientaatiota tarjotaan arabiaksi, dariksi ja venäjäksi.' },
		{ programmeId: OTHER_ID, key: 's3.b', section: '3', text: 'Vastuutaho on kaupungin maahanmuuttajapalvelut.' },
		{ programmeId: OTHER_ID, key: 's4.a1', section: '4', text: '' },
		{ programmeId: OTHER_ID, key: 's5.a1', section: '5', text: '   \n ' }
	];
}

export const HOSTILE_TEXTS = [
	'<script>window.__pwned = 1</script> Ukrainan kielellä',
	'<img src=x onerror="window.__pwned = 2"> ukrainaksi',
	'<a href="javascript:window.__pwned = 3">linkki</a> ukraina'
];

export function hostileAnswers(): SearchableAnswer[] {
	return HOSTILE_TEXTS.map((text, i) => ({ programmeId: HOSTILE_ID, key: `s${i + 1}.a`, section: String(i + 1), text }));
}

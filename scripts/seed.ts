/**
 * Reads the seed file's filled programme (Aura) into field values.
 *
 * The seed is the form text followed by `<TAB>field label: value` lines. Labels hold colons and
 * newlines and values hold newlines, so the text cannot be split blindly: we walk the form's
 * known field names in order and take each value up to the next field's line.
 */
import { ANSWER_FIELDS } from '../src/lib/programme/form-tem-2024';

export interface SeedValue {
	key: string;
	fieldName: string;
	value: string;
}

export function parseSeedProgramme(seedText: string): SeedValue[] {
	const text = seedText.replace(/\r\n?/g, '\n');
	const starts: { key: string; fieldName: string; labelAt: number; valueAt: number }[] = [];
	let from = text.indexOf('\n\tKunta tai kunnat');
	if (from < 0) throw new Error('seed: the filled programme (first field "Kunta tai kunnat") was not found');
	for (const f of ANSWER_FIELDS) {
		const marker = `\n\t${f.fieldName}: `;
		const at = text.indexOf(marker, from);
		if (at < 0) throw new Error(`seed: field "${f.fieldName.replace(/\s+/g, ' ')}" (${f.key}) not found after offset ${from}`);
		starts.push({ key: f.key, fieldName: f.fieldName, labelAt: at, valueAt: at + marker.length });
		from = at + marker.length;
	}
	return starts.map((s, i) => {
		const end = i + 1 < starts.length ? starts[i + 1].labelAt : text.length;
		let value = text.slice(s.valueAt, end);
		// The dump ends the last value with a line break and a stray space; it is not part of the answer.
		if (i + 1 === starts.length) value = value.replace(/\n[ \t]*$/, '');
		return { key: s.key, fieldName: s.fieldName, value };
	});
}

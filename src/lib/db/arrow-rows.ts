/**
 * A DuckDB-WASM result (an Arrow table) as plain rows, the values `plainCell` (./types.ts) gives.
 *
 * Column by column: text and lists of text (the summary tables' lists, e.g. the gap matrix's ~300
 * rows × 2 lists of ~30 grades) are read straight from the Arrow buffers, without a row proxy per
 * row or a Vector per list; every other type goes through `plainCell`. Measured in the browser on
 * the gap matrix, the row-by-row conversion (`toJSON` then `plainCell` per cell) was ~7 ms of a
 * filter change.
 */
import { DataType, type Data, type Table } from 'apache-arrow';
import { plainCell, type Cell, type Row } from './types';

const utf8 = new TextDecoder('utf-8');

/** `Utf8` data's value `i` (valid). */
const text = (d: Data, i: number): string => utf8.decode((d.values as Uint8Array).subarray(d.valueOffsets[i], d.valueOffsets[i + 1]));

/** A reader of one chunk's cells by index in the chunk, where a fast path applies. */
function fastReader(d: Data): ((i: number) => Cell) | null {
	if (DataType.isUtf8(d.type)) return (i) => (d.getValid(i) ? text(d, i) : null);
	if (DataType.isList(d.type) && d.children[0] && DataType.isUtf8(d.children[0].type)) {
		const child = d.children[0];
		return (i) => {
			if (!d.getValid(i)) return null;
			const out: Cell[] = [];
			for (let j = d.valueOffsets[i]; j < d.valueOffsets[i + 1]; j++) out.push(child.getValid(j) ? text(child, j) : null);
			return out;
		};
	}
	return null;
}

/** Every row of `table` as a plain object, keys in column order. */
export function arrowRows<T extends Row = Row>(table: Table): T[] {
	const rows: Row[] = Array.from({ length: table.numRows }, () => ({}));
	table.schema.fields.forEach((field, c) => {
		const vector = table.getChildAt(c)!;
		let at = 0;
		for (const d of vector.data) {
			const read = fastReader(d);
			for (let i = 0; i < d.length; i++) rows[at + i][field.name] = read ? read(i) : plainCell(vector.get(at + i));
			at += d.length;
		}
	});
	return rows as T[];
}

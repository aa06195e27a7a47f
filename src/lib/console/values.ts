/**
 * Arrow values from DuckDB-WASM → plain cells the console can show and export. Exact rather than
 * pretty: BIGINTs beyond 2^53 stay digit strings, decimals keep their scale, dates are ISO.
 */
import { Type, util, type DataType, type Schema } from 'apache-arrow';

export type ConsoleCell = string | number | boolean | null;

export interface ConsoleColumn {
	name: string;
	/** Arrow type as text, e.g. `Utf8`, `Int32`, `Date32<DAY>`. */
	type: string;
	/** Numbers align right and are not quoted in spreadsheets. */
	numeric: boolean;
}

export function columnsOf(schema: Schema): ConsoleColumn[] {
	return schema.fields.map((f) => ({ name: f.name, type: String(f.type), numeric: isNumeric(f.type) }));
}

function isNumeric(type: DataType): boolean {
	return type.typeId === Type.Int || type.typeId === Type.Float || type.typeId === Type.Decimal;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isoDate(ms: number): string {
	const d = new Date(ms);
	const y = d.getUTCFullYear();
	const year = y < 0 ? `-${pad(-y, 4)}` : pad(y, 4);
	return `${year}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function isoTimestamp(ms: number): string {
	const d = new Date(ms);
	if (Number.isNaN(d.getTime())) return String(ms);
	return `${isoDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${
		d.getUTCMilliseconds() ? `.${pad(d.getUTCMilliseconds(), 3)}` : ''
	}`;
}

function decimalText(value: unknown, scale: number): string {
	let digits: string;
	try {
		digits = util.bigNumToString(value as never);
	} catch {
		return String(value);
	}
	if (scale <= 0) return digits;
	const negative = digits.startsWith('-');
	const abs = (negative ? digits.slice(1) : digits).padStart(scale + 1, '0');
	return `${negative ? '-' : ''}${abs.slice(0, -scale)}.${abs.slice(-scale)}`;
}

/** JSON that survives BigInt and nested Arrow values. */
function jsonText(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) => {
		if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
		if (v instanceof Uint8Array) return hex(v);
		if (v && typeof v === 'object' && !Array.isArray(v)) {
			const o = v as { toJSON?: () => unknown; toArray?: () => unknown };
			if (typeof o.toArray === 'function' && Symbol.iterator in (v as object)) return [...(v as Iterable<unknown>)];
		}
		return v;
	});
}

function hex(bytes: Uint8Array): string {
	let out = '\\x';
	for (const b of bytes) out += b.toString(16).padStart(2, '0');
	return out;
}

/** One Arrow value of the given type as a console cell. */
export function cellValue(value: unknown, type: DataType): ConsoleCell {
	if (value === null || value === undefined) return null;
	switch (type.typeId) {
		case Type.Bool:
			return Boolean(value);
		case Type.Int:
		case Type.Float:
			if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
			return typeof value === 'number' ? value : Number(value);
		case Type.Decimal:
			return decimalText(value, (type as unknown as { scale: number }).scale);
		case Type.Date:
			return typeof value === 'number' ? isoDate(value) : value instanceof Date ? isoDate(value.getTime()) : String(value);
		case Type.Timestamp:
			if (typeof value === 'bigint') return isoTimestamp(Number(value));
			return typeof value === 'number' ? isoTimestamp(value) : value instanceof Date ? isoTimestamp(value.getTime()) : String(value);
		case Type.Utf8:
		case Type.LargeUtf8:
			return String(value);
		case Type.Binary:
		case Type.LargeBinary:
		case Type.FixedSizeBinary:
			return value instanceof Uint8Array ? hex(value) : String(value);
		case Type.List:
		case Type.FixedSizeList:
		case Type.Struct:
		case Type.Map:
			return jsonText(value);
		default:
			if (typeof value === 'bigint') return value.toString();
			if (typeof value === 'object') return jsonText(value);
			return String(value);
	}
}

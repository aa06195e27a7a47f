/**
 * Decompression bombs, found before pdf.js reads the file: every stream whose filters start
 * with FlateDecode is inflated natively (zlib, streaming: bytes are counted, never kept)
 * through its run of Flate filters, up to a cap. pdf.js inflates in JavaScript: a few KB that
 * decode to 2 GB cost it 10–30 s and gigabytes before the memory limit stops it; here the
 * cap is reached in well under a second. Damaged or encrypted streams are left to pdf.js.
 */
import { createInflate, constants } from 'node:zlib';

const FLATE = new Set(['FlateDecode', 'Fl']);

/** The run of Flate filters a stream's dictionary starts with (`/Filter /FlateDecode`, `[/Fl /Fl …]`). */
export function flateChain(dict: string): number {
	const m = /\/Filter\s*(\[[^\]]*\]|\/[^\s/<>[\]()]+)/.exec(dict);
	if (!m) return 0;
	const names = [...m[1].matchAll(/\/([^\s/<>[\]()]+)/g)].map((x) => x[1]);
	let n = 0;
	while (n < names.length && FLATE.has(names[n])) n++;
	return n;
}

/** Bytes `data` inflates to through `stages` Flate filters, or `cap + 1` once over the cap; null if it is not valid deflate data. */
export function inflatedSize(data: Uint8Array, stages: number, cap: number): Promise<number | null> {
	return new Promise((resolve) => {
		const chain = Array.from({ length: stages }, () => createInflate({ finishFlush: constants.Z_SYNC_FLUSH, chunkSize: 1 << 20 }));
		let total = 0;
		let done = false;
		const end = (value: number | null) => {
			if (done) return;
			done = true;
			for (const z of chain) z.destroy();
			resolve(value);
		};
		for (let i = 0; i < chain.length - 1; i++) chain[i].pipe(chain[i + 1]);
		for (const z of chain) z.on('error', () => end(total > 0 ? total : null));
		const last = chain[chain.length - 1];
		last.on('data', (chunk: Buffer) => {
			total += chunk.length;
			if (total > cap) end(cap + 1);
		});
		last.on('end', () => end(total));
		chain[0].end(data);
	});
}

/** The stream objects of a PDF: the dictionary text before each `stream` keyword and the data up to `endstream`. */
export function* streamsOf(bytes: Uint8Array): Generator<{ dict: string; data: Uint8Array }> {
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let from = 0;
	for (;;) {
		const at = buf.indexOf('stream', from, 'latin1');
		if (at < 0) return;
		from = at + 6;
		if (at >= 3 && buf.toString('latin1', at - 3, at) === 'end') continue;
		let start = at + 6;
		if (buf[start] === 0x0d) start++;
		if (buf[start] === 0x0a) start++;
		else if (buf[start - 1] !== 0x0d) continue; // "stream" inside something else
		const objAt = buf.lastIndexOf('obj', at, 'latin1');
		const dict = buf.toString('latin1', Math.max(objAt, at - 4096, 0), at);
		let stop = buf.indexOf('endstream', start, 'latin1');
		if (stop < 0) stop = buf.length;
		yield { dict, data: buf.subarray(start, stop) };
		from = stop;
	}
}

/** The largest decompressed size among the file's Flate streams, capped at `cap + 1` (over the cap: a bomb). */
export async function largestInflated(bytes: Uint8Array, cap: number): Promise<number> {
	let largest = 0;
	for (const { dict, data } of streamsOf(bytes)) {
		const stages = flateChain(dict);
		if (stages === 0) continue;
		const size = await inflatedSize(data, stages, cap);
		if (size !== null && size > largest) largest = size;
		if (largest > cap) break;
	}
	return largest;
}

/**
 * The decompressed-bytes cap (ingest/streams.ts): Flate streams are measured natively before
 * pdf.js reads a file, through their whole run of Flate filters, without keeping the bytes.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { flateChain, inflatedSize, largestInflated, streamsOf } from '../../ingest/streams';
import { encryptPdf, AURA_FIXTURE } from '../helpers/programme-pdfs';
import { deflatedZeros, onePage } from '../hostile/raw-pdf';

const MB = 1024 * 1024;

describe('the decompressed-bytes cap', () => {
	it('reads the run of Flate filters a stream starts with', () => {
		expect(flateChain('<< /Length 10 /Filter /FlateDecode >>')).toBe(1);
		expect(flateChain('<< /Filter [/FlateDecode /FlateDecode] /Length 3 >>')).toBe(2);
		expect(flateChain('<< /Filter [ /Fl /Fl /Fl ] >>')).toBe(3);
		expect(flateChain('<< /Filter [/FlateDecode /DCTDecode] >>')).toBe(1);
		expect(flateChain('<< /Filter /DCTDecode >>')).toBe(0);
		expect(flateChain('<< /Filter [/ASCII85Decode /FlateDecode] >>')).toBe(0);
		expect(flateChain('<< /Length 5 >>')).toBe(0);
	});

	it('measures through every stage, and stops at the cap', async () => {
		const text = Buffer.from('Kotoutumisohjelma '.repeat(1000));
		expect(await inflatedSize(deflateSync(text), 1, MB)).toBe(text.length);
		expect(await inflatedSize(deflateSync(deflateSync(text)), 2, MB)).toBe(text.length);
		const bomb = deflateSync(await deflatedZeros(512 * MB));
		expect(bomb.length).toBeLessThan(4 * MB);
		expect(await inflatedSize(bomb, 2, 64 * MB)).toBe(64 * MB + 1);
		expect(await inflatedSize(Buffer.from('not deflate data'), 1, MB)).toBeNull();
	});

	it('finds the streams of a real PDF; none is near the cap; encrypted streams are left to pdf.js', async () => {
		const aura = readFileSync(AURA_FIXTURE);
		const streams = [...streamsOf(aura)];
		expect(streams.length).toBeGreaterThan(3);
		expect(streams.filter((s) => flateChain(s.dict) > 0).length).toBeGreaterThan(0);
		const largest = await largestInflated(aura, 256 * MB);
		expect(largest).toBeGreaterThan(0);
		expect(largest).toBeLessThan(MB);
		expect(await largestInflated(encryptPdf(aura), 256 * MB)).toBeLessThan(MB);
	});

	it('a double-deflate bomb in a page is over the cap', async () => {
		const pdf = onePage({ dict: '<< /Filter [/FlateDecode /FlateDecode] >>', stream: deflateSync(await deflatedZeros(512 * MB)) });
		expect(await largestInflated(pdf, 256 * MB)).toBe(256 * MB + 1);
	});
});

/**
 * Outcomes of the files read so far, kept on disk instead of in memory: the ingest's parent
 * process holds no programme while the readers work, so its memory does not grow with the
 * number of files. Each outcome is written as it arrives (v8 serialisation, length-prefixed,
 * appended to one file) and read back by its input position when the dataset is written.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';

export class OutcomeSpill<T> {
	private readonly fd: number;
	private end = 0;
	private readonly at = new Map<number, { offset: number; length: number }>();

	constructor(private readonly path: string) {
		this.fd = openSync(path, 'w+', 0o600);
	}

	put(index: number, value: T): void {
		const bytes = serialize(value);
		writeSync(this.fd, bytes, 0, bytes.length, this.end);
		this.at.set(index, { offset: this.end, length: bytes.length });
		this.end += bytes.length;
	}

	has(index: number): boolean {
		return this.at.has(index);
	}

	get(index: number): T {
		const where = this.at.get(index);
		if (!where) throw new Error(`no outcome stored for input ${index}`);
		const bytes = Buffer.allocUnsafe(where.length);
		for (let read = 0; read < where.length; ) read += readSync(this.fd, bytes, read, where.length - read, where.offset + read);
		return deserialize(bytes) as T;
	}

	close(): void {
		closeSync(this.fd);
		rmSync(this.path, { force: true });
	}
}

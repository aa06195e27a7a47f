/**
 * Seeded randomness for the demo corpus. Never Math.random: the same seed must give the same
 * corpus byte for byte.
 *
 * Streams are forked by label (`rng.fork('municipality:019')`), so each decision draws from its
 * own stream: changing how one municipality is written does not reshuffle every other one.
 */

/** cyrb128-style string hash → four 32-bit words (seed material for sfc32). */
function hash128(text: string): [number, number, number, number] {
	let h1 = 1779033703,
		h2 = 3144134277,
		h3 = 1013904242,
		h4 = 2773480762;
	for (let i = 0; i < text.length; i++) {
		const k = text.charCodeAt(i);
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
	}
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
	h1 ^= h2 ^ h3 ^ h4;
	h2 ^= h1;
	h3 ^= h1;
	h4 ^= h1;
	return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(readonly label: string) {
		[this.a, this.b, this.c, this.d] = hash128(label);
		// Warm up so that similar labels diverge.
		for (let i = 0; i < 15; i++) this.nextUint32();
	}

	/** A new independent stream, derived from this stream's label (not its state). */
	fork(sublabel: string): Rng {
		return new Rng(`${this.label}/${sublabel}`);
	}

	/** sfc32. */
	nextUint32(): number {
		this.a >>>= 0;
		this.b >>>= 0;
		this.c >>>= 0;
		this.d >>>= 0;
		let t = (this.a + this.b) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.d = (this.d + 1) | 0;
		t = (t + this.d) | 0;
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		return this.nextUint32() / 4294967296;
	}

	/** Integer in [min, max] inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error(`Rng.pick from an empty list (${this.label})`);
		return items[Math.floor(this.next() * items.length)];
	}

	/** Picks by weight; weights need not sum to 1. */
	weighted<T>(items: readonly (readonly [T, number])[]): T {
		const total = items.reduce((s, [, w]) => s + w, 0);
		let r = this.next() * total;
		for (const [item, w] of items) {
			r -= w;
			if (r < 0) return item;
		}
		return items[items.length - 1][0];
	}

	shuffle<T>(items: readonly T[]): T[] {
		const out = [...items];
		for (let i = out.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[out[i], out[j]] = [out[j], out[i]];
		}
		return out;
	}

	/** `n` distinct items in random order (all of them if there are fewer). */
	sample<T>(items: readonly T[], n: number): T[] {
		return this.shuffle(items).slice(0, Math.max(0, n));
	}
}

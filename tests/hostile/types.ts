/** The hostile suite's case descriptions, shared by the generator, the checks and the benchmark. */

export type HostileClass =
	| 'truncated'
	| 'bit-flipped'
	| 'random-bytes'
	| 'encrypted'
	| 'deflate-bomb'
	| 'reference-loop'
	| 'huge-field'
	| 'huge-page-tree'
	| 'javascript'
	| 'xfa'
	| 'nul-padding'
	| 'odd-name'
	| 'special-file'
	| 'dangling-symlink'
	| 'symlink-loop'
	| 'sparse'
	| 'misc';

/** What the ingest must make of an input. */
export type Expectation =
	/** Read as a programme; with `sameAnswersAs`, its answers equal that good file's (its dataset path). */
	| { kind: 'programme'; sameAnswersAs?: string }
	/** An error row with one of these codes; the reason must match `reason` and must not match `notReason`. */
	| { kind: 'error'; codes: readonly string[]; reason?: RegExp; notReason?: RegExp }
	/** Read as a programme, or stopped by a limit (decompressed bytes, memory, time): a file that costs much but is not broken. */
	| { kind: 'programme-or-limit' }
	/** The same bytes as an earlier input (a duplicate row). */
	| { kind: 'duplicate' }
	/** Anything, as long as it is exactly one verdict with a plain reason (e.g. bit flips). */
	| { kind: 'any' };

/** A hostile input as the generator describes it (the file itself is written by `make`). */
export interface CaseSpec {
	cls: HostileClass;
	/**
	 * The file name: `{t}` stands for the case's token, else the token comes first (`h012-<name>`);
	 * a Buffer (token first) for names that are not valid UTF-8.
	 */
	name: string | Buffer;
	/** Folder under `hostile/` (default: the class). */
	dir?: string;
	expect: Expectation;
	/** Part of the subset the normal test run ingests. */
	subset?: boolean;
	/** Given on the command line rather than found by the walk. */
	named?: boolean;
	/** Its bytes differ from run to run (why): left out of the determinism check. */
	varies?: string;
	/** Writes the entry at `path` (a Buffer when the name is not UTF-8); `token` is the case's token. */
	make: (path: string | Buffer, token: string) => void | Promise<void>;
}

/** A written case, as the manifest lists it. */
export interface HostileCase {
	/** `h` + three digits: unique, ASCII, at the start of the file name, so it survives any rendering of the name. */
	token: string;
	cls: HostileClass;
	/** Path relative to the mix root with `/` (what the dataset shows for a UTF-8 name). */
	file: string;
	/** True when the name is not valid UTF-8 (the dataset's rendering of it may differ from `file`). */
	rawName: boolean;
	/** The name holds control characters (terminal output must escape them). */
	controlChars: boolean;
	expect: Expectation;
	subset: boolean;
	named: boolean;
	varies: boolean;
}

export interface HostileManifest {
	/** Folder holding `good/` and `hostile/`: the ingest's --root. */
	root: string;
	/** Good files, paths relative to root. */
	good: string[];
	cases: HostileCase[];
	/** Absolute paths to give on the command line besides `good` and `hostile` (named cases). */
	named: string[];
}

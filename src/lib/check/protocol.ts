/**
 * What the check worker (./worker.ts) and the page say to each other. The file's bytes go to the
 * worker by transfer (never over the network); results come back as plain data.
 */
import type { CheckResult } from './run';

export type CheckStep = 'read' | 'open' | 'extract' | 'enrich' | 'record';
export const CHECK_STEPS: readonly CheckStep[] = ['read', 'open', 'extract', 'enrich', 'record'];

/** Why a file could not be checked: a ProgrammeReadError code, or `failed` for anything else. */
export type CheckErrorCode = 'not-pdf' | 'empty' | 'truncated' | 'encrypted' | 'no-form-fields' | 'xfa-only' | 'foreign-form' | 'unreadable' | 'failed';

export type CheckRequest = { type: 'check'; id: number; name: string; bytes: ArrayBuffer };

export type CheckResponse =
	| { type: 'progress'; id: number; step: CheckStep }
	| { type: 'done'; id: number; result: CheckResult }
	| { type: 'error'; id: number; code: CheckErrorCode; reason: string };

/**
 * The page's handle on the check worker: one worker, started on the first check, one check at a
 * time. The file is read here (File.arrayBuffer, local) and its bytes are transferred to the
 * worker; nothing is sent anywhere else.
 */
import type { CheckErrorCode, CheckResponse, CheckStep } from './protocol';
import type { CheckResult } from './run';

export class CheckFailure extends Error {
	constructor(
		readonly code: CheckErrorCode,
		readonly reason: string
	) {
		super(reason);
		this.name = 'CheckFailure';
	}
}

export interface CheckClient {
	check(file: Blob & { name: string }, onStep?: (step: CheckStep) => void): Promise<CheckResult>;
	terminate(): void;
}

export function createCheckClient(): CheckClient {
	let worker: Worker | null = null;
	let next = 1;
	let queue: Promise<unknown> = Promise.resolve();
	const start = () => (worker ??= new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }));

	const run = async (file: Blob & { name: string }, onStep?: (step: CheckStep) => void): Promise<CheckResult> => {
		onStep?.('read');
		const bytes = await file.arrayBuffer();
		const w = start();
		const id = next++;
		return new Promise<CheckResult>((resolve, reject) => {
			const onMessage = (event: MessageEvent<CheckResponse>) => {
				const msg = event.data;
				if (msg.id !== id) return;
				if (msg.type === 'progress') onStep?.(msg.step);
				else {
					w.removeEventListener('message', onMessage);
					w.removeEventListener('error', onError);
					if (msg.type === 'done') resolve(msg.result);
					else reject(new CheckFailure(msg.code, msg.reason));
				}
			};
			const onError = (e: ErrorEvent) => {
				w.removeEventListener('message', onMessage);
				w.removeEventListener('error', onError);
				worker?.terminate();
				worker = null;
				reject(new CheckFailure('failed', e.message || 'the check worker stopped'));
			};
			w.addEventListener('message', onMessage);
			w.addEventListener('error', onError);
			w.postMessage({ type: 'check', id, name: file.name, bytes }, [bytes]);
		});
	};

	return {
		check(file, onStep) {
			const result = queue.then(() => run(file, onStep));
			queue = result.catch(() => undefined);
			return result;
		},
		terminate() {
			worker?.terminate();
			worker = null;
		}
	};
}

/**
 * The search worker: fetches the search file (or takes answers) and builds the index, then
 * answers queries, so neither loading nor typing waits on the main thread. Messages are answered
 * in order (a search sent while the file loads waits for it).
 */
import { createSearchHandler, type SearchRequest, type SearchResponse } from './protocol';

interface WorkerScope {
	onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
	postMessage(message: SearchResponse): void;
}

const scope = self as unknown as WorkerScope;
const handle = createSearchHandler();
let queue: Promise<unknown> = Promise.resolve();
scope.onmessage = (event) => {
	queue = queue.then(async () => scope.postMessage(await handle(event.data)));
};

/**
 * The search worker: builds the index once from the answers it is sent, then answers queries,
 * so typing never waits for Fuse on the main thread.
 */
import { createSearchHandler, type SearchRequest, type SearchResponse } from './protocol';

interface WorkerScope {
	onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
	postMessage(message: SearchResponse): void;
}

const scope = self as unknown as WorkerScope;
const handle = createSearchHandler();
scope.onmessage = (event) => scope.postMessage(handle(event.data));

/**
 * Every SQL statement the pages run, one module per page, re-exported here so pages import
 * `$lib/db/queries`.
 *
 * Builders take the filter state and return a `Query` (SQL with `?` placeholders + values).
 * Pages run them in the browser through DuckDB-WASM; the prerender and the tests run the very
 * same Query objects in Node through @duckdb/node-api (see ../README.md). A page's queries form a
 * record (`overviewQueries(f)` …) that `runAll` runs; `loadX` adds the page's post-processing.
 */
export * from './scope';
export * from './run';
export * from './shared';
export * from './overview';
export * from './data';
export * from './gaps';
export * from './profile';
export * from './responsibilities';
export * from './languages';
export * from './cooperation';
export * from './area';
export * from './compare';
export * from './search';
export * from './changes';
// The service vocabulary lives in the dataset contract; the pages have always found it here too.
export { CLIENT_GROUP_IDS, EXPECTED_SERVICES, PROVIDER_KINDS, SERVICE_RESPONSIBLE_KEY, SERVICES } from '$lib/dataset/services';

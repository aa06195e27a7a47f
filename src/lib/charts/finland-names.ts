/** Names of the registered Finland map, split from ./finland.ts so importing them does not pull in the boundaries. */
export const FINLAND_MAP = 'finland-municipalities-2025';
export const FINLAND_NAME_PROPERTY = 'kunta';

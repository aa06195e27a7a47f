/** The UI languages. A module of its own with no imports, so data code can name a locale without the URL or message modules. */
export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fi';

/**
 * Every piece of UI text, in Finnish (the default), Swedish and English.
 *
 * Keys are grouped by prefix (`nav.`, `filter.`, `overview.`…). Data values have their own
 * groups (`grade.`, `inputKind.`, `arrangement.`, `part.`…) so pages never show a raw code.
 * Placeholders: `{name}` is replaced by a value; `{n:singular|plural}` picks a form by the
 * locale's plural rules, with `#` standing for the formatted number. Messages are plain text
 * (pages render them escaped), never HTML.
 *
 * One file per locale (fi.ts, sv.ts, en.ts). Adding a page: add its keys to `fi` first; TypeScript then requires them in `sv` and `en`,
 * and tests/unit/i18n-messages.test.ts checks placeholders agree.
 */

import { fi, type Messages } from './fi';
import { sv } from './sv';
import { en } from './en';

export { fi, sv, en };
export type { MessageKey, Messages } from './fi';

export const CATALOGUE: Record<'fi' | 'sv' | 'en', Messages> = { fi, sv, en };

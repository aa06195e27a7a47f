/**
 * PDF writers for the TEM 3.9.2024 form (isomorphic: no file I/O; fonts come in as bytes).
 *
 * - `renderForm`: the form itself, fillable (AcroForm fields named like the real form's) or flattened.
 * - `renderOwnTemplate`: a municipality's own document that follows the form's list of questions.
 */
export { SYNTHETIC_KEYWORD } from './types';
export type { FormFonts, PdfMetadata, FormRenderOptions, OwnTemplateOptions } from './types';
export { renderForm } from './render-form';
export { renderOwnTemplate } from './render-own';
export { SYNTHETIC_LINE } from './layout';
export { formList, partLabelFi, stripPartLabel, LIST_TITLE_FI, LIST_INSTRUCTION_FI } from './list';
export type { FormList, ListSection, ListPart, ListItem } from './list';

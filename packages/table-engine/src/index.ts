/** Pure table logic shared by server and web: field types, filter and sort trees, formulas, value normalisers. */
export * from './field-types.ts';
export * from './filter.ts';
export * from './formula/index.ts';
export * from './values/phone.ts';
export * from './values/text.ts';
export * from './date-ranges.ts';

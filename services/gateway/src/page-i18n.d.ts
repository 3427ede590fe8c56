/**
 * Types of the page's strings module (public/static/i18n.js, plain JavaScript served as is), which other parts of
 * the product (the CLI's report) import as `@rc/gateway/i18n` so that each label is written once.
 */
export type PageLanguage = 'en' | 'ru';
/** A string, or one form per Intl.PluralRules category. */
export type PageString = string | Record<string, string>;
export const LANGUAGES: PageLanguage[];
export const dictionary: Record<PageLanguage, Record<string, PageString>>;
export function format(template: string, values?: Record<string, unknown>): string;
export function translator(lang: string): (key: string, values?: Record<string, unknown>) => string;
export function hiddenTextLine(hidden: unknown, t: (key: string, values?: Record<string, unknown>) => string): string;
export function initialLanguage(saved: unknown, browserLanguages?: readonly string[]): PageLanguage;

/**
 * What the API keeps of control characters and broken UTF-16 in the text it accepts. PostgreSQL refuses U+0000 in
 * text and in jsonb (a resume with one answered 500), and lone surrogates are not text in any encoding; neither
 * carries meaning in a resume, so they are dropped instead of refusing a paste for an invisible character.
 */

// Without the u flag these patterns see UTF-16 code units, which is what finding an unpaired surrogate needs.
// Each lookaround reads one unit, so a pass is linear.
const DROPPED = /[\u0000-\u0008\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Vertical tab and form feed break lines (a form feed ends a page); dropping them would glue words together. */
const LINE_BREAKS = /[\u000B\u000C]/g;
const ANY = /[\u0000-\u0008\u000B-\u000C\u000E-\u001F\u007F\uD800-\uDFFF]/;

/**
 * `text` without C0 control characters other than tab, line feed and carriage return (vertical tab and form feed
 * become line feeds), without DEL, and without unpaired surrogates. Text with none of them comes back as it is.
 */
export function cleanUserText(text: string): string {
  if (!ANY.test(text)) return text;
  return text.replace(LINE_BREAKS, '\n').replace(DROPPED, '');
}

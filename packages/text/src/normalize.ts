/**
 * Whitespace normalisation of extracted text: one space between words, and two where the file had a run of them (the
 * gap between a job title and its dates on a PDF's line, the tags of hh.ru's key skills copied onto one line, which
 * the readers tell apart by it), line breaks kept, one blank line at most.
 */

const LIGATURES: Record<string, string> = { 'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi', 'ﬄ': 'ffl', 'ﬅ': 'st', 'ﬆ': 'st' };

export function normalizeText(input: string): string {
  const text = input
    .replace(/\u0000/g, '')
    .replace(/\r\n?|[\u2028\u2029\f\v]/g, '\n')
    // soft hyphens and zero-width characters split words invisibly
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u0001-\u0008\u000E-\u001F\u007F]/g, ' ')
    .replace(/[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[ﬀ-ﬆ]/g, (ch) => LIGATURES[ch] ?? ch)
    .normalize('NFC');
  const lines = text.split('\n').map((line) => line.replace(/ {3,}/g, '  ').trim());
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** Language of a text by script: Russian when Cyrillic letters make up a large share of its letters. */

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const RUSSIAN_SHARE = 0.35;

export function detectLanguage(text: string): 'ru' | 'en' {
  let cyrillic = 0;
  let latin = 0;
  for (const ch of text) {
    // ASCII and the Russian alphabet are told by their codes; the scripts' tables only for the rest
    const c = ch.charCodeAt(0);
    if (c < 128) {
      if ((c | 32) >= 97 && (c | 32) <= 122) latin++;
    } else if (c >= 0x410 && c <= 0x44f) cyrillic++;
    else if (CYRILLIC.test(ch)) cyrillic++;
    else if (LATIN.test(ch)) latin++;
  }
  // Russian resumes are full of Latin skill names (Python, Docker, PostgreSQL): a skills-heavy Russian paragraph
  // can have more Latin than Cyrillic letters. English resumes rarely carry Cyrillic beyond a name or an address,
  // so a third of the letters being Cyrillic already means Russian.
  const letters = cyrillic + latin;
  return letters > 0 && cyrillic / letters >= RUSSIAN_SHARE ? 'ru' : 'en';
}

/** Script of one word, for choosing its stemmer. */
export function scriptOf(word: string): 'ru' | 'en' {
  return CYRILLIC.test(word) ? 'ru' : 'en';
}

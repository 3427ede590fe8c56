/** Word tokens, stems and content terms of Russian and English text, with tech tokens (c++, .net, ci/cd) kept whole. */
// Namespace import: the package is CommonJS with an __esModule flag, so a default import breaks under some loaders.
import * as snowball from 'snowball-stemmers';
import { COMMON_SKILLS, SKILL_ALIASES } from './aliases.ts';
import { scriptOf } from './language.ts';
import { ENGLISH_STOPWORDS, FILLER_WORDS, RUSSIAN_STOPWORDS } from './stopwords.ts';

export interface TokenSpan {
  /** Lowercased token, ё folded to е. */
  token: string;
  start: number;
  end: number;
}

export interface TermSpan {
  term: string;
  /** The words of the original text the term came from, as written. */
  text: string;
  start: number;
  end: number;
}

// A run of letters/digits, optionally joined by . - / ' (node.js, ci/cd, front-end, bachelor's), with an optional
// leading dot (.net) and trailing ++, + or # (c++, c#, f#).
const TOKEN_RE = /\.?[\p{L}\p{N}]+(?:[.\-/'’][\p{L}\p{N}]+)*(?:\+\+|\+|#)?/gu;

/** Slash-joined pairs that name one thing; any other a/b is two tokens (Hibernate/JPA). */
const SLASH_COMPOUNDS = new Set(['ci/cd', 'tcp/ip', 'ui/ux', 'pl/sql', 'a/b', 'i/o', 'b2b/b2c']);

const stemmers = {
  ru: snowball.newStemmer('russian'),
  en: snowball.newStemmer('english'),
};
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;
/** Longer words are stemmed every time: 50,000 cached 100,000-letter words from hostile texts would hold 10 GB. */
const STEM_CACHE_MAX_WORD = 64;

/** Snowball stem of one lowercase word. */
export function stem(word: string, lang: 'ru' | 'en'): string {
  const key = lang + word;
  const cached = stemCache.get(key);
  if (cached !== undefined) return cached;
  const result = stemmers[lang].stem(word);
  if (word.length > STEM_CACHE_MAX_WORD) return result;
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(key, result);
  return result;
}

function fold(word: string): string {
  return word.toLowerCase().replaceAll('ё', 'е').replaceAll('’', "'");
}

function pushParts(out: TokenSpan[], raw: string, start: number, separator: RegExp): void {
  let offset = 0;
  for (const part of raw.split(separator)) {
    if (part) out.push({ token: part, start: start + offset, end: start + offset + part.length });
    offset += part.length + 1;
  }
}

/** Tokens with their offsets in the text. */
export function tokenSpans(text: string): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const match of text.matchAll(TOKEN_RE)) {
    let start = match.index;
    let raw = fold(match[0]);
    if (raw.startsWith('.') && !raw.startsWith('.net')) {
      raw = raw.slice(1);
      start += 1;
    }
    // bachelor's → bachelor; don't → dont (a stopword either way)
    raw = raw.replace(/'s$/, '').replaceAll("'", '');
    if (/^1[сc]$/.test(raw)) raw = '1c';
    if (raw.includes('-')) {
      // front-end, объектно-ориентированный: parts match the spaced spelling
      const parts = raw.split('-');
      if (parts.every((p) => !p.includes('/'))) {
        pushParts(out, raw, start, /-/);
        continue;
      }
    }
    if (raw.includes('/') && !SLASH_COMPOUNDS.has(raw)) {
      pushParts(out, raw, start, /[/-]/);
      continue;
    }
    // A trailing dot belongs to the sentence, not the token.
    while (raw.endsWith('.')) raw = raw.slice(0, -1);
    if (raw) out.push({ token: raw, start, end: start + raw.length });
  }
  return out;
}

/** Lowercase word tokens, tech tokens kept whole: "C++, .NET и Node.js" → ["c++", ".net", "и", "node.js"]. */
export function tokenize(text: string): string[] {
  return tokenSpans(text).map((t) => t.token);
}

/** The key a token is looked up by in the alias table: Cyrillic words by stem, so inflections match. */
function aliasKey(token: string): string {
  return scriptOf(token) === 'ru' && /^\p{L}+$/u.test(token) ? stem(token, 'ru') : token;
}

const UNIGRAM_ALIASES = new Map<string, string>();
const BIGRAM_ALIASES = new Map<string, string>();
for (const [canonical, names] of Object.entries(SKILL_ALIASES)) {
  for (const name of names) {
    const parts = tokenize(name).map(aliasKey);
    if (parts.length === 1) UNIGRAM_ALIASES.set(parts[0]!, canonical);
    else if (parts.length === 2) BIGRAM_ALIASES.set(parts.join(' '), canonical);
  }
}

const FILLER_STEMS = new Set([
  ...FILLER_WORDS.en.map((w) => stem(w, 'en')),
  ...FILLER_WORDS.ru.map((w) => stem(fold(w), 'ru')),
]);

const KEEP_SINGLE = new Set(['c', 'r']);

function isStopword(token: string): boolean {
  return ENGLISH_STOPWORDS.has(token) || RUSSIAN_STOPWORDS.has(token);
}

/** Content terms with where they came from: stemmed, stopwords and filler removed, skill aliases canonicalised. */
export function termSpans(text: string): TermSpan[] {
  const tokens = tokenSpans(text);
  const out: TermSpan[] = [];
  const span = (term: string, start: number, end: number): TermSpan => ({ term, text: text.slice(start, end), start, end });
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (isStopword(tok.token)) continue;
    const next = tokens[i + 1];
    const key = aliasKey(tok.token);
    // Only words separated by whitespace or a hyphen form a phrase ("machine learning", not "machine. Learning").
    if (next && /^[\s-]+$/.test(text.slice(tok.end, next.start))) {
      const phrase = BIGRAM_ALIASES.get(`${key} ${aliasKey(next.token)}`);
      if (phrase) {
        out.push(span(phrase, tok.start, next.end));
        i++;
        continue;
      }
    }
    const alias = UNIGRAM_ALIASES.get(key);
    if (alias) {
      out.push(span(alias, tok.start, tok.end));
      continue;
    }
    const word = tok.token;
    if (/^[\p{N}.,+]+$/u.test(word)) continue; // bare numbers and versions say nothing on their own
    if (word.length === 1 && !KEEP_SINGLE.has(word)) continue;
    if (!/^\p{L}+$/u.test(word)) {
      // c++, ci/cd, node.js, html5: stemming would mangle them
      const jsBase = /^([\p{L}]+)\.js$/u.exec(word);
      out.push(span(jsBase ? (UNIGRAM_ALIASES.get(jsBase[1]!) ?? jsBase[1]!) : word, tok.start, tok.end));
      continue;
    }
    const stemmed = stem(word, scriptOf(word));
    if (FILLER_STEMS.has(stemmed)) continue;
    out.push(span(stemmed, tok.start, tok.end));
  }
  return out;
}

/** Stemmed content terms of a text (see termSpans). */
export function terms(text: string): string[] {
  return termSpans(text).map((t) => t.term);
}

/** Terms that name a skill: the canonical aliases and the common skills, as terms() writes them. */
export const SKILL_TERMS: ReadonlySet<string> = new Set([...Object.keys(SKILL_ALIASES), ...COMMON_SKILLS.flatMap(terms)]);

/** Word tokens, stems and content terms of Russian and English text, with tech tokens (c++, .net, ci/cd) kept whole. */
// Namespace import: the package is CommonJS with an __esModule flag, so a default import breaks under some loaders.
import * as snowball from 'snowball-stemmers';
import { COMMON_SKILLS, SKILL_ALIASES } from './aliases.ts';
import { scriptOf } from './language.ts';
import { ENGLISH_STOPWORDS, FILLER_WORDS, RUSSIAN_STOPWORDS } from './stopwords.ts';
import { wordCache } from './recent.ts';

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
/**
 * English verbs whose past tense the stemmer cannot bring to the present: a resume says "led a team", "ran usability
 * sessions", "built", "wrote", where a posting asks to "lead", "run", "build", "write".
 */
const IRREGULAR_EN = new Map(
  `led:lead ran:run built:build wrote:write written:write taught:teach sold:sell bought:buy made:make brought:bring
  began:begin begun:begin drove:drive driven:drive spoke:speak spoken:speak thought:think grew:grow grown:grow won:win
  kept:keep held:hold met:meet chose:choose chosen:choose drew:draw drawn:draw undertook:undertake oversaw:oversee
  overseen:oversee rebuilt:rebuild rewrote:rewrite rewritten:rewrite took:take taken:take gave:give given:give
  understood:understand`
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);
/**
 * A field's name in «-логия» (психология, технологии, кардиологией): Snowball leaves it the stem of its practitioner
 * («психолог», «технолог»), so a textbook editor's «психология, педагогика» would read as the psychologist a posting
 * asks for. The field keeps its «-ия» apart; the practitioner's own forms (психологи, психологам) are untouched.
 */
const FIELD_IN_LOGY = /логи(?:я|и|ю|ей|й|ям|ями|ях)$/;
const stems = {
  ru: wordCache((word) => {
    const s = stemmers.ru.stem(word);
    return FIELD_IN_LOGY.test(word) && s.endsWith('лог') ? `${s}ия` : s;
  }),
  en: wordCache((word) => stemmers.en.stem(IRREGULAR_EN.get(word) ?? word)),
};

/** Snowball stem of one lowercase word. */
export function stem(word: string, lang: 'ru' | 'en'): string {
  return stems[lang](word);
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

/** The tokens one match of TOKEN_RE makes, with offsets from the match's start. */
function tokensOfMatch(match: string): TokenSpan[] {
  const out: TokenSpan[] = [];
  let start = 0;
  let raw = fold(match);
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
      return out;
    }
  }
  if (raw.includes('/') && !SLASH_COMPOUNDS.has(raw)) {
    pushParts(out, raw, start, /[/-]/);
    return out;
  }
  // A trailing dot belongs to the sentence, not the token.
  while (raw.endsWith('.')) raw = raw.slice(0, -1);
  if (raw) out.push({ token: raw, start, end: start + raw.length });
  return out;
}

/** Tokens of words seen before: the same words come back in every text. */
const cachedTokensOfMatch = wordCache(tokensOfMatch);

/** Tokens with their offsets in the text. */
export function tokenSpans(text: string): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const match of text.matchAll(TOKEN_RE)) {
    for (const t of cachedTokensOfMatch(match[0])) out.push({ token: t.token, start: match.index + t.start, end: match.index + t.end });
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

/** The first words of the two-word aliases: only after one of them is the next word read for a phrase. */
const BIGRAM_FIRST = new Set([...BIGRAM_ALIASES.keys()].map((k) => k.split(' ')[0]!));

/** What a token says on its own: whether it is a stopword, its alias key, and its term (null: it is left out). */
interface TokenReading {
  stopword: boolean;
  key: string;
  term: string | null;
}

function readToken(word: string): TokenReading {
  if (isStopword(word)) return { stopword: true, key: word, term: null };
  const key = aliasKey(word);
  const alias = UNIGRAM_ALIASES.get(key);
  if (alias) return { stopword: false, key, term: alias };
  // bare numbers and versions say nothing on their own
  if (/^[\p{N}.,+]+$/u.test(word)) return { stopword: false, key, term: null };
  if (word.length === 1 && !KEEP_SINGLE.has(word)) return { stopword: false, key, term: null };
  if (!/^\p{L}+$/u.test(word)) {
    // c++, ci/cd, node.js, html5: stemming would mangle them
    const jsBase = /^([\p{L}]+)\.js$/u.exec(word);
    return { stopword: false, key, term: jsBase ? (UNIGRAM_ALIASES.get(jsBase[1]!) ?? jsBase[1]!) : word };
  }
  const stemmed = stem(word, scriptOf(word));
  return { stopword: false, key, term: FILLER_STEMS.has(stemmed) ? null : stemmed };
}

/** Readings of tokens seen before: the same words come back in every text. */
const tokenReading = wordCache(readToken);

/** Each content term of a text with its offsets, in order (see termSpans). */
function eachTerm(text: string, visit: (term: string, start: number, end: number) => void): void {
  const tokens = tokenSpans(text);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const reading = tokenReading(tok.token);
    if (reading.stopword) continue;
    const next = tokens[i + 1];
    // Only words separated by whitespace or a hyphen form a phrase ("machine learning", not "machine. Learning").
    if (next && BIGRAM_FIRST.has(reading.key) && /^[\s-]+$/.test(text.slice(tok.end, next.start))) {
      const phrase = BIGRAM_ALIASES.get(`${reading.key} ${aliasKey(next.token)}`);
      if (phrase) {
        visit(phrase, tok.start, next.end);
        i++;
        continue;
      }
    }
    if (reading.term !== null) visit(reading.term, tok.start, tok.end);
  }
}

/** Content terms with where they came from: stemmed, stopwords and filler removed, skill aliases canonicalised. */
export function termSpans(text: string): TermSpan[] {
  const out: TermSpan[] = [];
  eachTerm(text, (term, start, end) => out.push({ term, text: text.slice(start, end), start, end }));
  return out;
}

/** Stemmed content terms of a text (see termSpans). */
export function terms(text: string): string[] {
  const out: string[] = [];
  eachTerm(text, (term) => out.push(term));
  return out;
}

/** Terms that name a skill: the canonical aliases and the common skills, as terms() writes them. */
export const SKILL_TERMS: ReadonlySet<string> = new Set([...Object.keys(SKILL_ALIASES), ...COMMON_SKILLS.flatMap(terms)]);

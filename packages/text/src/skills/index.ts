/**
 * The skill vocabulary (vocabulary.json, built by scripts/build-skill-vocabulary.mjs) and a matcher that finds its
 * skills in any text by a token-level dictionary walk: linear in the text, whatever the vocabulary's size.
 */
import { stem } from '../tokens.ts';
import { wordCache } from '../recent.ts';
import vocabulary from './vocabulary.json' with { type: 'json' };

export interface Skill {
  id: string;
  /** Display name (English where the skill has one). */
  name: string;
  field: string;
  /** Names matched in any letter case, by stem. */
  names: string[];
  /** Names matched only as written: they are also everyday words ("Go", "Spring", "РД"). */
  cased?: string[];
  /**
   * A credential under its own name (CCNA, NEBOSH, Series 7, a PE licence): a line that names it names a licence in any
   * language.
   */
  credential?: boolean;
  /** ESCO concept the skill is linked to, where there is one. */
  esco?: string;
}

export interface SkillMatch {
  id: string;
  start: number;
  end: number;
}

export const SKILLS: readonly Skill[] = (vocabulary as { skills: Skill[] }).skills;
const BY_ID = new Map(SKILLS.map((s) => [s.id, s]));

export function skillById(id: string): Skill | undefined {
  return BY_ID.get(id);
}

interface Token {
  key: string;
  raw: string;
  start: number;
  end: number;
  /** The token is joined to the one before by at most spaces or a hyphen on one line, so a name may run on. */
  joined: boolean;
}

/** Punctuation that can be part of a skill's name: C++, C#, .NET, Node.js, CI/CD, 1С:ЗУП, C&B, driver's. */
const NAME_PUNCTUATION = new Set(['+', '#', '.', '/', ':', '&', "'"]);
/** A word longer than this is not stemmed: no skill name is that long, and it bounds the stemmer's work. */
const STEM_LIMIT = 30;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHAR.test(text[i]!);
}

function wordKey(raw: string): string {
  let word = raw.toLowerCase().replaceAll('ё', 'е');
  // "1C" typed with a Latin C is the same product as "1С"
  if (word === '1c') word = '1с';
  if (word.length > STEM_LIMIT) return word;
  // English words lose only a plural -s: Snowball would fold "sources" into "sourcing" and "excellent" into "Excel"
  if (/^[a-z]+$/.test(word)) return word.length >= 4 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word) ? (word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.slice(0, -1)) : word;
  if (/^[а-я]+$/.test(word)) return stem(word, 'ru');
  return word;
}

/**
 * A line break inside a sentence, as a PDF or a narrow text box leaves it ("handled 20k requests per⏎second"): one
 * break right after a word, and the next line going on in lower case. A name may run across it; a list's next item
 * (a capital, a bullet, a blank line) still ends one.
 */
function wrapsOn(text: string, i: number): boolean {
  if (i === 0 || !isWordChar(text, i - 1)) return false;
  let j = i + 1;
  if (text[i] === '\r' && text[j] === '\n') j++;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  return j < text.length && /\p{Ll}/u.test(text[j]!);
}

/** Keys of words read before: a text's words are mostly ones read many times, and a key costs regexes and a stem. */
const cachedWordKey = wordCache(wordKey, STEM_LIMIT);

/** Tokens for matching, read one at a time: words (keyed by stem) and name punctuation; anything else breaks a name. */
class TokenReader {
  private i = 0;
  private joined = false;
  constructor(private readonly text: string) {}

  next(): Token | undefined {
    const text = this.text;
    while (this.i < text.length) {
      const i = this.i;
      if (isWordChar(text, i)) {
        let end = i + 1;
        while (end < text.length && isWordChar(text, end)) end++;
        const raw = text.slice(i, end);
        const token = { key: cachedWordKey(raw), raw, start: i, end, joined: this.joined };
        this.i = end;
        this.joined = true;
        return token;
      }
      this.i = i + 1;
      const ch = text[i]!;
      if (ch === ' ' || ch === '\t' || ch === '-' || ch === '\u00a0' || ch === '\u2010') continue;
      const punct = ch === '’' ? "'" : ch;
      if (NAME_PUNCTUATION.has(punct)) {
        const token = { key: punct, raw: punct, start: i, end: i + 1, joined: this.joined };
        this.joined = true;
        return token;
      }
      if (this.joined && (ch === '\n' || ch === '\r') && wrapsOn(text, i)) {
        if (ch === '\r' && text[i + 1] === '\n') this.i = i + 2;
        continue;
      }
      this.joined = false;
    }
    return undefined;
  }
}

export function matchTokens(text: string): Token[] {
  const reader = new TokenReader(text);
  const out: Token[] = [];
  for (let t = reader.next(); t; t = reader.next()) out.push(t);
  return out;
}

interface Entry {
  id: string;
  /** For a cased name: the words as they must be written. */
  cased?: string[];
}

interface Node {
  next: Map<string, Node>;
  entries: Entry[];
}

const newNode = (): Node => ({ next: new Map(), entries: [] });
const ROOT = newNode();
let MAX_DEPTH = 1;

function addName(name: string, entry: Entry): void {
  const tokens = matchTokens(name);
  if (tokens.length === 0) return;
  let node = ROOT;
  for (const t of tokens) {
    let child = node.next.get(t.key);
    if (!child) node.next.set(t.key, (child = newNode()));
    node = child;
  }
  node.entries.push(entry.cased ? { ...entry, cased: tokens.map((t) => t.raw) } : entry);
  MAX_DEPTH = Math.max(MAX_DEPTH, tokens.length);
}

for (const skill of SKILLS) {
  for (const name of skill.names) addName(name, { id: skill.id });
  for (const name of skill.cased ?? []) addName(name, { id: skill.id, cased: [] });
}

function accepts(entry: Entry, tokens: Token[], from: number): boolean {
  return !entry.cased || entry.cased.every((raw, k) => tokens[from + k]!.raw === raw);
}

/**
 * The vocabulary's skills named in a text, leftmost-longest and not overlapping: "Spring Boot" is one match, and
 * "Java" in "JavaScript" is none. Names never run across a comma, nor across a line break other than a wrap inside
 * a sentence (the next line going on in lower case).
 */
export function findSkills(text: string): SkillMatch[] {
  // Tokens are read as the walk needs them and dropped behind it, so a long text never holds them all at once.
  const reader = new TokenReader(text);
  const window: Token[] = [];
  let ended = false;
  const at = (k: number): Token | undefined => {
    while (window.length <= k && !ended) {
      const next = reader.next();
      if (next) window.push(next);
      else ended = true;
    }
    return window[k];
  };
  const out: SkillMatch[] = [];
  while (at(0)) {
    let node: Node | undefined = ROOT;
    let best: { id: string; last: number } | null = null;
    for (let j = 0; j < MAX_DEPTH; j++) {
      const token = at(j);
      if (!token || (j > 0 && !token.joined)) break;
      node = node.next.get(token.key);
      if (!node) break;
      for (const entry of node.entries) {
        if (!accepts(entry, window, 0)) continue;
        best = { id: entry.id, last: j };
        break;
      }
    }
    if (best) {
      // A match ending on punctuation that belongs to the sentence ("Java." or "SQL:") keeps only the words.
      let last = best.last;
      while (last > 0 && !/[\p{L}\p{N}+#]/u.test(window[last]!.raw)) last--;
      const match = { id: best.id, start: window[0]!.start, end: window[last]!.end };
      // "C" listed after a driving category is the next category, not the language: «категории B или C», "B, C"
      const prev = out[out.length - 1];
      if (match.id === 'c' && prev?.id.startsWith('driving_') && CATEGORY_GAP.test(text.slice(prev.end, match.start))) match.id = 'driving_c';
      out.push(match);
      window.splice(0, best.last + 1);
    } else window.shift();
  }
  return out;
}

/** What stands between two driving categories of one list: «B, C», «B или C», "B or C", "B/C". */
const CATEGORY_GAP = /^\s{0,2}(?:,|\/|и|или|либо|or|and|&)\s{0,2}$/iu;

/**
 * Skills a text shows by what it says was done rather than by a name: a monolith split into services is microservice
 * work ("Split a 600k-line settlement monolith into eleven services", «распилили монолит на 12 сервисов»). Each
 * pattern opens with a fixed word and spans at most a clause, so the scan stays linear in the text.
 */
const IMPLIED: ReadonlyArray<{ id: string; re: RegExp }> = [
  { id: 'microservices', re: /\bmonoliths?\b[^.;\n]{0,60}?\b(?:into|to)\b[^.;\n]{0,30}?\b(?:micro-?)?services\b/iu },
  { id: 'microservices', re: /\b(?:decompos|break|broke|split|splitting|carv)\w{0,8}\s+(?:up\s+)?(?:\S+\s+){0,3}?monoliths?\b/iu },
  { id: 'microservices', re: /\bmonolith\s+decomposition\b/iu },
  { id: 'microservices', re: /(?:^|[^\p{L}])монолит\p{L}{0,3}[^.;\n]{0,60}?\sна\s(?:[^.;\n\s]+\s){0,3}?(?:микро)?сервис/iu },
  { id: 'microservices', re: /(?:^|[^\p{L}])(?:распил|разбил|разбива|раздел|декомпоз)\p{L}{0,8}\s+(?:[^.;\n\s]+\s){0,2}?монолит/iu },
];

/**
 * A microcontroller named by its part number ("STM32F407", "nRF52840", "ESP32-S3", «К1986ВЕ92»): the family's name
 * runs on into the part, so no name of the vocabulary matches it as a word.
 */
const MCU_PART_RE = /(?<![\p{L}\p{N}])(?:STM32|STM8|nRF5\d|nRF91|ESP32|ESP8266|ATmega|ATtiny|ATSAM|SAM[DE]\d|PIC(?:1[0-8]|2[0-9]|32)|MSP430|RP2040|EFR32|GD32|К1986|MDR32|CH32V?|LPC\d{2})[\p{L}\p{N}]{0,12}/u;

export function impliedSkills(text: string): string[] {
  const out = /monolith|монолит/iu.test(text) ? IMPLIED.filter((p) => p.re.test(text)).map((p) => p.id) : [];
  if (MCU_PART_RE.test(text)) out.push('mcu');
  return [...new Set(out)];
}

/** Distinct skill ids named in a text, in order of first mention. */
export function skillIds(text: string): string[] {
  return [...new Set(findSkills(text).map((m) => m.id))];
}

/**
 * A posting's reading, stored with a saved vacancy so that rankings need not read it again: what the requirement
 * matching takes from the posting (its rows and their terms, the title, the skills it names), as JSON, with the
 * version of the code that read it and a fingerprint of the text it was read from. Reading a posting is most of an
 * estimate's cost (about 2.5 ms of 2.7 ms a pair); with the reading stored, the estimate is the matching alone.
 *
 * The version is a hash of the reading code and its data (this package and @rc/text: the posting reader, the skill
 * vocabulary, the terms), so any change to them makes every stored reading stale, and stale ones are read afresh.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TEXT_CODE_DIR } from '@rc/text';

const CODE_FILE = /\.(?:ts|js|mjs|json|txt)$/;
const NOT_CODE = /\.test\.|\.d\.ts$/;

function codeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === 'testing') continue;
    const path = `${dir}/${name}`;
    if (statSync(path).isDirectory()) out.push(...codeFiles(path));
    else if (CODE_FILE.test(name) && !NOT_CODE.test(name)) out.push(path);
  }
  return out;
}

let version: string | undefined;

/** The reading code's version: a hash of the files of this package and @rc/text that read a posting. */
export function readingVersion(): string {
  if (version === undefined) {
    const hash = createHash('sha256');
    for (const dir of [fileURLToPath(new URL('.', import.meta.url)), fileURLToPath(TEXT_CODE_DIR)]) {
      for (const file of codeFiles(dir.replace(/\/$/, ''))) {
        hash.update(file.slice(dir.length));
        hash.update('\0');
        hash.update(readFileSync(file));
        hash.update('\0');
      }
    }
    version = hash.digest('hex').slice(0, 16);
  }
  return version;
}

/** A fingerprint of a text (FNV-1a over its UTF-16 units, and its length): a reading of another text is not used. */
export function textFingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}:${h.toString(16)}`;
}

interface Stored<T> {
  version: string;
  text: string;
  reading: T;
}

/** The stored form of a reading of `text`. */
export function storeReading<T>(text: string, reading: T): string {
  const stored: Stored<T> = { version: readingVersion(), text: textFingerprint(text), reading };
  return JSON.stringify(stored);
}

/** The reading stored for `text`, or null when it was made by other code, of another text, or is not a reading. */
export function loadReading<T>(text: string, stored: string): T | null {
  let parsed: Partial<Stored<T>>;
  try {
    parsed = JSON.parse(stored) as Partial<Stored<T>>;
  } catch {
    return null;
  }
  if (parsed?.version !== readingVersion() || parsed.text !== textFingerprint(text) || typeof parsed.reading !== 'object' || parsed.reading === null) return null;
  return parsed.reading;
}

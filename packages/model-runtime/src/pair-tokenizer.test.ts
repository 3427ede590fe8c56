import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Tokenizer } from '@huggingface/tokenizers';
import { seededRandom } from '@rc/testing/screening';
import { PairTokenizer } from './pair-tokenizer.ts';

// The shipped model's tokenizer (tokenizer.json, Unigram with the XLM-R normalizer).
const modelDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/resume-fit');

// Words and separators that stress the normalizer: Cyrillic, accents written with combining marks, full-width and
// ligature characters that NFKC rewrites, no-break and ideographic spaces, tabs, runs of line breaks, emoji, control
// characters.
const WORDS = [
  'Python', 'developer', 'Kubernetes', 'PostgreSQL', 'CI/CD', 'e.g.', '5+', 'years', '(remote)', 'TypeScript,',
  'разработчик', 'опыт', 'работы', 'бухгалтер', '1С:Предприятие', 'ё-моё', 'Москва;', 'обязанности:',
  'café', 'cafe\u0301', '<mask>', '<s>', '＜/s＞', 'a<b', '▁', '__init__', 'naïve', 'ﬁnance', 'ＡＰＩ', '①', 'x²', '—', '•', '–', '…', '🙂', 'C#', '.NET', 'Node.js',
];
const SEPARATORS = [' ', ' ', ' ', ' ', '  ', '\n', '\n\n', '\t', '\u00a0', '\u3000', ' \u0301', '\r\n', '\u0007', ' • ', '\n- '];

function text(rand: () => number, words: number): string {
  let out = '';
  for (let i = 0; i < words; i++) {
    out += WORDS[Math.floor(rand() * WORDS.length)]!;
    out += SEPARATORS[Math.floor(rand() * SEPARATORS.length)]!;
  }
  return out;
}

describe('PairTokenizer.pairHead', () => {
  const tok = new PairTokenizer(modelDir, 256, 'longest_first');

  it('builds the same model input as tokenizing both texts whole, for short, long and odd texts', () => {
    const rand = seededRandom(7);
    const lengths = [0, 1, 3, 20, 60, 120, 126, 127, 130, 200, 260, 400, 900, 2500];
    let cut = 0;
    for (let i = 0; i < 160; i++) {
      const a = text(rand, lengths[Math.floor(rand() * lengths.length)]!);
      const b = text(rand, lengths[Math.floor(rand() * lengths.length)]!);
      const whole = tok.pair(a, b);
      const head = tok.pairHead(a, b);
      expect(head.inputIds, `pair ${i}`).toEqual(whole.inputIds);
      expect(head.typeIds).toEqual(whole.typeIds);
      if (whole.truncatedSecond === 0) expect(head.truncatedSecond).toBe(0);
      else {
        cut++;
        expect(head.truncatedSecond).toBeGreaterThanOrEqual(1);
        expect(head.truncatedSecond).toBeLessThanOrEqual(whole.truncatedSecond);
      }
    }
    expect(cut).toBeGreaterThan(20);
  });

  it('gives the first tokens of a text, and says whether that is all of it', () => {
    const rand = seededRandom(11);
    for (let i = 0; i < 40; i++) {
      const t = text(rand, 50 + Math.floor(rand() * 1500));
      const all = tok.ids(t);
      for (const limit of [1, 126, 252]) {
        const head = tok.headIds(t, limit);
        expect(head.ids).toEqual(all.slice(0, limit));
        expect(head.whole).toBe(all.length <= limit);
        expect(tok.headIds(t, limit)).toBe(head); // the second call is served from the recent texts
      }
    }
  });
});

describe('PairTokenizer.ids', () => {
  it('gives the ids of the tokenizer run on the whole text, word by word or not', () => {
    const json = JSON.parse(readFileSync(join(modelDir, 'tokenizer.json'), 'utf8'));
    const config = JSON.parse(readFileSync(join(modelDir, 'tokenizer_config.json'), 'utf8'));
    const whole = new Tokenizer(json, config);
    const tok = new PairTokenizer(modelDir, 256, 'longest_first');
    const rand = seededRandom(3);
    for (let i = 0; i < 300; i++) {
      const t = text(rand, Math.floor(rand() * 300));
      expect(tok.ids(t), JSON.stringify(t)).toEqual(whole.encode(t, { add_special_tokens: false }).ids);
    }
    // again, now that the words are known
    const again = seededRandom(3);
    for (let i = 0; i < 50; i++) {
      const t = text(again, Math.floor(again() * 300));
      expect(tok.ids(t)).toEqual(whole.encode(t, { add_special_tokens: false }).ids);
    }
  });
});

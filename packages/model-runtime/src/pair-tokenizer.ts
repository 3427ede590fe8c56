/**
 * Tokenizes (vacancy, resume) pairs exactly as the model was trained: the model's tokenizer.json, the pair template of
 * its post-processor (BERT, RoBERTa/XLM-R or a TemplateProcessing), and Hugging Face's truncation strategies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { RecentTexts } from '@rc/text';

export type Truncation = 'longest_first' | 'only_second';

export interface EncodedPair {
  inputIds: number[];
  typeIds: number[];
  /** Tokens of the second text that did not fit (0 when nothing was cut). */
  truncatedSecond: number;
}

type Piece = { special: number[]; typeId: number } | { seq: 'A' | 'B'; typeId: number };

function readTemplate(post: Record<string, unknown> | null, vocab: (t: string) => number): Piece[] {
  if (!post) throw new Error('tokenizer.json has no post_processor; cannot build pairs');
  const type = post.type as string;
  if (type === 'TemplateProcessing') {
    const specials = post.special_tokens as Record<string, { ids: number[] }>;
    return (post.pair as Array<Record<string, { id: string; type_id: number }>>).map((p) =>
      p.SpecialToken ? { special: specials[p.SpecialToken.id]!.ids, typeId: p.SpecialToken.type_id } : { seq: p.Sequence!.id as 'A' | 'B', typeId: p.Sequence!.type_id },
    );
  }
  if (type === 'BertProcessing' || type === 'RobertaProcessing') {
    const [, clsId] = post.cls as [string, number];
    const [, sepId] = post.sep as [string, number];
    const bert = type === 'BertProcessing';
    return [
      { special: [clsId], typeId: 0 },
      { seq: 'A', typeId: 0 },
      { special: [sepId], typeId: 0 },
      ...(bert ? [] : [{ special: [sepId], typeId: 0 }]),
      { seq: 'B', typeId: bert ? 1 : 0 },
      { special: [sepId], typeId: bert ? 1 : 0 },
    ];
  }
  if (type === 'Sequence') {
    const inner = (post.processors as Array<Record<string, unknown>>).find((p) => ['TemplateProcessing', 'BertProcessing', 'RobertaProcessing'].includes(p.type as string));
    return readTemplate(inner ?? null, vocab);
  }
  throw new Error(`unsupported post-processor ${type}`);
}

export class PairTokenizer {
  private readonly tokenizer: Tokenizer;
  private readonly template: Piece[];
  readonly specialCount: number;
  readonly padId: number;
  /** Set when words can be tokenized one at a time (a Metaspace pre-tokenizer over a Unigram model). */
  private readonly byWord: { separator: string } | null;

  constructor(
    modelDir: string,
    readonly maxLength: number,
    readonly truncation: Truncation = 'longest_first',
  ) {
    const json = JSON.parse(readFileSync(join(modelDir, 'tokenizer.json'), 'utf8')) as Record<string, unknown>;
    const config = JSON.parse(readFileSync(join(modelDir, 'tokenizer_config.json'), 'utf8')) as Record<string, unknown>;
    this.tokenizer = new Tokenizer(json, config);
    this.template = readTemplate(json.post_processor as Record<string, unknown> | null, (t) => this.tokenizer.token_to_id(t) ?? 0);
    this.specialCount = this.template.reduce((n, p) => n + ('special' in p ? p.special.length : 0), 0);
    const pre = json.pre_tokenizer as { type?: string; replacement?: string } | null;
    const model = json.model as { type?: string; vocab?: Array<[string, number]> } | null;
    const flags = this.tokenizer as unknown as { remove_space?: boolean; do_lowercase_and_remove_accent?: boolean };
    const separator = pre?.replacement ?? '\u2581';
    const pieces = model?.vocab ?? [];
    this.byWord =
      pre?.type === 'Metaspace' &&
      model?.type === 'Unigram' &&
      !flags.remove_space &&
      !flags.do_lowercase_and_remove_accent &&
      !pieces.some(([piece]) => piece.indexOf(separator, 1) > 0)
        ? { separator }
        : null;
    const pad = (config.pad_token as string | undefined) ?? '[PAD]';
    this.padId = this.tokenizer.token_to_id(pad) ?? 0;
  }

  /**
   * Token ids of a text without special tokens. For a Metaspace pre-tokenizer (SentencePiece models), words are
   * tokenized one at a time and kept: no vocabulary piece holds the word separator inside it, so a text's
   * segmentation is the concatenation of its words' segmentations, and resumes and vacancies repeat their words.
   * Texts that could hold an added token (<s>, <mask>, ...) go through the tokenizer whole.
   */
  ids(text: string): number[] {
    if (!this.byWord) return this.tokenizer.encode(text, { add_special_tokens: false }).ids;
    const tok = this.tokenizer;
    const normalized = tok.normalizer ? tok.normalizer.normalize(text) : text;
    if (text.includes('<') || normalized.includes('<')) return tok.encode(text, { add_special_tokens: false }).ids;
    if (normalized.length === 0) return [];
    const out: number[] = [];
    for (const chunk of tok.pre_tokenizer!.pre_tokenize(normalized, { section_index: 0 })) {
      let start = 0;
      for (let i = 1; i <= chunk.length; i++) {
        if (i < chunk.length && chunk[i] !== this.byWord.separator) continue;
        const word = chunk.slice(start, i);
        start = i;
        let ids = this.words.get(word);
        if (!ids) {
          ids = tok.model!._call([word]).map((t) => tok.model!.tokens_to_ids.get(t) ?? tok.model!.unk_token_id ?? 0);
          if (this.words.size >= WORD_CACHE) this.words.clear();
          this.words.set(word, ids);
        }
        for (const id of ids) out.push(id);
      }
    }
    return out;
  }

  private readonly words = new Map<string, number[]>();

  /** Builds the model input from already-tokenized texts, truncating to maxLength. */
  pairFromIds(a: number[], b: number[]): EncodedPair {
    const budget = this.maxLength - this.specialCount;
    let na = a.length;
    let nb = b.length;
    if (na + nb > budget) {
      if (this.truncation === 'only_second' && na < budget) {
        nb = budget - na;
      } else {
        // Hugging Face's longest_first: a text shorter than half the budget stays whole and the other gets the rest;
        // otherwise both are cut to half (the longer one keeps the odd token).
        const half = Math.floor(budget / 2);
        if (Math.min(na, nb) <= half) {
          if (na <= nb) nb = budget - na;
          else na = budget - nb;
        } else if (na > nb) {
          na = budget - half;
          nb = half;
        } else {
          na = half;
          nb = budget - half;
        }
      }
    }
    const inputIds: number[] = [];
    const typeIds: number[] = [];
    for (const p of this.template) {
      const ids = 'special' in p ? p.special : p.seq === 'A' ? a.slice(0, na) : b.slice(0, nb);
      for (const id of ids) {
        inputIds.push(id);
        typeIds.push(p.typeId);
      }
    }
    return { inputIds, typeIds, truncatedSecond: b.length - nb };
  }

  pair(a: string, b: string): EncodedPair {
    return this.pairFromIds(this.ids(a), this.ids(b));
  }

  /**
   * The same model input as pair(), tokenizing only as much of each text as can reach the model. truncatedSecond is
   * exact when the second text fit whole, otherwise a lower bound (at least 1): pair() counts it exactly.
   */
  pairHead(a: string, b: string): EncodedPair {
    const budget = this.maxLength - this.specialCount;
    // One token past the budget: a side that was cut still reads as too long, so its truncation is counted.
    const ha = this.headIds(a, budget + 1);
    const hb = this.headIds(b, budget + 1);
    // Both sides cut: longest_first gives the longer side the odd token, which only the full counts can tell.
    if (!ha.whole && !hb.whole && budget % 2 === 1) return this.pair(a, b);
    return this.pairFromIds(ha.ids, hb.ids);
  }

  private readonly heads = new RecentTexts<{ ids: number[]; whole: boolean }>(HEAD_CACHE);

  /**
   * The first `limit` tokens of a text, and whether that is all of it. The normalizer works character by character
   * and the pre-tokenizer splits words at spaces, so a prefix of the text cut at a space tokenizes to a prefix of the
   * text's tokens: only a prefix long enough for `limit + 1` tokens is tokenized. Recent texts are kept, since a
   * ranking pairs one text with many others.
   */
  headIds(text: string, limit: number): { ids: number[]; whole: boolean } {
    return this.heads.get(`${limit}\u0000${text}`, () => {
      for (let chars = (limit + 1) * 6; ; chars *= 2) {
        const cut = chars >= text.length ? text.length : cutAtSpace(text, chars);
        const ids = this.ids(text.slice(0, cut));
        if (cut >= text.length) return { ids: ids.slice(0, limit), whole: ids.length <= limit };
        if (ids.length > limit) return { ids: ids.slice(0, limit), whole: false };
      }
    });
  }
}

const HEAD_CACHE = 256;
const WORD_CACHE = 100_000;

/**
 * A cut position at or after `from` where a plain space, tab or line break is followed by an ASCII character, so that
 * no combining mark or other character the normalizer could join across the space lies on either side; the text's
 * length when there is none.
 */
function cutAtSpace(text: string, from: number): number {
  for (let i = from; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if ((c === 32 || c === 10 || c === 9 || c === 13) && text.charCodeAt(i + 1) < 128) return i;
  }
  return text.length;
}

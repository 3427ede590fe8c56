import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines, splitSentences } from './sentences.ts';
import * as reference from './testing/sentences-reference.ts';

/** Pieces of resume text that exercise bullets, wrapped lines, labels, abbreviations, initials and punctuation runs. */
const pieces = ['a', 'B', 'word ', 'more words ', '. ', '.', '...', '!', '? ', '\n', '\n\n', '- ', '• ', '1. ', 'e.g. ', 'J. ',
  'iOS: ', 'Label: ', '»', ')', ' ', 'Node.js', 'т.е. ', 'Иван', ';', '…', '\t', '*'];

describe('sentence splitting, compared with the implementation before it was made linear', () => {
  it('gives the same lines and sentences on short texts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 50 }), (parts) => {
        const text = parts.join('');
        expect(splitLines(text)).toEqual(reference.splitLines(text));
        expect(splitSentences(text)).toEqual(reference.splitSentences(text));
      }),
      { numRuns: 5000 },
    );
  });
});

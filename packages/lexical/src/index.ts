export { LexicalIndex, type LexicalIndexOptions, type SearchHit } from './lexical-index.ts';
export { LEXICAL_MODEL, scoreLexical, squash, statusFor, type LexicalInput } from './score.ts';

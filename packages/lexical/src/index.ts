export { LEXICAL_MODEL, scoreLexical, squash, statusFor, type LexicalInput } from './score.ts';

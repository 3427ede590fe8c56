export { PROMPT_VERSION_RULES, writeRulesAdvice, type RulesAdviceInput } from './rules.ts';

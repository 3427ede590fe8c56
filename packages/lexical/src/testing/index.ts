/** Test helpers of the text analysis: a module of analysis functions that never end on a marked vacancy. */
export { NEVER_ENDS } from './never-ending-analysis.ts';

/** Give it to TextAnalysisPool as `module`: its workers then loop forever on a vacancy that contains NEVER_ENDS. */
export const NEVER_ENDING_ANALYSIS = new URL('./never-ending-analysis.ts', import.meta.url);

/** Worker-thread pools whose calls run under a hard deadline: used by file extraction and text analysis. */
export { DeadlinePool, moduleBeside, type DeadlinePoolOptions, type DeadlinePoolErrors, type ThrownError } from './pool.ts';

export { startAdvisor, type AdvisorDeps } from './worker.ts';
export { createWriterFromConfig } from './create-writer.ts';

export { startAdvisor, type AdvisorDeps } from './worker.ts';
export { createWriterFromConfig } from './create-writer.ts';
export { adviseAnalysisJob } from './jobs/advise-analysis.ts';

/** The gateway's use cases: what the routes (and the CLI) do, without HTTP. */
export { acceptAnalysis, type AnalysisRequest } from './accept-analysis.ts';
export { acceptRanking, type RankingRequest } from './accept-ranking.ts';
export { analysisForPair } from './analysis-for-pair.ts';
export { checkTextLength } from './check-text-length.ts';
export type { UseCaseDeps, UseCaseLog } from './context.ts';
export { enqueueOrLeaveToRecovery } from './enqueue.ts';
export { exportTrainingData, type TrainingDataPage } from './export-training-data.ts';
export { waitForAnalysis } from './wait-for-analysis.ts';

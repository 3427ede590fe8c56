export * from './analysis.ts';
export * from './jobs.ts';

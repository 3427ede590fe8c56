export * from './analysis.ts';
export * from './jobs.ts';
export * from './lifecycle.ts';

export * from './failures.ts';
export * from './recovery.ts';

export * from './client.ts';
export * as schema from './schema.ts';
export * from './pagination.ts';
export * from './repositories/owners.ts';
export * from './repositories/documents.ts';
export * from './repositories/analyses.ts';
export * from './repositories/rankings.ts';
export * from './repositories/llm-exchanges.ts';
export { uuidv7 } from './uuid.ts';

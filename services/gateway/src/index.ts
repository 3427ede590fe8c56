export { buildApp } from './app.ts';
export type { GatewayDeps } from './context.ts';
export * from './use-cases/index.ts';

export { buildApp } from './app.ts';
export type { GatewayDeps } from './context.ts';
export { startRecovery, recoverOnce } from './recovery.ts';

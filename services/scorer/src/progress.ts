import type { ProgressBus } from '@rc/queue';

export function publish(bus: ProgressBus, kind: 'analysis' | 'ranking', id: string, status: string, progress: number, message?: string) {
  return bus.publish({ kind, id, status, progress, message, at: new Date().toISOString() });
}

/**
 * The progress line on stderr: redrawn in place on a terminal, one line per change otherwise (logs, CI), and
 * silent when asked. Steps: queued → scoring → advising → done for analyses, queued → running → done for rankings.
 */
export interface ProgressLine {
  step(message: string): void;
  job(status: string, progress: number): void;
  done(): void;
}

const LABELS: Record<string, string> = {
  queued: 'queued',
  scoring: 'scoring the requirements',
  scored: 'scored, writing the advice',
  advising: 'writing the advice',
  running: 'ranking',
  done: 'done',
  failed: 'failed',
};

export function progressLine(stream: NodeJS.WriteStream = process.stderr, opts: { quiet?: boolean; steps?: string[] } = {}): ProgressLine {
  const tty = !!stream.isTTY;
  const steps = opts.steps ?? ['queued', 'scoring', 'advising', 'done'];
  let last = '';
  let drawn = false;
  const write = (line: string) => {
    if (opts.quiet || line === last) return;
    last = line;
    if (tty) {
      const width = Math.max(20, (stream.columns || 80) - 1);
      stream.write(`\r\x1b[2K${line.slice(0, width)}`);
      drawn = true;
    } else stream.write(`${line}\n`);
  };
  return {
    step: (message) => write(`… ${message}`),
    job: (status, progress) => {
      const pct = Math.round(Math.max(0, Math.min(1, progress)) * 100);
      const at = steps.indexOf(status === 'scored' ? 'scoring' : status);
      const trail = steps.map((s, i) => (i === at ? `[${s}]` : s)).join(' → ');
      const bar = '█'.repeat(Math.round(pct / 10)).padEnd(10, '░');
      write(tty ? `${bar} ${String(pct).padStart(3)}%  ${trail}` : `progress: ${LABELS[status] ?? status} (${pct}%)`);
    },
    done: () => {
      if (tty && drawn && !opts.quiet) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

/** What every command gets from main: its streams, the environment for the config, and how to style output. */
import type { Style } from '../report.ts';

export interface CommandContext {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: Record<string, string | undefined>;
  style: Style;
  columns: number;
}

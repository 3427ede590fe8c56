/** @rc/cli: the command line, importable for scripts and tests. */
export { run, USAGE, type RunIo } from './cli.ts';
export { ApiClient, readEvents, type Progress } from './api-client.ts';
export { CliError } from './errors.ts';

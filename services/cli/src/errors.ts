/** Errors the CLI reports as one clear line on stderr, with the exit status they carry. */
export class CliError extends Error {
  constructor(
    message: string,
    /** 1: the work failed; 2: the command line is wrong. */
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(message, 2);

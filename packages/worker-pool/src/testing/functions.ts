/** Functions a test pool's workers run: one that answers, one that never ends, and one that throws with a code. */
export function echo(input: { text: string }): { length: number; text: string } {
  return { length: input.text.length, text: input.text };
}

/** Never returns: only terminating its thread stops it. */
export function spin(): never {
  for (;;) {
    // a synchronous loop, deaf to timers and messages
  }
}

export function refuse(input: { code: string }): never {
  throw Object.assign(new Error('refused on purpose'), { name: 'FixtureError', code: input.code });
}

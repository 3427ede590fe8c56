/** Reads a progress stream (Server-Sent Events) the way a page does, for tests that hold a job part-way. */

export interface ProgressRead<E> {
  /** What had arrived when the first progress event was seen, before `afterFirst` ran. */
  before: string;
  /** Every progress event of the whole stream, parsed. */
  events: E[];
  text: string;
}

/** Reads `res` until its first progress event, calls `afterFirst` (e.g. lets a held job go on), then reads to the end. */
export async function readProgressStream<E = { status: string; progress: number }>(res: Response, afterFirst: () => void): Promise<ProgressRead<E>> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!/^event: progress\ndata: /m.test(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  const before = text;
  afterFirst();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  const events = [...text.matchAll(/^event: progress\ndata: (.*)$/gm)].map((m) => JSON.parse(m[1]!) as E);
  return { before, events, text };
}

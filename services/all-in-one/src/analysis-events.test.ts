import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProgressStream } from '@rc/testing';
import type { Scoring } from '@rc/contracts';
import { LexicalEngine, type PairText } from '@rc/scorer';
import { RESUME_EN, startHarness, VACANCY_EN, type Harness } from './testing/harness.ts';

/** The lexical engine, holding each analysis at a gate so the test can watch it unfinished. */
class GatedEngine extends LexicalEngine {
  private open!: () => void;
  private gate = new Promise<void>((r) => (this.open = r));
  release() {
    this.open();
  }
  override async analyse(pair: PairText): Promise<Scoring> {
    await this.gate;
    return super.analyse(pair);
  }
}

let h: Harness;
const engine = new GatedEngine();
let port: number;
beforeAll(async () => {
  h = await startHarness({}, engine);
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  port = (h.app.server.address() as { port: number }).port;
});
afterAll(async () => {
  engine.release();
  await h?.close();
});

describe('analysis progress over Server-Sent Events', () => {
  it('streams the unfinished states first, progress never going back, then done and end', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/v1/analyses', payload: { resumeText: RESUME_EN, vacancyText: `${VACANCY_EN.title}\n${VACANCY_EN.description}` } });
    const { id } = JSON.parse(res.body) as { id: string };
    const stream = await fetch(`http://127.0.0.1:${port}/v1/analyses/${id}/events`);
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const { before, events, text } = await readProgressStream(stream, () => engine.release());
    expect(before).not.toMatch(/"status":"(done|failed)"/);
    expect(['queued', 'scoring']).toContain(events[0]!.status);
    // the advice stage is seen too: the stream follows the job, not only its end
    expect(events.map((e) => e.status)).toEqual(expect.arrayContaining(['advising', 'done']));
    expect(events.at(-1)).toMatchObject({ status: 'done', progress: 1 });
    const progress = events.map((e) => e.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(text).toMatch(/event: end\ndata: .*"status":"done"/);
  });
});

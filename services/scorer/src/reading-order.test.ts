import { afterAll, describe, expect, it } from 'vitest';
import { inReadingOrder, LexicalEngine, ReadingOrderEngine } from './engine.ts';
import { createTextAnalysis } from './text-analysis.ts';

const pad = (left: string, right: string) => left.padEnd(40) + right;
// a two-column CV as a PDF's text comes out with its layout kept: the jobs on the right, beside the skills
const RESUME = [
  'DANA WHITFIELD',
  'Java Developer',
  pad('CONTACT', 'PROFILE'),
  pad('Austin, TX', 'Backend developer who writes Java for payment services'),
  pad('512-555-0178', 'and keeps them running; on call for what I ship.'),
  pad('dana@mail.example', ''),
  pad('SKILLS', 'EXPERIENCE'),
  pad('Java 17, Spring Boot', 'Senior Java Developer'),
  pad('PostgreSQL, Kafka', 'Paylane, Austin TX'),
  pad('Docker, Kubernetes', 'Mar 2021 – Nov 2026'),
  pad('', '• Built the settlement service in Java and Spring Boot'),
  pad('EDUCATION', '• Moved the ledger from batch jobs to Kafka streams'),
  pad('B.S. Computer Science', 'Java Developer'),
  pad('Texas State University, 2016', 'Cardwise, Dallas TX'),
  pad('', 'Jun 2016 – Feb 2021'),
  pad('LANGUAGES', '• Wrote REST services in Java for card issuing'),
  pad('English, Spanish', '• Cut the test suite from 40 to 12 minutes'),
].join('\n');
const VACANCY = 'Java Developer\n\nRequirements:\n- 8+ years of experience with Java\n- Spring Boot\n- PostgreSQL';

describe('ReadingOrderEngine', () => {
  const text = createTextAnalysis({});
  const bare = new LexicalEngine(text);
  const engine = new ReadingOrderEngine(bare);
  afterAll(() => engine.close());

  it("reads a two-column CV's jobs, so its years are counted", async () => {
    const now = '2026-11-30T00:00:00Z';
    const unordered = await bare.analyse({ vacancyText: VACANCY, resumeText: RESUME, now });
    const ordered = await engine.analyse({ vacancyText: VACANCY, resumeText: RESUME, now });
    // line by line, a job's title, employer and dates sit beside the skills and education: its years go unread
    expect(unordered.resume_facts!.jobs).toBeLessThan(2);
    expect(unordered.requirements.find((r) => r.text.startsWith('8+ years'))!.status).not.toBe('met');
    expect(ordered.resume_facts!.jobs).toBe(2);
    const years = ordered.requirements.find((r) => r.text.startsWith('8+ years'))!;
    expect(years.status).toBe('met');
    expect(years.years!.shown).toBeGreaterThan(10);
    expect(ordered.score).toBeGreaterThan(unordered.score);
    // rankings read the same: a pair's score is its analysis's
    const [score] = await engine.scorePairs([{ vacancyText: VACANCY, resumeText: RESUME }]);
    expect(score).toBeCloseTo(ordered.score, 3);
  });

  it('passes a one-column resume through as it is', () => {
    const pair = { vacancyText: VACANCY, resumeText: 'Java developer, 3 years.\nSpring Boot, PostgreSQL.' };
    expect(inReadingOrder(pair)).toBe(pair);
  });
});

import { describe, expect, it } from 'vitest';
import { fittingResumeEn, fittingResumeRu, unrelatedResumeEn, vacancyEn, vacancyRu } from '@rc/testing/fit-pairs';
import { loadReading, readingVersion, storeReading, textFingerprint } from './reading.ts';
import { postingReadingAndTerms, scoreLexical } from './score.ts';

const postingReading = (text: string) => postingReadingAndTerms(text).reading;

/** Scores other postings until the scorer's few recently read postings are others (its cache holds 4). */
function forgetRecentPostings(): void {
  for (let i = 0; i < 6; i++) scoreLexical({ vacancyText: `Courier ${i}\nRequirements:\n- a driving licence\n- ${i + 1} years of deliveries`, resumeText: 'Courier.' });
}

describe('a stored posting reading', () => {
  it('is loaded only for the text it was made of, by the code that made it', () => {
    const reading = { rows: ['Java 17'], n: 3 };
    const stored = storeReading('the posting', reading);
    expect(loadReading('the posting', stored)).toEqual(reading);
    expect(loadReading('the posting.', stored)).toBeNull();
    expect(loadReading('The posting', stored)).toBeNull();
    expect(loadReading('the posting', stored.replace(readingVersion(), '0000000000000000'))).toBeNull();
    expect(loadReading('the posting', '{"version":')).toBeNull();
    expect(loadReading('the posting', JSON.stringify({ version: readingVersion(), text: textFingerprint('the posting'), reading: null }))).toBeNull();
  });

  it('fingerprints texts that differ in one character, or in length only, apart', () => {
    expect(textFingerprint('Senior Java developer')).not.toBe(textFingerprint('Senior Java developex'));
    expect(textFingerprint('abc')).not.toBe(textFingerprint('abc\u0000'));
    expect(textFingerprint('Разработчик')).toBe(textFingerprint('Разработчик'));
  });

  it('gives the same rows and score as reading the posting afresh, in English and Russian', () => {
    for (const [vacancyText, resumeText] of [
      [vacancyEn, fittingResumeEn],
      [vacancyEn, unrelatedResumeEn],
      [vacancyRu, fittingResumeRu],
    ] as const) {
      forgetRecentPostings();
      const fresh = scoreLexical({ vacancyText, resumeText });
      const stored = postingReading(vacancyText);
      forgetRecentPostings();
      const fromStored = scoreLexical({ vacancyText, resumeText, vacancyReading: stored });
      expect(fromStored).toEqual(fresh);
      expect(fresh.requirements.length).toBeGreaterThan(3);
    }
  });

  it('is what the matching reads when it is of the text (and ignored when it is of another)', () => {
    forgetRecentPostings();
    const stored = JSON.parse(postingReading(vacancyEn)) as { reading: { requirements: Array<{ text: string }> } };
    stored.reading.requirements[0]!.text = 'a row only the stored reading has';
    const edited = JSON.stringify(stored);
    forgetRecentPostings();
    const used = scoreLexical({ vacancyText: vacancyEn, resumeText: fittingResumeEn, vacancyReading: edited });
    expect(used.requirements[0]!.text).toBe('a row only the stored reading has');
    const other = `${vacancyEn}\n`;
    forgetRecentPostings();
    const ignored = scoreLexical({ vacancyText: other, resumeText: fittingResumeEn, vacancyReading: edited });
    expect(ignored.requirements.map((r) => r.text)).not.toContain('a row only the stored reading has');
    expect(ignored.requirements[0]!.text).toBe(scoreLexical({ vacancyText: vacancyEn, resumeText: fittingResumeEn }).requirements[0]!.text);
  });
});

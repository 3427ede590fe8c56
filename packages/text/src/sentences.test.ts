import { describe, expect, it } from 'vitest';
import { isListLine, splitSentences } from './sentences.ts';

const resume = `Иван Петров
Senior Backend Developer

• Разрабатывал микросервисы на Python, Django и т.д. Внедрил CI/CD в GitLab.
• Сократил время ответа API на 35%, перевёл сервис на Node.js 20. Использовал PostgreSQL 15.2.
- Led a team of 5 engineers, e.g. mentoring and code review. Mr. Smith approved the plan.
1. First numbered item
2) A long bullet that the PDF extractor wrapped onto
the next line without any punctuation
Version 3.5 of the tool shipped. Next sentence!`;

describe('splitSentences', () => {
  const sentences = splitSentences(resume);

  it('returns offsets that slice back to each sentence', () => {
    for (const s of sentences) expect(resume.slice(s.start, s.end)).toBe(s.text);
  });

  it('splits bullets and sentences, without bullet markers', () => {
    expect(sentences.map((s) => s.text)).toEqual([
      'Иван Петров',
      'Senior Backend Developer',
      'Разрабатывал микросервисы на Python, Django и т.д.',
      'Внедрил CI/CD в GitLab.',
      'Сократил время ответа API на 35%, перевёл сервис на Node.js 20.',
      'Использовал PostgreSQL 15.2.',
      'Led a team of 5 engineers, e.g. mentoring and code review.',
      'Mr. Smith approved the plan.',
      'First numbered item',
      'A long bullet that the PDF extractor wrapped onto\nthe next line without any punctuation',
      'Version 3.5 of the tool shipped.',
      'Next sentence!',
    ]);
  });

  it('does not break after т.е., e.g. or an initial', () => {
    const t = 'Работал с БД, т.е. PostgreSQL и Redis. Reviewed by J. Smith in 2021.';
    expect(splitSentences(t).map((s) => s.text)).toEqual([
      'Работал с БД, т.е. PostgreSQL и Redis.',
      'Reviewed by J. Smith in 2021.',
    ]);
  });

  it('keeps "label: value" lines apart even when the next starts lowercase', () => {
    const t = 'Angular / Node JS: 1 year (Preferred)\nnode.js: 2 years (Preferred)';
    expect(splitSentences(t)).toHaveLength(2);
  });

  it('cuts a run-on paragraph without punctuation into evidence-sized pieces', () => {
    const t = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const parts = splitSentences(t);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(400);
      expect(t.slice(p.start, p.end)).toBe(p.text);
    }
    expect(parts.map((p) => p.text).join(' ')).toBe(t);
  });

  it('skips lines without letters or digits and handles CRLF', () => {
    const t = 'First line\r\n---\r\n•\r\nSecond line\r\n';
    const parts = splitSentences(t);
    expect(parts.map((p) => p.text)).toEqual(['First line', 'Second line']);
  });
});

describe('isListLine', () => {
  it('tells a list of names from a sentence of work, brackets and a closing semicolon aside', () => {
    expect(isListLine('Data: dbt, Airflow, Snowflake, Redshift, Kafka, Great Expectations, Looker')).toBe(true);
    expect(isListLine('Skills: Xero, Excel (VLOOKUP, pivot tables), purchase ledger, bank reconciliations')).toBe(true);
    expect(isListLine('работа с пароконвектоматом Rational (программы, режимы), су-вид для мяса;')).toBe(false);
    expect(isListLine('Moved 180 legacy stored procedures into dbt models with tests and docs; analysts now self-serve from marts')).toBe(false);
  });
});

describe('splitSentences: a line wrapped before a capital', () => {
  it('joins a line that stops on a preposition or conjunction to the next, and not a line that stops on a name', () => {
    const text = 'Data engineer with four years of building pipelines for retail companies. I write most of my transformations\nin SQL and dbt and the glue code in\nPython. Currently looking for a team.';
    expect(splitSentences(text).map((s) => s.text)).toContain('I write most of my transformations\nin SQL and dbt and the glue code in\nPython.');
    expect(splitSentences('Cambridge C2 Proficiency, grade A\nEducation and training').map((s) => s.text)).toEqual(['Cambridge C2 Proficiency, grade A', 'Education and training']);
  });
});


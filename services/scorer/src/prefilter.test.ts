import { describe, expect, it } from 'vitest';
import { queryWords } from './prefilter.ts';

describe('queryWords', () => {
  it('puts the skills of a resume before its filler words and drops stopwords', () => {
    const words = queryWords('I have worked with the team on the project. I have experience with Python, Django and Kubernetes. The team was great.');
    expect(words.slice(0, 3).sort()).toEqual(['django', 'kubernetes', 'python']);
    expect(words).not.toContain('the');
    expect(words).not.toContain('with');
  });

  it('reads Russian as well', () => {
    const words = queryWords('Опыт разработки на Python и PostgreSQL, работа в команде');
    expect(words).toEqual(expect.arrayContaining(['python', 'postgresql']));
    expect(words.some((w) => /разработк/.test(w))).toBe(true);
  });
});

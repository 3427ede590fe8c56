import { terms } from '@rc/text';
import { describe, expect, it } from 'vitest';
import { TIP_TERMS, learningTip } from './learning-tips.ts';

describe('learningTip', () => {
  it('has a tip in both languages for every skill, Russian ones without bare Latin words', () => {
    expect(TIP_TERMS.size).toBeGreaterThanOrEqual(20);
    for (const term of TIP_TERMS) {
      const en = learningTip(term, 'en')!;
      const ru = learningTip(term, 'ru')!;
      expect(en).toMatch(/^[a-z]/);
      expect(ru.replace(/«[^»]*»/g, '')).not.toMatch(/[A-Za-z]/);
    }
  });

  it('finds tips by the term a skill name produces, whatever the spelling', () => {
    expect(learningTip(terms('k8s')[0]!, 'en')).toContain('local cluster');
    expect(learningTip(terms('Postgres')[0]!, 'ru')).toContain('«PostgreSQL»');
    expect(learningTip('cobol', 'en')).toBeNull();
  });
});

/** An analysis carries the resume's facts: the years its job dates cover, its education, languages and licences. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@rc/testing';
import { startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function analyse(resumeText: string, vacancyText: string) {
  const res = await h.app.inject({ method: 'POST', url: '/v1/analyses', payload: { resumeText, vacancyText } });
  expect(res.statusCode).toBe(202);
  const { id } = JSON.parse(res.body) as { id: string };
  return waitFor(async () => {
    const body = JSON.parse((await h.app.inject({ method: 'GET', url: `/v1/analyses/${id}` })).body);
    return body.status === 'done' || body.status === 'failed' ? body : null;
  }, { what: `analysis ${id}` });
}

describe('resume facts in an analysis', () => {
  it('carries the years of a dated English resume, its education and languages', async () => {
    const resume = [
      'Daniel Okafor',
      'daniel@example.com | +44 7700 900431',
      'EXPERIENCE',
      'Java Developer, Acme Ltd — Jan 2015 – Dec 2018',
      '• Spring Boot services',
      'Senior Java Developer, Beta Payments — Mar 2017 – Feb 2021',
      '• Kafka, PostgreSQL',
      'EDUCATION',
      'BSc in Computer Science, University of Leeds, 2011 – 2014',
      'LANGUAGES',
      'English (native), French (B1)',
    ].join('\n');
    const a = await analyse(resume, 'Java developer\nRequirements: Java, Spring Boot, 3+ years of experience');
    expect(a.status).toBe('done');
    // Jan 2015 – Feb 2021 with the overlap counted once: six years and two months
    expect(a.resume_facts).toMatchObject({
      total_years: 6.2,
      jobs: 2,
      education_level: 'bachelor',
      languages: [{ name: 'English', level: 'native' }, { name: 'French', level: 'B1' }],
    });
  });

  it('carries the years and the driving licence of a Russian resume', async () => {
    const resume = [
      'Петров Павел',
      'Опыт работы',
      'с 2012 г. по 2016 г. — водитель категории C, ООО «ЗапСибХлеб»',
      '03.2016 — 08.2020 — водитель-международник, ООО «ТрансЕвроЛайн»',
      'Образование',
      'Автотранспортный техникум, 2008–2011',
      'Водительское удостоверение: категории B, C, CE',
    ].join('\n');
    const a = await analyse(resume, 'Водитель категории CE\nТребования: опыт от 3 лет, права категории CE');
    expect(a.status).toBe('done');
    // mid-2012 to the end of August 2020
    expect(a.resume_facts.total_years).toBe(8.2);
    expect(a.resume_facts.education_level).toBe('vocational');
    expect(a.resume_facts.licences).toContainEqual(expect.objectContaining({ kind: 'driving', categories: ['B', 'C', 'CE'] }));
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writePdf } from '@rc/testing/files';
import { postingTitle } from '@rc/text';
import { readResume, readVacancy } from './inputs.ts';

const dir = mkdtempSync(join(tmpdir(), 'rc-cli-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readResume', () => {
  it('reads a PDF without its hidden text and keeps the report of it', async () => {
    const file = join(dir, 'cv.pdf');
    writeFileSync(
      file,
      writePdf([{ texts: [{ text: 'Jane Doe, Python developer', x: 50, y: 780 }, { text: 'Kubernetes Kafka', x: 50, y: 760, renderMode: 3 }] }]),
    );
    const resume = await readResume(file, 100_000);
    expect(resume.content).toBe('Jane Doe, Python developer');
    expect(resume.hiddenText).toEqual({ chars: 16, samples: ['Kubernetes Kafka'], reasons: [{ reason: 'invisible', page: 1, chars: 16 }] });
  });
});

describe('readVacancy', () => {
  it('takes a scraped one-paragraph posting whole as its description, leaving its title to the service', async () => {
    const scrape =
      'Java Backend Developer (Mid/Senior) - Payments Platform - Columbus, OH (Hybrid) Full-time Minimum Required Skills: Java, Spring Boot, SQL. ' +
      'Basic Qualifications: 3+ years of Java. '.repeat(8);
    const file = join(dir, 'scrape.txt');
    writeFileSync(file, scrape);
    const v = await readVacancy(file, 100_000);
    expect(v.title).toBeUndefined();
    expect(v.description).toBe(scrape.trim());
  });

  it('takes the first line of a posting with lines as its title and the rest as its description', async () => {
    const file = join(dir, 'lines.txt');
    writeFileSync(file, '\nJava-разработчик\nТребования:\n- Java\n- SQL\n');
    expect(await readVacancy(file, 100_000)).toMatchObject({ title: 'Java-разработчик', description: 'Требования:\n- Java\n- SQL' });
  });

  it("leaves the title of a job page copied whole to the service, not the site's first line", async () => {
    const page =
      'Skip to main content\nLinkedIn\nSearch\nHome\nMy Network\nJobs\nMessaging\nNotifications\nMe\nFor Business\nTry Premium for $0\n\n' +
      'Kestrelmoor Payments\n· 2,341 followers\n\nData Engineer\nDenver, CO · Reposted 2 weeks ago · Over 100 applicants\nHybrid\nEasy Apply\nSave\n\n' +
      'About the job\nWe are growing the Data Platform team.\n\nWhat you bring\n4+ years of Python and SQL\nHands-on experience with Airflow\n';
    const file = join(dir, 'page.txt');
    writeFileSync(file, page);
    const v = await readVacancy(file, 100_000);
    expect(v.title).toBeUndefined();
    expect(v.description).toBe(page.trim());
    expect(postingTitle(v.description)).toBe('Data Engineer');
  });
});

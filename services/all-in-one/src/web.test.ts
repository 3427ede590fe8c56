/**
 * The web page in a real browser (Debian's Chromium through playwright-core) against the embedded product: upload a
 * DOCX and check it against a vacancy, rank saved vacancies, and see the API's message for a broken file.
 * Set UPDATE_SCREENSHOTS=1 to refresh docs/screenshot-result.png; otherwise the screenshot goes to a temp folder.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inCI, repoRoot } from '@rc/testing';
import { RESUME_EN, startHarness, VACANCY_EN, type Harness } from './testing/harness.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const haveChromium = existsSync(CHROMIUM);
const missing = `browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium)`;
if (!haveChromium && !inCI) console.warn(`SKIPPED: ${missing}`);

const RESUME_DOCX_LINES = [
  'Anna Ivanova',
  'Backend developer',
  'Summary: 4 years of commercial experience building web services with Python.',
  'Experience:',
  'Built REST APIs with Flask for a logistics product used by 300 warehouses.',
  'Wrote SQL reports on PostgreSQL and added indexes to slow tables.',
  'Packaged the services in Docker images.',
  'Skills: Python, Flask, PostgreSQL, Docker, Git, Linux',
];

async function docx(lines: string[]): Promise<Buffer> {
  const [name, ...rest] = lines;
  const doc = new Document({
    sections: [{ children: [new Paragraph({ text: name!, heading: HeadingLevel.HEADING_1 }), ...rest.map((l) => new Paragraph(l))] }],
  });
  return Packer.toBuffer(doc);
}

/** Pastes a resume and a vacancy into the check panel, runs the check and waits for the result's gauge. */
async function checkFit(page: Page, resume: string, title: string, vacancy: string): Promise<void> {
  await page.locator('#panel-check').getByLabel('Paste the resume text').fill(resume);
  await page.locator('#panel-check').getByLabel('Job title').fill(title);
  await page.locator('#panel-check').getByLabel('Vacancy description').fill(vacancy);
  await page.getByRole('button', { name: 'Check the fit' }).click();
  await page.locator('#check-result svg.gauge').waitFor({ state: 'visible', timeout: 30_000 });
}

describe.runIf(!haveChromium && inCI)('web page (Chromium missing)', () => {
  it('has a browser to run in', () => {
    throw new Error(missing);
  });
});

describe.runIf(haveChromium)('web page', () => {
  let h: Harness;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    h = await startHarness();
    base = await h.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await h?.close();
  });

  /** A fresh page; every request it makes is recorded, to prove it talks to nothing but this server. */
  async function open(opts: { locale?: string; width?: number } = {}): Promise<{ page: Page; requests: string[] }> {
    // Reduced motion turns the progress bar's transition off, so what is asserted (and photographed) is final.
    const context = await browser.newContext({ locale: opts.locale ?? 'en-US', viewport: { width: opts.width ?? 1200, height: 900 }, reducedMotion: 'reduce' });
    contexts.push(context);
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !/status of 4\d\d/.test(m.text()) && problems.push(m.text()));
    await page.goto(base);
    await page.locator('body.is-ready').waitFor();
    expect(problems).toEqual([]);
    return { page, requests };
  }

  it('serves the page with a strict content policy, and the original API still answers', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await res.text();
    expect(html).not.toMatch(/(src|href)="https?:/);
    for (const asset of ['/static/app.js', '/static/i18n.js', '/static/style.css', '/static/favicon.svg']) {
      const r = await fetch(`${base}${asset}`);
      expect(r.status, asset).toBe(200);
      expect((await r.arrayBuffer()).byteLength, asset).toBeGreaterThan(0);
    }
    const legacy = await fetch(`${base}/api/vacancies/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Legacy client', description: 'Python developer' }),
    });
    expect(legacy.status).toBe(201);
    expect(await legacy.json()).toMatchObject({ title: 'Legacy client' });
  });

  it('checks an uploaded DOCX against a pasted vacancy and shows the score, requirements and advice', async () => {
    const { page, requests } = await open();
    await page.setInputFiles('#check-file', {
      name: 'anna-ivanova.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await docx(RESUME_DOCX_LINES),
    });
    await expect(page.locator('#check-file-chosen').textContent()).resolves.toMatch(/anna-ivanova\.docx/);
    await page.locator('#panel-check').getByLabel('Job title').fill(VACANCY_EN.title);
    await page.locator('#panel-check').getByLabel('Vacancy description').fill(VACANCY_EN.description);
    await page.getByRole('button', { name: 'Check the fit' }).click();

    const gauge = page.locator('#check-result svg.gauge');
    await gauge.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await gauge.getAttribute('aria-label')).toMatch(/^Fit score \d{1,3}%: (Strong|Partial|Weak) fit$/);
    await expect(page.locator('#check-progress [role=progressbar]').getAttribute('aria-valuenow')).resolves.toBe('100');
    await expect(page.locator('#check-progress-text').textContent()).resolves.toBe('Done: 100%');

    const rows = page.locator('#check-result table.req-table tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(4);
    const statuses = await page.locator('#check-result .req-table .status').allTextContents();
    expect(statuses.every((s) => ['Met', 'Partly met', 'Missing'].includes(s))).toBe(true);
    expect(statuses).toContain('Missing');
    const importance = await page.locator('#check-result .importance').allTextContents();
    expect(new Set(importance)).toEqual(new Set(['Must have', 'Nice to have']));
    // each row says what it asks for: a skill, years of experience, …
    const kinds = await page.locator('#check-result .req-table .req-kind').allTextContents();
    expect(kinds).toHaveLength(await rows.count());
    expect(kinds).toContain('Skill');
    expect(kinds).toContain('Experience');
    // The score explains itself: must-haves shown out of those asked.
    await expect(page.locator('#check-result .fit-parts').textContent()).resolves.toMatch(/^The score is made of: \d+ of \d+ must-haves shown/);
    // The evidence is the resume's own sentence, marked within its line.
    const marks = await page.locator('#check-result .req-table mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(RESUME_DOCX_LINES.join('\n')).toContain(m);

    for (const heading of ['Requirements', 'Strengths', 'Weaknesses', 'What to learn', 'What to rewrite', 'Points to reflect on', 'How to improve overall', 'Where this came from']) {
      await expect(page.getByRole('heading', { name: heading, exact: true }).isVisible(), heading).resolves.toBe(true);
    }
    await expect(page.locator('.advice-learn li').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('#check-result .source').textContent()).resolves.toMatch(/built-in rules/);
    await expect(page.evaluate<string | undefined>('document.activeElement?.id')).resolves.toBe('result-title');

    const shot = process.env.UPDATE_SCREENSHOTS ? join(repoRoot, 'docs', 'screenshot-result.png') : join(tmpdir(), 'rc-web-screenshot-result.png');
    mkdirSync(join(shot, '..'), { recursive: true });
    // From the finished progress bar down through the requirements and the first advice cards.
    const scrollY = await page.evaluate<number>('window.scrollY');
    const top = (await page.locator('#check-progress').boundingBox())!.y + scrollY - 20;
    const firstAdvice = (await page.locator('.advice-grid > *').first().boundingBox())!;
    const bottom = firstAdvice.y + firstAdvice.height + scrollY + 20;
    await page.screenshot({ path: shot, fullPage: true, clip: { x: 0, y: top, width: 1200, height: Math.min(1600, bottom - top) } });
    expect(statSync(shot).size).toBeLessThan(300 * 1024);

    // The whole result fits a 360-pixel-wide phone without sideways scrolling.
    await page.setViewportSize({ width: 360, height: 800 });
    await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(360);

    // Russian at the flip of a switch, remembered on the next visit.
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect(page.locator('#tab-check').textContent()).resolves.toBe('Проверить резюме');
    await expect(page.locator('#result-title').textContent()).resolves.toBe('Результат');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ru');
    await page.reload();
    await expect(page.locator('#tab-rank').textContent()).resolves.toBe('Подобрать вакансии');

    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(base))).toEqual([]);
  });

  it('starts in Russian for a Russian browser', async () => {
    const { page } = await open({ locale: 'ru-RU' });
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ru');
    await expect(page.getByRole('button', { name: 'Проверить', exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Русский' }).getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('shows the API’s message when the file is broken', async () => {
    const { page } = await open();
    await page.setInputFiles('#check-file', {
      name: 'broken.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(400, 0x41)]),
    });
    await page.locator('#panel-check').getByLabel('Vacancy description').fill(VACANCY_EN.description);
    await page.getByRole('button', { name: 'Check the fit' }).click();
    const alert = page.locator('#check-error[role=alert]');
    await alert.locator('strong').waitFor({ timeout: 15_000 });
    await expect(alert.locator('strong').textContent()).resolves.toBe('The file could not be read');
    await expect(alert.locator('.error-detail').textContent()).resolves.toMatch(/^The PDF is damaged/);
    await expect(page.locator('#check-result').isHidden()).resolves.toBe(true);

    // A form with nothing in it is answered on the page, without a request.
    await page.locator('[data-clear-file=check-file]').click();
    await page.locator('#panel-check').getByLabel('Vacancy description').fill('');
    await page.getByRole('button', { name: 'Check the fit' }).click();
    await expect(alert.textContent()).resolves.toBe('Add your resume: upload a file or paste the text.');
  });

  it('ranks the saved vacancies for a pasted resume, best first, and opens one in detail', async () => {
    const { page } = await open();
    // Tabs follow the ARIA pattern: arrow keys move between them.
    await page.locator('#tab-check').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('#panel-rank').isVisible()).resolves.toBe(true);
    await expect(page.evaluate<string | undefined>('document.activeElement?.id')).resolves.toBe('tab-rank');

    const add = async (title: string, description: string) => {
      await page.locator('#add-vacancy-title').fill(title);
      await page.locator('#add-vacancy-text').fill(description);
      await page.getByRole('button', { name: 'Save the vacancy' }).click();
      await page.locator('#vacancy-list label', { hasText: title }).waitFor();
    };
    await add('Frontend developer (React)', 'Requirements:\n- 3 years with React and TypeScript\n- CSS, accessibility, Storybook\nNice to have:\n- Next.js');
    await add('Chief accountant', 'Requirements:\n- 10 years of accounting, IFRS reporting\n- Tax audits and payroll\n- 1C:Enterprise');
    const python = 'Python backend developer';
    await add(python, VACANCY_EN.description);
    expect(await page.locator('#vacancy-list li').count()).toBeGreaterThanOrEqual(3);

    await page.getByLabel('Resume', { exact: true }).selectOption('');
    await page.locator('#rank-resume-text').fill(RESUME_EN);
    await page.getByRole('button', { name: 'Rank my vacancies' }).click();
    const table = page.locator('#rank-result table.rank-table');
    await table.waitFor({ state: 'visible', timeout: 30_000 });

    const ranks = await table.locator('tbody .col-rank').allTextContents();
    expect(ranks.length).toBeGreaterThanOrEqual(3);
    expect(ranks).toEqual(ranks.map((_, i) => String(i + 1)));
    const titles = await table.locator('tbody .col-vacancy').allTextContents();
    // A vacancy the full-text prefilter leaves out counts as ranked last.
    const place = (title: string) => (titles.includes(title) ? titles.indexOf(title) : Infinity);
    expect(place(python)).toBeLessThan(place('Frontend developer (React)'));
    expect(place(python)).toBeLessThan(place('Chief accountant'));
    const scores = (await table.locator('.score-number').allTextContents()).map((s) => Number.parseInt(s, 10));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await expect(page.locator('#rank-progress-text').textContent()).resolves.toBe('Done: 100%');
    // The new resume is saved and chosen for the next ranking.
    await expect(page.locator('#rank-resume-select option:checked').textContent()).resolves.toMatch(/^John Smith/);

    await table.getByRole('button', { name: `Check the resume against “${python}” in detail` }).click();
    await page.locator('#check-result svg.gauge').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(page.locator('#check-result .result-summary .muted').textContent()).resolves.toBe(`John Smith for “${python}”`);
    await expect(page.locator('#check-result .req-table mark').first().isVisible()).resolves.toBe(true);
  });

  it("says when a craft skill is implied by the years in the field rather than named, beside the job that implies it", async () => {
    const { page } = await open();
    const resume = [
      'Pavel Orlov',
      'Senior Java Developer',
      '2018/01 – 2023/12',
      'Java Developer, Northwind Bank',
      '• Built payment services in Java and Spring Boot on PostgreSQL, deployed with Docker.',
      '2024/01 – present',
      'Senior Java Developer, Kestrel Pay',
      '• Moved settlement jobs to Kafka and Kubernetes; Java 17, Spring Boot.',
    ].join('\n');
    await checkFit(page, resume, 'Java Developer', 'Requirements:\n- Java\n- Spring Boot\n- Solid understanding of design patterns\n- PostgreSQL');
    const row = page.locator('#check-result .req-table tbody tr', { hasText: 'design patterns' });
    await expect(row.locator('.status').textContent()).resolves.toBe('Partly met');
    await expect(row.locator('.req-implied').textContent()).resolves.toMatch(/^Not named in the resume; implied by \d+(\.\d)? years of jobs in the field/);
    await expect(row.locator('mark').textContent()).resolves.toContain('Java Developer, Northwind Bank');
  });

  it('says what shows a row no resume line shows, rather than that nothing covers it', async () => {
    const { page } = await open();
    const resume = ['Pavel Orlov', 'Java Developer', '2018/01 – present', 'Java Developer, Northwind Bank', '• Payment services in Java and Spring Boot.'].join('\n');
    await checkFit(page, resume, 'Java Developer', 'Requirements:\n- Java\n- Spring Boot\n- Fluent written English\n- 3+ years of Java');
    const row = page.locator('#check-result .req-table tbody tr', { hasText: 'Fluent written English' });
    await expect(row.locator('.status').textContent()).resolves.toBe('Met');
    await expect(row.textContent()).resolves.toContain('Shown by the resume itself, written in this language.');
    await expect(row.textContent()).resolves.not.toContain('Nothing in the resume covers this.');
    // a years row says the years the dates show against the years asked
    const years = page.locator('#check-result .req-table tbody tr', { hasText: '3+ years of Java' });
    await expect(years.locator('.req-years').textContent()).resolves.toMatch(/^The dates show \d+(\.\d)? years against 3 asked$/);
  });

  it("names a pasted LinkedIn export by its owner, not by the 'Contact' header it opens with", async () => {
    const { page } = await open();
    const resume = ['Contact', 'dana.ruiz@mail.example', '', 'Dana Ruiz', 'Senior Data Analyst', '2021 – present', 'Senior Data Analyst, Parcel & Pantry', '• SQL and Looker.'].join('\n');
    await checkFit(page, resume, 'Data Analyst', 'Requirements:\n- SQL\n- Looker');
    await expect(page.locator('#check-result').textContent()).resolves.toContain('Dana Ruiz for “Data Analyst”');
    // and an hh.ru page by the name under its «Резюме обновлено …» line
    const hh = ['Резюме обновлено 30 ноября 2026 в 21:05', '', 'Галимова Регина Айратовна', 'Женщина, 31 год', 'Кондитер', 'Опыт работы — 7 лет'].join('\n');
    await checkFit(page, hh, 'Кондитер', 'Требования:\n- опыт работы кондитером от 2 лет');
    await expect(page.locator('#check-result').textContent()).resolves.toContain('Галимова Регина Айратовна for “Кондитер”');
  });
});
